"""The documents the program writes, in one table used by the window's 报表 page and by
``wuyang-tasks export``: for each document its read model (built from the ledger with the
document's parameters), the write it needs first if any (the briefing's issue number, a new
written urging for a notice), its writers by file suffix and its default file name. A new
format or document is added here once.

Writers are named as ``module:function`` and imported only when a file is written (openpyxl,
reportlab and python-docx are slow to load). Every writer takes (read model, target) and may
take ``progress``; it returns the path or a pdf_common.RenderedPdf — :func:`write` makes both
a :class:`Written`.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services import document_lists, documents, units
from wuyang_tasks.services.task_list import TaskFilter

SUFFIX_LABELS = {".xlsx": "Excel", ".pdf": "PDF", ".docx": "Word"}


@dataclass(frozen=True)
class Written:
    path: Path
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    note: str = ""  # what the preparing write did, for the user (a new written urging)


@dataclass(frozen=True)
class DocumentKind:
    key: str
    label: str
    writers: Mapping[str, str]  # suffix → "module:function", the first is the default
    build: Callable[..., object]  # build(session, today=, cal=, **params) → read model
    file_name: Callable[[dict, date], str]  # default name without the suffix
    prepare: Callable[..., str | None] | None = None  # in ledger.write(), before build; says what it did

    @property
    def suffixes(self) -> tuple[str, ...]:
        return tuple(self.writers)

    def check_suffix(self, target: Path) -> str:
        suffix = target.suffix.lower()
        if suffix not in self.writers:
            raise ValidationError(f"-o：{self.label}不支持的文件类型“{target.suffix or target.name}”，"
                                  f"应为 {' 或 '.join(self.suffixes)}。")
        return suffix


def write(kind: DocumentKind, doc, target: str | Path,
          progress: Callable[[int, int], None] | None = None) -> Written:
    """Render ``doc`` with the writer of the target's suffix."""
    target = Path(target)
    module, _, function = kind.writers[kind.check_suffix(target)].partition(":")
    writer = getattr(importlib.import_module(module), function)
    if progress is not None and "progress" in inspect.signature(writer).parameters:
        result = writer(doc, target, progress=progress)
    else:
        result = writer(doc, target)
    if isinstance(result, Path):
        return Written(result)
    return Written(result.path, result.pages or None, list(result.warnings))


# --------------------------------------------------------------------------- the documents
def _briefing(session: Session, *, today: date, cal: WorkdayCalendar, start: date, end: date,
              keep_issue: bool = False):
    return documents.build_briefing(session, start=start, end=end, today=today, cal=cal, keep_issue=keep_issue)


def _briefing_issue(session: Writer, *, today: date, cal: WorkdayCalendar, start: date, end: date) -> None:
    documents.briefing_issue(session, start, end, keep=True)


def _ledger(session: Session, *, today: date, cal: WorkdayCalendar, flt: TaskFilter | None = None,
            unit: str | None = None, leader: str | None = None, scope: str = ""):
    flt = flt or TaskFilter()
    if unit:
        found = units.find_unit(session, unit)
        if found is None:
            raise ValidationError(f"--unit：找不到单位“{unit}”。")
        flt.unit_id = found.id
    if leader:
        person = units.find_person(session, leader)
        if person is None:
            raise ValidationError(f"--leader：找不到县领导“{leader}”。")
        flt.leader_id = person.id
    return documents.build_ledger(session, today=today, cal=cal, flt=flt,
                                  scope=scope or "、".join(v for v in (unit, leader) if v))


def _checklist(session: Session, *, today: date, cal: WorkdayCalendar, **params):
    return document_lists.build_checklist(session, today=today, cal=cal, **params)


def _accountability(session: Session, *, today: date, cal: WorkdayCalendar, unit=None, leader=None,
                    whole_county=False):
    return document_lists.build_accountability(session, today=today, cal=cal, unit=unit, leader=leader,
                                               whole_county=whole_county)


def _notice(session: Session, *, today: date, cal: WorkdayCalendar, task: str):
    return documents.build_notice(session, task, today=today, cal=cal, create=False)


def _new_notice(session: Writer, *, today: date, cal: WorkdayCalendar, task: str) -> str | None:
    """A task without a written urging gets one recorded (numbered by the supervision service)."""
    if documents.existing_notice(session, task) is not None:
        return None
    doc = documents.build_notice(session, task, today=today, cal=cal, create=True)
    return f"已为任务 {task} 登记书面督办，编号 {doc.notice.number_label}。"


BRIEFING = DocumentKind(
    "briefing", "工作周报",
    {".xlsx": "wuyang_tasks.exports.briefing_xlsx:write_briefing_xlsx",
     ".pdf": "wuyang_tasks.exports.briefing_pdf:write_briefing_pdf",
     ".docx": "wuyang_tasks.exports.briefing_docx:write_briefing_docx"},
    _briefing, lambda p, today: f"工作周报_{p['start']:%Y%m%d}-{p['end']:%Y%m%d}", _briefing_issue)
LEDGER = DocumentKind(
    "ledger", "任务台账",
    {".xlsx": "wuyang_tasks.exports.ledger_xlsx:write_ledger_xlsx",
     ".pdf": "wuyang_tasks.exports.ledger_pdf:write_ledger_pdf"},
    _ledger, lambda p, today: f"任务台账_{today:%Y%m%d}")
CHECKLIST = DocumentKind(
    "checklist", "督查清单", {".pdf": "wuyang_tasks.exports.checklist_pdf:write_checklist_pdf"},
    _checklist, lambda p, today: f"督查清单_{p.get('unit') or p.get('leader') or p.get('site') or ''}")
ACCOUNTABILITY = DocumentKind(
    "accountability", "责任清单",
    {".pdf": "wuyang_tasks.exports.accountability:write_accountability_pdf",
     ".xlsx": "wuyang_tasks.exports.accountability:write_accountability_xlsx"},
    _accountability, lambda p, today: f"责任清单_{p.get('unit') or p.get('leader') or '全县'}")
NOTICE = DocumentKind(
    "notice", "督办通知单",
    {".pdf": "wuyang_tasks.exports.notice_pdf:write_notice_pdf",
     ".docx": "wuyang_tasks.exports.notice_docx:write_notice_docx"},
    _notice, lambda p, today: f"督办通知单_{p['task']}", _new_notice)

DOCUMENTS: dict[str, DocumentKind] = {k.key: k for k in (BRIEFING, LEDGER, CHECKLIST, ACCOUNTABILITY, NOTICE)}


def produce(ledger, kind: DocumentKind, params: dict, target: str | Path, *, today: date | None = None,
            progress: Callable[[int, int], None] | None = None, prepared: bool = False) -> Written:
    """Build and write one document: the write it needs first (unless ``prepared`` or the
    ledger is read-only), then its read model in a read transaction, then the file."""
    today = today or ledger.today()
    cal = ledger.calendar()
    kind.check_suffix(Path(target))
    note = None
    if kind.prepare is not None and not prepared and not ledger.read_only:
        with ledger.write() as s:
            note = kind.prepare(s, today=today, cal=cal, **params)
    with ledger.read() as s:
        doc = kind.build(s, today=today, cal=cal, **params)
    written = write(kind, doc, target, progress)
    return replace(written, note=note) if note else written
