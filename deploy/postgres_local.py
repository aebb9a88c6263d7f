"""A PostgreSQL cluster of the project's own, for the lake's catalog on one machine (tests,
`make lake`, a demonstration of the national deployment): initdb into a folder, a free
loopback port, no system service. Debian's binaries (apt-get install postgresql), under
/usr/lib/postgresql/<version>/bin. initdb and postgres refuse to run as root: as root they
run as the package's `postgres` user, on a folder it owns.

    python -m deploy.postgres_local start FOLDER   # prints the connection string
    python -m deploy.postgres_local stop FOLDER
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATABASE = "thidua"


class PostgresMissing(Exception):
    """No PostgreSQL binaries on this machine."""


@dataclass(frozen=True)
class Cluster:
    folder: Path
    port: int

    @property
    def conninfo(self) -> str:
        """libpq's key=value form, as DuckDB's postgres extension and DuckLake take it."""
        return self.conninfo_of(DATABASE)

    def conninfo_of(self, database: str) -> str:
        return f"dbname={database} host=127.0.0.1 port={self.port} user={user()}"

    def new_database(self, name: str) -> str:
        """Make another database in the cluster (a lake of its own); its conninfo."""
        _create_database(binaries(), self, name)
        return self.conninfo_of(name)


def binaries() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=_version)
    if not found:
        raise PostgresMissing("PostgreSQL không có trên máy này: apt-get install postgresql")
    return found[-1].parent


def _version(initdb: Path) -> int:
    name = initdb.parent.parent.name
    return int(name) if name.isdigit() else 0


def user() -> str:
    return "postgres" if os.geteuid() == 0 else getpass.getuser()


def _as_owner(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(folder: Path) -> Cluster:
    """Initialise (the first time) and start the cluster in `folder`; waits until it answers."""
    bin_dir = binaries()
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    if not (data / "PG_VERSION").exists():
        subprocess.run(
            _as_owner([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", user(),
                       "-E", "UTF8", "--locale=C.UTF-8"]),
            check=True, capture_output=True,
        )  # fmt: skip
    port = _free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"),
                   "-o", options, "-w", "-t", "60", "start"]),
        check=True, capture_output=True,
    )  # fmt: skip
    (folder / "port").write_text(str(port))
    cluster = Cluster(folder, port)
    _create_database(bin_dir, cluster)
    return cluster


def _create_database(bin_dir: Path, cluster: Cluster, name: str = DATABASE) -> None:
    made = subprocess.run(
        [str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(cluster.port), "-U", user(),
         name],
        capture_output=True, text=True,
    )  # fmt: skip
    if made.returncode != 0 and "already exists" not in made.stderr:
        raise subprocess.CalledProcessError(made.returncode, made.args, made.stdout, made.stderr)


def stop(folder: Path) -> None:
    data = folder / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run(
            _as_owner([str(binaries() / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            check=False, capture_output=True,
        )  # fmt: skip


@contextlib.contextmanager
def running(folder: Path) -> Iterator[Cluster]:
    cluster = start(folder)
    try:
        yield cluster
    finally:
        stop(folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.postgres_local")
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.action == "start":
            print(start(args.folder.resolve()).conninfo)
        else:
            stop(args.folder.resolve())
    except PostgresMissing as missing:
        print(missing, file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as failed:
        print((failed.stderr or b"").decode(errors="replace")[-2000:], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
