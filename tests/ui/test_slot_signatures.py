"""Slots take what their signal sends.

PySide6 passes a signal's arguments to every positional parameter a slot can take, defaults
included: ``action.triggered.connect(self.export)`` with ``def export(self, target=None)`` calls
``export(False)`` — the clerk's 导出 Excel once failed so. The rule checked here over every
``connect`` in ``wuyang_tasks/ui``: a slot's parameters with defaults come only after the ones
that receive the signal's arguments: the first parameter has no default, or is named ``_…`` or
``checked`` (``lambda _=False, a=action: …``). A slot for our own use with an optional argument is split in two (``export``
asks for the path, ``export_to(path)`` exports).
"""

from __future__ import annotations

import ast
from pathlib import Path

import wuyang_tasks.ui

UI = Path(wuyang_tasks.ui.__file__).parent


def _receives_signal(name: str) -> bool:
    return name.startswith("_") or name == "checked"


def _bad_defaults(args: ast.arguments, skip_self: bool) -> list[str]:
    """The first parameter, when a signal's argument would land in its default."""
    params = (args.posonlyargs + args.args)[1 if skip_self else 0:]
    if not params or len(args.defaults) < len(params) or _receives_signal(params[0].arg):
        return []
    return [params[0].arg]


def _violations(path: Path, root: Path = UI.parent) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    methods: dict[str, list[ast.FunctionDef]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            methods.setdefault(node.name, []).append(node)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect" and node.args):
            continue
        slot = node.args[0]
        where = f"{path.relative_to(root)}:{node.lineno} {ast.unparse(node.func.value)}"
        if isinstance(slot, ast.Lambda):
            bad = _bad_defaults(slot.args, skip_self=False)
        elif isinstance(slot, ast.Attribute) and isinstance(slot.value, ast.Name) \
                and slot.value.id == "self":
            bad = [b for d in methods.get(slot.attr, []) for b in _bad_defaults(d.args, True)]
        else:
            continue
        if bad:
            found.append(f"{where} → {ast.unparse(slot)[:60]}: {', '.join(bad)}")
    return found


def test_no_slot_has_a_default_a_signal_argument_could_overwrite():
    found = [v for path in sorted(UI.rglob("*.py")) for v in _violations(path)]
    assert found == []


def test_the_rule_sees_the_export_bug(tmp_path):
    bad = tmp_path / "page.py"
    bad.write_text("class P:\n"
                   "    def build(self):\n"
                   "        self.action_export.triggered.connect(self.export)\n"
                   "        self.a.triggered.connect(lambda c=criteria: self.use(c))\n"
                   "        self.b.triggered.connect(lambda _=False, c=criteria: self.use(c))\n"
                   "    def export(self, target=None):\n"
                   "        pass\n", encoding="utf-8")
    found = [v.split("→")[1] for v in _violations(bad, tmp_path)]
    assert found == [" self.export: target", " lambda c=criteria: self.use(c): c"]
