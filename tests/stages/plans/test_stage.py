"""The plans stage on hand-built batches, and the shipped item model against the issue's targets."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline import schema
from pipeline.labelled import load_plan_items
from pipeline.model import Batch
from pipeline.stages.base import Stage
from pipeline.stages.plans import PlanStage
from pipeline.stages.plans.classifier import MODEL_NAME, LexiconModel, item_metrics

WEAK = "II. HẠN CHẾ, KHUYẾT ĐIỂM\n- Trình độ ngoại ngữ còn hạn chế.\n- Chưa mạnh dạn phát biểu trong sinh hoạt chi bộ.\n"
VAGUE_PLAN = (
    "VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC\n- Tiếp tục phát huy ưu điểm, khắc phục hạn chế.\n"
    "- Thường xuyên tu dưỡng, rèn luyện đạo đức, lối sống.\n- Nâng cao tinh thần trách nhiệm trong thời gian tới.\n"
)
SPECIFIC_PLAN = (
    "VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC\n- Học tiếng Anh 3 buổi/tuần, thi chứng chỉ B1 trước ngày 30/6/2025.\n"
    "- Tiếp tục phát huy ưu điểm, khắc phục hạn chế.\n"
)


def _batch(docs: dict[str, list[tuple[str, str]]], year: int = 2024) -> Batch:
    b = Batch()
    drows, srows = [], []
    for doc_id, parts in docs.items():
        text = ""
        for label, body in parts:
            srows.append(
                {
                    "doc_id": doc_id,
                    "label": label,
                    "heading": body.split("\n", 1)[0],
                    "start": len(text),
                    "end": len(text) + len(body),
                }
            )
            text += body
        drows.append({"doc_id": doc_id, "year": year, "kind": "individual", "role": "member", "text": text})
    b.documents = pd.DataFrame(drows).reindex(columns=list(b.documents.columns))
    b.sections = pd.DataFrame(srows)
    return b


@pytest.fixture(scope="module")
def stage() -> PlanStage:
    return PlanStage()


@pytest.fixture(scope="module")
def ran(stage: PlanStage) -> Batch:
    b = _batch(
        {
            "vague": [("weaknesses", WEAK), ("plan", VAGUE_PLAN)],
            "specific": [("weaknesses", WEAK), ("plan", SPECIFIC_PLAN)],
            "noplan": [
                ("weaknesses", WEAK),
                ("self_rating", "VII. Tự nhận mức xếp loại: Hoàn thành nhiệm vụ.\n"),
            ],
        }
    )
    stage.run(b)
    return b


def _finding(b: Batch, doc_id: str, name: str) -> dict:
    f = b.findings
    return f[(f["doc_id"] == doc_id) & (f["finding"] == name)].iloc[0].to_dict()


def test_protocol(stage: PlanStage):
    assert isinstance(stage, Stage)
    assert stage.name == "plans" and stage.provides == ("vague_plan", "unremedied_weaknesses")


def test_vague_plan_flags(ran: Batch):
    v = _finding(ran, "vague", "vague_plan")
    assert v["flag"] == 1 and v["score"] > 0.5
    assert v["reason"].startswith("Không có biện pháp nào có thời hạn hoặc chỉ tiêu đo được")
    assert "3 mục đều thiếu thời hạn" in v["reason"]
    s = _finding(ran, "specific", "vague_plan")
    assert s["flag"] == 0 and s["score"] < 0.5
    n = _finding(ran, "noplan", "vague_plan")
    assert n["flag"] == 1 and n["score"] == 1.0 and "Không có phần phương hướng" in n["reason"]


def test_unremedied_weaknesses(ran: Batch):
    # the vague plan answers the criticism weakness? no: only blanket and ethics items
    v = _finding(ran, "vague", "unremedied_weaknesses")
    assert v["flag"] == 1 and v["score"] == 1.0
    assert "ngoại ngữ" in v["reason"] and v["detail"].count(";") == 1
    s = _finding(ran, "specific", "unremedied_weaknesses")
    assert (
        s["flag"] == 1 and s["score"] == 0.5 and "phát biểu" in s["detail"] and "ngoại ngữ" not in s["detail"]
    )


def test_plan_rows(ran: Batch):
    p = ran.plans
    assert list(p.columns) == list(schema.PLAN_COLUMNS)
    row = p[(p["doc_id"] == "specific") & p["item"].str.contains("tiếng Anh")].iloc[0]
    assert row["label"] == "specific" and row["missing"] == ""
    assert (
        row["deadline"] == "trước ngày 30/6/2025"
        and row["deadline_end"] == "2025-06-30"
        and row["deadline_start"] == ""
    )
    assert row["answers_weakness"] == "- Trình độ ngoại ngữ còn hạn chế."
    text = ran.documents.set_index("doc_id").loc["specific", "text"]
    assert text[int(row["start"]) : int(row["end"])] == row["item"]
    for m in p["missing"]:
        assert all(s in schema.PLAN_SLOTS for s in filter(None, m.split(";")))
    vague = p[p["doc_id"] == "vague"]
    assert set(vague["label"]) == {"vague"} and all("deadline" in m for m in vague["missing"])


def test_params_recorded(ran: Batch):
    params = ran.params["plans"]
    assert params["item_threshold"] == 0.5 and params["link"]["threshold"] > 0
    assert params["model"].startswith(MODEL_NAME)


def test_empty_batch(stage: PlanStage):
    b = Batch()
    stage.run(b)
    assert len(b.findings) == 0 and len(b.plans) == 0


def test_shipped_model_meets_targets(stage: PlanStage):
    """Issue 9: on the fixed test split, accuracy >= 0.9, vague-class F1 >= 0.85, and the lexicon
    baseline is beaten on both."""
    df = load_plan_items()
    te = df[df["split"] == "test"]
    gold = te["label"].tolist()
    model = stage.model
    got = item_metrics(gold, [p["label"] for p in model.predict(te["text"].tolist())])
    base = item_metrics(gold, [p["label"] for p in LexiconModel().predict(te["text"].tolist())])
    assert got["accuracy"] >= 0.9 and got["vague_f1"] >= 0.85, got
    assert got["accuracy"] > base["accuracy"] and got["vague_f1"] > base["vague_f1"], (got, base)
