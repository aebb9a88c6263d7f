"""A real province's server (`make serve`: sign-in required, no warehouse yet) builds
nothing for its first visitor: the demo province is made only by `make run` / `etl demo`
(issue 20: an anonymous first visit imported the demo into the real warehouse)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import APP
from thidua import settings


def test_the_first_anonymous_visit_builds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "data" / "warehouse.duckdb"
    monkeypatch.setattr(settings, "DEFAULT_DB", default)
    monkeypatch.delenv(settings.DB.name, raising=False)
    monkeypatch.setenv(settings.ACCESS_DB.name, str(tmp_path / "access.sqlite"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Đăng nhập"]
    assert not default.exists() and not settings.snapshot_path(default).exists()
    assert not (tmp_path / "data" / "demo").exists()
