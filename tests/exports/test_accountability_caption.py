"""The line under the 责任清单 title does not repeat the scope the title names (QA: "全县" twice)."""

from wuyang_tasks.exports.accountability import write_accountability_pdf
from wuyang_tasks.services import document_lists

from . import helpers
from .conftest import REFERENCE_DAY


def test_county_sheet_names_the_county_once_and_a_leader_sheet_keeps_its_scope(demo_ledger, cal, tmp_path):
    with demo_ledger.read() as s:
        county = document_lists.build_accountability(s, today=REFERENCE_DAY, cal=cal, whole_county=True)
        leader = document_lists.build_accountability(s, today=REFERENCE_DAY, cal=cal, leader="朱俊峰")
    text = helpers.text(write_accountability_pdf(county, tmp_path / "全县.pdf").path)
    heading = text.split("序")[0]  # title and caption, above the table
    assert heading.count("全县") == 1 and "截至2016年7月29日" in heading
    text = helpers.text(write_accountability_pdf(leader, tmp_path / "朱俊峰.pdf").path)
    assert "牵头县领导：朱俊峰" in text.split("\f")[0]


def test_the_whole_county_sheet_lists_every_role(demo_ledger):
    with demo_ledger.read() as s:
        cal = demo_ledger.calendar()
        county = document_lists.build_accountability(s, today=REFERENCE_DAY, cal=cal, whole_county=True)
        leader = document_lists.build_accountability(s, today=REFERENCE_DAY, cal=cal, leader="朱俊峰")
    assert {line.unit_role for line in county.lines} == {"牵头单位", "配合单位", "属地单位"}
    assert {line.unit_role for line in leader.lines} == {"牵头单位"}
    survey = [line for line in county.lines if line.row.code == "2016-002"]
    assert len(survey) == 1 + 1 + 14  # 县住建委 leads, 县环保局 cooperates, every township
