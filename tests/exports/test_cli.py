"""``wuyang-tasks export …`` end to end, and the lazy loading of openpyxl/reportlab."""

from __future__ import annotations

import subprocess
import sys

import openpyxl
import pytest

from wuyang_tasks.cli.export import parse_week
from wuyang_tasks.cli.main import main
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services import demo

from . import helpers


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from wuyang_tasks.db.ledger import open_ledger

    path = tmp_path_factory.mktemp("cli") / "demo.db"
    led = open_ledger(path)
    demo.build_demo(led)
    led.dispose()
    return path


def run(db, *args):
    return main(["--db", str(db), "export", *args])


def test_parse_week():
    assert [d.isoformat() for d in parse_week("2016-W30")] == ["2016-07-25", "2016-07-31"]
    with pytest.raises(ValidationError):
        parse_week("2016-30")
    with pytest.raises(ValidationError):
        parse_week("2016-W54")


def test_every_document_from_the_command_line(demo_file, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(demo_file, "briefing", "--week", "2016-W30", "-o", str(out / "b.xlsx")) == 0
    assert run(demo_file, "briefing", "--from", "2016-07-13", "--to", "2016-07-29", "-o", str(out / "b.pdf")) == 0
    assert run(demo_file, "ledger", "--unit", "县环保局", "-o", str(out / "l.xlsx")) == 0
    assert run(demo_file, "ledger", "--overdue", "-o", str(out / "l.pdf")) == 0
    assert run(demo_file, "checklist", "--unit", "舞泉镇", "-o", str(out / "c.pdf")) == 0
    assert run(demo_file, "accountability", "--all", "-o", str(out / "a.xlsx")) == 0
    assert run(demo_file, "accountability", "--leader", "朱俊峰", "-o", str(out / "a.pdf")) == 0
    assert run(demo_file, "notice", "--task", "2016-002", "-o", str(out / "n.pdf")) == 0
    printed = capsys.readouterr().out
    assert printed.count("已导出") == 8
    ledger_rows = list(openpyxl.load_workbook(out / "l.xlsx")["任务台账"].iter_rows(min_row=4, values_only=True))
    assert ledger_rows and all("县环保局" in "".join(str(v) for v in r if v) for r in ledger_rows)
    assert "2016年7月13日至7月29日" in helpers.squeezed_text(out / "b.pdf")
    assert "2016-002" in helpers.squeezed_text(out / "l.pdf")
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["b.xlsx", "b.pdf", "l.xlsx", "l.pdf", "c.pdf", "a.xlsx", "a.pdf", "n.pdf"])  # no temp files left


@pytest.mark.parametrize("args, message", [
    (["ledger", "-o", "x.doc"], "不支持的文件类型"),
    (["checklist", "--unit", "不存在", "-o", "x.pdf"], "找不到单位"),
    (["briefing", "--week", "2016-W30", "--from", "2016-07-01", "--to", "2016-07-02", "-o", "x.pdf"], "只能选一种"),
    (["notice", "--task", "2099-999", "-o", "x.pdf"], "找不到编号"),
    (["notice", "--task", "2016-011", "-o", "x.pdf"], "不需要催办"),
])
def test_bad_input_exits_2_and_writes_nothing(demo_file, tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    assert run(demo_file, *args) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_document_modules_do_not_load_openpyxl_or_reportlab():
    code = ("import sys\n"
            "import wuyang_tasks.cli.export, wuyang_tasks.services.documents, "
            "wuyang_tasks.services.document_lists\n"
            "import wuyang_tasks.exports.briefing_xlsx, wuyang_tasks.exports.ledger_pdf, "
            "wuyang_tasks.exports.notice_pdf, wuyang_tasks.exports.accountability\n"
            "print(sorted(m for m in ('openpyxl', 'reportlab') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_excel_export_works_without_lxml(demo_file, tmp_path):
    """lxml is blocked in a fresh interpreter: openpyxl must write and read with the stdlib."""
    target = tmp_path / "l.xlsx"
    code = ("import sys\n"
            "sys.modules['lxml'] = None\n"
            "from wuyang_tasks.cli.main import main\n"
            f"rc = main(['--db', {str(demo_file)!r}, 'export', 'ledger', '-o', {str(target)!r}])\n"
            "import openpyxl\n"
            "assert openpyxl.LXML is False\n"
            f"ws = openpyxl.load_workbook({str(target)!r})['任务台账']\n"
            "print(rc, ws.max_row)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split()[-2:] == ["0", "33"]  # title, caption, header, 30 tasks
