"""舞阳县任务督办 — the county supervision office's task ledger."""

import os

# The one place the version is written. pyproject.toml reads it from here ([tool.setuptools.
# dynamic], parsed without importing), and so does build_installer.spec: a wheel's metadata, an
# editable installation and the bundle carry the same number. Asking importlib.metadata at run
# time instead cost every start ≈ 18 ms — most of what `wuyang-tasks --version` did — and an
# editable installation reported the number it was installed with, not the one in the source.
__version__ = "0.1.0"

# openpyxl writes through lxml whenever lxml is installed (python-docx brings it). Through lxml a
# full disk or a file-size limit raises lxml's SerialisationError instead of OSError (so the
# clerk got a traceback instead of fileio's Chinese message) and exports.xlsx_rows cannot stream
# its rows: keep openpyxl on its own writer, the path the program is tested on. It is read when
# openpyxl is first imported, which is after this package's import in every entry point.
os.environ["OPENPYXL_LXML"] = "False"

APP_NAME = "wuyang-tasks"
APP_TITLE = "舞阳县任务督办"
