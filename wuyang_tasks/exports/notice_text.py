"""The words of the 督办通知单, shared by its PDF and Word versions: the boxes (督办事项 … 督办要求,
联系方式), the 签发人 line and the reply instruction, from the notice's read model and the office
profile. The notice is dated the day of the urging; 办理时限 says how late the task is on the day
the notice is printed, as the briefing of that day does."""

from __future__ import annotations

from wuyang_tasks.services.documents import NoticeDocument

SPACE = "\u00a0"
TITLE = "督办通知单"
ALL_TOWNSHIPS = "各乡镇"


def boxes(doc: NoticeDocument) -> list[tuple[str, str]]:
    n = doc.notice
    matter = f"{n.task_code}  {n.task_title}"
    if n.task_content:
        matter += f"\n{n.task_content}"
    deadline = n.deadline_display + (f"（{doc.overdue_text}）" if doc.overdue_text else "")
    rows = [("督办事项", matter), (f"来{SPACE * 4}源", n.source_title or "—"),
            ("承办单位", "、".join(n.lead_units) or "—"), ("协办单位", "、".join(n.cooperating_units) or "—")]
    if n.territorial_units:
        rows.append(("属地单位", ALL_TOWNSHIPS if doc.county_wide else "、".join(n.territorial_units)))
    if n.lead_leaders:
        rows.append(("牵头县领导", "、".join(n.lead_leaders)))
    rows += [("办理时限", deadline),
             ("督办要求", f"{n.requirement}\n（{doc.urged_text}，本事项第{n.urging_count}次催办）")]
    if doc.profile.contact_line:
        rows.append(("联系方式", doc.profile.contact_line))
    return rows


def reply_sentence(doc: NoticeDocument) -> str:
    office = doc.profile.name or doc.issuer
    return (f"请承办单位于办理时限内填写回执，签字并盖章后连同书面报告报送{office}"
            + ("（可通过邮箱或传真反馈）" if doc.profile.email or doc.profile.phone else "") + "。")


def slip_title(doc: NoticeDocument) -> str:
    return f"回{SPACE * 2}执（{doc.notice.number_label}）"
