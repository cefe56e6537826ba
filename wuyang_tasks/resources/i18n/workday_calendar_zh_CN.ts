<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WorkdayCalendarDialog</name>
    <message>
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Arrangement</source>
        <translation>安排</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Enter the arrangement of one day</source>
        <translation>补录或修改某一天的安排</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>上班</translation>
    </message>
    <message>
        <source>rest day</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>note, e.g. 春节调休上班</source>
        <translation>说明，例如 春节调休上班</translation>
    </message>
    <message>
        <source>Save this day</source>
        <translation>保存这一天</translation>
    </message>
    <message>
        <source>Remove the entry</source>
        <translation>删除所选补录</translation>
    </message>
    <message>
        <source>The day is counted as the packaged schedule says again</source>
        <translation>删除后这一天按程序内置的安排计算</translation>
    </message>
    <message>
        <source>Days entered here win over the schedule packaged with the program. Enter a year the program does not know from the State Council&apos;s holiday notice: every holiday as a rest day and every 调休 weekend as a working day.</source>
        <translation>此处补录的日期优先于程序内置的安排。程序未收录的年份，请按国务院办公厅公布的当年放假安排逐日补录：放假的日子定为“休息”，调休上班的周末定为“上班”。</translation>
    </message>
    <message>
        <source>The ledger is open read-only.</source>
        <translation>台账以只读方式打开，不能修改。</translation>
    </message>
    <message>
        <source>Only a user with the 管理 role may change the calendar.</source>
        <translation>只有“管理”角色的用户可以修改工作日历。</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>手工补录</translation>
    </message>
    <message>
        <source>packaged</source>
        <translation>程序内置</translation>
    </message>
    <message>
        <source>%1 is now a %2.</source>
        <translation>已将%1定为%2。</translation>
    </message>
    <message>
        <source>The entry of %1 was removed.</source>
        <translation>已删除%1手工补录的安排。</translation>
    </message>
</context>
</TS>
