"""End to end: a mixed .docx/.txt folder, with and without a manifest, bad files included."""

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from docx_builder import make_docx

from pipeline import schema, screen
from pipeline.cli import main


@pytest.fixture
def batch_dir(tmp_path: Path, report_2024: str) -> Path:
    folder = tmp_path / "batch"
    (folder / "u1").mkdir(parents=True)
    (folder / "u1" / "ngoc_2024.txt").write_text(report_2024, encoding="utf-8")
    report_2023 = (
        report_2024.replace("năm 2024", "năm 2023")
        .replace("Năm 2024", "Năm 2023")
        .replace("412/415", "390/402")
    )
    (folder / "u1" / "ngoc_2023.txt").write_text(report_2023, encoding="utf-8")
    make_docx(
        folder / "u1" / "lan_2024.docx",
        [
            line
            for line in report_2024.replace("Nguyễn Thị Bích Ngọc", "Trần Văn Lân")
            .replace("04/07/1985", "11/02/1979")
            .split("\n")
        ],
    )
    (folder / "u1" / "broken.docx").write_bytes(b"PK\x03\x04broken")
    (folder / "u1" / "empty.txt").write_bytes(b"")
    (folder / "u1" / "junk.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "u1" / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    return folder


def test_with_manifest_every_output_and_ids_from_manifest(batch_dir: Path, tmp_path: Path):
    manifest = batch_dir / "manifest.csv"
    manifest.write_text(
        "path,member_id,unit,year,kind,role,doc_id\n"
        "u1/ngoc_2024.txt,M1,U1,2024,individual,member,NGOC-24\n"
        "u1/ngoc_2023.txt,M1,U1,2023,individual,member,NGOC-23\n"
        "u1/lan_2024.docx,M2,U1,2024,individual,leader,LAN-24\n"
        "u1/missing.txt,M3,U1,2024,individual,member,GONE-24\n",
        encoding="utf-8",
    )
    result = screen(
        [batch_dir], manifest=manifest, skip=("reuse", "content", "plans"), cache_dir=tmp_path / "cache"
    )
    out = result.write(tmp_path / "out")
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    assert list(docs.columns) == list(schema.DOCUMENT_COLUMNS)
    assert sorted(docs["doc_id"]) == ["LAN-24", "NGOC-23", "NGOC-24"]
    lan = docs.set_index("doc_id").loc["LAN-24"]
    assert (lan["role"], lan["form_version"], lan["self_rating"]) == ("leader", "2023-02B", "hoan_thanh_tot")
    # stages switched off: findings are empty, never 0
    assert (docs[list(schema.FINDINGS)] == "").all().all() and (docs["risk"] == "").all()
    errors = {
        Path(r["path"]).name: r["error"] for r in csv.DictReader(open(out / "errors.csv", encoding="utf-8"))
    }
    assert set(errors) == {"broken.docx", "empty.txt", "junk.txt", "old.doc", "missing.txt"}
    assert "save as .docx" in errors["old.doc"] and "does not exist" in errors["missing.txt"]
    for name in ("matches.csv", "plans.csv"):
        assert (out / name).read_text(encoding="utf-8").split("\n")[0].split(",")[:3] == list(
            (schema.MATCH_COLUMNS if name == "matches.csv" else schema.PLAN_COLUMNS)[:3]
        )
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["counts"]["documents"] == 3 and run["counts"]["errors"] == 5
    assert "read+tokenize" in run["seconds"] and run["stages_not_run"] == ["reuse", "content", "plans"]
    sentences = result.batch.sentences
    assert len(sentences) > 20 and set(sentences["section"]) >= {"ideology", "duties", "weaknesses", "plan"}


def test_without_manifest_headers_link_members_across_years(batch_dir: Path, tmp_path: Path):
    result = screen([batch_dir], skip=("reuse", "content", "plans"), cache_dir=None)
    docs = result.documents.set_index("path")
    ngoc24 = docs.loc[str((batch_dir / "u1" / "ngoc_2024.txt").resolve())]
    ngoc23 = docs.loc[str((batch_dir / "u1" / "ngoc_2023.txt").resolve())]
    lan = docs.loc[str((batch_dir / "u1" / "lan_2024.docx").resolve())]
    assert ngoc24["member_id"] == ngoc23["member_id"] != lan["member_id"]
    assert (ngoc24["year"], ngoc23["year"]) == (2024, 2023)
    assert ngoc24["unit"] == "Chi bộ Khu phố 3" and ngoc24["name"] == "Nguyễn Thị Bích Ngọc"
    assert "year" in ngoc24["guessed_fields"].split(";")
    assert len(result.errors) == 4


def test_cli_exit_codes_and_messages(batch_dir: Path, tmp_path: Path):
    runner = CliRunner()
    ok = runner.invoke(
        main,
        [
            "screen",
            str(batch_dir),
            "--out",
            str(tmp_path / "o"),
            "--skip",
            "reuse",
            "--skip",
            "content",
            "--skip",
            "plans",
            "--no-cache",
            "-q",
        ],
    )
    assert ok.exit_code == 0, ok.output
    assert "Outputs in" in ok.output and (tmp_path / "o" / "documents.csv").exists()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "path,member_id,unit,year,kind,role\nx.txt,M,U,two thousand,individual,member\n", encoding="utf-8"
    )
    res = runner.invoke(
        main,
        [
            "screen",
            str(batch_dir),
            "--manifest",
            str(bad),
            "--out",
            str(tmp_path / "o2"),
            "--strict-manifest",
        ],
    )
    assert res.exit_code != 0 and "line 2, column 'year'" in res.output
    res = runner.invoke(main, ["screen", str(tmp_path / "nowhere")])
    assert res.exit_code != 0 and "input not found" in res.output
    res = runner.invoke(main, ["screen", str(batch_dir), "--skip", "nosuchstage"])
    assert res.exit_code != 0 and "unknown stage" in res.output
