"""The self-proposed rating ("Tự nhận mức xếp loại …") and the 2025 self-score.

Forms print all four levels; the member keeps one, ticks one (x, ☒, ✓) or writes it after the
prompt. A line that lists several levels without a mark is ambiguous and gives None.
"""

from __future__ import annotations

import re

_LEVELS = (
    ("khong_hoan_thanh", r"không hoàn thành (tốt )?nhiệm vụ|khtnv"),
    ("hoan_thanh_xuat_sac", r"hoàn thành xuất sắc( nhiệm vụ)?|htxsnv"),
    ("hoan_thanh_tot", r"hoàn thành tốt( nhiệm vụ)?|httnv"),
    ("hoan_thanh", r"(?<!không )hoàn thành nhiệm vụ|htnv"),
)
_LEVEL_RES = [(name, re.compile(p, re.I)) for name, p in _LEVELS]
_PROMPT_RE = re.compile(
    r"(?i)(tự nhận|tự xếp loại|đề xuất xếp loại|xếp loại (chất lượng )?(đảng viên|tập thể|chi bộ|mức)|mức xếp loại|tự đánh giá,? xếp loại|xếp loại:)"
)
_MARK_RE = re.compile(r"[☒☑✓✔■xX]\s*$|^\s*[☒☑✓✔■]|\[\s*[xX✓]\s*\]|\(\s*[xX✓]\s*\)")
_SCORE_RE = re.compile(r"(?i)tổng (?:số )?điểm[^\d\n]{0,30}(\d{1,3}(?:[.,]\d+)?)\s*(?:/\s*100|điểm)?")


def _levels_in(line: str) -> list[str]:
    found = []
    rest = line
    for name, regex in _LEVEL_RES:
        if regex.search(rest):
            found.append(name)
            rest = regex.sub(" ", rest)
    return found


def parse_self_rating(text: str, whole_report: bool = False) -> str | None:
    """The rating level (``schema.RATINGS`` name) the report proposes for itself, or None.

    ``text`` is the self-rating section; with ``whole_report`` (no such section was found) only
    lines that also carry a rating prompt word count, since "hoàn thành tốt nhiệm vụ được giao"
    is a stock phrase of the duties part. A ticked option wins; otherwise the lines naming exactly
    one level decide; two different ones (as civil servant and as party member) resolve to the
    party line; an untouched list of all levels gives None.
    """
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if whole_report:
        lines = [ln for ln in lines if _PROMPT_WORD_RE.search(ln)]
    marked = [lv for ln in lines for lv in _levels_in(ln) if _MARK_RE.search(ln)]
    if len(set(marked)) == 1:
        return marked[0]
    singles = [(ln, _levels_in(ln)[0]) for ln in lines if len(_levels_in(ln)) == 1]
    levels = {lv for _, lv in singles}
    if len(levels) == 1:
        return singles[0][1]
    if len(levels) >= 2:
        party = [lv for ln, lv in singles if re.search(r"(?i)đảng viên|tập thể|chi bộ|đề nghị|đề xuất|tự nhận", ln)]
        if len(set(party)) == 1:
            return party[0]
    return None


_PROMPT_WORD_RE = re.compile(r"(?i)xếp loại|đề nghị|đề xuất|tự nhận|mức chất lượng|tự đánh giá")


def parse_self_score(text: str) -> float | None:
    """The 2025 self-score out of 100 ("Tổng điểm: 86/100"), or None."""
    m = _SCORE_RE.search(text)
    if not m:
        return None
    value = float(m.group(1).replace(",", "."))
    return value if 0 <= value <= 100 else None
