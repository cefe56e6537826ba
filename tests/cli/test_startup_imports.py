"""Start-up cost: every program start (the window's too) builds the command-line parser, so
neither it nor the command modules may load openpyxl/reportlab (≈0.3–0.6 s); those load when a
document is read or written."""

import json
import subprocess
import sys

HEAVY = ["openpyxl", "reportlab", "PySide6", "wuyang_tasks.services.intake", "wuyang_tasks.imports.minutes"]


def _loaded_after(code: str) -> dict:
    probe = code + f"\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {HEAVY!r}}}))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_full_parser_loads_no_document_library():
    loaded = _loaded_after("from wuyang_tasks.cli.main import build_parser\nbuild_parser()")
    assert loaded == dict.fromkeys(HEAVY, False)


def test_the_window_path_loads_no_command_module():
    code = ("import sys\nfrom wuyang_tasks.cli.main import build_parser\n"
            "args, rest = build_parser(commands=False).parse_known_args(['--db', 'x.db', '-style=fusion'])\n"
            "assert args.command is None and args.db == 'x.db' and rest == ['-style=fusion']\n"
            "assert not any(m.startswith('wuyang_tasks.cli.') and m.rsplit('.', 1)[1] in "
            "('core', 'export', 'imports', 'supervision', 'metrics') for m in sys.modules)")
    assert not any(_loaded_after(code).values())


def test_version_runs_without_them():
    code = ("import runpy, sys\nsys.argv = ['wuyang-tasks', '--version']\n"
            "try:\n    runpy.run_module('wuyang_tasks', run_name='__main__')\nexcept SystemExit:\n    pass")
    assert not any(_loaded_after(code).values())


def test_version_is_read_from_the_package_not_its_installed_metadata():
    """``--version`` printed the number importlib.metadata found (≈ 18 ms of a start that takes
    40, and an editable installation's number from when it was installed)."""
    from wuyang_tasks import __version__

    code = ("import runpy, sys\nsys.argv = ['wuyang-tasks', '--version']\n"
            "try:\n    runpy.run_module('wuyang_tasks', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print('importlib.metadata' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    printed, loaded = out.stdout.strip().splitlines()
    assert printed == f"舞阳县任务督办 {__version__}"
    assert loaded == "False"


def test_the_window_start_loads_no_compression_library():
    """zstandard (≈ 0.4 MB of every window's peak) is for writing and reading a compressed
    backup; the ledger stack the window imports before its first paint must not load it."""
    code = "import sys\nimport wuyang_tasks.ui.app\nprint('zstandard' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
