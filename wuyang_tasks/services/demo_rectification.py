"""The demo ledger's rectification (整改) with its 佐证材料: a 六个百分之百 inspection of a site in
舞泉镇 on 2016年7月15日 finds the east fence missing (problem photo on the finding); the town
reports the fence rebuilt on 7月20日 (after photo on the report) and the task is closed that day.
The two photos are drawn here (small JPEGs, a few milliseconds), marked as demonstration
pictures in their names."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image, ImageDraw

from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import CheckResult
from wuyang_tasks.domain.workflow import Action

from . import attachments, checklists, inspections
from . import tasks as task_service

INSPECTED = date(2016, 7, 15)
DEADLINE = date(2016, 7, 21)
REPORTED = date(2016, 7, 20)  # and closed the same day, before the week of the demo's briefing
SITE = "幸福家园二期"


def site_photo(fence_whole: bool) -> bytes:
    """A drawn site: sky, a building under construction, ground and the fence along the road,
    with a gap in it unless ``fence_whole``."""
    image = Image.new("RGB", (640, 480), (168, 196, 222))
    d = ImageDraw.Draw(image)
    d.rectangle((0, 330, 640, 480), fill=(120, 110, 95))  # ground
    d.rectangle((200, 90, 440, 330), fill=(180, 175, 165))  # building
    for y in range(110, 320, 40):
        for x in range(220, 430, 50):
            d.rectangle((x, y, x + 28, y + 22), fill=(90, 110, 130))
    d.line((440, 60, 440, 330), fill=(200, 160, 40), width=6)  # tower crane
    d.line((330, 60, 600, 60), fill=(200, 160, 40), width=6)
    panels = range(0, 640, 40)
    for x in panels:
        if fence_whole or not 400 <= x < 560:
            d.rectangle((x + 1, 280, x + 39, 360), fill=(30, 110, 200), outline=(240, 240, 240))
    if not fence_whole:
        d.polygon([(420, 360), (560, 360), (520, 330), (450, 335)], fill=(150, 130, 100))  # spoil heap
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def add_rectification(s, *, unit_id: int, inspector_id: int, responsible_id: int,
                      cal: WorkdayCalendar) -> int:
    """Record the inspection and close its rectification (整改责任人 ``responsible_id``) with the
    photos; returns the task id."""
    template = checklists.template_view(s, checklists.find_template(s, "六个百分之百").id)
    fence = template.items[0]
    results = [inspections.ItemResult(i.id, CheckResult.FAIL if i.id == fence.id else CheckResult.PASS)
               for i in template.items]
    inspection = inspections.record_inspection(
        s, inspected_on=INSPECTED, today=INSPECTED, cal=cal,
        inspectors=[inspections.Inspector(person_id=inspector_id)], unit_id=unit_id, site=SITE,
        template_id=template.id, results=results, summary="城区在建工地扬尘治理专项督导。",
        findings=[inspections.FindingSpec("东侧围挡缺失约40米，裸露土方未覆盖",
                                          requirement="立即补齐围挡，覆盖裸露土方，7月21日前整改到位",
                                          deadline=DEADLINE, item_id=fence.id,
                                          responsible_person_id=responsible_id)])
    finding = inspections.inspection_detail(s, inspection.id).findings[0]
    attachments.attach(s, attachments.Target(finding_id=finding.id), [
        attachments.IncomingFile.from_bytes("检查发现问题-东侧围挡缺失（演示图片）.jpg", site_photo(False))])
    report_id = task_service.report_progress(
        s, finding.task_id, report_date=REPORTED, text="东侧围挡已补齐，裸露土方已全部覆盖，请予复查销号。",
        unit_id=unit_id, percent=100, request_close=True, today=REPORTED, cal=cal)
    attachments.attach(s, attachments.Target(report_id=report_id), [
        attachments.IncomingFile.from_bytes("整改后-东侧围挡已补齐（演示图片）.jpg", site_photo(True))])
    task_service.transition(s, finding.task_id, Action.APPROVE, today=REPORTED, cal=cal,
                            note="经现场复查，整改到位")
    return finding.task_id
