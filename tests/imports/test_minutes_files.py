"""Minutes arrive as Word files or as text in UTF-8 or GB18030; old Word/WPS files are converted
when LibreOffice is there, else refused; ``--dry-run --json`` gives drafts, metrics and problems."""

import json
import shutil

import docx
import pytest

from wuyang_tasks.cli.main import main
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.imports import text_file
from wuyang_tasks.imports.minutes import propose
from wuyang_tasks.imports.text_file import read_text_file

from .test_cli_imports import _state, demo_db  # noqa: F401  (fixture)
from .test_minutes import DATA

PARAGRAPHS = ["舞阳县环保攻坚工作推进会议纪要", "2016年8月2日", "会议议定以下事项：",
              "一、关于砂石行业整治。县水务局牵头负责，县公安局配合，9月底前完成河道非法采砂清理。"]
TABLE = [["序号", "重点任务", "牵头部门", "协办单位"],
         ["一、空气质量目标", "一、空气质量目标", "一、空气质量目标", "一、空气质量目标"],
         ["1", "城区建筑工地全面落实“六个百分之百”", "开江生态环境局", "县住建委、县城管局"]]


def _word(path):
    d = docx.Document()
    for text in PARAGRAPHS:
        d.add_paragraph(text)
    table = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.save(str(path))
    return path


def test_word_minutes_with_a_task_table(tmp_path):
    text = read_text_file(_word(tmp_path / "纪要.docx"))
    assert "牵头部门：开江生态环境局" in text and "一、空气质量目标" in text
    p = propose(text)
    assert p.issued_on.isoformat() == "2016-08-02"
    sand, sites = p.drafts
    assert (sand.title, sand.lead.written, sand.deadline.day.isoformat()) == ("砂石行业整治", "县水务局", "2016-09-30")
    assert sites.lead.written == "开江生态环境局"  # the name is not cut at its first character
    assert [r.written for r in sites.cooperating] == ["县住建委", "县城管局"]  # 协办 kept, as cooperating
    assert sites.category == "空气质量目标"  # the category row is no second header


def test_gb18030_text(tmp_path):
    path = tmp_path / "方案.txt"
    path.write_bytes((DATA / "plan_2016.txt").read_text(encoding="utf-8").encode("gb18030"))
    assert read_text_file(path).startswith("舞阳县2016年大气污染防治攻坚实施方案")


def test_old_word_file_refused_without_libreoffice(tmp_path, monkeypatch):
    path = tmp_path / "纪要.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    monkeypatch.setattr(text_file.shutil, "which", lambda name: None)
    with pytest.raises(ValidationError, match=r"请另存为 \.docx"):
        read_text_file(path)


def test_old_word_file_converted_by_libreoffice(tmp_path):
    soffice = shutil.which("soffice")
    source = _word(tmp_path / "原件.docx")
    import subprocess

    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(source)], check=True,
                   capture_output=True, timeout=180)
    assert "县水务局牵头负责" in read_text_file(tmp_path / "原件.doc")


def test_dry_run_json_for_minutes_and_ledger(demo_db, tmp_path, capsys):  # noqa: F811
    before = _state(demo_db)
    word = _word(tmp_path / "纪要.docx")
    assert main(["--db", str(demo_db), "import", "minutes", str(word), "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "wuyang-tasks/import-preview/1" and data["kind"] == "minutes"
    assert data["source"]["issued_on"] == "2016-08-02"
    first = data["drafts"][0]
    assert (first["title"], first["lead"], first["cooperating"]) == ("砂石行业整治", "县水务局", ["县公安局"])
    assert first["deadline"]["day"] == "2016-09-30"
    from .builders import real_ledger

    xlsx = real_ledger(tmp_path / "分解表.xlsx")
    assert main(["--db", str(demo_db), "import", "ledger", str(xlsx), "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "ledger" and set(data) == {"schema", "kind", "source", "drafts", "metrics", "problems"}
    row = next(d for d in data["drafts"] if d["title"] == "“散乱污”企业排查整治")
    assert (row["leader"], row["lead"], row["all_townships"]) == ("宋耀生", "县环保局", True)
    assert _state(demo_db) == before
