"""Linking a leader's report to the shortcomings of the unit's collective report, by meaning.

Each shortcoming the collective report states (a sentence, or a ';'-separated part of one, in its
weaknesses section) is compared with the sentences of the leader's collective-responsibility,
weaknesses and explanations sections. Similarity is the cosine of TF-IDF vectors of syllable
1-2-grams (IDF fitted on the hand-labelled corpora, model ``content_link``) after removing the
words every responsibility statement shares ("trách nhiệm", "hạn chế", "tập thể", "chi bộ" ...),
combined with rapidfuzz's ``token_set_ratio`` on the same content words and with the IDF-weighted
share of the shortcoming's content syllables that the leader's sentence contains (one sentence often
takes on several shortcomings at once, which dilutes the cosine):
``sim = max(cosine, token_set_ratio / 100 - 0.25, containment)`` (the fuzzy score of unrelated
statements is high, hence the offset). A shortcoming is *taken on* when its best similarity reaches
``link_threshold``. On the variant-a tuning batches the three-way maximum scored F1 0.841 against
0.845 for the first two alone (61 leaders; within noise) and it handles the multi-shortcoming sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

#: Words that every responsibility or shortcoming statement uses: they carry no topic.
LINK_STOPWORDS: frozenset[str] = frozenset(
    """
    trách nhiệm chịu nhận hạn chế khuyết điểm tồn tại tập thể chi bộ chi ủy đảng ủy ban chấp hành
    bản thân tôi đồng chí là với cương vị vai trò người đứng đầu chính trực tiếp một phần phần
    của về đối việc các những này đó nêu trên đã được và còn chưa có không trong năm do vì nên
    thuộc phụ trách phân công lãnh đạo chỉ đạo cơ quan đơn vị hội lĩnh vực
    """.split()
)

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_PREFIX_RE = re.compile(
    r"^\s*(?:[-+*•]\s*|\d+[.)]\s*|[a-zđ][.)]\s*)*(?:hạn chế|khuyết điểm|tồn tại)[^:]{0,40}:\s*", re.I
)


def content_key(text: str) -> str:
    """Lowercased syllables of ``text`` without the link stopwords, space-joined."""
    return " ".join(w for w in _WORD_RE.findall(text.lower()) if w not in LINK_STOPWORDS)


def split_statements(text: str) -> list[str]:
    """Split a weaknesses sentence into statements: on ';' and on a leading 'Hạn chế:' label."""
    text = _PREFIX_RE.sub("", text.strip())
    parts = [p.strip(" .;-+") for p in re.split(r";\s+|\s+-\s+(?=[A-ZĐÀ-Ỹ])", text)]
    return [p for p in parts if len(_WORD_RE.findall(p)) >= 3]


def containment(shortcoming_key: str, sentence_key: str, idf: dict[str, float], default_idf: float) -> float:
    """IDF-weighted share of the shortcoming's content syllables found in the sentence."""
    gc = set(shortcoming_key.split())
    if not gc:
        return 0.0
    gl = set(sentence_key.split())
    total = sum(idf.get(g, default_idf) for g in gc)
    return sum(idf.get(g, default_idf) for g in gc & gl) / total if total else 0.0


#: A shortcoming piece with fewer content syllables than this (after the link stopwords) is the
#: continuation of the piece before it in the same sentence ("…chi chậm 2 tháng; phụ huynh có ý
#: kiến"), not a shortcoming of its own: alone, its two or three words match unrelated sentences.
MIN_SHORTCOMING_KEY = 5


def merge_fragments(
    shortcomings: Sequence[tuple[str, int, str]], min_key: int = MIN_SHORTCOMING_KEY
) -> list[tuple[str, int, str]]:
    """``(doc_id, sent_idx, text)`` pieces with every piece shorter than ``min_key`` content
    syllables joined to the piece before it from the same sentence (to the next one when it opens
    the sentence)."""
    out: list[tuple[str, int, str]] = []
    pending = ""  # a short opening piece waiting for the next piece of its sentence
    for k, (doc_id, idx, text) in enumerate(shortcomings):
        if pending:
            text = f"{pending}; {text}"
            pending = ""
        short = len(content_key(text).split()) < min_key
        same_prev = bool(out) and out[-1][:2] == (doc_id, idx)
        if short and same_prev:
            d, i, t = out[-1]
            out[-1] = (d, i, f"{t}; {text}")
            continue
        nxt = shortcomings[k + 1] if k + 1 < len(shortcomings) else None
        if short and nxt is not None and nxt[:2] == (doc_id, idx):
            pending = text
            continue
        out.append((doc_id, idx, text))
    return out


@dataclass
class Link:
    """One collective shortcoming and its best match in the leader's report."""

    text: str  # the shortcoming, as the collective report states it
    coll_doc_id: str
    coll_sent_idx: int
    similarity: float
    leader_sent_idx: int | None  # the leader's sentence it best matches


def link_shortcomings(
    shortcomings: Sequence[tuple[str, int, str]],
    leader_sentences: Sequence[tuple[int, str]],
    vectorizer: Any,
    fuzzy_offset: float = 0.25,
) -> list[Link]:
    """Best similarity of each shortcoming ``(coll_doc_id, sent_idx, text)`` to the leader's sentences."""
    from rapidfuzz import fuzz

    if not shortcomings:
        return []
    c_keys = [content_key(t) for _, _, t in shortcomings]
    l_keys = [content_key(t) for _, t in leader_sentences]
    out: list[Link] = []
    if not leader_sentences:
        return [Link(t, d, i, 0.0, None) for d, i, t in shortcomings]
    cv = vectorizer.transform(c_keys)
    lv = vectorizer.transform(l_keys)
    cos = (cv @ lv.T).toarray()
    idf, default_idf = vectorizer.idf_map()
    for r, (doc_id, idx, text) in enumerate(shortcomings):
        fz = np.array(
            [
                fuzz.token_set_ratio(c_keys[r], k) / 100.0 - fuzzy_offset if k and c_keys[r] else 0.0
                for k in l_keys
            ]
        )
        ct = np.array([containment(c_keys[r], k, idf, default_idf) for k in l_keys])
        sims = np.maximum(np.maximum(cos[r], fz), ct)
        j = int(np.argmax(sims))
        out.append(Link(text, doc_id, idx, float(max(0.0, sims[j])), int(leader_sentences[j][0])))
    return out
