"""Only wuyang_tasks/ui/ may import PySide6 (DESIGN.md "Architecture")."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "wuyang_tasks"


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_no_pyside6_outside_ui():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui":
            continue
        if any(name.split(".")[0] == "PySide6" for name in _imports(path)):
            offenders.append(str(rel))
    assert offenders == []


def test_domain_is_plain_python():
    for path in (PACKAGE / "domain").rglob("*.py"):
        roots = {name.split(".")[0] for name in _imports(path)}
        assert not roots & {"sqlalchemy", "PySide6", "openpyxl", "reportlab"}, path


def test_the_check_sees_a_violation(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    assert "PySide6.QtWidgets" in set(_imports(bad))
