"""The weekly feedback loop in the window: 下发反馈表, 收回反馈表 and the 本周进展 entry, offered
on the 任务台账 page (``actions.add_feedback_actions``). Not a page of its own: no create_page."""
