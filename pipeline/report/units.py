"""Unit summaries for the classification meeting: per party cell (unit) and year.

One row per ``(unit, year)`` with: how many reports, the count of each finding, the
self-proposed ratings, the "excellent" proposals made on reports that have findings, and the
share of "excellent" proposals against the quota rule of the regulation governing that year
(domain.md §0 and §5):

====================  ==============  =====  ==========================================
years reviewed        regulation      cap    scope of the quota in the regulation
====================  ==============  =====  ==========================================
up to 2022            132-QĐ/TW,      20%    members of one grassroots party organisation
                      HD 21-HD/BTCTW
2023-2024             124-QĐ/TW       20%    groups with similar role and function
2025 on               366-QĐ/TW       20%    comparable positions; up to 25% for units
                                             with outstanding results
====================  ==============  =====  ==========================================

The rule reads "HTXSNV at most 20% of those rated HTTNV". HTXSNV members are chosen from among
those who meet the HTTNV bar, so the base used here is everyone proposed *HTTNV or better*
(``quota_base`` = excellent + good); the stricter literal reading (excellent / good only) can be
computed from ``rated_excellent`` and ``rated_good``. ``excellent_allowed`` is
``floor(cap * base)``. Only individual reports count (a collective's own rating has its own
comparison group), and these are *self-proposals*: a share over the cap means some proposals
will have to be lowered, not that the final ratings break the rule. The unit (chi bộ) stands in
for the regulation's comparison group, which the batch does not record.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from pipeline import schema


@dataclass(frozen=True)
class QuotaRule:
    """The excellent-rating quota of one regulation."""

    code: str  # short name shown in tables
    cap: float  # HTXSNV / (HTXSNV + HTTNV) at most
    cap_outstanding: float | None  # higher cap allowed for units with outstanding results
    scope: str  # what the regulation counts the share over


RULES: dict[str, QuotaRule] = {
    "2019": QuotaRule("132-QĐ/TW, HD 21-HD/BTCTW", 0.20, None, "grassroots party organisation"),
    "2023": QuotaRule("124-QĐ/TW", 0.20, None, "groups with similar role and function"),
    "2025": QuotaRule("366-QĐ/TW", 0.20, 0.25, "comparable positions; 25% for outstanding units"),
}

UNIT_COLUMNS: tuple[str, ...] = (
    ("unit", "year", "regulation", "reports", "individual_reports", "collective_reports", "with_findings")
    + schema.ALL_FINDINGS
    + (
        "mean_risk",
        "max_risk",
        "rated_excellent",
        "rated_good",
        "rated_completed",
        "rated_not_completed",
        "rating_missing",
        "excellent_with_findings",
        "excellent_with_findings_ids",
        "quota_base",
        "excellent_share",
        "quota_cap",
        "quota_cap_outstanding",
        "excellent_allowed",
        "quota_status",
    )
)

QUOTA_STATUSES: tuple[str, ...] = ("within", "over_unless_outstanding", "over", "no_base", "unknown_regulation")


def era(year: Any, form_version: Any = None) -> str | None:
    """The regulation era (``"2019"``, ``"2023"``, ``"2025"``) of a review year, or None.

    The year decides (domain.md §0); without a year, the form version's era prefix does.
    """
    try:
        y = int(year)
    except (TypeError, ValueError):
        y = None
    if y is not None:
        if y >= 2025:
            return "2025"
        if y >= 2023:
            return "2023"
        return "2019"
    fv = str(form_version or "")
    for key in RULES:
        if fv.startswith(key):
            return key
    return None


def quota_check(excellent: int, good: int, rule: QuotaRule | None) -> dict[str, Any]:
    """Share of excellent proposals against ``rule``: base, share, caps, allowed count, status."""
    base = excellent + good
    out: dict[str, Any] = {
        "quota_base": base,
        "excellent_share": round(excellent / base, 4) if base else None,
        "quota_cap": rule.cap if rule else None,
        "quota_cap_outstanding": rule.cap_outstanding if rule else None,
        "excellent_allowed": math.floor(rule.cap * base + 1e-9) if rule else None,
    }
    if rule is None:
        out["quota_status"] = "unknown_regulation"
    elif base == 0:
        out["quota_status"] = "no_base"
    elif excellent <= rule.cap * base + 1e-9:
        out["quota_status"] = "within"
    elif rule.cap_outstanding is not None and excellent <= rule.cap_outstanding * base + 1e-9:
        out["quota_status"] = "over_unless_outstanding"
    else:
        out["quota_status"] = "over"
    return out


def _any_finding(documents: pd.DataFrame) -> pd.Series:
    cols = [f for f in schema.ALL_FINDINGS if f in documents.columns]
    if not cols:
        return pd.Series(False, index=documents.index)
    return (documents[cols].fillna(0).astype(float) > 0).any(axis=1)


def unit_summary(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per (unit, year), columns :data:`UNIT_COLUMNS`, sorted by unit then year.

    A finding whose stage did not run for any report of the group is an empty cell, like in
    documents.csv.
    """
    if documents is None or not len(documents):
        return pd.DataFrame({c: pd.Series(dtype="object") for c in UNIT_COLUMNS})
    docs = documents.copy()
    docs["unit"] = docs["unit"].fillna("").astype(str)
    docs["_year"] = pd.to_numeric(docs["year"], errors="coerce").astype("Int64")
    docs["_any"] = _any_finding(docs)
    docs["_rating"] = docs["self_rating"].fillna("").astype(str)
    docs["_individual"] = docs["kind"].fillna("individual").astype(str) != "collective"
    rows: list[dict[str, Any]] = []
    for (unit, year), g in docs.groupby(["unit", "_year"], dropna=False, sort=True):
        year_v = None if pd.isna(year) else int(year)
        key = era(year_v, g["form_version"].iloc[0] if "form_version" in g else None)
        rule = RULES.get(key) if key else None
        ind = g[g["_individual"]]
        row: dict[str, Any] = {
            "unit": unit,
            "year": year_v,
            "regulation": rule.code if rule else "",
            "reports": len(g),
            "individual_reports": len(ind),
            "collective_reports": int(len(g) - len(ind)),
            "with_findings": int(g["_any"].sum()),
        }
        for f in schema.ALL_FINDINGS:
            col = g[f] if f in g.columns else pd.Series(dtype="Float64")
            row[f] = int(col.fillna(0).astype(float).sum()) if col.notna().any() else None
        risk = pd.to_numeric(g["risk"], errors="coerce") if "risk" in g.columns else pd.Series(dtype=float)
        row["mean_risk"] = round(float(risk.mean()), 4) if risk.notna().any() else None
        row["max_risk"] = round(float(risk.max()), 4) if risk.notna().any() else None
        counts = ind["_rating"].value_counts()
        excellent = int(counts.get("hoan_thanh_xuat_sac", 0))
        good = int(counts.get("hoan_thanh_tot", 0))
        row["rated_excellent"] = excellent
        row["rated_good"] = good
        row["rated_completed"] = int(counts.get("hoan_thanh", 0))
        row["rated_not_completed"] = int(counts.get("khong_hoan_thanh", 0))
        row["rating_missing"] = int(len(ind) - excellent - good - row["rated_completed"] - row["rated_not_completed"])
        flagged = g[(g["_rating"] == "hoan_thanh_xuat_sac") & g["_any"]]
        row["excellent_with_findings"] = len(flagged)
        row["excellent_with_findings_ids"] = ";".join(str(d) for d in flagged["doc_id"])
        row.update(quota_check(excellent, good, rule))
        rows.append(row)
    out = pd.DataFrame(rows, columns=list(UNIT_COLUMNS))
    out["year"] = out["year"].astype("Int64")
    for f in schema.ALL_FINDINGS:
        out[f] = out[f].astype("Int64")
    out["excellent_allowed"] = out["excellent_allowed"].astype("Int64")
    for c in ("mean_risk", "max_risk", "excellent_share", "quota_cap", "quota_cap_outstanding"):
        out[c] = out[c].astype("Float64")
    return out.reset_index(drop=True)


def excellent_with_findings(documents: pd.DataFrame) -> pd.Series:
    """Boolean per report: proposes "hoàn thành xuất sắc" while having at least one finding."""
    if documents is None or not len(documents):
        return pd.Series(dtype=bool)
    return (documents["self_rating"].fillna("") == "hoan_thanh_xuat_sac") & _any_finding(documents)
