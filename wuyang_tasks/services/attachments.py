"""佐证材料: files attached to a task (or its closing, 销号), a progress report, an inspection
finding, an extension request or an accountability record.

The content goes into the ledger (db.blobs: once per SHA-256, in chunks); the attach event in
the audit chain carries the hash, name, type and size, so verify (services.attachment_check)
names a file altered, swapped or removed. Attachments are never deleted: a withdrawal is an
audited event with its reason, and the file stays readable. Types are told by content
(domain.file_types), limits are checked before anything is written.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from wuyang_tasks.db import blobs
from wuyang_tasks.db.models import (
    AccountabilityRecord,
    AccountabilityTask,
    Attachment,
    AuditEvent,
    Blob,
    Extension,
    Finding,
    ProgressReport,
    Task,
)
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain import file_types
from wuyang_tasks.domain.errors import NotFound, ValidationError
from wuyang_tasks.fileio import atomic_path

from .common import get

ENTITY = "attachment"
NAME_LENGTH = 255


@dataclass(frozen=True)
class Target:
    """Where files go. ``task_id`` alone: the task itself (``closing``: its 销号 evidence); with
    ``report_id`` / ``extension_id`` / ``finding_id`` / ``record_id`` the file belongs to that
    record (the task is then the one it concerns, if any)."""

    task_id: int | None = None
    report_id: int | None = None
    finding_id: int | None = None
    extension_id: int | None = None
    record_id: int | None = None
    closing: bool = False


@dataclass(frozen=True)
class IncomingFile:
    """A file to attach: its name as the clerk sees it and a way to open its bytes."""

    name: str
    open: Callable[[], IO[bytes]]

    @classmethod
    def from_path(cls, path: str | os.PathLike) -> IncomingFile:
        path = Path(path)
        return cls(path.name, lambda: _open_file(path))

    @classmethod
    def from_bytes(cls, name: str, data: bytes) -> IncomingFile:
        return cls(name, lambda: io.BytesIO(data))


def _open_file(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise ValidationError(f"找不到文件“{path}”。") from None
    except IsADirectoryError:
        raise ValidationError(f"“{path}”是文件夹，不是文件。") from None
    except OSError as exc:
        raise ValidationError(f"无法读取文件“{path}”：{exc.strerror or exc}。") from None


@dataclass
class AttachmentView:
    id: int
    name: str
    kind: str
    label: str
    mime: str
    size: int
    sha256: str
    is_image: bool
    attached_at: str
    attached_by: str
    task_id: int | None
    report_id: int | None
    finding_id: int | None
    extension_id: int | None
    record_id: int | None
    closing: bool
    note: str | None
    withdrawn_at: str | None
    withdrawn_reason: str | None

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None

    @property
    def size_text(self) -> str:
        return file_types.size_text(self.size)

    @property
    def where(self) -> str:
        """What the file is attached to, in words."""
        if self.report_id is not None:
            return f"进展反馈（编号 {self.report_id}）"
        if self.finding_id is not None:
            return f"检查发现问题（编号 {self.finding_id}）"
        if self.extension_id is not None:
            return f"延期申请（编号 {self.extension_id}）"
        if self.record_id is not None:
            return f"问责记录（编号 {self.record_id}）"
        return "整改销号" if self.closing else "任务"


# --------------------------------------------------------------------------- attach, withdraw
@dataclass
class _Checked:
    file: IncomingFile
    name: str
    type: file_types.FileType
    size: int


def attach(session: Writer, target: Target, files: Sequence[IncomingFile],
           note: str | None = None) -> list[int]:
    """Attach files to ``target`` in the caller's transaction; every file is checked (type by
    content, size, the target's total) before anything is written. Returns the new ids."""
    if not files:
        raise ValidationError("请选择要添加的佐证材料文件。")
    target = _resolved(session, target)
    checked = [_check(f) for f in files]
    total = sum(c.size for c in checked) + _attached_bytes(session, target)
    if total > file_types.MAX_TARGET_BYTES:
        raise ValidationError(
            f"所附文件合计 {file_types.size_text(total)}，超过同一份材料 {file_types.MAX_TARGET_MB} MB "
            "的上限：请压缩照片或分开添加到不同的记录。未添加任何文件。")
    return [_attach_one(session, target, c, (note or "").strip() or None) for c in checked]


def check_file(incoming: IncomingFile) -> None:
    """Would the file be accepted (type by content, size)? ValidationError says why not."""
    _check(incoming)


def _check(incoming: IncomingFile) -> _Checked:
    name = (incoming.name or "").strip().replace("\\", "/").rsplit("/", 1)[-1]
    if not name:
        raise ValidationError("佐证材料的文件名不能为空。")
    if len(name) > NAME_LENGTH:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:NAME_LENGTH - len(ext) - 1] + dot + ext) if dot else name[:NAME_LENGTH]
    with incoming.open() as stream:
        size = stream.seek(0, io.SEEK_END)
        stream.seek(0)
        if size == 0:
            raise ValidationError(f"文件“{name}”是空文件（0 字节），未添加。")
        if size > file_types.MAX_FILE_BYTES:
            raise ValidationError(
                f"文件“{name}”有 {file_types.size_text(size)}，超过单个文件 {file_types.MAX_FILE_MB} MB 的上限"
                "：请压缩后再添加（照片可在手机上选较小尺寸，扫描件可用 200 dpi）。未添加任何文件。")
        head = stream.read(16)
        kind = file_types.detect(head, stream)
    if kind is None:
        raise ValidationError(file_types.refusal(name, head) + "未添加任何文件。")
    return _Checked(incoming, name, kind, size)


def _resolved(session: Session, target: Target) -> Target:
    """The target with its task filled in, after checking that the records exist and belong
    together; what is wrong is said in words."""
    task_id = target.task_id
    task = get(session, Task, task_id, "任务") if task_id is not None else None
    code = f"任务“{task.code}”" if task else ""
    owners = [x for x in (target.report_id, target.finding_id, target.extension_id, target.record_id)
              if x is not None]
    if len(owners) > 1:
        raise ValidationError("一份佐证材料只能附在一处：进展反馈、检查问题、延期申请或问责记录中选一个。")
    if target.report_id is not None:
        task_id = _owned(get(session, ProgressReport, target.report_id, "进展反馈").task_id, task_id,
                         f"进展反馈（编号 {target.report_id}）不是{code}的反馈。")
    elif target.extension_id is not None:
        task_id = _owned(get(session, Extension, target.extension_id, "延期申请").task_id, task_id,
                         f"延期申请（编号 {target.extension_id}）不是{code}的延期申请。")
    elif target.finding_id is not None:
        finding = get(session, Finding, target.finding_id, "检查发现问题")
        if task_id is not None and finding.rectification_task_id != task_id:
            raise ValidationError(f"检查发现问题（编号 {target.finding_id}）的整改任务不是{code}。")
        task_id = finding.rectification_task_id
    elif target.record_id is not None:
        get(session, AccountabilityRecord, target.record_id, "问责记录")
        if task_id is not None and not session.scalar(select(AccountabilityTask.id).where(
                AccountabilityTask.record_id == target.record_id, AccountabilityTask.task_id == task_id)):
            raise ValidationError(f"问责记录（编号 {target.record_id}）不涉及{code}。")
    elif task_id is None:
        raise ValidationError("请指明佐证材料附在哪项任务或哪条记录上。")
    if target.closing and owners:
        raise ValidationError("销号佐证材料附在任务上，不附在其他记录上。")
    return Target(task_id=task_id, report_id=target.report_id, finding_id=target.finding_id,
                  extension_id=target.extension_id, record_id=target.record_id,
                  closing=target.closing)


def _owned(owner_task: int, task_id: int | None, message: str) -> int:
    if task_id is not None and owner_task != task_id:
        raise ValidationError(message)
    return owner_task


def _same_target(target: Target):
    t = Attachment
    if target.report_id is not None:
        return t.report_id == target.report_id
    if target.finding_id is not None:
        return t.finding_id == target.finding_id
    if target.extension_id is not None:
        return t.extension_id == target.extension_id
    if target.record_id is not None:
        return t.record_id == target.record_id
    return (t.task_id == target.task_id) & t.report_id.is_(None) & t.finding_id.is_(None) \
        & t.extension_id.is_(None) & t.record_id.is_(None)


def _attached_bytes(session: Session, target: Target) -> int:
    return session.scalar(select(func.coalesce(func.sum(Attachment.size), 0))
                          .where(_same_target(target), Attachment.withdrawn_at.is_(None))) or 0


def _attach_one(session: Writer, target: Target, c: _Checked, note: str | None) -> int:
    with c.file.open() as stream:
        sha256, size = blobs.digest(stream)
        if size != c.size:
            raise ValidationError(f"文件“{c.name}”在添加过程中被改动，请重新添加。")
        blob_id = _stored(session, stream, sha256, size)
        preview_id = preview_sha = None
        if c.type.is_image:
            from .previews import preview_of  # Pillow: loaded when an image is attached

            stream.seek(0)
            preview = preview_of(c.name, c.type.kind, stream)
            if preview is not None:
                preview_sha, _ = blobs.digest(io.BytesIO(preview))
                preview_id = _stored(session, io.BytesIO(preview), preview_sha, len(preview))
    return session.insert_row(Attachment.__table__, {
        "blob_id": blob_id, "sha256": sha256, "preview_blob_id": preview_id,
        "preview_sha256": preview_sha, "name": c.name, "kind": c.type.kind, "mime": c.type.mime,
        "size": size, "task_id": target.task_id, "report_id": target.report_id,
        "finding_id": target.finding_id, "extension_id": target.extension_id,
        "record_id": target.record_id, "closing": target.closing, "note": note,
        "withdrawn_at": None, "withdrawn_reason": None,
        "created_at": session.at}, action="attach")


def _stored(session: Writer, stream: IO[bytes], sha256: str, size: int) -> int:
    """The blob of this content: the one already stored, or a new one (its row audited, its
    chunks written from the stream)."""
    connection = session.connection()
    existing = blobs.find(connection, sha256)
    if existing is not None:
        return existing
    chunks = -(-size // blobs.CHUNK)
    blob_id = session.insert_row(Blob.__table__, {
        "sha256": sha256, "size": size, "chunks": chunks, "created_at": session.at})
    stream.seek(0)
    blobs.write_chunks(connection, blob_id, stream)
    return blob_id


def withdraw(session: Writer, attachment_id: int, reason: str) -> None:
    """撤回: the attachment stays in the ledger (and in the case file, marked withdrawn); the
    event carries the reason and the file's hash, name, type and size."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("撤回佐证材料须写明理由。")
    row = get(session, Attachment, attachment_id, "佐证材料")
    if row.withdrawn_at is not None:
        raise ValidationError(f"佐证材料“{row.name}”已于 {row.withdrawn_at[:10]} 撤回。")
    row.withdrawn_at = session.at
    row.withdrawn_reason = reason
    session.flush()
    session.event(ENTITY, row.id, "withdraw",
                  {"withdrawn_at": None, "withdrawn_reason": None},
                  {"withdrawn_at": row.withdrawn_at, "withdrawn_reason": reason, "sha256": row.sha256,
                  "name": row.name, "mime": row.mime, "size": row.size})


# --------------------------------------------------------------------------- reads
def _views(session: Session, where) -> list[AttachmentView]:
    a = Attachment
    attached_by = (select(AuditEvent.actor).where(AuditEvent.entity == ENTITY,
                                                  AuditEvent.entity_id == a.id,
                                                  AuditEvent.action == "attach")
                   .limit(1).scalar_subquery())
    rows = session.execute(select(a, attached_by).where(where).order_by(a.created_at, a.id))
    return [AttachmentView(
        id=r.id, name=r.name, kind=r.kind, label=_label(r.kind), mime=r.mime, size=r.size,
        sha256=r.sha256, is_image=_is_image(r.kind), attached_at=r.created_at, attached_by=by or "",
        task_id=r.task_id, report_id=r.report_id, finding_id=r.finding_id,
        extension_id=r.extension_id, record_id=r.record_id, closing=r.closing, note=r.note,
        withdrawn_at=r.withdrawn_at, withdrawn_reason=r.withdrawn_reason) for r, by in rows]


def _label(kind: str) -> str:
    t = file_types.TYPES.get(kind)
    return t.label if t else kind


def _is_image(kind: str) -> bool:
    t = file_types.TYPES.get(kind)
    return bool(t and t.is_image)


def attachments_of(session: Session, target: Target) -> list[AttachmentView]:
    """What is attached to exactly this record (the task's own files for a task target)."""
    return _views(session, _same_target(target))


def attachments_of_task(session: Session, task_id: int) -> list[AttachmentView]:
    """Everything in a task's file: its own attachments, those of its reports and extensions
    (kept with the task's id), of the finding it rectifies and of records that concern it."""
    get(session, Task, task_id, "任务")
    findings = select(Finding.id).where(Finding.rectification_task_id == task_id)
    records = select(AccountabilityTask.record_id).where(AccountabilityTask.task_id == task_id)
    return _views(session, or_(Attachment.task_id == task_id, Attachment.finding_id.in_(findings),
                               Attachment.record_id.in_(records)))


def has_evidence(session: Session, task_id: int) -> bool:
    """At least one attachment not withdrawn in the task's file."""
    return any(v.active for v in attachments_of_task(session, task_id))


def view(session: Session, attachment_id: int) -> AttachmentView:
    found = _views(session, Attachment.id == attachment_id)
    if not found:
        raise NotFound(f"找不到佐证材料（编号 {attachment_id}）。")
    return found[0]


def content(session: Session, attachment_id: int, *, preview: bool = False) -> Iterator[bytes]:
    """The stored bytes, chunk by chunk; with ``preview`` the down-scaled image when there is
    one (otherwise the original)."""
    row = get(session, Attachment, attachment_id, "佐证材料")
    blob_id = row.preview_blob_id if preview and row.preview_blob_id else row.blob_id
    return blobs.read_chunks(session.connection(), blob_id)


def content_bytes(session: Session, attachment_id: int, *, preview: bool = False) -> bytes:
    return b"".join(content(session, attachment_id, preview=preview))


def save_to(session: Session, attachment_id: int, path: str | os.PathLike) -> Path:
    """Write the original file to ``path`` (atomically); a directory gets the file's own name."""
    path = Path(path)
    if path.is_dir():
        path = path / get(session, Attachment, attachment_id, "佐证材料").name
    with atomic_path(path) as tmp, open(tmp, "wb") as out:
        for block in content(session, attachment_id):
            out.write(block)
    return path
