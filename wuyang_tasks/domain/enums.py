"""Enumerations of the glossary (docs/DESIGN.md).

The member value (its English name) is what the database stores; ``label`` is the Chinese
text shown in the window and printed in documents.
"""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    label: str

    def __new__(cls, value: str, label: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    @classmethod
    def parse(cls, text: str):
        """Accept the stored value or the Chinese label (command line, imports)."""
        text = text.strip()
        for member in cls:
            if text in (member.value, member.label) or text.upper() == member.value:
                return member
        raise ValueError(text)


class UnitKind(Labelled):
    LEADERSHIP = "LEADERSHIP", "县四大班子"
    DEPARTMENT = "DEPARTMENT", "部门"
    TOWNSHIP = "TOWNSHIP", "乡镇"
    ENTERPRISE = "ENTERPRISE", "企业"


class ChiefKind(Labelled):
    PARTY = "PARTY", "党组织主要负责人"
    GOVERNMENT = "GOVERNMENT", "行政主要负责人"


class Role(Labelled):
    LEAD_LEADER = "LEAD_LEADER", "牵头县领导"
    LEAD_UNIT = "LEAD_UNIT", "牵头单位"
    COOPERATING_UNIT = "COOPERATING_UNIT", "配合单位"
    TERRITORIAL_UNIT = "TERRITORIAL_UNIT", "属地单位"
    RESPONSIBLE_PERSON = "RESPONSIBLE_PERSON", "责任人"

    @property
    def is_unit_role(self) -> bool:
        return self in (Role.LEAD_UNIT, Role.COOPERATING_UNIT, Role.TERRITORIAL_UNIT)


class TaskStatus(Labelled):
    DRAFT = "DRAFT", "待交办"
    ASSIGNED = "ASSIGNED", "已交办"
    ACCEPTED = "ACCEPTED", "已签收"
    IN_PROGRESS = "IN_PROGRESS", "办理中"
    REPORTED = "REPORTED", "已反馈"
    DONE = "DONE", "已办结"
    ARCHIVED = "ARCHIVED", "已归档"
    SUSPENDED = "SUSPENDED", "中止"
    CANCELLED = "CANCELLED", "撤销"

    @property
    def is_open(self) -> bool:
        """Open tasks are the ones whose deadlines are watched."""
        return self in OPEN_STATUSES

    @property
    def is_closed(self) -> bool:
        return self in (TaskStatus.DONE, TaskStatus.ARCHIVED)


OPEN_STATUSES = frozenset(
    {TaskStatus.ASSIGNED, TaskStatus.ACCEPTED, TaskStatus.IN_PROGRESS, TaskStatus.REPORTED}
)


class AlertLevel(Labelled):
    GREEN = "GREEN", "绿灯"
    BLUE = "BLUE", "蓝灯"
    YELLOW = "YELLOW", "黄灯"
    RED = "RED", "红灯"

    @property
    def rank(self) -> int:
        return _ALERT_RANK[self]


_ALERT_RANK = {AlertLevel.GREEN: 0, AlertLevel.BLUE: 1, AlertLevel.YELLOW: 2, AlertLevel.RED: 3}


class DeadlineBasis(Labelled):
    CALENDAR = "CALENDAR", "自然日"
    WORKDAY = "WORKDAY", "工作日"


class Urgency(Labelled):
    NORMAL = "NORMAL", "一般"
    URGENT = "URGENT", "急"
    VERY_URGENT = "VERY_URGENT", "特急"


class SourceKind(Labelled):
    MEETING = "MEETING", "会议决定"
    DOCUMENT = "DOCUMENT", "文件"
    INSTRUCTION = "INSTRUCTION", "领导批示"
    PROPOSAL = "PROPOSAL", "建议提案"
    PUBLIC = "PUBLIC", "群众反映"
    INSPECTION = "INSPECTION", "督导检查"
    OTHER = "OTHER", "其他"


class UrgingMethod(Labelled):
    PHONE = "PHONE", "电话"
    WRITTEN = "WRITTEN", "书面"
    ON_SITE = "ON_SITE", "现场"


class UrgingLevel(Labelled):
    BLUE = "BLUE", "蓝色"
    YELLOW = "YELLOW", "黄色"
    RED = "RED", "红色"


class ExtensionStatus(Labelled):
    REQUESTED = "REQUESTED", "待审批"
    APPROVED = "APPROVED", "已批准"
    REFUSED = "REFUSED", "未批准"


class CheckResult(Labelled):
    PASS = "PASS", "符合"
    FAIL = "FAIL", "不符合"
    NOT_APPLICABLE = "NOT_APPLICABLE", "不适用"


class AccountabilityMeasure(Labelled):
    """Measures from 中国共产党问责条例 and local lists, in rising order of severity."""

    TALK = "TALK", "约谈"
    WRITTEN_SELF_CRITICISM = "WRITTEN_SELF_CRITICISM", "责令书面检查"
    PUBLIC_APOLOGY = "PUBLIC_APOLOGY", "责令公开道歉"
    CIRCULAR_CRITICISM = "CIRCULAR_CRITICISM", "通报批评"
    NO_MERIT_RATING = "NO_MERIT_RATING", "取消当年评优"
    ADMONISHMENT = "ADMONISHMENT", "诫勉"
    SUSPENSION_FOR_INSPECTION = "SUSPENSION_FOR_INSPECTION", "停职检查"
    TRANSFER = "TRANSFER", "调整职务"
    ORDERED_RESIGNATION = "ORDERED_RESIGNATION", "责令辞职"
    DEMOTION = "DEMOTION", "降职"
    DISMISSAL = "DISMISSAL", "免职"
    DISCIPLINARY_SANCTION = "DISCIPLINARY_SANCTION", "纪律处分"
    JUDICIAL_REFERRAL = "JUDICIAL_REFERRAL", "移送司法机关"

    @property
    def is_organisational(self) -> bool:
        """组织调整/组织处理 measures."""
        return self in (
            AccountabilityMeasure.SUSPENSION_FOR_INSPECTION,
            AccountabilityMeasure.TRANSFER,
            AccountabilityMeasure.ORDERED_RESIGNATION,
            AccountabilityMeasure.DEMOTION,
            AccountabilityMeasure.DISMISSAL,
        )


class ResponsibilityType(Labelled):
    DIRECT = "DIRECT", "直接责任"
    LEADERSHIP_MAIN = "LEADERSHIP_MAIN", "主要领导责任"
    LEADERSHIP_IMPORTANT = "LEADERSHIP_IMPORTANT", "重要领导责任"


class RecordAction(Labelled):
    """How an accountability record relates to the ones before it (records are append-only)."""

    ISSUE = "ISSUE", "作出"
    SUPERSEDE = "SUPERSEDE", "更正"
    VOID = "VOID", "撤销"


class MetricDirection(Labelled):
    AT_LEAST = "AT_LEAST", "≥"
    AT_MOST = "AT_MOST", "≤"


class MetricKind(Labelled):
    GOOD_DAYS = "GOOD_DAYS", "优良天数"
    CONCENTRATION = "CONCENTRATION", "浓度"
    WATER_CLASS = "WATER_CLASS", "水质类别"
    OTHER = "OTHER", "其他"


class FeedbackRequest(Labelled):
    """申请 of a unit's weekly report (反馈表, 本周进展): 申请办结 submits the task for the office's
    review (已反馈), never closes it; 申请延期 becomes an extension request for the office to decide."""

    NONE = "NONE", "无"
    CLOSE = "CLOSE", "申请办结"
    EXTEND = "EXTEND", "申请延期"
