<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FontsDialog</name>
    <message>
        <source>Document fonts</source>
        <translation>公文字体</translation>
    </message>
    <message>
        <source>Automatic (now: %1)</source>
        <translation>自动（现为：%1）</translation>
    </message>
    <message>
        <source>Every role has its proper face on this machine.</source>
        <translation>本机各种公文字体齐全。</translation>
    </message>
</context>
<context>
    <name>OfficeProfileDialog</name>
    <message>
        <source>Office profile</source>
        <translation>机关信息</translation>
    </message>
    <message>
        <source>e.g. 舞督: notices are numbered 舞督〔2016〕1号</source>
        <translation>如 舞督：督办单编号为 舞督〔2016〕1号</translation>
    </message>
    <message>
        <source>the red heading; empty: the office&apos;s name</source>
        <translation>红头文字；不填则用机关名称</translation>
    </message>
    <message>
        <source>Issue notices as official documents (red heading and rule)</source>
        <translation>督办单以公文形式印发（红色发文机关标志和红线）</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>机关名称</translation>
    </message>
    <message>
        <source>Office code</source>
        <translation>机关代字</translation>
    </message>
    <message>
        <source>Red heading</source>
        <translation>发文机关标志</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Signed off by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Addressed to (one a line)</source>
        <translation>主送机关（每行一个）</translation>
    </message>
    <message>
        <source>Copies to (one a line)</source>
        <translation>抄送机关（每行一个）</translation>
    </message>
    <message>
        <source>Kept in the ledger: every clerk of a shared ledger prints the same; each change is recorded in the audit trail.</source>
        <translation>保存在台账中：共用台账的各位录入人员打印的内容一致；每次修改都记入审计记录。</translation>
    </message>
</context>
</TS>
