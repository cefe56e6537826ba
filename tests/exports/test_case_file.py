"""一案一档 of the demo rectification on both backends: the PDF renders (pdftoppm) with each
photo on the page of its entry, the other attachments listed with their hashes; the zip's
SHA256SUMS checks with sha256sum -c and fails for a file changed after export."""

from __future__ import annotations

import subprocess
import zipfile

from PIL import Image

from wuyang_tasks.cli.main import main
from wuyang_tasks.services import attachments as att
from wuyang_tasks.services.case_file import build_case_file
from wuyang_tasks.services.task_views import task_id_by_code

RECTIFICATION = "2016-030"  # the demo's 整改 task from the 7月15日 inspection


def _pages_text(pdf) -> list[str]:
    pages = int(subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
                .stdout.split("Pages:")[1].split()[0])
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout for n in range(1, pages + 1)]


def _image_pages(pdf) -> list[int]:
    out = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [int(line.split()[0]) for line in out.splitlines()[2:]]


def test_the_case_file_reads_in_time_order(demo_ledger):
    with demo_ledger.read() as s:
        case = build_case_file(s, task_id_by_code(s, RECTIFICATION), today=demo_ledger.today(),
                               cal=demo_ledger.calendar())
    kinds = [(e.day.isoformat(), e.kind) for e in case.entries]
    assert kinds == [("2016-07-15", "督导检查"), ("2016-07-15", "交办"), ("2016-07-20", "进展反馈"),
                     ("2016-07-20", "审核办结（销号）")]
    assert [a.name for a in case.entries[0].attachments] == ["检查发现问题-东侧围挡缺失（演示图片）.jpg"]
    assert [a.name for a in case.entries[2].attachments] == ["整改后-东侧围挡已补齐（演示图片）.jpg"]
    assert "舞泉镇报送" in case.entries[2].lines[0]
    assert set(case.images) == {a.id for a in case.attachments}


def test_pdf_prints_each_photo_on_its_entrys_page(demo_ledger, tmp_path):
    db = demo_ledger.url.render_as_string(hide_password=False)
    pdf = tmp_path / "档案.pdf"
    assert main(["--db", db, "export", "case", "--task", RECTIFICATION, "-o", str(pdf)]) == 0
    texts = _pages_text(pdf)
    images = _image_pages(pdf)
    assert len(images) == 2
    for figure, entry in (("图1 检查发现问题-东侧围挡缺失", "督导检查"), ("图2 整改后-东侧围挡已补齐", "进展反馈")):
        [page] = [n for n, t in enumerate(texts, start=1) if figure in t.replace("\u3000", " ")]
        assert page in images and entry in texts[page - 1]
    assert "佐证材料清单" in texts[-1]
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", str(images[0]), "-l", str(images[0]), str(pdf),
                    str(tmp_path / "page")], check=True)
    [png] = tmp_path.glob("page*.png")
    colors = Image.open(png).convert("RGB").getcolors(1 << 20)
    assert any(b > 150 and r < 80 for _, (r, g, b) in colors)  # the blue fence panels are drawn


def test_other_attachments_are_listed_with_hashes(demo_ledger, tmp_path):
    with demo_ledger.write() as s:
        task_id = task_id_by_code(s, RECTIFICATION)
        [pdf_id] = att.attach(s, att.Target(task_id=task_id, closing=True), [
            att.IncomingFile.from_bytes("复查记录.pdf", b"%PDF-1.4\n" + b"0" * 500 + b"\n%%EOF\n")])
        digest = att.view(s, pdf_id).sha256
    db = demo_ledger.url.render_as_string(hide_password=False)
    pdf = tmp_path / "档案.pdf"
    assert main(["--db", db, "export", "case", "--task", RECTIFICATION, "-o", str(pdf)]) == 0
    text = "".join(_pages_text(pdf)).replace("\n", "")
    assert "复查记录.pdf（PDF 文件" in text and digest[:30] in text


def test_zip_carries_pdf_originals_and_a_manifest_sha256sum_checks(demo_ledger, tmp_path, capsys):
    db = demo_ledger.url.render_as_string(hide_password=False)
    target = tmp_path / "档案.zip"
    assert main(["--db", db, "export", "case", "--task", RECTIFICATION, "-o", str(target)]) == 0
    out = tmp_path / "unpacked"
    with zipfile.ZipFile(target) as z:
        names = z.namelist()
        z.extractall(out)
    assert f"{RECTIFICATION} 任务档案.pdf" in names and "SHA256SUMS" in names
    assert "佐证材料/02-整改后-东侧围挡已补齐（演示图片）.jpg" in names
    with demo_ledger.read() as s:
        task_id = task_id_by_code(s, RECTIFICATION)
        originals = {a.name: att.content_bytes(s, a.id) for a in att.attachments_of_task(s, task_id)}
    assert (out / "佐证材料/02-整改后-东侧围挡已补齐（演示图片）.jpg").read_bytes() == \
        originals["整改后-东侧围挡已补齐（演示图片）.jpg"]
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count(": OK") == 3
    photo = out / "佐证材料/01-检查发现问题-东侧围挡缺失（演示图片）.jpg"
    photo.write_bytes(photo.read_bytes()[:-1] + b"\x00")
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True, text=True)
    assert check.returncode == 1 and "01-检查发现问题-东侧围挡缺失（演示图片）.jpg: FAILED" in check.stdout
