"""Bad manifest values: each bad row becomes an errors.csv row naming line, column and value,
and the rest of the batch is screened; with --strict-manifest (and for a manifest that cannot be
parsed at all: missing column, extra fields, binary) `soi screen` stops with a non-zero exit and
a message naming line and column, writing nothing.

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

#: (case, manifest text, substrings the message must contain, the file left out or None)
ROW_CASES = [
    ("year_not_a_number", HEADER + "a.txt,m1,Chi bộ A,2O24,individual,member,d1\n", ["line 2", "column 'year'", "2O24"], "a.txt"),
    ("year_out_of_range", HEADER + GOOD_ROW + "b.txt,m2,Chi bộ A,1850,individual,member,d2\n", ["line 3", "column 'year'", "out of range"], "b.txt"),
    ("bad_kind", HEADER + "a.txt,m1,Chi bộ A,2024,personal,member,d1\n", ["line 2", "column 'kind'", "individual, collective"], "a.txt"),
    ("bad_role", HEADER + "a.txt,m1,Chi bộ A,2024,individual,boss,d1\n", ["line 2", "column 'role'", "member, leader"], "a.txt"),
    ("empty_member_id", HEADER + GOOD_ROW + "b.txt,,Chi bộ A,2024,individual,member,d2\n", ["line 3", "column 'member_id'", "is empty"], "b.txt"),
    ("duplicate_doc_id", HEADER + GOOD_ROW + "b.txt,m2,Chi bộ A,2024,individual,member,d1\n", ["line 3", "column 'doc_id'", "line 2"], "b.txt"),
    ("duplicate_path", HEADER + GOOD_ROW + "a.txt,m2,Chi bộ A,2024,individual,member,d2\n", ["line 3", "column 'path'", "line 2"], None),
]  # fmt: skip
#: manifests that cannot be parsed at all: the run stops even without --strict-manifest
FILE_CASES = [
    ("missing_column", "path,member_id,unit,year,kind\na.txt,m1,A,2024,individual\n", ["missing column", "role", "line 1"]),
    ("extra_fields", HEADER + "a.txt,m1,Chi bộ A,2024,individual,member,d1,surplus\n", ["line 2", "more fields"]),
]  # fmt: skip
CASES = [c[:3] for c in ROW_CASES] + FILE_CASES


def _run(tmp_path: Path, manifest: bytes | None, *extra: str) -> tuple[int, str]:
    from pipeline.cli import main

    (tmp_path / "a.txt").write_text(good_report(1), encoding="utf-8")
    (tmp_path / "b.txt").write_text(good_report(2), encoding="utf-8")
    path = tmp_path / "manifest.csv"
    if manifest is not None:
        path.write_bytes(manifest)
    args = ["screen", "--manifest", str(path), "--out", str(tmp_path / "out"), "--no-cache", "-q"]
    args += ["--skip", "reuse", "--skip", "content", "--skip", "plans", "--no-html", "--no-xlsx", *extra]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.output


@pytest.mark.parametrize("case,text,expected", CASES, ids=[c[0] for c in CASES])
def test_bad_manifest_value_stops_a_strict_screen(
    tmp_path: Path, case: str, text: str, expected: list[str]
) -> None:
    code, output = _run(tmp_path, text.encode("utf-8"), "--strict-manifest")
    assert code != 0, output
    assert "manifest.csv" in output
    for part in expected:
        assert part in output, f"{case}: {part!r} not in {output!r}"
    assert not (tmp_path / "out").exists(), "nothing is written for a manifest that does not parse"


@pytest.mark.parametrize("case,text,expected", FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_unparseable_manifest_stops(tmp_path: Path, case: str, text: str, expected: list[str]) -> None:
    code, output = _run(tmp_path, text.encode("utf-8"))
    assert code != 0, output
    for part in expected:
        assert part in output, f"{case}: {part!r} not in {output!r}"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("case,text,expected,left_out", ROW_CASES, ids=[c[0] for c in ROW_CASES])
def test_bad_manifest_row_is_an_error_row_and_the_batch_goes_on(
    tmp_path: Path, case: str, text: str, expected: list[str], left_out: str | None
) -> None:
    import pandas as pd

    code, output = _run(tmp_path, text.encode("utf-8"))
    assert code == 0, output
    errors = pd.read_csv(tmp_path / "out" / "errors.csv", keep_default_na=False)
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False)
    bad = errors[errors["error"].str.contains("bad manifest row")]
    assert len(bad) == 1, errors
    for part in expected:
        assert part in bad["error"].iloc[0], f"{case}: {part!r} not in {bad['error'].iloc[0]!r}"
    screened = {Path(p).name for p in docs["path"]}
    if left_out is not None:
        assert Path(bad["path"].iloc[0]).name == left_out
        assert left_out not in screened, "a file whose only row is bad is not screened"
    good = {"a.txt", "b.txt"} & {line.split(",")[0] for line in text.splitlines()[1:]}
    assert good - {left_out} <= screened, "the good rows are screened"


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


@pytest.mark.parametrize("case,text,expected", [c[:3] for c in ROW_CASES], ids=[c[0] for c in ROW_CASES])
def test_bad_row_can_become_an_errors_row(tmp_path: Path, case: str, text: str, expected: list[str]) -> None:
    """With ``row_errors``, a bad row is left out and described (line, column, value, file);
    the good rows are kept (the mode ``soi screen`` uses unless --strict-manifest)."""
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
