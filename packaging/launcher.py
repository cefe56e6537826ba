"""Entry script for the frozen build (PyInstaller): the same entry point as `wuyang-tasks`."""

import multiprocessing
import sys

from wuyang_tasks.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
