"""一案一档 as a zip: the case PDF, every original file as it was attached (withdrawn ones
too, in their own folder), and ``SHA256SUMS`` — lines ``<hash>  <path>`` that ``sha256sum -c
SHA256SUMS`` checks in the unpacked folder (on Windows: ``certutil -hashfile 文件 SHA256``)."""

from __future__ import annotations

import hashlib
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from wuyang_tasks.fileio import atomic_path
from wuyang_tasks.services.case_file import CaseFile

from .case_pdf import write_case_pdf

MANIFEST = "SHA256SUMS"
README = "说明.txt"


def member_names(case: CaseFile) -> dict[int, str]:
    """The path of each attachment in the zip: numbered (two files may share a name)."""
    out = {}
    for n, a in enumerate(case.attachments, start=1):
        folder = "佐证材料" if a.active else "佐证材料（已撤回）"
        out[a.id] = f"{folder}/{n:02d}-{_safe(a.name)}"
    return out


def _safe(name: str) -> str:
    return "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name)


def write_case_zip(case: CaseFile, target: str | Path, original: Callable[[int], Iterable[bytes]],
                   fonts=None):
    """``original(attachment id)`` gives the stored bytes chunk by chunk (nothing held whole)."""
    target = Path(target)
    pdf_name = f"{_safe(case.code)} 任务档案.pdf"
    sums: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        pdf = write_case_pdf(case, Path(tmp) / "case.pdf", fonts)
        with atomic_path(target) as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(pdf.path, pdf_name)
            sums.append(f"{_file_sha(pdf.path)}  {pdf_name}")
            for ident, name in member_names(case).items():
                h = hashlib.sha256()
                with z.open(zipfile.ZipInfo(name, _now_tuple()), "w", force_zip64=True) as member:
                    for block in original(ident):
                        h.update(block)
                        member.write(block)
                sums.append(f"{h.hexdigest()}  {name}")
            z.writestr(MANIFEST, "\n".join(sums) + "\n")
            z.writestr(README, _readme(case))
    return pdf


def _file_sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def _now_tuple():
    import time

    return time.localtime()[:6]


def _readme(case: CaseFile) -> str:
    return (f"任务档案（一案一档）：{case.caption}\r\n\r\n"
            f"本压缩包由{case.issuer}从任务台账导出，含档案 PDF、佐证材料原件和校验清单 {MANIFEST}。\r\n"
            f"核对原件是否被改动：解压后在该文件夹中运行\r\n    sha256sum -c {MANIFEST}\r\n"
            "Windows 上可逐个运行  certutil -hashfile 文件名 SHA256  并与清单中的值比较。\r\n"
            "台账中的校验值与档案 PDF 所列一致；台账本身用 wuyang-tasks verify 校验。\r\n")
