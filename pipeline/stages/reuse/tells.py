"""Genre tells of a copied report (domain.md §7): supporting evidence for a reuse reason line.

Tells never raise a flag on their own; they are appended to the reason of the finding they
support when that finding found reused passages:

* a wrong year left in (``trong năm 2023`` or a title ``Năm 2023`` in a 2024 report) and a
  superseded regulation or form code (132-QĐ/TW or 21-HD/BTCTW in 2023+, 124-QĐ/TW or
  25-HD/BTCTW in 2025+) → own earlier report or an old sample;
* another person's name (the source's name) → a colleague's report;
* another person's post: the text names the post the *other* report's header gives and not the
  writer's own ("Với cương vị điều dưỡng" under a header "Chức vụ chính quyền: Dược sĩ") → the
  writer took the colleague's text; used to tell who copied whom within a year (:func:`post_lean`);
* unfilled sample placeholders (``Nguyễn Văn A``, ``XXX``, ``[họ và tên]``, ``Ví dụ:``) → a template.
"""

from __future__ import annotations

import re

_YEAR_IN_RE = re.compile(r"\b(?:[Tt]rong|[Cc]ả|[Qq]ua) năm (20\d\d)\b(?!\s*-\s*20\d\d)")
_TITLE_YEAR_RE = re.compile(r"(?m)^\s*(?:NĂM|Năm) (20\d\d)\s*$")
#: (regex, first review year in which the reference is superseded, label)
_SUPERSEDED: tuple[tuple[re.Pattern[str], int, str], ...] = (
    (re.compile(r"\b132\s*-\s*QĐ/TW"), 2023, "132-QĐ/TW"),
    (re.compile(r"\b21\s*-\s*HD/BTCTW"), 2023, "21-HD/BTCTW"),
    (re.compile(r"KĐ\.?\s*ĐG\s*2019"), 2023, "mẫu 2019"),
    (re.compile(r"\b124\s*-\s*QĐ/TW"), 2025, "124-QĐ/TW"),
    (re.compile(r"\b25\s*-\s*HD/BTCTW"), 2025, "25-HD/BTCTW"),
    (re.compile(r"KĐ\.?\s*ĐG\s*2023"), 2025, "mẫu 2023"),
)
_PLACEHOLDER_RE = re.compile(
    r"Nguyễn Văn A\b|\b[Xx]{3,}\b|\[[^\]\n]{2,40}\]|(?m:^\s*Ví dụ\s*:)|\(ghi rõ[^)\n]{0,40}\)(?!\s*\n\s*\S)"
)


def year_tells(text: str, year: int | None) -> list[str]:
    """Earlier review years left in the text (``trong năm 2023`` in a 2024 report)."""
    if not year:
        return []
    out: list[str] = []
    for m in _YEAR_IN_RE.finditer(text):
        y = int(m.group(1))
        if year - 3 <= y < year and m.group(0) not in out:
            out.append(m.group(0))
    for m in _TITLE_YEAR_RE.finditer(text):
        y = int(m.group(1))
        if y < year and m.group(0).strip() not in out:
            out.append(m.group(0).strip())
    return out


def regulation_tells(text: str, year: int | None) -> list[str]:
    """Superseded regulation or form references for the review year."""
    if not year:
        return []
    return [label for rx, since, label in _SUPERSEDED if year >= since and rx.search(text)]


def name_tells(text: str, own_name: str | None, other_names: list[str]) -> list[str]:
    """Other people's names (e.g. the source report's author) found in the text."""
    low = text.lower()
    own = (own_name or "").strip().lower()
    out = []
    for name in other_names:
        n = (name or "").strip()
        if len(n.split()) >= 2 and n.lower() != own and n.lower() in low and n not in out:
            out.append(n)
    return out


def placeholder_tells(text: str) -> list[str]:
    """Unfilled sample placeholders."""
    out: list[str] = []
    for m in _PLACEHOLDER_RE.finditer(text):
        s = m.group(0).strip()
        if s not in out:
            out.append(s)
        if len(out) >= 3:
            break
    return out


#: The work post in the header ("Chức vụ chính quyền: …", "Chức vụ: …", "Chức danh: …").
_POST_RE = re.compile(
    r"(?im)^[ \t]*(?:Chức vụ chính quyền|Chức vụ|Chức danh|Vị trí việc làm)[ \t]*:[ \t]*([^\n]{2,80}?)[ \t.]*$"
)
_NOT_A_POST = {"không", "đảng viên", "không có", "chưa có", "nhân viên"}


def header_post(text: str) -> str:
    """The work post given in the report's header, lower-cased ('' when none or a blank)."""
    m = _POST_RE.search(text[:4000])
    if not m:
        return ""
    post = " ".join(m.group(1).lower().split())
    if post in _NOT_A_POST or len(post.split()) < 2 or not any(ch.isalpha() for ch in post):
        return ""
    return post


def post_lean(shared_text: str, own_post: str, other_post: str) -> int:
    """Who wrote a text two reports share, from the posts it names: +1 when it names the other
    report's post and not the writer's own (the writer copied it), -1 when the reverse, 0 when
    it names both, neither, or the two posts are the same."""
    if not own_post or not other_post or own_post == other_post:
        return 0
    low = " ".join(shared_text.lower().split())
    # the shorter post inside the longer one ("kế toán" / "kế toán ngân hàng"): look for the
    # shorter one only outside the longer one's occurrences
    longer, shorter = (own_post, other_post) if len(own_post) >= len(other_post) else (other_post, own_post)
    has_longer = longer in low
    has_shorter = shorter in low.replace(longer, " ")
    has_own = has_longer if longer == own_post else has_shorter
    has_other = has_longer if longer == other_post else has_shorter
    return int(has_other and not has_own) - int(has_own and not has_other)
