"""One hostile batch, built and screened once per session through the CLI (``soi screen``)."""

from __future__ import annotations

import csv
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from .builders import Hostile, docx_bytes, good_report, hostile_set

#: Good reports in the hostile batch: (file name, person index, format).
GOOD = [
    (f"good_{i:02d}.{'docx' if i % 2 == 0 else 'txt'}", i, "docx" if i % 2 == 0 else "txt") for i in range(8)
]
#: Same bytes as good_02.docx under another name.
DUPLICATE = ("good_02_copy.docx", "good_02.docx")
#: A good report whose file name is not valid UTF-8 (cp1258 bytes, as from a zip made on
#: Windows), and the name the outputs show for it.
BAD_NAME = (b"B\xe1o_c\xe1o_2024.txt", "B\\xe1o_c\\xe1o_2024.txt")
#: Manifest rows naming files that do not exist (line numbers in the manifest).
MISSING = {"missing_a.docx": 4, "sub/missing_b.txt": 5}


@dataclass
class ScreenedBatch:
    folder: Path
    out: Path
    exit_code: int
    output: str
    hostile: list[Hostile]
    good: list[str]  # file names that must be in documents.csv
    documents: pd.DataFrame
    errors: pd.DataFrame


def write_good(folder: Path, name: str, index: int, fmt: str, year: int = 2024, seed: int = 0) -> Path:
    text = good_report(index, year=year, seed=seed)
    path = folder / name
    path.write_bytes(docx_bytes(text) if fmt == "docx" else text.encode("utf-8"))
    return path


@pytest.fixture(scope="session")
def screened(tmp_path_factory: pytest.TempPathFactory) -> ScreenedBatch:
    from pipeline.cli import main

    root = tmp_path_factory.mktemp("hostile")
    folder = root / "batch"
    hostile = hostile_set(folder)
    for name, index, fmt in GOOD:
        write_good(folder, name, index, fmt)
    shutil.copyfile(folder / DUPLICATE[1], folder / DUPLICATE[0])
    with open(os.fsencode(folder) + b"/" + BAD_NAME[0], "wb") as fh:
        fh.write(good_report(903).encode("utf-8"))
    manifest = folder / "manifest.csv"
    with manifest.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["path", "member_id", "unit", "year", "kind", "role"])
        w.writerow(["good_00.docx", "m-000", "Chi bộ A", "2024", "individual", "member"])
        w.writerow(["good_01.txt", "m-001", "Chi bộ A", "2024", "individual", "member"])
        for name in MISSING:
            w.writerow([name, "m-x", "Chi bộ A", "2024", "individual", "member"])
    out = root / "out"
    result = CliRunner().invoke(
        main,
        ["screen", str(folder), "--manifest", str(manifest), "--out", str(out), "--no-cache", "-q"],
        catch_exceptions=False,
    )
    good = (
        [g[0] for g in GOOD]
        + [DUPLICATE[0], BAD_NAME[1]]
        + [h.name for h in hostile if h.expect == "warning"]
    )
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    return ScreenedBatch(folder, out, result.exit_code, result.output, hostile, good, docs, errors)
