"""Hostile input where text enters: the filter box, names, imported workbooks and minutes.

Property-based (hypothesis) with a fixed, derandomised budget so that CI runs the same examples
every time. The promise under test: the input is either used correctly or refused with a
LedgerError (a message for the clerk) — never another exception, never a half-done write.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from wuyang_tasks.db.models import AuditEvent, Person, Task, Unit
from wuyang_tasks.domain.enums import UnitKind
from wuyang_tasks.domain.errors import LedgerError
from wuyang_tasks.services import intake, units
from wuyang_tasks.services.task_list import TaskFilter, list_tasks

BUDGET = settings(max_examples=60, derandomize=True, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

SQL_TRICKS = ["%", "_", "\\", "'", '"', ";", "--", "/*", "' OR '1'='1", "%%", "\\%", "[a]", "*", "\x00"]
ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    return text.translate(ASCII_FOLD)


def counts(ledger) -> tuple[int, int, int, int]:
    with ledger.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Task, Unit, Person, AuditEvent))


# -- the filter box ----------------------------------------------------------------------------
@st.composite
def filter_texts(draw):
    pieces = draw(st.lists(st.one_of(st.sampled_from(SQL_TRICKS), st.text(max_size=6),
                                     st.sampled_from(["环保", "督查", "2016", "扬尘", "秸秆", "县环保局"])),
                           max_size=4))
    return "".join(pieces)


@BUDGET
@given(needle=filter_texts())
@example(needle="%")
@example(needle="_")
@example(needle="' OR '1'='1")
@example(needle="环保")
def test_filter_text_is_a_literal_substring_never_sql(demo_ledger, needle):
    with demo_ledger.read() as s:
        everything = {r.id: r for r in list_tasks(s, today=demo_ledger.today(), cal=demo_ledger.calendar())}
        try:
            found = list_tasks(s, today=demo_ledger.today(), cal=demo_ledger.calendar(),
                               flt=TaskFilter(text=needle))
        except LedgerError:
            return  # refused with a message: allowed
        contents = dict(s.execute(select(Task.id, Task.content)).all())
    ids = {r.id for r in found}
    assert ids <= set(everything)
    text = needle.strip()
    if not text:
        assert ids == set(everything)
        return
    for tid, row in everything.items():
        haystack = (row.title, contents[tid] or "", row.code)
        if any(text in h for h in haystack):
            assert tid in ids, f"{row.code} contains {text!r} but was not found"
        if tid in ids:
            assert any(fold(text) in fold(h) for h in haystack), f"{row.code} does not contain {text!r}"


# -- names -------------------------------------------------------------------------------------
names = st.one_of(st.text(max_size=30), st.sampled_from(SQL_TRICKS),
                  st.sampled_from(["  ", "\t\n", "县环保局", " 县环保局 ", "吴城镇", "x" * 300]))


@BUDGET
@given(name=names, alias=names)
def test_unit_and_alias_names_are_stored_as_given_or_refused(ledger, name, alias):
    before = counts(ledger)
    try:
        with ledger.write() as s:
            unit = units.add_unit(s, name, UnitKind.DEPARTMENT)
            units.add_alias(s, unit.id, alias)
            unit_id = unit.id
    except LedgerError as exc:
        assert exc.message
        assert counts(ledger) == before  # nothing half-written
        return
    assert name.strip() and alias.strip(), "a blank name or alias was accepted"
    with ledger.read() as s:
        assert s.get(Unit, unit_id).name == name.strip()
        assert units.find_unit(s, name).id == unit_id
        assert units.find_unit(s, alias).id == unit_id


@BUDGET
@given(name=names)
def test_person_names_are_stored_as_given_or_refused(ledger, name):
    before = counts(ledger)
    try:
        with ledger.write() as s:
            person_id = units.add_person(s, name).id
    except LedgerError as exc:
        assert exc.message and counts(ledger) == before
        return
    assert name.strip()
    with ledger.read() as s:
        assert s.get(Person, person_id).name == name.strip()
        assert units.find_person(s, name) is not None


# -- imported workbooks ------------------------------------------------------------------------
HEADERS = ["序号", "编号", "工作任务", "牵头县领导", "牵头单位", "配合单位", "责任人", "完成时限",
           "进展情况", "状态", "备注", "类别", "莫名其妙的列", ""]
CELL_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
cells = st.one_of(
    st.none(), CELL_TEXT, st.integers(-10, 10**6), st.floats(allow_nan=False, allow_infinity=False),
    st.dates(date(1900, 3, 1), date(2100, 12, 31)),
    st.sampled_from(["=1+1", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "+86", "-", "2016年7月底前",
                     "长期坚持", "每月25日前", "10个工作日", "县环保局、吴城镇", "各乡镇", "王玉亭",
                     "办理中", "已办结", "2016-13-45", "七月", "#REF!", "县环保局\n吴城镇", *SQL_TRICKS[:-1]]))


UNITS = ["县环保局", "县住建委", "县公安局", "吴城镇", "北舞渡镇", "县环保局、吴城镇"]
VALID = {  # what a real ledger holds
    "序号": st.integers(1, 999),
    "工作任务": st.sampled_from(["扬尘治理", "秸秆禁烧巡查", "散乱污企业排查", "三里河水质达标"]).flatmap(
        lambda t: st.integers(1, 10**6).map(lambda n: f"{t}{n}")),
    "牵头单位": st.sampled_from(UNITS),
    "配合单位": st.sampled_from(UNITS),
    "牵头县领导": st.sampled_from(["王玉亭", "陈青枝"]),
    "完成时限": st.one_of(st.dates(date(2016, 1, 1), date(2016, 12, 31)),
                      st.sampled_from(["2016年7月底前", "长期坚持", "每月25日前", "10个工作日"])),
    "状态": st.sampled_from(["办理中", "已办结", "已交办", "待交办"]),
}
HOSTILE = {  # and what a township's file may hold instead
    "序号": st.one_of(st.none(), st.sampled_from(["一", "1.", "（一）", "=ROW()"])),
    "工作任务": st.one_of(CELL_TEXT, st.sampled_from(["=1+1", "@SUM(A1)", "一、大气污染防治", " ",
                                                       "秸秆禁烧\n全面排查", "x" * 2000])),
    "牵头单位": st.sampled_from(["各乡镇", "不存在的单位", "", "县环保局,,吴城镇", "=A1"]),
    "配合单位": st.sampled_from(["各乡镇", "不存在的单位", "", "；；"]),
    "牵头县领导": st.sampled_from(["某某", "", "王玉亭、陈青枝", "王玉亭（常务）"]),
    "完成时限": st.sampled_from(["2016-13-45", "七月", "", "立即", "2016年2月30日", "-5个工作日"]),
    "状态": st.sampled_from(["乱写的状态", "", "=TRUE()"]),
}


@st.composite
def workbooks(draw):
    """Mostly plausible ledgers with hostile cells, some with random headers and cells."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = draw(st.sampled_from(["任务台账", "Sheet1", "台账（2016）", "表 1"]))
    rows = []
    if draw(st.booleans()):
        rows.append([draw(st.sampled_from(["舞阳县环保攻坚任务分解表", "", "填报日期：2016年7月20日"]))])
    if draw(st.integers(0, 3)):
        header = draw(st.permutations(list(VALID)))[: draw(st.integers(2, len(VALID)))]
        rows.append(header)
        for _ in range(draw(st.integers(0, 8))):
            hostile = draw(st.integers(0, 5)) == 0
            rows.append([draw((HOSTILE if hostile and draw(st.booleans()) else VALID)[h]) for h in header])
    else:
        header = draw(st.permutations(HEADERS))[: draw(st.integers(0, len(HEADERS)))]
        rows.append(header)
        for _ in range(draw(st.integers(0, 8))):
            rows.append([draw(cells) for _ in range(max(1, len(header)))])
    for row in rows:
        ws.append(row)
    if len(rows) > 2 and draw(st.integers(0, 4)) == 0:
        ws.merge_cells(start_row=2, start_column=1, end_row=3, end_column=1)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@st.composite
def broken_files(draw):
    good = draw(workbooks())
    how = draw(st.sampled_from(["truncate", "garbage", "empty", "csv", "zip-without-workbook", "flip"]))
    share = st.floats(0, 0.999)  # positions as fractions: the file's length varies with the clock
    if how == "truncate":
        return good[: int(len(good) * draw(share))]
    if how == "garbage":
        return draw(st.binary(max_size=2000))
    if how == "empty":
        return b""
    if how == "csv":
        return "序号,工作任务,牵头单位\n1,扬尘治理,县环保局\n".encode("gbk")
    if how == "flip":
        data = bytearray(good)
        for _ in range(draw(st.integers(1, 20))):
            data[int(len(data) * draw(share))] ^= 0xFF
        return bytes(data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    return buffer.getvalue()


def import_bytes(ledger, data: bytes, folder: Path) -> intake.LedgerImportResult | None:
    path = folder / "导入.xlsx"
    path.write_bytes(data)
    before = counts(ledger)
    try:
        reading = intake.read_table(path, ledger=ledger)
        result = intake.import_ledger(ledger, reading, create_missing=True)
    except LedgerError as exc:
        assert exc.message
        assert counts(ledger) == before, "a refused import changed the ledger"
        event("refused")
        return None
    event(f"imported {'some' if result.created else 'nothing new'}")
    tasks_now = counts(ledger)[0]
    assert tasks_now - before[0] == len(result.created), "the import is not all there"
    return result


@BUDGET
@given(data=workbooks())
def test_random_workbooks_import_completely_or_not_at_all(demo_ledger, tmp_path, data):
    result = import_bytes(demo_ledger, data, tmp_path)
    if result is not None and result.created:
        with demo_ledger.read() as s:
            stored = set(s.scalars(select(Task.title)))
        assert {title for _, title in result.created} <= stored


@BUDGET
@given(data=broken_files())
def test_malformed_files_are_refused_with_a_message(demo_ledger, tmp_path, data):
    import_bytes(demo_ledger, data, tmp_path)


minutes_text = st.lists(st.one_of(
    st.text(max_size=80),
    st.sampled_from(["一、扬尘治理", "（一）县环保局牵头，各乡镇配合，7月底前完成。", "1.", "二、",
                     "县环保局要在10个工作日内完成排查。", "优良天数达到219天以上", "PM2.5", "\u3000\u3000",
                     "吴城镇、北舞渡镇要于2016年8月15日前", "=cmd|' /C calc'!A0", "\ufeff", "\r\n"])),
    max_size=12).map("\n".join)


@BUDGET
@given(text=minutes_text)
@example(text="")
@example(text="县环保局要在10个工作日内完成排查。")
def test_random_minutes_text_saves_completely_or_not_at_all(demo_ledger, text):
    before = counts(demo_ledger)
    try:
        proposal = intake.propose_minutes(demo_ledger, text, issued_on=date(2016, 7, 13))
        result = intake.save_minutes(demo_ledger, proposal, create_missing=True)
    except LedgerError as exc:
        assert exc.message
        assert counts(demo_ledger) == before
        return
    assert counts(demo_ledger)[0] - before[0] == len(result.created)


# -- exports never carry formulas from user text ------------------------------------------------
@BUDGET
@given(title=st.one_of(st.sampled_from(["=1+1", "+1", "-1", "@A1", "=HYPERLINK(\"x\",\"y\")", "\t=1"]),
                       CELL_TEXT.filter(lambda t: t.strip())))
def test_exported_ledger_never_contains_a_formula_from_user_text(demo_ledger, tmp_path, title):
    from openpyxl import load_workbook

    from wuyang_tasks.exports.ledger_xlsx import write_ledger_xlsx
    from wuyang_tasks.services import tasks as task_service
    from wuyang_tasks.services.documents import build_ledger

    try:
        with demo_ledger.write() as s:
            task_service.create_task(s, title=title, content=title, today=demo_ledger.today(),
                                     cal=demo_ledger.calendar())
    except LedgerError:
        return
    with demo_ledger.read() as s:
        doc = build_ledger(s, today=demo_ledger.today(), cal=demo_ledger.calendar())
    target = write_ledger_xlsx(doc, tmp_path / f"台账{datetime.now():%H%M%S%f}.xlsx")
    wb = load_workbook(target)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{cell.coordinate} is a formula: {cell.value!r}"
    with zipfile.ZipFile(target) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in sheets)
    values = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row}
    assert title.strip() in values or title in values
