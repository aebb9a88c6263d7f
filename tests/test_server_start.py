"""What the server must have done before its first session runs."""

from __future__ import annotations

import subprocess
import sys

from tests.browser import ROOT


def test_pandas_is_whole_before_any_session_draws_a_chart() -> None:
    """plotly reads sys.modules['pandas'] without importing it: a chart drawn on one
    session's thread while another thread is importing pandas meets a half-made module and
    the page fails («partially initialized module 'pandas' has no attribute 'Series'», seen
    by three viewers in the load test). The server module imports it first."""
    script = (
        "import sys\n"
        "assert 'pandas' not in sys.modules\n"
        "import asgi\n"
        "pandas = sys.modules.get('pandas')\n"
        "print(pandas is not None and hasattr(pandas, 'Series') and hasattr(pandas, 'Index'))\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert shown.stdout.strip() == "True", shown.stderr[-2000:]
