"""The schema is declared once, in db.tables; the mapped classes are mapped onto those tables and
their ``Mapped[...]`` annotations (for the type checker only) must say what the columns are."""

import types
import typing

from sqlalchemy.orm import Mapped

from wuyang_tasks.db import models, tables


def _columns_typed(cls) -> dict[str, tuple[type, bool]]:
    """Attribute → (Python type, optional) of the class's Mapped annotations that are not
    relationships."""
    relationships = set(cls.__mapper__.relationships.keys())
    out = {}
    for name, hint in typing.get_type_hints(cls, vars(models)).items():
        if typing.get_origin(hint) is not Mapped or name in relationships:
            continue
        (inner,) = typing.get_args(hint)
        args = typing.get_args(inner) if isinstance(inner, types.UnionType) else (inner,)
        optional = type(None) in args
        (python_type,) = [a for a in args if a is not type(None)]
        out[name] = (python_type, optional)
    return out


def test_every_table_is_mapped_once_and_every_mapped_table_is_declared_there():
    mapped = [m.local_table for m in models.Base.registry.mappers]
    assert models.Base.metadata is tables.metadata
    assert sorted(t.name for t in mapped) == sorted(tables.metadata.tables)
    assert all(tables.metadata.tables[t.name] is t for t in mapped)


def test_the_annotations_say_what_each_column_is():
    for mapper in models.Base.registry.mappers:
        table = mapper.local_table
        typed = _columns_typed(mapper.class_)
        assert sorted(typed) == sorted(c.key for c in table.columns), table.name
        for column in table.columns:
            python_type, optional = typed[column.key]
            assert optional == (column.nullable and not column.primary_key), (table.name, column.key)
            assert issubclass(python_type, column.type.python_type), (table.name, column.key)


def test_rows_clerks_edit_are_locked_by_their_version_column():
    versioned = {m.local_table.name: m.version_id_col for m in models.Base.registry.mappers
                 if m.version_id_col is not None}
    assert versioned == {t.name: t.c.version for t in tables.metadata.sorted_tables
                         if "version" in t.c and t.name != "assessment_rules"}


def test_the_tables_module_needs_no_orm():
    import subprocess
    import sys

    code = "import sys\nimport wuyang_tasks.db.tables\nprint('sqlalchemy.orm' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
