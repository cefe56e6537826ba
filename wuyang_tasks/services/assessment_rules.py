"""Versions of the 考核计分办法: the shipped default, the office's imports, the one in force.

A version is never changed. Importing a file makes the next version, in force from a day that
may not lie before the ledger's today nor before the latest version's day — so a period that
has already ended keeps the rules, and the score, it had; a running period is scored by the
version in force today. A ledger that never imported any rules is scored by the shipped
default; the first import records that default as version 1 (in force from the start) before
the new version, so past periods still read it from the ledger, whatever a later program ships.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import AssessmentRules
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.assessment import cn_date
from wuyang_tasks.domain.assessment_rules import Rules, parse_rules_text
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.paths import resource_path

SHIPPED = ("assessment", "督查考核计分办法.json")
BEGINNING = date(1900, 1, 1)


@dataclass(frozen=True)
class RulesVersion:
    version: int  # 0: the shipped default, not yet recorded in this ledger
    name: str
    effective_from: date
    text: str
    rules: Rules
    note: str | None = None

    @property
    def short(self) -> str:
        since = "" if self.effective_from == BEGINNING else f"，自{cn_date(self.effective_from)}起施行"
        return ("随程序提供的默认办法" if self.version == 0 else f"第{self.version}版") + since

    @property
    def caption(self) -> str:
        return f"《{self.name}》（{self.short}）"


def shipped_text() -> str:
    return resource_path(*SHIPPED).read_text(encoding="utf-8")


def shipped_version() -> RulesVersion:
    text = shipped_text()
    rules, _ = parse_rules_text(text, SHIPPED[-1])
    return RulesVersion(0, rules.name, BEGINNING, text, rules)


def read_rules_file(path: Path) -> tuple[Rules, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValidationError(f"无法读取计分办法文件 {path}（{exc.strerror}）。") from None
    except UnicodeDecodeError:
        raise ValidationError(f"计分办法文件 {path} 不是 UTF-8 编码的 JSON。") from None
    rules, _ = parse_rules_text(text, str(path))
    return rules, text


def versions(session: Session) -> list[RulesVersion]:
    """Recorded versions, oldest first; the shipped default alone when none is recorded."""
    rows = list(session.scalars(select(AssessmentRules).order_by(AssessmentRules.version)))
    if not rows:
        return [shipped_version()]
    return [_version_of(row) for row in rows]


def in_force(session: Session, day: date) -> RulesVersion:
    """The version a period is scored by: the one in force on its last day (on today, while the
    period is running)."""
    candidates = [v for v in versions(session) if v.effective_from <= day]
    return candidates[-1] if candidates else versions(session)[0]


def import_rules(session: Writer, text: str, origin: str, *, effective_from: date, today: date,
                 note: str | None = None) -> RulesVersion:
    """Record a new version from a file's text; refused when it would change a past period."""
    rules, _ = parse_rules_text(text, origin)
    if effective_from < today:
        raise ValidationError(f"新的计分办法不能追溯施行：施行日期{cn_date(effective_from)}早于今天"
                              f"（{cn_date(today)}），已结束的考核期须保持原来的得分。")
    recorded = list(session.scalars(select(AssessmentRules).order_by(AssessmentRules.version)))
    if not recorded:
        default = shipped_version()
        recorded.append(_record(session, 1, default.name, BEGINNING, default.text, "随程序提供的默认办法"))
    latest = recorded[-1]
    if effective_from < latest.effective_from:
        raise ValidationError(f"施行日期{cn_date(effective_from)}早于现行第{latest.version}版的施行日期"
                              f"（{cn_date(latest.effective_from)}）。")
    if _canonical(text) == _canonical(latest.content):
        raise ValidationError(f"{origin}：与现行第{latest.version}版内容相同，未生成新版本。")
    number = (session.scalar(select(func.max(AssessmentRules.version))) or 0) + 1
    return _version_of(_record(session, number, rules.name, effective_from, text, note))


def version_text(session: Session, number: int | None) -> RulesVersion:
    """A version by number (None: the latest) — for export."""
    all_versions = versions(session)
    if number is None:
        return all_versions[-1]
    for v in all_versions:
        if v.version == number:
            return v
    have = "、".join(str(v.version) for v in all_versions if v.version) or "无（使用默认办法）"
    raise ValidationError(f"没有第{number}版计分办法；台账中的版本：{have}。")


def _record(session: Writer, number: int, name: str, effective_from: date, text: str,
            note: str | None) -> AssessmentRules:
    return session.insert(AssessmentRules(version=number, name=name, effective_from=effective_from,
                                          content=text, note=(note or "").strip() or None))


def _version_of(row: AssessmentRules) -> RulesVersion:
    rules, _ = parse_rules_text(row.content, f"台账中的第{row.version}版计分办法")
    return RulesVersion(row.version, row.name, row.effective_from, row.content, rules, row.note)


def _canonical(text: str) -> str:
    return json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False)
