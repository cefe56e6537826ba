"""佐证材料: which files the ledger accepts, told by their content (magic bytes), never by name,
and how large they may be.

A phone photo is 3–20 MB, a scanned TIFF of a few pages 20–40 MB: one file may hold up to
:data:`MAX_FILE_MB`; everything attached to one report (finding, record …) together up to
:data:`MAX_TARGET_MB`. Office files are zip archives: a .docx must carry ``word/document.xml``,
an .xlsx ``xl/workbook.xml`` (a renamed .zip or .apk is refused).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO

MB = 1024 * 1024
MAX_FILE_MB = 50
MAX_TARGET_MB = 200
MAX_FILE_BYTES = MAX_FILE_MB * MB
MAX_TARGET_BYTES = MAX_TARGET_MB * MB

LIMITS_TEXT = (f"单个文件不超过 {MAX_FILE_MB} MB，同一份进展反馈（或同一个检查问题、问责记录、延期申请、"
               f"任务）所附文件合计不超过 {MAX_TARGET_MB} MB；可上传 JPG、PNG、TIFF 图片，PDF，"
               "Word（.docx）和 Excel（.xlsx）文件")


@dataclass(frozen=True)
class FileType:
    kind: str  # jpg png tif pdf docx xlsx
    mime: str
    label: str
    is_image: bool


TYPES = {t.kind: t for t in (
    FileType("jpg", "image/jpeg", "JPG 照片", True),
    FileType("png", "image/png", "PNG 图片", True),
    FileType("tif", "image/tiff", "TIFF 扫描件", True),
    FileType("pdf", "application/pdf", "PDF 文件", False),
    FileType("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "Word 文档", False),
    FileType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "Excel 工作簿", False),
)}

_ZIP_MEMBERS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"))


def detect(head: bytes, stream: IO[bytes]) -> FileType | None:
    """The type of a file whose first bytes are ``head`` (at least 16); ``stream`` (seekable,
    the whole file) is read only for zip archives. None: not a type the ledger accepts."""
    if head.startswith(b"\xff\xd8\xff"):
        return TYPES["jpg"]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return TYPES["png"]
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TYPES["tif"]
    if head.startswith(b"%PDF-"):
        return TYPES["pdf"]
    if head.startswith(b"PK\x03\x04"):
        return _office(stream)
    return None


def _office(stream: IO[bytes]) -> FileType | None:
    try:
        stream.seek(0)
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for member, kind in _ZIP_MEMBERS:
        if member in names:
            return TYPES[kind]
    return None


def refusal(name: str, head: bytes) -> str:
    """Why a file of an unaccepted type is refused, saying what it looks like when it can."""
    looks = ""
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        looks = "（这是苹果手机的 HEIC 照片：请在手机“设置 ▸ 相机 ▸ 格式”中选“兼容性最佳”，或先转换为 JPG）"
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        looks = "（这是旧版 Word/Excel 或 WPS 文件：请另存为 .docx 或 .xlsx）"
    elif head.startswith(b"PK\x03\x04"):
        looks = "（这是压缩包，不是 Word/Excel 文件：请解压后分别添加）"
    elif head.startswith((b"Rar!", b"7z\xbc\xaf")):
        looks = "（这是压缩包：请解压后分别添加）"
    return (f"文件“{name}”不是可接受的佐证材料类型{looks}。按文件内容判断，可上传 JPG、PNG、TIFF 图片，"
            "PDF，Word（.docx）和 Excel（.xlsx）文件。")


def size_text(size: int) -> str:
    if size >= MB:
        return f"{size / MB:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} 字节"
