"""Reading a minutes or plan text file the clerk chose: plain text only, UTF-8 or GB18030
(what Notepad and WPS save on Chinese Windows), of a sensible size."""

from __future__ import annotations

from pathlib import Path

from wuyang_tasks.domain.errors import ValidationError

MAX_TEXT_BYTES = 5 * 1024 * 1024


def read_text_file(path: Path) -> str:
    if not path.is_file():
        raise ValidationError(f"找不到文件：{path}")
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise ValidationError(f"“{path.name}”超过 {MAX_TEXT_BYTES // 1048576} MB，不像是会议纪要或方案文本。")
    data = path.read_bytes()
    if data[:4] == b"PK\x03\x04" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ValidationError(f"“{path.name}”是 Word/Excel 等文档，不是纯文本。请把内容复制到记事本，"
                              "另存为 .txt（UTF-8）后再导入。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(f"“{path.name}”无法按 UTF-8 或 GB18030 读取，请另存为 UTF-8 文本。")
