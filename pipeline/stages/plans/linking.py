"""Link remediation items to the weaknesses they answer.

A weakness is *remedied* when some item addresses its topic. Two signals, on accent-folded
lower-case syllables (reports typed without diacritics still link):

* topics — a hand-written lexicon of the recurring weakness topics of the genre (domain.md §7:
  criticism in cell meetings, theory study, IT and language skills, professional knowledge,
  timeliness, attendance, residence, initiative, records, mass work, supervision of subordinates,
  delegation, party recruitment, targets and debts, meeting quality, safety, health). A topic
  shared by the weakness and the item scores ``topic_weight``;
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

TOPICS: dict[str, str] = {
    "criticism": r"phê bình|góp ý|đóng góp ý kiến|phát biểu|ý kiến|nể nang|đấu tranh|thẳng thắn|ngại va chạm|dè dặt",
    "theory_study": r"lý luận|lí luận|nghị quyết|trung cấp|cao cấp|mác|tư tưởng hồ chí minh|văn kiện|tạp chí cộng sản|chỉ thị|văn bản của đảng|tài liệu sinh hoạt",
    "skills_it": r"tin học|công nghệ thông tin|cntt|phần mềm|ứng dụng|điện thoại thông minh|chuyển đổi số|số hóa|zalo|máy tính|trực tuyến|e-learning|sổ tay đảng viên|kỹ năng số",
    "skills_lang": r"ngoại ngữ|tiếng anh|tiếng trung|tiếng pháp|tiếng nhật|tiếng hàn|ielts|toeic|hsk|\bb1\b|\bb2\b",
    "professional": r"chuyên môn|nghiệp vụ|kiến thức|tập huấn|bồi dưỡng|chứng chỉ hành nghề|quy trình kỹ thuật|phác đồ",
    "timeliness": r"chậm|trễ|tiến độ|đúng hạn|quá hạn|thời hạn|muộn|sát giờ|gia hạn|tồn đọng|đúng giờ",
    "attendance": r"vắng|tham gia (?:đầy đủ )?(?:các )?(?:buổi |kỳ )?sinh hoạt|sinh hoạt (?:chi bộ )?(?:chưa )?đầy đủ|lịch sinh hoạt|trùng (?:lịch|ngày)|lùi lịch|sinh hoạt đúng định kỳ",
    "residence": r"nơi cư trú|khu dân cư|tổ dân phố|khu phố|hoạt động (?:chung )?(?:của|ở|tại) (?:thôn|xóm|phường|xã|địa phương)|phong trào (?:của|ở|tại) (?:thôn|phường|xã|địa phương)",
    "initiative": r"chủ động|sáng tạo|đổi mới|sáng kiến|cải tiến|giải pháp mới|dám nghĩ|tham mưu",
    "records": r"hồ sơ|sổ sách|lưu trữ|ghi chép|biên bản|chứng từ|nhật ký|bệnh án|sổ theo dõi|phiếu",
    "mass": r"quần chúng|người dân|nhân dân|tâm tư|sâu sát|dân vận|tiếp dân|tiếp công dân|nắm tình hình|nắm tư tưởng|nắm bắt",
    "supervision": r"kiểm tra|đôn đốc|giám sát|cấp dưới|kiểm soát|phúc tra",
    "delegation": r"phân công|giao việc|ủy quyền|cấp phó|giao nhiệm vụ|giao chỉ tiêu",
    "recruitment": r"kết nạp|quần chúng ưu tú|phát triển đảng viên|đảng viên mới|cảm tình đảng",
    "targets": r"chỉ tiêu|doanh số|doanh thu|dư nợ|thu hồi|công nợ|\bnợ\b|ngân sách|kế hoạch (?:năm|được giao|kinh doanh)|lợi nhuận|giải ngân",
    "meeting_quality": r"chất lượng (?:các |một số )?(?:buổi |kỳ )?sinh hoạt|nội dung (?:các |một số )?(?:buổi |kỳ )?sinh hoạt|sinh hoạt chuyên đề|hình thức|chung chung",
    "safety": r"an toàn|tai nạn|sự cố|cháy nổ|phòng cháy",
    "health": r"sức khỏe|ốm đau|tuổi cao|bệnh tật",
}
#: Topics too broad to link on their own (they link only with word overlap).
WEAK_TOPICS = frozenset({"timeliness", "records", "supervision", "initiative", "professional", "targets"})

_TOPIC_RE = {name: re.compile(rf"(?<!\w)(?:{pat})(?!\w)", re.IGNORECASE) for name, pat in TOPICS.items()}
_TOPIC_RE_FOLDED = {name: re.compile(rf"(?<!\w)(?:{strip_accents(pat)})(?!\w)", re.IGNORECASE) for name, pat in TOPICS.items()}

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


@dataclass
class LinkParams:
    """Weights and the threshold of the link score (recorded in run.json)."""

    topic_weight: float = 0.6  # a shared specific topic
    weak_topic_weight: float = 0.25  # a shared broad topic (needs some word overlap to link)
    bigram_weight: float = 1.0
    unigram_weight: float = 0.5
    threshold: float = 0.5


def _fold(text: str) -> str:
    return strip_accents(text or "").lower()


def has_diacritics(text: str) -> bool:
    """False for text typed without an IME (only ASCII letters)."""
    return any(ord(c) > 127 and c.isalpha() for c in text or "")


def topics_of(text: str, folded: bool | None = None) -> set[str]:
    """Topics a text touches (see :data:`TOPICS`); ``folded`` matches accent-free (default: when
    the text has no diacritics)."""
    if folded is None:
        folded = not has_diacritics(text)
    if folded:
        t = _fold(text)
        return {name for name, rx in _TOPIC_RE_FOLDED.items() if rx.search(t)}
    return {name for name, rx in _TOPIC_RE.items() if rx.search(text or "")}


def _content(text: str, folded: bool) -> tuple[set[str], set[tuple[str, str]]]:
    t = _fold(text) if folded else (text or "").lower()
    stop = _STOP_FOLDED if folded else _STOP_ACCENTED
    syl = re.findall(r"[^\W_]+", t)
    uni = {s for s in syl if s not in stop and not s.isdigit() and len(s) > 1}
    bi = {(a, b) for a, b in zip(syl, syl[1:], strict=False) if a not in stop and b not in stop and not (a.isdigit() and b.isdigit())}
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
    shared = tw & ti
    topic = 0.0
    if shared - WEAK_TOPICS:
        topic = p.topic_weight
    elif shared:
        topic = p.weak_topic_weight
    uw, bw = _content(weakness, folded)
    ui, bi = _content(item, folded)
    words = 0.0
    if bw:
        words += p.bigram_weight * len(bw & bi) / len(bw)
    if uw:
        words += p.unigram_weight * len(uw & ui) / len(uw)
    return round(topic + words, 4)


def link(weaknesses: list[str], items: list[str], params: LinkParams | None = None) -> tuple[list[int | None], list[float]]:
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
