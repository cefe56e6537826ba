"""Resolve unit and person names against the ledger.

Order: exact name, short name or alias (UnitAlias, editable); then the normalised key
(county prefix stripped, 环境保护局 ↔ 环保局 …, see :mod:`.names`); then the stem (环保 ↔ 环保局),
each only when it points at exactly one unit. Two candidates are an ambiguity, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import Person, Unit, UnitAlias
from wuyang_tasks.domain.enums import UnitKind

from .names import is_all_townships, is_other_collective, person_key, strip_title, unit_key, unit_stem

_COUNTY = re.compile(r"([\u4e00-\u9fff]{1,4}县)(?:委|人民政府|人大|政协|委员会)")


@dataclass(frozen=True)
class UnitMatch:
    written: str
    unit_id: int | None = None
    unit_name: str | None = None
    how: str = ""  # exact, alias, normalised, stem
    candidates: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        return self.unit_id is not None


@dataclass
class NameResolver:
    """An index of one ledger's units and people, built once per import."""

    session: Session
    _exact: dict[str, int] = field(default_factory=dict, init=False)
    _by_key: dict[str, set[int]] = field(default_factory=dict, init=False)
    _by_stem: dict[str, set[int]] = field(default_factory=dict, init=False)
    _names: dict[int, str] = field(default_factory=dict, init=False)
    _townships: list[int] = field(default_factory=list, init=False)
    _people: dict[str, int] = field(default_factory=dict, init=False)
    prefixes: tuple[str, ...] = field(default=(), init=False)

    def __post_init__(self) -> None:
        units = list(self.session.scalars(select(Unit).order_by(Unit.sort_order, Unit.id)))
        prefixes = {m.group(1) for u in units if u.kind is UnitKind.LEADERSHIP
                    for m in [_COUNTY.search(u.name)] if m}
        self.prefixes = tuple(sorted(prefixes))
        aliases: dict[int, list[str]] = {}
        for alias in self.session.scalars(select(UnitAlias)):
            aliases.setdefault(alias.unit_id, []).append(alias.alias)
        for unit in units:
            self.add_unit(unit.id, unit.name, unit.short_name, aliases.get(unit.id, ()),
                          township=unit.kind is UnitKind.TOWNSHIP and unit.active)
        for person in self.session.scalars(select(Person).order_by(Person.active.desc(), Person.id)):
            self._people.setdefault(person.name, person.id)

    def add_unit(self, unit_id: int, name: str, short_name: str | None = None,
                 aliases=(), *, township: bool = False) -> None:
        self._names[unit_id] = name
        for written in (name, short_name, *aliases):
            if not written:
                continue
            self._exact.setdefault(written, unit_id)
            key = unit_key(written, self.prefixes)
            self._by_key.setdefault(key, set()).add(unit_id)
            self._by_stem.setdefault(unit_stem(key), set()).add(unit_id)
        if township:
            self._townships.append(unit_id)

    def unit(self, written: str) -> UnitMatch:
        written = written.strip()
        if written in self._exact:
            uid = self._exact[written]
            return UnitMatch(written, uid, self._names[uid], "exact")
        key = unit_key(written, self.prefixes)
        for how, ids in (("normalised", self._by_key.get(key, set())),
                         ("stem", self._by_stem.get(unit_stem(key), set()))):
            if len(ids) == 1:
                uid = next(iter(ids))
                return UnitMatch(written, uid, self._names[uid], how)
            if len(ids) > 1:
                return UnitMatch(written, candidates=tuple(sorted(self._names[i] for i in ids)))
        return UnitMatch(written)

    def townships(self) -> list[int]:
        """Every active township, in official order (what 各乡镇 stands for)."""
        return list(self._townships)

    def unit_name(self, unit_id: int) -> str:
        return self._names[unit_id]

    def person(self, written: str) -> int | None:
        for candidate in (written.strip(), person_key(written), strip_title(written)):
            if candidate in self._people:
                return self._people[candidate]
        return None

    def add_person(self, person_id: int, name: str) -> None:
        self._people.setdefault(name, person_id)

    @staticmethod
    def is_all_townships(written: str) -> bool:
        return is_all_townships(written)

    @staticmethod
    def is_other_collective(written: str) -> bool:
        return is_other_collective(written)
