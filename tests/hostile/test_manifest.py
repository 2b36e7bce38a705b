"""Bad manifest values stop `soi screen` with a non-zero exit and a message naming line and column.

(Rows naming missing files do not stop the run: they are errors.csv rows, checked with the
hostile batch in test_inputs.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from .builders import good_report

HEADER = "path,member_id,unit,year,kind,role,doc_id\n"
GOOD_ROW = "a.txt,m1,Chi bộ A,2024,individual,member,d1\n"

#: (case, manifest text, substrings the message must contain)
CASES = [
    ("year_not_a_number", HEADER + "a.txt,m1,Chi bộ A,2O24,individual,member,d1\n", ["line 2", "column 'year'", "2O24"]),
    ("year_out_of_range", HEADER + GOOD_ROW + "b.txt,m2,Chi bộ A,1850,individual,member,d2\n", ["line 3", "column 'year'", "out of range"]),
    ("bad_kind", HEADER + "a.txt,m1,Chi bộ A,2024,personal,member,d1\n", ["line 2", "column 'kind'", "individual, collective"]),
    ("bad_role", HEADER + "a.txt,m1,Chi bộ A,2024,individual,boss,d1\n", ["line 2", "column 'role'", "member, leader"]),
    ("empty_member_id", HEADER + GOOD_ROW + "b.txt,,Chi bộ A,2024,individual,member,d2\n", ["line 3", "column 'member_id'", "is empty"]),
    ("duplicate_doc_id", HEADER + GOOD_ROW + "b.txt,m2,Chi bộ A,2024,individual,member,d1\n", ["line 3", "column 'doc_id'", "line 2"]),
    ("duplicate_path", HEADER + GOOD_ROW + "a.txt,m2,Chi bộ A,2024,individual,member,d2\n", ["line 3", "column 'path'", "line 2"]),
    ("missing_column", "path,member_id,unit,year,kind\na.txt,m1,A,2024,individual\n", ["missing column", "role", "line 1"]),
    ("extra_fields", HEADER + "a.txt,m1,Chi bộ A,2024,individual,member,d1,surplus\n", ["line 2", "more fields"]),
]  # fmt: skip


def _run(tmp_path: Path, manifest: bytes | None) -> tuple[int, str]:
    from pipeline.cli import main

    (tmp_path / "a.txt").write_text(good_report(1), encoding="utf-8")
    (tmp_path / "b.txt").write_text(good_report(2), encoding="utf-8")
    path = tmp_path / "manifest.csv"
    if manifest is not None:
        path.write_bytes(manifest)
    result = CliRunner().invoke(
        main, ["screen", "--manifest", str(path), "--out", str(tmp_path / "out"), "--no-cache", "-q"]
    )
    return result.exit_code, result.output


@pytest.mark.parametrize("case,text,expected", CASES, ids=[c[0] for c in CASES])
def test_bad_manifest_value(tmp_path: Path, case: str, text: str, expected: list[str]) -> None:
    code, output = _run(tmp_path, text.encode("utf-8"))
    assert code != 0, output
    assert "manifest.csv" in output
    for part in expected:
        assert part in output, f"{case}: {part!r} not in {output!r}"
    assert not (tmp_path / "out").exists(), "nothing is written for a manifest that does not parse"


def test_binary_manifest(tmp_path: Path) -> None:
    code, output = _run(tmp_path, bytes(range(256)) * 20)
    assert code != 0
    assert "manifest" in output and "binary" in output


def test_missing_manifest_file(tmp_path: Path) -> None:
    code, output = _run(tmp_path, None)
    assert code != 0
    assert "cannot read the manifest" in output


def test_manifest_with_bom_is_fine(tmp_path: Path) -> None:
    """Excel's "CSV UTF-8" starts with a byte-order mark; it must not hide the first column."""
    from pipeline.ingest.manifest import load_manifest

    path = tmp_path / "manifest.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + GOOD_ROW).encode("utf-8"))
    rows = load_manifest(path)
    assert [(r.path.name, r.member_id, r.year) for r in rows] == [("a.txt", "m1", 2024)]


@pytest.mark.parametrize("sep", [";", "\t"])
def test_semicolon_or_tab_separated_manifest(tmp_path: Path, sep: str) -> None:
    """Excel in some locales saves CSV with semicolons; the header line decides the separator."""
    from pipeline.ingest.manifest import load_manifest

    path = tmp_path / "manifest.csv"
    path.write_text((HEADER + GOOD_ROW).replace(",", sep), encoding="utf-8")
    rows = load_manifest(path)
    assert [(r.path.name, r.member_id, r.unit, r.year) for r in rows] == [("a.txt", "m1", "Chi bộ A", 2024)]


#: Cases whose bad value is in one row (the others are about the whole file).
ROW_CASES = [c for c in CASES if c[0] not in ("missing_column", "extra_fields")]


@pytest.mark.parametrize("case,text,expected", ROW_CASES, ids=[c[0] for c in ROW_CASES])
def test_bad_row_can_become_an_errors_row(tmp_path: Path, case: str, text: str, expected: list[str]) -> None:
    """With ``row_errors``, a bad row is left out and described (line, column, value, file);
    the good rows are kept. (``soi screen`` does not use this mode yet: see docs/RELIABILITY.md.)"""
    from pipeline.ingest.manifest import load_manifest

    path = tmp_path / "manifest.csv"
    path.write_text(text + "c.txt,m9,Chi bộ A,2025,individual,member,d9\n", encoding="utf-8")
    errors: list[dict[str, str]] = []
    rows = load_manifest(path, row_errors=errors)
    assert len(errors) == 1, errors
    message = errors[0]["error"]
    assert message.startswith("not screened, bad manifest row: manifest.csv line")
    for part in expected:
        assert part in message, f"{case}: {part!r} not in {message!r}"
    bad_line = int(message.split(" line ")[1].split(",")[0])
    assert bad_line not in {r.line for r in rows}
    bad_path = text.splitlines()[bad_line - 1].split(",")[0]
    assert errors[0]["path"] == str((tmp_path / bad_path).resolve())
    assert [r.path.name for r in rows][-1] == "c.txt", "the rows after the bad one are read"
    assert len(rows) == len(text.splitlines()) - 1  # header + the bad row out, c.txt in


@pytest.mark.parametrize("case", ["missing_column", "extra_fields"])
def test_whole_file_problems_still_stop(tmp_path: Path, case: str) -> None:
    from pipeline.ingest.manifest import ManifestError, load_manifest

    text = next(c[1] for c in CASES if c[0] == case)
    path = tmp_path / "manifest.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError):
        load_manifest(path, row_errors=[])
