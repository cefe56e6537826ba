"""Verify the 佐证材料 against the audit chain: called by verify after the chain itself.

Three things are checked, each naming the file:

* every attachment row says what its attach (and withdraw) events say — blob, hash, name,
  type, size — so a row pointed at another file (two swapped), edited or deleted is found;
* every hash an attach event recorded has its blob, and the blob's stored hash is that hash;
* every blob's chunks, hashed again, give its hash and size — one byte altered in the
  database file, or the contents of two blobs exchanged, is found.

The bytes are streamed (db.blobs.all_chunks) and hashed once, so verifying costs about what
hashing the same bytes costs (benchmarks/attachments.py).
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db import blobs
from wuyang_tasks.db.audit import VerifyResult
from wuyang_tasks.db.models import Attachment, AuditEvent, Blob, Task

from .attachments import ENTITY

SHOWN = 10  # problems named in the message; the count says how many there are


def verify_attachments(session: Session) -> VerifyResult:
    connection = session.connection()
    expected = _replayed(session)
    codes = dict(session.execute(select(Task.id, Task.code)).all())
    problems: list[str] = []
    users: dict[str, list[str]] = {}  # sha256 → the files that recorded it

    def named(attachment: dict) -> str:
        task = codes.get(attachment.get("task_id"))
        where = f"，任务 {task}" if task else ""
        return f"佐证材料“{attachment.get('name')}”（编号 {attachment.get('id')}{where}）"

    rows = {r["id"]: dict(r) for r in connection.execute(select(Attachment.__table__)).mappings()}
    for ident, event in expected.items():
        row = rows.pop(ident, None)
        if row is None:
            problems.append(f"{named(event)}在审计记录中登记过，但已从台账中删除。")
            continue
        changed = [k for k, v in event.items() if k in row and row[k] != v]
        if changed:
            problems.append(f"{named(event)}的登记与审计记录不符（{'、'.join(changed)}被改动）："
                            "附件被调换或改动过。")
        for key in ("sha256", "preview_sha256"):
            if event.get(key):
                users.setdefault(event[key], []).append(named(event))
    for row in rows.values():
        problems.append(f"{named(row)}没有审计记录：不是通过本程序添加的。")

    stored = {r.sha256: (r.id, r.size) for r in connection.execute(
        select(Blob.id, Blob.sha256, Blob.size))}
    for sha256, files in users.items():
        if sha256 not in stored:
            problems.append(f"{files[0]}的文件内容（SHA-256 {sha256[:12]}…）已从台账中删除。")
    by_id = {ident: (sha256, size) for sha256, (ident, size) in stored.items()}
    for blob_id, digest, size in _rehashed(connection):
        sha256, recorded = by_id.pop(blob_id, (None, None))
        if sha256 is None:
            continue  # chunks without a blob row: their content is not anyone's file
        if digest != sha256 or size != recorded:
            for who in users.get(sha256, [f"文件内容（编号 {blob_id}）"]):
                problems.append(f"{who}的文件内容与登记的校验值（SHA-256 {sha256[:12]}…）不符："
                                "文件被改动或调换过。")
    for blob_id, (sha256, _) in by_id.items():
        if sha256 in users:  # a blob row left without any chunk
            problems.append(f"{users[sha256][0]}的文件内容已被清空。")

    checked = len(expected)
    if problems:
        more = f"（另有 {len(problems) - SHOWN} 处）" if len(problems) > SHOWN else ""
        return VerifyResult(False, checked, "；".join(problems[:SHOWN]) + more)
    return VerifyResult(True, checked, f"{checked} 份佐证材料与审计记录一致，文件内容逐一校验通过。")


def _replayed(session: Session) -> dict[int, dict]:
    """Each attachment as its events describe it (attach, then withdraw)."""
    out: dict[int, dict] = {}
    for entity_id, after in session.execute(
            select(AuditEvent.entity_id, AuditEvent.after)
            .where(AuditEvent.entity == ENTITY).order_by(AuditEvent.seq)):
        out.setdefault(entity_id, {}).update(json.loads(after) if after else {})
    return out


def _rehashed(connection):
    """(blob_id, SHA-256 of its chunks in order, total size) for every blob that has chunks; a
    gap in the chunk numbers spoils the hash on purpose."""
    current = None
    h = None
    size = expected_n = 0
    for blob_id, n, data in blobs.all_chunks(connection):
        if blob_id != current:
            if current is not None:
                yield current, h.hexdigest(), size
            current, h, size, expected_n = blob_id, hashlib.sha256(), 0, 0
        if n != expected_n:
            h.update(b"\x00missing chunk")
        h.update(data)
        size += len(data)
        expected_n = n + 1
    if current is not None:
        yield current, h.hexdigest(), size
