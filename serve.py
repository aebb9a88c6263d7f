"""Start the dashboard: `python serve.py [streamlit options]` is `streamlit run asgi.py` (app.py
with the server's own routes: the HttpOnly session cookie, uploads only for accounts that
may import) with Streamlit's legacy pages/ runner switched off.

Streamlit treats a pages/ folder beside the entry script as a version-1 multipage app
until st.navigation first runs in the process, so the first deep link after a restart
(e.g. /xep-hang-khoi from a leader's bookmark) would answer "Page not found" and fall
back to the first page. app.py's st.navigation is the only navigation this app has.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

if __name__ == "__main__":
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(Path(__file__).resolve().parent / "asgi.py"), *sys.argv[1:]]
    sys.exit(cli.main())
