"""Start the dashboard: `python serve.py [streamlit options]` is `streamlit run asgi.py` (app.py
with the server's own routes: the HttpOnly session cookie, uploads only for accounts that
may import) with Streamlit's legacy pages/ runner switched off.

Streamlit treats a pages/ folder beside the entry script as a version-1 multipage app
until st.navigation first runs in the process, so the first deep link after a restart
(e.g. /xep-hang-khoi from a leader's bookmark) would answer "Page not found" and fall
back to the first page. app.py's st.navigation is the only navigation this app has.

It also starts itself again, once, with glibc's allocator told to give memory back (the
allocator reads these only when a process starts): a freed block of megabytes (an upload,
a query's frame) is returned to the system instead of staying in the heap, and the many
short-lived script threads share two arenas instead of one each. Without it the load test
(`python -m bench load`) saw the server keep tens of MB per round of exports and imports.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from thidua.settings import allocator_missing, child_environment


def main() -> int:
    if missing := allocator_missing():  # the same process, anew, with them
        os.execve(sys.executable, [sys.executable, *sys.argv], child_environment(**missing))
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(Path(__file__).resolve().parent / "asgi.py"), *sys.argv[1:]]
    return int(cli.main() or 0)


if __name__ == "__main__":
    sys.exit(main())
