<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MetricChart</name>
    <message>
        <source>No readings yet</source>
        <translation>尚无读数</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>ahead by</source>
        <translation>超出</translation>
    </message>
    <message>
        <source>behind by</source>
        <translation>落后</translation>
    </message>
    <message>
        <source>%1: %2 good days, pace %3, %4 %5 days</source>
        <translation>%1：优良%2天，序时进度%3天，%4%5天</translation>
    </message>
    <message>
        <source>, %1 days without data</source>
        <translation>，无数据%1天</translation>
    </message>
    <message>
        <source>Cumulative good days</source>
        <translation>累计优良天数</translation>
    </message>
    <message>
        <source>Pace line to %1 days</source>
        <translation>序时进度（至%1天）</translation>
    </message>
    <message>
        <source>County</source>
        <translation>本县</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>%1类</translation>
    </message>
    <message>
        <source>Target (class %1)</source>
        <translation>目标（%1类）</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标月份</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未达标月份</translation>
    </message>
</context>
<context>
    <name>MetricsModel</name>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>(tasks raised: %1)</source>
        <translation>（已生成督办任务：%1）</translation>
    </message>
</context>
<context>
    <name>MetricsPage</name>
    <message>
        <source>Save readings</source>
        <translation>保存读数</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Raise a supervision task</source>
        <translation>生成督办任务</translation>
    </message>
    <message>
        <source>Creates a task (待交办) for the metric&apos;s lead unit and its townships, linked to the metric.</source>
        <translation>为该指标生成一项督办任务（待交办）：牵头单位和属地乡镇取自指标，任务内容关联指标。</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Year targets %1, %2</source>
        <translation>%1年目标指标，%2</translation>
    </message>
    <message>
        <source>Lead unit: %1; %2 townships answer territorially.</source>
        <translation>牵头单位：%1；属地责任乡镇%2个。</translation>
    </message>
    <message>
        <source>Readings are generated demonstration data, not measurements.</source>
        <translation>读数为程序生成的演示数据，不是实测监测数据。</translation>
    </message>
    <message>
        <source>%1 (by month)</source>
        <translation>%1（按月）</translation>
    </message>
    <message>
        <source>Save readings (%1)</source>
        <translation>保存读数（%1）</translation>
    </message>
    <message>
        <source>Unsaved readings</source>
        <translation>读数未保存</translation>
    </message>
    <message>
        <source>%1 reading(s) were changed but not saved.</source>
        <translation>有%1个读数已修改但未保存。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Readings saved: %1</source>
        <translation>读数已保存：%1</translation>
    </message>
    <message>
        <source>Task %1 raised (%2): %3</source>
        <translation>已生成任务%1（%2）：%3</translation>
    </message>
</context>
<context>
    <name>ReadingsModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>AQI level</source>
        <translation>空气质量级别</translation>
    </message>
    <message>
        <source>Water class</source>
        <translation>水质类别</translation>
    </message>
    <message>
        <source>County</source>
        <translation>本县</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid %2.</source>
        <translation>“%1”不是有效的%2。</translation>
    </message>
</context>
</TS>
