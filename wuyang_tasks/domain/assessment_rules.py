"""督查考核计分办法: the rules a unit's score is computed from, read from their JSON form.

Point values are kept as ``Decimal`` (read from the JSON text, never through a float), so that
0.5 + 0.1 + … adds up the way the office's own Excel sheet does. Every value is checked here;
a bad file is refused with a message naming the file and the field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .enums import AccountabilityMeasure, Role, UnitKind, UrgingLevel
from .errors import ValidationError

UNIT_ROLES = (Role.LEAD_UNIT, Role.COOPERATING_UNIT, Role.TERRITORIAL_UNIT)
STEPS = {"week": "周", "workday": "个工作日"}


@dataclass(frozen=True)
class Rules:
    name: str
    description: str
    sources: tuple[dict, ...]
    base_score: Decimal
    unit_kinds: tuple[UnitKind, ...]
    roles: dict[Role, Decimal]
    overdue_per_task: Decimal
    overdue_per: str  # "week" or "workday"
    overdue_per_step: Decimal
    urging_levels: dict[UrgingLevel, Decimal]
    urging_written: Decimal
    send_back: Decimal
    send_back_roles: dict[Role, Decimal]
    missed_report: Decimal
    report_period_days: int
    missed_report_roles: dict[Role, Decimal]
    measures: dict[AccountabilityMeasure, Decimal]
    early_bonus: bool
    early_points: Decimal
    early_min_days: int
    cap_per_task: Decimal | None
    cap_period_deduction: Decimal | None
    cap_period_bonus: Decimal | None


def parse_rules_text(text: str, origin: str) -> tuple[Rules, dict]:
    """The rules and their JSON data (numbers as Decimal) from a file's text."""
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"{origin}：不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）。") from None
    return parse_rules(data, origin), data


def parse_rules(data: object, origin: str) -> Rules:
    r = _Reader(data, origin)
    kinds = tuple(r.enum(UnitKind, k, "unit_kinds") for k in r.list("unit_kinds"))
    if not kinds:
        raise ValidationError(f"{origin}：unit_kinds 至少要有一类单位。")
    roles = r.role_map("roles", required=True)
    step = r.text("overdue", "per")
    if step not in STEPS:
        raise ValidationError(f"{origin}：overdue.per 应为 week（每周）或 workday（每工作日），现为“{step}”。")
    return Rules(
        name=r.text("name"), description=r.text("description", required=False),
        sources=tuple(r.list("sources")), base_score=r.number("base_score"), unit_kinds=kinds,
        roles=roles, overdue_per_task=r.number("overdue", "per_task"), overdue_per=step,
        overdue_per_step=r.number("overdue", "per_step"),
        urging_levels={lvl: r.number("urging", "levels", lvl.value) for lvl in UrgingLevel},
        urging_written=r.number("urging", "written"),
        send_back=r.number("send_back", "points"), send_back_roles=r.role_map("send_back", "roles") or roles,
        missed_report=r.number("missed_report", "points"),
        report_period_days=r.whole("missed_report", "period_days"),
        missed_report_roles=r.role_map("missed_report", "roles") or roles,
        measures={m: r.number("accountability", "measures", m.value) for m in AccountabilityMeasure},
        early_bonus=r.flag("early_bonus", "enabled"), early_points=r.number("early_bonus", "points"),
        early_min_days=r.whole("early_bonus", "min_days_early"),
        cap_per_task=r.optional_number("caps", "per_task"),
        cap_period_deduction=r.optional_number("caps", "per_period_deduction"),
        cap_period_bonus=r.optional_number("caps", "per_period_bonus"))


class _Reader:
    """Field access with the file and the field's path in every message."""

    def __init__(self, data: object, origin: str):
        if not isinstance(data, dict):
            raise ValidationError(f"{origin}：计分办法应为一个 JSON 对象。")
        self.data, self.origin = data, origin

    def _get(self, path: tuple[str, ...], required: bool = True):
        node: object = self.data
        for key in path:
            if not isinstance(node, dict) or key not in node:
                if required:
                    raise ValidationError(f"{self.origin}：缺少字段 {'.'.join(path)}。")
                return None
            node = node[key]
        return node

    def _bad(self, path, what: str) -> ValidationError:
        return ValidationError(f"{self.origin}：字段 {'.'.join(path)} 应为{what}。")

    def text(self, *path: str, required: bool = True) -> str:
        value = self._get(path, required)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            raise self._bad(path, "非空文字")
        return value.strip()

    def list(self, *path: str) -> list:
        value = self._get(path)
        if not isinstance(value, list):
            raise self._bad(path, "列表")
        return value

    def number(self, *path: str) -> Decimal:
        return self._number(path, optional=False)

    def optional_number(self, *path: str) -> Decimal | None:
        """:meth:`number`, or None for null (no cap)."""
        if self._get(path, required=False) is None:
            return None
        return self._number(path, optional=True)

    def _number(self, path: tuple[str, ...], *, optional: bool) -> Decimal:
        value = self._get(path, required=True)
        if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
            raise self._bad(path, "数值" + ("（或 null 表示不设上限）" if optional else ""))
        try:
            value = Decimal(value)
        except InvalidOperation:
            raise self._bad(path, "数值") from None
        if value < 0:
            raise self._bad(path, "不小于0的数值（扣分、加分都写正数）")
        return value

    def whole(self, *path: str) -> int:
        value = self.number(*path)
        if value != value.to_integral_value() or value < 1:
            raise self._bad(path, "正整数")
        return int(value)

    def flag(self, *path: str) -> bool:
        value = self._get(path)
        if not isinstance(value, bool):
            raise self._bad(path, "true 或 false")
        return value

    def enum(self, cls, value, *path: str):
        try:
            return cls(value)
        except ValueError:
            names = "、".join(m.value for m in cls)
            raise ValidationError(f"{self.origin}：{'.'.join(path)} 中的“{value}”无法识别，可选：{names}。") from None

    def role_map(self, *path: str, required: bool = False) -> dict[Role, Decimal]:
        value = self._get(path, required)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self._bad(path, "对象（单位角色 → 系数）")
        out = {}
        for key in value:
            role = self.enum(Role, key, *path)
            if role not in UNIT_ROLES:
                raise ValidationError(f"{self.origin}：{'.'.join(path)} 只能列单位角色"
                                      "（LEAD_UNIT、COOPERATING_UNIT、TERRITORIAL_UNIT）。")
            out[role] = self.number(*path, key)
        return out
