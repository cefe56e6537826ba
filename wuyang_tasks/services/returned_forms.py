"""A returned 反馈表 as read (imports.feedback_form) and as the collect plans it
(services.feedback_collect): its identity, its rows typed, and what is wrong, located as the
clerk will look for it. Plain data: the reading works without the ledger, the planning without
the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wuyang_tasks.domain.enums import FeedbackRequest


@dataclass
class FormProblem:
    """One thing wrong, located as the clerk will look for it."""

    file: str
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None  # letter
    field: str | None = None  # the column's header
    value: str | None = None

    def text(self) -> str:
        where = [f"文件“{self.file}”"]
        if self.sheet:
            where.append(f"工作表“{self.sheet}”")
        if self.row:
            where.append(f"第{self.row}行")
        if self.column or self.field:
            where.append(f"{self.column or ''}列" + (f"（{self.field}）" if self.field else ""))
        if self.value:
            where.append(f"“{self.value}”")
        return "，".join(where) + "：" + self.message


@dataclass
class ReturnedRow:
    sheet: str
    row: int
    key: str
    facts: tuple[str, ...]
    text: str = ""
    percent: int | None = None
    request: FeedbackRequest = FeedbackRequest.NONE
    extend_to: date | None = None
    reason: str = ""
    problems_text: str = ""
    reporter: str = ""
    phone: str = ""
    evidence: tuple[str, ...] = ()  # 佐证材料: the file names the unit wrote
    letters: dict[str, str] = field(default_factory=dict)  # header → column letter
    unreadable: bool = False  # a cell of this row could not be read (see the problems)

    @property
    def has_input(self) -> bool:
        return bool(self.text or self.percent is not None or self.request is not FeedbackRequest.NONE
                    or self.extend_to or self.reason or self.problems_text or self.unreadable)


@dataclass
class ReturnedForm:
    path: Path
    meta: dict[str, str] = field(default_factory=dict)
    rows: list[ReturnedRow] = field(default_factory=list)
    problems: list[FormProblem] = field(default_factory=list)
    sheet: str | None = None

    def problem(self, message: str, **where) -> None:
        self.problems.append(FormProblem(self.path.name, message, **where))
