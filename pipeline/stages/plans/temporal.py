"""A Vietnamese temporal grammar for remediation plans: find deadlines and normalise them.

``find_deadlines(text, report_year)`` returns every expression in ``text`` that sets a time frame
for an action, with its character span and the period it denotes as ISO dates. The conventions
are those of the hand-made set corpora/labelled/temporal.csv:

* A date ``D`` ("trước ngày 30/6/2025", "chậm nhất 15.11.2023", "ngày 15 tháng 6 năm 2025") is a
  deadline ending on ``D`` (no start); after "từ"/"kể từ" it starts on ``D`` (no end).
* A period (month, quarter, half-year, year, school year, semester) after "trong", "vào" or on its
  own is the whole period (quý I = Jan-Mar, "6 tháng đầu năm" = Jan-Jun, "cuối năm" = Q4,
  "đầu năm" = Q1, năm học X-Y = X-09-01..Y-05-31); after "hết", "đến", "chậm nhất trong" only its
  end; after "trước" it ends the day before the period starts ("trước tháng 6/2025" → 2025-05-31);
  after "từ" only its start; "từ A đến B" spans A's start to B's end.
* A year left out means the first year after the report year (``report_year + 1``): reports are
  written at the end of the year they review, so "trước 31/12" in a 2019 report is 2020-12-31.
* Recurring time frames ("hằng tháng", "mỗi quý một lần", "chậm nhất ngày 15 hằng tháng",
  "2 tiết/tháng", "tại mỗi kỳ sinh hoạt chi bộ") count only when the clause carries a concrete
  action: "Hằng ngày tu dưỡng, rèn luyện đạo đức" is not a deadline.
* Events ("trước Tết Nguyên đán", "trước khi nghỉ hưu", "trước kỳ đại hội chi bộ") are deadlines
  without dates.
* Not deadlines: vague horizons ("thường xuyên", "trong thời gian tới", "kịp thời", "năm tới",
  "sắp tới"), durations ("12 tháng", "trong vòng 48 giờ", "không quá 30 ngày kể từ ..."), dates
  of documents ("Nghị quyết 57-NQ/TW ngày 22/12/2024"), years that label an object ("Luật Đất
  đai năm 2024", "báo cáo tài chính năm 2024") and starting points in the past ("tồn đọng từ năm
  2023").

Conventions of our own (absent from the hand-made set): học kỳ I of năm học X-Y = X-09-01 ..
(X+1)-01-15, học kỳ II = (X+1)-01-16 .. (X+1)-05-31, a semester without a school year is its next
occurrence after the review; "dịp hè" = 06-01..08-31; "đầu/giữa/cuối tháng" = days 1-10 / 11-20 /
21-end; "tuần đầu/cuối tháng" = the first / last seven days.

The grammar is regular expressions over the normalised text (see :mod:`pipeline.text.normalize`),
case-insensitive except for month names written as words ("tháng Chín"). It never raises on any
string (fuzzed in the tests).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Deadline", "find_deadlines", "find_vague_time", "VAGUE_TIME"]

KINDS = ("date", "period", "recurring", "event")


@dataclass(frozen=True)
class Deadline:
    """One deadline expression found in a text.

    ``start``/``end`` are character offsets in the text searched, ``[start, end)``.
    ``period_start``/``period_end`` are the normalised time frame (either may be None: a
    deadline "trước ngày D" has only an end, "từ tháng 1/2025" only a start, recurring and
    event deadlines have neither).
    """

    text: str
    start: int
    end: int
    kind: str  # date | period | recurring | event
    period_start: date | None = None
    period_end: date | None = None

    @property
    def iso_start(self) -> str:
        return self.period_start.isoformat() if self.period_start else ""

    @property
    def iso_end(self) -> str:
        return self.period_end.isoformat() if self.period_end else ""


# --- building blocks --------------------------------------------------------------------------

_B = r"(?<![^\W_])"  # word start (no letter/digit before)
_E = r"(?![^\W_])"  # word end
_YEAR4 = r"(?:19|20)\d{2}"
_YEAR = rf"(?:{_YEAR4}|\d{{2}})"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
_ROMAN_Q = r"(?:IV|I{1,3}|[1-4])"
_WORD_MONTHS = {
    "giêng": 1,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
    "chạp": 12,
}
# Month names as words must be capitalised ("tháng Năm" is May, "tháng năm" is not).
_MONTH_WORD = r"(?-i:Mười\s+(?:[Mm]ột|[Hh]ai)|Mười|Giêng|Một|Hai|Ba|Tư|Bốn|Năm|Sáu|Bảy|Tám|Chín)"
_WEEKDAY = r"(?:thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|Chủ\s+nhật)"


def _ys(g: str) -> str:
    """Optional year suffix ("/2025", "-2025", " năm 2025") with groups ``g`` and ``g2``."""
    return rf"(?:\s*[/\-.]\s*(?P<{g}>{_YEAR})(?![\d/])|\s+năm\s+(?P<{g}2>{_YEAR4})(?!\d))"


# Core temporal mentions, one named alternative each. Groups are prefixed per alternative.
_CORES: dict[str, str] = {
    # "ngày 15 tháng 6 năm 2025", "ngày 30 tháng 6", "(trước) 30 tháng 6 năm 2025"
    "DATE_VERB": rf"(?P<dv_day>ngày\s+(?:mùng\s+)?)?(?P<dv_d>{_DAY})\s+tháng\s+(?P<dv_m>{_MON})(?:\s+năm\s+(?P<dv_y>{_YEAR4}))?(?!\d)",
    # "(thứ Sáu, )(ngày (Quốc tế Lao động) )15/3(/2025)", "15.11.2023", "30-6-2025", "5/9/25"
    "DATE_NUM": (
        rf"(?:{_WEEKDAY},?\s+)?(?:(?P<dn_day>ngày)\s+(?:mùng\s+)?(?:(?:[^\W\d_]+|-)\s+){{0,5}}?)?"
        rf"(?<![\d/.,])(?P<dn_d>{_DAY})(?P<dn_s>[/\-.])(?P<dn_m>{_MON})(?:(?P=dn_s)(?P<dn_y>{_YEAR}))?(?![\d/]|[.,]\d|-\d)"
    ),
    # "tuần đầu tháng 3/2025", "tuần cuối của tháng 12"
    "WEEK": rf"tuần\s+(?P<wk_p>đầu|cuối)(?:\s+(?:tiên|cùng))?\s+(?:của\s+)?tháng\s+(?P<wk_m>{_MON})(?!\d){_ys('wk_y')}?",
    # "đầu tháng 3/2025", "cuối tháng 6"
    "MONTH_PART": rf"(?P<mp_p>đầu|giữa|cuối)\s+tháng\s+(?P<mp_m>{_MON})(?!\d){_ys('mp_y')}?",
    # "tháng 01 và tháng 02/2025", "tháng 3/2025", "tháng Chín năm 2025", "tháng 11 năm 2023"
    "MONTH": (
        rf"tháng\s+(?P<mo_m>{_MON}|{_MONTH_WORD})(?!\d)"
        rf"(?:\s*(?:,|và|-)\s*(?:tháng\s+)?(?P<mo_m2>{_MON}|{_MONTH_WORD})(?!\d))?{_ys('mo_y')}?"
    ),
    # "quý I/2025", "Quý 4/2024", "quý II năm 2022", "các quý II và III năm 2025"
    "QUARTER": (
        rf"(?:các\s+)?quý\s+(?P<q_q>{_ROMAN_Q}){_E}"
        rf"(?:\s*(?:,|và|-|đến)\s*(?:quý\s+)?(?P<q_q2>{_ROMAN_Q}){_E})?{_ys('q_y')}?"
    ),
    # "6 tháng đầu năm 2025", "nửa đầu năm 2022", "9 tháng đầu năm"
    "HALF": (
        rf"(?:(?P<h_n>3|6|9|ba|sáu|chín)\s+tháng|nửa)\s+(?P<h_p>đầu|cuối)\s+năm"
        rf"(?:\s+(?P<h_y>{_YEAR4})(?!\d))?(?!\s+(?:học|tới|sau))"
    ),
    # "học kỳ II năm học 2024 - 2025", "học kỳ I"
    "SEMESTER": (
        rf"học\s+kỳ\s+(?P<s_n>II|I|1|2){_E}"
        rf"(?:\s*(?:,\s*)?(?:của\s+)?năm\s+học\s+(?P<s_y1>{_YEAR4})\s*-\s*(?P<s_y2>{_YEAR4}|\d{{2}})(?!\d))?"
    ),
    # "năm học 2024 - 2025"
    "SCHOOL_YEAR": rf"năm\s+học\s+(?P<sy_y1>{_YEAR4})\s*-\s*(?P<sy_y2>{_YEAR4}|\d{{2}})(?!\d)",
    # "dịp hè năm 2025", "hè 2025"
    "SUMMER": rf"(?:dịp\s+|kỳ\s+nghỉ\s+)?hè(?:\s+(?:năm\s+)?(?P<su_y>{_YEAR4})(?!\d))?{_E}",
    # "cuối năm 2025", "đầu năm", "giữa năm 2024"
    "YEAR_PART": rf"(?P<yp_p>đầu|giữa|cuối)\s+năm(?:\s+(?P<yp_y>{_YEAR4})(?!\d))?(?!\s*(?:học|tới|sau|nay|qua|\d))",
    # "(hai) năm 2025 - 2026", "giai đoạn 2025 - 2026", "nhiệm kỳ 2025 - 2030"
    "YEAR_RANGE": (
        rf"(?P<yr_w>(?:hai|ba|\d)\s+năm|năm|giai\s+đoạn|nhiệm\s+kỳ)\s+(?P<yr_y1>{_YEAR4})\s*-\s*(?P<yr_y2>{_YEAR4})(?!\d)"
    ),
    # "năm 2025"
    "YEAR": rf"năm\s+(?P<y_y>{_YEAR4})(?![\d/\-])(?!\s*-\s*\d)",
    # "năm" alone after "hết"/"trong" (see _BARE_YEAR_PREPS)
    "YEAR_ALONE": r"năm(?!\s*(?:học|tới|sau|qua|nay|trước|mới|kế|tiếp|đầu|cuối|giữa|\d|những))",
    # "nay" in "từ nay đến ..." (a start that is not a deadline itself)
}

_CORE_RE = "|".join(f"(?P<{name}>{pat})" for name, pat in _CORES.items())

# Prepositions before a core, longest first. Each maps to a role.
_PREPS: list[tuple[str, str]] = [
    (r"từ\s+nay\s+(?:đến|tới|cho\s+đến)(?:\s+hết)?", "end"),
    (r"chậm\s+nhất(?:\s+là)?(?:\s+(?:vào|trong|đến))?(?:\s+hết)?", "end"),
    (r"muộn\s+nhất(?:\s+là)?(?:\s+(?:vào|trong))?", "end"),
    (r"không\s+(?:muộn|chậm)\s+hơn", "end"),
    (r"hạn\s+(?:chót|cuối)(?:\s+là)?", "end"),
    (r"trước\s+(?=(?:cuối|đầu|giữa)\s)", "end_point"),  # "trước cuối năm 2025" = by 12-31
    (r"(?:cho\s+)?(?:đến|tới)(?:\s+(?:hết|cuối))?", "end"),
    (r"kết\s+thúc", "end"),
    (r"hết", "end"),
    (r"trước", "before"),
    (r"(?:bắt\s+đầu\s+)?(?:kể\s+)?từ(?:\s+sau)?", "start"),
    (r"(?:trong\s+(?:suốt\s+)?(?:cả\s+)?(?:các\s+)?|suốt\s+|vào\s+(?:dịp\s+)?|tại\s+)", "in"),
]
_PREP_RE = "|".join(f"(?P<p{i}>{pat})" for i, (pat, _role) in enumerate(_PREPS))
_PREP_ROLES = {f"p{i}": role for i, (_pat, role) in enumerate(_PREPS)}

_MAIN_RE = re.compile(rf"{_B}(?:(?P<prep>{_PREP_RE})\s*)?(?P<core>{_CORE_RE})", re.IGNORECASE)

# Cores that need a preposition or the start of a clause to count.
_NEEDS_ANCHOR = {"YEAR", "YEAR_RANGE", "YEAR_PART", "SUMMER"}
# Cores that need a preposition (never bare).
_NEEDS_PREP = {"YEAR_ALONE"}
_BARE_YEAR_PREPS = {"end"}  # "đến hết năm"; "trong năm" alone is too vague to be read

_RANGE_JOIN = re.compile(r"\s*(?:đến|tới|-)\s*(?:hết\s+)?$", re.IGNORECASE)
_CLAUSE_START = re.compile(
    r"(?:^|[.;:!?\n(]|\s[-+*•]|^[-+*•]|\b\d{1,2}[.)]|\b[a-zđ]\))\s*"
    r"(?:(?:phấn\s+đấu|bản\s+thân|quyết\s+tâm|đồng\s+thời|tôi|em|chi\s+bộ|chi\s+ủy)\s*,?\s*)?$",
    re.IGNORECASE,
)
_DOC_REF = re.compile(
    r"(?:\d+\s*[-/]\s*[A-ZĐ]{2,}|nghị\s+quyết|quyết\s+định|quy\s+định|chỉ\s+thị|kết\s+luận|hướng\s+dẫn|"
    r"kế\s+hoạch|công\s+văn|thông\s+báo|thông\s+tư|nghị\s+định|luật|văn\s+bản|ban\s+hành)[^.;\n]{0,60}$",
    re.IGNORECASE,
)
_COMPARE = re.compile(r"(?:so\s+với|tăng|giảm)\s*$", re.IGNORECASE)

# --- recurring time frames --------------------------------------------------------------------

_REC_UNIT = r"(?:ngày|tuần|tháng|quý|năm|học\s+kỳ)"
_REC_EVENT_UNIT = r"(?:kỳ|buổi|ca|đợt|phiên|dịp|lần)"
_REC_PREFIX = (
    r"(?:(?:định\s+kỳ|vào|tại|trước|chậm\s+nhất(?:\s+là)?(?:\s+vào)?|trong|sau)\s+)?"
    rf"(?:(?:(?:buổi\s+)?(?:sáng|chiều|tối|trưa)\s+)?{_WEEKDAY}(?:\s*(?:,|và)\s*{_WEEKDAY})*\s+"
    r"|ngày\s+(?:mùng\s+)?\d{1,2}(?:\s+(?:của\s+)?tháng\s+(?:đầu|cuối)(?:\s+của)?)?\s+"
    r"|\d{1,2}\s*(?:giờ|h)(?:\s*\d{2})?(?:\s*(?:và|,)\s*\d{1,2}\s*(?:giờ|h)(?:\s*\d{2})?)?\s+"
    r"|tuần\s+(?:đầu|cuối)(?:\s+của)?\s+"
    r"|(?:đầu|cuối|giữa)\s+)?"
)
_REC_CORE = (
    rf"(?:(?:hằng|hàng)\s+{_REC_UNIT}{_E}"
    rf"|(?:mỗi|từng)\s+{_REC_UNIT}{_E}(?:\s+(?:một|1|\d+)\s+lần)?"
    rf"|theo\s+(?:từng\s+)?(?:ngày|tuần|tháng|quý){_E}"
    rf"|mỗi\s+{_REC_EVENT_UNIT}{_E}(?:\s+(?!(?:để|và|nhằm|với|phải|cần|đều|chuẩn|dành|đọc|có)\b)[^\W\d_]+){{0,4}}"
    rf"|(?:\d+|một|hai|ba|sáu)\s+{_REC_UNIT}\s+(?:một|1)\s+lần"
    rf"|\d+(?:[.,]\d+)?\s*(?:[^\W\d_]+\s*){{0,2}}/\s*(?:ngày|tuần|tháng|quý|năm|kỳ|buổi|ca){_E}"
    r")"
)
_REC_RE = re.compile(rf"{_B}{_REC_PREFIX}{_REC_CORE}", re.IGNORECASE)
# A recurring frame with a vague action is not a deadline (temporal.csv T0117-T0122).
_VAGUE_ACTION = re.compile(
    r"\b(?:tu\s+dưỡng|(?:tự\s+)?rèn\s+luyện\s+(?:đạo\s+đức|phẩm\s+chất|bản\s+thân|tư\s+tưởng|lối\s+sống|tác\s+phong)|tự\s+rèn\s+luyện|tự\s+kiểm\s+điểm|"
    r"rút\s+kinh\s+nghiệm|nâng\s+cao|tiếp\s+tục|cố\s+gắng|khắc\s+phục|giữ\s+vững|giữ\s+gìn|phát\s+huy|tích\s+cực|"
    r"không\s+ngừng|luôn|chú\s+trọng|quan\s+tâm|tăng\s+cường|nghiêm\s+túc|dành\s+thời\s+gian|phấn\s+đấu\s+tốt)\b",
    re.IGNORECASE,
)

# --- events -----------------------------------------------------------------------------------

_EVENT_HEAD = (
    r"(?:khi|kỳ|dịp|tết|lễ|mùa|đại\s+hội|khai\s+giảng|bế\s+giảng|đợt|thời\s+điểm|ngày(?!\s+\d)|vụ|"
    r"hạn\s+chót|thời\s+hạn|hội\s+nghị\s+(?:tổng\s+kết|sơ\s+kết)|buổi\s+(?:tổng\s+kết|sơ\s+kết))"
)
_EVENT_TAIL = r"(?:\s+(?!(?:để|nhằm|theo|sau|cho|với|và|rồi|thì|mà)\b)[^\s,;.:()\n]+){0,9}"
_EVENT_RE = re.compile(
    rf"{_B}(?:(?:đến|tới)\s+)?(?:trước|trong|vào)\s+{_EVENT_HEAD}{_E}{_EVENT_TAIL}",
    re.IGNORECASE,
)
# Lunar dates ("trước ngày 25 tháng Chạp") and crop seasons opening a clause ("Vụ Hè Thu 2024 …"):
# events without Gregorian dates.
_LUNAR_RE = re.compile(
    rf"{_B}(?:(?:trước|đến|chậm\s+nhất|vào|trong)\s+)?(?:ngày\s+)?(?:mùng\s+)?(?:\d{{1,2}}\s+)?tháng\s+(?-i:Chạp|Giêng)(?:\s+âm\s+lịch)?{_E}",
    re.IGNORECASE,
)
_SEASON_RE = re.compile(
    rf"{_B}vụ\s+(?:đông\s+xuân|hè\s+thu|thu\s+đông|xuân\s+hè|mùa|chiêm|xuân|hè)(?:\s+(?:năm\s+)?{_YEAR4}(?:\s*-\s*{_YEAR4})?)?{_E}",
    re.IGNORECASE,
)
_EVENT_YEAR_END = re.compile(r"(?:19|20)\d{2}(?:\s*-\s*(?:19|20)?\d{2})?(?!\d)")
_EVENT_IN_OK = re.compile(r"^(?:trong|vào)\s+(?:vụ|dịp|đợt|mùa|kỳ\s+(?:thi|nghỉ|họp))\b", re.IGNORECASE)
_EVENT_REJECT = re.compile(r"^(?:(?:đến|tới)\s+)?trước\s+kỳ\s+(?:hạn|vọng)\b", re.IGNORECASE)

# --- vague horizons (not deadlines; used as a vagueness cue) -----------------------------------

VAGUE_TIME: tuple[str, ...] = (
    "trong thời gian tới",
    "trong thời gian sắp tới",
    "thời gian tới",
    "thời gian sắp tới",
    "sắp tới",
    "năm tới",
    "năm sau",
    "những năm tới",
    "những năm tiếp theo",
    "năm học tới",
    "nhiệm kỳ tới",
    "giai đoạn tới",
    "thường xuyên",
    "liên tục",
    "kịp thời",
    "định kỳ",
    "lâu dài",
    "về lâu dài",
    "từ nay về sau",
    "càng sớm càng tốt",
    "trong thời gian sớm nhất",
    "sớm",
    "trước mắt",
)
_VAGUE_TIME_RE = re.compile(
    _B
    + "(?:"
    + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(VAGUE_TIME, key=len, reverse=True))
    + ")"
    + _E,
    re.IGNORECASE,
)


# --- normalisation helpers --------------------------------------------------------------------


def _year(raw: str | None, default: int) -> tuple[int, bool]:
    """A year from a 2- or 4-digit string; (default, False) when absent."""
    if not raw:
        return default, False
    y = int(raw)
    if y < 100:
        y += 2000
    return y, True


def _month_num(raw: str) -> int:
    raw = raw.strip()
    if raw.isdigit():
        return int(raw)
    return _WORD_MONTHS[" ".join(raw.lower().split())]


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _quarter(raw: str) -> int:
    raw = raw.upper()
    return {"I": 1, "II": 2, "III": 3, "IV": 4}.get(raw) or int(raw)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@dataclass
class _Core:
    kind: str  # date | period
    start: date | None
    end: date | None
    explicit_year: bool


def _core_period(m: re.Match[str], name: str, default_year: int) -> _Core | None:
    """The period a core mention denotes (a date is a one-day period)."""
    g = m.group
    if name == "DATE_VERB":
        y, ex = _year(g("dv_y"), default_year)
        d = _safe_date(y, int(g("dv_m")), int(g("dv_d")))
        return _Core("date", d, d, ex) if d else None
    if name == "DATE_NUM":
        y, ex = _year(g("dn_y"), default_year)
        d = _safe_date(y, int(g("dn_m")), int(g("dn_d")))
        return _Core("date", d, d, ex) if d else None
    if name == "WEEK":
        y, ex = _year(g("wk_y") or g("wk_y2"), default_year)
        mo = int(g("wk_m"))
        if g("wk_p").lower() == "đầu":
            return _Core("period", date(y, mo, 1), date(y, mo, 7), ex)
        end = _month_end(y, mo)
        return _Core("period", end - timedelta(days=6), end, ex)
    if name == "MONTH_PART":
        y, ex = _year(g("mp_y") or g("mp_y2"), default_year)
        mo = int(g("mp_m"))
        part = g("mp_p").lower()
        if part == "đầu":
            return _Core("period", date(y, mo, 1), date(y, mo, 10), ex)
        if part == "giữa":
            return _Core("period", date(y, mo, 11), date(y, mo, 20), ex)
        return _Core("period", date(y, mo, 21), _month_end(y, mo), ex)
    if name == "MONTH":
        y, ex = _year(g("mo_y") or g("mo_y2"), default_year)
        m1 = _month_num(g("mo_m"))
        m2 = _month_num(g("mo_m2")) if g("mo_m2") else m1
        if m2 < m1:
            return None
        return _Core("period", date(y, m1, 1), _month_end(y, m2), ex)
    if name == "QUARTER":
        y, ex = _year(g("q_y") or g("q_y2"), default_year)
        q1 = _quarter(g("q_q"))
        q2 = _quarter(g("q_q2")) if g("q_q2") else q1
        if q2 < q1:
            return None
        return _Core("period", date(y, 3 * q1 - 2, 1), _month_end(y, 3 * q2), ex)
    if name == "HALF":
        y, ex = _year(g("h_y"), default_year)
        n = {"3": 3, "6": 6, "9": 9, "ba": 3, "sáu": 6, "chín": 9}.get((g("h_n") or "6").lower(), 6)
        if g("h_p").lower() == "đầu":
            return _Core("period", date(y, 1, 1), _month_end(y, n), ex)
        return _Core("period", date(y, 12 - n + 1, 1), date(y, 12, 31), ex)
    if name == "SEMESTER":
        n = 1 if g("s_n").upper() in ("I", "1") else 2
        if g("s_y1"):
            x, ex = int(g("s_y1")), True
        else:
            # next occurrence after the review (December of default_year - 1)
            x, ex = (default_year if n == 1 else default_year - 1), False
        if n == 1:
            return _Core("period", date(x, 9, 1), date(x + 1, 1, 15), ex)
        return _Core("period", date(x + 1, 1, 16), date(x + 1, 5, 31), ex)
    if name == "SCHOOL_YEAR":
        y1 = int(g("sy_y1"))
        y2 = _two_year(y1, g("sy_y2"))
        if y2 != y1 + 1:
            return None
        return _Core("period", date(y1, 9, 1), date(y2, 5, 31), True)
    if name == "SUMMER":
        y, ex = _year(g("su_y"), default_year)
        return _Core("period", date(y, 6, 1), date(y, 8, 31), ex)
    if name == "YEAR_PART":
        y, ex = _year(g("yp_y"), default_year)
        part = g("yp_p").lower()
        if part == "đầu":
            return _Core("period", date(y, 1, 1), date(y, 3, 31), ex)
        if part == "giữa":
            return _Core("period", date(y, 4, 1), date(y, 9, 30), ex)
        return _Core("period", date(y, 10, 1), date(y, 12, 31), ex)
    if name == "YEAR_RANGE":
        y1, y2 = int(g("yr_y1")), int(g("yr_y2"))
        if not 0 < y2 - y1 <= 10:
            return None
        return _Core("period", date(y1, 1, 1), date(y2, 12, 31), True)
    if name == "YEAR":
        y = int(g("y_y"))
        return _Core("period", date(y, 1, 1), date(y, 12, 31), True)
    if name == "YEAR_ALONE":
        return _Core("period", date(default_year, 1, 1), date(default_year, 12, 31), False)
    return None


def _two_year(y1: int, raw: str) -> int:
    y2 = int(raw)
    return y2 if y2 >= 100 else (y1 // 100) * 100 + y2


def _core_name(m: re.Match[str]) -> str:
    for name in _CORES:
        if m.group(name) is not None:
            return name
    raise AssertionError("no core matched")  # pragma: no cover


def _prep_role(m: re.Match[str]) -> str | None:
    if m.group("prep") is None:
        return None
    for key, role in _PREP_ROLES.items():
        if m.group(key) is not None:
            return role
    return None  # pragma: no cover


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)``: between . ; ! ? or newlines."""
    left = max(text.rfind(c, 0, start) for c in ".;:!?\n")
    rights = [i for i in (text.find(c, end) for c in ";:!?\n") if i != -1]
    # a dot ends the clause only when followed by a space (not "15.11.2023")
    dot = re.compile(r"\.(?:\s|$)").search(text, end)
    if dot:
        rights.append(dot.start())
    return left + 1, (min(rights) if rights else len(text))


def _at_clause_start(text: str, pos: int) -> bool:
    return bool(_CLAUSE_START.search(text[max(0, pos - 40) : pos]))


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    ps: date | None
    pe: date | None
    role: str | None  # the preposition's role (for ranges)
    core_start: int
    priority: int


def _temporal_candidates(text: str, report_year: int) -> list[_Cand]:
    default_year = report_year + 1
    out: list[_Cand] = []
    for m in _MAIN_RE.finditer(text):
        name = _core_name(m)
        role = _prep_role(m)
        core_start = m.start("core")
        core = _core_period(m, name, default_year)
        if core is None:
            continue
        if name in _NEEDS_PREP and role not in _BARE_YEAR_PREPS:
            continue
        if role is None and name in _NEEDS_ANCHOR and not _at_clause_start(text, core_start):
            # mid-sentence, an explicit future year sets the time frame ("huấn luyện chiến sĩ mới
            # năm 2025" in a 2024 report); a past or current one labels an object ("Luật Đất đai
            # năm 2024", "báo cáo tài chính năm 2024")
            future = core.explicit_year and core.start is not None and core.start.year > report_year
            if not (future and name in ("YEAR", "SUMMER", "YEAR_PART")) or _DOC_REF.search(
                text[max(0, core_start - 80) : core_start]
            ):
                continue
        if (
            role is None
            and name == "MONTH"
            and not core.explicit_year
            and not _at_clause_start(text, core_start)
        ):
            continue
        if name in ("DATE_NUM", "DATE_VERB"):
            has_day_word = (
                m.group("dv_day") is not None if name == "DATE_VERB" else m.group("dn_day") is not None
            )
            if name == "DATE_VERB" and not has_day_word and role not in ("before", "end"):
                continue  # "30 tháng 6" needs "trước"/"đến": "trong 2 tháng 11 và 12" is two months
            # dates without a year or with a 2-digit year, and bare numbers, need a preposition
            if role is None:
                if not has_day_word and not (
                    core.explicit_year and m.group("dn_y") and len(m.group("dn_y")) == 4
                ):
                    continue
                if not core.explicit_year and not _at_clause_start(text, core_start):
                    continue
                if _DOC_REF.search(text[max(0, core_start - 80) : core_start]):
                    continue
                if core.explicit_year and core.end is not None and core.end < date(report_year, 12, 1):
                    continue  # "vụ tranh chấp xảy ra ngày 12/10/2024": a bare date already past at the review
        if role is None and _COMPARE.search(text[max(0, core_start - 12) : core_start]):
            continue
        ps, pe = core.start, core.end
        kind = core.kind
        if (
            name in ("YEAR_PART",)
            and role in ("end", "end_point", "before")
            and m.group("yp_p").lower() == "cuối"
        ):
            role = "end"  # "trước cuối năm 2025", "đến cuối năm" → by the last day of the year
        if role in ("end", "end_point"):
            ps = None
        elif role == "before":
            if kind == "date":
                ps = None
            else:
                ps, pe = None, core.start - timedelta(days=1)
        elif role == "start":
            # "từ quý II đến quý IV năm 2026": a range inside the core keeps its end
            if not (
                name in ("QUARTER", "MONTH") and (m.group("q_q2") if name == "QUARTER" else m.group("mo_m2"))
            ):
                pe = None
            if core.start and core.start < date(report_year, 1, 1):
                continue  # "tồn đọng từ năm 2023": a starting point in the past is history
        elif kind == "date":
            ps = None
        if (
            role is None
            and name not in ("DATE_NUM", "DATE_VERB")
            and core.end
            and core.end < date(report_year, 1, 1)
        ):
            continue  # a bare mention of a past period describes the past
        start = m.start("prep") if role is not None else core_start
        out.append(_Cand(start, m.end(), kind, ps, pe, role, core_start, 2))
    return _merge_ranges(text, out)


def _merge_ranges(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Join "từ A đến B" into one period from A's start to B's end."""
    cands.sort(key=lambda c: (c.start, -c.end))
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if a.role == "start" and i + 1 < len(cands):
            b = cands[i + 1]
            gap = text[a.end : b.core_start]
            if b.start >= a.end and gap.strip() and _RANGE_JOIN.fullmatch(gap):
                b_end = b.pe or (b.ps if b.kind == "date" else None)
                a_start = a.ps
                if a_start and b_end:
                    # a start without a year takes the end's year (Từ ngày 01/3 đến ngày 31/5/2025)
                    a_start = _with_year(text, a, a_start, b_end)
                    if a_start <= b_end:
                        out.append(_Cand(a.start, b.end, "period", a_start, b_end, None, a.core_start, 3))
                        i += 2
                        continue
        out.append(a)
        i += 1
    return out


def _with_year(text: str, a: _Cand, a_start: date, b_end: date) -> date:
    if re.search(r"(?:19|20)\d{2}", text[a.core_start : a.end]):
        return a_start
    try:
        moved = a_start.replace(year=b_end.year)
    except ValueError:
        return a_start
    return moved if moved <= b_end else a_start


def _recurring_candidates(text: str) -> list[_Cand]:
    out = []
    for m in _REC_RE.finditer(text):
        s, e = m.start(), m.end()
        # trim trailing spaces captured by the core's word list
        while e > s and text[e - 1].isspace():
            e -= 1
        cs, ce = _clause_bounds(text, s, e)
        clause = text[cs:ce]
        rest = clause[: s - cs] + " " + clause[e - cs :]
        if _VAGUE_ACTION.search(clause) and not re.search(r"\d", rest):
            continue
        if not re.search(r"[^\W\d_]{2,}", rest):
            continue  # nothing but the time frame: no action to be recurring
        out.append(_Cand(s, e, "recurring", None, None, None, s, 1))
    return out


def _event_candidates(text: str) -> list[_Cand]:
    out = []
    for m in _LUNAR_RE.finditer(text):
        if m.group(0).lower().startswith(("trước", "đến", "chậm", "vào", "trong")) or _at_clause_start(
            text, m.start()
        ):
            out.append(_Cand(m.start(), m.end(), "event", None, None, None, m.start(), 1))
    for m in _SEASON_RE.finditer(text):
        if _at_clause_start(text, m.start()):
            out.append(_Cand(m.start(), m.end(), "event", None, None, None, m.start(), 0))
    for m in _EVENT_RE.finditer(text):
        expr = m.group(0)
        y = _EVENT_YEAR_END.search(expr, 5)
        end = m.start() + y.end() if y else m.end()
        expr = text[m.start() : end]
        if _EVENT_REJECT.match(expr):
            continue
        low = expr.lower()
        if not re.match(r"^(?:(?:đến|tới)\s+)?trước", low) and not _EVENT_IN_OK.match(expr):
            continue
        if re.search(r"(?<!\d)\d{1,2}\s*[/.\-]\s*\d{1,2}(?!\d)", expr):
            continue  # a date: left to the date grammar
        out.append(_Cand(m.start(), end, "event", None, None, None, m.start(), 0))
    return out


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: longest first, then the more specific kind."""
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def find_deadlines(text: str, report_year: int) -> list[Deadline]:
    """Every deadline expression in ``text``, in text order, normalised against ``report_year``.

    ``report_year`` is the year the report reviews (a year left out of an expression is taken
    as ``report_year + 1``). Vague horizons, durations, document dates and past starting points
    are not returned (see the module docstring). Never raises on any string.
    """
    if not text:
        return []
    try:
        report_year = int(report_year)
    except (TypeError, ValueError):
        report_year = date.today().year
    report_year = min(max(report_year, 1901), 2998)
    cands = _temporal_candidates(text, report_year) + _recurring_candidates(text) + _event_candidates(text)
    out = []
    for c in _resolve(cands):
        out.append(Deadline(text[c.start : c.end], c.start, c.end, c.kind, c.ps, c.pe))
    return out


def find_vague_time(text: str) -> list[tuple[int, int, str]]:
    """Vague horizons ("trong thời gian tới", "thường xuyên", "năm tới"...) as (start, end, text)."""
    return [(m.start(), m.end(), m.group(0)) for m in _VAGUE_TIME_RE.finditer(text or "")]
