"""反馈表 out: one workbook per unit, facts locked, inputs open, keys, print-ready."""

from openpyxl import load_workbook

from wuyang_tasks.cli.main import main
from wuyang_tasks.services.feedback_forms import RowKey, Week, forms_for

from .helpers import HEADER_ROW, db_arg, form_path


def test_send_all_writes_a_workbook_per_township_and_department_with_open_tasks(demo_ledger, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["--db", db_arg(demo_ledger), "feedback", "send", "--all", "-o", str(out)]) == 0
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 22  # 14 townships and 8 departments; no enterprise
    assert "舞泉镇_反馈表_2016年第30周.xlsx" in files and "县水利局_反馈表_2016年第30周.xlsx" in files
    assert "共生成 22 份反馈表（2016年第30周）" in capsys.readouterr().out
    codes = set()
    for name in files:
        ws = load_workbook(out / name)["反馈表"]
        codes |= {ws.cell(row=r, column=2).value for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    assert "2016-028" not in codes and "2016-029" not in codes  # 待交办, 撤销
    assert "2016-011" not in codes and "2016-012" not in codes  # 已办结, 已归档


def test_a_form_has_locked_facts_open_inputs_drop_downs_and_a_hidden_key(demo_ledger, tmp_path):
    out = tmp_path / "out"
    assert main(["--db", db_arg(demo_ledger), "feedback", "send", "--unit", "舞泉镇", "-o", str(out)]) == 0
    wb = load_workbook(form_path(out, "舞泉镇"))
    ws = wb["反馈表"]
    assert ws["A1"].value == "舞泉镇工作任务进展反馈表"
    assert "2016年第30周" in ws["A2"].value and "下发日期：2016年7月29日" in ws["A2"].value
    assert ws["A3"].value.startswith("填写说明")
    head = [c.value for c in ws[HEADER_ROW]]
    assert head[:10] == ["序号", "编号", "工作任务", "责任方式", "牵头县领导", "完成时限", "时限情况", "状态",
                         "上次进展", "本期进展"]
    assert head[-1] == "行标识"
    assert ws.protection.sheet
    first = HEADER_ROW + 1
    col = {h: i + 1 for i, h in enumerate(head)}
    assert ws.cell(row=first, column=col["工作任务"]).protection.locked
    assert not ws.cell(row=first, column=col["本期进展"]).protection.locked
    assert not ws.cell(row=first, column=col["佐证材料"]).protection.locked
    key_letter = ws.cell(row=HEADER_ROW, column=col["行标识"]).column_letter
    assert ws.column_dimensions[key_letter].hidden
    key = RowKey.parse(ws.cell(row=first, column=col["行标识"]).value)
    assert key is not None and key.week == "2016-W30"
    roles = {ws.cell(row=r, column=col["责任方式"]).value for r in range(first, ws.max_row + 1)}
    assert roles == {"属地单位"}
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists and lists[0].formula1 == '"无,申请办结,申请延期"'
    assert {dv.type for dv in ws.data_validations.dataValidation} == {"list", "whole", "date"}
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    meta = wb["反馈表信息"]
    assert meta.sheet_state == "hidden"
    facts = {meta.cell(row=r, column=1).value: meta.cell(row=r, column=2).value for r in range(1, meta.max_row + 1)}
    assert facts["单位"] == "舞泉镇" and facts["周次"] == "2016-W30" and len(facts["台账标识"]) == 16


def test_forms_for_a_unit_show_every_role_it_holds(demo_ledger):
    forms = forms_for(demo_ledger, unit_names=["县环保局"], week=Week.parse("2016-W30"))
    roles = {row.facts[2] for row in forms[0].rows}
    assert "牵头单位" in roles and len(roles) > 1


def test_send_needs_units_or_all(demo_ledger, tmp_path, capsys):
    assert main(["--db", db_arg(demo_ledger), "feedback", "send", "-o", str(tmp_path)]) == 2
    assert "--unit" in capsys.readouterr().err
    assert main(["--db", db_arg(demo_ledger), "feedback", "send", "--unit", "无此单位", "-o", str(tmp_path)]) == 2
    assert "找不到单位“无此单位”" in capsys.readouterr().err
