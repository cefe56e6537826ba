"""PDF documents: page count, size, orientation, extracted text, embedded fonts."""

from __future__ import annotations

import re
import subprocess

from datetime import date

import pytest
from sqlalchemy import func, select

from wuyang_tasks.db.models import AuditEvent, Urging
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.exports.accountability import write_accountability_pdf
from wuyang_tasks.exports.briefing_pdf import write_briefing_pdf
from wuyang_tasks.exports.checklist_pdf import write_checklist_pdf
from wuyang_tasks.exports.ledger_pdf import write_ledger_pdf
from wuyang_tasks.exports.notice_pdf import write_notice_pdf
from wuyang_tasks.services import document_lists, documents, units
from wuyang_tasks.services.task_list import TaskFilter

from . import helpers
from .conftest import REFERENCE_DAY, WEEK_30


def _all_embedded(path):
    rows = helpers.fonts(path)
    assert rows, "no fonts listed"
    assert all(r["emb"] == "yes" for r in rows), rows


def test_briefing_pdf(demo_ledger, cal, tmp_path):
    with demo_ledger.write() as s:
        b = documents.build_briefing(s, start=WEEK_30[0], end=WEEK_30[1], today=REFERENCE_DAY, cal=cal)
    result = write_briefing_pdf(b, tmp_path / "周报.pdf")
    assert result.pages == helpers.pages(result.path) >= 3
    assert helpers.is_a4(helpers.page_size(result.path, 1), landscape=False)
    assert helpers.is_a4(helpers.page_size(result.path, result.pages - 1), landscape=True)  # 附件 lists
    assert helpers.is_a4(helpers.page_size(result.path, result.pages), landscape=False)  # the 版记
    text = helpers.squeezed_text(result.path)
    for expected in ("工作周报", "第一期", "舞阳县委县政府督查室", "各乡镇人民政府，县直各部门：", "一、总体情况",
                     "县住建委", "姜店乡", "全县在建项目工地‘六个百分之百’拉网式排查", "四、工作要求", "—1—",
                     "附件：1.任务进展明细2.逾期任务3.目标指标完成情况"):  # quoted in the body: ‘’ inside “”
        assert expected in text, expected
    last = re.sub(r"\s+", "", subprocess.run(
        ["pdftotext", "-layout", "-f", str(result.pages), "-l", str(result.pages), str(result.path), "-"],
        capture_output=True, text=True, check=True).stdout)
    assert last == f"抄送：县委书记、县长，县人大常委会主任、县政协主席，县委、县政府其他领导。舞阳县委县政府督查室" \
                   f"2016年7月29日印发—{result.pages}—"  # the 版记 at the foot, over the page number
    _all_embedded(result.path)


def test_ledger_pdf(demo_ledger, cal, tmp_path):
    with demo_ledger.read() as s:
        doc = documents.build_ledger(s, today=REFERENCE_DAY, cal=cal)
    result = write_ledger_pdf(doc, tmp_path / "台账.pdf")
    assert helpers.pages(result.path) == result.pages >= 2
    assert helpers.is_a4(helpers.page_size(result.path), landscape=True)
    text = helpers.squeezed_text(result.path)
    for row in doc.rows:
        assert row.code in text
    assert "禁养区畜禽养殖场搬迁关闭" in text and "县畜牧局" in text
    assert "—2—" in text
    layout = helpers.text(result.path)  # QA: dates used to break as "2016年10月31" / "日"
    assert "2016年10月31日" in layout and "2016年12月31日" in layout
    _all_embedded(result.path)


def test_checklist_for_a_leader_covers_each_liaison_township(demo_ledger, cal, tmp_path):
    with demo_ledger.read() as s:
        doc = document_lists.build_checklist(s, today=REFERENCE_DAY, cal=cal, leader="王玉亭",
                                             template="六个百分之百")
    assert [sec.unit for sec in doc.sections] == ["北舞渡镇", "莲花镇"]
    result = write_checklist_pdf(doc, tmp_path / "清单.pdf")
    n = helpers.pages(result.path)
    assert helpers.is_a4(helpers.page_size(result.path), landscape=True)
    text = helpers.squeezed_text(result.path)
    assert n == 4 and "北舞渡镇第1页共2页" in text and "莲花镇第2页共2页" in text  # each township counted
    assert text.count("被检查单位负责人（签字）") == 2
    for expected in ("北舞渡镇", "莲花镇", "□是□否", "检查人（签字）", "施工工地周边100%围挡", "检查情况"):
        assert expected in text, expected
    _all_embedded(result.path)


def _table_rows(page_text: str) -> int:
    return len(re.findall(r"^\s*\d+\s+2016-\d{3}\b", page_text, flags=re.MULTILINE))


def test_leader_checklist_numbers_each_township_and_leaves_no_orphan_rows(demo_ledger, cal, tmp_path):
    """朱俊峰's five townships have ten open tasks each: nine fit a page, and the tenth used to
    go over alone (with the signatures), the pages counted 1 to 10 across the townships, and
    the list of townships broke 保和 | 乡 across lines."""
    with demo_ledger.read() as s:
        doc = document_lists.build_checklist(s, today=REFERENCE_DAY, cal=cal, leader="朱俊峰")
    assert [len(sec.tasks) for sec in doc.sections] == [10] * 5
    result = write_checklist_pdf(doc, tmp_path / "清单.pdf")
    pages = [helpers.page_text(result.path, n) for n in range(1, helpers.pages(result.path) + 1)]
    assert len(pages) == 10
    rows = [_table_rows(text) for text in pages]
    assert sum(rows) == 50 and min(rows) >= 3, rows
    for n, town in enumerate(sec.unit for sec in doc.sections):
        first, second = (re.sub(r"\s+", "", t) for t in pages[2 * n:2 * n + 2])
        assert f"{town}第1页共2页" in first and f"{town}第2页共2页" in second
        assert "检查人（签字）" in second and "检查人（签字）" not in first  # under the last rows
    assert "章化镇、文峰乡、保和乡、马村乡、姜店乡" in pages[0]  # on one line


def test_checklist_for_a_site_names_its_parties_and_asks_for_problems_and_requirements(demo_ledger, cal, tmp_path):
    """The 六个百分之百 form of a site: 建设/施工/监理单位 with 负责人 and 联系电话, 存在问题 and
    整改要求 for every item, a signature box for 检查人 and each party's 负责人."""
    with demo_ledger.read() as s:
        doc = document_lists.build_checklist(s, today=REFERENCE_DAY, cal=cal, site="碧富浙江商城")
    assert doc.template_name == "六个百分之百" and len(doc.items) == 6
    assert doc.parties == ("建设单位", "施工单位", "监理单位")
    result = write_checklist_pdf(doc, tmp_path / "工地.pdf")
    n = helpers.pages(result.path)
    text = helpers.squeezed_text(result.path)
    assert f"第1页共{n}页" in text and f"第{n}页共{n}页" in text
    for expected in ("参建单位单位名称负责人联系电话", "建设单位", "施工单位", "监理单位", "检查内容存在问题整改要求是否符合",
                     "检查人（签字）", "建设单位负责人（签字）", "施工单位负责人（签字）", "监理单位负责人（签字）"):
        assert expected in text, expected
    last = re.sub(r"\s+", "", helpers.page_text(result.path, n))
    assert "监理单位负责人（签字）" in last and last.count("□是□否") >= 3  # never alone on a page
    with demo_ledger.read() as s:  # a unit's checklist keeps its one signature line
        unit = document_lists.build_checklist(s, today=REFERENCE_DAY, cal=cal, unit="舞泉镇")
    assert unit.parties == ()


def test_checklist_refuses_unknown_template_with_the_choices(demo_ledger, cal):
    with demo_ledger.read() as s, pytest.raises(ValidationError) as err:
        document_lists.build_checklist(s, today=REFERENCE_DAY, cal=cal, unit="县环保局", template="不存在")
    assert "六个百分之百" in err.value.message


def test_accountability_pdf_names_the_chiefs_at_the_time(demo_ledger, cal, tmp_path):
    with demo_ledger.read() as s:
        town = units.find_unit(s, "舞泉镇")
        before = units.chief_tenures(s, town.id, REFERENCE_DAY)
        old_mayor = before[next(k for k in before if k.value == "GOVERNMENT")].person.name
        post_id = before[next(k for k in before if k.value == "GOVERNMENT")].post_id
    with demo_ledger.write() as s:
        newcomer = units.add_person(s, "新任镇长")
        units.appoint(s, post_id, newcomer.id, date(2016, 8, 1))
    with demo_ledger.read() as s:
        sheet = document_lists.build_accountability(s, today=date(2016, 7, 31), cal=cal, unit="舞泉镇")
        later = document_lists.build_accountability(s, today=date(2016, 8, 2), cal=cal, unit="舞泉镇")
    assert all(old_mayor in line.government_chief for line in sheet.lines)
    assert later.lines and all(  # handed over on 8-1: the newcomer answers for what is open then
        ("新任镇长" if line.row.closed_on is None else old_mayor) in line.government_chief
        for line in later.lines)
    result = write_accountability_pdf(sheet, tmp_path / "责任.pdf")
    assert helpers.is_a4(helpers.page_size(result.path), landscape=True)
    text = helpers.squeezed_text(result.path)
    assert old_mayor in text and "新任镇长" not in text
    assert "舞泉镇责任清单" in text and "问责台账" in text
    _all_embedded(result.path)


def test_notice_prints_the_existing_written_urging(demo_ledger, cal, tmp_path):
    with demo_ledger.read() as s:
        doc = documents.build_notice(s, "2016-002", today=REFERENCE_DAY, cal=cal, create=False)
    # overdue as of the day it is printed (as that day's briefing counts it), saying when it was urged
    assert doc.created is False and doc.overdue_text == "截至2016年7月29日已逾期2个工作日"
    result = write_notice_pdf(doc, tmp_path / "督办单.pdf")
    assert helpers.pages(result.path) == 1
    assert helpers.is_a4(helpers.page_size(result.path), landscape=False)
    text = helpers.squeezed_text(result.path)
    for expected in ("督办通知单", "舞督〔2016〕1号", "督办事项", "承办单位", "县住建委", "协办单位", "县环保局",
                     "办理时限", "截至2016年7月29日已逾期2个工作日", "督办要求", "2016年7月28日红色督办",
                     "签发人：王耀生", "联系人：李静", "电话：0395-7212345", "签收人", "签收时间"):
        assert expected in text, expected
    assert "盖章）" not in text.split("回执")[0]  # the seal goes on the issuer's name, no words there
    assert "第1号" not in text
    _all_embedded(result.path)


def test_notice_for_a_task_without_one_records_a_numbered_written_urging(demo_ledger, cal, tmp_path):
    with demo_ledger.read() as s:
        events = s.scalar(select(func.count(AuditEvent.id)))
    with demo_ledger.write() as s:
        doc = documents.build_notice(s, "2016-001", today=REFERENCE_DAY, cal=cal, create=True)
    assert doc.created and doc.notice.number_label == "舞督〔2016〕2号"
    with demo_ledger.read() as s:
        assert s.scalar(select(func.count(Urging.id)).where(Urging.notice_number == 2)) == 1
        assert s.scalar(select(func.count(AuditEvent.id))) > events
        again = documents.build_notice(s, "2016-001", today=REFERENCE_DAY, cal=cal, create=False)
    assert again.notice.number_label == "舞督〔2016〕2号"  # printed again, not renumbered
    result = write_notice_pdf(doc, tmp_path / "n.pdf")
    assert "舞督〔2016〕2号" in helpers.squeezed_text(result.path)


def test_notice_for_a_closed_task_changes_nothing(demo_ledger, cal):
    with demo_ledger.read() as s:
        urgings_before = s.scalar(select(func.count(Urging.id)))
    with pytest.raises(ValidationError), demo_ledger.write() as s:
        documents.build_notice(s, "2016-011", today=REFERENCE_DAY, cal=cal, create=True)
    with demo_ledger.read() as s:
        assert s.scalar(select(func.count(Urging.id))) == urgings_before


def test_long_notice_still_fits_one_page(demo_ledger, cal, tmp_path):
    with demo_ledger.read() as s:
        doc = documents.build_notice(s, "2016-002", today=REFERENCE_DAY, cal=cal, create=False)
    doc.notice.task_content = "长段落内容。" * 120
    result = write_notice_pdf(doc, tmp_path / "long.pdf")
    assert helpers.pages(result.path) == 1


def test_ledger_pdf_prints_a_task_for_every_township_as_each_township(demo_ledger, cal, tmp_path):
    with demo_ledger.read() as s:
        doc = documents.build_ledger(s, today=REFERENCE_DAY, cal=cal)
        town = documents.build_ledger(s, today=REFERENCE_DAY, cal=cal,
                                      flt=TaskFilter(unit_id=units.find_unit(s, "姜店乡").id))
    text = helpers.squeezed_text(write_ledger_pdf(doc, tmp_path / "台账.pdf").path)
    assert "各乡镇" in text and "姜店乡" not in text  # 2016-002 and the other 各乡镇 tasks
    assert all(len(r.territorial_units) == 14 for r in doc.rows if r.id in doc.territorial)  # rows keep them
    text = helpers.squeezed_text(write_ledger_pdf(town, tmp_path / "姜店乡.pdf").path)
    assert text.count("姜店乡") >= len(town.territorial)  # its own name in each 各乡镇 task


@pytest.mark.parametrize("with_tail", [False, True])
def test_a_table_of_rows_too_tall_to_keep_three_a_page_still_prints(tmp_path, with_tail):
    """Keeping three rows a side is a preference: four rows of half a page each break one or
    two a page rather than fail the export (reportlab's 'too large' LayoutError)."""
    from reportlab.platypus import Spacer

    from wuyang_tasks.exports import pdf_common as pc

    fonts = pc.load_fonts()
    st = pc.Styles(fonts)
    rows = [[i, "十二个字的一行督办事项文字。" * 40] for i in range(1, 5)]
    table = pc.table(st, ["序号", "内容"], rows, [40, 400])
    story = [pc.WithTail(table, Spacer(1, 40)) if with_tail else table]
    result = pc.build(tmp_path / "高.pdf", story, templates=[pc.numbered_templates(fonts)["portrait"]],
                      title="高", fonts=fonts)
    assert 2 <= result.pages <= 4
    assert helpers.squeezed_text(result.path).count("督办事项") >= 4 * 40 - 4  # every row printed
