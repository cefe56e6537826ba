<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckList</name>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
</context>
<context>
    <name>DecideExtensionDialog</name>
    <message>
        <source>Decide on the extension — %1</source>
        <translation>审批延期 — %1</translation>
    </message>
    <message>
        <source>%1 requested on %2: from %3 to %4.</source>
        <translation>%1于%2申请，完成时限由%3延至%4。</translation>
    </message>
    <message>
        <source>The unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>(choose who decides)</source>
        <translation>（请选择审批人）</translation>
    </message>
    <message>
        <source>Opinion (optional)</source>
        <translation>审批意见（可不填）</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>审批日期</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准延期</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予批准</translation>
    </message>
    <message>
        <source>Choose the person who decides on the extension.</source>
        <translation>请选择审批延期的人员。</translation>
    </message>
    <message>
        <source>Extension of %1 approved: new deadline %2.</source>
        <translation>已批准任务%1延期，完成时限改为%2。</translation>
    </message>
    <message>
        <source>Extension of %1 refused; the deadline stays %2.</source>
        <translation>任务%1的延期申请未获批准，完成时限仍为%2。</translation>
    </message>
    <message>
        <source>%1 has no extension request awaiting a decision.</source>
        <translation>任务%1没有待审批的延期申请。</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Add evidence…</source>
        <translation>添加佐证材料…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Drop files here or use “Add evidence…”. %1.</source>
        <translation>可把文件拖到这里，或点“添加佐证材料…”。%1。</translation>
    </message>
    <message>
        <source>%1 (withdrawn)</source>
        <translation>%1（已撤回）</translation>
    </message>
    <message>
        <source>Added %1 by %2</source>
        <translation>%1 由 %2 添加</translation>
    </message>
    <message>
        <source>Withdrawn: %1</source>
        <translation>已撤回：%1</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>添加佐证材料</translation>
    </message>
    <message>
        <source>Evidence (*.jpg *.jpeg *.png *.tif *.tiff *.pdf *.docx *.xlsx);;All files (*)</source>
        <translation>佐证材料 (*.jpg *.jpeg *.png *.tif *.tiff *.pdf *.docx *.xlsx);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached</source>
        <translation>
            <numerusform>已添加 %n 份佐证材料</numerusform>
        </translation>
    </message>
    <message>
        <source>Save evidence as</source>
        <translation>佐证材料另存为</translation>
    </message>
    <message>
        <source>Withdraw evidence</source>
        <translation>撤回佐证材料</translation>
    </message>
    <message>
        <source>Reason for withdrawing “%1” (required; the file stays in the ledger):</source>
        <translation>撤回“%1”的理由（必填；文件仍保留在台账中）：</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>any role</source>
        <translation>任意角色</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>All lights</source>
        <translation>全部亮灯</translation>
    </message>
    <message>
        <source>Search code, title, content</source>
        <translation>搜索编号、任务名称、内容</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>My filters</source>
        <translation>我的筛选</translation>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>亮灯</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Deadline from</source>
        <translation>完成时限从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All leaders</source>
        <translation>全部县领导</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Save current filter…</source>
        <translation>保存当前筛选…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <source>Name of this filter:</source>
        <translation>筛选名称：</translation>
    </message>
</context>
<context>
    <name>RequestExtensionDialog</name>
    <message>
        <source>Request an extension — %1</source>
        <translation>申请延期 — %1</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>（未注明）</translation>
    </message>
    <message>
        <source>Why the unit cannot finish in time</source>
        <translation>不能按期完成的原因</translation>
    </message>
    <message>
        <source>Requesting unit</source>
        <translation>申请单位</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>延期后的时限</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Record the request</source>
        <translation>登记申请</translation>
    </message>
    <message>
        <source>Extension request recorded for %1; it awaits a decision.</source>
        <translation>已登记任务%1的延期申请，待审批。</translation>
    </message>
    <message>
        <source>%1 already has a request awaiting a decision (to %2). Decide on it first.</source>
        <translation>任务%1已有一项待审批的延期申请（延至%2），请先审批。</translation>
    </message>
</context>
<context>
    <name>TaskEditor</name>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务信息</translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation>责任主体</translation>
    </message>
    <message>
        <source>Progress reports</source>
        <translation>进展反馈</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>当前状态：%1</translation>
    </message>
    <message>
        <source>Request extension…</source>
        <translation>申请延期…</translation>
    </message>
    <message>
        <source>Decide on extension…</source>
        <translation>审批延期…</translation>
    </message>
    <message>
        <source>assigned automatically, e.g. %1-001</source>
        <translation>留空自动编号，如 %1-001</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>code of the parent task, if this is a sub-task</source>
        <translation>如为分解子任务，填写上级任务编号</translation>
    </message>
    <message>
        <source>Key task</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>任务内容</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>任务来源</translation>
    </message>
    <message>
        <source>Parent task</source>
        <translation>上级任务</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Quantitative target</source>
        <translation>量化目标</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>On a date</source>
        <translation>指定日期</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>限期</translation>
    </message>
    <message>
        <source>Every month by day</source>
        <translation>每月定期，日期</translation>
    </message>
    <message>
        <source>Ongoing (长期坚持)</source>
        <translation>长期坚持</translation>
    </message>
    <message>
        <source>counted from</source>
        <translation>起算日</translation>
    </message>
    <message>
        <source>the day it is assigned</source>
        <translation>自交办之日起</translation>
    </message>
    <message>
        <source>as written in the source (optional)</source>
        <translation>原文表述（可选）</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>时限原文</translation>
    </message>
    <message>
        <source>Computed deadline</source>
        <translation>计算出的时限</translation>
    </message>
    <message>
        <source>(choose the lead unit)</source>
        <translation>（请选择牵头单位）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>反馈单位</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Evidence of the selected report</source>
        <translation>所选进展反馈的佐证材料</translation>
    </message>
    <message>
        <source>Add a report</source>
        <translation>新增进展反馈</translation>
    </message>
    <message>
        <source>Finished: submit for review (已反馈)</source>
        <translation>已完成，提交审核（已反馈）</translation>
    </message>
    <message>
        <source>Add report</source>
        <translation>添加反馈</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>no date (ongoing)</source>
        <translation>无固定日期（长期坚持）</translation>
    </message>
    <message>
        <source>by day %1 of every month</source>
        <translation>每月%1日前</translation>
    </message>
    <message>
        <source>computed when the task is assigned (e.g. assigned today: %1)</source>
        <translation>交办时计算（如今天交办：%1）</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>工作任务</translation>
    </message>
    <message>
        <source>County leader</source>
        <translation>牵头县领导</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Unit chiefs</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <source>Cooperating units</source>
        <translation>配合单位</translation>
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
        <source>Alert</source>
        <translation>亮灯</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Urgings</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>Latest progress</source>
        <translation>最新进展</translation>
    </message>
    <message>
        <source>%1 (liaison)</source>
        <translation>%1（分包联系）</translation>
    </message>
    <message>
        <source>Overdue by %1 day(s)</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <source>No progress report within the reporting period</source>
        <translation>报送周期内没有进展反馈</translation>
    </message>
    <message>
        <source>Due within %1 day(s)</source>
        <translation>%1 天内到期</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>进展正常</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Urge…</source>
        <translation>催办…</translation>
    </message>
    <message>
        <source>Request extension…</source>
        <translation>申请延期…</translation>
    </message>
    <message>
        <source>Decide on extension…</source>
        <translation>审批延期…</translation>
    </message>
    <message>
        <source>Supervision notices (PDF)…</source>
        <translation>督办通知单（PDF）…</translation>
    </message>
    <message>
        <source>One 督办通知单 per selected open task, in one PDF to print</source>
        <translation>选中的每项未办结任务一页督办通知单，合为一个PDF打印</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Export case file…</source>
        <translation>导出档案…</translation>
    </message>
    <message>
        <source>The task&apos;s whole file (一案一档) as PDF, or as a zip with the original evidence and a checksum list</source>
        <translation>导出该任务的完整档案（一案一档）：PDF，或含佐证材料原件和校验清单的压缩包</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多办理</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <source> Sorted by “%1” once all are read.</source>
        <translation> 读完后按“%1”排序。</translation>
    </message>
    <message>
        <source>%1 of %2 tasks</source>
        <translation>显示 %1 项，共 %2 项</translation>
    </message>
    <message>
        <source>Reason for “%1” (required):</source>
        <translation>“%1”的理由（必填）：</translation>
    </message>
    <message>
        <source>Note for “%1” (optional):</source>
        <translation>“%1”的说明（可不填）：</translation>
    </message>
    <message>
        <source>Apply “%1” to %2 tasks?</source>
        <translation>对所选 %2 项任务执行“%1”？</translation>
    </message>
    <message>
        <source>“%1” done for %2 task(s)</source>
        <translation>已对 %2 项任务执行“%1”</translation>
    </message>
    <message>
        <source>Close without evidence</source>
        <translation>无佐证材料办结</translation>
    </message>
    <message>
        <source>Rectification task %1 has no evidence (photos after rectification, a report). Add it in the task&apos;s “Evidence” tab, or state why there is none (required):</source>
        <translation>整改任务 %1 还没有佐证材料（整改后的照片、整改报告等）。请在任务的“佐证材料”页添加，或写明没有佐证材料的理由（必填）：</translation>
    </message>
    <message>
        <source>Export case file</source>
        <translation>导出档案</translation>
    </message>
    <message>
        <source>case file</source>
        <translation>任务档案</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Zip with the original files (*.zip)</source>
        <translation>PDF 文件 (*.pdf);;含原件的压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Collecting the case file…</source>
        <translation>正在汇集档案…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <source>Exporting the case file…</source>
        <translation>正在导出档案…</translation>
    </message>
    <message>
        <source>Batch action</source>
        <translation>批量办理</translation>
    </message>
    <message>
        <source>%1 selected task(s) are skipped: the action does not apply to their status.</source>
        <translation>另有 %1 项所选任务的状态不适用此操作，将跳过。</translation>
    </message>
    <message>
        <source>Urging recorded; print its notice with “Supervision notices (PDF)…”.</source>
        <translation>已记录催办；用“督办通知单（PDF）…”打印通知单。</translation>
    </message>
    <message>
        <source>Supervision notices</source>
        <translation>督办通知单</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing %1 notice(s)…</source>
        <translation>正在生成 %1 份督办通知单…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>task ledger</source>
        <translation>任务台账</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting %1 tasks…</source>
        <translation>正在导出 %1 项任务…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>UrgeDialog</name>
    <message>
        <source>Urge</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>Record an urging for %1 task(s).</source>
        <translation>为 %1 项任务登记催办。</translation>
    </message>
    <message>
        <source>What the unit must do, and by when</source>
        <translation>督办要求：需办理的事项和期限</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>督办要求</translation>
    </message>
</context>
<context>
    <name>_ExtensionDialog</name>
    <message>
        <source>Deadline in force: %1</source>
        <translation>现行完成时限：%1</translation>
    </message>
    <message>
        <source>Earlier requests</source>
        <translation>延期申请记录</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Deadline → new date</source>
        <translation>原时限 → 申请延至</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
</context>
</TS>
