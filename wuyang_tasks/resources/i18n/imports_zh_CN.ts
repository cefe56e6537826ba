<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LedgerImportDialog</name>
    <message>
        <source>Import task ledger (Excel)</source>
        <translation>导入任务台账（Excel）</translation>
    </message>
    <message>
        <source>Choose an .xlsx workbook</source>
        <translation>请选择 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>(first sheet with a header)</source>
        <translation>（第一个有表头的工作表）</translation>
    </message>
    <message>
        <source>Default: the title of the table</source>
        <translation>默认：表格标题</translation>
    </message>
    <message>
        <source>Create units and people not yet in the ledger</source>
        <translation>新建台账中没有的单位和人员</translation>
    </message>
    <message>
        <source>Change the deadlines of tasks already in the ledger to the table&apos;s</source>
        <translation>台账中已有的任务按表中完成时限修改（确认后直接修改，不经延期审批）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Task source</source>
        <translation>任务来源</translation>
    </message>
    <message>
        <source>Problems found in the file are listed here.</source>
        <translation>文件中发现的问题列在这里。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose task ledger</source>
        <translation>选择任务台账</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Reading the ledger file…</source>
        <translation>正在读取台账文件…</translation>
    </message>
    <message>
        <source>The file cannot be imported.</source>
        <translation>该文件不能导入。</translation>
    </message>
    <message>
        <source>Note: </source>
        <translation>提示：</translation>
    </message>
    <message>
        <source>Sheet %1, header in row %2: %3 task rows — %4 new, %5 already in the ledger, %6 problems.</source>
        <translation>工作表“%1”，表头在第%2行：共 %3 行任务——新建 %4 项，台账中已有 %5 项，问题 %6 个。</translation>
    </message>
    <message>
        <source>Will create: %1.</source>
        <translation>将新建：%1。</translation>
    </message>
    <message>
        <source>%1 tasks already in the ledger will be updated.</source>
        <translation>其中 %1 项已有任务将按表更新。</translation>
    </message>
    <message>
        <source>Create units and people</source>
        <translation>新建单位和人员</translation>
    </message>
    <message>
        <source>These names are not in the ledger and will be created:
%1

Create them and import?</source>
        <translation>以下名称在台账中没有，将新建：
%1

确定新建并导入吗？</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>%1 tasks imported (source “%2”); %3 were already in the ledger.</source>
        <translation>已导入 %1 项任务（来源“%2”）；%3 项台账中已有，未重复导入。</translation>
    </message>
    <message>
        <source>Updated %1: %2</source>
        <translation>已更新 %1：%2</translation>
    </message>
    <message>
        <source>The ledger was backed up first: %1</source>
        <translation>导入前已备份台账：%1</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
</context>
<context>
    <name>MinutesDialog</name>
    <message>
        <source>Draft tasks from minutes or a plan</source>
        <translation>从会议纪要或实施方案提出任务</translation>
    </message>
    <message>
        <source>Paste the minutes, speech or implementation plan here, or open a text file.</source>
        <translation>在此粘贴会议纪要、讲话或实施方案，或打开文本文件。</translation>
    </message>
    <message>
        <source>Open Word or text file…</source>
        <translation>打开 Word 或文本文件…</translation>
    </message>
    <message>
        <source>Meeting / issue date</source>
        <translation>会议/发文日期</translation>
    </message>
    <message>
        <source>Default: the meeting or document named in the text</source>
        <translation>默认：文中的会议或文件名称</translation>
    </message>
    <message>
        <source>Propose drafts</source>
        <translation>提出任务草稿</translation>
    </message>
    <message>
        <source>Task source</source>
        <translation>任务来源</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>采用</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Lead county leader</source>
        <translation>牵头县领导</translation>
    </message>
    <message>
        <source>Cooperating units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <source>Territorial units</source>
        <translation>属地单位</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Source sentence</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Split row</source>
        <translation>拆分为两项</translation>
    </message>
    <message>
        <source>Split the current task at its first comma or semicolon into two tasks with the same units</source>
        <translation>在当前任务的第一个逗号或分号处拆成两项任务，单位不变</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Draft tasks</source>
        <translation>任务草稿</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Cleaned text</source>
        <translation>清理后文本</translation>
    </message>
    <message>
        <source>Create units not yet in the ledger</source>
        <translation>新建台账中没有的单位</translation>
    </message>
    <message>
        <source>Save drafts</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Open minutes or plan</source>
        <translation>打开会议纪要或实施方案</translation>
    </message>
    <message>
        <source>Word or text files (*.docx *.doc *.wps *.txt);;All files (*)</source>
        <translation>Word 或文本文件 (*.docx *.doc *.wps *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the text…</source>
        <translation>正在分析文本…</translation>
    </message>
    <message>
        <source>New metric</source>
        <translation>新建指标</translation>
    </message>
    <message>
        <source>Add to “%1”</source>
        <translation>并入“%1”</translation>
    </message>
    <message>
        <source>Source: %1 (%2).</source>
        <translation>来源：%1（%2）。</translation>
    </message>
    <message>
        <source>Removed %1 pinyin annotations, converted %2 characters to simplified.</source>
        <translation>已去除拼音注音 %1 处，繁体转简体 %2 字。</translation>
    </message>
    <message>
        <source>%1 draft tasks, %2 metrics.</source>
        <translation>任务草稿 %1 项，指标 %2 个。</translation>
    </message>
    <message>
        <source>Key period: %1 to %2.</source>
        <translation>重点时段：%1至%2。</translation>
    </message>
    <message>
        <source>This meeting or document was imported before (source “%1”); it cannot be saved again.</source>
        <translation>这份会议或文件已经导入过（任务来源“%1”），不能重复保存。</translation>
    </message>
    <message>
        <source>Not in the ledger (highlighted): %1.</source>
        <translation>台账中没有的单位（黄色标出）：%1。</translation>
    </message>
    <message>
        <source>Nothing to split: the task has no comma or semicolon.</source>
        <translation>无法拆分：任务名称中没有逗号或分号。</translation>
    </message>
    <message>
        <source>Row %1: a task has one lead unit; put the others under cooperating units.</source>
        <translation>第%1行：一项任务只能有一个牵头单位，其他单位请填在配合单位中。</translation>
    </message>
    <message>
        <source>Row %1: deadline “%2” is not understood.</source>
        <translation>第%1行：完成时限“%2”无法识别。</translation>
    </message>
    <message>
        <source>Saving drafts…</source>
        <translation>正在保存草稿…</translation>
    </message>
    <message>
        <source>%1 draft tasks saved under “%2”; %3 metrics created.</source>
        <translation>已保存 %1 项任务草稿（来源“%2”）；新建指标 %3 个。</translation>
    </message>
    <message>
        <source>Units not in the ledger were noted on the tasks: %1</source>
        <translation>台账中没有的单位已记在任务备注中：%1</translation>
    </message>
    <message>
        <source>Drafts saved</source>
        <translation>草稿已保存</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>工作任务</translation>
    </message>
    <message>
        <source>Lead leader</source>
        <translation>牵头县领导</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Cooperating units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <source>Territorial units</source>
        <translation>属地单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Update: %1</source>
        <translation>更新：%1</translation>
    </message>
    <message>
        <source>Already in ledger</source>
        <translation>已有</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
</context>
</TS>
