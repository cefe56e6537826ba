"""个人档案 (a person's file) in PDF, portrait A4: posts held, everything the person answered
for with the post held at the time, accountability records and measures per year — what the
window's 个人档案 shows, to print or keep (终身追责: it reads right after the person moved on)."""

from __future__ import annotations

from pathlib import Path

from wuyang_tasks.services.people import PersonView
from wuyang_tasks.services.task_list import chinese_date

ANSWERED_HEADERS = ("编号", "工作任务", "单位（角色）", "责任身份", "时任职务", "状态", "亮灯", "完成时限")
ANSWERED_WIDTHS = (15, 46, 22, 18, 24, 11, 9, 22)


def write_person_pdf(view: PersonView, target: str | Path, *, issuer: str, as_of, fonts=None):
    from reportlab.platypus import Spacer

    from . import pdf_common as pc

    fonts = fonts or pc.load_fonts()
    styles = pc.Styles(fonts, body_size=12, table_size=9)
    heading = styles.heading
    story = [styles.p(f"{view.name}个人档案", styles.title),
             styles.p(f"{issuer}　截至{chinese_date(as_of)}", styles.subtitle), Spacer(1, 8),
             styles.p("现任职务：" + ("、".join(view.current_posts) or "—"), styles.plain),
             styles.p("一、任职经历", heading)]
    story += [styles.p(f"{chinese_date(t.start)}—{chinese_date(t.end) if t.end else '今'}　{t.post}",
                       styles.plain) for t in view.tenures] or [styles.p("—", styles.plain)]
    story.append(styles.p(f"二、所负责任（{len(view.answered_for)}项）", heading))
    rows = [(a.code, a.title, f"{a.unit_name}（{a.unit_role.label}）" if a.unit_role else "",
             a.capacity, a.post_held, a.status.label, a.alert.label if a.alert else "",
             a.deadline_display) for a in view.answered_for]
    if rows:
        story.append(pc.table(styles, ANSWERED_HEADERS, rows,
                              pc.scaled(ANSWERED_WIDTHS, pc.GBT_PORTRAIT.width), centered=(0, 5, 6)))
    story.append(styles.p("三、问责记录", heading))
    story += [styles.p(f"第{r.id}号（{r.state_label}）{chinese_date(r.effective_date)}　{r.post_held}，"
                       f"{r.responsibility_type.label}，{r.measure.label}。{r.facts}", styles.plain)
              for r in view.records] or [styles.p("无。", styles.plain)]
    counts = "；".join(f"{m.year}年{m.count}次" for m in view.measures_per_year) or "—"
    story.append(styles.p(f"每年问责次数：{counts}", styles.plain))
    template = pc.numbered_templates(fonts)["portrait"]
    return pc.build(target, story, templates=[template], title=f"{view.name}个人档案", fonts=fonts)
