"""Unit summaries: finding counts, self-proposed ratings, the excellent-rating quota per regulation."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline import schema
from pipeline.report.units import RULES, UNIT_COLUMNS, era, quota_check, unit_summary

from .fixtures import UNIT_A, make_result


@pytest.mark.parametrize(
    ("year", "form", "expected"),
    [(2019, None, "2019"), (2022, None, "2019"), (2023, None, "2023"), (2024, "2025-2A", "2023"),
     (2025, None, "2025"), (2026, None, "2025"), (None, "2025-2A", "2025"), (None, "unknown", None)],
)
def test_era_follows_the_year(year, form, expected) -> None:
    assert era(year, form) == expected


def test_quota_rules() -> None:
    # 1 excellent among 5 rated good or better: exactly 20%, within
    assert quota_check(1, 4, RULES["2023"])["quota_status"] == "within"
    assert quota_check(1, 4, RULES["2023"])["excellent_allowed"] == 1
    # 2 of 8 = 25%: over under 124, allowed under 366 only for outstanding units
    assert quota_check(2, 6, RULES["2023"])["quota_status"] == "over"
    assert quota_check(2, 6, RULES["2025"])["quota_status"] == "over_unless_outstanding"
    assert quota_check(3, 6, RULES["2025"])["quota_status"] == "over"
    # 1 of 4: 25% > 20%, floor(0.2 * 4) = 0 allowed
    assert quota_check(1, 3, RULES["2019"])["excellent_allowed"] == 0
    assert quota_check(0, 0, RULES["2019"])["quota_status"] == "no_base"
    assert quota_check(1, 1, None)["quota_status"] == "unknown_regulation"


def test_summary_of_fixture() -> None:
    units = unit_summary(make_result().documents)
    assert list(units.columns) == list(UNIT_COLUMNS)
    row = units[(units.unit == UNIT_A) & (units.year == 2025)].iloc[0]
    assert row.reports == 3 and row.with_findings == 3
    assert row.copied_peer == 2 and row.copied_prior == 1 and row.template_heavy == 0
    assert (row.rated_excellent, row.rated_good) == (1, 2)
    assert row.excellent_with_findings == 1 and row.excellent_with_findings_ids == "m1-2025"
    assert row.regulation == "366-QĐ/TW"
    assert row.excellent_share == pytest.approx(1 / 3, abs=1e-4)
    assert row.quota_status == "over"  # 33% > 25%


def _docs(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows).reindex(columns=list(schema.DOCUMENT_COLUMNS))
    return df


def test_collectives_do_not_count_for_the_quota_and_missing_stages_stay_empty() -> None:
    base = {"unit": "U", "year": 2024, "form_version": "2023-02A", "risk": 0.0, "copied_prior": 0}
    docs = _docs(
        [
            {**base, "doc_id": "a", "kind": "individual", "self_rating": "hoan_thanh_xuat_sac"},
            {**base, "doc_id": "b", "kind": "individual", "self_rating": "hoan_thanh_tot"},
            {**base, "doc_id": "c", "kind": "individual", "self_rating": "hoan_thanh_tot"},
            {**base, "doc_id": "d", "kind": "individual", "self_rating": "hoan_thanh_tot"},
            {**base, "doc_id": "e", "kind": "individual", "self_rating": "hoan_thanh_tot"},
            {**base, "doc_id": "f", "kind": "collective", "self_rating": "hoan_thanh_xuat_sac"},
            {**base, "doc_id": "g", "kind": "individual", "self_rating": None},
        ]
    )
    row = unit_summary(docs).iloc[0]
    assert (row.individual_reports, row.collective_reports) == (6, 1)
    assert (row.rated_excellent, row.quota_base, row.rating_missing) == (1, 5, 1)
    assert row.quota_status == "within"
    assert row.copied_prior == 0
    assert pd.isna(row.copied_peer)  # that stage never ran: empty, not 0
    assert row.with_findings == 0


def test_empty() -> None:
    assert list(unit_summary(pd.DataFrame(columns=list(schema.DOCUMENT_COLUMNS))).columns) == list(UNIT_COLUMNS)
