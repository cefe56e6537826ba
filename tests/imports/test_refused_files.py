"""Files that are not readable workbooks are refused with a clear message; the ledger is untouched."""

import zipfile

import pytest
from openpyxl import Workbook

from wuyang_tasks.imports import workbook
from wuyang_tasks.imports.workbook import OLE_MAGIC, WorkbookRefused
from wuyang_tasks.services import intake

from .builders import real_ledger


def _refused(path, ledger, state, match):
    before = state(ledger)
    with pytest.raises(WorkbookRefused, match=match):
        intake.import_ledger(ledger, intake.read_table(path))
    assert state(ledger) == before


def test_text_file_renamed_xlsx(ledger, tmp_path, state):
    path = tmp_path / "台账.xlsx"
    path.write_text("序号,工作任务,牵头单位\n1,扬尘治理,县环保局\n", encoding="utf-8")
    _refused(path, ledger, state, "不是 Excel 工作簿")


def test_old_xls_asks_to_save_as_xlsx(ledger, tmp_path, state):
    path = tmp_path / "台账.xls"
    path.write_bytes(OLE_MAGIC + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00" * 1000)
    _refused(path, ledger, state, r"另存为.*xlsx")


def test_password_protected_workbook(ledger, tmp_path, state):
    # An encrypted OOXML file is an OLE compound file with EncryptionInfo/EncryptedPackage streams.
    path = tmp_path / "加密.xlsx"
    body = OLE_MAGIC + b"\x00" * 504
    body += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(body + b"\x00" * 2048)
    _refused(path, ledger, state, "密码")


def test_word_document_and_damaged_archive(ledger, tmp_path, state):
    docx = tmp_path / "纪要.xlsx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("[Content_Types].xml", "<Types/>")
    _refused(docx, ledger, state, "Word")
    broken = tmp_path / "坏.xlsx"
    good = real_ledger(tmp_path / "好.xlsx")
    broken.write_bytes(good.read_bytes()[:2000])
    _refused(broken, ledger, state, "损坏|不完整|无法读取")


def test_missing_file_and_missing_sheet(ledger, tmp_path):
    with pytest.raises(WorkbookRefused, match="找不到文件"):
        intake.read_table(tmp_path / "无.xlsx")
    path = real_ledger(tmp_path / "a.xlsx")
    with pytest.raises(WorkbookRefused, match="没有名为“汇总”的工作表.*任务分解表"):
        intake.read_table(path, sheet="汇总")


def test_sheet_without_a_header(ledger, tmp_path):
    wb = Workbook()
    wb.active.append(["随便", "写点"])
    wb.active.append([1, 2])
    path = tmp_path / "无表头.xlsx"
    wb.save(path)
    with pytest.raises(WorkbookRefused, match="没有找到表头"):
        intake.read_table(path)


def test_huge_files_and_sheets_are_refused(ledger, tmp_path, state, monkeypatch):
    path = real_ledger(tmp_path / "大.xlsx")
    monkeypatch.setattr(workbook, "MAX_BYTES", 1000)
    _refused(path, ledger, state, "文件过大")
    monkeypatch.setattr(workbook, "MAX_BYTES", 20 * 1024 * 1024)
    monkeypatch.setattr(workbook, "MAX_ROWS", 10)
    _refused(path, ledger, state, "超过 10 行")
    monkeypatch.setattr(workbook, "MAX_ROWS", 20_000)
    monkeypatch.setattr(workbook, "MAX_UNPACKED", 100)
    _refused(path, ledger, state, "解压后")


def _damaged_copies(good: bytes, member: str):
    """Copies of ``good`` with one byte of ``member``'s compressed data flipped, at 24 places."""
    import io

    info = zipfile.ZipFile(io.BytesIO(good)).getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(1, 25):
        data = bytearray(good)
        data[start + info.compress_size * k // 25] ^= 0xFF
        yield bytes(data)


def _zip_failure(data: bytes, member: str) -> str:
    import io

    try:
        zipfile.ZipFile(io.BytesIO(data)).read(member)
    except Exception as exc:  # noqa: BLE001 — we want its type name
        return type(exc).__name__
    return "none"


def test_flipped_bytes_refuse_ledger_and_readings_imports(ledger, tmp_path, state):
    """A byte flipped inside a compressed part fails in zlib (zlib.error) or the CRC check
    (BadZipFile); both imports refuse it with a message naming the file, ledger unchanged."""
    from wuyang_tasks.imports.readings import import_readings

    good = real_ledger(tmp_path / "好.xlsx").read_bytes()
    failures = set()
    for n, data in enumerate(_damaged_copies(good, "xl/worksheets/sheet1.xml")):
        failures.add(_zip_failure(data, "xl/worksheets/sheet1.xml"))
        path = tmp_path / f"坏{n}.xlsx"
        path.write_bytes(data)
        _refused(path, ledger, state, f"“坏{n}.xlsx”已损坏或不完整")
        before = state(ledger)
        with pytest.raises(WorkbookRefused, match=f"“坏{n}.xlsx”已损坏或不完整"):
            import_readings(ledger, path)
        assert state(ledger) == before
    assert {"error", "BadZipFile"} <= failures  # zlib.error really occurs among these copies


def test_truncated_sheet_part_is_refused(ledger, tmp_path, state):
    """An archive whose central directory is intact but whose sheet data ends early (EOFError /
    zlib.error inside openpyxl's reader)."""
    import io

    good = real_ledger(tmp_path / "好.xlsx").read_bytes()
    source = zipfile.ZipFile(io.BytesIO(good))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body[: len(body) // 2]
            z.writestr(info.filename, body)
    path = tmp_path / "半截.xlsx"
    path.write_bytes(out.getvalue())
    _refused(path, ledger, state, "“半截.xlsx”已损坏或不完整")
