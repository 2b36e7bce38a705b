"""Small text operations: finishing sentences, typos, and the copy obfuscations (PAN-style)."""

from __future__ import annotations

import random
import re
import unicodedata

from pipeline.corpus.data import Family, capitalize, lower_first

_SPACES = re.compile(r" {2,}")
_END = (".", ":", ";", "!", "?", "…")


def finish(text: str) -> str:
    """Capitalised, single-spaced, ending with punctuation."""
    text = text.strip()
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if " ," in text or " ." in text:
        text = text.replace(" ,", ",").replace(" .", ".")
    if not text:
        return text
    first = text[0]
    if first.islower():
        text = first.upper() + text[1:]
    if not text.endswith(_END):
        text += "."
    while "…." in text:  # a dotted placeholder absorbs a full stop (the normaliser writes "…." as "…")
        text = text.replace("….", "…")
    return text


# --- typos ------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]{3,}")
_CONSONANTS = set("bcdghklmnprstvx")


def strip_marks(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def typo(text: str, rng: random.Random) -> str:
    """One low-level typo: a word typed without accents, a doubled or a dropped consonant.

    Never touches digits, never drops a word's last letter or a "q" (either could turn a closed
    syllable into an open one with a new-style tone mark, which the normaliser would rewrite).
    """
    words = list(_WORD.finditer(text))
    if not words:
        return text
    m = rng.choice(words)
    w = m.group(0)
    op = rng.random()
    if op < 0.5:
        new = strip_marks(w)
    else:
        idx = [i for i, c in enumerate(w[:-1]) if c in _CONSONANTS and c != "q"]
        if not idx:
            return text
        i = rng.choice(idx)
        new = w[: i + 1] + w[i:] if op < 0.75 else w[:i] + w[i + 1 :]
    return text[: m.start()] + new + text[m.end() :]


# --- obfuscations -----------------------------------------------------------------------------

_YEAR = re.compile(r"(?<![\d-])(20[12]\d)(?![\d-])")
_NUMBER = re.compile(r"(?<![\w/.,-])(\d{1,6})(?:,(\d))?(?![\w/-]|,\d|\.\d)")
#: Numbers that belong to official wording or to the calendar, never "refreshed".
_PROTECTED = re.compile(
    r"Trung ương \d+|\d+ biểu hiện|khóa [XVI]+|\d+ năm tuổi Đảng|\b12 kỳ|\b12 tháng|\d+ giờ|"
    r"tháng \d+|ngày \d+|quý [IV]+|bậc \d|\d+ sao|số \d+|lớp \d+"
)


def refresh(text: str, year_shift: int, rng: random.Random, fills: dict[str, str] | None = None,
            slots: tuple[str, ...] = ()) -> str:
    """Years moved by ``year_shift``, other figures changed; template placeholders filled.

    Codes ("05-CT/TW", "02A-HD"), ratios ("12/12"), ranges ("2025-2030"), official numbers
    ("Trung ương 4", "27 biểu hiện") and calendar words ("tháng 6") are left alone.
    """
    if slots and fills is not None:
        parts = text.split("…")
        out = [parts[0]]
        for k, part in enumerate(parts[1:]):
            kind = slots[k] if k < len(slots) else "n"
            out.append(fills.get(kind) or str(rng.randint(2, 40)))
            out.append(part)
        text = "".join(out)
    if year_shift:
        text = _YEAR.sub(lambda m: str(int(m.group(1)) + year_shift), text)
    protected = [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]

    def num_sub(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in protected):
            return m.group(0)
        whole = int(m.group(1))
        if (2010 <= whole <= 2030 and m.group(2) is None) or whole == 0:
            return m.group(0)
        new = max(1, round(whole * rng.uniform(0.75, 1.3)))
        if new == whole:
            new = whole + 1
        if text[m.end() : m.end() + 1] == "%" and new > 100:
            new = max(1, min(100, whole - rng.randint(1, 4)))
        if m.group(2) is not None:
            return f"{new},{rng.randint(0, 9)}"
        if len(m.group(1)) == 2 and m.group(1).startswith("0"):
            return f"{new:02d}"
        return str(new)

    return _NUMBER.sub(num_sub, text)


def synonyms(text: str, fam: Family, rng: random.Random, p: float = 0.8) -> str:
    """Swap words for the family's synonyms (each occurrence with probability ``p``)."""
    assert fam.synonym_re is not None

    def sub(m: re.Match[str]) -> str:
        if rng.random() > p:
            return m.group(0)
        word = m.group(0)
        repl = fam.synonyms.get(word.lower())
        if repl is None:
            return word
        return capitalize(repl) if word[:1].isupper() else repl

    return fam.synonym_re.sub(sub, text)


_GROUP_REF = re.compile(r"\{([lC]):(\d)\}|\\(\d)")


def paraphrase(text: str, fam: Family, rng: random.Random) -> str:
    """Restructure a sentence with the family's paraphrase table; fall back to an opener.

    Figures are never lost: a rewrite that changes the multiset of digits is rejected.
    """
    digits = sorted(re.findall(r"\d+", text))
    rules = list(fam.paraphrase)
    rng.shuffle(rules)
    for pattern, repl in rules:
        m = pattern.match(text)
        if not m:
            continue

        def ref(g: re.Match[str], m: re.Match[str] = m) -> str:
            if g.group(3):
                return m.group(int(g.group(3)))
            value = m.group(int(g.group(2)))
            return capitalize(value) if g.group(1) == "C" else lower_first(value)

        new = finish(_GROUP_REF.sub(ref, repl))
        if new != text and sorted(re.findall(r"\d+", new)) == digits:
            return new
    opener = rng.choice(fam["openers"])
    return finish(opener + lower_first(text))
