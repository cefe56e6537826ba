<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Access</name>
    <message>
        <source>Only a user with the 管理 role may do this; you are %1.</source>
        <translation>只有“管理”角色的用户可以进行此操作；您是 %1。</translation>
    </message>
    <message>
        <source>Your role may only read the ledger; you are %1.</source>
        <translation>您的角色只能查看台账，不能修改；您是 %1。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>An unexpected error occurred: %1
Nothing was saved by the failed action. The details were written to %2.</source>
        <translation>发生意外错误：%1
这次操作没有保存任何内容。详细信息已记录在 %2。</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>无法完成操作</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Your change was not saved. Reload to see the current version, then make your change again.</source>
        <translation>您的修改没有保存。请重新载入查看最新内容，然后再修改。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <source>Reconnect to save it again now, or cancel and try later.</source>
        <translation>可以重新连接并立即再次保存，也可以取消，稍后再试。</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to %1</source>
        <translation>欢迎使用%1</translation>
    </message>
    <message>
        <source>There is no ledger at %1 yet. How do you want to start?</source>
        <translation>%1 处还没有台账。请选择如何开始：</translation>
    </message>
    <message>
        <source>Choose how to continue:</source>
        <translation>请选择下一步：</translation>
    </message>
    <message>
        <source>Start with the demonstration ledger (the county&apos;s environmental campaign of July 2016)</source>
        <translation>使用演示台账（2016年7月全县环保攻坚）</translation>
    </message>
    <message>
        <source>Start with an empty ledger</source>
        <translation>新建空白台账</translation>
    </message>
    <message>
        <source>Import an existing Excel ledger</source>
        <translation>导入现有 Excel 台账</translation>
    </message>
    <message>
        <source>Open another ledger file</source>
        <translation>打开其他台账文件</translation>
    </message>
    <message>
        <source>Connect to a shared server</source>
        <translation>连接共享数据库服务器</translation>
    </message>
    <message>
        <source>Ledger file (*.db)</source>
        <translation>台账文件（*.db）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Excel import is not available in this version of the program.</source>
        <translation>本版本程序尚不提供 Excel 导入。</translation>
    </message>
    <message>
        <source>Open ledger</source>
        <translation>打开台账</translation>
    </message>
    <message>
        <source>Ledger files (*.db);;All files (*)</source>
        <translation>台账文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Enter the server address, for example postgresql+psycopg://user@host/wuyang</source>
        <translation>请填写服务器地址，例如 postgresql+psycopg://用户名@主机/wuyang</translation>
    </message>
    <message>
        <source>Choose the ledger file to open.</source>
        <translation>请选择要打开的台账文件。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>The user guide was not found at %1.</source>
        <translation>未找到使用说明：%1</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <source>The ledger server cannot be reached; other users&apos; changes will show once it is back.</source>
        <translation>暂时连不上台账服务器；恢复连接后会显示其他用户的修改。</translation>
    </message>
    <message>
        <source>Other users updated the ledger</source>
        <translation>其他用户更新了台账</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 new alerts since you last looked</source>
        <translation>自上次查看以来新增 %1 项预警</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open ledger…</source>
        <translation>打开台账(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;New empty ledger…</source>
        <translation>新建空白台账(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Connect to server…</source>
        <translation>连接服务器(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Recent ledgers</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Move to a shared server…</source>
        <translation>迁移到共享服务器(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Import Excel ledger…</source>
        <translation>导入Excel台账(&amp;I)…</translation>
    </message>
    <message>
        <source>Tasks from &amp;minutes or a plan…</source>
        <translation>从会议纪要/实施方案生成任务(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Backups and restore…</source>
        <translation>备份与恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>Tas&amp;k</source>
        <translation>任务(&amp;K)</translation>
    </message>
    <message>
        <source>Export case &amp;file…</source>
        <translation>导出档案(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Working-day &amp;calendar…</source>
        <translation>工作日历(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>文书(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Office profile…</source>
        <translation>机关信息(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Fonts…</source>
        <translation>字体(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Select one task in the task ledger first.</source>
        <translation>请先在任务台账中选中一项任务。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Open ledger</source>
        <translation>打开台账</translation>
    </message>
    <message>
        <source>Ledger files (*.db);;All files (*)</source>
        <translation>台账文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New empty ledger</source>
        <translation>新建空白台账</translation>
    </message>
    <message>
        <source>Ledger files (*.db)</source>
        <translation>台账文件 (*.db)</translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>Address of the shared ledger (PostgreSQL), e.g. postgresql+psycopg://user@host/wuyang</source>
        <translation>共享台账（PostgreSQL）地址，例如 postgresql+psycopg://用户名@主机/wuyang</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>关于%1</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite 文件</translation>
    </message>
    <message>
        <source>shared server</source>
        <translation>共享服务器</translation>
    </message>
    <message>
        <source>Ledger (%1): %2</source>
        <translation>台账（%1）：%2</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>数据目录：%1</translation>
    </message>
    <message>
        <source>Working-day calendar…</source>
        <translation>补录工作日历…</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>今天：%1</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Task ledger</source>
        <translation>任务台账</translation>
    </message>
    <message>
        <source>Units and people</source>
        <translation>单位与人员</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>督导检查</translation>
    </message>
    <message>
        <source>Accountability</source>
        <translation>问责台账</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>考核</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>Opening the ledger…</source>
        <translation>正在打开台账…</translation>
    </message>
    <message>
        <source>Writing the demonstration ledger…</source>
        <translation>正在写入演示台账…</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Task reminders</source>
        <translation>任务提醒</translation>
    </message>
    <message>
        <source>%1 task(s) turned red or blue: %2</source>
        <translation>%1 项任务新亮红灯或蓝灯：%2</translation>
    </message>
    <message>
        <source>%1 of them overdue.</source>
        <translation>其中 %1 项已逾期。</translation>
    </message>
    <message>
        <source>Deadline reminders</source>
        <translation>时限提醒</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>Password for %1</source>
        <translation>输入密码（%1）</translation>
    </message>
    <message>
        <source>Cannot connect to the ledger server</source>
        <translation>无法连接台账服务器</translation>
    </message>
    <message>
        <source>You can work in the local ledger %1 meanwhile.</source>
        <translation>您可以先使用本机台账 %1。</translation>
    </message>
    <message>
        <source>Open the local ledger</source>
        <translation>打开本机台账</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>The ledger was copied to %1: %2 records, %3 audit events; the audit chain of the copy is intact.</source>
        <translation>台账已复制到 %1：共 %2 条记录，审计记录 %3 条；复制后的审计链校验完整。</translation>
    </message>
    <message>
        <source>Move to a shared server</source>
        <translation>迁移到共享服务器</translation>
    </message>
    <message>
        <source>Address of the empty server database (PostgreSQL), e.g. postgresql+psycopg://postgres@host/wuyang</source>
        <translation>服务器上空数据库（PostgreSQL）的地址，例如 postgresql+psycopg://postgres@服务器/wuyang</translation>
    </message>
    <message>
        <source>Copying every table…</source>
        <translation>正在复制各表…</translation>
    </message>
    <message>
        <source>Verifying the copy…</source>
        <translation>正在校验复制后的台账…</translation>
    </message>
    <message>
        <source>The local file stays as it is. Open the copy on the server now?</source>
        <translation>本机台账文件保持不变。现在打开服务器上的台账吗？</translation>
    </message>
    <message>
        <source>Open the copy</source>
        <translation>打开服务器上的台账</translation>
    </message>
    <message>
        <source>Moving the ledger to the server</source>
        <translation>正在迁移台账到服务器</translation>
    </message>
</context>
<context>
    <name>TaskStore</name>
    <message>
        <source>Reading all tasks…</source>
        <translation>正在读取全部任务…</translation>
    </message>
    <message>
        <source>Reading the tasks…</source>
        <translation>正在读取任务…</translation>
    </message>
</context>
<context>
    <name>UnavailablePage</name>
    <message>
        <source>The module “%1” could not be loaded.</source>
        <translation>“%1”模块加载失败。</translation>
    </message>
    <message>
        <source>The module “%1” is not available in this version of the program.</source>
        <translation>本版本程序尚未提供“%1”模块。</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
