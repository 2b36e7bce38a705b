"""Screens shared by the determinism and offline tests (one batch, two runs, made once).

Run A screens the batch in the test process. Run B screens it again in a fresh process with
another ``PYTHONHASHSEED``, with networking disabled twice over: inside a network namespace
without interfaces (``unshare -n``, when this machine allows it) and with every socket
connection and name lookup replaced by a recorder that refuses; underthesea's and the Hugging
Face hub's download functions are replaced by recorders too. The determinism tests compare A
and B; the offline tests read B's records.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .builders import _build, docx_bytes, good_report

#: Runs inside the subprocess before anything else is imported.
OFFLINE_DRIVER = r"""
import json, os, socket, sys

records = {"network": [], "downloads": []}
_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex

def _refuse(kind, detail):
    records["network"].append(f"{kind} {detail}"[:300])
    raise OSError(101, "network disabled by Soi's offline test")

def connect(self, address):
    if self.family == getattr(socket, "AF_UNIX", None):
        return _connect(self, address)
    _refuse("connect", address)

def connect_ex(self, address):
    if self.family == getattr(socket, "AF_UNIX", None):
        return _connect_ex(self, address)
    _refuse("connect_ex", address)

socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.create_connection = lambda address, *a, **k: _refuse("create_connection", address)
socket.getaddrinfo = lambda host, *a, **k: _refuse("getaddrinfo", host)
socket.gethostbyname = lambda host: _refuse("gethostbyname", host)
socket.gethostbyname_ex = lambda host: _refuse("gethostbyname_ex", host)

def recorder(name):
    def f(*args, **kwargs):
        records["downloads"].append(f"{name}{args!r}"[:300])
        raise RuntimeError(f"download attempted: {name}")
    return f

import importlib
for module, attrs in (
    ("underthesea.file_utils", ("cached_path", "get_from_cache")),
    ("underthesea.util", ("download_component", "download_file")),
    ("underthesea.model_fetcher", ()),
    ("underthesea.data_fetcher", ()),
    ("huggingface_hub", ("hf_hub_download", "snapshot_download")),
    ("huggingface_hub.file_download", ("hf_hub_download",)),
):
    try:
        mod = importlib.import_module(module)
    except Exception:
        continue
    for attr in attrs:
        if hasattr(mod, attr):
            setattr(mod, attr, recorder(f"{module}.{attr}"))
    for cls_name in ("ModelFetcher", "DataFetcher"):
        cls = getattr(mod, cls_name, None)
        for attr in dir(cls) if cls is not None else ():
            if attr.startswith("download"):
                setattr(cls, attr, staticmethod(recorder(f"{module}.{cls_name}.{attr}")))

from pipeline.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
    code = 0
except SystemExit as exc:
    code = exc.code or 0
finally:
    with open(os.environ["SOI_OFFLINE_RECORDS"], "w", encoding="utf-8") as fh:
        json.dump(records, fh)
sys.exit(code)
"""


@dataclass
class Runs:
    batch: Path
    out_a: Path  # in this process
    out_b: Path  # fresh process, other hash seed, offline
    b_returncode: int
    b_stderr: str
    b_isolated: bool  # run B had no network interfaces at all (unshare -n)
    b_network: list[str]  # connection attempts and lookups run B made (all refused)
    b_downloads: list[str]  # download functions run B called


@functools.cache
def unshare_works() -> bool:
    """True when ``unshare -n`` can run a command here (root, or user namespaces allowed)."""
    exe = shutil.which("unshare")
    if exe is None:
        return False
    try:
        return subprocess.run([exe, "-n", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def build_batch(folder: Path) -> Path:
    """Eight members over two years, with a copy from last year and one from a colleague, plus
    two files that cannot be read."""
    folder.mkdir(parents=True)
    for i in range(8):
        for year in (2023, 2024):
            text = good_report(i, year=year)
            if i == 0 and year == 2024:
                text = good_report(0, year=2023).replace("2023", "2024")  # copied from last year
            if i == 1 and year == 2024:
                body = good_report(2, year=2024).split("I. ƯU ĐIỂM")[1]
                text = good_report(1, year=2024).split("I. ƯU ĐIỂM")[0] + "I. ƯU ĐIỂM" + body
            name = f"dv{i}_{year}"
            if i % 2:
                (folder / f"{name}.txt").write_text(text, encoding="utf-8")
            else:
                (folder / f"{name}.docx").write_bytes(docx_bytes(text))
    _build("truncated.docx", folder / "truncated.docx")
    _build("english.txt", folder / "english.txt")
    return folder


def screen_args(batch: Path, out: Path) -> list[str]:
    # serial: worker processes would each load the section model again (about 5 s); the
    # engines' own tests check that local and Dask give the serial result
    return ["screen", str(batch), "--out", str(out), "--no-cache", "-q", "--engine", "serial"]


_RUNS: dict[str, Runs] = {}


def shared_runs(root: Path) -> Runs:
    """Build the batch and make both runs, once per test session (``root``: a fresh folder)."""
    if "runs" in _RUNS:
        return _RUNS["runs"]
    from click.testing import CliRunner

    from pipeline.cli import main

    batch = build_batch(root / "batch")
    out_a, out_b = root / "a", root / "b"
    result = CliRunner().invoke(main, screen_args(batch, out_a), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    records_path = root / "offline-records.json"
    env = dict(os.environ, PYTHONHASHSEED="12345", SOI_OFFLINE_RECORDS=str(records_path))
    command = [sys.executable, "-c", OFFLINE_DRIVER, *screen_args(batch, out_b)]
    isolated = unshare_works()
    if isolated:
        command = [shutil.which("unshare") or "unshare", "-n", *command]
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    records = json.loads(records_path.read_text(encoding="utf-8")) if records_path.exists() else {}
    _RUNS["runs"] = Runs(
        batch,
        out_a,
        out_b,
        proc.returncode,
        proc.stderr,
        isolated,
        records.get("network", ["(no records written)"]),
        records.get("downloads", []),
    )
    return _RUNS["runs"]
