"""The rows a task ledger view shows, in one hand-written statement (the baselines' query)."""

# The columns of the ledger view, in one statement: what the best hand-written SQL fetches.
LIST_SQL = """
SELECT t.id, t.code, t.title, t.status, t.urgency, t.deadline, t.deadline_basis, t.deadline_text,
       t.ongoing, t.recurrence_day, t.assigned_on,
       (SELECT group_concat(p.name, '、') FROM responsibility r JOIN person p ON p.id = r.person_id
         WHERE r.task_id = t.id AND r.role = 'LEAD_LEADER') AS leaders,
       (SELECT group_concat(u.name, '、') FROM responsibility r JOIN unit u ON u.id = r.unit_id
         WHERE r.task_id = t.id AND r.role = 'LEAD_UNIT') AS lead_units,
       (SELECT group_concat(u.name, '、') FROM responsibility r JOIN unit u ON u.id = r.unit_id
         WHERE r.task_id = t.id AND r.role = 'COOPERATING_UNIT') AS cooperating,
       (SELECT pr.report_date || ' ' || pr.text FROM progress_report pr WHERE pr.task_id = t.id
         ORDER BY pr.id DESC LIMIT 1) AS last_report
FROM task t {where} ORDER BY {order}
"""
