"""The package's layers (docs/DESIGN.md "Architecture", issue 15): domain ← db ← services ←
exports/imports ← ui/cli, each importing only the layers under it; only wuyang_tasks/ui/
imports PySide6; domain/ is plain Python."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "wuyang_tasks"

# Each part of the package and its layer: a part imports only parts of lower layers (and itself).
# fileio (atomic writes), paths (where the program keeps its files) and collector (the garbage
# collector's switch) are plain helpers under db.
LAYER = {"domain": 0, "fileio": 1, "paths": 1, "collector": 1, "db": 2, "services": 3, "exports": 4, "imports": 4,
         "ui": 5, "cli": 5, "__main__": 6}
# Arrows within one layer: the command line is the program's entry, it starts the window
# (cli/main.py) and runs it over every page (cli/smoke.py).
SIDEWAYS = {("cli", "ui")}
# Known back-arrows, (importing file, imported module), each with its reason; to be removed,
# never added to. services/intake.py reads files through imports/ (the ledger table, the
# minutes) and takes its plan types (LedgerPlan, PlannedTask, DraftTask …): making imports/ hand
# finished plans to services means moving those types to services/ and the reading to the
# callers, as the returned feedback forms (services.returned_forms, imports.feedback_form
# .read_forms) and the readings (services.readings_import) were.
KNOWN_BACK_ARROWS = {
    ("services/intake.py", "wuyang_tasks.imports.ledger_plan"),
    ("services/intake.py", "wuyang_tasks.imports.ledger_table"),
    ("services/intake.py", "wuyang_tasks.imports.minutes"),
    ("services/intake.py", "wuyang_tasks.imports.resolve"),
}


def _imports(path: Path, package: Path = PACKAGE):
    """The modules ``path`` imports, anywhere in it (also in functions and TYPE_CHECKING
    blocks), relative imports made absolute."""
    rel = path.relative_to(package.parent)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(rel.parts[:len(rel.parts) - node.level])
                if node.module:
                    yield f"{base}.{node.module}"
                else:
                    yield from (f"{base}.{alias.name}" for alias in node.names)
            elif node.module:
                yield node.module


def _part(rel: Path) -> str:
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def back_arrows(package: Path = PACKAGE) -> set[tuple[str, str]]:
    """Every (file, module) where a part of ``package`` imports a part of a higher layer, or
    one of its own layer not allowed in SIDEWAYS."""
    found = set()
    for path in package.rglob("*.py"):
        rel = path.relative_to(package)
        source = _part(rel)
        for name in _imports(path, package):
            parts = name.split(".")
            if parts[0] != package.name or len(parts) < 2 or parts[1] == source:
                continue
            target = parts[1]
            if target == "__init__" or target not in LAYER:  # the package's own APP_NAME …
                continue
            if LAYER[target] > LAYER[source] or (
                    LAYER[target] == LAYER[source] and (source, target) not in SIDEWAYS):
                found.add((rel.as_posix(), name))
    return found


def test_every_part_has_a_layer():
    parts = {_part(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")} - {"__init__"}
    assert parts <= set(LAYER), parts - set(LAYER)


def test_no_new_back_arrow():
    assert back_arrows() - KNOWN_BACK_ARROWS == set()


def test_known_back_arrows_still_exist():
    """One removed is taken off the list, so that it cannot come back unnoticed."""
    assert KNOWN_BACK_ARROWS - back_arrows() == set()


def test_the_layer_check_sees_a_back_arrow(tmp_path):
    package = tmp_path / "wuyang_tasks"
    for part in ("domain", "services", "ui", "cli"):
        (package / part).mkdir(parents=True)
    (package / "domain" / "rules.py").write_text("from wuyang_tasks.services import tasks\n", encoding="utf-8")
    (package / "services" / "tasks.py").write_text("from ..ui import page\nfrom ..domain import rules\n",
                                                   encoding="utf-8")
    (package / "ui" / "page.py").write_text("from wuyang_tasks.cli import main\n", encoding="utf-8")
    (package / "cli" / "main.py").write_text("from wuyang_tasks.ui import page\n", encoding="utf-8")
    assert back_arrows(package) == {("domain/rules.py", "wuyang_tasks.services"),
                                    ("services/tasks.py", "wuyang_tasks.ui"),
                                    ("ui/page.py", "wuyang_tasks.cli")}


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
    assert "PySide6.QtWidgets" in set(_imports(bad, tmp_path))
