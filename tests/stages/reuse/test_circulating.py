"""Colleague copies of a text that circulates between units are read as template use."""

from __future__ import annotations

import pandas as pd

from pipeline.stages.reuse.stage import circulating_text


def _rows(peer: dict[str, list[str]], docs: list[str]) -> list[dict]:
    rows = []
    for d in docs:
        src = peer.get(d, [])
        rows.append(
            {
                "doc_id": d,
                "finding": "copied_peer",
                "flag": int(bool(src)),
                "score": 0.4 if src else 0.0,
                "reason": "",
                "detail": ";".join(src),
            }
        )
        rows.append(
            {"doc_id": d, "finding": "template_heavy", "flag": 0, "score": 0.0, "reason": "", "detail": ""}
        )
    return rows


def _meta(units: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(units), "unit": list(units.values())})


def _flags(rows: list[dict]) -> dict[tuple[str, str], int]:
    return {(r["doc_id"], r["finding"]): r["flag"] for r in rows}


def test_text_shared_across_three_units_is_a_circulating_template() -> None:
    units = {"a": "U1", "b": "U2", "c": "U3"}
    rows = circulating_text(_rows({"a": ["c"], "b": ["c"]}, list(units)), _meta(units), 3)
    f = _flags(rows)
    assert f[("a", "copied_peer")] == 0 and f[("a", "template_heavy")] == 1
    assert f[("b", "copied_peer")] == 0 and f[("b", "template_heavy")] == 1
    reason = next(r["reason"] for r in rows if r["doc_id"] == "a" and r["finding"] == "template_heavy")
    assert "3 đơn vị" in reason and "c" in reason


def test_copy_within_a_unit_or_between_two_units_stays_a_colleague_copy() -> None:
    same_unit = {"a": "U1", "b": "U1", "c": "U2"}
    rows = circulating_text(_rows({"a": ["b"], "c": ["b"]}, list(same_unit)), _meta(same_unit), 3)
    f = _flags(rows)
    assert f[("a", "copied_peer")] == 1 and f[("a", "template_heavy")] == 0  # a colleague of its unit
    two_units = {"a": "U1", "b": "U2"}
    rows = circulating_text(_rows({"a": ["b"]}, list(two_units)), _meta(two_units), 3)
    assert _flags(rows)[("a", "copied_peer")] == 1


def test_off_when_min_units_is_unreachable() -> None:
    units = {"a": "U1", "b": "U2", "c": "U3"}
    rows = _rows({"a": ["c"], "b": ["c"]}, list(units))
    assert circulating_text(rows, _meta(units), 4) == rows
