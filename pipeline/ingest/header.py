"""Read a report's own header: who, which unit, which year, which form (domain.md §0-§1).

Used when no manifest is given (every field then counts as *guessed*), and always for the form
version, which the manifest does not carry. The form type is read from the subtitle
("Cá nhân giữ chức vụ lãnh đạo, quản lý" …) and the code string ("Mẫu 02A-HD KĐ.ĐG 2023"), never
from the letter alone: 02A means *no post* in 2023 and 2A means *leadership post* in 2025.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.ingest.legacy import is_vietnamese_syllable
from pipeline.text.normalize import strip_accents

#: How many leading characters are searched for header fields.
HEADER_WINDOW = 3000


@dataclass
class HeaderInfo:
    name: str | None = None
    dob: str | None = None  # ISO date or year
    unit: str | None = None
    year: int | None = None
    kind: str | None = None  # individual | collective
    role: str | None = None  # member | leader
    form_code: str | None = None  # e.g. "02A-2023"
    subtitle_role: str | None = None  # leader | member | outside (2C) from the subtitle
    party_post: str | None = None
    warnings: list[str] = field(default_factory=list)


_NAME_RE = re.compile(
    r"(?im)^[-+ ]*(?:họ (?:và|&) tên|họ tên|tên (?:đảng viên|tôi))\s*(?:đảng viên)?\s*[:.]?\s*(?P<v>[^\n:]*?)\s*(?=$|[;,.]?\s*(?:ngày sinh|sinh ngày|năm sinh|nam/nữ|giới tính|bí danh|\n))"
)
_DOB_RE = re.compile(
    r"(?i)(?:ngày,? tháng,? năm sinh|ngày sinh|sinh ngày|năm sinh)\s*[:.]?\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4}|\d{2})\b|(?:năm sinh|sinh năm)\s*[:.]?\s*(?P<yo>\d{4})"
)
_UNIT_FIELD_RE = re.compile(
    r"(?im)^[-+ ]*(?:chi bộ|sinh hoạt (?:tại|ở) chi bộ|đảng viên chi bộ)\s*[:.]\s*(?P<v>[^\n]+?)\s*$"
)
_UNIT_TOP_RE = re.compile(r"(?m)^[ |]*(?P<v>(?:CHI BỘ|ĐẢNG BỘ BỘ PHẬN|ĐẢNG ỦY|ĐẢNG UỶ|CHI ỦY)\b[^\n|]*)")
_TITLE_YEAR_RE = re.compile(
    r"(?i)(?:kiểm điểm|xếp loại|đánh giá)[^\n]{0,80}?\bnăm\s+(?P<y>(?:19|20)\d\d)\b|^\s*năm\s+(?P<y2>(?:19|20)\d\d)\s*$",
    re.M,
)
_DATE_LINE_RE = re.compile(r"(?i)ngày\s+(?:\d{1,2}|…)\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>(?:19|20)\d\d)")
_CODE_RE = re.compile(
    r"(?i)mẫu\s*(?:số\s*)?(?P<form>0?[12][ABC]?|01|02)\s*[-/ ]?\s*(?:HD)?\s*(?:KĐ\.?\s*ĐG|KĐĐG|KĐ-ĐG)?\s*(?P<y>(?:19|20)\d\d)?"
)
_COLLECTIVE_RE = re.compile(
    r"(?i)(báo cáo kiểm điểm|kiểm điểm tập thể|kiểm điểm,? tự đánh giá,? xếp loại tập thể|bản kiểm điểm tập thể)[^\n]{0,60}?(tập thể|chi bộ|chi ủy|chi uỷ|đảng ủy|đảng uỷ|ban thường vụ|ban chấp hành|cấp ủy|cấp uỷ)"
)
_INDIVIDUAL_RE = re.compile(
    r"(?i)bản kiểm điểm cá nhân|kiểm điểm,? tự đánh giá,? xếp loại cá nhân|họ (?:và|&) tên|bản tự kiểm điểm"
)
_SUB_LEADER_RE = re.compile(
    r"(?i)\((?:dùng cho |đối với |áp dụng (?:cho|đối với) )?(?:cá nhân |đảng viên |cán bộ )?(?:có )?giữ chức vụ lãnh đạo|\(dùng cho (?:cán bộ )?lãnh đạo|cán bộ lãnh đạo,? quản lý\)"
)
_SUB_MEMBER_RE = re.compile(
    r"(?i)\((?:dùng cho |đối với |áp dụng (?:cho|đối với) )?(?:cá nhân |đảng viên )?không giữ chức vụ"
)
_SUB_OUTSIDE_RE = re.compile(
    r"(?i)không (?:làm việc|công tác) trong (?:các cơ quan,? tổ chức thuộc )?hệ thống chính trị"
)
_POST_RE = re.compile(r"(?im)^[-+ ]*chức vụ (?:đảng|trong đảng)\s*[:.]\s*(?P<v>[^\n]*)$")
_GOV_POST_RE = re.compile(
    r"(?im)^[-+ ]*chức vụ (?:chính quyền|chuyên môn|công tác|hành chính)\s*[:.]\s*(?P<v>[^\n]*)$"
)
_LEADER_POST_RE = re.compile(
    r"(?i)\b(bí thư|phó bí thư|chi ủy viên|chi uỷ viên|đảng ủy viên|giám đốc|phó giám đốc|chủ tịch|phó chủ tịch|hiệu trưởng|phó hiệu trưởng|trưởng|phó trưởng|chánh|phó chánh|tổng biên tập|chỉ huy trưởng|chỉ huy phó|chính trị viên|thủ trưởng|viện trưởng|chủ nhiệm (khoa|ủy ban|hợp tác xã|htx))\b"
)
_NONE_RE = re.compile(r"(?i)^\s*(không|không có|\-|…|$)")


@dataclass(frozen=True)
class _Patterns:
    """The header patterns, as written (accented) or folded for text typed without diacritics."""

    name: re.Pattern[str]
    dob: re.Pattern[str]
    unit_field: re.Pattern[str]
    unit_top: re.Pattern[str]
    title_year: re.Pattern[str]
    date_line: re.Pattern[str]
    code: re.Pattern[str]
    collective: re.Pattern[str]
    individual: re.Pattern[str]
    sub_leader: re.Pattern[str]
    sub_member: re.Pattern[str]
    sub_outside: re.Pattern[str]
    post: re.Pattern[str]
    gov_post: re.Pattern[str]
    leader_post: re.Pattern[str]
    none: re.Pattern[str]

    def folded(self) -> _Patterns:
        """The same patterns with every literal stripped of its accents (đ → d): they match text
        folded with :func:`strip_accents` (the regex syntax itself has no accented characters)."""
        return _Patterns(
            *(re.compile(strip_accents(getattr(self, f).pattern), getattr(self, f).flags) for f in _FIELDS)
        )


_PLAIN = _Patterns(
    _NAME_RE,
    _DOB_RE,
    _UNIT_FIELD_RE,
    _UNIT_TOP_RE,
    _TITLE_YEAR_RE,
    _DATE_LINE_RE,
    _CODE_RE,
    _COLLECTIVE_RE,
    _INDIVIDUAL_RE,
    _SUB_LEADER_RE,
    _SUB_MEMBER_RE,
    _SUB_OUTSIDE_RE,
    _POST_RE,
    _GOV_POST_RE,
    _LEADER_POST_RE,
    _NONE_RE,
)
_FIELDS = tuple(_Patterns.__dataclass_fields__)
_FOLDED = _PLAIN.folded()


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip(" .;:,-…\t")
    return value or None


def _proper_case(value: str) -> str:
    """ "CHI BỘ TRƯỜNG THCS AN BÌNH" → "Chi bộ Trường THCS An Bình": acronyms (not syllables) stay."""
    if value.upper() != value:
        return value
    words = [w if not is_vietnamese_syllable(w) else w.capitalize() for w in value.split()]
    out = " ".join(words)
    return re.sub(r"^Chi Bộ\b", "Chi bộ", out)


def parse_header(text: str, folded: bool = False) -> HeaderInfo:
    """Read header fields from the first :data:`HEADER_WINDOW` characters of a normalised report.

    ``folded``: the text was typed without diacritics; the header is then matched accent-free
    (patterns and text both folded by :func:`strip_accents`) and the values come out as typed,
    without accents.
    """
    head = strip_accents(text[:HEADER_WINDOW]) if folded else text[:HEADER_WINDOW]
    p = _FOLDED if folded else _PLAIN
    info = HeaderInfo()
    if m := p.name.search(head):
        name = _clean(m.group("v"))
        if name and len(name.split()) <= 7 and not any(ch.isdigit() for ch in name):
            info.name = " ".join(w.capitalize() for w in name.split()) if name.isupper() else name
    if m := p.dob.search(head):
        if m.group("y"):
            y = int(m.group("y"))
            y = y + 1900 if y < 100 else y
            info.dob = f"{y:04d}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"
        else:
            info.dob = m.group("yo")
    if m := p.unit_field.search(head):
        unit = _clean(m.group("v"))
        if unit:
            info.unit = unit if strip_accents(unit.lower()).startswith("chi bo") else f"Chi bộ {unit}"
    if info.unit is None and (m := p.unit_top.search(head)):
        info.unit = _clean(m.group("v"))
    if info.unit:
        info.unit = _proper_case(info.unit)
    info.kind = _kind(head, p)
    info.year = _year(head, p)
    if m := p.code.search(head):
        form = m.group("form").upper().lstrip("0") or "0"
        info.form_code = f"{form}-{m.group('y')}" if m.group("y") else form
    if p.sub_outside.search(head):
        info.subtitle_role = "outside"
    elif p.sub_member.search(head):
        info.subtitle_role = "member"
    elif p.sub_leader.search(head):
        info.subtitle_role = "leader"
    if m := p.post.search(head):
        info.party_post = _clean(m.group("v"))
    info.role = _role(head, info, p)
    return info


def _kind(head: str, p: _Patterns) -> str | None:
    collective = p.collective.search(head)
    individual = p.individual.search(head)
    if collective and (not individual or collective.start() < individual.start()):
        return "collective"
    if individual:
        return "individual"
    return None


def _year(head: str, p: _Patterns) -> int | None:
    if m := p.title_year.search(head):
        return int(m.group("y") or m.group("y2"))
    if m := p.date_line.search(head):
        month, year = int(m.group("m")), int(m.group("y"))
        # Reviews are written from November to February: a January date reviews the year before.
        return year if month >= 6 else year - 1
    return None


def _role(head: str, info: HeaderInfo, p: _Patterns) -> str | None:
    if info.kind == "collective":
        return "leader"
    if info.subtitle_role in ("member", "outside"):
        return "member"
    if info.subtitle_role == "leader":
        return "leader"
    if info.form_code:
        code = info.form_code.split("-")[0]
        year = info.form_code.split("-")[1] if "-" in info.form_code else None
        if code in ("2B", "02B") and year == "2023":
            return "leader"
        if code == "2A" and year == "2023":
            return "member"
        if code == "2A" and year and int(year) >= 2025:
            return "leader"
        if code in ("2B", "2C") and year and int(year) >= 2025:
            return "member"
    posts = [info.party_post or ""]
    if m := p.gov_post.search(head):
        posts.append(m.group("v"))
    for post in posts:
        if post and not p.none.match(post) and p.leader_post.search(post):
            return "leader"
    if info.party_post is not None or p.gov_post.search(head):
        return "member"
    return None


def form_version(
    year: int | None, kind: str | None, role: str | None, info: HeaderInfo | None = None
) -> tuple[str, list[str]]:
    """The form version (``schema.FORM_VERSIONS``) of a report, and warnings on inconsistencies.

    The year decides the regulation (132/21 up to 2022, 124/25 for 2023-2024, 366/43 from 2025);
    the subtitle (or, failing that, the role) decides the variant.
    """
    warnings: list[str] = []
    if year is None:
        return "unknown", ["form version unknown: no year"]
    era = "2019" if year <= 2022 else "2023" if year <= 2024 else "2025"
    if info and info.form_code and "-" in info.form_code:
        code_year = int(info.form_code.split("-")[1])
        code_era = "2019" if code_year <= 2022 else "2023" if code_year <= 2024 else "2025"
        if code_era != era:
            warnings.append(
                f"form code {info.form_code} does not belong to year {year} (expected the {era} forms)"
            )
    if kind == "collective":
        return f"{era}-collective", warnings
    if era == "2019":
        return "2019", warnings
    outside = info is not None and info.subtitle_role == "outside"
    if era == "2023":
        return ("2023-02B" if role == "leader" else "2023-02A"), warnings
    if outside:
        return "2025-2C", warnings
    return ("2025-2A" if role == "leader" else "2025-2B"), warnings


def slug(value: str) -> str:
    """ASCII key for linking across years: "Nguyễn Văn Ấn" → "nguyen-van-an"."""
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(value).lower()).strip("-")
