"""舞阳县任务督办 — the county supervision office's task ledger."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wuyang-tasks")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "wuyang-tasks"
APP_TITLE = "舞阳县任务督办"
