from pathlib import Path

import pytest

from pipeline.ingest.manifest import ManifestError, load_manifest

HEADER = "path,member_id,unit,year,kind,role,doc_id\n"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "manifest.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_good_manifest(tmp_path: Path):
    rows = load_manifest(
        write(tmp_path, "a/x.txt,M1,U1,2024,individual,member,D1\nb.docx,M2,U1,2024,collective,leader,\n")
    )
    assert [r.doc_id for r in rows] == ["D1", None]
    assert rows[0].path == (tmp_path / "a/x.txt").resolve()
    assert rows[1].kind == "collective" and rows[0].year == 2024


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("x.txt,M1,U1,20x4,individual,member,\n", "line 2, column 'year'"),
        ("x.txt,M1,U1,2024,individual,member,\ny.txt,M2,U1,2024,person,member,\n", "line 3, column 'kind'"),
        ("x.txt,M1,U1,2024,individual,boss,\n", "line 2, column 'role'"),
        ("x.txt,,U1,2024,individual,member,\n", "line 2, column 'member_id'"),
        (
            "x.txt,M1,U1,2024,individual,member,D\ny.txt,M2,U1,2024,individual,member,D\n",
            "line 3, column 'doc_id'",
        ),
        ("x.txt,M1,U1,2024,individual,member,D,extra\n", "line 2"),
    ],
)
def test_bad_values_name_line_and_column(tmp_path: Path, body: str, message: str):
    with pytest.raises(ManifestError, match=message):
        load_manifest(write(tmp_path, body))


def test_missing_column(tmp_path: Path):
    path = tmp_path / "manifest.csv"
    path.write_text("path,member_id,year\nx.txt,M1,2024\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="missing column"):
        load_manifest(path)
