"""督查清单 (supervision checklist), landscape A4, taken along on inspections.

For every inspected place: the open tasks with blanks for 检查情况 and □是 □否, then the chosen
template's items (六个百分之百 …) with blanks for 存在问题 and 整改要求 (what an inspection records
as a finding), then signature lines 检查人 / 被检查单位负责人 and the date. A site's checklist
has a box for its parties (建设/施工/监理单位 with 负责人 and 联系电话) under the heading, and
each of their 负责人 signs. A leader's checklist has one section per liaison township, each on new pages with
its own signatures, and is numbered on its own: the footer "章化镇  第X页 共Y页" counts the
pages of that township, so each one's pages can be handed to it. No page holds only one or two
rows of a table, and the signatures stand under the last rows, never alone on a page.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from wuyang_tasks.services.document_lists import ChecklistDocument

TASK_HEADERS = ("序号", "编号", "工作任务", "牵头单位", "完成时限", "状态", "检查情况", "是否落实")
ITEM_HEADERS = ("序号", "类别", "检查内容", "存在问题", "整改要求", "是否符合")
PARTY_HEADERS = ("参建单位", "单位名称", "负责人", "联系电话")
YES_NO = "□是  □否"
BLANK_DATE = "\u00a0" * 6 + "年" + "\u00a0" * 4 + "月" + "\u00a0" * 4 + "日"  # no-break spaces: reportlab keeps them
BLANK_NAME = "＿" * 8


def write_checklist_pdf(doc: ChecklistDocument, target: str | Path, fonts=None):
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer, Table, TableStyle

    from . import pdf_common as pc

    fonts = fonts or pc.load_fonts()
    st = pc.Styles(fonts, body_size=12, table_size=10.5)
    # a working form, not a 公文: narrower top/bottom margins leave room to write
    geometry = pc.Geometry(pc.LANDSCAPE, 20 * mm, 16 * mm, pc.LANDSCAPE[0] - 40 * mm, pc.LANDSCAPE[1] - 36 * mm)
    width = geometry.width
    story: list[Flowable] = []
    starts: list[int] = []  # the page each section begins on
    for n, section in enumerate(doc.sections):
        if n:
            story.append(PageBreak())
        story += [pc.PageMark(starts), st.p(doc.title, st.title)]
        if doc.scope.startswith("联系县领导"):  # the townships on a line of their own, names unbroken
            story.append(st.p(doc.scope, st.plain))
        first_cell = doc.scope if doc.scope.startswith("项目名称") else f"被检查单位：{section.unit}"
        head = Table([[st.p(first_cell, st.plain), st.p(f"检查日期：{BLANK_DATE}", st.plain)]],
                     colWidths=[width * 0.72, width * 0.28])
        head.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("FONTNAME", (0, 0), (-1, -1), fonts.body)]))
        story += [head, Spacer(1, 4)]
        if doc.parties:
            story += [pc.table(st, PARTY_HEADERS, [[party, "", "", ""] for party in doc.parties],
                               pc.scaled((12, 50, 19, 19), width), centered=(0,)), Spacer(1, 6)]
        story += [st.p("一、重点任务落实情况", st.heading), Spacer(1, 3)]
        table: Flowable  # the section's last table, or the line saying it has no open tasks
        if section.tasks:
            rows = [[i, r.code, r.title, "、".join(r.lead_units), r.deadline_display,
                     f"{r.status.label}{'（逾期）' if r.days_overdue else ''}", Spacer(1, 9 * mm), YES_NO]
                    for i, r in enumerate(section.tasks, start=1)]
            table = pc.table(st, TASK_HEADERS, rows, pc.scaled((4, 7.5, 25, 11, 12.5, 10, 27, 9), width),
                             centered=(0, 1, 4, 5, 7))
        else:
            table = st.p(f"截至检查日，{section.unit}没有在办任务。", st.plain)
        if doc.items:
            story += [table, Spacer(1, 8), CondPageBreak(40 * mm),
                      st.p(f"二、{doc.template_name}检查", st.heading), Spacer(1, 3)]
            rows = [[item.seq, item.category, item.content, Spacer(1, 7 * mm), "", YES_NO] for item in doc.items]
            table = pc.table(st, ITEM_HEADERS, rows, pc.scaled((4, 8, 37, 21, 21, 9), width),
                             centered=(0, 1, 5))
        signatures = _signatures(st, width, fonts, doc.parties)
        if isinstance(table, pc.KeptRows):  # the section's last table (its tasks or its items)
            story.append(pc.WithTail(table, signatures))
        else:
            story += [table, signatures]

    def footer(canv, number, total):
        section = bisect_right(starts, number) - 1
        first = starts[section]
        last = starts[section + 1] - 1 if section + 1 < len(starts) else total
        label = f"第{number - first + 1}页 共{last - first + 1}页"
        if len(doc.sections) > 1:
            label = f"{doc.sections[section].unit}  {label}"
        canv.setFont(fonts.body, 10.5)
        canv.drawCentredString(geometry.pagesize[0] / 2, geometry.bottom - 9 * mm, label)

    template = pc.page_template("landscape", geometry)
    return pc.build(target, story, templates=[template], title=doc.title, fonts=fonts,
                    canvasmaker=pc.counted_canvas(footer))


def _signatures(st, width, fonts, parties: tuple[str, ...]):
    """检查人, the inspected unit's 负责人 and the date on a line; on a site, a ruled row with a
    box for 检查人 and each party's 负责人 to sign, and the date."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, Table, TableStyle

    from . import pdf_common as pc

    if parties:
        headers = ["检查人（签字）"] + [f"{p}负责人（签字）" for p in parties] + ["日期"]
        row = [Spacer(1, 10 * mm)] + [""] * len(parties) + [BLANK_DATE]
        table: Table = pc.table(st, headers, [row], pc.scaled([1] * len(headers), width), centered=(len(headers) - 1,))
        table.spaceBefore = 8
        return table
    table = Table([[st.p(f"检查人（签字）：{BLANK_NAME}", st.plain),
                    st.p(f"被检查单位负责人（签字）：{BLANK_NAME}", st.plain),
                    st.p(f"日期：{BLANK_DATE}", st.plain)]],
                  colWidths=[width * 0.32, width * 0.4, width * 0.28])
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 8 * mm), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("FONTNAME", (0, 0), (-1, -1), fonts.body)]))
    return table
