"""Workbooks in the shapes offices actually send (built with openpyxl for the tests)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HEADER_TOP = ["序号", "工作任务", "牵头县领导", "责任单位", None, "完成时限", "备注"]
HEADER_SUB = [None, None, None, "牵头单位", "配合单位", None, None]

# (seq, task, leader, lead, cooperating, deadline, note) — rows after the two header rows.
REAL_ROWS = [
    ("一、大气污染防治",),
    (1, "城区建筑工地全面落实扬尘治理“六个百分之百”", "朱俊峰", "县住建委", "县环境保护局、\n县公安局",
     "2016年9月底前", None),
    (2, "渠道扬尘整治（新增）", None, "住建委", "环保局，交通局", "9月30日前", "与第1项同一县领导"),
    (3, "“散乱污”企业排查整治", "宋耀生", "环保局", "各乡镇", datetime(2016, 10, 31), None),
    ("二、水污染防治",),
    (4, "三里河沿线入河排污口排查封堵", "朱俊峰", "舞阳县水利局", "县环保局；各乡（镇）", "2016.12.31", None),
    (5, "重点时段大气污染防治进展月报", "朱俊峰", "县环保局", "各乡镇", "每月25日前报送", None),
    (6, "河长制巡河", "宋耀生", "县水利局", None, "长期坚持", None),
    (7, "禁养区畜禽养殖场搬迁关闭", "王耀生", "县畜牧局", "县环保局", "年底前", None),
    (8, "会议精神传达落实", "李亦博", "县环委办", "县直各部门", "会后5个工作日内", None),
    (9, "城区污水管网完善", "王耀生", "县住建委", "县发改委", "2016-12-31", None),
]


def real_ledger(path: Path, rows=REAL_ROWS, *, title="舞阳县环保攻坚突破工作任务分解表",
                info="填报单位：县环境保护工作委员会办公室                填报日期：2016年7月20日",
                merge_leader: bool = True) -> Path:
    """Merged title, 填报单位 … 日期 row, two header rows (责任单位 over 牵头/配合), section rows
    merged across, multi-unit cells, 各乡镇, mixed deadline forms; leader of rows 1–2 merged."""
    wb = Workbook()
    ws = wb.active
    ws.title = "任务分解表"
    ws.append([title])
    ws.merge_cells("A1:G1")
    ws.append([info])
    ws.merge_cells("A2:G2")
    ws.append(HEADER_TOP)
    ws.append(HEADER_SUB)
    for col in "ABCFG":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("D3:E3")
    for row in rows:
        ws.append(list(row))
        if len(row) == 1:
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
    if merge_leader:
        # 朱俊峰 leads tasks 1 and 2: written once, merged down (row 6 → 7).
        ws.merge_cells("C6:C7")
    ws.column_dimensions["B"].width = 40
    path = Path(path)
    wb.save(path)
    return path
