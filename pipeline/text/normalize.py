"""Text normalisation: one canonical form of Vietnamese report text.

Every character span Soi reports refers to the output of :func:`normalize`, so it must be
idempotent (``normalize(normalize(t)) == normalize(t)``, fuzzed in the tests).

Conventions (documented in the README):

* Unicode NFC; ``Ð`` (U+00D0, Icelandic eth) → ``Đ``, ``ð`` → ``đ``.
* Tone marks in the *traditional* placement, as underthesea writes them: in an open syllable
  ending in ``oa``, ``oe`` or ``uy`` (not ``qu``+``y``) the mark sits on the first vowel:
  hoà → hòa, khoẻ → khỏe, thuỷ → thủy. Closed syllables are never touched (hoàn, khuyến, quý).
* Quotes: curly/angle quotes → ``"`` and ``'``.
* Dashes: en/em dashes and minus signs → ``-``; bullets (•, ●, ▪, ➢, ✓, …) at line start → ``- ``.
* Dotted leaders and ellipses: runs of ``…`` or of 4+ dots, mixed → a single ``…``.
* Whitespace: CR/LF and Word's vertical tab → ``\\n``; NBSP, tabs and other spaces → one space;
  no trailing spaces; at most one blank line in a row; zero-width and control characters dropped.
"""

from __future__ import annotations

import re
import unicodedata

_TONE_VOWELS = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
    "o": "òóỏõọ",
    "u": "ùúủũụ",
}


def _tone_map() -> dict[str, str]:
    """Map new-style ``oà``/``uý`` pairs (all cases) to the traditional ``òa``/``úy``."""
    out: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone_index, marked_second in enumerate(_TONE_VOWELS[second]):
            marked_first = _TONE_VOWELS[first][tone_index]
            for f_case in (str.lower, str.upper):
                for s_case in (str.lower, str.upper):
                    out[f_case(first) + s_case(marked_second)] = f_case(marked_first) + s_case(second)
    return out


_TONE_FIX = _tone_map()
# A new-style pair at the end of a syllable (no letter follows). The lookbehind keeps
# "quý", "Quỳnh" intact ("qu" is a consonant there) while "thuỷ" is fixed.
_TONE_RE = re.compile(
    r"(?<![qQ])(" + "|".join(sorted(map(re.escape, _TONE_FIX), key=len, reverse=True)) + r")(?![^\W\d_])"
)

_CHAR_MAP = {
    "\u00d0": "Đ",  # Ð eth → Đ
    "\u00f0": "đ",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\t": " ",
    "\u000b": "\n",  # Word's manual line break in extracted text
    "\u000c": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u0085": "\n",
    "\r": "\n",
}
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_TRANSLATE = {ord(k): v for k, v in _CHAR_MAP.items()} | {ord(c): None for c in _DROP}

_BULLETS = "•●○◦▪▫■□◆◇❖➢➤►▶✓✔✗★☆·∙⁃"
_BULLET_RE = re.compile(r"(?m)^[ ]*(?:[" + re.escape(_BULLETS) + r"]|\*(?= ))[ ]*")
_LEADER_RE = re.compile(r"(?:\.{3,}|…)[.…]*")
_SPACES_RE = re.compile(r"[^\S\n]+")
_TRAIL_RE = re.compile(r" +\n")
_LEAD_RE = re.compile(r"\n +")
_BLANKS_RE = re.compile(r"\n{3,}")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def fix_tone_placement(text: str) -> str:
    """Move tone marks of open ``oa``/``oe``/``uy`` syllables to the first vowel (hoà → hòa)."""
    return _TONE_RE.sub(lambda m: _TONE_FIX[m.group(1)], text)


def normalize(text: str) -> str:
    """Return the canonical form of ``text`` (see module docstring). Idempotent."""
    # drop and map characters first, so that NFC sees letters next to their marks; NFC again
    # after moving tone marks (a stray extra mark may compose only then)
    text = _CONTROL_RE.sub("", text.replace("\r\n", "\n").translate(_TRANSLATE))
    text = unicodedata.normalize("NFC", text)
    text = unicodedata.normalize("NFC", fix_tone_placement(text))
    text = _BULLET_RE.sub("- ", text)
    text = _LEADER_RE.sub("…", text)
    text = _SPACES_RE.sub(" ", text)
    text = _TRAIL_RE.sub("\n", text)
    text = _LEAD_RE.sub("\n", text)
    text = _BLANKS_RE.sub("\n\n", text)
    return text.strip(" \n")


def fold(text: str) -> str:
    """A matching key, not for display: lower case, ``i``/``y`` variants folded (lý/lí, kỷ/kỉ)."""
    text = text.lower()
    return _Y_TO_I_RE.sub(lambda m: _Y_TO_I[m.group(1)] + m.group(2), text)


# y → i after a consonant at syllable end (lý → lí, kỷ → kỉ, mỹ → mĩ); "uy", "ay" untouched.
_Y_TO_I = {"y": "i", "ỳ": "ì", "ý": "í", "ỷ": "ỉ", "ỹ": "ĩ", "ỵ": "ị"}
_Y_TO_I_RE = re.compile(r"(?<=\b[bcdđghklmnpstvx])([yỳýỷỹỵ])(\b)")


def strip_accents(text: str) -> str:
    """Accent-free fingerprint for reports typed without diacritics (đ → d). Lossy: merges words."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
