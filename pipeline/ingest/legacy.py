"""Legacy Vietnamese encodings: TCVN3 (ABC, ``.VnTime`` fonts) and VNI-Windows (``VNI-Times``).

Text typed in these fonts reaches us as Latin-1 code points: a ``.docx`` run in ``.VnTime``
stores ``"B¸o c¸o"`` for "Báo cáo"; a VNI run stores ``"Xin chaøo"`` for "Xin chào". We detect
per run by font name first and by character statistics second (:func:`best_decoding`), then
convert with the tables below. When unsure the caller reports an error rather than garbage.

TCVN3: one byte per letter. Base fonts have no accented capitals; headings are typed with
lowercase codes in the ``…H`` fonts (``.VnTimeH``), so runs in those fonts are upper-cased after
conversion. Note 0xAD (soft hyphen) is ``ư``: never strip U+00AD before converting.

VNI: an ASCII base letter followed by one or two Latin-1 modifier characters; ``ô`` alone is
``ơ``, ``ö`` is ``ư`` and ``ñ`` is ``đ`` — so Unicode text must never be fed to the VNI table.
"""

from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache

# --- TCVN3 ------------------------------------------------------------------------------------

_TCVN3_LOWER = {
    "µ": "à", "¸": "á", "¶": "ả", "·": "ã", "¹": "ạ",
    "¨": "ă", "»": "ằ", "¾": "ắ", "¼": "ẳ", "½": "ẵ", "Æ": "ặ",
    "©": "â", "Ç": "ầ", "Ê": "ấ", "È": "ẩ", "É": "ẫ", "Ë": "ậ",
    "®": "đ",
    "Ì": "è", "Ð": "é", "Î": "ẻ", "Ï": "ẽ", "Ñ": "ẹ",
    "ª": "ê", "Ò": "ề", "Õ": "ế", "Ó": "ể", "Ô": "ễ", "Ö": "ệ",
    "×": "ì", "Ý": "í", "Ø": "ỉ", "Ü": "ĩ", "Þ": "ị",
    "ß": "ò", "ã": "ó", "á": "ỏ", "â": "õ", "ä": "ọ",
    "«": "ô", "å": "ồ", "è": "ố", "æ": "ổ", "ç": "ỗ", "é": "ộ",
    "¬": "ơ", "ê": "ờ", "í": "ớ", "ë": "ở", "ì": "ỡ", "î": "ợ",
    "ï": "ù", "ó": "ú", "ñ": "ủ", "ò": "ũ", "ô": "ụ",
    "\u00ad": "ư", "õ": "ừ", "ø": "ứ", "ö": "ử", "÷": "ữ", "ù": "ự",
    "ú": "ỳ", "ý": "ý", "û": "ỷ", "ü": "ỹ", "þ": "ỵ",
    # the seven capitals the base fonts do have
    "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
}  # fmt: skip
_TCVN3_TABLE = str.maketrans(_TCVN3_LOWER)

# --- VNI --------------------------------------------------------------------------------------

# Modifier characters after a base vowel: tone marks and vowel shapes (lower-case forms; the
# upper-case forms are the Latin-1 capitals of the same letters).
_VNI_TONE = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRC = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}

    def add(seq: str, uni: str) -> None:
        pairs[seq] = unicodedata.normalize("NFC", uni)
        pairs[seq.upper()] = unicodedata.normalize("NFC", uni.upper())

    for base in "aeouy":
        for mod, tone in _VNI_TONE.items():
            add(base + mod, base + tone)
    for base in "aeo":
        for mod, tone in _VNI_CIRC.items():
            add(base + mod, base + "\u0302" + tone)
    for mod, tone in _VNI_BREVE.items():
        add("a" + mod, "a\u0306" + tone)
    # ơ = "ô", ư = "ö" (then optional tone)
    for seq, base in (("ô", "o\u031b"), ("ö", "u\u031b")):
        add(seq, base)
        for mod, tone in _VNI_TONE.items():
            add(seq + mod, base + tone)
    # i with tones are single characters; ỵ is "î"
    for seq, uni in (("ì", "ì"), ("í", "í"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"), ("î", "ỵ"), ("ñ", "đ")):
        add(seq, uni)
    return pairs


_VNI_PAIRS = _vni_pairs()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI_PAIRS), key=len, reverse=True)))


def tcvn3_to_unicode(text: str, heading_font: bool = False) -> str:
    """Convert TCVN3 text (as Latin-1 code points) to Unicode; upper-case for ``…H`` fonts."""
    out = text.translate(_TCVN3_TABLE)
    return out.upper() if heading_font else out


def vni_to_unicode(text: str) -> str:
    """Convert VNI-Windows text (as Latin-1 code points) to Unicode."""
    return _VNI_RE.sub(lambda m: _VNI_PAIRS[m.group(0)], text)


def legacy_font_kind(font_name: str | None) -> str | None:
    """``"tcvn3"``, ``"tcvn3h"`` (heading font, upper-case), ``"vni"`` or None for a font name."""
    if not font_name:
        return None
    name = font_name.strip()
    low = name.lower()
    if low.startswith(".vn") or low.startswith("vn3") or low.startswith("vn "):
        return "tcvn3h" if name.endswith("H") else "tcvn3"
    if low.startswith("vni-") or low.startswith("vni "):
        return "vni"
    return None


def convert(text: str, kind: str) -> str:
    """Convert ``text`` from a :func:`legacy_font_kind` kind to Unicode."""
    if kind in ("tcvn3", "tcvn3h"):
        return tcvn3_to_unicode(text, heading_font=kind == "tcvn3h")
    if kind == "vni":
        return vni_to_unicode(text)
    raise ValueError(f"unknown legacy encoding {kind!r}")


# --- character statistics ---------------------------------------------------------------------

_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
_NUCLEUS = (
    r"(?:uyê|uya|uây|oai|oay|oao|oeo|uôi|ươi|ươu|iêu|yêu|uyu|oa|oă|oe|uê|uy|uâ|uơ|ua|ưa|ia|iê|yê|uô|ươ"
    r"|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|oo|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)"
)
_CODA = r"(?:ch|ng|nh|c|m|n|p|t)?"
_SYLLABLE_RE = re.compile(f"^{_ONSET}{_NUCLEUS}{_CODA}$")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_EDGE = string.punctuation + "“”‘’…–—«»•·"


def is_vietnamese_syllable(token: str) -> bool:
    """True if ``token`` (one whitespace-free word) spells a possible Vietnamese syllable."""
    decomposed = unicodedata.normalize("NFD", token.lower())
    tones = sum(1 for c in decomposed if c in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return bool(_SYLLABLE_RE.match(bare))


#: Distinct raw tokens remembered by :func:`_token_verdicts`. A report has a few thousand
#: distinct tokens and a batch's vocabulary repeats; the bound keeps hostile input (random
#: words) from growing the cache: 2**16 entries of short strings are a few MB.
_VERDICT_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_VERDICT_CACHE_SIZE)
def _token_verdicts(raw: str) -> tuple[int | None, int | None]:
    """Verdicts on one whitespace token for :func:`syllable_ratio` and :func:`diacritic_ratio`.

    First: None when the token is not counted (only punctuation, or has a digit), else 1 for a
    Vietnamese syllable and 0 otherwise. Second: None unless the token is all letters, else 1
    when it carries a non-ASCII letter (a diacritic) and 0 otherwise.

    A pure function of the token, memoised: the same few thousand tokens make up every report,
    and the syllable check (two Unicode normalisations and a regex) was most of the cost of
    reading a file.
    """
    token = raw.strip(_EDGE)
    syllable = None if not token or any(ch.isdigit() for ch in token) else int(is_vietnamese_syllable(token))
    diacritic = int(not token.isascii()) if token.isalpha() else None
    return syllable, diacritic


def _share(text: str, which: int, limit: int) -> float:
    """Mean of the counted verdicts ``which`` (0 or 1) of :func:`_token_verdicts` over the first
    ``limit`` whitespace tokens of ``text``; 0.0 when none is counted."""
    total = hits = 0
    for raw in text.split()[:limit]:
        verdict = _token_verdicts(raw)[which]
        if verdict is not None:
            total += 1
            hits += verdict
    return hits / total if total else 0.0


def syllable_ratio(text: str, limit: int = 4000) -> float:
    """Share of the alphabetic whitespace tokens of ``text`` that are Vietnamese syllables.

    Unicode Vietnamese scores about 0.85-0.98; TCVN3 or VNI read as Latin-1, random bytes and
    most other languages score far lower. Only the first ``limit`` tokens are looked at.
    """
    return _share(text, 0, limit)


def diacritic_ratio(text: str, limit: int = 4000) -> float:
    """Share of alphabetic tokens carrying a Vietnamese diacritic (low for text typed without them)."""
    return _share(text, 1, limit)


_LEGACY_HINT_RE = re.compile(r"[µ¸¶·¹¨©ª«¬®»¾¼½ÆÇÊÈÉË\u00ad]|[aeouyAEOUY][øùûõïâáàåãäêéèúüë]|[ñö]")


def looks_legacy(text: str) -> bool:
    """Cheap pre-check: does ``text`` contain characters that TCVN3 or VNI text is made of?"""
    return _LEGACY_HINT_RE.search(text) is not None


def best_decoding(text: str, min_gain: float = 0.15) -> tuple[str, str | None, float]:
    """Pick among ``text`` as is, TCVN3→Unicode and VNI→Unicode by :func:`syllable_ratio`.

    Returns ``(text, kind or None, ratio)``. A conversion is taken only when it raises the
    syllable ratio by at least ``min_gain``: Unicode Vietnamese contains letters (ã, ó, ì …) that
    the TCVN3 table would remap, so a small gain is noise, not evidence.
    """
    base = syllable_ratio(text)
    if not looks_legacy(text) or base + min_gain > 1.0:
        # No conversion can win: a ratio is at most 1.0, so when the text as is already scores
        # within ``min_gain`` of it (Unicode Vietnamese, ~0.99), converting is skipped without
        # changing the answer. A bound, not a guess: legacy text scores far lower as is.
        return text, None, base
    best = (text, None, base)
    for kind in ("tcvn3", "vni"):
        converted = convert(text, kind)
        ratio = syllable_ratio(converted)
        if ratio >= best[2] + min_gain:
            best = (converted, kind, ratio)
    return best
