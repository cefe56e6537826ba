"""佐证材料 of a returned 反馈表: the files a row names in its 佐证材料 column, found beside the
workbook (the same folder), checked as any attachment is (type by content, size) when the
collect is planned, and attached to the row's report when it is recorded."""

from __future__ import annotations

from pathlib import Path

from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.errors import ValidationError

from . import attachments as att

COLUMN = "佐证材料"


def find(folder: Path, names: tuple[str, ...]) -> tuple[list[Path], list[str]]:
    """(the files found, a problem for each name not found or not acceptable). A name matches
    a file of that name in ``folder``, case aside; written without its extension, the one file
    of that stem."""
    if not names:  # most rows name none: no listing of the folder for each of them
        return [], []
    files = [p for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
    found, problems = [], []
    for name in names:
        path = _match(files, name.strip().replace("\\", "/").rsplit("/", 1)[-1])
        if path is None:
            problems.append(f"写明的佐证材料“{name}”没有找到：请把该文件放在反馈表所在的文件夹中，"
                            "文件名与表中所写一致")
            continue
        try:
            att.check_file(att.IncomingFile.from_path(path))
        except ValidationError as refused:
            problems.append(refused.message)
            continue
        found.append(path)
    return found, problems


def _match(files: list[Path], name: str) -> Path | None:
    exact = [p for p in files if p.name.lower() == name.lower()]
    if exact:
        return exact[0]
    stems = [p for p in files if p.stem.lower() == name.lower()]
    return stems[0] if len(stems) == 1 else None


def attach(session: Writer, task_id: int, report_id: int | None, files: list[Path]) -> None:
    if files:
        att.attach(session, att.Target(task_id=task_id, report_id=report_id),
                   [att.IncomingFile.from_path(p) for p in files])
