"""Entry script for the frozen build (PyInstaller): the same entry point as `wuyang-tasks`."""

import sys

from wuyang_tasks.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
