"""File contents in the ledger: content-addressed (SHA-256), stored once per content, in chunks.

A blob's bytes are rows of ``blob_chunk`` of :data:`CHUNK` bytes each. Writing, reading and
verifying go chunk by chunk, so a 50 MB scan never sits in memory whole — neither in Python nor
in one PostgreSQL bytea value (whose text transfer doubles it) nor in one SQLite cell.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import IO

from sqlalchemy import Connection, LargeBinary, bindparam, cast, insert, select

from .models import Blob, BlobChunk, table_of

CHUNK = 1024 * 1024

_BLOBS = table_of(Blob)
_CHUNKS = table_of(BlobChunk)
_INSERT_CHUNK = insert(_CHUNKS)


def digest(stream: IO[bytes]) -> tuple[str, int]:
    """(SHA-256 hex, size) of a stream read from where it is to its end."""
    h = hashlib.sha256()
    size = 0
    while block := stream.read(CHUNK):
        h.update(block)
        size += len(block)
    return h.hexdigest(), size


def find(connection: Connection, sha256: str) -> int | None:
    return connection.execute(select(_BLOBS.c.id).where(_BLOBS.c.sha256 == sha256)).scalar()


def write_chunks(connection: Connection, blob_id: int, stream: IO[bytes]) -> int:
    """Store the stream's bytes as the chunks of ``blob_id``; returns the number of chunks."""
    n = 0
    while block := stream.read(CHUNK):
        connection.execute(_INSERT_CHUNK, {"blob_id": blob_id, "n": n, "data": block})
        n += 1
    return n


def read_chunks(connection: Connection, blob_id: int) -> Iterator[bytes]:
    """The bytes of a blob, chunk by chunk (one query per chunk: only one in memory)."""
    count = connection.execute(select(_BLOBS.c.chunks).where(_BLOBS.c.id == blob_id)).scalar() or 0
    for n in range(count):
        data = connection.execute(_ONE_CHUNK, {"blob_id": blob_id, "n": n}).scalar()
        if data is None:
            return
        yield bytes(data)


_ONE_CHUNK = select(_CHUNKS.c.data).where(_CHUNKS.c.blob_id == bindparam("blob_id"),
                                          _CHUNKS.c.n == bindparam("n"))


def read_all(connection: Connection, blob_id: int) -> bytes:
    return b"".join(read_chunks(connection, blob_id))


def all_chunks(connection: Connection) -> Iterator[tuple[int, int, bytes]]:
    """Every chunk of every blob as (blob_id, n, data), in blob order — streamed from the
    server (a few chunks in memory at a time), for verify."""
    # read as bytes whatever is stored: a chunk made text behind the program's back (SQLite
    # || gives text) would otherwise fail to decode instead of failing its SHA-256
    query = (select(_CHUNKS.c.blob_id, _CHUNKS.c.n, cast(_CHUNKS.c.data, LargeBinary))
             .order_by(_CHUNKS.c.blob_id, _CHUNKS.c.n).execution_options(yield_per=8))
    result = connection.execute(query)
    try:
        for row in result:
            yield row[0], row[1], row[2]
    finally:
        result.close()
