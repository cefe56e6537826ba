<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdjustmentDialog</name>
    <message>
        <source>Adjust points</source>
        <translation>加减分</translation>
    </message>
    <message>
        <source>+1 or -0.5</source>
        <translation>加分 +1，减分 -0.5</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定人或会议</translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>承办任务</translation>
    </message>
    <message>
        <source>Deducted</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>加分</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>加减分</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>计分依据</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Adjust points…</source>
        <translation>加减分…</translation>
    </message>
    <message>
        <source>Cancel adjustment…</source>
        <translation>撤销加减分…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出PDF…</translation>
    </message>
    <message>
        <source>Import rules…</source>
        <translation>导入计分办法…</translation>
    </message>
    <message>
        <source>Scores in the briefing</source>
        <translation>周报显示考核得分</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>考核年度</translation>
    </message>
    <message>
        <source>Scoring…</source>
        <translation>正在计算考核得分…</translation>
    </message>
    <message>
        <source>%1%2 · rules: %3</source>
        <translation>%1%2 · 计分办法：%3</translation>
    </message>
    <message>
        <source>Cancel adjustment</source>
        <translation>撤销加减分</translation>
    </message>
    <message>
        <source>Reason for cancelling:</source>
        <translation>撤销理由：</translation>
    </message>
    <message>
        <source>The briefing&apos;s unit table shows scores.</source>
        <translation>周报“分单位情况”表将显示考核得分。</translation>
    </message>
    <message>
        <source>The briefing&apos;s unit table shows no scores.</source>
        <translation>周报“分单位情况”表不再显示考核得分。</translation>
    </message>
    <message>
        <source>Import rules</source>
        <translation>导入计分办法</translation>
    </message>
    <message>
        <source>Rules imported: %1</source>
        <translation>已导入计分办法：%1</translation>
    </message>
    <message>
        <source>Save document</source>
        <translation>保存文件</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
</TS>
