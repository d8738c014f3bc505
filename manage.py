#!/usr/bin/env python
"""Same as the `radadata` command; kept for developers used to manage.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from radadata.cli import main  # noqa: E402

if __name__ == "__main__":
    main()
