<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <source>Weekly briefing</source>
        <translation>工作周报</translation>
    </message>
    <message>
        <source>Task ledger</source>
        <translation>任务台账</translation>
    </message>
    <message>
        <source>Supervision checklist</source>
        <translation>督查清单</translation>
    </message>
    <message>
        <source>Accountability sheet</source>
        <translation>责任清单/问责台账</translation>
    </message>
    <message>
        <source>Supervision notice</source>
        <translation>督办通知单</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>PDF (.pdf)</source>
        <translation>PDF 文件（.pdf）</translation>
    </message>
    <message>
        <source>Word document (.docx)</source>
        <translation>Word 文档 (.docx)</translation>
    </message>
    <message>
        <source>Other period</source>
        <translation>其他时段</translation>
    </message>
    <message>
        <source>Week containing</source>
        <translation>所在周（任选一天）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Overdue tasks only</source>
        <translation>只导出逾期任务</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>County leader</source>
        <translation>县领导</translation>
    </message>
    <message>
        <source>A unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>A county leader&apos;s townships</source>
        <translation>县领导联系的乡镇</translation>
    </message>
    <message>
        <source>A site</source>
        <translation>项目（工地、企业）</translation>
    </message>
    <message>
        <source>project, site or enterprise name</source>
        <translation>项目、工地或企业名称</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Checklist template</source>
        <translation>检查清单模板</translation>
    </message>
    <message>
        <source>A county leader</source>
        <translation>县领导</translation>
    </message>
    <message>
        <source>Whole county</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Prints the task&apos;s latest written urging; a task without one gets a new numbered written urging first.</source>
        <translation>打印该任务最近一次书面督办；尚无书面督办的任务将先登记一次书面督办并编号。</translation>
    </message>
    <message>
        <source>Task code</source>
        <translation>任务编号</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（不附检查项目）</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
    <message>
        <source>Enter the name of the site.</source>
        <translation>请填写项目（工地、企业）名称。</translation>
    </message>
    <message>
        <source>Enter the code of the task.</source>
        <translation>请填写任务编号。</translation>
    </message>
    <message>
        <source>Save document</source>
        <translation>保存文书</translation>
    </message>
    <message>
        <source>Reading the ledger…</source>
        <translation>正在读取台账…</translation>
    </message>
    <message>
        <source>Writing rows…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已导出：%1</translation>
    </message>
</context>
</TS>
