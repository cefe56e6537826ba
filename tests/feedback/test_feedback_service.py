"""One unit's feedback on one task (services.feedback) and the period's 应报/已报/未报."""

from datetime import date

import pytest
from sqlalchemy import select

from wuyang_tasks.db.models import Extension, ProgressReport
from wuyang_tasks.domain.enums import ExtensionStatus, FeedbackRequest, Role, TaskStatus
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services import feedback
from wuyang_tasks.services.evidence import verify_ledger
from wuyang_tasks.services.feedback_period import reports_due

from .conftest import WEEK


def _record(demo, entry):
    with demo.ledger.write() as s:
        return feedback.record_feedback(s, entry, today=demo.today, cal=demo.cal)


def test_a_report_of_the_unit_names_its_reporter(demo):
    task = demo.task("2016-001")
    unit = demo.unit("舞泉镇")
    out = _record(demo, feedback.FeedbackEntry(task.id, unit, text="新增围挡120米", percent=60,
                                               reporter="李明", phone="13800000000", problems="资金不足",
                                               form_ref="ref-1"))
    with demo.ledger.read() as s:
        report = s.get(ProgressReport, out.report_id)
        assert (report.unit_id, report.text, report.percent, report.reporter, report.reporter_phone,
                report.problems, report.form_ref, report.report_date) == (
            unit, "新增围挡120米", 60, "李明", "13800000000", "资金不足", "ref-1", date(2016, 7, 29))
        entry = feedback.FeedbackEntry(task.id, unit, text="新增围挡120米", form_ref="ref-1",
                                       percent=60)
        assert feedback.already_recorded(s, entry)
        assert not feedback.already_recorded(s, feedback.FeedbackEntry(task.id, unit, text="另一段",
                                                                        form_ref="ref-1"))
    assert demo.task("2016-001").status is TaskStatus.IN_PROGRESS
    assert verify_ledger(demo.ledger).ok


def test_asking_to_close_moves_to_review_and_never_closes(demo):
    task = demo.task("2016-003")
    out = _record(demo, feedback.FeedbackEntry(task.id, demo.unit("县公安局"), text="整治完成",
                                               percent=100, request=FeedbackRequest.CLOSE))
    assert out.moved_to_review
    assert demo.task("2016-003").status is TaskStatus.REPORTED


def test_asking_for_an_extension_is_a_request_for_the_office(demo):
    task = demo.task("2016-014")
    unit = demo.unit("县水利局")
    out = _record(demo, feedback.FeedbackEntry(task.id, unit, request=FeedbackRequest.EXTEND,
                                               extend_to=date(2016, 9, 30), reason="汛期施工受阻"))
    assert out.report_id is None
    with demo.ledger.read() as s:
        ext = s.get(Extension, out.extension_id)
        assert (ext.status, ext.requested_by_unit_id, ext.new_deadline) == (
            ExtensionStatus.REQUESTED, unit, date(2016, 9, 30))
    assert demo.task("2016-014").deadline == date(2016, 8, 31)


@pytest.mark.parametrize("entry, field", [
    (dict(text="x", percent=130), "完成百分比"),
    (dict(request=FeedbackRequest.EXTEND, extend_to=date(2016, 7, 1), reason="r"), "延期至"),
    (dict(request=FeedbackRequest.EXTEND, extend_to=date(2016, 9, 1)), "延期理由"),
    (dict(percent=50), "本期进展"),
])
def test_bad_entries_are_refused_naming_the_field_with_nothing_written(demo, entry, field):
    task = demo.task("2016-001")
    with pytest.raises(ValidationError, match=field):
        _record(demo, feedback.FeedbackEntry(task.id, demo.unit("舞泉镇"), **entry))
    with demo.ledger.read() as s:
        assert s.scalar(select(ProgressReport.id).where(ProgressReport.report_date == demo.today)) is None


def test_reports_due_counts_asked_reported_and_missing_per_unit(demo):
    with demo.ledger.read() as s:
        before = {u.unit_name: u for u in reports_due(s, *WEEK)}
    town = before["舞泉镇"]
    assert town.expected > 0 and town.reported == 0 and town.missing == town.expected
    assert "碧富浙江商城" not in before  # enterprises get no 反馈表
    asked = {d.task_code for d in town.due}
    assert "2016-028" not in asked and "2016-029" not in asked  # 待交办, 撤销
    code = town.due[0].task_code
    _record(demo, feedback.FeedbackEntry(demo.task(code).id, demo.unit("舞泉镇"), text="已落实"))
    with demo.ledger.read() as s:
        after = {u.unit_name: u for u in reports_due(s, *WEEK)}
        leads = {u.unit_name: u for u in reports_due(s, *WEEK, roles=(Role.LEAD_UNIT,))}
    assert (after["舞泉镇"].reported, after["舞泉镇"].missing) == (1, town.expected - 1)
    assert code not in after["舞泉镇"].missing_codes
    assert all(d.role is Role.LEAD_UNIT for u in leads.values() for d in u.due)
    names = list(after)
    assert names.index("县环保局") < names.index("舞泉镇") < names.index("姜店乡")  # official order
