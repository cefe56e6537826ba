<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Backups</name>
    <message>
        <source>Opening the backup…</source>
        <translation>正在打开备份…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Checking and restoring…</source>
        <translation>正在检查并恢复…</translation>
    </message>
    <message>
        <source>Restored from %1</source>
        <translation>已从 %1 恢复台账</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Cannot open the ledger</source>
        <translation>无法打开台账</translation>
    </message>
    <message>
        <source>Restore the backup of %1</source>
        <translation>恢复 %1 的备份</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Choose another ledger…</source>
        <translation>选择其他台账文件…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore selected…</source>
        <translation>从所选备份恢复…</translation>
    </message>
    <message>
        <source>Restore from file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>View selected (read-only)</source>
        <translation>查看所选备份（只读）</translation>
    </message>
    <message>
        <source>A shared ledger on the server is backed up with pg_dump by its administrator:
%1</source>
        <translation>共享服务器上的台账由管理员用 pg_dump 备份：
%1</translation>
    </message>
    <message>
        <source>Backups of %1 in %2, compressed (kept: one a day for 7 days, one a week for 4 weeks, one a month for 12 months, and the last 3 of each other kind).</source>
        <translation>台账 %1 的备份（已压缩），存放在 %2（保留最近 7 天每天一份、4 周每周一份、12 个月每月一份，其他类型各保留最近 3 份）。</translation>
    </message>
    <message>
        <source>Opening the backup…</source>
        <translation>正在打开备份…</translation>
    </message>
    <message>
        <source>Backups and ledgers (*.db.zst *.db);;All files (*)</source>
        <translation>备份与台账文件 (*.db.zst *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Restore from file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Replace the ledger with %1?</source>
        <translation>用 %1 替换当前台账吗？</translation>
    </message>
    <message>
        <source>The file is checked first. The current ledger is backed up before it is replaced, so this can be undone.</source>
        <translation>会先检查该文件；替换前当前台账会先备份，可以撤回。</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <source>Making today&apos;s automatic backup… (you can go on working)</source>
        <translation>正在进行今天的自动备份…（可以照常使用）</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup is done: %1</source>
        <translation>今天的自动备份已完成：%1</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup</source>
        <translation>今天的自动备份</translation>
    </message>
    <message>
        <source>Restore it from a backup: File ▸ Backups and restore…</source>
        <translation>请从备份恢复：文件 ▸ 备份与恢复…</translation>
    </message>
    <message>
        <source>Finishing today&apos;s automatic backup; the program closes when it is done…</source>
        <translation>正在完成今天的自动备份，完成后程序将关闭…</translation>
    </message>
    <message>
        <source>Don&apos;t wait (back up at the next start)</source>
        <translation>不等待（下次启动时再备份）</translation>
    </message>
</context>
</TS>
