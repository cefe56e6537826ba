"""Task tables as cities and counties write them (issue 20): 牵头部门 / 主责单位 / 协办单位 headers and
a category row right under the header ("一、空气质量目标"), from a real 2021 action-plan table."""

import openpyxl

from wuyang_tasks.imports.ledger_table import Field, read_ledger_table


def _table(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务清单"
    ws.append(["开江县大气污染防治2021年行动计划重点任务清单"])
    ws.append(["序号", "重点任务", "工作措施", "牵头部门", "主责单位", "协办单位", "完成时限"])
    ws.append(["一、空气质量目标"])
    ws.append([1, "目标任务", "巩固改善空气质量，细颗粒物浓度力争继续下降", "开江生态环境局", "各乡镇",
               "县交通运输局、县住建局", "2021年底前"])
    ws.append(["二、实施挥发性有机物专项治理行动"])
    ws.append([2, "完善VOCs环境监测网络", "完善覆盖乡镇、主要工业园区等VOCs高密度监测网", "开江生态环境局",
               "县经信局", "县发改局", "2021年底前"])
    wb.save(path)
    return path


def test_role_headers_and_a_category_row_under_the_header(tmp_path):
    reading = read_ledger_table(_table(tmp_path / "清单.xlsx"), fallback_year=2021)
    assert reading.header_rows == (2,)  # the category row is no second header row
    assert reading.columns[Field.LEAD_UNIT] == 4 and reading.columns[Field.TERRITORIAL] == 5
    assert reading.columns[Field.COOP_UNIT] == 6  # 协办 is read, not dropped as a duplicate
    target, vocs = reading.rows
    assert (target.category, target.lead_units, target.territorial) == ("空气质量目标", ["开江生态环境局"], ["各乡镇"])
    assert target.coop_units == ["县交通运输局", "县住建局"]
    assert (vocs.category, vocs.territorial, vocs.coop_units) == ("实施挥发性有机物专项治理行动", ["县经信局"], ["县发改局"])
    assert not [p for p in reading.problems if "重复" in p.message]
