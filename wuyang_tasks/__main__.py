import sys

from wuyang_tasks.cli.main import main

sys.exit(main())
