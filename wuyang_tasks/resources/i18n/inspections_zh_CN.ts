<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InspectionsPage</name>
    <message>
        <source>Date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Unit / site</source>
        <translation>被检查单位／地点</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Open rectifications</source>
        <translation>未办结整改</translation>
    </message>
    <message>
        <source>Record inspection…</source>
        <translation>登记督导检查…</translation>
    </message>
    <message>
        <source>Checklist templates…</source>
        <translation>检查清单模板…</translation>
    </message>
    <message>
        <source>Evidence of the finding</source>
        <translation>检查发现问题的佐证材料</translation>
    </message>
    <message>
        <source>No inspection recorded yet.</source>
        <translation>尚未登记督导检查。</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
</context>
<context>
    <name>RecordInspectionDialog</name>
    <message>
        <source>Record inspection</source>
        <translation>登记督导检查</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Project, site or enterprise</source>
        <translation>项目、工地或企业名称</translation>
    </message>
    <message>
        <source>Names separated by 、</source>
        <translation>多人用“、”分隔</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Remark / problem found</source>
        <translation>情况说明／发现问题</translation>
    </message>
    <message>
        <source>Rectification required</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Unit inspected</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>检查地点</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>检查情况</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <source>Checklist templates</source>
        <translation>检查清单模板</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>New template…</source>
        <translation>新建模板…</translation>
    </message>
    <message>
        <source>Stop using</source>
        <translation>停用模板</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1（第%2版）</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>First item</source>
        <translation>第一项检查内容</translation>
    </message>
</context>
</TS>
