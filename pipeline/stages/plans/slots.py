"""Slot cues of a remediation item: measure, deadline, target (the SMART slots), as features.

The cues are lexical and grammatical signals, not decisions: the trained classifier
(:mod:`pipeline.stages.plans.classifier`) weighs them together with the item's n-grams.

* measure — a concrete action on a concrete object ("rà soát 45 hồ sơ", "đăng ký học lớp ...",
  "lập sổ theo dõi") versus an exhortation ("tiếp tục phát huy", "nâng cao hơn nữa",
  "mạnh dạn hơn", "cố gắng khắc phục").
* deadline — :func:`pipeline.stages.plans.temporal.find_deadlines`, plus vague horizons
  ("trong thời gian tới", "thường xuyên") as a negative cue.
* target — a measurable result: percentages, counts of things, ratios ("8/8 thôn"), bounds
  ("ít nhất", "tối thiểu", "không quá", "dưới"), "dứt điểm", a credential or prize to obtain,
  a maximum turnaround ("trong vòng 48 giờ").

Lexicons follow domain.md §7 ("Vague vs concrete remediation").
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.stages.plans.temporal import find_deadlines, find_vague_time

# Opening verbs of an exhortation (domain.md §7 vague markers and the stock wording of §VI).
VAGUE_OPENERS: tuple[str, ...] = (
    "tiếp tục",
    "nâng cao",
    "phát huy",
    "tăng cường",
    "cố gắng",
    "khắc phục",
    "tích cực",
    "mạnh dạn",
    "thường xuyên",
    "luôn",
    "kiên quyết",
    "không để",
    "giữ gìn",
    "giữ vững",
    "chủ động",
    "nêu cao",
    "thực hiện tốt",
    "thực hiện nghiêm",
    "chấp hành",
    "gương mẫu",
    "nắm chắc",
    "duy trì",
    "phấn đấu",
    "quyết tâm",
    "không ngừng",
    "chú trọng",
    "quan tâm",
    "đẩy mạnh",
    "đổi mới",
    "rèn luyện",
    "tu dưỡng",
    "học tập và làm theo",
    "khiêm tốn",
    "thẳng thắn",
    "hạn chế",
    "đoàn kết",
    "sẽ",
    "tiếp thu",
    "làm tốt",
    "làm việc",
    "xây dựng phong cách",
    "giữ uy tín",
    "phối hợp chặt chẽ",
    "sắp xếp thời gian",
    "dành thời gian",
    "tự giác",
    "nghiêm túc",
    "không ngại",
    "đề cao",
    "tập trung",
)

# Vague markers anywhere in the item.
VAGUE_MARKERS: tuple[str, ...] = VAGUE_OPENERS + (
    "hơn nữa",
    "hơn",
    "tốt hơn",
    "có hiệu quả",
    "hiệu quả hơn",
    "đầy đủ",
    "kịp thời",
    "theo quy định",
    "đúng quy định",
    "trong tình hình mới",
    "đáp ứng yêu cầu",
    "ngày càng",
    "một cách",
    "nói đi đôi với làm",
    "tinh thần trách nhiệm",
    "ý thức",
    "phẩm chất",
    "đạo đức",
    "lối sống",
    "trình độ",
    "năng lực",
    "chất lượng",
)

# Opening verbs of a concrete action on an object.
CONCRETE_VERBS: tuple[str, ...] = (
    "hoàn thành",
    "hoàn thiện",
    "hoàn tất",
    "tổ chức",
    "rà soát",
    "lập",
    "nộp",
    "gửi",
    "báo cáo",
    "học",
    "thi",
    "đăng ký",
    "kiểm tra",
    "kiểm kê",
    "phụ đạo",
    "dự giờ",
    "viết",
    "soạn",
    "biên soạn",
    "cập nhật",
    "số hóa",
    "triển khai",
    "thu hồi",
    "giải quyết",
    "trả lời",
    "hướng dẫn",
    "tập huấn",
    "bồi dưỡng",
    "vận động",
    "phát biểu",
    "đọc",
    "chuẩn bị",
    "phân công",
    "giao",
    "thành lập",
    "mở",
    "lắp",
    "lắp đặt",
    "đề nghị",
    "trình",
    "bàn giao",
    "ký",
    "xây dựng",
    "thực hiện",
    "ứng dụng",
    "công bố",
    "chủ trì",
    "chủ nhiệm",
    "thẩm định",
    "nghiệm thu",
    "quyết toán",
    "thanh toán",
    "kết nạp",
    "đối chiếu",
    "giám sát",
    "khảo sát",
    "đi",
    "tuyên truyền",
    "tham mưu",
    "tham gia",
    "thông quan",
    "đóng",
    "trích",
    "dạy",
    "giúp đỡ",
    "làm",
    "luyện tập",
    "tập luyện",
    "huấn luyện",
    "họp",
    "công khai",
    "tuần tra",
    "lấy mẫu",
    "phản biện",
    "hòa giải",
    "kê khai",
    "sao lưu",
    "đề xuất",
    "xử lý",
    "tiếp công dân",
    "giảm",
    "tăng",
    "rút ngắn",
    "đưa",
    "ghi",
    "chụp",
    "sử dụng",
    "theo dõi",
    "cài đặt",
    "bố trí",
    "ban hành",
)

_PREFIX = re.compile(r"^\s*(?:[-+*•]+|\(?\d{1,2}[.)/]|\(?[a-zđ][.)])?\s*", re.IGNORECASE)
_LEAD_IN = re.compile(r"^[^:.;]{1,40}:\s+")  # "Về chuyên môn: ", "Năm 2025: "
_BOUNDARY = r"(?<![^\W_])(?:{})(?![^\W_])"


def _alt(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        _BOUNDARY.format("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))),
        re.IGNORECASE,
    )


_VAGUE_OPENER_RE = _alt(VAGUE_OPENERS)
_VAGUE_MARKER_RE = _alt(VAGUE_MARKERS)
_CONCRETE_RE = _alt(CONCRETE_VERBS)

# Numbers that are not quantities: document codes, school classes, addresses, named items.
_NON_QUANTITY = re.compile(
    r"(?:\d+[-/][A-ZĐa-zđ]{2,}[\w/-]*|\d+/\d{4}/[\w-]+|\d+:\d{4}"
    r"|(?:chỉ\s+thị|quy\s+định|nghị\s+quyết|thông\s+tư|nghị\s+định|kết\s+luận|hướng\s+dẫn|công\s+văn|luật[^\d,.;]{0,40}?)\s+(?:số\s+)?\d+"
    r"|(?:số|lớp|khối|tổ|phòng|thôn|xóm|ấp|đội|Km|K|khóa|tiêu\s+chuẩn|hạng|bài|giai\s+đoạn|mẫu|điều|Trung\s+ương)\s+\d+\w*"
    r"|[A-Z]+\d+\w*|\d+[A-Z]+\w*)",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")
_RATIO = re.compile(r"(?<![\d/])\d{1,4}\s*/\s*\d{1,4}(?![\d/])")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])|(?<![\w])\d+(?:[.,]\d+)*(?=\s*[^\W\d_])")
_COUNTED = re.compile(
    r"(?<![\w.,/])(?:\d+(?:[.,]\d+)*|một|hai|ba|bốn|năm|mười)\s+(?:[^\W\d_]+\s+){0,1}?"
    r"(?:hồ\s+sơ|học\s+sinh|em|buổi|lớp|bài|tiết|chuyên\s+đề|hội\s+nghị|đợt|hộ|thôn|doanh\s+nghiệp|người|đồng\s+chí|đảng\s+viên|"
    r"quần\s+chúng|vụ|vụ\s+án|khoản|triệu|tỷ|ha|km|m|tin|ý\s+kiến|lần|sáng\s+kiến|đề\s+tài|bài\s+báo|tổ|chi\s+bộ|công\s+trình|dự\s+án|"
    r"hợp\s+đồng|tờ\s+khai|khách\s+hàng|thành\s+viên|sản\s+phẩm|kỹ\s+thuật|quy\s+trình|máy|động\s+cơ|nhà|câu|giờ|ngày|phút|điểm|sao|"
    r"giường|lượt|câu\s+lạc\s+bộ|học\s+viên|sinh\s+viên|giảng\s+viên|chiến\s+sĩ|trang|bộ|gian\s+hàng|kỳ)(?![^\W_])",
    re.IGNORECASE,
)
_BOUND = _alt(
    (
        "ít nhất",
        "tối thiểu",
        "tối đa",
        "không quá",
        "không dưới",
        "dưới",
        "trên",
        "trở lên",
        "vượt",
        "từ",
        "lên",
        "xuống",
        "đạt",
        "dứt điểm",
        "toàn bộ",
        "100%",
        "không còn",
        "không có",
        "không để",
        "trong vòng",
        "chậm nhất",
        "trong thời hạn",
        "mục tiêu",
    )
)
_CREDENTIAL = _alt(
    (
        "chứng chỉ",
        "bằng",
        "giải",
        "loại giỏi",
        "loại khá",
        "danh hiệu",
        "tốt nghiệp",
        "IELTS",
        "TOEIC",
        "HSK",
        "B1",
        "B2",
        "sao",
        "chứng nhận",
        "xếp loại",
        "đạt chuẩn",
    )
)
_RELATIVE_LIMIT = re.compile(
    r"(?:trong\s+vòng|chậm\s+nhất|không\s+quá|tối\s+đa|trong\s+thời\s+(?:hạn|gian)(?:\s+tối\s+đa)?)\s+\d+\s*(?:giờ|ngày|tuần|tháng|phút)",
    re.IGNORECASE,
)
# "khắc phục (dứt điểm) hạn chế về …": the promise restates the weakness instead of a measure
_RESTATES = re.compile(
    r"(?:khắc\s+phục|sửa\s+chữa|sửa)\s+(?:xong\s+|dứt\s+điểm\s+|triệt\s+để\s+)?(?:những\s+|các\s+)?(?:hạn\s+chế|khuyết\s+điểm|tồn\s+tại|điểm\s+(?:còn\s+)?yếu|việc\s+(?:chưa|còn|thiếu|vắng))",
    re.IGNORECASE,
)
# "không bỏ đợt tập huấn nào", "không để hồ sơ nào quá hạn": a zero target
_ZERO_TARGET = re.compile(r"(?<![^\W_])(?:không|chẳng)\s+(?:[^\W\d_]+\s+){0,5}?nào(?![^\W_])", re.IGNORECASE)
_PRODUCT = _alt(
    (
        "biên bản",
        "báo cáo",
        "kế hoạch",
        "danh sách",
        "sổ",
        "văn bản",
        "hồ sơ",
        "phiếu",
        "bản đồ",
        "giáo trình",
        "đề cương",
        "bài",
    )
)


def strip_prefix(text: str) -> str:
    """The item without its bullet/number and a short lead-in ("Về chuyên môn: ")."""
    t = _PREFIX.sub("", text, count=1)
    m = _LEAD_IN.match(t)
    if m and len(t) - m.end() > 20:
        t = t[m.end() :]
    return t


def _opening(text: str, report_year: int) -> str:
    """The first words of the item after bullets, lead-ins and a leading time expression."""
    t = strip_prefix(text)
    for d in find_deadlines(t, report_year):
        if d.start <= 2:
            t = t[d.end :].lstrip(" ,:")
        break
    return t[:40].lower()


def quantity_text(text: str, report_year: int) -> str:
    """The item with deadline expressions and non-quantity numbers (codes, classes) blanked."""
    out = list(text)
    for d in find_deadlines(text, report_year):
        out[d.start : d.end] = [" "] * (d.end - d.start)
    masked = "".join(out)
    return _NON_QUANTITY.sub(lambda m: " " * len(m.group(0)), masked)


def slot_cues(text: str, report_year: int = 2024) -> dict[str, float]:
    """Numeric cues of the three slots for one item (names are stable: they are model features)."""
    text = text or ""
    deadlines = find_deadlines(text, report_year)
    kinds = {d.kind for d in deadlines}
    vague_time = find_vague_time(text)
    opening = _opening(text, report_year)
    qtext = quantity_text(text, report_year)
    n_numbers = len(_NUMBER.findall(qtext))
    n_words = len(text.split())
    vague_markers = _VAGUE_MARKER_RE.findall(text)
    concrete = _CONCRETE_RE.findall(text)
    cues: dict[str, float] = {
        # deadline
        "dl_any": float(bool(deadlines)),
        "dl_date": float("date" in kinds),
        "dl_period": float("period" in kinds),
        "dl_recurring": float("recurring" in kinds),
        "dl_event": float("event" in kinds),
        "vague_time": float(bool(vague_time)),
        "vague_time_only": float(bool(vague_time) and not deadlines),
        # target
        "tg_percent": float(bool(_PERCENT.search(qtext))),
        "tg_ratio": float(bool(_RATIO.search(qtext))),
        "tg_counted": float(bool(_COUNTED.search(qtext))),
        "tg_numbers": min(n_numbers, 4) / 4.0,
        "tg_bound": float(bool(_BOUND.search(text))),
        "tg_credential": float(bool(_CREDENTIAL.search(text))),
        "tg_relative_limit": float(bool(_RELATIVE_LIMIT.search(text))),
        "tg_dut_diem": float("dứt điểm" in text.lower()),
        "tg_zero": float(bool(_ZERO_TARGET.search(text))),
        # measure
        "ms_vague_opener": float(bool(_VAGUE_OPENER_RE.match(opening))),
        "ms_concrete_opener": float(bool(_CONCRETE_RE.match(opening))),
        "ms_concrete_any": min(len(concrete), 3) / 3.0,
        "ms_vague_markers": min(len(vague_markers), 4) / 4.0,
        "ms_product": float(bool(_PRODUCT.search(text))),
        "ms_restates_weakness": float(bool(_RESTATES.search(text))),
        "ms_proper_noun": float(bool(re.search(r"(?<=\s)(?-i:[A-ZĐ][^\W\d_]*)", strip_prefix(text)[1:]))),
        "ms_quoted": float('"' in text),
        # shape
        "len_words": min(n_words, 40) / 40.0,
        "has_digit": float(bool(re.search(r"\d", qtext))),
        "clauses": min(text.count(",") + text.count(";"), 4) / 4.0,
    }
    return cues


CUE_NAMES: tuple[str, ...] = tuple(slot_cues("x").keys())


def rule_slots(text: str, report_year: int = 2024) -> dict[str, bool]:
    """A lexicon-only reading of the slots (the baseline the classifier must beat).

    measure: the item opens with a concrete action verb and not with an exhortation;
    deadline: the temporal grammar finds one; target: a percentage, a ratio, a counted
    quantity, a bound ("ít nhất", "không quá") with a number, "dứt điểm" or a credential.
    """
    c = slot_cues(text, report_year)
    measure = c["ms_concrete_opener"] > 0 and c["ms_vague_opener"] == 0
    target = bool(
        c["tg_percent"]
        or c["tg_ratio"]
        or c["tg_counted"]
        or c["tg_relative_limit"]
        or c["tg_dut_diem"]
        or (c["tg_credential"] and c["ms_concrete_opener"])
    )
    return {"measure": measure, "deadline": bool(c["dl_any"]), "target": target}


def lexicon_label(text: str, report_year: int = 2024) -> str:
    """Lexicon-only baseline label: specific iff measure and (deadline or target) by :func:`rule_slots`."""
    s = rule_slots(text, report_year)
    return "specific" if s["measure"] and (s["deadline"] or s["target"]) else "vague"


def describe(cues: dict[str, Any]) -> str:  # pragma: no cover - debugging aid
    return ", ".join(f"{k}={v:.2f}" for k, v in cues.items() if v)
