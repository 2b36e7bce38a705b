"""Section segmentation: split a normalised report into canonical sections (``schema.SECTION_LABELS``).

Reports number their headings every way (I. / 1. / 1.1 / a) / - / + / PHẦN I / caps-only lines /
"Về đạo đức, lối sống: …" with content on the same line), merge topics in one heading, leave
headings out, reorder them or put them in table cells (one cell per line after reading). The
segmenter works line by line:

1. A line is a *heading candidate* by shape: a numbering or bullet prefix, an all-capitals line,
   a short line without final punctuation, or a short phrase before a colon.
2. The candidate's phrase is matched against topic patterns (:data:`TOPICS`), which must match
   near the start of the phrase: "1. Tiếp tục nâng cao ý thức tổ chức kỷ luật" is a plan item, not
   a discipline heading. Several quality topics in one heading give a merged label
   (``ideology+ethics``). A parent heading ("I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC") opens a section whose
   label its first child decides.
3. Cues inside a section switch topic without a heading: "Nguyên nhân …" inside the weaknesses,
   "Trên đây là …" and the signature block (→ ``other``).
4. Paragraphs that no heading covers (reports without headings) are labelled by an optional
   trained paragraph classifier (``paragraph_model``: any object with ``predict(list[str])``
   returning section labels); without one they continue the previous section.

Accuracy is measured on the hand-labelled reports in corpora/labelled/sections (tests assert it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from pipeline import schema
from pipeline.text.normalize import strip_accents


@dataclass(frozen=True)
class Section:
    label: str
    start: int  # character offsets into the normalised text, [start, end)
    end: int
    heading: str = ""


class ParagraphModel(Protocol):
    def predict(self, texts: list[str]) -> list[str]: ...


class _Probabilities:
    """The paragraph model's ``predict_proba`` for one report, computed in as few batched calls
    as possible: :meth:`prefetch` classifies every text the segmenter may ask about at once, and
    :meth:`get` looks them up (a text not prefetched is classified then, and kept).

    Each text's probabilities do not depend on the other texts of the batch (the features and the
    linear model work row by row), so the sections are those of one call per question; the tests
    check it on every hand-labelled report.
    """

    def __init__(self, model: ParagraphModel | None) -> None:
        self.model = model if model is not None and hasattr(model, "predict_proba") else None
        self._dist: dict[str, dict[str, float]] = {}

    def __bool__(self) -> bool:
        return self.model is not None

    def prefetch(self, texts: list[str]) -> None:
        """Classify, in one call, those of ``texts`` not classified yet."""
        if self.model is None:
            return
        missing = list(dict.fromkeys(t for t in texts if t not in self._dist))
        if missing:
            self._dist.update(zip(missing, self.model.predict_proba(missing), strict=True))  # type: ignore[attr-defined]

    def get(self, texts: list[str]) -> list[dict[str, float]]:
        """Per text, the probability of each section label (the model must have predict_proba)."""
        self.prefetch(texts)
        return [self._dist[t] for t in texts]


# --- topic patterns -----------------------------------------------------------------------------

# (label, pattern). Order breaks ties between patterns matching at the same position.
TOPICS: tuple[tuple[str, str], ...] = (
    (
        "remedy_earlier",
        r"(kết quả |việc |tình hình )?(khắc phục|sửa chữa|sửa|chấn chỉnh|giải quyết)( xong)? (những |các )?(hạn chế|khuyết điểm|tồn tại|thiếu sót|yếu kém|nhược điểm)[^:\n]{0,120}?(trước|đã được|đã chỉ ra|đã nêu|kết luận|nhắc nhở|năm \d{4}|góp ý)"
        r"|kết quả (khắc phục|sửa chữa|chấn chỉnh)|khắc phục những hạn chế,? khuyết điểm đã"
        r"|(hạn chế|khuyết điểm|tồn tại|thiếu sót)[^:\n]{0,40}?(kỳ|năm|lần) (kiểm điểm )?trước[^:\n]{0,40}?(đã|được)? ?(khắc phục|sửa chữa|sửa)"
        r"|(khắc phục|sửa chữa|sửa|chấn chỉnh)[^:\n]{0,60}?((kỳ|năm|lần) trước|(đã |được )(được )?(chỉ ra|nêu|góp ý|nhắc|kết luận))",
    ),
    (
        "collective_responsibility",
        r"(làm rõ )?(phần )?trách nhiệm (của )?(cá nhân |bản thân |mình )?(đối với|với|trong|về) [^:\n]{0,80}?(của |đối với )?(tập thể|chi bộ|chi ủy|đảng ủy|cấp ủy|cơ quan|đơn vị)"
        r"|làm rõ trách nhiệm|trách nhiệm (của )?tập thể|trách nhiệm tập thể|(trách nhiệm )?liên đới",
    ),
    (
        "explanations",
        r"giải trình|(vấn đề|nội dung|điều|việc) (được |đã được |cấp trên |cấp ủy )?gợi ý|(vấn đề|nội dung) (phải|cần|xin) giải trình",
    ),
    (
        "plan",
        r"phương hướng|biện pháp|giải pháp|hướng (khắc phục|sửa chữa|sửa|phấn đấu|rèn luyện|tu dưỡng|tới|đi)|(năm|thời gian) tới$"
        r"|kế hoạch (khắc phục|sửa chữa|sửa|tu dưỡng|rèn luyện|phấn đấu|hành động|cá nhân|năm tới|năm \d{4}|thời gian tới)"
        r"|nhiệm vụ (trọng tâm )?(năm tới|thời gian tới|năm \d{4})|phấn đấu (trong )?năm|(dự kiến|định hướng|(việc )?sẽ làm|(việc )?cần làm)\b",
    ),
    (
        "self_rating",
        r"tự nhận (mức )?(xếp loại|mức)|tự xếp loại|(đề xuất|đề nghị|tự đánh giá,?) (mức )?xếp loại|xếp loại|mức (xếp loại|chất lượng)|tự (đánh giá|chấm) điểm|tự chấm|tổng (số )?điểm|nhóm tiêu chí|nội dung tự đánh giá|tự đánh giá",
    ),
    ("causes", r"nguyên nhân|l[ýí] do|căn nguyên|(vì|tại) sao"),
    (
        "weaknesses",
        r"(những |các )?(hạn chế|khuyết điểm|tồn tại|yếu kém|nhược điểm|mặt (còn )?(hạn chế|tồn tại|yếu)|điểm (còn )?yếu|thiếu sót|còn yếu|(mặt |điểm |việc )?chưa (làm )?(tốt|được))",
    ),
    (
        "political_task",
        r"(trách nhiệm (của )?(tập thể )?(lãnh đạo )?(trong |đối với |về )?)?(lãnh đạo )?(thực hiện )?nhiệm vụ chính trị"
        r"|trách nhiệm (của )?tập thể[^:\n;]{0,40}nhiệm vụ chính trị|trách nhiệm (của )?tập thể (lãnh đạo|cấp ủy|chi ủy)",
    ),
    (
        "party_building",
        r"xây dựng,? chỉnh đốn|xây dựng (đảng|chi bộ|tổ chức đảng)|công tác (xây dựng đảng|kiểm tra|cán bộ|tổ chức|đảng viên)|kiểm tra,? giám sát|phòng,? chống tham nhũng",
    ),
    (
        "principles",
        r"(chấp hành |thực hiện )?(các )?nguyên tắc (tổ chức|tập trung)|tập trung dân chủ|quy chế (làm việc|hoạt động)",
    ),
    (
        "commitment",
        r"(kết quả )?(thực hiện |việc thực hiện )?(bản |lời |những điều |các nội dung )?(đã )?cam kết|tu dưỡng,? rèn luyện|(đăng ký|lời hứa) (tu dưỡng|rèn luyện|phấn đấu)|lời hứa",
    ),
    (
        "leadership",
        r"(kết quả |năng lực )?(lãnh đạo|chỉ đạo|điều hành)([,;]? (và )?(lãnh đạo|chỉ đạo|điều hành|quản lý|tổ chức thực hiện|tổ chức))*( (các )?(nhiệm vụ|công việc)\b)?"
        r"|quản lý|kết quả hoạt động của (cơ quan|đơn vị|địa phương)|(khả năng|năng lực) (tập hợp|đoàn kết|quy tụ)([,;]? (và )?(tập hợp|quy tụ|xây dựng|đoàn kết|nội bộ|lực lượng|cán bộ|quần chúng))*"
        r"|đoàn kết,? tập hợp|tinh thần trách nhiệm,? [^:\n]{0,30}?(đổi mới|sáng tạo|dám)|đổi mới,? sáng tạo|dám nghĩ|nêu gương [^:\n]{0,40}gia đình|(sự )?tín nhiệm|niềm tin(?! (vào|với|đối với) (đảng|chế độ|sự lãnh đạo))|vai trò (của )?người đứng đầu",
    ),
    (
        "ideology",
        r"(phẩm chất|tư tưởng|lập trường|bản lĩnh|nhận thức|quan điểm)(,? (tư tưởng|quan điểm|lập trường|bản lĩnh))?,? chính trị|chính trị,? tư tưởng|tư tưởng\b|chính trị\b(?! (của|ở) địa phương)"
        r"|niềm tin (vào|với|đối với) (đảng|chế độ|sự lãnh đạo)",
    ),
    ("ethics", r"(phẩm chất,? )?(đạo đức|lối sống)|đoàn kết nội bộ"),
    (
        "discipline",
        r"(ý thức |tinh thần )?(chấp hành )?(tổ chức,? )?k[ỷỉ] luật|điều đảng viên không được làm|chấp hành (nội quy|quy định|điều lệ|quy chế|sự phân công)",
    ),
    ("working_style", r"tác phong|lề lối|phong cách(?! hồ chí minh)|cách (thức )?làm việc|cách ứng xử"),
    (
        "duties",
        r"(thực hiện )?chức trách|nhiệm vụ được giao|(công tác|công việc|nhiệm vụ|phần việc) được (phân công|giao)|(thực hiện|kết quả) (các )?(chỉ tiêu|nhiệm vụ|công việc)|nhiệm vụ (chuyên môn|công tác)|công tác chuyên môn|chuyên môn|kết quả công tác|quyền và nghĩa vụ|(thực hiện )?mục tiêu|chỉ tiêu|nghị quyết đại hội|chương trình công tác|công việc",
    ),
    ("other", r"kiến nghị|đề xuất(?! (mức )?xếp loại)|(?<!tự )nhận xét|xác nhận|ý kiến (của|nhận xét)"),
)
_PARENT = re.compile(
    r"(kết quả,? )?(những |các )?(ưu điểm|kết quả đạt được|mặt (đã )?làm được|(mặt|điểm) mạnh|việc (đã )?làm được|(nội dung|phần) (tự )?kiểm điểm|kiểm điểm các mặt|kết quả (đạt được|thực hiện)$|phần (thứ )?(nhất|i)\b)"
)
_TOPIC_RES = tuple((label, re.compile(pat)) for label, pat in TOPICS)
_TOPIC_RES_ASCII = tuple((label, re.compile(strip_accents(pat))) for label, pat in TOPICS)
_PARENT_ASCII = re.compile(strip_accents(_PARENT.pattern))
#: Topics that combine into one merged label when a heading names several of them.
MERGEABLE = frozenset(
    {
        "ideology", "ethics", "discipline", "working_style", "duties", "leadership", "commitment",
        "principles", "targets", "party_building", "political_task", "explanations", "collective_responsibility",
        "remedy_earlier",
    }
)  # fmt: skip
#: A collective report (Mẫu 01) has no individual-quality sections: their topic words there
#: belong to the collective's own sections.
COLLECTIVE_RELABEL = {
    "ideology": "party_building",
    "ethics": "party_building",
    "discipline": "party_building",
    "working_style": "party_building",
    "commitment": "party_building",
    "duties": "targets",
    "leadership": "targets",
}
#: And the other way round, for an individual report.
INDIVIDUAL_RELABEL = {
    "party_building": "ideology",
    "principles": "discipline",
    "targets": "duties",
    "political_task": "leadership",
}
#: Words that may precede the topic words in a heading.
_PREFIX_RE = re.compile(
    r"^((về|việc|những|các|mặt|đối với|tự kiểm điểm|kiểm điểm|nội dung|phần|giữ gìn|giữ vững)[ ,:]+)+"
)
#: Probability above which the paragraph model may start an unheaded topic inside a headed
#: section. The three thresholds were chosen together on a 0.3-0.7 grid by the 3-fold
#: cross-fitted character accuracy on corpora/labelled/sections (42 reports, see
#: pipeline/evaluate/sections.py): shift 0.5 is the single best value (0.4: -0.4 points, 0.6:
#: -0.1); intro is flat from 0.4 to 0.7 (the middle, 0.5, kept); heading is best at 0.3-0.4
#: (0.5-0.7: -0.2 points), the upper end kept. (The grid ran before the last two rules, long
#: numbered headings and no shift into leader items in a member's form; CV after them: 0.971.)
SHIFT_THRESHOLD = 0.5
#: Probability above which a paragraph before the first heading counts as review content
#: rather than preamble.
INTRO_THRESHOLD = 0.5
#: Mean probability the paragraph model must give the content under a heading of unknown
#: wording for the heading to take that label.
HEADING_THRESHOLD = 0.4
#: Placeholder label of a heading whose wording names no known topic.
UNKNOWN = "?"
#: Topic headings that are sub-items, not sections, inside the sections of _SUB_ITEM_SECTIONS
#: when written as a list item or with their content on the same line.
_SUB_ITEM_LABELS = frozenset({"weaknesses", "causes"})
_SUB_ITEM_SECTIONS = frozenset({"remedy_earlier", "collective_responsibility", "explanations", "plan"})
#: The subtitle of a form for members without a leadership post (2023 02A, 2025 2B/2C).
_NO_POST_RE = re.compile(r"(?i)không giữ chức vụ|không làm việc trong hệ thống chính trị")
#: Labels never started or interrupted by the topic-shift rule.
_NO_SHIFT = frozenset({"header", "other", "self_rating"})
#: Content paragraphs allowed before the first heading and still counted as preamble (header).
MAX_INTRO_PARAGRAPHS = 2
_PREFIX_ASCII_RE = re.compile(
    r"^((ve|viec|nhung|cac|mat|doi voi|tu kiem diem|kiem diem|noi dung|phan|giu gin|giu vung)[ ,:]+)+"
)
#: How far into the heading phrase (characters, after prefixes) the first topic may start.
MAX_TOPIC_OFFSET = 10

_NUMBERING_RE = re.compile(
    r"^(?P<num>(?i:phần\s+(?:[ivx]+|\d+|thứ \w+|một|hai|ba|bốn|năm|sáu|bảy))\b\s*[.:–-]?|[IVX]{1,4}\s*[.)/:-]|[IVX]{1,4}(?=\s+[A-ZĐ])|\d{1,2}(?:\.\d{1,2}){0,3}\.?\s*[)/:-]?|[a-zđA-D]\s*[).]|[-+*]|[(]\d{1,2}[)]|[(][a-zđ][)])\s*"
)
_ROMAN_BARE_RE = re.compile(r"^(?P<num>[IVX]{1,4})\s+(?=[^\W\d_])")


def _roman_bare(line: str) -> re.Match[str] | None:
    """ "II HẠN CHẾ, KHUYẾT ĐIỂM": a Roman numeral without a dot, in a capitals-only line."""
    m = _ROMAN_BARE_RE.match(line)
    return m if m and line[m.end() :].isupper() else None


def _strong_heading(line: str, phrase: str) -> bool:
    """A heading by shape alone: Roman numeral, part letter or "PHẦN …", or all capitals."""
    if _ROMAN_HEAD_RE.match(line) or _roman_bare(line):
        return True
    letters = [c for c in phrase if c.isalpha()]
    return len(phrase.split()) >= 2 and bool(letters) and all(c.isupper() for c in letters)


def _is_sub_item(line: str, phrase: str) -> bool:
    """A list item or a "topic: …" line, not a section heading of its own (those are Roman-
    numbered or in capitals)."""
    if _strong_heading(line, phrase):
        return False
    return line[0] in "-+*•" or bool(_LIST_ITEM_RE.match(line)) or ":" in line


_LIST_ITEM_RE = re.compile(r"^([a-zđ]\s*[).]|\(?\d{1,2}[).])")
_ROMAN_HEAD_RE = re.compile(r"^((?i:phần)\s+\S+|[IVX]{1,4}\s*[.)/:–-]|[A-D]\s*[.)/:–-])\s*\S")
_SENT_END_RE = re.compile(r"[.;!?]\s*$")
_PART_LABEL_RE = re.compile(r"(?i)^\s*phần\s+(thứ\s+)?\w+\s*$")
#: Longest bullet line ("- Việc thực hiện chức trách, nhiệm vụ …") still read as a heading.
MAX_BULLET_HEADING_WORDS = 25
#: Longest unnumbered line without final punctuation still read as a heading.
MAX_UNNUMBERED_HEADING_WORDS = 20
#: Longest numbered heading (the 2023 collective form's item 3 runs to 60 words).
MAX_NUMBERED_HEADING_WORDS = 80
#: Words of a self-rating statement; a plain sentence after one closes the report (→ other).
_RATING_WORDS_RE = re.compile(r"(?i)hoàn thành|xếp loại|điểm|mức|\d")
_SUBJECT_RE = re.compile(
    r"(?i)^(tôi|bản thân|chi bộ|đồng chí|tập thể|đảng ủy|đảng uỷ|chi ủy|chi uỷ|cơ quan|đơn vị|năm (qua|\d{4}),)\b"
)
_COUNT_RE = re.compile(r"\d+[/,.%]\d*|\b\d{1,3}\b(?!/\d{4})(?! ?-? ?(QĐ|NQ|HD|KL|CT))")
_CLOSING_RE = re.compile(
    r"(?i)^(trên đây là|trên đây là bản|tôi xin (cam đoan|hứa)|rất mong (nhận|được)|kính (mong|đề nghị) chi bộ"
    r"|(kính |rất )?mong (các đồng chí|chi bộ|chi ủy|chi uỷ|tập thể|đồng chí)|(tôi |bản thân )?xin (chi bộ|các đồng chí|tập thể)"
    r"|mọi ý kiến (đóng )?góp ý|bản (tự )?kiểm điểm (này|trên))"
)
_SIGNATURE_RE = re.compile(
    r"(?i)^\W*([^\n,]{2,40}, ngày [\d…. ]{1,6} tháng [\d…. ]{1,6} năm \d{4}\W*$|kèm theo\b|người (tự )?kiểm điểm|người viết( kiểm điểm)?|(ký|kí),? ghi rõ họ (và )?tên|t/?m\.? (chi bộ|chi ủy|chi uỷ|đảng ủy|đảng uỷ|ban)|xác nhận của|nhận xét,? đánh giá của|ý kiến nhận xét|nơi nhận|đảng viên kiểm điểm|bí thư( chi bộ)?\W*$|người tự đánh giá)"
)
_CAUSE_CUE_RE = re.compile(r"(?i)(^|(?<=[.;:]\s))(\W{0,3})(\*|-|\+|\d\.|[a-d]\))?\s*nguyên nhân\b")
_UNIT_RE = re.compile(r"[^.!?;]+(?:[.!?;]+|$)")
_PREAMBLE_RE = re.compile(r"(?i)^(thực hiện|căn cứ)\b")
_BARE_INDEX_RE = re.compile(r"^([IVX]{1,4}|\d{1,2})[.)]?$")
_REMEDY_CUE_RE = re.compile(
    r"(?i)^\W{0,3}(đối với |về )?(những |các )?(hạn chế|khuyết điểm|tồn tại)[^.:\n]{0,80}?"
    r"(được chỉ ra|đã chỉ ra|được nêu|chỉ ra|năm trước|kỳ trước|kỳ kiểm điểm|năm \d{4}|chi bộ góp ý|góp ý)"
)
_WEAK_CUE_RE = re.compile(r"(?i)^\W{0,3}(hạn chế|khuyết điểm|tồn tại|những hạn chế,? khuyết điểm)\s*[:,]")
_HEADER_LINE_RE = re.compile(
    r"(?i)^\W*(đảng bộ|chi bộ|đảng cộng sản|độc lập|\*|họ (và|&) tên|họ tên|ngày sinh|sinh ngày|năm sinh|chức vụ|đơn vị|nơi (công tác|ở|cư trú)|ngày vào đảng|ngày chính thức|trình độ|bản kiểm điểm|bản tự kiểm điểm|báo cáo kiểm điểm|kiểm điểm,? tự đánh giá|năm \d{4}|\(|mẫu|kính gửi|căn cứ|thực hiện|quê quán|dân tộc|giới tính|số:|số \d|.{0,40}ngày .{1,4} tháng .{1,4} năm|tôi (tự )?kiểm điểm|đồng chí|cá nhân|chi ủy|đảng ủy|đảng uỷ)"
)


#: Lines and heading phrases whose analysis is memoised (pure functions of their arguments; form
#: headings recur in every report of a batch).
HEADING_CACHE_SIZE = 1 << 13


@lru_cache(maxsize=HEADING_CACHE_SIZE)
def _heading_phrase(line: str) -> tuple[str, int, bool] | None:
    """If ``line`` has the shape of a heading, return (phrase, phrase_offset, numbered)."""
    stripped = line.strip()
    if not stripped or len(stripped) < 3:
        return None
    m = _NUMBERING_RE.match(stripped) or _roman_bare(stripped)
    numbered = bool(m and m.group("num"))
    offset = line.index(stripped[0])
    body = stripped[m.end() :] if numbered and m else stripped
    body_offset = offset + (m.end() if numbered and m else 0)
    if not body:
        return None
    colon = body.find(":")
    if 0 < colon <= 320 and _PART_LABEL_RE.match(body[:colon]) and body[colon + 1 :].strip():
        # "PHẦN THỨ HAI: TỰ ĐÁNH GIÁ, XẾP LOẠI": the topic is after the part label
        body_offset += colon + 1
        body = body[colon + 1 :].lstrip()
        colon = body.find(":")
    if 0 < colon <= 320:
        phrase = body[:colon]
    else:
        phrase = body
    words = phrase.split()
    letters = [c for c in phrase if c.isalpha()]
    is_caps = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.85 and len(letters) > 3
    if is_caps and len(words) <= 40:
        return phrase, body_offset, numbered
    has_colon = 0 < colon <= 320
    if len(words) > (MAX_NUMBERED_HEADING_WORDS if numbered else MAX_UNNUMBERED_HEADING_WORDS):
        return None
    if _SUBJECT_RE.match(phrase) or _COUNT_RE.search(phrase):
        return None  # "Chi bộ lãnh đạo … hoàn thành 9/10 chỉ tiêu:" introduces a list, it is no heading
    if has_colon:
        return phrase, body_offset, numbered
    if _SENT_END_RE.search(phrase) and not numbered:
        return None
    bullet = numbered and stripped[0] in "-+*"
    if (
        numbered
        and not bullet
        and len(words) <= MAX_NUMBERED_HEADING_WORDS
        and (not _SENT_END_RE.search(phrase) or len(words) <= 12)
    ):
        return phrase, body_offset, numbered
    if bullet and len(words) <= MAX_BULLET_HEADING_WORDS and not _SENT_END_RE.search(phrase):
        return phrase, body_offset, numbered
    if not numbered and len(words) <= MAX_UNNUMBERED_HEADING_WORDS:
        return phrase, body_offset, numbered
    return None


@lru_cache(maxsize=HEADING_CACHE_SIZE)
def classify_heading(phrase: str, kind: str | None = None, bullet: bool = False) -> str | None:
    """Section label named by a heading phrase, ``"parent"`` for a parent heading, or None.

    Topic matches that overlap a longer one are dropped ("lãnh đạo thực hiện nhiệm vụ chính
    trị" is the political task, not also leadership and ideology). ``bullet`` headings
    ("- Giáo dục chính trị: …") must name their topic at the very start.
    """
    raw = phrase.lower().strip(" .:-*/")
    label = _classify(raw, kind, bullet, _PARENT, _TOPIC_RES)
    if label is None:
        # typos in accents ("KHUYÊT ĐIỂM", "ƯU DIỂM") and reports typed without diacritics
        label = _classify(strip_accents(raw), kind, bullet, _PARENT_ASCII, _TOPIC_RES_ASCII)
    return label


def _classify(
    raw: str,
    kind: str | None,
    bullet: bool,
    parent_re: re.Pattern[str],
    topic_res: tuple[tuple[str, re.Pattern[str]], ...],
) -> str | None:
    if parent_re.match(raw):
        return "parent"
    text = _PREFIX_RE.sub("", raw)
    text = _PREFIX_ASCII_RE.sub("", text)
    spans: list[tuple[int, int, int, str]] = []
    for order, (label, regex) in enumerate(topic_res):
        if kind != "collective" and label in schema.COLLECTIVE_SECTIONS:
            continue
        for m in regex.finditer(text):
            if m.end() > m.start():
                spans.append((m.start(), -(m.end() - m.start()), order, label))
    if not spans:
        return "parent" if parent_re.match(text) else None
    spans.sort()
    accepted: list[tuple[int, int, str]] = []
    for start, neg_len, _, label in spans:
        end = start - neg_len
        if any(start < a_end and a_start < end for a_start, a_end, _ in accepted):
            continue
        accepted.append((start, end, label))
    first_start, _, first = accepted[0]
    if first_start > (3 if bullet else MAX_TOPIC_OFFSET):
        return None
    relabel = COLLECTIVE_RELABEL if kind == "collective" else {}
    first = relabel.get(first, first)
    if first not in MERGEABLE:
        return first
    parts = {first} | {relabel.get(label, label) for _, _, label in accepted[1:]}
    return schema.merged_label(sorted(p for p in parts if p in MERGEABLE))


class SectionSegmenter:
    """Splits a normalised report into :class:`Section` spans covering the whole text.

    Parameters
    ----------
    paragraph_model:
        Optional classifier for paragraphs no heading covers (see module docstring).
    """

    def __init__(
        self,
        paragraph_model: ParagraphModel | None = None,
        shift_threshold: float = SHIFT_THRESHOLD,
        intro_threshold: float = INTRO_THRESHOLD,
        heading_threshold: float = HEADING_THRESHOLD,
    ) -> None:
        self.paragraph_model = paragraph_model
        self.shift_threshold = shift_threshold
        self.intro_threshold = intro_threshold
        self.heading_threshold = heading_threshold

    def segment(self, text: str, kind: str | None = None) -> list[Section]:
        """Sections tiling ``text``; ``kind`` ("collective" or not) selects collective labels."""
        probs = _Probabilities(self.paragraph_model)
        if probs:
            # every content paragraph, as the intro test (stripped) and the heading and
            # topic-shift rules (whole line) ask about it: one batched call for the report
            wanted: list[str] = []
            for a, b in _lines(text):
                stripped = text[a:b].strip()
                if _is_content(stripped):
                    wanted.extend((text[a:b], stripped))
            probs.prefetch(wanted)
        events, header_end = self._events(text, kind, probs)
        events = self._resolve_headings(text, [e for e in events if e[0] >= header_end], kind, probs)
        events = _add_inline_causes(text, events)
        sections: list[Section] = [Section("header", 0, header_end)] if header_end > 0 else []
        gaps: list[tuple[int, int]] = []
        cursor_label: str | None = None
        cursor_start, cursor_heading = header_end, ""
        parent: tuple[int, int] | None = None  # (start, end of line) of a pending parent heading
        for offset, label, heading, line_end in sorted(events, key=lambda e: e[0]):
            if label == "parent":
                if cursor_label is not None:
                    sections.append(Section(cursor_label, cursor_start, offset, cursor_heading))
                    cursor_label = None
                elif parent is None and offset > cursor_start:
                    gaps.append((cursor_start, offset))
                if parent is None or not _has_content(text, parent[1], offset):
                    # a parent directly under another parent ("A. NỘI DUNG…" / "I. ƯU ĐIỂM…") extends it
                    parent = (offset if parent is None else parent[0], line_end)
                    cursor_start = parent[0]
                continue
            if cursor_label is not None:
                if label == cursor_label:
                    continue  # the same topic again: one section
                sections.append(Section(cursor_label, cursor_start, offset, cursor_heading))
                cursor_start = offset
            elif parent is not None:
                if _has_content(text, parent[1], offset):
                    gaps.append((parent[0], offset))  # the parent has content of its own
                    cursor_start = offset
                else:
                    cursor_start = parent[0]  # parent heading directly above its first child
            elif offset > cursor_start:
                gaps.append((cursor_start, offset))
                cursor_start = offset
            parent = None
            cursor_label, cursor_heading = label, heading
        if cursor_label is not None:
            sections.append(Section(cursor_label, cursor_start, len(text), cursor_heading))
        elif cursor_start < len(text):
            gaps.append((cursor_start, len(text)))
        sections = self._fill_gaps(text, sections, gaps, kind)
        headed = {e[1] for e in events}
        if _NO_POST_RE.search(text, 0, header_end):
            headed.add("leadership")  # a member's form has no leader items: never shift into them
        sections = self._split_topic_shifts(
            text, sorted(sections, key=lambda s: s.start), headed, kind, probs
        )
        return _merge_adjacent(sorted(sections, key=lambda s: s.start), len(text))

    def _split_topic_shifts(
        self, text: str, sections: list[Section], headed: set[str], kind: str | None, probs: _Probabilities
    ) -> list[Section]:
        """Inside a headed section, a paragraph the model confidently gives to another topic that
        has no heading of its own in the report starts that topic (reports leave headings out)."""
        if not probs:
            return sections
        out: list[Section] = []
        for sec in sections:
            if sec.label in _NO_SHIFT or not sec.heading:
                out.append(sec)
                continue
            paragraphs = [
                (a, b) for a, b in _lines(text, sec.start, sec.end) if _is_content(text[a:b].strip())
            ]
            if len(paragraphs) < 2:
                out.append(sec)
                continue
            dists = probs.get([text[a:b] for a, b in paragraphs[1:]])
            current, start = sec.label, sec.start
            own = set(sec.label.split(schema.MERGE_SEP))
            for (a, _), dist in zip(paragraphs[1:], dists, strict=True):
                label, p = max(_dist_for_kind(dist, kind).items(), key=lambda kv: kv[1])
                if label in own or label in headed or p < self.shift_threshold or label in _NO_SHIFT:
                    continue
                if _form_rank(label) < _form_rank(current):
                    continue  # unheaded topics follow the form's order: no step back
                if label != current:
                    out.append(Section(current, start, a, sec.heading if start == sec.start else ""))
                    current, start = label, a
            out.append(Section(current, start, sec.end, sec.heading if start == sec.start else ""))
        return out

    def _events(
        self, text: str, kind: str | None, probs: _Probabilities
    ) -> tuple[list[tuple[int, str, str, int]], int]:
        """Headings, cues and closing lines as (offset, label, heading, line_end); and the header end.

        A heading-shaped line whose words name no known topic but whose shape is unmistakable (a
        Roman numeral or part letter, or all capitals) is recorded with the label
        :data:`UNKNOWN`; :meth:`_resolve_unknown` labels it by the content under it.
        """
        events: list[tuple[int, str, str, int]] = []
        header_end: int | None = None
        closing = False
        current: str | None = None  # label of the section the line is in
        rating_seen = False
        intro: list[int] = []
        pending: list[tuple[int, str, str, int]] = []
        bare_start: int | None = None  # a table's row-number cell ("3") just above a heading cell
        lead: int | None = None  # an unknown capitals heading ("MỘT NĂM NHÌN LẠI") before the first heading
        intro_lead: int | None = None  # such a heading just above the first content paragraph
        for start, end in _lines(text):
            line = text[start:end]
            stripped = line.strip()
            if not stripped:
                continue
            prev_bare, bare_start = bare_start, (start if _BARE_INDEX_RE.match(stripped) else None)
            prev_lead, lead = lead, None
            if _SIGNATURE_RE.match(stripped) or (header_end is not None and _CLOSING_RE.match(stripped)):
                if not closing:
                    events.append((start, "other", stripped[:80], end))
                closing = True
                continue
            hp = _heading_phrase(line)
            label = classify_heading(hp[0], kind, bullet=stripped[0] in "-+*") if hp else None
            if header_end is None:
                if label is not None and not (
                    _HEADER_LINE_RE.match(stripped) and not _NUMBERING_RE.match(stripped)
                ):
                    header_end = start
                    if prev_lead is not None and label != "parent":
                        events.append((prev_lead, "parent", text[prev_lead:start].strip()[:120], start))
                        header_end = prev_lead
                elif label is None and _is_content(stripped):
                    # up to MAX_INTRO_PARAGRAPHS introductory paragraphs before the first heading
                    # are the preamble; more mean the report has no headings at all
                    if not intro:
                        intro_lead = prev_lead
                    intro.append(start)
                    if len(intro) > MAX_INTRO_PARAGRAPHS or self._is_topic(stripped, probs):
                        header_end = intro[0]
                        if intro_lead is not None:  # "MỘT NĂM NHÌN LẠI" just above the first paragraph
                            header_end = intro_lead
                            lead_text = text[intro_lead : intro[0]].strip()[:120]
                            events.append((intro_lead, UNKNOWN, lead_text, intro[0]))
                        events.extend(pending)
                    else:
                        continue
                else:
                    if (
                        label is None
                        and hp
                        and not _HEADER_LINE_RE.match(stripped)
                        and _strong_heading(stripped, hp[0])
                    ):
                        lead = start
                    if label is None and intro:
                        pending_cue = _cue(stripped)
                        if pending_cue:
                            pending.append((start, pending_cue, stripped[:80], end))
                    continue
            if (
                label in _SUB_ITEM_LABELS
                and current in _SUB_ITEM_SECTIONS
                and hp
                and _is_sub_item(stripped, hp[0])
            ):
                # "- Tồn tại về …, chi bộ góp ý năm 2023: đã khắc phục" inside the earlier-remedy
                # section, "Về các khuyết điểm chung của chi bộ:" inside the responsibility one
                label = None
            elif label is None and hp is not None and not closing and _strong_heading(stripped, hp[0]):
                label = UNKNOWN
            if label is None:
                if current == "self_rating" and not closing:
                    if _RATING_WORDS_RE.search(stripped):
                        rating_seen = True
                    elif rating_seen and _is_closing_remark(stripped):
                        # a plain sentence after the rating statement: the report's closing words
                        events.append((start, "other", stripped[:80], end))
                        closing = True
                        continue
                cue = _cue(stripped)
                if cue:
                    events.append((start, cue, stripped[:80], end))
                    current = cue
                continue
            closing = False
            if label != "parent":
                current, rating_seen = (
                    label,
                    bool(label == "self_rating" and _RATING_WORDS_RE.search(stripped[len(hp[0]) :])),
                )
            events.append((prev_bare if prev_bare is not None else start, label, stripped[:120], end))
        return events, len(text) if header_end is None else header_end

    def _resolve_headings(
        self, text: str, events: list[tuple[int, str, str, int]], kind: str | None, probs: _Probabilities
    ) -> list[tuple[int, str, str, int]]:
        """Label :data:`UNKNOWN` headings by their content, and merged headings by their parts.

        * An unknown heading directly above another heading is a parent; above content, it takes
          the label the paragraph model gives that content on average, when that reaches
          ``heading_threshold`` (otherwise, and without a model, it is dropped).
        * A merged heading ("1. Về phẩm chất chính trị, đạo đức, lối sống; kỷ luật …") followed by
          headings of some of its parts ("a) Phẩm chất đạo đức", …) keeps, for its own content,
          only the parts not headed below it; with no content of its own it is their parent.
        """
        events = sorted(events, key=lambda e: e[0])
        out: list[tuple[int, str, str, int]] = []
        for i, (offset, label, heading, line_end) in enumerate(events):
            nxt = events[i + 1][0] if i + 1 < len(events) else len(text)
            if label == UNKNOWN:
                label = self._label_by_content(text, line_end, nxt, kind, probs) or ""
                if not label:
                    continue
            elif schema.MERGE_SEP in label:
                parts = set(label.split(schema.MERGE_SEP))
                headed: set[str] = set()
                for e in events[i + 1 :]:
                    sub = set(e[1].split(schema.MERGE_SEP))
                    if e[1] in (UNKNOWN, "parent") or not sub <= parts or sub == parts:
                        break
                    headed |= sub
                if headed:
                    rest = parts - headed
                    own = _has_content(text, line_end, nxt)
                    label = schema.merged_label(sorted(rest)) if rest and own else "parent"
            out.append((offset, label, heading, line_end))
        return out

    def _label_by_content(
        self, text: str, start: int, end: int, kind: str | None, probs: _Probabilities
    ) -> str | None:
        """Label of an unknown heading from the text under it (None: too unsure, or no model)."""
        units = [text[a:b] for a, b in _lines(text, start, end) if _is_content(text[a:b].strip())]
        if not units:
            return "parent" if end < len(text) else None
        if not probs:
            return None
        total: dict[str, float] = {}
        for dist in probs.get(units):
            for label, p in _dist_for_kind(dist, kind).items():
                total[label] = total.get(label, 0.0) + p / len(units)
        label, p = max(total.items(), key=lambda kv: kv[1])
        return label if p >= self.heading_threshold and label != "header" else None

    def _is_topic(self, paragraph: str, probs: _Probabilities) -> bool:
        """Does the paragraph model give this paragraph to a review topic (not preamble/other)?"""
        if not probs:
            return False
        dist = probs.get([paragraph])[0]
        label, p = max(dist.items(), key=lambda kv: kv[1])
        return label not in _NO_SHIFT and p >= self.intro_threshold

    def _fill_gaps(
        self, text: str, sections: list[Section], gaps: list[tuple[int, int]], kind: str | None
    ) -> list[Section]:
        """Label text that no heading covers, sentence by sentence (topics switch mid-paragraph
        in reports without headings); heading-like lines take the label of what follows."""
        out = list(sections)
        gap_units = [self._gap_units(text, gstart, gend) for gstart, gend in gaps]
        predicted: list[str] = []
        if self.paragraph_model is not None:
            # one call for the sentences of every gap
            texts = [text[a:b] for units in gap_units for a, b, content in units if content]
            predicted = _for_kind(list(self.paragraph_model.predict(texts)), kind) if texts else []
        done = 0
        for (gstart, gend), units in zip(gaps, gap_units, strict=True):
            if not units:
                continue
            contents = [i for i, u in enumerate(units) if u[2]]
            if self.paragraph_model is not None and contents:
                by_index = dict(zip(contents, predicted[done : done + len(contents)], strict=True))
                done += len(contents)
            else:
                before = [s for s in out if s.end <= gstart and s.label != "header"]
                prev = max(before, key=lambda s: s.end).label if before else "duties"
                by_index = dict.fromkeys(contents, prev)
            labels: list[str] = []
            nxt = by_index[contents[-1]] if contents else "duties"
            for i in range(len(units) - 1, -1, -1):
                nxt = by_index.get(i, nxt)
                labels.append(nxt)
            labels.reverse()
            run_start = gstart
            for i, label in enumerate(labels):
                last = i == len(labels) - 1
                if last or labels[i + 1] != label:
                    stop = gend if last else units[i + 1][0]
                    out.append(Section(label, run_start, stop, ""))
                    run_start = stop
        return out

    def _gap_units(self, text: str, gstart: int, gend: int) -> list[tuple[int, int, bool]]:
        """The units of a gap as (start, end, is_content): the sentences of content lines (with a
        paragraph model), whole lines otherwise."""
        units: list[tuple[int, int, bool]] = []
        for a, b in _lines(text, gstart, gend):
            line = text[a:b]
            if not line.strip():
                continue
            if _is_content(line.strip()) and self.paragraph_model is not None:
                units.extend(
                    (a + m.start(), a + m.end(), True) for m in _UNIT_RE.finditer(line) if m.group(0).strip()
                )
            else:
                units.append((a, b, _is_content(line.strip())))
        return units


def _for_kind(labels: list[str], kind: str | None) -> list[str]:
    """Paragraph-model labels mapped onto the sections a report of this kind has."""
    table = COLLECTIVE_RELABEL if kind == "collective" else INDIVIDUAL_RELABEL
    return [table.get(x, x) for x in labels]


def _dist_for_kind(dist: dict[str, float], kind: str | None) -> dict[str, float]:
    table = COLLECTIVE_RELABEL if kind == "collective" else INDIVIDUAL_RELABEL
    out: dict[str, float] = {}
    for label, p in dist.items():
        key = table.get(label, label)
        out[key] = out.get(key, 0.0) + p
    return out


#: Order of the topics in the forms; topics of one rank come in either order (the collective
#: form's four quality items are numbered differently from one version and writer to the next).
_FORM_RANK: dict[str, int] = {
    "header": 0, "ideology": 1, "ethics": 2, "discipline": 3, "working_style": 4, "duties": 5,
    "principles": 5, "targets": 5, "party_building": 5, "political_task": 5, "leadership": 6,
    "commitment": 7, "weaknesses": 8, "causes": 9, "remedy_earlier": 10, "explanations": 11,
    "collective_responsibility": 12, "plan": 13, "self_rating": 14, "other": 15,
}  # fmt: skip


def _form_rank(label: str) -> int:
    """Rank of a (possibly merged) label in the form: that of its last part."""
    return max(_FORM_RANK[part] for part in label.split(schema.MERGE_SEP))


def _is_closing_remark(line: str) -> bool:
    """A plain sentence (no heading, no list item, no figure) such as "Mong các đồng chí góp ý"."""
    return bool(_SENT_END_RE.search(line)) and line[0].isalpha() and 4 <= len(line.split()) <= 40


def _has_content(text: str, start: int, end: int) -> bool:
    """Any content paragraph in text[start:end]? (table header cells like "TT", "Nội dung" are not)."""
    return any(_is_content(text[a:b].strip()) for a, b in _lines(text, start, end))


def _cue(line: str) -> str | None:
    """Label switched to by a cue line that is not heading-shaped ("Nguyên nhân là do …")."""
    if _REMEDY_CUE_RE.match(line):
        return "remedy_earlier"
    if _CAUSE_CUE_RE.match(line):
        return "causes"
    if _WEAK_CUE_RE.match(line):
        return "weaknesses"
    return None


def _is_content(line: str) -> bool:
    """A sentence-like paragraph (not a heading, not a header field)."""
    if _HEADER_LINE_RE.match(line) and (len(line.split()) < 25 or _PREAMBLE_RE.match(line)):
        return False
    words = len(line.split())
    return words >= 15 or (words >= 6 and bool(_SENT_END_RE.search(line)))


def _lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the lines of ``text[start:end]``, ends excluding the newline."""
    end = len(text) if end is None else end
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        if nl == -1:
            out.append((pos, end))
            break
        out.append((pos, nl))
        pos = nl + 1
    return out


def _add_inline_causes(text: str, events: list[tuple[int, str, str, int]]) -> list[tuple[int, str, str, int]]:
    """Within a weaknesses section with no causes heading, switch at the first "Nguyên nhân"."""
    events = sorted(events, key=lambda e: e[0])
    out = list(events)
    for i, (offset, label, _, _line_end) in enumerate(events):
        if label != "weaknesses" or (i + 1 < len(events) and events[i + 1][1] == "causes"):
            continue
        nxt = events[i + 1][0] if i + 1 < len(events) else len(text)
        m = _INLINE_CAUSE_RE.search(text, offset + 5, nxt)
        if m:
            pos = m.start() + (1 if text[m.start()] == "\n" else 0)
            out.append((pos, "causes", text[pos : pos + 60], pos))
    return out


_INLINE_CAUSE_RE = re.compile(
    r"(?<=[.;:!?] )\W{0,2}nguyên nhân\b|\n\W{0,3}(\*|-|\+|\d\.|[a-d]\))?\s*nguyên nhân\b", re.I
)


def _merge_adjacent(sections: list[Section], length: int) -> list[Section]:
    """Join neighbours with the same label and close gaps so spans tile ``[0, length)``."""
    out: list[Section] = []
    for s in sections:
        if s.end <= s.start:
            continue
        if out and out[-1].label == s.label and s.start <= out[-1].end:
            out[-1] = Section(s.label, out[-1].start, max(out[-1].end, s.end), out[-1].heading or s.heading)
        elif out and s.start < out[-1].end:
            out[-1] = Section(out[-1].label, out[-1].start, s.start, out[-1].heading)
            out.append(s)
        else:
            if out and s.start > out[-1].end:
                out[-1] = Section(out[-1].label, out[-1].start, s.start, out[-1].heading)
            out.append(s)
    if out and out[-1].end < length:
        out[-1] = Section(out[-1].label, out[-1].start, length, out[-1].heading)
    if out and out[0].start > 0:
        out[0] = Section(out[0].label, 0, out[0].end, out[0].heading)
    return out


def label_array(sections: list[Section], length: int) -> list[str]:
    """One label per character (for measuring accuracy)."""
    labels = ["header"] * length
    for s in sections:
        for i in range(s.start, min(s.end, length)):
            labels[i] = s.label
    return labels
