"""Shipped content models: small, loadable through the safe loader, and the compact form is exact."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.modelio import ModelError, load_card, load_model, models_dir
from pipeline.stages.content import ContentStage
from pipeline.stages.content.compact import CompactTextClassifier, compact_from_pipeline, fit_platt
from pipeline.stages.content.features import input_frame
from pipeline.stages.content.models import ALL_MODEL_NAMES, CONFIGS, DIMENSION_MODEL, build_model

MAX_BYTES = 5_000_000


@pytest.mark.parametrize("name", ALL_MODEL_NAMES)
def test_shipped_model_small_and_safe(name: str) -> None:
    path = models_dir() / f"{name}.skops"
    assert path.exists(), f"{path} missing: run `soi train`"
    assert path.stat().st_size < MAX_BYTES
    model = load_model(name)  # hash and type checks
    card = load_card(name)
    assert card["metrics"]
    if name != "content_link":
        assert isinstance(model, CompactTextClassifier)


def test_sentence_classifier_meets_the_target() -> None:
    metrics = load_card(DIMENSION_MODEL)["metrics"]
    assert metrics["test_macro_f1"] >= 0.85
    assert metrics["n_test"] >= 250


def test_missing_model_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOI_MODELS", str(tmp_path))
    with pytest.raises(ModelError, match="soi train"):
        ContentStage().models()


def test_compact_form_reproduces_the_pipeline() -> None:
    texts = [
        "Năm 2024 tôi xử lý 56 sự cố lưới điện, giảm 25 phút so với năm trước.",
        "Hoàn thành tốt nhiệm vụ được giao.",
        "Trong quý III còn 6 hồ sơ trả kết quả quá hạn.",
        "Đôi lúc còn ngại va chạm, chưa mạnh dạn phê bình.",
        "Tiếp nhận 1.246 hồ sơ hộ tịch, trả đúng hạn 1.231 hồ sơ.",
        "Khối lượng, chất lượng, tiến độ công việc cơ bản đáp ứng yêu cầu.",
    ] * 3
    frame = input_frame(texts, tokens=[t.lower() for t in texts])
    y = np.array(["specific", "generic"] * 9)
    config = CONFIGS[DIMENSION_MODEL]
    pipe = build_model(config).fit(frame, y)
    compact = compact_from_pipeline(
        pipe, *fit_platt(pipe.decision_function(frame), y, ["generic", "specific"]), check=frame
    )
    assert np.allclose(compact.decision_function(frame), pipe.decision_function(frame), atol=1e-3)
    proba = compact.predict_proba(frame)
    assert proba.shape == (len(texts), 2) and np.allclose(proba.sum(axis=1), 1)
    assert list(compact.predict(pd.DataFrame(frame))) == list(pipe.predict(frame))


def test_chunked_proba_is_bit_identical(stage: ContentStage) -> None:
    """Scoring in chunks (the bounded-memory path) gives exactly the probabilities of one call."""
    from pipeline.engine.proba import chunked_proba

    texts = [
        "Kiên định chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.",
        "Năm 2024 tôi xử lý 56 sự cố lưới điện; giảm 25 phút so với năm trước.",
        "Hoàn thành tốt nhiệm vụ được giao.",
        "Đôi lúc còn ngại va chạm, chưa mạnh dạn phê bình.",
        "Sống giản dị, lành mạnh.",
        "",
        "Tiếp nhận 1.246 hồ sơ hộ tịch, trả đúng hạn 1.231 hồ sơ.",
    ] * 3
    frame = input_frame(texts, tokens=[t.lower().replace(" ", "_", 1) for t in texts])
    for name, model in stage.models().items():
        if not isinstance(model, CompactTextClassifier):
            continue
        whole = np.asarray(model.predict_proba(frame), dtype=float)
        for chunk in (1, 4, len(texts)):
            assert np.array_equal(chunked_proba(model, frame, chunk_rows=chunk), whole), (name, chunk)
    with pytest.raises(ValueError):
        chunked_proba(model, frame, chunk_rows=0)
