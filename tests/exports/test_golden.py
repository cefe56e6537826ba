"""Golden references: each document's text layout (pdftotext -layout) as of the demo's day.

A change to a document's words or layout fails here until the reference is updated on purpose:
``WUYANG_UPDATE_GOLDEN=1 pytest tests/exports/test_golden.py`` rewrites the files in golden/,
and the diff is reviewed with the change. Trailing spaces are ignored."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from wuyang_tasks.exports import registry

from .conftest import REFERENCE_DAY, WEEK_30

GOLDEN = Path(__file__).parent / "golden"
DOCUMENTS = {  # reference name → (document, parameters, pages compared)
    "briefing": (registry.BRIEFING, {"start": WEEK_30[0], "end": WEEK_30[1]}, (1, 2, -1)),
    "notice": (registry.NOTICE, {"task": "2016-002"}, (1,)),
    "ledger": (registry.LEDGER, {}, (1,)),
    "checklist_leader": (registry.CHECKLIST, {"leader": "朱俊峰"}, (1,)),
    "checklist_site": (registry.CHECKLIST, {"site": "碧富浙江商城"}, (1, -1)),
    "accountability": (registry.ACCOUNTABILITY, {"unit": "舞泉镇"}, (1,)),
}


def _layout(pdf: Path, pages: tuple[int, ...]) -> str:
    total = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    out = []
    for page in pages:
        number = page if page > 0 else total + 1 + page
        text = subprocess.run(["pdftotext", "-layout", "-f", str(number), "-l", str(number), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        out.append(f"=== page {page} ===\n" + "\n".join(line.rstrip() for line in text.rstrip().splitlines()))
    return "\n".join(out) + "\n"


@pytest.mark.sqlite_only  # the same document from either backend
@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_document_matches_its_golden_layout(demo_ledger, tmp_path, name):
    kind, params, pages = DOCUMENTS[name]
    pdf = registry.produce(demo_ledger, kind, params, tmp_path / f"{name}.pdf", today=REFERENCE_DAY).path
    got = _layout(pdf, pages)
    reference = GOLDEN / f"{name}.txt"
    if os.environ.get("WUYANG_UPDATE_GOLDEN"):
        reference.write_text(got, encoding="utf-8")
    assert reference.exists(), f"no reference {reference.name}: run with WUYANG_UPDATE_GOLDEN=1 and review it"
    assert got == reference.read_text(encoding="utf-8"), f"{name}: layout changed (see the module docstring)"
