"""Model files load without executing code; tampered or foreign model files are refused clearly."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from pipeline.modelio import ModelError, load_card, load_model, models_dir, save_model

MARKER_NAME = "executed.txt"


class Tripwire:
    """A type outside the allow-list whose reconstruction would leave a marker file."""

    marker: Path | None = None

    def __setstate__(self, state: dict) -> None:
        if Tripwire.marker is not None:
            Tripwire.marker.write_text("code ran")
        self.__dict__.update(state)


class PickleBomb:
    """A classic pickle payload: unpickling writes the marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (Path.write_text, (self.marker, "code ran"))


def _tiny_model():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression().fit([[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1])


def _forge(folder: Path, name: str, data: bytes) -> None:
    """Write ``name.skops`` and a card whose SHA-256 matches: the attacker controls both files."""
    import hashlib

    (folder / f"{name}.skops").write_bytes(data)
    card = {"file": f"{name}.skops", "sha256": hashlib.sha256(data).hexdigest()}
    (folder / f"{name}.json").write_text(json.dumps(card), encoding="utf-8")


def test_round_trip(tmp_path: Path) -> None:
    save_model(_tiny_model(), "tiny", {"metric": 1.0}, folder=tmp_path)
    model = load_model("tiny", folder=tmp_path)
    assert list(model.predict([[0.0], [3.0]])) == [0, 1]
    assert load_card("tiny", folder=tmp_path)["metric"] == 1.0


def test_modified_bytes_are_refused(tmp_path: Path) -> None:
    path = save_model(_tiny_model(), "tiny", {}, folder=tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match the SHA-256 in its card"):
        load_model("tiny", folder=tmp_path)


def test_missing_card_is_refused(tmp_path: Path) -> None:
    save_model(_tiny_model(), "tiny", {}, folder=tmp_path)
    (tmp_path / "tiny.json").unlink()
    with pytest.raises(ModelError, match="card .* not found"):
        load_model("tiny", folder=tmp_path)


def test_untrusted_type_is_refused_without_running_it(tmp_path: Path) -> None:
    import skops.io as sio

    obj = Tripwire()
    obj.payload = 1  # type: ignore[attr-defined]
    data = sio.dumps({"model": _tiny_model(), "extra": obj})
    _forge(tmp_path, "forged", data)
    Tripwire.marker = tmp_path / MARKER_NAME
    try:
        with pytest.raises(ModelError, match="untrusted types .*Tripwire.*refusing to load"):
            load_model("forged", folder=tmp_path)
    finally:
        Tripwire.marker = None
    assert not (tmp_path / MARKER_NAME).exists()


def test_pickle_named_skops_is_refused_without_running_it(tmp_path: Path) -> None:
    marker = tmp_path / MARKER_NAME
    _forge(tmp_path, "pickled", pickle.dumps(PickleBomb(marker)))
    with pytest.raises(ModelError, match="not a valid skops file"):
        load_model("pickled", folder=tmp_path)
    assert not marker.exists()


def test_garbage_is_refused(tmp_path: Path) -> None:
    _forge(tmp_path, "junk", b"PK\x03\x04" + bytes(500))
    with pytest.raises(ModelError, match="not a valid skops file"):
        load_model("junk", folder=tmp_path)


@pytest.mark.parametrize("func", ["builtins.eval", "builtins.exec", "builtins.__import__", "numpy.load"])
def test_code_running_functions_are_refused(tmp_path: Path, func: str) -> None:
    import builtins

    import numpy as np
    import skops.io as sio
    from sklearn.preprocessing import FunctionTransformer

    target = {"builtins.eval": builtins.eval, "builtins.exec": builtins.exec}.get(func)
    target = target or {"builtins.__import__": builtins.__import__, "numpy.load": np.load}[func]
    _forge(tmp_path, "forged", sio.dumps(FunctionTransformer(func=target)))
    with pytest.raises(ModelError):
        load_model("forged", folder=tmp_path)


def test_shipped_models_match_their_cards() -> None:
    import hashlib

    cards = sorted(models_dir().glob("*.json"))
    checked = 0
    for card_path in cards:
        card = json.loads(card_path.read_text(encoding="utf-8"))
        if "sha256" not in card:
            continue
        data = (models_dir() / card["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == card["sha256"], card_path.name
        checked += 1
    assert checked == len(_shipped_skops()) >= 3, "every shipped model has a card with its SHA-256"


# --- the shipped models, tampered, in a real screen -----------------------------------------------


def _tampered_models(folder: Path, names: list[str]) -> Path:
    """A copy of the shipped models with one byte flipped in each of ``names``."""
    import shutil

    shutil.copytree(models_dir(), folder)
    for name in names:
        path = folder / f"{name}.skops"
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
    return folder


def _shipped_skops() -> list[str]:
    return sorted(p.stem for p in models_dir().glob("*.skops"))


def test_every_shipped_model_tampered_is_refused(tmp_path: Path) -> None:
    names = _shipped_skops()
    assert len(names) >= 3, "the shipped models are missing"
    folder = _tampered_models(tmp_path / "models", names)
    for name in names:
        with pytest.raises(ModelError, match=rf"{name}\.skops does not match the SHA-256 in its card"):
            load_model(name, folder=folder)


def _screen(tmp_path: Path, models: Path, monkeypatch: pytest.MonkeyPatch, *skip: str):
    import importlib

    from click.testing import CliRunner

    from pipeline.cli import main

    from .builders import good_report

    batch = tmp_path / "batch"
    batch.mkdir(exist_ok=True)
    for i in range(3):
        (batch / f"r{i}.txt").write_text(good_report(60 + i), encoding="utf-8")
    monkeypatch.setenv("SOI_MODELS", str(models))
    # loaded again, from the tampered copy ("pipeline.screen" as a name is the function)
    monkeypatch.setattr(importlib.import_module("pipeline.screen"), "_SEGMENTER", None)
    out = tmp_path / "out"
    args = ["screen", str(batch), "--out", str(out), "--no-cache", "-q", "--engine", "serial"]
    args += ["--no-html", "--no-xlsx", *[a for s in skip for a in ("--skip", s)]]
    return CliRunner().invoke(main, args), out


def test_screen_with_tampered_content_model_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A content model is required: the screen stops with a one-line message naming the file
    (no traceback) and nothing is written."""
    models = _tampered_models(tmp_path / "models", ["content_topic"])
    result, out = _screen(tmp_path, models, monkeypatch, "reuse", "plans")
    assert result.exit_code == 1, result.output
    assert "content_topic.skops does not match the SHA-256 in its card" in result.output
    assert "Traceback" not in result.output
    assert not (out / "documents.csv").exists()


@pytest.mark.parametrize("name", ["section_paragraphs", "plan_items"])
def test_screen_with_tampered_optional_model_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The section-paragraph and plan-item models have fallbacks for a *missing* file only: a
    modified one is refused and stops the screen (a silent fallback would hide the tampering)."""
    models = _tampered_models(tmp_path / "models", [name])
    result, out = _screen(tmp_path, models, monkeypatch, "reuse", "content")
    assert result.exit_code == 1, result.output
    assert f"{name}.skops does not match the SHA-256 in its card" in result.output
    assert "Traceback" not in result.output
    assert not (out / "documents.csv").exists()


def test_screen_with_missing_optional_models_falls_back_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Without the section-paragraph and plan-item model files the screen goes on with the
    fallbacks, warns, and run.json says the plan model was not used."""
    import logging

    models = _tampered_models(tmp_path / "models", [])
    for name in ("section_paragraphs", "plan_items"):
        (models / f"{name}.skops").unlink()
    with caplog.at_level(logging.WARNING):
        result, out = _screen(tmp_path, models, monkeypatch, "reuse", "content")
    assert result.exit_code == 0, result.output
    warned = "\n".join(r.getMessage() for r in caplog.records)
    for name in ("section_paragraphs", "plan_items"):
        assert f"{name}.skops not found" in warned
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert "lexicon baseline" in json.dumps(run), "run.json says the plan model was not used"
