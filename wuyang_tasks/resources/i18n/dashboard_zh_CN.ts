<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardPage</name>
    <message>
        <source>In progress</source>
        <translation>办理中（未办结）</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>本周到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Tasks by lead unit</source>
        <translation>各牵头单位任务完成情况</translation>
    </message>
    <message>
        <source>Year targets</source>
        <translation>年度指标</translation>
    </message>
    <message>
        <source>Dashboard — %1</source>
        <translation>工作台 — %1</translation>
    </message>
    <message>
        <source>Due this week (%1 – %2): %3</source>
        <translation>本周到期（%1—%2）：%3 项</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>已逾期：%1 项</translation>
    </message>
    <message>
        <source>No year targets for %1.</source>
        <translation>%1年尚无年度指标。</translation>
    </message>
</context>
<context>
    <name>DueListModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>工作任务</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>%1 day(s) overdue</source>
        <translation>逾期 %1 天</translation>
    </message>
    <message>
        <source>%1 day(s) left</source>
        <translation>剩 %1 天</translation>
    </message>
</context>
<context>
    <name>UnitBarChart</name>
    <message>
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Tasks led by the unit</source>
        <translation>横轴：牵头任务数（项）</translation>
    </message>
    <message>
        <source>No tasks with a lead unit yet</source>
        <translation>尚无明确牵头单位的任务</translation>
    </message>
    <message>
        <source>, %1 overdue</source>
        <translation>，逾期 %1</translation>
    </message>
</context>
</TS>
