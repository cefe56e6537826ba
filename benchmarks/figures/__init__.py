"""Every figure of issue 9, in the order of the issue's table.

A figure whose program code does not exist yet (``requires``) is reported as missing, never
approximated by something else.
"""

from __future__ import annotations

from ..harness import Figure
from . import backups, bundle, db, documents, feedback, window

TASK_PAGE = "wuyang_tasks.ui.pages.tasks"

FIGURES: tuple[Figure, ...] = (
    Figure("open_ledger", "程序启动到任务台账表格绘制完成（offscreen）",
           "空脚本：导入 PySide6.QtWidgets 和 SQLAlchemy，显示空窗口", 2.0, None,  # every size (issue 23)
           requires=(TASK_PAGE,), process=True),
    Figure("filter_text", "任务台账页：文字筛选变化到模型重置完成", "同一查询用 sqlite3 直接执行",
           2.0, None, window.filter_text_program, db.filter_text_baseline, requires=(TASK_PAGE,)),
    Figure("filter_unit", "任务台账页：单位筛选变化到模型重置完成", "同一查询用 sqlite3 直接执行",
           2.0, None, window.filter_unit_program, db.filter_unit_baseline, requires=(TASK_PAGE,)),
    Figure("sort_deadline", "任务台账页：按完成时限排序到模型重置完成", "sqlite3 ORDER BY deadline",
           2.0, None, window.sort_deadline_program, db.sort_deadline_baseline, requires=(TASK_PAGE,)),
    Figure("briefing_xlsx", "工作周报 Excel（N 行明细）",
           "openpyxl write_only 写同样的单元格，无样式", 1.5, 10_000,
           documents.briefing_program, documents.briefing_baseline,
           requires=("wuyang_tasks.exports.briefing_xlsx", "wuyang_tasks.services.documents")),
    Figure("ledger_pdf", "任务台账 PDF（1,000 项任务）", "reportlab 普通表格，同样的行和字体", 1.3, None,
           documents.ledger_pdf_program, documents.ledger_pdf_baseline,
           requires=("wuyang_tasks.exports.ledger_pdf", "wuyang_tasks.services.documents"),
           fixed_sizes=(1_000,)),
    Figure("feedback_collect", "收回反馈表：读取 22 个工作簿（各至多 50 行，1千项台账的单位不足 50 项）并与台账比对（预览）",
           "openpyxl read_only 读取同样工作簿的全部单元格", 2.0, None,
           feedback.collect_program, feedback.collect_baseline,
           requires=("wuyang_tasks.services.feedback_collect",)),
    Figure("briefing_docx", "工作周报/通报 Word（公文格式，N 项任务的台账）",
           "python-docx 写同样的段落和表格单元格，无样式", 1.5, None,
           documents.briefing_docx_program, documents.briefing_docx_baseline,
           requires=("wuyang_tasks.exports.briefing_docx",)),
    Figure("import_xlsx", "导入 N 行任务台账 Excel", "openpyxl read_only 逐行读取 + sqlite3 executemany 写入同样的行",
           2.0, 10_000, documents.import_program, documents.import_baseline,
           requires=("wuyang_tasks.services.intake", "wuyang_tasks.exports.ledger_xlsx"), writes=True,
           max_size=10_000, max_size_reason="一次导入最多 2 万行（imports/workbook.MAX_ROWS）；目标规模为 1 万"),
    Figure("edits", "经服务层的流程操作（含审计链），每次一个事务", "sqlite3 直接写同样的行、同样的事务",
           3.0, None, db.edits_program, db.edits_baseline, writes=True),
    Figure("verify", "校验审计链（N 项任务的全部审计记录）", "在内存中对同样的字节逐条计算 SHA-256",
           1.5, None, db.verify_program, db.verify_baseline),
    Figure("backup", "备份：在线快照、检查、Zstandard 压缩并读回校验（.db.zst）",
           "sqlite3 在线备份为普通文件 + quick_check + fsync（原来的做法）", 3.0, None,
           backups.backup_program, backups.backup_baseline),
    Figure("open_backup_pending", "启动到任务台账绘制完成，当天首次备份尚未进行（在后台进行）",
           "同一程序，当天已有备份", 1.2, None, backups.run_pending_figure, requires=(TASK_PAGE,),
           process=True),
    Figure("bundle_start", "PyInstaller 安装包启动：wuyang-tasks-cli --version",
           "同样打包的 PyInstaller hello-world（单文件夹，脚本不导入任何模块）", 2.0, None,
           bundle.run_bundle_figure, requires=("PyInstaller",), process=True, fixed_sizes=(1_000,)),
    Figure("peak_rss", "打开 N 项任务台账窗口的峰值内存", "空窗口 + 所显示列的原始行", 1.5, None,
           requires=(TASK_PAGE,), process=True),
)


def by_name(name: str) -> Figure:
    for figure in FIGURES:
        if figure.name == name:
            return figure
    raise KeyError(name)
