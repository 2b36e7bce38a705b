"""Official form skeletons (from corpora/banks/headings.csv) and how writers number and word headings."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.corpus.data import Family, headings

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
LETTERS = "abcdefghiklmn"
PARTS = "ABCD"

#: Form code strings printed in the corner (domain.md §0). 2025 writers also write "Mẫu 2B-…".
FORM_CODES: dict[str, str] = {
    "2019": "Mẫu 02-HD KĐ.ĐG 2019",
    "2023-02A": "Mẫu 02A-HD KĐ.ĐG 2023",
    "2023-02B": "Mẫu 02B-HD KĐ.ĐG 2023",
    "2025-2A": "Mẫu 02A-HD KĐ.ĐG 2025",
    "2025-2B": "Mẫu 02B-HD KĐ.ĐG 2025",
    "2025-2C": "Mẫu 02C-HD KĐ.ĐG 2025",
    "2019-collective": "Mẫu 01-HD KĐ.ĐG 2019",
    "2023-collective": "Mẫu 01-HD KĐ.ĐG 2023",
    "2025-collective": "Mẫu 01-HD KĐ.ĐG 2025",
}

#: Subtitle in parentheses, which tells the form type (domain.md §0). [R] for 2019.
SUBTITLES: dict[str, str] = {
    "2019": "(Dùng cho cán bộ, đảng viên)",
    "2023-02A": "(Dùng cho cá nhân không giữ chức vụ lãnh đạo, quản lý)",
    "2023-02B": "(Dùng cho cá nhân giữ chức vụ lãnh đạo, quản lý)",
    "2025-2A": "(Cá nhân giữ chức vụ lãnh đạo, quản lý)",
    "2025-2B": "(Cá nhân không giữ chức vụ lãnh đạo, quản lý)",
    "2025-2C": "(Đảng viên không làm việc trong hệ thống chính trị)",
}

#: The guidance each period's preamble cites, and the one a careless writer still cites.
GUIDANCE: dict[str, tuple[str, ...]] = {
    "2019": (
        "Hướng dẫn số 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương",
        "Quy định số 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị",
    ),
    "2023": (
        "Hướng dẫn số 25-HD/BTCTW ngày 10/11/2023 của Ban Tổ chức Trung ương",
        "Quy định số 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị",
    ),
    "2025": (
        "Hướng dẫn số 43-HD/BTCTW ngày 31/10/2025 của Ban Tổ chức Trung ương",
        "Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị",
    ),
}

RATING_TEXT: dict[str, str] = {
    "hoan_thanh_xuat_sac": "Hoàn thành xuất sắc nhiệm vụ",
    "hoan_thanh_tot": "Hoàn thành tốt nhiệm vụ",
    "hoan_thanh": "Hoàn thành nhiệm vụ",
    "khong_hoan_thanh": "Không hoàn thành nhiệm vụ",
}


def period(year: int) -> str:
    """The rule period of a review year: "2019" (HD 21), "2023" (HD 25) or "2025" (HD 43)."""
    if year <= 2022:
        return "2019"
    if year <= 2024:
        return "2023"
    return "2025"


def form_version(year: int, kind: str, leader: bool, outside_system: bool) -> str:
    """The schema.FORM_VERSIONS name of the form a member fills in for ``year``."""
    p = period(year)
    if kind == "collective":
        return f"{p}-collective"
    if p == "2019":
        return "2019"
    if p == "2023":
        return "2023-02B" if leader else "2023-02A"
    if leader:
        return "2025-2A"
    return "2025-2C" if outside_system else "2025-2B"


@dataclass
class Node:
    """One heading of an official form."""

    level: int
    label: str | None  # None for parent headings
    official: str
    prompts: list[str] = field(default_factory=list)
    parent_key: str = ""  # strengths | shortcomings | part_a | part_b for parents


def skeleton(version: str, leader: bool) -> list[Node]:
    """The form's headings in order (leader-only items dropped for non-leaders)."""
    nodes: list[Node] = []
    n_parents = 0
    for row in headings()[version]:
        if row.applies_to == "leader" and not leader:
            continue
        if row.level == "prompt":
            if nodes:
                nodes[-1].prompts.append(row.text)
            continue
        level = int(row.level)
        if row.section == "parent":
            if level == 0:
                key = "part_a" if not any(n.parent_key == "part_a" for n in nodes) else "part_b"
            else:
                key = "strengths" if n_parents == 0 else "shortcomings"
                n_parents += 1
            nodes.append(Node(level, None, row.text, parent_key=key))
        else:
            nodes.append(Node(level, row.section, row.text))
    return nodes


# --- heading styles ---------------------------------------------------------------------------

#: Numbering schemes: prefix patterns per level 0-3. ``{A}`` part letter, ``{I}`` roman,
#: ``{n}`` arabic, ``{a}`` letter, ``{o}`` outline number (1.2.3).
SCHEMES: dict[str, tuple[str, str, str, str]] = {
    "roman_dot": ("{A}.", "{I}.", "{n}.", "{a})"),
    "roman_dash": ("{A}-", "{I}-", "{n}-", "+"),
    "roman_slash": ("{A}/", "{I}/", "{n}/", "{a}/"),
    "latin": ("{A}", "{I}", "{n}.", "{a}."),
    "phan": ("PHẦN {A}.", "{I}.", "{n}.", "{a})"),
    "phan_roman": ("PHẦN {A}.", "PHẦN {I}.", "{n}.", "{a})"),
    "outline": ("{A}.", "{o}.", "{o}.", "{o}."),
    "roman_outline": ("{A}.", "{I}.", "{n}.", "{o}."),
    "caps": ("", "", "-", "+"),
    "plain": ("", "", "", ""),
}


def number_prefix(scheme: str, level: int, counters: list[int]) -> str:
    """The numbering prefix of a heading at ``level`` given the running counters (1-based)."""
    pattern = SCHEMES[scheme][min(level, 3)]
    if not pattern:
        return ""
    k = counters[level]
    if "{o}" in pattern:
        start = 1 if scheme == "outline" else 2
        outline = ".".join(str(c) for c in counters[start : level + 1] if c)
        return pattern.replace("{o}", outline or str(k))
    return (
        pattern.replace("{A}", PARTS[(k - 1) % len(PARTS)])
        .replace("{I}", ROMAN[(k - 1) % len(ROMAN)])
        .replace("{n}", str(k))
        .replace("{a}", LETTERS[(k - 1) % len(LETTERS)])
    )


def heading_line(prefix: str, text: str, level: int, upper: bool, colon: bool) -> str:
    """Assemble a heading line from its numbering prefix and wording."""
    body = text.upper() if upper else text
    if colon and not body.endswith(":"):
        body = body.rstrip(".") + ":"
    return f"{prefix} {body}" if prefix else body


def short_heading(fam: Family, label: str, pick: int) -> str | None:
    options = fam["heading_short"].get(label)
    if not options:
        return None
    return options[pick % len(options)]


def short_parent(fam: Family, key: str, pick: int) -> str:
    options = fam["parent_short"][key]
    return options[pick % len(options)]
