<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CollectModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>工作任务</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>To record</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>不记录</translation>
    </message>
    <message>
        <source>Conflict: to decide</source>
        <translation>冲突：待决定</translation>
    </message>
    <message>
        <source>Conflict: record</source>
        <translation>冲突：记录</translation>
    </message>
    <message>
        <source>Conflict: skip</source>
        <translation>冲突：跳过</translation>
    </message>
    <message>
        <source>Will be recorded</source>
        <translation>将记录</translation>
    </message>
    <message>
        <source>Now in the ledger: %1</source>
        <translation>台账现在：%1</translation>
    </message>
</context>
<context>
    <name>FeedbackActions</name>
    <message>
        <source>Send feedback forms…</source>
        <translation>下发反馈表…</translation>
    </message>
    <message>
        <source>Collect feedback forms…</source>
        <translation>收回反馈表…</translation>
    </message>
    <message>
        <source>This week&apos;s progress…</source>
        <translation>本周进展…</translation>
    </message>
    <message>
        <source>Feedback forms</source>
        <translation>反馈表</translation>
    </message>
    <message>
        <source>Folder of the returned feedback forms</source>
        <translation>选择存放收回反馈表的文件夹</translation>
    </message>
</context>
<context>
    <name>FeedbackCollectDialog</name>
    <message>
        <source>Collect feedback forms</source>
        <translation>收回反馈表</translation>
    </message>
    <message>
        <source>Folder: %1 (%2 workbooks)</source>
        <translation>文件夹：%1（%2 个工作簿）</translation>
    </message>
    <message>
        <source>Record selected conflicts</source>
        <translation>记录所选冲突行</translation>
    </message>
    <message>
        <source>Skip selected conflicts</source>
        <translation>跳过所选冲突行</translation>
    </message>
    <message>
        <source>Conflicts:</source>
        <translation>冲突处理：</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>收回</translation>
    </message>
    <message>
        <source>To record: %1 rows (%2 reports, %3 to review, %4 extension requests); unchanged: %5; conflicts to decide: %6; problems: %7.</source>
        <translation>将记录 %1 行（进展反馈 %2 条，申请办结转待审核 %3 项，延期申请 %4 项）；无变化 %5 行；待决定的冲突 %6 行；问题 %7 个。</translation>
    </message>
    <message>
        <source>Nothing can be collected while there are problems: have the units correct those workbooks, or move them out of the folder, and collect again.</source>
        <translation>有问题时不能收回：请有关单位改正这些反馈表，或把它们移出文件夹后重新收回。</translation>
    </message>
    <message>
        <source>Collecting…</source>
        <translation>正在收回…</translation>
    </message>
    <message>
        <source>Recorded %1 reports; %2 tasks submitted for review; %3 extension requests; %4 rows unchanged.</source>
        <translation>已记录进展反馈 %1 条；转为待审核 %2 项；延期申请 %3 项；无变化 %4 行。</translation>
    </message>
    <message>
        <source>The ledger was backed up first: %1</source>
        <translation>已先备份台账：%1</translation>
    </message>
    <message>
        <source>Feedback forms collected</source>
        <translation>反馈表已收回</translation>
    </message>
    <message>
        <source>Reading the feedback forms…</source>
        <translation>正在读取反馈表…</translation>
    </message>
</context>
<context>
    <name>FeedbackSendDialog</name>
    <message>
        <source>Send feedback forms</source>
        <translation>下发反馈表</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>计算日期</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <source>%1 (%2 open tasks)</source>
        <translation>%1（在办任务 %2 项）</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>One workbook per unit with its open tasks in every role; the ledger&apos;s facts are locked, the unit fills in its columns and returns the file.</source>
        <translation>每个单位生成一个工作簿，列出该单位牵头、配合或属地的在办任务；台账内容已锁定，单位填写后原文件报回。</translation>
    </message>
    <message>
        <source>Write forms…</source>
        <translation>生成反馈表…</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Folder for the feedback forms</source>
        <translation>选择保存反馈表的文件夹</translation>
    </message>
    <message>
        <source>Writing feedback forms…</source>
        <translation>正在生成反馈表…</translation>
    </message>
    <message>
        <source>%1 feedback forms written to %2</source>
        <translation>已生成 %1 份反馈表，保存在 %2</translation>
    </message>
    <message>
        <source>Feedback forms written</source>
        <translation>反馈表已生成</translation>
    </message>
</context>
<context>
    <name>WeeklyEntryDialog</name>
    <message>
        <source>This week&apos;s progress</source>
        <translation>本周进展</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>工作任务</translation>
    </message>
    <message>
        <source>Last report</source>
        <translation>上次进展</translation>
    </message>
    <message>
        <source>Reporting unit</source>
        <translation>报送单位</translation>
    </message>
    <message>
        <source>New report</source>
        <translation>本期进展</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>完成百分比</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Extend to</source>
        <translation>延期至</translation>
    </message>
    <message>
        <source>Reason for extension</source>
        <translation>延期理由</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>%1 open tasks of the current list. Fill in the rows that have news; empty rows are left alone. 申请办结 submits the task for review, 申请延期 asks the office for a later deadline (date as 2016-09-30).</source>
        <translation>当前列表中的在办任务共 %1 项。只填写有进展的行，空行不作处理。“申请办结”提交督查室审核，“申请延期”请督查室审批新的时限（日期写作 2016-09-30）。</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>No row has been filled in.</source>
        <translation>没有填写任何一行。</translation>
    </message>
    <message>
        <source>%1 progress entries saved</source>
        <translation>已保存 %1 条进展</translation>
    </message>
</context>
</TS>
