<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppointDialog</name>
    <message>
        <source>Appoint</source>
        <translation>任免</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Current holder</source>
        <translation>现任</translation>
    </message>
    <message>
        <source>(vacant)</source>
        <translation>（空缺）</translation>
    </message>
    <message>
        <source>(a new person, name below)</source>
        <translation>（新人员，在下方填写姓名）</translation>
    </message>
    <message>
        <source>name of the new person</source>
        <translation>新人员姓名</translation>
    </message>
    <message>
        <source>New holder</source>
        <translation>新任职人员</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>任职生效日期</translation>
    </message>
</context>
<context>
    <name>LiaisonDialog</name>
    <message>
        <source>End liaison</source>
        <translation>结束分包联系</translation>
    </message>
    <message>
        <source>Add liaison</source>
        <translation>新增分包联系</translation>
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
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Chief</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>现任</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>任职起始</translation>
    </message>
    <message>
        <source>Appoint…</source>
        <translation>任免…</translation>
    </message>
    <message>
        <source>Add liaison…</source>
        <translation>新增分包联系…</translation>
    </message>
    <message>
        <source>End liaison…</source>
        <translation>结束分包联系…</translation>
    </message>
    <message>
        <source>County leaders liaising (分包联系)</source>
        <translation>分包联系</translation>
    </message>
    <message>
        <source>(vacant)</source>
        <translation>（空缺）</translation>
    </message>
    <message>
        <source>Liaison county leaders: %1</source>
        <translation>分包县领导：%1</translation>
    </message>
    <message>
        <source>Liaises with: %1</source>
        <translation>联系乡镇：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
</TS>
