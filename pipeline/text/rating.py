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


def parse_self_rating(text: str) -> str | None:
    """The rating level (``schema.RATINGS`` name) the report proposes for itself, or None."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not _PROMPT_RE.search(line):
            continue
        # the prompt's own line, then the next few lines (a ticked list under the prompt)
        window = [line] + lines[i + 1 : i + 6]
        same = _levels_in(line.split(":", 1)[1] if ":" in line else "")
        if len(same) == 1:
            return same[0]
        marked = [lv for w in window for lv in _levels_in(w) if _MARK_RE.search(w)]
        if len(set(marked)) == 1:
            return marked[0]
        listed = [(w, _levels_in(w)) for w in window[1:]]
        single = [lv[0] for w, lv in listed if len(lv) == 1]
        if len(single) == 1 or (single and len(set(single)) == 1):
            return single[0]
        if len(single) >= 2:
            # two rating lines (as civil servant and as party member): the party one counts
            party = [
                lv[0] for w, lv in listed if len(lv) == 1 and re.search(r"(?i)đảng viên|tập thể|chi bộ", w)
            ]
            if party:
                return party[-1]
            return None
    return None


def parse_self_score(text: str) -> float | None:
    """The 2025 self-score out of 100 ("Tổng điểm: 86/100"), or None."""
    m = _SCORE_RE.search(text)
    if not m:
        return None
    value = float(m.group(1).replace(",", "."))
    return value if 0 <= value <= 100 else None
