"""Link remediation items to the weaknesses they answer.

A weakness is *remedied* when some item addresses its topic. Two signals, on accent-folded
lower-case syllables (reports typed without diacritics still link):

* topics — a hand-written lexicon of the recurring weakness topics of the genre (domain.md §7:
  criticism in cell meetings, theory study, IT and language skills, professional knowledge,
  timeliness, attendance, residence, initiative, records, mass work, supervision of subordinates,
  delegation, party recruitment, targets and debts, meeting quality, safety, health). A topic
  shared through strong cues scores ``topic_weight``; through a weak cue ("kiểm tra", "chủ động",
  "nghiên cứu": words of many promises) ``WEAK_STRENGTH`` times that;
* words — the share of the weakness's content syllable bigrams (and, at half weight, content
  syllables) that the item repeats: sector-specific weaknesses ("còn 41 hồ sơ kiểm tra sau cho
  vay chậm") are answered in their own words ("hoàn thành kiểm tra 41 hồ sơ chậm …").

A pair links when its score reaches ``threshold``. Blanket items ("khắc phục những hạn chế đã
nêu", "tiếp tục phát huy ưu điểm, khắc phục hạn chế") answer no weakness in particular and never
link: a weakness left with only a blanket promise is unremedied (the generated corpus's truth
uses the same rule).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.text.normalize import strip_accents

#: Strong cues: a topic shared through them links on its own.
TOPICS: dict[str, str] = {
    "criticism": r"phê bình|góp ý|đóng góp ý kiến|phát biểu|ý kiến|nể nang|đấu tranh|thẳng thắn|ngại va chạm|dè dặt|ngại nói|rụt rè|nêu ý kiến|giữ hòa khí|chuyên đề để trình bày",
    "theory_study": r"lý luận|lí luận|nghị quyết|trung cấp|cao cấp|mác|tư tưởng hồ chí minh|văn kiện|tạp chí cộng sản|chỉ thị|văn bản của đảng|tài liệu sinh hoạt|(?:trung cấp|cao cấp|lớp) chính trị|tài liệu của đảng|bài thu hoạch|nộp thu hoạch|viết thu hoạch",
    "skills_it": r"tin học|công nghệ thông tin|cntt|phần mềm|ứng dụng|điện thoại thông minh|chuyển đổi số|số hóa|zalo|máy tính|trực tuyến|e-learning|sổ tay đảng viên|kỹ năng số|môi trường mạng|chữ ký số|điện tử|thủ công",
    "skills_lang": r"ngoại ngữ|tiếng anh|tiếng trung|tiếng pháp|tiếng nhật|tiếng hàn|ielts|toeic|hsk|b1|b2",
    "professional": r"kiến thức chuyên môn|trình độ chuyên môn|chuyên môn,? nghiệp vụ|tập huấn|bồi dưỡng|chứng chỉ hành nghề|tiêu chuẩn chức danh|chức danh nghề nghiệp|phác đồ",
    "timeliness": r"chậm|trễ|tiến độ|đúng hạn|quá hạn|thời hạn|muộn|sát giờ|gia hạn|tồn đọng|đúng giờ|hạn hoàn thành|sớm hơn hạn|lịch công việc",
    "attendance": r"vắng|có mặt|dự họp|dự đủ|họp chi bộ (?:đầy )?đủ|tham gia (?:đầy đủ )?(?:các )?(?:buổi |kỳ )?(?:sinh hoạt|họp)|dự sinh hoạt|sinh hoạt (?:chi bộ )?(?:chưa )?đầy đủ|lịch (?:sinh hoạt|họp)|vắng họp|đảng viên dự|trùng (?:lịch|ngày)|lùi lịch|sinh hoạt đúng định kỳ|chuyên cần|dự đủ|\\d+/\\d+ kỳ sinh hoạt",
    "residence": r"nơi cư trú|khu dân cư|tổ dân phố|khu phố|chi ủy nơi cư trú|hoạt động (?:chung )?(?:của|ở|tại) (?:thôn|xóm|phường|xã|địa phương)|phong trào (?:của|ở|tại) (?:thôn|phường|xã|địa phương)",
    "initiative": r"sáng kiến|sáng tạo|cải tiến|giải pháp mới|cách làm mới|đơn giản hóa|dám nghĩ|đề tài",
    "records": r"hồ sơ|sổ sách|lưu trữ|chứng từ|nhật ký|bệnh án",
    "mass": r"quần chúng|người dân|nhân dân|tâm tư|sâu sát|dân vận|tiếp dân|tiếp công dân|nắm tình hình|nắm tư tưởng|nắm bắt|đi cơ sở|xuống cơ sở|đến cơ sở|đoàn thể",
    "supervision": r"đôn đốc|cấp dưới|giao ban|kiểm tra nội bộ|kế hoạch kiểm tra|kiểm tra,? giám sát",
    "delegation": r"phân công|giao việc|ủy quyền|cấp phó|giao nhiệm vụ|làm thay|sự vụ|trực tiếp (?:làm|xử lý)",
    "recruitment": r"kết nạp|quần chúng ưu tú|phát triển đảng viên|đảng viên mới|cảm tình đảng",
    "targets": r"chỉ tiêu|doanh số|doanh thu|dư nợ|công nợ|ngân sách|lợi nhuận|giải ngân",
    "meeting_quality": r"chất lượng (?:các |một số )?(?:buổi |kỳ )?(?:sinh hoạt|họp)|nội dung (?:các |một số )?(?:buổi |kỳ )?(?:sinh hoạt|họp)|sinh hoạt chuyên đề|chủ đề|thảo luận|phong phú|chung chung|đơn điệu|nặng về thông báo|phổ biến văn bản|trao đổi|(?:kỳ họp|buổi|chọn) chuyên đề|chuyên đề sinh hoạt",
    "safety": r"an toàn|tai nạn|sự cố|cháy nổ|phòng cháy",
    "health": r"sức khỏe|ốm đau|tuổi cao|bệnh tật",
}
#: Weak cues: words common enough in promises that a topic shared only through them needs some
#: word overlap as well to link.
WEAK_CUES: dict[str, str] = {
    "professional": r"chuyên môn|nghiệp vụ|kiến thức|trình độ",
    "records": r"ghi chép|biên bản|sổ theo dõi|phiếu|sổ",
    "supervision": r"kiểm tra|giám sát|kiểm soát|phúc tra",
    "initiative": r"chủ động|đổi mới",
    "targets": r"thu hồi|\bnợ\b|kế hoạch (?:năm|được giao|kinh doanh)|\d+\s*%",
    "delegation": r"giao chỉ tiêu",
    "theory_study": r"nghiên cứu|học tập",
}

_TOPIC_RE = {name: re.compile(rf"(?<!\w)(?:{pat})(?!\w)", re.IGNORECASE) for name, pat in TOPICS.items()}
_TOPIC_RE_FOLDED = {
    name: re.compile(rf"(?<!\w)(?:{strip_accents(pat)})(?!\w)", re.IGNORECASE) for name, pat in TOPICS.items()
}
_WEAK_RE = {name: re.compile(rf"(?<!\w)(?:{pat})(?!\w)", re.IGNORECASE) for name, pat in WEAK_CUES.items()}
_WEAK_RE_FOLDED = {
    name: re.compile(rf"(?<!\w)(?:{strip_accents(pat)})(?!\w)", re.IGNORECASE)
    for name, pat in WEAK_CUES.items()
}

# Syllables that carry no topic: function words, the vocabulary of weaknesses and of promises.
_STOP_ACCENTED = set(
    """và với của các những một số có là được để do trong ngoài trên dưới theo từ đến tới khi thì mà nên
        này đó đã đang sẽ còn chưa không rất hơn nữa nhiều ít lúc đôi có thời điểm việc cho về bản thân
        tôi em mình hạn chế khuyết điểm tồn tại khắc phục tiếp tục nâng cao phát huy tăng cường cố gắng tích cực
        thực hiện tốt nghiêm túc chủ yếu vì như cũng đều mỗi hằng hàng ngày tháng năm quý tuần sau trước
        tham gia đầy đủ kịp thời thường xuyên công tác nhiệm vụ được giao đơn vị cơ quan chi bộ sinh hoạt đảng viên
        cao chất lượng hiệu quả yêu cầu quy định trình độ phấn đấu bảo đảm đảm đạt hoàn thành ít nhất tối thiểu
        lần buổi kỳ lên xuống trở""".split()
)
_STOP_FOLDED = {strip_accents(w) for w in _STOP_ACCENTED}
_BLANKET = re.compile(
    strip_accents(
        r"(?:khắc phục|sửa chữa)\s+(?:những|các|mọi)?\s*(?:hạn chế|khuyết điểm|tồn tại)(?:,?\s*(?:khuyết điểm|tồn tại|hạn chế))*\s*(?:đã (?:nêu|chỉ ra|được chỉ ra)|còn tồn tại|trên|nêu trên|của bản thân)?\s*[.;,]?\s*$"
        r"|phát huy (?:những )?ưu điểm"
    ),
    re.IGNORECASE,
)


WEAK_STRENGTH = 0.4


@dataclass
class LinkParams:
    """Weights and the threshold of the link score (recorded in run.json)."""

    topic_weight: float = 0.6  # a topic shared through strong cues (x WEAK_STRENGTH through a weak one)
    bigram_weight: float = 1.0
    unigram_weight: float = 0.5
    bigram_cap: int = 6  # shares are counted out of at most this many weakness bigrams
    unigram_cap: int = 6  # ... and content syllables
    threshold: float = 0.4  # chosen on generated variant a (benchmarks/plans/README.md)
    #: count a syllable pair unless both are stop syllables ("theo dõi", "bộ phận" survive the
    #: stop list that splits compounds); False: both must be content syllables
    loose_bigrams: bool = True
    #: also score the item's words found in the weakness when they share at least this many
    #: syllables and pairs (0: off)
    item_side_min: int = 2


def _fold(text: str) -> str:
    return strip_accents(text or "").lower()


def has_diacritics(text: str) -> bool:
    """False for text typed without an IME (only ASCII letters)."""
    return any(ord(c) > 127 and c.isalpha() for c in text or "")


def topics_of(text: str, folded: bool | None = None) -> dict[str, float]:
    """Topics a text touches (see :data:`TOPICS`) with their strength: 1.0 through a strong cue,
    ``WEAK_STRENGTH`` through a weak cue only. ``folded`` matches accent-free (default: when the
    text has no diacritics)."""
    if folded is None:
        folded = not has_diacritics(text)
    t = _fold(text) if folded else (text or "")
    strong = _TOPIC_RE_FOLDED if folded else _TOPIC_RE
    weak = _WEAK_RE_FOLDED if folded else _WEAK_RE
    out = {name: 1.0 for name, rx in strong.items() if rx.search(t)}
    for name, rx in weak.items():
        if name not in out and rx.search(t):
            out[name] = WEAK_STRENGTH
    return out


def _content(text: str, folded: bool, loose: bool = False) -> tuple[set[str], set[tuple[str, str]]]:
    t = _fold(text) if folded else (text or "").lower()
    stop = _STOP_FOLDED if folded else _STOP_ACCENTED
    syl = re.findall(r"[^\W_]+", t)
    uni = {s for s in syl if s not in stop and not s.isdigit() and len(s) > 1}
    bi = {
        (a, b)
        for a, b in zip(syl, syl[1:], strict=False)
        if ((a not in stop or b not in stop) if loose else (a not in stop and b not in stop))
        and not (a.isdigit() and b.isdigit())
    }
    return uni, bi


def is_blanket(item: str) -> bool:
    """A promise about weaknesses in general ("khắc phục những hạn chế đã nêu")."""
    uni, _ = _content(item, True)
    return bool(_BLANKET.search(_fold(item))) and len(uni - {"uu", "diem", "da", "dat", "nhung"}) <= 4


def link_score(weakness: str, item: str, params: LinkParams | None = None) -> float:
    """How strongly ``item`` answers ``weakness`` (0 = unrelated; >= threshold = linked)."""
    p = params or LinkParams()
    if is_blanket(item):
        return 0.0
    folded = not (has_diacritics(weakness) and has_diacritics(item))
    tw, ti = topics_of(weakness, folded), topics_of(item, folded)
    topic = p.topic_weight * max((min(tw[t], ti[t]) for t in tw.keys() & ti.keys()), default=0.0)
    uw, bw = _content(weakness, folded, p.loose_bigrams)
    ui, bi = _content(item, folded, p.loose_bigrams)
    # shares of the weakness's content words the item repeats; a long weakness ("Qua rà soát, có
    # thời gian chờ khám trung bình … còn 51 phút") is not penalised past a few words
    words = _shares(bw, bi, uw, ui, p)
    # ... or, for a short item that only restates its target ("Phấn đấu ít nhất 60 hộ tham gia"),
    # the share of the item's own words found in the weakness (at least item_side_min shared)
    if p.item_side_min and len(bw & bi) + len(uw & ui) >= p.item_side_min:
        words = max(words, _shares(bi, bw, ui, uw, p))
    return round(topic + words, 4)


def _shares(
    b1: set[tuple[str, str]], b2: set[tuple[str, str]], u1: set[str], u2: set[str], p: LinkParams
) -> float:
    """Weighted shares of ``b1`` / ``u1`` (capped counts) found in ``b2`` / ``u2``."""
    out = 0.0
    if b1:
        out += p.bigram_weight * min(1.0, len(b1 & b2) / min(len(b1), p.bigram_cap))
    if u1:
        out += p.unigram_weight * min(1.0, len(u1 & u2) / min(len(u1), p.unigram_cap))
    return out


def link(
    weaknesses: list[str], items: list[str], params: LinkParams | None = None
) -> tuple[list[int | None], list[float]]:
    """For each weakness, the index of the item that answers it best (None if none reaches the
    threshold) and that best score."""
    p = params or LinkParams()
    best: list[int | None] = []
    scores: list[float] = []
    for w in weaknesses:
        top, top_s = None, 0.0
        for j, it in enumerate(items):
            s = link_score(w, it, p)
            if s > top_s:
                top, top_s = j, s
        best.append(top if top_s >= p.threshold else None)
        scores.append(top_s)
    return best, scores
