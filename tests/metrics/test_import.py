"""Readings import: xlsx and CSV, located messages, all-or-nothing, dry run."""

from datetime import date, datetime

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from wuyang_tasks.db.models import MetricReading
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.imports.readings import import_readings, parse_reading_date


def _xlsx(path, sheets):
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def _readings(ledger):
    with ledger.read() as s:
        return {(r.metric_id, r.day, r.period, r.is_reference): r.value
                for r in s.scalars(select(MetricReading))}


def _count(ledger):
    with ledger.read() as s:
        return s.scalar(select(func.count(MetricReading.id)))


@pytest.fixture
def today_ledger(ledger, metrics):
    ledger.today_override = date(2016, 7, 29)
    return ledger


def test_workbook_with_one_sheet_per_metric(today_ledger, metrics, tmp_path):
    path = _xlsx(tmp_path / "读数.xlsx", {
        "优良天数": [["舞阳县空气质量日报"], ["日期", "空气质量级别", "备注"],
                  [datetime(2016, 7, 1), "良", None], ["2016-07-02", "轻度污染", "沙尘"],
                  ["2016年7月3日", 1, None], [None, None, None]],
        "PM2.5年均浓度": [["月份", "本县", "全省平均值"], ["2016-01", 128, 118], ["2016年2月", 96, None]],
        "三里河省控断面水质类别": [["月份", "水质类别"], ["2016-01", "Ⅳ类"], ["2016-02", "劣V"]],
    })
    summary = import_readings(today_ledger, path)
    assert summary.rows == 7 and summary.total.added == 8
    stored = _readings(today_ledger)
    assert stored[(metrics.good_days, date(2016, 7, 1), "DAY", False)] == 2
    assert stored[(metrics.good_days, date(2016, 7, 2), "DAY", False)] == 3
    assert stored[(metrics.pm25, date(2016, 1, 1), "MONTH", True)] == 118
    assert (metrics.pm25, date(2016, 2, 1), "MONTH", True) not in stored  # empty cell skipped
    assert stored[(metrics.water, date(2016, 2, 1), "MONTH", False)] == 6
    # importing the same file again changes nothing
    again = import_readings(today_ledger, path)
    assert again.total.unchanged == 8 and again.total.added == 0


def test_csv_in_gbk_with_metric_column_and_aqi_index(today_ledger, metrics, tmp_path):
    path = tmp_path / "aqi.csv"
    text = "指标,日期,AQI\n优良天数,2016/7/1,45\n优良天数,2016/7/2,101\n优良天数,2016/7/3,320\n"
    path.write_bytes(text.encode("gbk"))
    import_readings(today_ledger, path)
    stored = _readings(today_ledger)
    assert [stored[(metrics.good_days, date(2016, 7, d), "DAY", False)] for d in (1, 2, 3)] == [1, 3, 6]


def test_every_problem_is_located_and_nothing_is_written(today_ledger, metrics, tmp_path):
    path = _xlsx(tmp_path / "坏.xlsx", {
        "优良天数": [["日期", "级别"],
                  ["2016-07-01", "良"],              # row 2 fine
                  ["2016-13-01", "良"],              # row 3 bad date
                  ["2016-07-01", "优"],              # row 4 duplicate of row 2
                  ["2016-08-01", "良"],              # row 5 in the future
                  ["2015-12-31", "良"],              # row 6 no 2015 metric
                  ["2016-07-05", "很好"]],           # row 7 bad level
        "PM2.5年均浓度": [["月份", "本县"], ["2016-03", -5]],
        "三里河省控断面水质类别": [["月份", "类别"], ["2016-03", "Ⅶ"]],
    })
    with pytest.raises(ValidationError) as err:
        import_readings(today_ledger, path)
    msg = err.value.message
    assert "未导入任何读数" in msg and "共7处错误" in msg
    assert "工作表“优良天数”第3行“日期”列（A3），值“2016-13-01”：不是有效日期" in msg
    assert "工作表“优良天数”第4行“级别”列（B4）：本县2016年7月1日的读数重复（工作表“优良天数”第2行“级别”列（B2）已有）" in msg
    assert "第5行“级别”列（B5）：日期2016年8月1日晚于今天（2016年7月29日）" in msg
    assert "第6行：台账中没有2015年的指标“优良天数”" in msg
    assert "第7行“级别”列（B7），值“很好”：不是有效的空气质量级别" in msg
    assert "工作表“PM2.5年均浓度”第2行“本县”列（B2），值“-5”：数值不能为负数" in msg
    assert "值“Ⅶ”：不是有效的水质类别" in msg
    assert _count(today_ledger) == 0


def test_dry_run_checks_but_writes_nothing(today_ledger, metrics, tmp_path):
    path = tmp_path / "pm.csv"
    path.write_text("月份,本县,全省平均值\n2016-01,128,118\n2016-02,96,90\n", encoding="utf-8-sig")
    summary = import_readings(today_ledger, path, dry_run=True, default_metric="PM2.5年均浓度")
    assert summary.dry_run and summary.total.added == 4 and "未写入" in summary.text
    assert _count(today_ledger) == 0


def test_metric_must_be_named_somewhere(today_ledger, metrics, tmp_path):
    path = tmp_path / "pm.csv"
    path.write_text("月份,本县\n2016-01,128\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        import_readings(today_ledger, path)
    assert "第2行：没有指明指标" in err.value.message


def test_file_problems(today_ledger, metrics, tmp_path):
    with pytest.raises(ValidationError, match="找不到文件"):
        import_readings(today_ledger, tmp_path / "nope.xlsx")
    odd = tmp_path / "x.txt"
    odd.write_text("日期,数值\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="不是 Excel"):
        import_readings(today_ledger, odd)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(ValidationError, match="不是 Excel 工作簿"):
        import_readings(today_ledger, fake)
    headerless = tmp_path / "h.csv"
    headerless.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="没有找到表头"):
        import_readings(today_ledger, headerless)


@pytest.mark.parametrize("value, monthly, expected", [
    (datetime(2016, 7, 3, 0, 0), False, (date(2016, 7, 3), "DAY")),
    (date(2016, 7, 3), True, (date(2016, 7, 1), "MONTH")),
    ("2016.7.3", False, (date(2016, 7, 3), "DAY")),
    ("2016/07", False, (date(2016, 7, 1), "MONTH")),
    (42552, False, (date(2016, 7, 1), "DAY")),  # an Excel serial number
])
def test_parse_reading_date(value, monthly, expected):
    assert parse_reading_date(value, monthly=monthly) == expected


def test_hostile_cells_control_characters_and_long_notes(today_ledger, metrics, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("指标,日期,级别,备注\n优良\x00天数,2016-07-01,良,站点\x00 校准\n", encoding="utf-8")
    import_readings(today_ledger, path)
    with today_ledger.read() as s:
        assert s.scalar(select(MetricReading.note)) == "站点 校准"
    long = tmp_path / "long.csv"
    long.write_text("指标,日期,级别,备注\n优良天数,2016-07-02,良," + "长" * 201 + "\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="备注超过200字"):
        import_readings(today_ledger, long)
    assert _count(today_ledger) == 1


def test_a_file_is_read_without_the_ledger():
    """imports.readings reads against a catalogue of metrics (services.metrics.MetricCatalogue),
    not a session; the save is services.readings_import's."""
    from wuyang_tasks.domain.enums import MetricKind
    from wuyang_tasks.imports.readings import parse_sheets
    from wuyang_tasks.services.metrics import MetricCatalogue, MetricRef

    catalogue = MetricCatalogue((MetricRef(1, "优良天数", 2016, MetricKind.GOOD_DAYS),))
    parsed = parse_sheets(catalogue, [("优良天数", [["日期", "级别"], ["2016-07-01", "良"],
                                                  ["2017-07-01", "优"]])], None)
    assert [(e.day, e.value) for e in parsed.by_metric[("优良天数", 2016)]] == [(date(2016, 7, 1), 2)]
    assert parsed.problems == ["工作表“优良天数”第3行：台账中没有2017年的指标“优良天数”（2017年的指标：无）"]
