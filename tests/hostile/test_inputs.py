"""Every broken or hostile submission gets an errors.csv row in plain words; the batch goes on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from .builders import HOSTILE
from .conftest import BAD_NAME, DUPLICATE, MISSING, ScreenedBatch

#: What a plain-words reason must not look like: tracebacks, exception class names, lxml's
#: "(<string>, line 1)", zlib's "Error -3", Python reprs.
_TECHNICAL = re.compile(r"Traceback|Error\b|Exception|<string>|Error -\d|\bb'|0x[0-9a-f]{4,}")


def _row(batch: ScreenedBatch, name: str) -> list[str]:
    return [
        e for p, e in zip(batch.errors["path"], batch.errors["error"], strict=True) if Path(p).name == name
    ]


def test_the_batch_goes_on(screened: ScreenedBatch) -> None:
    assert screened.exit_code == 0, screened.output
    assert "could not be read" in screened.output
    for name in ("documents.csv", "errors.csv", "matches.csv", "plans.csv", "run.json"):
        assert (screened.out / name).exists()


def test_every_good_report_is_screened(screened: ScreenedBatch) -> None:
    screened_names = sorted(Path(p).name for p in screened.documents["path"])
    assert screened_names == sorted(screened.good)


@pytest.mark.parametrize("name", [h.name for h in HOSTILE])
def test_hostile_input(screened: ScreenedBatch, name: str) -> None:
    case = next(h for h in screened.hostile if h.name == name)
    rows = _row(screened, name)
    if case.expect == "error":
        assert len(rows) == 1, f"{name}: expected one errors.csv row, got {rows}"
        reason = rows[0]
        assert case.reason in reason.lower(), reason
        assert "\n" not in reason and len(reason) < 300, reason
        assert not _TECHNICAL.search(reason), f"not plain words: {reason!r}"
        assert name not in {Path(p).name for p in screened.documents["path"]}
    else:
        assert rows == []
        doc = screened.documents[screened.documents["path"].map(lambda p: Path(p).name) == name]
        assert len(doc) == 1
        assert case.reason in doc["warnings"].iloc[0].lower()


def test_no_error_row_is_unexpected(screened: ScreenedBatch) -> None:
    expected = {h.name for h in screened.hostile if h.expect == "error"} | {Path(m).name for m in MISSING}
    assert sorted(Path(p).name for p in screened.errors["path"]) == sorted(expected)


def test_same_bytes_twice_is_reported_on_both_rows(screened: ScreenedBatch) -> None:
    docs = screened.documents.set_index(screened.documents["path"].map(lambda p: Path(p).name))
    copy, original = DUPLICATE
    assert docs.loc[copy, "sha256"] == docs.loc[original, "sha256"]
    assert f"identical file submitted under another name: {original}" in docs.loc[copy, "warnings"]
    assert f"identical file submitted under another name: {copy}" in docs.loc[original, "warnings"]


def test_manifest_rows_for_missing_files(screened: ScreenedBatch) -> None:
    for name, line in MISSING.items():
        rows = _row(screened, Path(name).name)
        assert rows == [f"listed in the manifest (line {line}) but the file does not exist"]


def test_manifest_fields_used_and_others_guessed(screened: ScreenedBatch) -> None:
    docs = screened.documents.set_index(screened.documents["path"].map(lambda p: Path(p).name))
    assert docs.loc["good_00.docx", "member_id"] == "m-000"
    assert docs.loc["good_00.docx", "guessed_fields"] == ""
    assert "member_id" in docs.loc["good_04.docx", "guessed_fields"]


def test_file_name_not_utf8(screened: ScreenedBatch) -> None:
    """A name in Windows code-page bytes must not crash the writers (it did: UnicodeEncodeError
    on surrogates, nothing written); it is shown with \\x escapes and a warning."""
    docs = screened.documents.set_index(screened.documents["path"].map(lambda p: Path(p).name))
    assert "file name is not valid UTF-8" in docs.loc[BAD_NAME[1], "warnings"]
    for name in ("documents.csv", "errors.csv", "run.json"):
        (screened.out / name).read_bytes().decode("utf-8")  # every output stays valid UTF-8


def test_unreadable_and_special_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from pipeline.ingest.readers import IngestError, read_document

    locked = tmp_path / "locked.txt"
    locked.write_text("Đảng viên", encoding="utf-8")
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(IngestError, match=r"cannot read the file \(Permission denied\)"):
        read_document(locked)
    with pytest.raises(IngestError, match="not a regular file"):
        read_document(tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(IngestError, match="not a regular file"):
        read_document(fifo)  # would block forever on read


def test_limits_documented_in_the_cli_help() -> None:
    from pipeline.cli import main
    from pipeline.ingest.readers import MAX_FILE_BYTES, MAX_TEXT_CHARS

    text = " ".join(CliRunner().invoke(main, ["screen", "--help"]).output.split())
    assert f"over {MAX_FILE_BYTES // 2**20} MB" in text
    assert f"over {MAX_TEXT_CHARS:,} characters" in text
