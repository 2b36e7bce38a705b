"""Fuzzing (hypothesis) of the normaliser, the section segmenter and the temporal grammar.

* ``normalize``: never raises, is idempotent, and its output has no CR, tab, NBSP, zero-width
  or control characters, no trailing spaces and no run of more than one blank line.
* ``SectionSegmenter.segment`` on normalised text: never raises; the sections tile the text
  (first starts at 0, each ends where the next starts, the last ends at ``len(text)``, none is
  empty) and every label is a known section label or a merge of known labels.
* ``find_deadlines`` (pipeline/stages/plans/temporal.py) on raw and normalised text, with any
  report year (also absurd ones, None, text): never raises; deadlines come in text order, do
  not overlap, their text is the slice of the input they name, their kind is known, their
  period has real dates with the start not after the end. ``find_vague_time`` likewise.
  (tests/stages/plans/test_temporal.py fuzzes it too, with random examples; these runs are
  derandomised and mix whole plan sentences, dates at calendar edges and Word's characters.)

Inputs mix Vietnamese letters (precomposed and decomposed, old and new tone placement),
every whitespace and dash Word produces, bullets, dotted leaders, control characters, and
whole heading lines of the forms, so the segmenter's heading paths are exercised too.
Runs are derandomised (the same examples every run) so CI never flakes; raise
``SOI_FUZZ_EXAMPLES`` for a longer local run (20,000 normaliser and 8,000 segmenter
examples passed locally, 10,000 more after the fix below).

Found by this fuzzing and fixed in pipeline/text/normalize.py: text whose combining marks did
not all compose under NFC (a control or zero-width character between a letter and its mark,
"A\x01\u0300"; a second mark on a marked vowel, "Oà\u0300") was not normalised idempotently,
because NFC ran before characters were dropped and before tone marks were moved. The cases are
kept below as regression tests.
"""

from __future__ import annotations

import os
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import schema
from pipeline.text.normalize import normalize
from pipeline.text.sections import SectionSegmenter

EXAMPLES = int(os.environ.get("SOI_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐÐð"
_SPECIAL = (
    " \n\r\t\x0b\x0c\u00a0\u2007\u202f\u2028\u2029\u0085\u200b\u200c\u200d\u2060\ufeff\u00ad"
    "\x00\x01\x1f\x7f\x80\x9f"
    "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"  # combining marks (decomposed input)
    "\u201c\u201d\u2018\u2019\u00ab\u00bb\u2013\u2014\u2212-…."
    "•●○▪■➢➤►✓✔★·*+:;,!?()[]/0123456789"
)
_FRAGMENTS = [
    "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC",
    "1. Về tư tưởng chính trị:",
    "2. Về phẩm chất đạo đức, lối sống:",
    "Về tư tưởng chính trị, phẩm chất đạo đức, lối sống",
    "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
    "Nguyên nhân: do bản thân chưa cố gắng.",
    "III. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC",
    "- Tiếp tục nâng cao ý thức tổ chức kỷ luật.",
    "PHẦN I",
    "a) Trách nhiệm của cá nhân đối với hạn chế của tập thể:",
    "Tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ.",
    "Trên đây là bản kiểm điểm của tôi.",
    "NGƯỜI TỰ KIỂM ĐIỂM",
    "Họ và tên: Nguyễn Văn Hoà   Ngày sinh: 01/02/1980",
    "hoà thuận, khoẻ mạnh, thuỷ lợi, Quỳnh, quý",
    "Bản thân luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, kiên định mục tiêu.",
    "......................",
    "…",
    "",
]

_chars = st.text(
    alphabet=_VIET + _SPECIAL + "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ", max_size=80
)
texts = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), _chars), max_size=25).map("\n".join)
decomposed = texts.map(lambda t: unicodedata.normalize("NFD", t))
any_text = st.one_of(texts, decomposed, st.text(max_size=300))

_FORBIDDEN = set("\r\t\x0b\x0c\u00a0\u2028\u2029\u200b\ufeff\u00ad") | {
    chr(c) for c in range(0x20) if c != 10
}


@FUZZ
@given(any_text)
def test_normalize_is_idempotent_and_clean(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert not (set(once) & _FORBIDDEN)
    assert " \n" not in once and "\n\n\n" not in once
    assert once == once.strip(" \n")


@pytest.mark.parametrize("text", ["A\x01\u0300", "a\u200b\u0301", "O\u00e0\u0300"])
def test_normalize_idempotent_on_uncomposable_marks(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


_SEGMENTER = SectionSegmenter()


class _RotatingModel:
    """A stand-in paragraph model: every label in turn (fast, and every label is exercised)."""

    def __init__(self) -> None:
        self.k = 0

    def predict(self, texts: list[str]) -> list[str]:
        labels = list(schema.SECTION_LABELS)
        out = [labels[(self.k + i) % len(labels)] for i in range(len(texts))]
        self.k += len(texts)
        return out


_MODEL_SEGMENTER = SectionSegmenter(_RotatingModel())


def _valid_label(label: str) -> bool:
    parts = label.split(schema.MERGE_SEP)
    return all(p in schema.SECTION_LABELS for p in parts) and len(set(parts)) == len(parts)


def _check_tiling(text: str, kind: str | None, segmenter: SectionSegmenter) -> None:
    sections = segmenter.segment(text, kind)
    if not text:
        assert sections == []
        return
    assert sections, "a non-empty text has at least one section"
    assert sections[0].start == 0
    assert sections[-1].end == len(text)
    for a, b in zip(sections, sections[1:], strict=False):
        assert a.end == b.start, (a, b)
    for s in sections:
        assert s.start < s.end, s
        assert _valid_label(s.label), s.label


@FUZZ
@given(texts, st.sampled_from([None, "individual", "collective"]))
def test_segmenter_tiles_the_text(raw: str, kind: str | None) -> None:
    _check_tiling(normalize(raw), kind, _SEGMENTER)


@FUZZ
@given(texts, st.sampled_from(["individual", "collective"]))
def test_segmenter_with_paragraph_model_tiles_the_text(raw: str, kind: str) -> None:
    """Paragraphs no heading covers go to the paragraph model (here a stand-in, see below)."""
    _check_tiling(normalize(raw), kind, _MODEL_SEGMENTER)


def test_shipped_paragraph_model_gives_known_labels() -> None:
    """The real model only ever answers labels the segmenter knows."""
    from pipeline.screen import default_segmenter

    model = default_segmenter().paragraph_model
    if model is None:
        pytest.skip("no paragraph model shipped")
    from pipeline.labelled import load_sentences

    texts = load_sentences()["text"].tolist()[:200]
    assert all(_valid_label(label) for label in model.predict(texts))


# --- temporal grammar -----------------------------------------------------------------------------

_TEMPORAL_FRAGMENTS = [
    "trước ngày 30/6/2025",
    "chậm nhất 15.11.2023",
    "ngày 15 tháng 6 năm 2025",
    "từ tháng 1/2025 đến hết quý III/2025",
    "Từ ngày 01/3 đến ngày 31/5/2025",
    "trong quý IV",
    "6 tháng đầu năm 2026",
    "năm học 2025-2026",
    "học kỳ II",
    "hằng tháng",
    "mỗi quý một lần",
    "chậm nhất ngày 15 hằng tháng",
    "trước Tết Nguyên đán",
    "trước khi nghỉ hưu",
    "trong thời gian tới",
    "thường xuyên",
    "tuần đầu tháng 3/2025",
    "cuối tháng Mười Hai",
    "thứ Sáu, ngày 29/2/2025",  # no 29 February in 2025
    "ngày 31/4/2025",  # no 31 April
    "30/02/2024",
    "từ 31/12/2025 đến 1/1/2025",  # a range that runs backwards
    "Nghị quyết 57-NQ/TW ngày 22/12/2024",
    "trong vòng 48 giờ",
    "dịp hè 2025",
    "quý 0/2025",
    "tháng 13/2025",
    "năm 1899",
    "năm 2099",
    "9999",
    "Lập sổ theo dõi, rà soát hằng tuần, bảo đảm 100% hồ sơ đúng hạn trong năm 2025.",
    "- Khắc phục trước 31/12; báo cáo chi bộ vào kỳ sinh hoạt tháng 1.",
]
_temporal_chars = st.text(alphabet=_VIET + _SPECIAL + "IVX0123456789/.-", max_size=60)
temporal_texts = st.lists(
    st.one_of(st.sampled_from(_TEMPORAL_FRAGMENTS), st.sampled_from(_FRAGMENTS), _temporal_chars), max_size=12
).map(" ".join)
report_years = st.one_of(
    st.integers(min_value=1990, max_value=2030),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.sampled_from([None, "2024", "năm", 2024.5, float("nan")]),
)


def _check_deadlines(text: str, year: object) -> None:
    from datetime import date

    from pipeline.stages.plans.temporal import KINDS, find_deadlines, find_vague_time

    found = find_deadlines(text, year)  # type: ignore[arg-type]
    last_end = 0
    for d in found:
        assert 0 <= d.start < d.end <= len(text), d
        assert d.start >= last_end, f"overlapping or out of order: {found}"
        last_end = d.end
        assert text[d.start : d.end] == d.text
        assert d.kind in KINDS
        for day in (d.period_start, d.period_end):
            assert day is None or isinstance(day, date)
        if d.period_start and d.period_end:
            assert d.period_start <= d.period_end, d
        assert d.iso_start == (d.period_start.isoformat() if d.period_start else "")
    for start, end, phrase in find_vague_time(text):
        assert text[start:end] == phrase and start < end


@FUZZ
@given(temporal_texts, report_years)
def test_temporal_grammar_never_raises(raw: str, year: object) -> None:
    _check_deadlines(raw, year)
    _check_deadlines(normalize(raw), year)


@FUZZ
@given(st.text(max_size=300), st.integers(min_value=1990, max_value=2030))
def test_temporal_grammar_on_any_text(raw: str, year: int) -> None:
    _check_deadlines(raw, year)


def test_temporal_grammar_still_finds_deadlines() -> None:
    """The fuzzed function is the real grammar, not a stub that returns nothing."""
    from pipeline.stages.plans.temporal import find_deadlines

    found = find_deadlines("Hoàn thành trước ngày 30/6/2025 và báo cáo trong quý IV.", 2024)
    assert [(d.text, d.iso_end) for d in found] == [
        ("trước ngày 30/6/2025", "2025-06-30"),
        ("trong quý IV", "2025-12-31"),
    ]
