"""Zip bombs and oversized content are refused within bounded memory and time.

Each file is read in a fresh subprocess that reports its wall time and peak memory (maxrss).
Measured before the bounded unpacking in readers.py: the lying-header bomb (1 GiB of zeros
whose headers declare 400 kB) took 7.5 s and 2,127 MB; after: 0.15 s and 80 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .builders import _build

#: Limits asserted. The interpreter with python-docx imported peaks near 75 MB; a good report
#: reads in under 0.1 s. The bounds leave room for slow CI machines, not for a bomb (GBs, s).
MAX_PEAK_MB = 300
MAX_SECONDS = 5.0

CASES = [
    "bomb.docx",  # 1 GiB of zeros: over the total unpacked size
    "bomb_lying.docx",  # the same stream under headers declaring 400 kB
    "bomb_ratio.docx",  # 48 MiB at 1000:1: under every size limit, over the ratio limit
    "bomb_part.docx",  # 58 MiB at 80:1: under the ratio limit, over the size of one XML part
    "many_parts.docx",
    "long_line.docx",
    "deep.docx",
    "oversized.docx",
]
#: The limit each case must be refused by (a substring of its reason).
REASONS = {
    "bomb.docx": "possible zip bomb",
    "bomb_lying.docx": "corrupt",
    "bomb_ratio.docx": "compressed 1011:1 (possible zip bomb)",
    "bomb_part.docx": "unpacks to 58 MB (the limit is 50 MB)",
    "many_parts.docx": "parts",
    "long_line.docx": "without a line break",
    "deep.docx": "nested too deeply",
    "oversized.docx": "file too large",
}

_PROBE = """
import json, sys, time
from pipeline.ingest.readers import IngestError, read_document


def peak_mb():
    # VmHWM is this process image's own peak; ru_maxrss would include the memory of the forked
    # pytest process before exec (Linux keeps it across exec), inflating it after heavy tests
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out = {}
for path in sys.argv[1:]:
    t = time.perf_counter()
    try:
        read_document(path)
        reason = None
    except IngestError as exc:
        reason = str(exc)
    out[path] = {"seconds": time.perf_counter() - t, "reason": reason,
                 "peak_mb": peak_mb()}
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bombs")
    for name in CASES:
        _build(name, folder / name)
    return folder


@pytest.fixture(scope="module")
def measured(built: Path) -> dict[str, dict]:
    """All cases read in one fresh process, in order; peak memory after each (it only grows,
    so a case that blew memory shows as the first jump)."""
    pytest.importorskip("resource")
    paths = [str(built / name) for name in CASES]
    proc = subprocess.run([sys.executable, "-c", _PROBE, *paths], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    return {Path(p).name: v for p, v in data.items()}


@pytest.mark.parametrize("name", CASES)
def test_refused_within_bounds(measured: dict[str, dict], name: str) -> None:
    m = measured[name]
    assert m["reason"] is not None, f"{name} was read as a report"
    assert REASONS[name] in m["reason"], m["reason"]
    assert m["seconds"] < MAX_SECONDS, m
    assert m["peak_mb"] < MAX_PEAK_MB, m


def test_bombs_are_real(built: Path, tmp_path: Path) -> None:
    """The builder's deflate streams inflate to exactly what they claim (checked in full on a
    64 MiB bomb, in 16 MiB steps); the 1 GiB bomb is the same construction, 16 times longer;
    the lying bomb carries the 1 GiB stream under headers declaring 400 kB."""
    import zipfile

    from .builders import zip_bomb_docx

    small = zip_bomb_docx(tmp_path / "small.docx", unpacked=64 << 20)
    small_info = zipfile.ZipFile(small).getinfo("word/document.xml")
    inflated = 0
    with zipfile.ZipFile(small).open(small_info) as fh:  # checks the CRC at the end
        while chunk := fh.read(16 << 20):
            inflated += len(chunk)
    assert inflated == 64 << 20
    info = zipfile.ZipFile(built / "bomb.docx").getinfo("word/document.xml")
    assert info.file_size == 1 << 30
    assert 15 * small_info.compress_size < info.compress_size < 17 * small_info.compress_size < 1_200_000
    lie = zipfile.ZipFile(built / "bomb_lying.docx").getinfo("word/document.xml")
    assert lie.file_size == 400_000
    assert lie.compress_size == info.compress_size
