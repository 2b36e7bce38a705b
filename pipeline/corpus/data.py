"""Loading the generator's data (corpora/generator) and banks (corpora/banks).

Everything is read once per process and cached. The corpora folder is the repository's
``corpora/`` unless ``SOI_CORPORA`` points elsewhere (same convention as ``pipeline.labelled``).
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

REPO_CORPORA = Path(__file__).resolve().parents[2] / "corpora"
VARIANTS: tuple[str, ...] = ("a", "b")


def corpora_dir() -> Path:
    """The corpora folder (env ``SOI_CORPORA`` overrides)."""
    return Path(os.environ.get("SOI_CORPORA", REPO_CORPORA))


def generator_dir() -> Path:
    return corpora_dir() / "generator"


def banks_dir() -> Path:
    return corpora_dir() / "banks"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def load_json(name: str) -> dict[str, Any]:
    """A JSON file of corpora/generator."""
    with (generator_dir() / name).open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def sectors() -> dict[str, dict[str, Any]]:
    """Sector vocabularies, in file order (the order matters for determinism)."""
    return load_json("sectors.json")["sectors"]


@cache
def names() -> dict[str, Any]:
    return load_json("names.json")


# --- banks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StockPhrase:
    id: str
    section: str
    topic: str
    text: str
    family: str
    note: str

    @property
    def measure(self) -> int:
        """1 if the bank note says the (vague) plan line names a concrete action."""
        return 1 if "measure=1" in self.note else 0


@cache
def stock_phrases() -> tuple[StockPhrase, ...]:
    rows = _read_csv(banks_dir() / "stock_phrases.csv")
    out = []
    for r in rows:
        parts = r["id"].split(".")
        topic = parts[2] if len(parts) >= 4 else "gen"
        out.append(StockPhrase(r["id"], r["section"], topic, r["text"], r["family"], r["note"]))
    return tuple(out)


@cache
def stock_index(variant: str) -> dict[tuple[str, str], tuple[StockPhrase, ...]]:
    """``{(section, topic): phrases}`` usable by ``variant`` (its own family plus shared)."""
    idx: dict[tuple[str, str], list[StockPhrase]] = {}
    for p in stock_phrases():
        if p.family in (variant, "shared"):
            idx.setdefault((p.section, p.topic), []).append(p)
    return {k: tuple(v) for k, v in idx.items()}


@cache
def official_wording() -> tuple[dict[str, str], ...]:
    return tuple(_read_csv(banks_dir() / "official_wording.csv"))


@dataclass(frozen=True)
class HeadingRow:
    form_version: str
    kind: str
    section: str  # a section label, "parent" or a merged label
    level: str  # "0".."3" or "prompt"
    text: str
    applies_to: str  # all | leader


@cache
def headings() -> dict[str, tuple[HeadingRow, ...]]:
    """Official headings and prompts per form version, in form order."""
    out: dict[str, list[HeadingRow]] = {}
    for r in _read_csv(banks_dir() / "headings.csv"):
        row = HeadingRow(r["form_version"], r["kind"], r["section"], r["level"], r["text"], r.get("applies_to", "all"))
        out.setdefault(row.form_version, []).append(row)
    return {k: tuple(v) for k, v in out.items()}


# --- families ---------------------------------------------------------------------------------


@dataclass
class Family:
    """One phrase family (a or b): frames, headings, topic content and the obfuscation tables."""

    name: str
    raw: dict[str, Any]
    synonyms: dict[str, str] = field(default_factory=dict)
    synonym_re: re.Pattern[str] | None = None
    paraphrase: list[tuple[re.Pattern[str], str]] = field(default_factory=list)

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]


@cache
def family(variant: str) -> Family:
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; expected one of {VARIANTS}")
    raw = load_json(f"family_{variant}.json")
    fam = Family(variant, raw)
    pairs: dict[str, str] = {}
    for a, b in raw["synonyms"]:
        pairs[a] = b
        pairs.setdefault(b, a)
    fam.synonyms = pairs
    alternation = "|".join(re.escape(k) for k in sorted(pairs, key=len, reverse=True))
    fam.synonym_re = re.compile(r"(?<!\w)(" + alternation + r")(?!\w)", re.IGNORECASE)
    fam.paraphrase = [(re.compile(p), r) for p, r in raw["paraphrase"]]
    return fam


# --- frame filling ----------------------------------------------------------------------------

_SLOT_RE = re.compile(r"\{([A-Za-z_][A-Za-z_0-9]*)(?::([^{}]*))?\}")


def _decimal(rng_value: int) -> str:
    whole, tenth = divmod(rng_value, 10)
    return str(whole) if tenth == 0 else f"{whole},{tenth}"


_COMPILED: dict[str, tuple[tuple[str, str | None, Any], ...]] = {}


def _compile(template: str) -> tuple[tuple[str, str | None, Any], ...]:
    """Split a frame into (literal, slot key, slot argument) parts, once per distinct frame."""
    parts: list[tuple[str, str | None, Any]] = []
    pos = 0
    for m in _SLOT_RE.finditer(template):
        key, arg = m.group(1), m.group(2)
        if arg is not None and key != "choice":
            lo, hi = (int(x) for x in arg.split("-"))
            if key not in ("n", "n0", "p", "d"):
                raise KeyError(f"unknown slot {key}:{arg} in {template!r}")
            parsed: Any = (lo, hi)
        elif arg is not None:
            parsed = tuple(arg.split("|"))
        else:
            parsed = None
        parts.append((template[pos : m.start()], key, parsed))
        pos = m.end()
    parts.append((template[pos:], None, None))
    compiled = tuple(parts)
    _COMPILED[template] = compiled
    return compiled


def fill(template: str, ctx: dict[str, Any], rng: Any) -> str:
    """Fill a frame: ``{n:a-b}`` ``{n0:a-b}`` ``{p:a-b}`` ``{d:a-b}`` ``{choice:x|y}`` and context keys.

    A key written with a capital first letter (``{M}``, ``{Dl}``) takes the value of the
    lower-case key with its first letter capitalised. Values may contain slots themselves.
    """
    if "{" not in template:
        return template
    parts = _COMPILED.get(template) or _compile(template)
    out: list[str] = []
    for literal, key, arg in parts:
        out.append(literal)
        if key is None:
            continue
        if arg is not None:
            # rng.random() is several times cheaper than choice()/randint() and just as uniform here
            if key == "choice":
                out.append(arg[int(rng.random() * len(arg))])
            else:
                lo, hi = arg
                if key == "d":
                    out.append(_decimal(lo * 10 + int(rng.random() * ((hi - lo) * 10 + 10))))
                else:
                    value = lo + int(rng.random() * (hi - lo + 1))
                    out.append(f"{value:02d}" if key == "n0" else str(value))
            continue
        if key in ctx:
            value = str(ctx[key])
        else:
            low = key[0].lower() + key[1:]
            if low not in ctx:
                raise KeyError(f"no value for slot {{{key}}} in {template!r}")
            value = capitalize(str(ctx[low]))
        if "{" in value:
            value = fill(value, ctx, rng)
        out.append(value)
    return "".join(out)


def has_figure_slot(template: str) -> bool:
    """True if the phrase carries a number slot (its filled text states a figure)."""
    return any(m.group(2) is not None and m.group(1) in ("n", "n0", "p", "d") for m in _SLOT_RE.finditer(template))


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the text starts with a proper noun or an acronym."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or first[1:2].isupper()):
        return text
    if text.startswith(_KEEP_CAPITAL):
        return text
    return text[:1].lower() + text[1:]


#: Beginnings that keep their capital inside a sentence.
_KEEP_CAPITAL = (
    "Đảng", "Nhà nước", "Bác Hồ", "Hồ Chí Minh", "Quy định", "Nghị quyết", "Chỉ thị", "Hướng dẫn", "Kết luận",
    "Ủy ban", "Tòa án", "Cổng", "Quỹ", "Huy hiệu", "Mặt trận", "Bộ Chính trị", "Ban ",
)
