"""The one write path: the session of a user action, which states every change it makes.

``Ledger.write()`` yields a :class:`Writer`. It is a SQLAlchemy session (services query through
it as through any session) that also owns what every audited write needs: the actor and the
clock of its events, the snapshots before and after a change, the text check of each flush,
the count of ``version`` and the chain append. Services state their changes through it —
:meth:`~Writer.insert` (or :meth:`~Writer.create`), :meth:`~Writer.update`,
:meth:`~Writer.remove`, :meth:`~Writer.event` — and nothing else appends to the audit chain
(``db.audit`` hashes and stores the events this module hands it).

Events are buffered and appended as the action commits (:meth:`Writer.finish`), in the order
they were stated, with one executemany: an action that moves a task twice and files a report
appends its three events in one statement. An action that creates thousands of rows (an
import) runs the same service functions inside :meth:`Writer.batch`: its rows get their ids
from the writer instead of from their INSERT and go in together at the batch's end; those
made with :meth:`~Writer.create` are made without their class's constructor.

``version`` counts actions: a row changed by an action is one version later, however many
times the action changed it (a 交办 that also captures the chiefs, an import that creates a
task and moves it to 办理中: one version). It is the optimistic lock of edits made from a form
(``services.common.check_version``); SQLAlchemy's version check on UPDATE stays on, with the
value set here (``version_id_generator=False`` in the models).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar, cast

from sqlalchemy import Column, Table, event, insert, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from . import audit, bulk, text_guard
from .batch import Batch, shape_of
from .models import Base, LedgerMeta, Timestamped, table_of

M = TypeVar("M", bound=Base)


class Writer(Session):
    """The session of one user action (see the module's docstring)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pending: list[audit.Event] = []
        self._counted: set[tuple] = set()  # identity keys of the rows this action has counted
        self._flushing_new: list[Base] = []
        self._batch: Batch | None = None
        self._at: str | None = None

    # -- the event's moment ------------------------------------------------------------------
    @property
    def at(self) -> str:
        """When this action happens: the session's fixed clock (generated ledgers, tests), else
        the moment it first asked. One user action is one moment: its events and the rows it
        creates carry the same time (an import's 10^5 events, one clock reading)."""
        fixed = self.info.get("now")
        if fixed:
            return fixed
        if self._at is None:
            self._at = audit.now_iso()
        return self._at

    # -- stated changes ----------------------------------------------------------------------
    def insert(self, obj: M, action: str = "create") -> M:
        """Insert ``obj`` (its id known on return) and state it as created."""
        self.insert_all((obj,), action)
        return obj

    def insert_all(self, objs: Sequence[M], action: str = "create") -> list[M]:
        """:meth:`insert` for several rows with one flush: the same events, in the same order."""
        at = self.at
        for obj in objs:
            if isinstance(obj, Timestamped) and obj.created_at is None:
                obj.created_at = at
            self._add_new(obj)
        if self._batch is None:
            self.flush()
            images = [audit.snapshot(obj) for obj in objs]
        else:
            images = [self._batch.image(obj) for obj in objs]
        for obj, image in zip(objs, images):
            self._pending.append((at, obj.__tablename__, _id(obj), action, None, image))
        return list(objs)

    def create(self, model: type[M], action: str = "create", **values) -> M:
        """:meth:`insert` of a new ``model`` row with ``values`` (column → value)."""
        return self.create_all(model, (values,), action)[0]

    def create_all(self, model: type[M], rows: Iterable[dict], action: str = "create") -> list[M]:
        """:meth:`insert_all` of new ``model`` rows, each given as column → value. In a batch
        the objects are made without the mapped class's constructor (``Batch.new_object``: an
        import makes some 5·10^4, and the constructor's instrumented attribute sets were a third
        of its service calls); outside a batch they are ``model(**values)``."""
        if self._batch is None:
            return self.insert_all([model(**values) for values in rows], action)
        return self.insert_all([self._batch.new_object(model, values) for values in rows], action)

    def insert_row(self, table: Table, row: dict, action: str = "create") -> int:
        """:meth:`insert` for a row that nothing reads back as an object: inserted with Core
        (the unit of work's flush of one new object cost more than the rest of a 进展反馈), with
        the same text check and the same event. ``row`` holds every column but the id. Unsaved
        changes are flushed first, so rows go in in the order they were stated. Returns the id."""
        if row.keys() != shape_of(table).keys_but_id:
            raise TypeError(f"{table.name}: insert_row needs every column but the id")
        text_guard.check_row(table, row)
        if self._batch is None:
            self.flush()
            ident = self.connection().execute(insert(table).returning(table.c.id), row).scalar_one()
        else:
            ident = self._batch.queue(self, table, row)
        self._pending.append((self.at, table.name, ident, action, None,
                              audit.snapshot_of_row({"id": ident, **row})))
        return ident

    def update(self, obj: M, action: str = "update", **changes) -> M:
        """Set ``changes`` on ``obj`` and state the columns that really changed (before and
        after); nothing is stated when none did. Written as :meth:`set_columns` writes."""
        if self._batch is None and inspect(obj).pending:  # its id comes with its insert
            self.flush()
        before = audit.snapshot(obj)
        self.set_columns(obj, {key: value for key, value in changes.items()
                               if key not in before or audit.plain(value) != before[key]})
        after = audit.snapshot(obj)
        changed = [k for k, v in after.items() if before[k] != v and k != _VERSION]
        if changed:
            self._pending.append((self.at, obj.__tablename__, _id(obj), action,
                                  {k: before[k] for k in changed}, {k: after[k] for k in changed}))
        return obj

    def set_columns(self, obj: Base, changes: dict) -> None:
        """Set ``changes`` on ``obj`` without stating them (the caller states its own event: a
        workflow move). A stored row with no other unsaved change is written at once with one
        UPDATE — its version counted and checked as the flush would, and the object told its
        new values — since the unit of work's flush of one changed object cost more than a
        workflow move's own work (benchmarks' edits); any other row (a new one, one of a
        batch, one with other changes, or a change of a foreign key, which loaded relationships
        would not see) is changed in place and written at the next flush."""
        if not changes:
            return
        if not _writes_now(self, obj, changes):
            for key, value in changes.items():
                setattr(obj, key, value)
            return
        state = inspect(obj)
        identity = cast(tuple, state.key)  # persistent: it has one
        table = table_of(obj)
        key = shape_of(table).key
        values = dict(changes)
        where = {key: getattr(obj, key)}
        if state.mapper.version_id_col is not None:  # the column ``version`` (db.models)
            current = getattr(obj, _VERSION)
            if identity not in self._counted:
                values[_VERSION] = current + 1
            where[_VERSION] = current
        text_guard.check_row(table, values)
        matched = bulk.update_row(self.connection(), table, where, values)
        if matched != 1:  # as the flush says it (db.failures names who saved first)
            raise StaleDataError(f"UPDATE statement on table '{table.name}' expected to update "
                                 f"1 row(s); {matched} were matched.")
        self._counted.add(identity)
        for column, value in values.items():
            set_committed_value(obj, column, value)

    def remove(self, obj: Base, action: str = "delete") -> None:
        """Delete ``obj`` (a row that is not evidence: an alias, a reading replaced), stating
        its last image."""
        self._pending.append((self.at, obj.__tablename__, _id(obj), action, audit.snapshot(obj), None))
        self.delete(obj)

    def event(self, entity: str, entity_id: int | None, action: str,
              before: dict | None = None, after: dict | None = None) -> None:
        """State a change the service made itself (a workflow move with its note, a row keyed
        by something else than an id): ``before``/``after`` as ``db.row_replay`` replays them."""
        self._pending.append((self.at, entity, entity_id, action, before, after))

    def events(self, events: Iterable[audit.Event]) -> int:
        """Append many events formed by the caller (a seal's row images), at once and before
        anything stated later; returns how many."""
        self._append_pending()
        return audit.record_many(self, events)

    def set_meta(self, key: str, value: str) -> None:
        """Keep ``value`` under ``key`` in ledger_meta (counters, the demo's reference day): the
        first value as the row's whole image, a change as before/after — each with the key, by
        which the row is found (db.row_state)."""
        row = self.get(LedgerMeta, key)
        if row is None:
            self._add_new(LedgerMeta(key=key, value=value))
            self.event("ledger_meta", None, "create", None, {"key": key, "value": value})
        elif row.value != value:
            before = {"key": key, "value": row.value}
            row.value = value
            self.event("ledger_meta", None, "update", before, {"key": key, "value": value})

    def _add_new(self, obj: Base) -> None:
        if self._batch is None:
            self.add(obj)
        else:
            self._batch.hold(self, obj)

    # -- many rows in one action ---------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """State many rows (an import) through the ordinary service functions, written together
        at the end. A new row gets the table's next free id when it is stated and stays out of
        the session (no flush, no unit of work per object: for 10^4 tasks those cost ten times
        the rest); at the end every new row, objects and rows of :meth:`insert_row` alike, goes
        in with executemany, table by table in the order their foreign keys need, after the
        text check a flush makes. Queries do not autoflush meanwhile; what a service looks up
        that the batch has created is answered by :meth:`get`, :meth:`held` and :meth:`taken`.
        Changes to rows that were stored before are flushed as usual. The rows and events are
        those of the same calls outside a batch (tests/imports/test_bulk_import.py compares)."""
        if self._batch is not None:
            raise RuntimeError("a batch is already open")
        self.flush()
        self._batch = Batch()
        try:
            with self.no_autoflush:
                yield
            self._batch.write(self)
        finally:
            self._batch = None

    def get(self, entity, ident, **kwargs):
        """``Session.get``, which also finds what the open batch has created."""
        held = self.held(entity, ident)
        return held if held is not None else super().get(entity, ident, **kwargs)

    def held(self, model: type[M], ident: Any) -> M | None:
        """A row of ``model`` the open batch has created and not yet written, or has looked up
        (:meth:`keep`), by its key."""
        found = None if self._batch is None else self._batch.objects.get((model, ident))
        return cast(M | None, found)

    def keep(self, obj: Base) -> None:
        """Hold a row looked up during the open batch until its end: the session forgets
        unchanged rows nobody refers to, and an import looks up the same few dozen units for
        thousands of tasks."""
        if self._batch is not None:
            self._batch.objects[type(obj), obj.__dict__[shape_of(table_of(obj)).key]] = obj

    def taken(self, column: Column, value: Any) -> bool:
        """Whether a stored row, or one this batch has created, has ``value`` in ``column``."""
        if self._batch is None:
            return self.scalar(select(column).where(column == value).limit(1)) is not None
        return value in self._batch.values(self, column)

    # -- the end of the action ---------------------------------------------------------------
    def finish(self) -> None:
        """Append the stated events and keep the chain's new head. Runs as the action commits;
        a writer on a connection whose owner commits (a migration's seal, a copy) calls it
        itself after its last change."""
        self._append_pending()
        if "audit_head" in self.info:
            audit.store_head(self)

    def _append_pending(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, []
            audit.record_many(self, pending)


_VERSION = "version"


def _writes_now(session: Writer, obj: Base, changes: dict) -> bool:
    """Whether :meth:`Writer.set_columns` writes ``changes`` to ``obj`` at once."""
    state = inspect(obj)
    return (session._batch is None and state.persistent and not state.modified
            and _plain_columns(state.mapper).issuperset(changes))


@cache
def _plain_columns(mapper) -> frozenset[str]:
    """The mapper's column attributes that are not foreign keys, its key or its version."""
    return frozenset(attr.key for attr in mapper.column_attrs
                     if not any(c.foreign_keys or c.primary_key for c in attr.columns)
                     and attr.columns[0] is not mapper.version_id_col)


def _id(obj: Base) -> int | None:
    """The row's integer id; None for a table keyed otherwise (ledger_meta by its key)."""
    return getattr(obj, "id", None)


@event.listens_for(Writer, "before_flush")
def _before_flush(session: Writer, context, instances) -> None:
    text_guard.check_flush(session, context, instances)
    _count_versions(session)


def _count_versions(session: Writer) -> None:
    """One version more for each row this action changes, once (see the module's docstring).
    Rows are told apart by identity key: the session may load a row again as a new object."""
    for obj in session.new:
        if inspect(obj).mapper.version_id_col is not None and obj.version is None:
            obj.version = 1  # created by this action
    session._flushing_new = list(session.new)  # their keys are known after the flush
    counted = session._counted
    for obj in session.dirty:
        state = inspect(obj)
        if state.key in counted or state.mapper.version_id_col is None:
            continue
        if session.is_modified(obj, include_collections=False):
            obj.version += 1
            counted.add(state.key)


@event.listens_for(Writer, "after_flush_postexec")
def _after_flush(session: Writer, _context) -> None:
    session._counted.update(key for obj in session._flushing_new  # created: version 1
                            if (key := inspect(obj).key) is not None)
    session._flushing_new = []


@event.listens_for(Writer, "before_commit")
def _before_commit(session: Writer) -> None:
    session.finish()
