"""The lake's foundation (issue 22): DuckDB is the version DuckLake is published for, its
extensions load from their PyPI packages (never downloaded), the `ducklake:` setting is read
or refused with the reason, and a lake on a SQLite or a PostgreSQL catalog keeps what one
process commits for another to read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from deploy import postgres_local
from thidua import lake
from thidua.lake import Lake, LakeUnavailable, lake_of

ROOT = Path(__file__).resolve().parent.parent


def test_duckdb_is_the_version_the_lake_extensions_are_built_for() -> None:
    assert duckdb.__version__ == "1.5.5"
    for name in lake.PACKAGES:
        found = lake.extension_file(name)
        assert found.name == f"{name}.duckdb_extension"
        assert found.parent.name == "v1.5.5" and found.stat().st_size > 100_000


def test_a_missing_extension_says_which_package_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(lake.PACKAGES, "httpfs", "duckdb_extension_not_installed")
    with pytest.raises(LakeUnavailable) as refused:
        lake.extension_file("httpfs")
    assert str(refused.value) == (
        "Thiếu phần mở rộng httpfs của DuckDB 1.5.5: cài gói "
        "duckdb-extension-not-installed==1.5.5 (có trong requirements.lock)."
    )


def test_the_setting_names_a_file_or_a_lake() -> None:
    assert not lake.is_lake("data/warehouse.duckdb")
    assert lake.is_lake("ducklake:sqlite:/srv/thidua/catalog.sqlite")
    assert lake_of("ducklake:sqlite:/srv/thidua/catalog.sqlite") == Lake(
        "sqlite", "/srv/thidua/catalog.sqlite", "/srv/thidua/catalog.files/"
    )
    assert lake_of("ducklake:sqlite:/srv/c.sqlite", "/mnt/shared/lake/").data_path == (
        "/mnt/shared/lake/"
    )
    pg = lake_of("ducklake:postgres:dbname=thidua host=10.0.0.5 port=5432", "s3://kho/thidua/")
    assert pg.address == "ducklake:postgres:dbname=thidua host=10.0.0.5 port=5432"
    assert pg.extensions == ("ducklake", "postgres_scanner", "httpfs")


def test_a_lake_that_cannot_be_used_is_refused_with_the_reason() -> None:
    with pytest.raises(LakeUnavailable) as no_data:
        lake_of("ducklake:postgres:dbname=thidua host=10.0.0.5")
    assert "THIDUA_LAKE_DATA" in str(no_data.value)
    with pytest.raises(LakeUnavailable) as unknown:
        lake_of("ducklake:mysql:thidua")
    assert str(unknown.value) == (
        "Địa chỉ kho «ducklake:mysql:thidua» không dùng được: cần dạng "
        "ducklake:sqlite:ĐƯỜNG_DẪN hoặc ducklake:postgres:dbname=… host=… port=…"
    )


# Another process reads what this one committed: the count it prints.
READER = """
import sys, duckdb
from thidua.lake import attach, lake_of
con = duckdb.connect()
attach(con, lake_of(sys.argv[1], sys.argv[2]), read_only=True)
print(con.sql("SELECT count(*), sum(n) FROM lake.awards").fetchone())
"""


def _write_and_read_back(setting: str, data: str) -> str:
    con = duckdb.connect()
    lake.attach(con, lake_of(setting, data))
    con.execute("CREATE TABLE lake.awards (unit VARCHAR, n INTEGER)")
    for batch in range(3):  # three commits, as three imports
        con.execute(
            "INSERT INTO lake.awards SELECT 'Sở ' || (i % 7), i FROM range(?, ?) t(i)",
            [batch * 1000, (batch + 1) * 1000],
        )
    con.close()
    shown = subprocess.run(
        [sys.executable, "-c", READER, setting, data],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr[-2000:]
    return shown.stdout.strip()


def test_a_lake_on_a_sqlite_catalog_keeps_commits_for_another_process(tmp_path: Path) -> None:
    catalog = tmp_path / "kho" / "catalog.sqlite"
    # 3,000 rows, 0 + 1 + … + 2,999 = 4,498,500.
    assert _write_and_read_back(f"ducklake:sqlite:{catalog}", "") == "(3000, 4498500)"
    assert any((tmp_path / "kho" / "catalog.files").rglob("*.parquet"))


def test_a_lake_on_postgres_keeps_commits_for_another_process(
    postgres: postgres_local.Cluster, tmp_path: Path
) -> None:
    setting = f"ducklake:postgres:{postgres.conninfo}"
    assert _write_and_read_back(setting, str(tmp_path / "lake") + "/") == "(3000, 4498500)"
    # The catalog is in PostgreSQL: DuckLake's tables are there, not in a file beside the data.
    listed = subprocess.run(
        [str(postgres_local.binaries() / "psql"), "-h", "127.0.0.1", "-p", str(postgres.port),
         "-U", postgres_local.user(), "-d", postgres_local.DATABASE, "-tAc",
         "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'ducklake_%'"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert int(listed.stdout.strip()) >= 10


def test_what_needs_a_file_refuses_a_lake(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A `ducklake:` setting must not become a DuckDB file in a folder named «ducklake:sqlite:…»
    where only a file will do (the benchmark, for now)."""
    from thidua import settings

    monkeypatch.setenv("THIDUA_DB", "ducklake:sqlite:/srv/catalog.sqlite")
    with pytest.raises(ValueError) as refused:
        settings.db_path()
    assert str(refused.value) == (
        "Kho «ducklake:sqlite:/srv/catalog.sqlite» là một DuckLake: việc này mới chạy trên tệp "
        "DuckDB (DuckLake: đang làm); hãy đặt THIDUA_DB là đường dẫn tệp DuckDB."
    )
    monkeypatch.setenv("THIDUA_LAKE_DATA", "s3://kho/thidua/")
    assert settings.lake_data() == "s3://kho/thidua/"


def test_a_lake_on_postgres_keeps_accounts_in_that_postgres_and_says_when_it_is_down(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Accounts, sessions and audit go to the lake's own PostgreSQL, whatever
    THIDUA_ACCESS_DB says (every replica must share them); a PostgreSQL that does not answer
    is said in Vietnamese — without its password — and nothing is made on this machine (an
    earlier fallback made a file named «`<warehouse>.access.sqlite`» in the working folder)."""
    from etl.cli import main
    from thidua import accounts, warehouse
    from thidua.access_file import AccessDatabase, StoreUnavailable

    monkeypatch.setenv("THIDUA_ACCESS_DB", str(tmp_path / "access.sqlite"))
    monkeypatch.setenv("THIDUA_LAKE_DATA", str(tmp_path / "data") + "/")
    monkeypatch.chdir(tmp_path)
    target = "dbname=thidua host=127.0.0.1 port=1 password=bimat"
    pg = lake_of(f"ducklake:postgres:{target}", str(tmp_path) + "/")
    store = warehouse.access_store(pg)
    assert store == AccessDatabase(target, "thidua_access")
    with pytest.raises(StoreUnavailable) as down:
        accounts.users(store)
    assert str(down.value).startswith(
        "Không kết nối được PostgreSQL giữ tài khoản, phiên đăng nhập và nhật ký của kho "
        "(PostgreSQL (dbname=thidua host=127.0.0.1 port=1 password=…), lược đồ thidua_access): "
        'connection failed: connection to server at "127.0.0.1", port 1 failed'
    )
    sample = ROOT / "tests" / "samples" / "qd_bang_khen_2020.xlsx"
    capsys.readouterr()
    assert main(["--db", pg.address, "import", str(sample)]) == 2
    said = capsys.readouterr().err
    assert said.startswith(
        "Không kết nối được PostgreSQL giữ danh mục của kho DuckLake "
        '(dbname=thidua host=127.0.0.1 port=1 password=…): connection to server at "127.0.0.1", '
        "port 1 failed: Connection refused"
    )
    assert "bimat" not in said + str(down.value)
    assert list(tmp_path.iterdir()) == []


def test_a_dry_run_on_a_lake_reads_its_newest_commit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import --dry-run` against a lake: a file already imported is named with its batch, and
    nothing more is written."""
    from etl.cli import main

    setting = f"ducklake:sqlite:{tmp_path / 'kho.sqlite'}"
    sample = ROOT / "tests" / "samples" / "qd_bang_khen_2020.xlsx"
    assert main(["--db", setting, "import", str(sample)]) == 0
    capsys.readouterr()
    assert main(["--db", setting, "import", "--dry-run", str(sample)]) == 0
    assert capsys.readouterr().out == (
        "qd_bang_khen_2020.xlsx: tệp này đã được nhập (lần nhập #1); sẽ không thêm gì.\n"
    )
    assert main(["--db", setting, "status"]) == 0
    assert capsys.readouterr().out.count("qd_bang_khen_2020.xlsx") == 1


def test_maintain_is_refused_on_a_warehouse_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from etl.cli import main

    assert main(["--db", str(tmp_path / "kho.duckdb"), "maintain"]) == 2
    assert capsys.readouterr().err == (
        "Lệnh maintain chỉ dành cho kho DuckLake: kho tệp DuckDB được dọn sau mỗi lần nhập.\n"
    )
    assert list(tmp_path.iterdir()) == []
