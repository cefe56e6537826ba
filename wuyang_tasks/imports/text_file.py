"""Reading the minutes or plan file the clerk chose: a Word file (.docx, read with python-docx)
or plain text in UTF-8 or GB18030 (what Notepad and WPS save on Chinese Windows), of a sensible
size. A .doc/.wps is converted by LibreOffice when it is on the machine, else refused with
"请另存为 .docx".

A table in a Word file becomes lines the minutes reader understands: each row a numbered item
("1.工作任务……") followed by its role cells as labelled lines ("牵头单位：县环保局"), so a 任务分解表
pasted into minutes keeps who leads and who cooperates.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from wuyang_tasks.domain.errors import ValidationError

MAX_TEXT_BYTES = 5 * 1024 * 1024
MAX_WORD_BYTES = 20 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TASK_HEADER = re.compile(r"任务|事项|内容|措施|目标")
_ROLE_HEADER = re.compile(r"牵头|责任|配合|协办|主责|属地|时限|完成时间|时间节点|领导|责任人")
_SKIP_HEADER = re.compile(r"^(序号|编号|备注)$")


def read_text_file(path: Path) -> str:
    if not path.is_file():
        raise ValidationError(f"找不到文件：{path}")
    size = path.stat().st_size
    data = path.read_bytes()[:8]
    suffix = path.suffix.lower()
    if data[:4] == b"PK\x03\x04":
        if size > MAX_WORD_BYTES:
            raise ValidationError(f"“{path.name}”超过 {MAX_WORD_BYTES // 1048576} MB，不像是会议纪要或方案。")
        return read_docx(path)
    if data[:8] == _OLE or suffix in (".doc", ".wps"):
        return _convert_old_word(path)
    if size > MAX_TEXT_BYTES:
        raise ValidationError(f"“{path.name}”超过 {MAX_TEXT_BYTES // 1048576} MB，不像是会议纪要或方案文本。")
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(f"“{path.name}”无法按 UTF-8 或 GB18030 读取，请另存为 UTF-8 文本或 .docx。")


def read_docx(path: Path) -> str:
    """Paragraphs and tables of a .docx in document order."""
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except zipfile.BadZipFile:
        raise ValidationError(f"“{path.name}”已损坏，无法读取。") from None
    if "word/document.xml" not in names:
        kind = "Excel 工作簿（请用“导入Excel台账”）" if "xl/workbook.xml" in names else "Word 文件"
        raise ValidationError(f"“{path.name}”不是{kind}，无法作为会议纪要或方案读取。")
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise ValidationError(f"“{path.name}”无法读取（{type(exc).__name__}），请用 Word 或 WPS 另存为 .docx 后再试。") from None
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            lines.extend(table_lines([[cell.text for cell in row.cells] for row in Table(child, document).rows]))
    return "\n".join(line.strip() for line in lines if line.strip())


def table_lines(rows: list[list[str]]) -> list[str]:
    """A task table as numbered items with labelled role lines; other tables row by row."""
    if not rows:
        return []
    header = [re.sub(r"\s+", "", cell) for cell in rows[0]]
    task_col = next((i for i, h in enumerate(header) if _TASK_HEADER.search(h) and not _ROLE_HEADER.search(h)), None)
    if task_col is None or not any(_ROLE_HEADER.search(h) for h in header):
        return ["　".join(dict.fromkeys(c.strip() for c in row if c.strip())) for row in rows]
    out: list[str] = []
    number = 0
    for row in rows[1:]:
        cells = [c.strip() for c in row] + [""] * (len(header) - len(row))
        task = cells[task_col]
        if not task:
            continue
        if len({c for c in cells if c}) == 1:  # a category row spanning the table: '一、空气质量目标'
            out.append(task)
            continue
        number += 1
        out.append(f"{number}.{task.rstrip('。')}。")
        for i, h in enumerate(header):
            if i != task_col and cells[i] and _ROLE_HEADER.search(h) and not _SKIP_HEADER.match(h):
                out.append(f"{h}：{cells[i]}")
    return out


def _convert_old_word(path: Path) -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ValidationError(f"“{path.name}”是旧版 Word/WPS 文件（.doc/.wps），请另存为 .docx 后再导入。")
    with tempfile.TemporaryDirectory(prefix="wuyang_doc_") as tmp:
        profile = Path(tmp) / "profile"
        try:
            subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                            "--convert-to", "docx", "--outdir", tmp, str(path)],
                           capture_output=True, timeout=120, check=False)
        except (OSError, subprocess.TimeoutExpired):
            raise ValidationError(f"“{path.name}”无法转换，请另存为 .docx 后再导入。") from None
        converted = Path(tmp) / (path.stem + ".docx")
        if not converted.is_file():
            raise ValidationError(f"“{path.name}”无法转换，请另存为 .docx 后再导入。")
        return read_docx(converted)
