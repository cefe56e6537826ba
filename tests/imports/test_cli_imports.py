import pytest

from wuyang_tasks.cli.main import main
from wuyang_tasks.db.ledger import open_ledger

from .builders import REAL_ROWS, real_ledger
from .conftest import ledger_state
from .test_minutes import DATA


@pytest.fixture
def demo_db(_demo_template, tmp_path):
    import shutil

    path = tmp_path / "demo.db"
    shutil.copyfile(_demo_template, path)
    return path


def _state(path):
    led = open_ledger(path)
    try:
        return ledger_state(led)
    finally:
        led.dispose()


def test_import_ledger_dry_run_then_import(demo_db, tmp_path, capsys):
    xlsx = real_ledger(tmp_path / "分解表.xlsx")
    before = _state(demo_db)
    assert main(["--db", str(demo_db), "import", "ledger", str(xlsx), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "第8行\t新建\t“散乱污”企业排查整治\t宋耀生\t县环保局\t—\t各乡镇（14个）\t2016年10月31日" in out
    assert "将新建 9 项" in out and "试运行" in out
    assert _state(demo_db) == before
    assert main(["--db", str(demo_db), "import", "ledger", str(xlsx)]) == 0
    out = capsys.readouterr().out
    assert "已导入 9 项任务" in out and "导入前已备份台账" in out
    assert main(["--db", str(demo_db), "import", "ledger", str(xlsx)]) == 0
    assert "已导入 0 项任务" in capsys.readouterr().out


def test_import_ledger_errors_exit_2_and_list_problems(demo_db, tmp_path, capsys):
    rows = list(REAL_ROWS)
    rows[2] = (2, "渠道扬尘整治", None, "住建委", "县林业局", "下月中旬", None)
    xlsx = real_ledger(tmp_path / "坏表.xlsx", rows)
    before = _state(demo_db)
    assert main(["--db", str(demo_db), "import", "ledger", str(xlsx)]) == 2
    err = capsys.readouterr().err
    assert "第7行 F列 完成时限 “下月中旬” 无法识别" in err
    assert "第7行 E列 配合单位 “县林业局” 不在单位名录中" in err and "--create-missing" in err
    assert _state(demo_db) == before
    text = tmp_path / "x.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    assert main(["--db", str(demo_db), "import", "ledger", str(text)]) == 2
    assert "不是 Excel 工作簿" in capsys.readouterr().err
    assert _state(demo_db) == before


def test_import_minutes_dry_run_and_save(demo_db, capsys):
    meeting = DATA / "meeting_2016-07-13.txt"
    args = ["--db", str(demo_db), "import", "minutes", str(meeting), "--date", "2016-07-13"]
    assert main(args + ["--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "牵头：县环保局  配合：县发改委、县交通运输局、县公安局、县水利局、县畜牧局" in out
    assert "属地：各乡镇" in out and "重点时段：2016年7月1日至2016年9月30日" in out
    assert "指标：优良天数 ≥ 219天（2016年）" in out
    assert main(args + ["--source", "舞阳县环保攻坚突破工作会议（纪要）"]) == 0
    assert "项任务草稿（待交办），来源“舞阳县环保攻坚突破工作会议（纪要）”" in capsys.readouterr().out
    assert main(args) == 2
    assert "已经导入过" in capsys.readouterr().err


def test_minutes_refuses_documents_and_reads_gb18030(demo_db, tmp_path, capsys):
    doc = tmp_path / "纪要.docx"
    doc.write_bytes(b"PK\x03\x04rest")  # Word files are read now (issue 20); a damaged one is refused
    assert main(["--db", str(demo_db), "import", "minutes", str(doc), "--dry-run"]) == 2
    assert "已损坏" in capsys.readouterr().err
    gbk = tmp_path / "通知.txt"
    gbk.write_bytes("关于秸秆禁烧的通知\n各乡镇要于9月30日前签订禁烧责任状。".encode("gb18030"))
    assert main(["--db", str(demo_db), "import", "minutes", str(gbk), "--dry-run"]) == 0
    assert "签订禁烧责任状" in capsys.readouterr().out


def test_alias_commands(demo_db, capsys):
    assert main(["--db", str(demo_db), "alias", "add", "县环境监察大队", "县环保局"]) == 0
    assert main(["--db", str(demo_db), "alias", "list"]) == 0
    assert "县环境监察大队\t→ 县环保局" in capsys.readouterr().out
    assert main(["--db", str(demo_db), "alias", "remove", "县环境监察大队"]) == 0
    assert main(["--db", str(demo_db), "alias", "remove", "县环境监察大队"]) == 2
    assert "没有别名" in capsys.readouterr().err
