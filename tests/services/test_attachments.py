"""佐证材料 on both backends: attach by content type and limit, withdraw, verify names a file
altered, swapped or removed, and a rectification is closed only with evidence or a reason."""

from __future__ import annotations

import io
import json
import os
import zipfile
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import select, text

from wuyang_tasks.db.models import Attachment, AuditEvent, Blob, ProgressReport, Task
from wuyang_tasks.domain import file_types
from wuyang_tasks.domain.enums import CheckResult, TaskStatus
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import attachments as att
from wuyang_tasks.services import checklists, inspections, units
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.services.evidence import verify_ledger

DAY = date(2016, 7, 29)


def jpeg(width=400, height=300, color=(200, 80, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "JPEG", quality=85)
    return out.getvalue()


def pdf(size: int = 2000) -> bytes:
    body = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + os.urandom(max(0, size - 40))
    return body + b"\n%%EOF\n"


def office(member: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(member, "<x/>")
    return out.getvalue()


def files(**named: bytes) -> list[att.IncomingFile]:
    return [att.IncomingFile.from_bytes(name.replace("_", "."), data) for name, data in named.items()]


def first_report(ledger) -> tuple[int, int]:
    with ledger.read() as s:
        r = s.scalars(select(ProgressReport).order_by(ProgressReport.id)).first()
        return r.id, r.task_id


def rectification(ledger) -> tuple[int, int]:
    """(finding id, rectification task id) of a new inspection of 舞泉镇."""
    with ledger.write() as s:
        template = checklists.template_view(s, checklists.find_template(s, "六个百分之百").id)
        results = [inspections.ItemResult(i.id, CheckResult.FAIL if i.seq == 1 else CheckResult.PASS)
                   for i in template.items]
        inspection = inspections.record_inspection(
            s, inspected_on=DAY, today=DAY, cal=ledger.calendar(),
            inspectors=[inspections.Inspector(name="刘静")], unit_id=units.find_unit(s, "舞泉镇").id,
            site="幸福家园二期", template_id=template.id, results=results,
            findings=[inspections.FindingSpec("东侧围挡缺失", requirement="补齐围挡",
                                              deadline=date(2016, 8, 5),
                                              item_id=template.items[0].id)])
        finding = inspections.inspection_detail(s, inspection.id).findings[0]
        return finding.id, finding.task_id


def test_photo_on_a_report_and_pdf_on_a_finding_verify_and_read_back(demo_ledger):
    report_id, task_id = first_report(demo_ledger)
    finding_id, rect_id = rectification(demo_ledger)
    photo, scan = jpeg(), pdf()
    with demo_ledger.write() as s:
        [photo_id] = att.attach(s, att.Target(task_id=task_id, report_id=report_id), files(现场_jpg=photo))
        [pdf_id] = att.attach(s, att.Target(finding_id=finding_id), files(检查记录_pdf=scan))
    with demo_ledger.read() as s:
        assert att.content_bytes(s, photo_id) == photo and att.content_bytes(s, pdf_id) == scan
        [v] = att.attachments_of(s, att.Target(report_id=report_id))
        assert (v.name, v.kind, v.size, v.where) == ("现场.jpg", "jpg", len(photo), f"进展反馈（编号 {report_id}）")
        assert [a.name for a in att.attachments_of_task(s, rect_id)] == ["检查记录.pdf"]
        event = json.loads(s.scalar(select(AuditEvent.after).where(
            AuditEvent.entity == "attachment", AuditEvent.entity_id == photo_id)))
        assert (event["sha256"], event["name"], event["mime"], event["size"]) == (
            v.sha256, "现场.jpg", "image/jpeg", len(photo))
    result = verify_ledger(demo_ledger)
    assert result.ok and "4 份佐证材料" in result.message  # and the demo's two photos


def _count(ledger, model) -> int:
    with ledger.read() as s:
        return len(s.execute(select(model.id)).all())


def test_the_same_content_is_stored_once(demo_ledger):
    report_id, task_id = first_report(demo_ledger)
    photo = jpeg()
    blobs_before = _count(demo_ledger, Blob)
    with demo_ledger.write() as s:
        att.attach(s, att.Target(task_id=task_id), files(a_jpg=photo))
        att.attach(s, att.Target(task_id=task_id, report_id=report_id), files(b_jpg=photo))
    with demo_ledger.read() as s:
        assert len(s.execute(select(Blob.id).where(Blob.size == len(photo))).all()) == 1
        assert len(att.attachments_of_task(s, task_id)) == 2
    assert _count(demo_ledger, Blob) == blobs_before + 1


def _tamper(ledger, sql: str, **params) -> None:
    with ledger.engine.begin() as conn:
        conn.execute(text(sql), params)


def _two_files(ledger):
    _, task_id = first_report(ledger)
    with ledger.write() as s:
        code = s.get(Task, task_id).code
        ids = att.attach(s, att.Target(task_id=task_id), files(前_jpg=jpeg(color=(1, 2, 3)), 后_pdf=pdf()))
        blob_ids = [s.get(Attachment, i).blob_id for i in ids]
    assert verify_ledger(ledger).ok
    return code, ids, blob_ids


def test_one_byte_altered_is_named(demo_ledger):
    code, ids, blob_ids = _two_files(demo_ledger)
    with demo_ledger.engine.connect() as conn:
        data = bytearray(conn.execute(text("SELECT data FROM blob_chunk WHERE blob_id = :b AND n = 0"),
                                      {"b": blob_ids[1]}).scalar())
    data[100] ^= 1
    _tamper(demo_ledger, "UPDATE blob_chunk SET data = :d WHERE blob_id = :b AND n = 0",
            d=bytes(data), b=blob_ids[1])
    result = verify_ledger(demo_ledger)
    assert not result.ok
    assert f"佐证材料“后.pdf”（编号 {ids[1]}，任务 {code}）的文件内容与登记的校验值" in result.message
    assert "前.jpg" not in result.message


def test_two_contents_swapped_are_both_named(demo_ledger):
    _, ids, (a, b) = _two_files(demo_ledger)
    with demo_ledger.engine.connect() as conn:
        first, second = (conn.execute(text("SELECT data FROM blob_chunk WHERE blob_id = :b"),
                                      {"b": x}).scalar() for x in (a, b))
    _tamper(demo_ledger, "UPDATE blob_chunk SET data = :d WHERE blob_id = :b", d=second, b=a)
    _tamper(demo_ledger, "UPDATE blob_chunk SET data = :d WHERE blob_id = :b", d=first, b=b)
    result = verify_ledger(demo_ledger)
    assert not result.ok and "前.jpg" in result.message and "后.pdf" in result.message
    assert "文件被改动或调换过" in result.message


def test_attachment_rows_pointed_at_each_other_are_named(demo_ledger):
    _, ids, (a, b) = _two_files(demo_ledger)
    _tamper(demo_ledger, "UPDATE attachment SET blob_id = :b WHERE id = :i", b=b, i=ids[0])
    result = verify_ledger(demo_ledger)
    assert not result.ok
    assert f"佐证材料“前.jpg”（编号 {ids[0]}" in result.message and "blob_id被改动" in result.message


def test_a_removed_file_is_named(demo_ledger):
    _, ids, (a, b) = _two_files(demo_ledger)
    _tamper(demo_ledger, "DELETE FROM blob_chunk WHERE blob_id = :b", b=b)
    result = verify_ledger(demo_ledger)
    assert not result.ok and "“后.pdf”" in result.message and "清空" in result.message
    _tamper(demo_ledger, "DELETE FROM attachment WHERE id = :i", i=ids[1])
    result = verify_ledger(demo_ledger)
    assert not result.ok and "已从台账中删除" in result.message and "后.pdf" in result.message


def test_thirty_mb_fits_the_fifty_mb_limit_and_fifty_one_does_not(demo_ledger):
    _, task_id = first_report(demo_ledger)
    assert file_types.MAX_FILE_MB == 50
    big = pdf(30 * file_types.MB)
    with demo_ledger.write() as s:
        [ident] = att.attach(s, att.Target(task_id=task_id), files(扫描件_pdf=big))
    with demo_ledger.read() as s:
        assert s.get(Blob, s.get(Attachment, ident).blob_id).chunks == 30
        assert att.content_bytes(s, ident) == big
    del big
    with pytest.raises(ValidationError, match=r"“过大.pdf”有 51.0 MB，超过单个文件 50 MB 的上限"):
        with demo_ledger.write() as s:
            att.attach(s, att.Target(task_id=task_id), files(过大_pdf=pdf(51 * file_types.MB)))
    assert verify_ledger(demo_ledger).ok


def test_the_total_per_record_is_limited_and_nothing_is_written(demo_ledger, monkeypatch):
    report_id, task_id = first_report(demo_ledger)
    monkeypatch.setattr(file_types, "MAX_TARGET_BYTES", 5000)
    before = _count(demo_ledger, Attachment), _count(demo_ledger, Blob)
    with pytest.raises(ValidationError, match="超过同一份材料 200 MB 的上限"):
        with demo_ledger.write() as s:
            att.attach(s, att.Target(report_id=report_id), files(a_pdf=pdf(3000), b_pdf=pdf(3000)))
    assert (_count(demo_ledger, Attachment), _count(demo_ledger, Blob)) == before


@pytest.mark.parametrize("name, data, kind", [
    ("照片.pdf", jpeg(), "jpg"),  # named wrong: told by content
    ("scan.tif", b"II*\x00" + bytes(200), None),  # a TIFF that does not decode: refused below
    ("台账.xlsx", office("xl/workbook.xml"), "xlsx"),
    ("报告.docx", office("word/document.xml"), "docx"),
])
def test_types_are_told_by_content(demo_ledger, name, data, kind):
    _, task_id = first_report(demo_ledger)
    if kind is None:
        with pytest.raises(ValidationError, match="已损坏或无法读取"):
            with demo_ledger.write() as s:
                att.attach(s, att.Target(task_id=task_id), [att.IncomingFile.from_bytes(name, data)])
        return
    with demo_ledger.write() as s:
        [ident] = att.attach(s, att.Target(task_id=task_id), [att.IncomingFile.from_bytes(name, data)])
        assert att.view(s, ident).kind == kind


@pytest.mark.parametrize("name, data, hint", [
    ("照片.jpg", "不是照片".encode(), ""),
    ("a.zip", office("readme.txt"), "压缩包"),
    ("IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic" + bytes(40), "HEIC"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(40), "另存为 .docx"),
])
def test_other_types_are_refused_with_a_reason(demo_ledger, name, data, hint):
    _, task_id = first_report(demo_ledger)
    with pytest.raises(ValidationError, match=f"文件“{name}”不是可接受的佐证材料类型.*{hint}"):
        with demo_ledger.write() as s:
            att.attach(s, att.Target(task_id=task_id), [att.IncomingFile.from_bytes(name, data)])


def test_a_large_photo_gets_a_preview_beside_the_original(demo_ledger):
    _, task_id = first_report(demo_ledger)
    photo = jpeg(3000, 2000)
    with demo_ledger.write() as s:
        [ident] = att.attach(s, att.Target(task_id=task_id), files(大图_jpg=photo))
    with demo_ledger.read() as s:
        assert att.content_bytes(s, ident) == photo
        small = Image.open(io.BytesIO(att.content_bytes(s, ident, preview=True)))
        assert small.size == (1280, 853)
    assert verify_ledger(demo_ledger).ok


def test_withdraw_keeps_the_file_and_needs_a_reason(demo_ledger):
    _, task_id = first_report(demo_ledger)
    with demo_ledger.write() as s:
        [ident] = att.attach(s, att.Target(task_id=task_id), files(误传_jpg=jpeg()))
    with pytest.raises(ValidationError, match="须写明理由"):
        with demo_ledger.write() as s:
            att.withdraw(s, ident, "  ")
    with demo_ledger.write() as s:
        att.withdraw(s, ident, "传错了照片")
    with pytest.raises(ValidationError, match="已于 .* 撤回"):
        with demo_ledger.write() as s:
            att.withdraw(s, ident, "again")
    with demo_ledger.read() as s:
        [v] = att.attachments_of_task(s, task_id)
        assert not v.active and v.withdrawn_reason == "传错了照片"
        assert att.content_bytes(s, ident) == jpeg()
        after = json.loads(s.scalar(select(AuditEvent.after).where(AuditEvent.action == "withdraw")))
        assert after["withdrawn_reason"] == "传错了照片" and after["sha256"] == v.sha256
        assert not att.has_evidence(s, task_id)
    assert verify_ledger(demo_ledger).ok
    _tamper(demo_ledger, "UPDATE attachment SET withdrawn_at = NULL, withdrawn_reason = NULL")
    result = verify_ledger(demo_ledger)
    assert not result.ok and "误传.jpg" in result.message


def _reported(ledger, task_id):
    cal = ledger.calendar()
    with ledger.write() as s:
        task_service.report_progress(s, task_id, report_date=DAY, text="围挡已补齐", request_close=True,
                                     today=DAY, cal=cal)


def test_a_rectification_closes_only_with_evidence_or_a_reason(demo_ledger):
    cal = demo_ledger.calendar()
    finding_id, rect_id = rectification(demo_ledger)
    _reported(demo_ledger, rect_id)
    with pytest.raises(ValidationError, match="还没有佐证材料.*不能办结销号"):
        with demo_ledger.write() as s:
            task_service.transition(s, rect_id, Action.APPROVE, today=DAY, cal=cal)
    with demo_ledger.write() as s:
        task_service.transition(s, rect_id, Action.APPROVE, today=DAY, cal=cal,
                                no_evidence_reason="现场复查时由检查组拍照，照片在市局系统")
    with demo_ledger.read() as s:
        assert s.get(Task, rect_id).status is TaskStatus.DONE
        after = json.loads(s.scalar(select(AuditEvent.after).where(
            AuditEvent.entity == "task", AuditEvent.entity_id == rect_id, AuditEvent.action == "approve")))
        assert after["no_evidence_reason"] == "现场复查时由检查组拍照，照片在市局系统"
    # a second rectification, its after photo attached to the closing: no reason asked
    _, other = rectification(demo_ledger)
    _reported(demo_ledger, other)
    with demo_ledger.write() as s:
        att.attach(s, att.Target(task_id=other, closing=True), files(整改后_jpg=jpeg()))
        task_service.transition(s, other, Action.APPROVE, today=DAY, cal=cal)
        assert s.get(Task, other).status is TaskStatus.DONE
    assert verify_ledger(demo_ledger).ok


def test_ordinary_tasks_close_without_evidence(demo_ledger):
    _, task_id = first_report(demo_ledger)
    cal = demo_ledger.calendar()
    with demo_ledger.write() as s:
        task_service.report_progress(s, task_id, report_date=DAY, text="完成", request_close=True,
                                     today=DAY, cal=cal)
        task_service.transition(s, task_id, Action.APPROVE, today=DAY, cal=cal)
        assert s.get(Task, task_id).status is TaskStatus.DONE


def test_targets_must_belong_together(demo_ledger):
    report_id, task_id = first_report(demo_ledger)
    with demo_ledger.read() as s:
        other = s.scalar(select(Task.id).where(Task.id != task_id).order_by(Task.id))
        code = s.get(Task, other).code
    with pytest.raises(ValidationError, match=f"进展反馈（编号 {report_id}）不是任务“{code}”的反馈"):
        with demo_ledger.write() as s:
            att.attach(s, att.Target(task_id=other, report_id=report_id), files(a_jpg=jpeg()))
    with pytest.raises(ValidationError, match="找不到文件"):
        with demo_ledger.write() as s:
            att.attach(s, att.Target(task_id=task_id), [att.IncomingFile.from_path("/nonexistent/x.jpg")])
