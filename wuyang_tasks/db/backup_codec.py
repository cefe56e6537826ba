"""Compressed backup files: one Zstandard frame of the ledger's SQLite file.

A ledger compresses to about a fifth (audit events are JSON; their hashes do not compress); the
frame carries Zstandard's own content checksum, so a damaged file is found when it is read. The
writer also returns the SHA-256 of what it compressed, and :func:`digest_of` reads a written file
back the same way: the backup is kept only when both agree.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

SUFFIX = ".zst"
MAGIC = b"\x28\xb5\x2f\xfd"
LEVEL = 1  # 2 % larger than level 3 at a third of its time (10k ledger; benchmarks/README.md)
CHUNK = 1 << 20


class CorruptBackup(Exception):
    """The compressed file cannot be read back (truncated, damaged, not a Zstandard frame)."""


class Stopped(Exception):
    """``stop`` was set while compressing: the caller gave up (the program is closing)."""


def is_compressed(path: Path) -> bool:
    """The file begins with a Zstandard frame (False when it cannot be read: others say why)."""
    try:
        with Path(path).open("rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def compress_file(source: Path, target: Path, stop: threading.Event | None = None) -> str:
    """Compress ``source`` into ``target``; returns the SHA-256 (hex) of ``source``'s bytes."""
    import zstandard  # only where a backup is written or read: not on every start (≈ 1 MB)

    digest = hashlib.sha256()
    compressor = zstandard.ZstdCompressor(level=LEVEL, threads=-1, write_checksum=True,
                                          write_content_size=True)
    size = Path(source).stat().st_size
    with Path(source).open("rb") as src, Path(target).open("wb") as dst, \
            compressor.stream_writer(dst, size=size, closefd=False) as writer:
        while chunk := src.read(CHUNK):
            if stop is not None and stop.is_set():
                raise Stopped()
            digest.update(chunk)
            writer.write(chunk)
    return digest.hexdigest()


def _read_frame(source: Path, sink) -> str:
    """Decompress one whole frame into ``sink``; a file that ends before its frame does (a copy
    cut short) or carries anything after it is refused like a damaged one."""
    import zstandard

    digest = hashlib.sha256()
    frame = zstandard.ZstdDecompressor().decompressobj()
    try:
        with Path(source).open("rb") as src:
            while chunk := src.read(CHUNK):
                if frame.eof:
                    raise CorruptBackup("压缩数据之后还有多余内容")
                out = frame.decompress(chunk)
                digest.update(out)
                sink(out)
    except zstandard.ZstdError as exc:
        raise CorruptBackup(str(exc)) from exc
    if not frame.eof:
        raise CorruptBackup("文件不完整（压缩数据提前结束）")
    if frame.unused_data:
        raise CorruptBackup("压缩数据之后还有多余内容")
    return digest.hexdigest()


def digest_of(source: Path) -> str:
    """The SHA-256 of the decompressed bytes, checking the frame's checksum; writes nothing."""
    return _read_frame(source, lambda chunk: None)


def decompress_file(source: Path, target: Path) -> str:
    """Decompress ``source`` into ``target``; returns the SHA-256 of the decompressed bytes."""
    with Path(target).open("wb") as dst:
        return _read_frame(source, dst.write)
