"""Static pictures for the HTML report: risk per unit and the trend per year (PNG bytes).

Drawn with matplotlib's object API on the Agg canvas (no pyplot state, no display, no
network); the HTML embeds them as base64 ``data:`` URIs so the report stays one file.
DejaVu Sans, which ships with matplotlib, has the Vietnamese glyphs.
"""

from __future__ import annotations

import base64
import io

import numpy as np
import pandas as pd

from pipeline import schema
from pipeline.report.i18n import FINDING_SHORT, UI, check_lang

#: Units drawn at most in the per-unit picture (the riskiest by mean risk; the rest are named).
MAX_UNITS = 25


def _figure(width: float, height: float):  # type: ignore[no-untyped-def]
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def _png(fig) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", metadata={"Software": None})
    return buf.getvalue()


def risk_by_unit_png(documents: pd.DataFrame, lang: str = "vi") -> bytes | None:
    """Box plot with the points of risk per unit (riskiest units first), or None without risk."""
    ui = UI[check_lang(lang)]
    docs = documents[["unit", "risk"]].copy()
    docs["risk"] = pd.to_numeric(docs["risk"], errors="coerce")
    docs = docs.dropna(subset=["risk"])
    if docs.empty:
        return None
    docs["unit"] = docs["unit"].fillna("").astype(str)
    order = docs.groupby("unit")["risk"].mean().sort_values(ascending=False)
    shown = list(order.index[:MAX_UNITS])
    more = len(order) - len(shown)
    data = [docs.loc[docs["unit"] == u, "risk"].to_numpy() for u in shown]
    fig = _figure(8, 0.9 + 0.32 * len(shown))
    ax = fig.add_subplot()
    pos = np.arange(len(shown))[::-1]
    ax.boxplot(data, positions=pos, orientation="horizontal", widths=0.6, showfliers=False)
    rng = np.random.default_rng(0)  # fixed jitter: the same batch draws the same picture
    for p, values in zip(pos, data, strict=True):
        ax.scatter(values, p + rng.uniform(-0.18, 0.18, len(values)), s=10, alpha=0.55, color="#b2182b")
    ax.set_yticks(pos)
    ax.set_yticklabels([u or "-" for u in shown], fontsize=8)
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel(ui["chart_risk_axis"])
    title = ui["chart_units"]
    if more > 0:
        title += " (" + ui["chart_more_units"].format(n=more) + ")"
    ax.set_title(title, fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    return _png(fig)


def trend_by_year_png(documents: pd.DataFrame, lang: str = "vi") -> bytes | None:
    """Share of reports with each finding per year, and the mean risk; None with < 1 year."""
    lang = check_lang(lang)
    ui = UI[lang]
    docs = documents.copy()
    docs["_year"] = pd.to_numeric(docs["year"], errors="coerce")
    docs = docs.dropna(subset=["_year"])
    if docs.empty:
        return None
    years = sorted(int(y) for y in docs["_year"].unique())
    fig = _figure(8, 4.2)
    ax = fig.add_subplot()
    cols = [f for f in schema.ALL_FINDINGS if f in docs.columns and docs[f].notna().any()]
    by_year = docs.groupby("_year")
    markers = "os^vD<>ph*"
    for k, f in enumerate(cols):
        share = by_year[f].apply(lambda s: float(s.dropna().astype(float).mean()) if s.notna().any() else np.nan)
        ax.plot(years, [share.get(y, np.nan) for y in years], marker=markers[k % len(markers)],
                linewidth=1.2, label=FINDING_SHORT[lang][f])
    if cols:
        anyf = by_year.apply(lambda g: float((g[cols].fillna(0).astype(float) > 0).any(axis=1).mean()))
        ax.plot(years, [anyf.get(y, np.nan) for y in years], color="black", linewidth=2.4,
                label=ui["chart_any"])
    risk = pd.to_numeric(docs["risk"], errors="coerce")
    if risk.notna().any():
        mean_risk = risk.groupby(docs["_year"]).mean()
        ax.plot(years, [mean_risk.get(y, np.nan) for y in years], color="#b2182b", linestyle="--",
                linewidth=2, label=ui["chart_mean_risk"])
    ax.set_xticks(years)
    ax.set_xticklabels([str(y) for y in years])
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel(ui["chart_year"])
    ax.set_ylabel(ui["chart_share_axis"])
    ax.set_title(ui["chart_trend"], fontsize=10)
    ax.grid(alpha=0.3)
    if not ax.get_lines():
        return None  # no finding computed and no risk: nothing to draw
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    return _png(fig)


def data_uri(png: bytes | None) -> str | None:
    """``data:image/png;base64,...`` for an ``<img src>``, or None."""
    if png is None:
        return None
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
