"""Sentence features of the content stage: model input frames and shallow specificity features.

Every content model reads a DataFrame with the columns of :data:`INPUT_COLUMNS`:

``text``
    the sentence as it reads (normalised text, heading prefix removed);
``tokens``
    underthesea word segmentation (words separated by spaces, syllables of a word joined by ``_``),
    the ``tokens`` column of ``Batch.sentences``.

The shallow features follow the spirit of Speciteller (Li & Nenkova 2015: sentence length, numbers,
capitalised words, symbols) and of Hope, Hu & Lu's specificity cues (concrete quantities, dates,
named entities), adapted to Vietnamese reports: figures, percentages and ratios, dates, money,
counted products ("56 sự cố", "3 bài"), document references ("Nghị quyết 18-NQ/TW"), quoted titles,
proper names, and counts of stock and hedge words (the classic formula "luôn ... tốt", "đôi lúc ...").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

INPUT_COLUMNS: tuple[str, ...] = ("text", "tokens")

_NUMBER_RE = re.compile(r"(?<![\w/])\d+(?:[.,]\d+)*(?![\w/])")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_PERCENT_RE = re.compile(r"\d\s?%|phần trăm")
_RATIO_RE = re.compile(r"(?<![\d/])\d+\s?/\s?\d+(?![\d/])")
_DATE_RE = re.compile(
    r"(?<!\d)\d{1,2}/\d{1,2}/\d{2,4}(?!\d)|\b(?:ngày|tháng|quý)\s+(?:\d+|[IVX]+)\b|(?<!\d)\d{1,2}/(?:19|20)\d{2}(?!\d)",
    re.IGNORECASE,
)
_MONEY_RE = re.compile(r"\d[\d.,]*\s*(?:đồng|triệu|tỷ|nghìn|ngàn|usd|vnđ|đ)\b", re.IGNORECASE)
_TIME_UNITS = "năm|tháng|ngày|giờ|phút|tuần|quý|lần|kỳ|đợt|buổi"  # counted occasions are weaker than products
_COUNTED_RE = re.compile(
    r"(?<![\w/.,])(?:0?\d+(?:[.,]\d+)*)\s+(?!" + _TIME_UNITS + r"\b)([^\W\d_]+)", re.IGNORECASE
)
_OCCASION_RE = re.compile(r"(?<![\w/.,])\d+(?:/\d+)?\s+(?:" + _TIME_UNITS + r")\b", re.IGNORECASE)
_DOCREF_RE = re.compile(
    r"\d+\s*[-/]\s*(?:NQ|QĐ|CT|KL|HD|TB|NĐ|TT|KH|CV|BC|QH|L)\b|\b(?:Nghị định|Thông tư|Luật)\s+[\dA-ZĐ]",
    re.IGNORECASE,
)
_QUOTE_RE = re.compile(r'"[^"\n]{4,}"')
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_FIRST_PERSON_RE = re.compile(r"\btôi\b", re.IGNORECASE)
_FUTURE_RE = re.compile(r"\b(?:sẽ|thời gian tới|năm tới|sắp tới|phấn đấu|tiếp tục)\b", re.IGNORECASE)

#: Stock words of the formula ("luôn chấp hành nghiêm ... tốt"), matched on lowercased text.
STOCK_WORDS: tuple[str, ...] = (
    "luôn",
    "tốt",
    "đầy đủ",
    "nghiêm túc",
    "nghiêm",
    "kịp thời",
    "cơ bản",
    "tích cực",
    "thường xuyên",
    "đúng quy định",
    "chấp hành",
    "gương mẫu",
    "vững vàng",
    "trong sáng",
    "lành mạnh",
    "giản dị",
    "kiên định",
    "không có biểu hiện",
    "đáp ứng yêu cầu",
    "được giao",
)
#: Hedges of the "safe" weakness ("đôi lúc ... chưa ...").
HEDGE_WORDS: tuple[str, ...] = (
    "đôi lúc",
    "đôi khi",
    "có lúc",
    "có thời điểm",
    "có việc",
    "một số",
    "chưa thật sự",
    "chưa cao",
    "còn hạn chế",
    "chưa thường xuyên",
    "chưa mạnh dạn",
    "chưa sâu",
    "chưa kịp thời",
    "chưa được",
)

#: Names of the columns :func:`shallow_features` returns, in order.
SHALLOW_NAMES: tuple[str, ...] = (
    "numbers",
    "non_year_numbers",
    "percent",
    "ratio",
    "date",
    "money",
    "counted",
    "occasions",
    "docref",
    "quote",
    "proper",
    "length",
    "stock",
    "hedge",
    "first_person",
    "future",
)


def _count_proper(text: str) -> int:
    """Capitalised words that do not start a sentence or list item and are not an all-caps heading."""
    words = list(_WORD_RE.finditer(text))
    if not words:
        return 0
    caps = sum(1 for w in words if w.group().isupper() and len(w.group()) > 1)
    if caps > 0.6 * len(words):  # a heading in capitals
        return 0
    n = 0
    for i, w in enumerate(words):
        token = w.group()
        if i == 0 or not token[0].isupper():
            continue
        before = text[: w.start()].rstrip()
        if before.endswith((".", ":", ";", "-", "+", "(", "\n")) or not before:
            continue
        n += 1
    return n


def _phrase_re(phrases: Iterable[str]) -> re.Pattern[str]:
    alts = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in alts) + r")(?!\w)")


_STOCK_RE = _phrase_re(STOCK_WORDS)
_HEDGE_RE = _phrase_re(HEDGE_WORDS)


@lru_cache(maxsize=131072)
def _shallow_cached(text: str) -> tuple[float, ...]:
    return tuple(_shallow(text))


def shallow_features(text: str) -> list[float]:
    """Specificity cues of one sentence, each squashed to about 0-1 (see :data:`SHALLOW_NAMES`)."""
    return list(_shallow_cached(text))


def _shallow(text: str) -> list[float]:
    low = text.lower()
    numbers = _NUMBER_RE.findall(text)
    years = _YEAR_RE.findall(text)
    non_year = max(0, len(numbers) - len(years))
    words = _WORD_RE.findall(low)

    def sat(x: float, k: float = 1.0) -> float:
        return 1.0 - math.exp(-x / k)

    return [
        sat(len(numbers), 2.0),
        sat(non_year, 2.0),
        float(bool(_PERCENT_RE.search(low))),
        float(bool(_RATIO_RE.search(text))),
        float(bool(_DATE_RE.search(text))),
        float(bool(_MONEY_RE.search(text))),
        sat(len(_COUNTED_RE.findall(text)), 1.5),
        float(bool(_OCCASION_RE.search(text))),
        float(bool(_DOCREF_RE.search(text))),
        float(bool(_QUOTE_RE.search(text))),
        sat(_count_proper(text), 2.0),
        math.log1p(len(words)) / 4.0,
        sat(len(_STOCK_RE.findall(low)), 2.0),
        sat(len(_HEDGE_RE.findall(low)), 1.0),
        float(bool(_FIRST_PERSON_RE.search(low))),
        float(bool(_FUTURE_RE.search(low))),
    ]


def has_concrete_marker(text: str) -> bool:
    """A figure other than a bare year, a date, a document reference or a quoted title."""
    f = dict(zip(SHALLOW_NAMES, shallow_features(text), strict=True))
    return bool(f["non_year_numbers"] > 0 or f["date"] or f["docref"] or f["quote"] or f["money"])


class ShallowFeatures(BaseEstimator, TransformerMixin):
    """scikit-learn transformer: a column of sentences → the :func:`shallow_features` matrix."""

    def __init__(self, column: str = "text") -> None:
        self.column = column

    def fit(self, X: pd.DataFrame, y: Sequence[str] | None = None) -> ShallowFeatures:  # noqa: N803
        return self

    def transform(self, X: pd.DataFrame) -> np.ndarray:  # noqa: N803
        texts = X[self.column] if isinstance(X, pd.DataFrame) else X
        return np.asarray([shallow_features(str(t)) for t in texts], dtype=float)

    def get_feature_names_out(self, input_features: Sequence[str] | None = None) -> np.ndarray:
        return np.asarray([f"shallow__{n}" for n in SHALLOW_NAMES], dtype=object)


def segment_words(texts: Sequence[str]) -> list[str]:
    """underthesea word segmentation in the ``Batch.sentences.tokens`` format (for training data)."""
    from underthesea import word_tokenize

    out = []
    for t in texts:
        try:
            out.append(word_tokenize(t, format="text"))
        except Exception:  # underthesea failures fall back to syllables
            out.append(t)
    return out


def input_frame(texts: Sequence[str], tokens: Sequence[str] | None = None) -> pd.DataFrame:
    """The model input frame; tokens are computed with underthesea when not given."""
    texts = [str(t) for t in texts]
    toks = [str(t) for t in tokens] if tokens is not None else segment_words(texts)
    return pd.DataFrame({"text": texts, "tokens": toks})


def content_words(text: str) -> int:
    """Number of syllables (letters-only words) in ``text``."""
    return len(_WORD_RE.findall(text))


#: Vietnamese number words: digits (with the forms used after "mươi": mốt, tư, lăm) and multipliers.
_DIGIT_WORDS: dict[str, int] = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}
_SCALE_WORDS: dict[str, int] = {"nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000}
_NUMBER_WORDS = {*_DIGIT_WORDS, *_SCALE_WORDS, "mười", "mươi", "trăm", "linh", "lẻ"}
#: A run of number words that contains "mười", "mươi" or "trăm" and opens with a digit word or
#: "mười" ("hai mươi ba", "mười lăm", "một trăm linh năm"); a bare "năm", "ba", "tư" is left
#: alone (year, father, "tư tưởng"), and so is "phần trăm" or "hàng trăm".
_NUMBER_RUN_RE = re.compile(
    r"(?<![\w])((?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")(?:\s+(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r"))+)(?![\w])",
    re.IGNORECASE,
)


def _number_value(words: list[str]) -> int | None:
    """Value of a run of Vietnamese number words, or None when it is not a well-formed number."""
    total, group, last = 0, 0, 0
    for w in words:
        if w in _DIGIT_WORDS:
            last = _DIGIT_WORDS[w]
        elif w == "mười":
            group += 10
        elif w == "mươi":
            group, last = group + last * 10, 0
        elif w == "trăm":
            group, last = group + last * 100, 0
        elif w in _SCALE_WORDS:
            total, group, last = total + (group + last) * _SCALE_WORDS[w], 0, 0
        # linh / lẻ: a zero tens place, no value
    value = total + group + last
    return value if value > 0 else None


def spelled_numbers_to_digits(text: str) -> str:
    """``text`` with numbers written in words as digits ("hai mươi ba hồ sơ" -> "23 hồ sơ"), so
    that a quantity reads as one for the models (trained on figures in digits). Only runs with
    "mười", "mươi" or "trăm" that open with a digit word or "mười" are converted."""

    def repl(m: re.Match[str]) -> str:
        original = m.group(1).split()
        words = [w.lower() for w in original]
        tail = ""
        if len(words) > 1 and words[-1] == "năm" and words[-2] in {"mười", "mươi", "trăm"}:
            # "hai mươi năm qua", "mười năm": years, not a five
            words, tail = words[:-1], " " + original[-1]
        if not ({"mười", "mươi", "trăm"} & set(words)) or not (
            words[0] in _DIGIT_WORDS or words[0] == "mười"
        ):
            return m.group(0)
        value = _number_value(words)
        return m.group(0) if value is None else f"{value}{tail}"

    return _NUMBER_RUN_RE.sub(repl, text)
