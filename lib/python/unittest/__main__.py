"""`python -m unittest [options] [tests]`: runs unittest.main() with discovery."""

import sys
if sys.argv[0].endswith("__main__.py") or sys.argv[0] == "frozen":
    import os.path
    # The help names the command that was run: "<executable> -m unittest".
    executable = os.path.basename(sys.executable)
    sys.argv[0] = executable + " -m unittest"
    del os

__unittest = True

from .main import main

main(module=None)
