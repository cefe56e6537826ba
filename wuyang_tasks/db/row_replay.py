"""Every row of the ledger against the replay of its audit events.

Since revision 0006 verify compares each row's digest with the one its last event records
(services.evidence_rows); this replay is what stands behind a digest that differs — it names
the column and the event — and what migration 0006 checks a ledger of the older form by,
before sealing it. It works over every mapped table (``Base.metadata``), with no code per
table, by these rules:

* An event belongs to the row of its table (``entity``) whose key is the primary key found in
  the event's image (``after``, or ``before`` of a deletion), else ``entity_id`` — a table keyed
  by something other than an integer ``id`` (calendar_override by day, ledger_meta by key)
  writes its key into every image.
* ``before`` None: the event writes the whole row (create, carry-over, a counter's first value);
  ``after`` None: the row is deleted; both: the columns in ``after`` change. Keys of an image
  that are not columns of the table are remarks of the event (a move's ``move_note``), not
  replayed.
* Replay starts after the last seal (:data:`SEAL`), which wrote every row as it was then.
* Rows that are file contents (:data:`CHECKED_ELSEWHERE`) are checked by their hash instead.
* Bookkeeping columns are not replayed: a mapper's ``version_id_col`` (it counts flushes, not
  facts), and ledger_meta's chain head (checked by the chain itself).

So each row must equal its replay, every row must have been written by an event, and every
replayed row must still exist.
"""

from __future__ import annotations

import json
import json.scanner
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, Table, func, select
from sqlalchemy.orm import Session

from .audit import HEAD_KEY, VerifyResult
from .models import AuditEvent, Base
from .row_state import bookkeeping
from .seal import SEAL_ACTION, SEAL_ENTITY

SEAL = (SEAL_ENTITY, SEAL_ACTION)
"""(entity, action) of the event that seals the chain (migration 0005, db.seal): it vouches
for every row as it stood, so the replay starts after it."""

LABELS = {
    "accountability_record": "问责记录", "accountability_task": "问责记录所涉任务",
    "urging": "催办记录", "extension": "延期申请", "inspection": "督导检查记录",
    "inspection_inspector": "检查人", "inspection_item_result": "逐项检查结果",
    "finding": "检查发现问题", "checklist_item": "检查清单项目", "progress_report": "进展反馈",
    "task": "任务", "responsibility": "责任分工", "tenure": "任职记录", "post": "职务",
    "person": "人员", "unit": "单位", "unit_alias": "单位别名", "liaison": "分包联系",
    "source": "任务来源", "metric": "目标指标", "metric_reading": "指标读数",
    "metric_unit": "指标责任单位", "calendar_override": "工作日历补录",
    "checklist_template": "检查清单模板", "ledger_meta": "台账登记项",
    "assessment_rules": "考核计分办法版本", "assessment_adjustment": "考核加减分记录",
    "attachment": "佐证材料", "blob": "佐证材料文件",
}
"""How a table is named to the user; a table not listed is named by its own name."""

CHECKED_ELSEWHERE = {"blob_chunk": "services.attachment_check: a blob's SHA-256 over its chunks"}
"""Tables whose rows are not images in events but bytes that another check verifies."""

MAX_PROBLEMS = 10
_EVENTS = AuditEvent.__table__


@dataclass(frozen=True)
class _Shape:
    """What the replay needs to know of one table."""

    table: Table
    key: tuple[str, ...]  # primary-key columns
    columns: tuple[str, ...]  # the replayed columns, in table order
    booleans: frozenset[str]
    floats: frozenset[str]
    dates: frozenset[str]
    skipped_rows: frozenset  # keys of rows the chain itself checks

    @property
    def by_id(self) -> bool:
        """Keyed by an integer id: an event's row is its entity_id."""
        return self.key == ("id",)

    @property
    def label(self) -> str:
        return LABELS.get(self.table.name, self.table.name)


def shapes() -> dict[str, _Shape]:
    out = {}
    for table in Base.metadata.sorted_tables:
        if table.name == "audit_event" or table.name in CHECKED_ELSEWHERE:
            continue
        skip = bookkeeping(table)
        columns = tuple(c.key for c in table.columns if c.key not in skip)
        out[table.name] = _Shape(
            table, tuple(c.key for c in table.primary_key.columns), columns,
            frozenset(c.key for c in table.columns if isinstance(c.type, Boolean)),
            frozenset(c.key for c in table.columns if isinstance(c.type, Float)),
            frozenset(c.key for c in table.columns if isinstance(c.type, Date)),
            frozenset({(HEAD_KEY,)}) if table.name == "ledger_meta" else frozenset())
    return out


def _event_key(shape: _Shape, entity_id, image: dict | None):
    if image and all(k in image for k in shape.key):
        return tuple(image[k] for k in shape.key)
    return (entity_id,)


def _normal(value, *, boolean: bool = False, real: bool = False):
    """A stored value as an image holds it (dates as ISO text, booleans as true/false)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if boolean and type(value) is int and value in (0, 1):
        return bool(value)
    if real and type(value) is int:
        return float(value)
    return value


def _same(stored, recorded, shape: _Shape, column: str) -> bool:
    real = column in shape.floats
    a = _normal(stored, boolean=column in shape.booleans, real=real)
    b = float(recorded) if real and type(recorded) is int else recorded
    return a == b and type(a) is type(b)


def last_seal(connection) -> int:
    """The seq of the last seal (0 if none): replay and row digests start after it."""
    return connection.scalar(select(func.max(_EVENTS.c.seq)).where(
        _EVENTS.c.entity == SEAL[0], _EVENTS.c.action == SEAL[1])) or 0


def replay_check(session: Session) -> VerifyResult:
    """Every row of every table against its replayed events (a ledger of the form before 0006)."""
    tables = shapes()
    connection = session.connection()
    replayed = _replay(connection, tables, last_seal(connection))
    problems: list[str] = []
    checked = 0
    for name, shape in tables.items():
        checked += _check_table(connection, shape, replayed[name], problems)
        if len(problems) >= MAX_PROBLEMS:
            break
    return outcome(problems, checked)


def outcome(problems: list[str], checked: int) -> VerifyResult:
    if problems:
        return VerifyResult(False, 0, "台账记录与审计记录不符：" + "；".join(problems[:MAX_PROBLEMS])
                            + "。这些记录未经本程序被直接改动过。")
    return VerifyResult(True, checked, f"{checked} 条台账记录与审计记录逐条一致。")


def name_rows(connection, table_name: str, keys: list, problems: list[str]) -> None:
    """Say how each row of ``keys`` (the keys as db.row_state gives them) differs from the
    replay of its events: the rare path, after its digest did not match its last event's."""
    shape = shapes()[table_name]
    start = last_seal(connection)
    where = (f" AND entity_id IN ({', '.join(str(int(k)) for k in keys)})" if shape.by_id else "")
    replayed = _replay(connection, {table_name: shape}, start, where)[table_name]
    names = shape.key + tuple(c for c in shape.columns if c not in shape.key)
    for key in keys:
        before = len(problems)
        values = _stored_row(connection, shape, names, key)
        state = replayed.get((key,))
        if values is None:
            seq = state[1] if state else "?"
            problems.append(f"{shape.label}（{shape.table.name} {_show_key(shape, (key,))}）"
                            f"在审计记录第 {seq} 条中存在，但已从台账中删除")
        else:
            _name_difference(connection, shape, names, (key,), values, state, problems)
        if len(problems) == before:  # the images agree, the digest does not: a column the
            problems.append(f"{shape.label}（{shape.table.name} {_show_key(shape, (key,))}）"
                            "与其最近一条审计记录所记的状态不符")  # replay does not hold
        if len(problems) >= MAX_PROBLEMS:
            return


def _stored_row(connection, shape: _Shape, names, key) -> tuple | None:
    """The row's values as the driver gives them (days as ISO text), or None if absent."""
    quote = connection.dialect.identifier_preparer.quote
    column = quote(shape.key[0]) if shape.by_id else f"CAST({quote(shape.key[0])} AS TEXT)"
    mark = "?" if connection.dialect.name == "sqlite" else "%s"
    row = connection.exec_driver_sql(
        f"SELECT {', '.join(quote(c) for c in names)} FROM {quote(shape.table.name)} "
        f"WHERE {column} = {mark}", (key,)).first()
    return None if row is None else tuple(_normal(v) if isinstance(v, date) else v for v in row)


def _replay(connection, tables: dict[str, _Shape], start: int,
            where: str = "") -> dict[str, dict[tuple, list]]:
    """Each row of ``tables`` as the events after seq ``start`` (and ``where``) leave it: key →
    [image, the seq of its last event]."""
    replayed: dict[str, dict[tuple, list]] = {name: {} for name in tables}
    if not tables:
        return replayed
    by_id = {name for name, shape in tables.items() if shape.by_id}
    entities = ", ".join("'" + name.replace("'", "''") + "'" for name in tables)
    for seq, entity, entity_id, before, after in _raw_rows(connection, (
            "SELECT seq, entity, entity_id, before, after FROM audit_event "
            f"WHERE seq > {int(start)} AND entity IN ({entities}){where} ORDER BY seq")):
        rows = replayed[entity]
        if after is None:
            if before is not None:
                rows.pop(_event_key(tables[entity], entity_id, _image(before)), None)
            continue
        image = _image(after)
        key = (entity_id,) if entity in by_id else _event_key(tables[entity], entity_id, image)
        state = rows.get(key) if before is not None else None
        if state is None:  # a whole row (or a change of a row never created: named below)
            rows[key] = [image, seq]
        else:
            state[0].update(image)
            state[1] = seq
    return replayed


def _image(text: str):
    """``json.loads(text)`` for an image as the program writes it (canonical JSON, nothing
    around it): the decoder's C scanner called directly, without json.loads' Python layers
    and its two whitespace searches, which took half of the time of parsing 10^5 images.
    Anything else (text around the value, none at all, bytes) goes through json.loads."""
    try:
        value, end = _SCAN(text, 0)
    except (StopIteration, TypeError):  # not a JSON value at its start; bytes
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


# typeshed types the scanner's argument as the scanner class; it takes the decoder
_SCAN = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]
_BATCH = 5_000


def _raw_rows(connection, sql: str):
    """The driver's own tuples of ``sql``, in batches (SQLite: its cursor, without SQLAlchemy's
    result objects; they cost more than the comparison)."""
    if connection.dialect.name == "sqlite":
        cursor = connection.connection.dbapi_connection.cursor()
        try:
            cursor.arraysize = _BATCH
            cursor.execute(sql)
            while batch := cursor.fetchmany():
                yield from batch
        finally:
            cursor.close()
        return
    result = connection.exec_driver_sql(sql).yield_per(_BATCH)
    try:
        yield from result
    finally:
        result.close()


def _check_table(connection, shape: _Shape, replayed: dict, problems: list[str]) -> int:
    """Each row against its replay: equal as Python compares them (SQLite's 0/1 equals false/true,
    ISO text is how both keep a day), else column by column with the types as well."""
    quote = connection.dialect.identifier_preparer.quote
    names = shape.key + tuple(c for c in shape.columns if c not in shape.key)
    order = ", ".join(quote(k) for k in shape.key)
    width = len(shape.key)
    days = [i for i, c in enumerate(names) if c in shape.dates] \
        if connection.dialect.name != "sqlite" else []  # PostgreSQL gives date objects
    checked = 0
    pop, skipped = replayed.pop, shape.skipped_rows
    for values in _raw_rows(connection, f"SELECT {', '.join(quote(c) for c in names)} "
                                        f"FROM {quote(shape.table.name)} ORDER BY {order}"):
        if days:
            values = list(values)
            for i in days:
                if values[i] is not None:
                    values[i] = _normal(values[i])
            values = tuple(values)
        key = values[:width]
        if key in skipped:
            continue
        checked += 1
        state = pop(key, None)
        if state is not None and values == tuple(map(state[0].get, names)):
            continue
        _name_difference(connection, shape, names, key, values, state, problems)
        if len(problems) >= MAX_PROBLEMS:
            return checked
    for key, (_, seq) in replayed.items():
        problems.append(f"{shape.label}（{shape.table.name} {_show_key(shape, key)}）"
                        f"在审计记录第 {seq} 条中存在，但已从台账中删除")
        if len(problems) >= MAX_PROBLEMS:
            break
    return checked


def _name_difference(connection, shape: _Shape, names, key, values, state, problems) -> None:
    where = f"{shape.label}（{shape.table.name} {_show_key(shape, key)}）"
    if state is None:
        problems.append(f"{where}没有写入它的审计记录：不是通过本程序写入的")
        return
    image, seq = state
    for column, value in zip(names, values, strict=True):
        if column not in image:
            if value is not None:
                problems.append(f"{where}的“{column}”没有审计记录（最近一条为第 {seq} 条）")
        elif not _same(value, image[column], shape, column):
            problems.append(f"{where}的“{column}”与审计记录第 "
                            f"{_last_setting(connection, shape, key, column, seq)} 条不符"
                            f"（审计记录为 {image[column]!r}，现为 {_normal(value)!r}）")


def _show_key(shape: _Shape, key: tuple) -> str:
    return "，".join(f"{k}={v}" for k, v in zip(shape.key, key, strict=True))


def _last_setting(connection, shape: _Shape, key: tuple, column: str, last: int) -> int:
    """The seq of the last event that set ``column`` of the row (for the message only)."""
    entity_id = key[0] if len(key) == 1 and isinstance(key[0], int) else None
    query = select(_EVENTS.c.seq, _EVENTS.c.after).where(
        _EVENTS.c.entity == shape.table.name, _EVENTS.c.seq <= last).order_by(_EVENTS.c.seq.desc())
    if entity_id is not None:
        query = query.where(_EVENTS.c.entity_id == entity_id)
    for seq, after in connection.execute(query):
        image = json.loads(after) if after else None
        if image is not None and _event_key(shape, entity_id, image) == key and column in image:
            return seq
    return last
