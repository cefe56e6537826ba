"""The office profile (机关信息): who issues the documents and to whom they go.

Kept in the ledger (``LedgerMeta['office_profile']``, JSON), so that every clerk of a shared
ledger prints the same 发文机关标志, 机关代字 and 主送/抄送; a change is one audited event with
the whole profile before and after. Entered once — the window's 文书 ▸ 机关信息… dialog or
``wuyang-tasks office --set`` — and read by the read models of the 通报 and the 督办通知单.

Fields left empty fall back to what the ledger knows (机关名称 from the county's government
unit, 发文机关标志 from the 机关名称); 主送 defaults to the units a county circular goes to.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import LedgerMeta, Unit
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.enums import UnitKind
from wuyang_tasks.domain.errors import ValidationError

PROFILE_KEY = "office_profile"
LEGACY_ISSUER_KEY = "document_issuer"  # the issuer's name before the profile existed
DEFAULT_RECIPIENTS = ("各乡镇人民政府", "县直各部门")
LIST_SEPARATORS = "，,；;\n"  # not 、: it joins names within one entry (县委书记、县长)


@dataclass
class OfficeProfile:
    name: str = ""  # 机关名称：舞阳县委县政府督查室
    code: str = ""  # 机关代字：舞督（督办单 舞督〔2016〕2号）
    masthead: str = ""  # 发文机关标志（红头）：舞阳县委县政府督查室
    contact: str = ""  # 联系人
    phone: str = ""  # 电话
    email: str = ""  # 邮箱
    signer: str = ""  # 签发人
    recipients: list[str] = field(default_factory=lambda: list(DEFAULT_RECIPIENTS))  # 主送
    copies: list[str] = field(default_factory=list)  # 抄送
    official: bool = False  # 以公文形式印发：督办单加红头、红线

    @property
    def masthead_text(self) -> str:
        return self.masthead or self.name

    @property
    def recipients_line(self) -> str:
        """主送机关 as printed: 各乡镇人民政府，县直各部门："""
        return "，".join(self.recipients) + "：" if self.recipients else ""

    @property
    def copies_line(self) -> str:
        return "，".join(self.copies) + "。" if self.copies else ""

    @property
    def contact_line(self) -> str:
        """联系人：张明    电话：0395-7211234    邮箱：…  (empty parts left out)."""
        parts = [(label, value) for label, value in
                 (("联系人", self.contact), ("电话", self.phone), ("邮箱", self.email)) if value]
        return "    ".join(f"{label}：{value}" for label, value in parts)


FIELD_LABELS = {"name": "机关名称", "code": "机关代字", "masthead": "发文机关标志", "contact": "联系人",
                "phone": "电话", "email": "邮箱", "signer": "签发人", "recipients": "主送机关",
                "copies": "抄送机关", "official": "以公文形式印发"}


def split_list(text: str) -> list[str]:
    """"各乡镇人民政府，县直各部门" → the two names (any of ，,；; or newlines between)."""
    out, current = [], ""
    for ch in text:
        if ch in LIST_SEPARATORS:
            out.append(current)
            current = ""
        else:
            current += ch
    out.append(current)
    return [part.strip() for part in out if part.strip()]


def county_name(session: Session) -> str:
    """舞阳县, from the leadership unit named ``…人民政府``; empty when there is none."""
    names = session.scalars(select(Unit.name).where(Unit.kind == UnitKind.LEADERSHIP.value)
                            .order_by(Unit.sort_order, Unit.id))
    for name in names:
        if name.endswith("人民政府") and len(name) > 4:
            return name.removesuffix("人民政府")
    return ""


def _stored(session: Session) -> dict:
    meta = session.get(LedgerMeta, PROFILE_KEY)
    if meta is None or not meta.value.strip():
        return {}
    try:
        data = json.loads(meta.value)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def default_name(session: Session) -> str:
    legacy = session.get(LedgerMeta, LEGACY_ISSUER_KEY)
    if legacy and legacy.value.strip():
        return legacy.value.strip()
    county = county_name(session)
    return f"{county}委{county[-1]}政府督查室" if county else "督查室"


def load(session: Session) -> OfficeProfile:
    """The stored profile, with empty 机关名称 filled from the ledger."""
    data = _stored(session)
    known = {f.name for f in fields(OfficeProfile)}
    profile = OfficeProfile(**{k: v for k, v in data.items() if k in known})
    if not profile.name.strip():
        profile.name = default_name(session)
    return profile


def _check(profile: OfficeProfile) -> None:
    if not profile.name.strip():
        raise ValidationError("机关信息：机关名称不能为空。")
    if any(ch in profile.code for ch in "〔〕[]()（）0123456789"):
        raise ValidationError(f"机关信息：机关代字“{profile.code}”只写代字本身（如“舞督”），"
                              "年份和序号由程序编排。")
    if profile.email and "@" not in profile.email:
        raise ValidationError(f"机关信息：邮箱“{profile.email}”格式不对。")
    for label, items in (("主送机关", profile.recipients), ("抄送机关", profile.copies)):
        if len(set(items)) != len(items):
            raise ValidationError(f"机关信息：{label}有重复的名称。")


def save(session: Writer, profile: OfficeProfile) -> OfficeProfile:
    """Store the profile (inside ``ledger.write()``): one audited event with the whole profile
    before and after (``Writer.set_meta``, so that ``verify`` replays the row)."""
    profile = OfficeProfile(**{k: (v.strip() if isinstance(v, str) else v)
                               for k, v in asdict(profile).items()})
    _check(profile)
    if _stored(session) != asdict(profile):
        session.set_meta(PROFILE_KEY, json.dumps(asdict(profile), ensure_ascii=False))
    return profile


def update(session: Writer, **changes) -> OfficeProfile:
    """:func:`save` of the current profile with ``changes`` (field name → value)."""
    profile = load(session)
    for key, value in changes.items():
        if key not in FIELD_LABELS:
            raise ValidationError(f"机关信息：没有“{key}”这一项。")
        setattr(profile, key, value)
    return save(session, profile)
