"""Saving a file of metric readings (指标读数): every entry checked first, then all of them in
one action after a backup — or none.

imports.readings reads the file into :class:`ParsedReadings` against the ledger's metrics
(``services.metrics.MetricCatalogue``), naming the sheet, row and column of each problem; this
module checks each entry against its metric as the ledger holds it at the moment of saving and
stores them (``services.metrics.enter_readings``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from wuyang_tasks.db import backup
from wuyang_tasks.db.ledger import Ledger
from wuyang_tasks.db.models import Metric
from wuyang_tasks.domain.errors import ValidationError

from . import metrics as metric_service
from .metrics import EntryResult, ReadingEntry


@dataclass
class ParsedReadings:
    """What a file says, before any check against the ledger: entries per (metric, year)."""

    by_metric: dict[tuple[str, int], list[ReadingEntry]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    rows: int = 0
    sheets: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportSummary:
    path: Path
    dry_run: bool
    rows: int
    per_metric: dict[str, EntryResult]
    backup_path: Path | None = None

    @property
    def total(self) -> EntryResult:
        result = EntryResult()
        for part in self.per_metric.values():
            result = result + part
        return result

    @property
    def text(self) -> str:
        lines = [f"{name}：{res.text}" for name, res in self.per_metric.items()]
        head = "检查通过（试运行，未写入）" if self.dry_run else "已导入"
        return f"{head}：{self.path.name}，{self.rows}行。\n" + "\n".join(lines)


def save_readings(ledger: Ledger, path: Path, parsed: ParsedReadings, *,
                  dry_run: bool = False) -> ImportSummary:
    """Check ``parsed`` (read from ``path``) and, unless ``dry_run``, store it: checked first in
    a read, so that a bad file costs no backup, then written in one action."""
    if dry_run:
        with ledger.read() as s:
            return _apply(s, path, parsed, ledger.today(), dry_run=True)
    with ledger.read() as s:
        _apply(s, path, parsed, ledger.today(), dry_run=True)
    kept = backup.before_import(ledger)
    with ledger.write() as s:
        summary = _apply(s, path, parsed, ledger.today(), dry_run=False)
    return ImportSummary(summary.path, False, summary.rows, summary.per_metric, kept)


def _apply(session: Session, path: Path, parsed: ParsedReadings, today: date, *,
           dry_run: bool) -> ImportSummary:
    problems = list(parsed.problems)
    metrics: dict[tuple[str, int], Metric] = {}
    for (name, year), entries in parsed.by_metric.items():
        metric = metric_service.find_metric(session, name, year)
        if metric is None:  # renamed since the file was read (another clerk, a shared ledger)
            problems.append(f"台账中已没有{year}年的指标“{name}”")
            continue
        metrics[(name, year)] = metric
        problems += metric_service.check_entries(session, metric, entries, today)
    if not parsed.rows and not problems:
        problems.append(f"“{path.name}”中没有读数行（需要含“日期”或“月份”列和数值列的表头）")
    if problems:
        raise ValidationError(metric_service.problem_text(f"“{path.name}”有误，未导入任何读数",
                                                           problems))
    per_metric: dict[str, EntryResult] = {}
    for key, entries in parsed.by_metric.items():
        metric = metrics[key]
        label = f"{metric.name}（{metric.year}年）"
        if dry_run:
            per_metric[label] = EntryResult(added=len(entries))
        else:
            per_metric[label] = metric_service.enter_readings(session, metric.id, entries, today=today)
    return ImportSummary(path, dry_run, parsed.rows, per_metric)
