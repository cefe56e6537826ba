"""舞阳县任务督办 — the county supervision office's task ledger."""

import os
from importlib.metadata import PackageNotFoundError, version

# openpyxl writes through lxml whenever lxml is installed (python-docx brings it). Through lxml a
# full disk or a file-size limit raises lxml's SerialisationError instead of OSError (so the
# clerk got a traceback instead of fileio's Chinese message) and exports.xlsx_rows cannot stream
# its rows: keep openpyxl on its own writer, the path the program is tested on. It is read when
# openpyxl is first imported, which is after this package's import in every entry point.
os.environ["OPENPYXL_LXML"] = "False"

try:
    __version__ = version("wuyang-tasks")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "wuyang-tasks"
APP_TITLE = "舞阳县任务督办"
