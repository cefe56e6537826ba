"""evidence add / list / get / withdraw and verify's exit code, end to end on the demo ledger."""


from PIL import Image
from sqlalchemy import text

from wuyang_tasks.cli.main import main


def run(capsys, db, *argv):
    code = main(["--db", db, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_get_withdraw_and_verify(demo_ledger, capsys, tmp_path):
    db = demo_ledger.url.render_as_string(hide_password=False)
    photo = tmp_path / "现场照片.jpg"
    Image.new("RGB", (640, 480), (30, 120, 200)).save(photo, "JPEG")
    scan = tmp_path / "整改报告.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    with demo_ledger.engine.connect() as conn:
        report = conn.execute(text("SELECT r.id FROM progress_report r JOIN task t ON t.id = r.task_id "
                                   "WHERE t.code = '2016-001' ORDER BY r.id")).scalar()
    code, out, err = run(capsys, db, "evidence", "add", "--task", "2016-001", "--report", str(report),
                         str(photo), str(scan))
    assert code == 0, err
    assert out.count("已添加") == 2 and "现场照片.jpg\tJPG 照片" in out
    code, out, _ = run(capsys, db, "evidence", "list", "--task", "2016-001")
    assert code == 0 and f"进展反馈（编号 {report}）" in out and "共 2 份佐证材料" in out
    first = int(out.splitlines()[0].split("\t")[0])
    code, out, _ = run(capsys, db, "evidence", "get", str(first), "-o", str(tmp_path / "back.jpg"))
    assert code == 0 and (tmp_path / "back.jpg").read_bytes() == photo.read_bytes()
    assert run(capsys, db, "verify")[0] == 0

    code, _, err = run(capsys, db, "evidence", "add", "--task", "2016-001", str(tmp_path / "没有.jpg"))
    assert code == 2 and "找不到文件" in err
    (tmp_path / "说明.jpg").write_text("文字")
    code, _, err = run(capsys, db, "evidence", "add", "--task", "2016-001", str(tmp_path / "说明.jpg"))
    assert code == 2 and "不是可接受的佐证材料类型" in err

    code, out, _ = run(capsys, db, "evidence", "withdraw", str(first), "--reason", "照片拍错")
    assert code == 0 and "照片拍错" in out
    code, out, _ = run(capsys, db, "evidence", "list", "--task", "2016-001")
    assert "已撤回" in out and "照片拍错" in out

    with demo_ledger.engine.begin() as conn:
        conn.execute(text("UPDATE blob_chunk SET data = :d WHERE n = 0 AND blob_id = "
                          "(SELECT blob_id FROM attachment WHERE name = '整改报告.pdf')"),
                     {"d": b"%PDF-1.4\n" + b"x" * 100})
    code, out, _ = run(capsys, db, "verify")
    assert code == 1 and "“整改报告.pdf”" in out and "2016-001" in out
