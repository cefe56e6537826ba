<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountabilityPage</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>被问责人</translation>
    </message>
    <message>
        <source>Post held then</source>
        <translation>时任职务</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>责任类型</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>问责方式</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>决定文号</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>相关任务</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>问责事实</translation>
    </message>
    <message>
        <source>New record…</source>
        <translation>登记问责…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <source>Person&apos;s record…</source>
        <translation>个人档案…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Evidence of the selected record</source>
        <translation>所选问责记录的佐证材料</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Export PDF…</source>
        <translation>导出PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Writing the person&apos;s file…</source>
        <translation>正在生成个人档案…</translation>
    </message>
    <message>
        <source>Current posts</source>
        <translation>现任职务</translation>
    </message>
    <message>
        <source>Posts held</source>
        <translation>任职经历</translation>
    </message>
    <message>
        <source>now</source>
        <translation>今</translation>
    </message>
    <message>
        <source>Answered for</source>
        <translation>所负责任</translation>
    </message>
    <message>
        <source>Accountability records</source>
        <translation>问责记录</translation>
    </message>
    <message>
        <source>Measures per year</source>
        <translation>每年问责次数</translation>
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
        <source>Unit (role)</source>
        <translation>单位（角色）</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>责任身份</translation>
    </message>
    <message>
        <source>Post then</source>
        <translation>时任职务</translation>
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
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Correct record</source>
        <translation>更正问责记录</translation>
    </message>
    <message>
        <source>New accountability record</source>
        <translation>登记问责决定</translation>
    </message>
    <message>
        <source>Type or choose the person held to account</source>
        <translation>输入或选择被问责人</translation>
    </message>
    <message>
        <source>Only when no tenure is on file</source>
        <translation>仅在没有任职记录时填写</translation>
    </message>
    <message>
        <source>Task codes separated by 、</source>
        <translation>任务编号，多项用“、”分隔</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>被问责人</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>问责方式</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>责任类型</translation>
    </message>
    <message>
        <source>Date of the failure</source>
        <translation>失职日期</translation>
    </message>
    <message>
        <source>Post held then</source>
        <translation>时任职务</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>相关任务</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>问责事实</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>问责依据</translation>
    </message>
    <message>
        <source>Deciding body</source>
        <translation>决定机关</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>决定文号</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Appeal period (days)</source>
        <translation>申诉期限（天）</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void record %1</source>
        <translation>撤销第%1号问责记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>撤销理由</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Deciding body</source>
        <translation>决定机关</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>决定文号</translation>
    </message>
</context>
</TS>
