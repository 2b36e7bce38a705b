"""The "published sample" templates: an annotated source (corpora/generator/templates/*.tpl) that
renders to the bank texts (corpora/banks/templates/<id>.txt) the generator copies from.

Markup, one directive or paragraph per line::

    @id a_giao_vien              metadata: id, family (a|b), occupation, kind, role, form
    #header                      header lines follow, one per line
    #section LABEL | HEADING     a section (LABEL "parent" = a parent heading; HEADING may be empty)
    #rating LABEL | HEADING      a section of the self-rating part (role rating)
    #footer                      footer lines follow
    - [dim tags] Sentence. [dim tags] Sentence.    a paragraph (optional "- "/"+ " bullet)

Sentence tags: the dimension (full name or alias ``id et di ws du le co we ca re cr pl ra ot``),
then ``generic``/``specific``/``vague``, a topic name, ``m1``/``d1``/``t1`` plan flags, ``q``
(quantified), ``f`` (formal clause, not substantive), ``att`` (attendance/dues only).
``{…kind}`` is a dotted placeholder rendered "…" that a writer who refreshes the copy fills in
(kind: year, prev, next, name, unit, post, subject, n, p, place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.corpus.data import banks_dir, generator_dir
from pipeline.corpus.doc import Body, Doc, Para, Section, Sent

DIM_ALIASES = {
    "id": "ideology", "et": "ethics_lifestyle", "di": "discipline", "ws": "working_style", "du": "duties_results",
    "le": "leadership", "co": "commitment", "we": "weakness", "ca": "cause", "re": "remedy_earlier",
    "cr": "collective_responsibility", "pl": "plan", "ra": "rating", "ot": "other",
}
_SENT_RE = re.compile(r"\[([^\]]+)\]\s*([^\[]+)")
_SLOT_RE = re.compile(r"\{…(\w+)\}")


@dataclass
class Template:
    id: str
    family: str
    occupation: str
    kind: str  # individual | collective
    role: str  # member | leader
    form: str
    doc: Doc

    @property
    def text(self) -> str:
        assert self.doc.rendered is not None
        return self.doc.rendered.text


def _sentence(tags: str, text: str) -> Sent:
    parts = tags.split()
    dim = DIM_ALIASES.get(parts[0], parts[0])
    slots = tuple(_SLOT_RE.findall(text))
    # a dotted placeholder absorbs a following full stop (the normaliser writes "…." as "…")
    text = _SLOT_RE.sub("…", text).strip().replace("….", "…")
    s = Sent(text, dim, slots=slots)
    for t in parts[1:]:
        if t in ("generic", "specific", "vague"):
            s.label = t
        elif t in ("m1", "d1", "t1"):
            f = list(s.flags)
            f["mdt".index(t[0])] = 1
            s.flags = (f[0], f[1], f[2])
        elif t == "q":
            s.quant = True
        elif t == "f":
            s.subst = False
        elif t == "att":
            s.attendance = True
        else:
            s.topic = "" if t == "gen" else t
    if dim == "weakness" and s.label:
        s.kind = "weakness"
    elif dim == "plan" and s.label:
        s.kind = "plan"
    return s


def parse(source: str, name: str = "") -> Template:
    meta: dict[str, str] = {}
    sections: list[Section] = []
    current: Section | None = None
    for raw in source.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.startswith("//"):
            continue
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            meta[key] = value.strip()
            continue
        if line.startswith("#"):
            directive, _, rest = line[1:].partition(" ")
            if directive in ("header", "footer"):
                current = Section("header" if directive == "header" else "other", None, Body(),
                                  role=directive, level=0)
            else:
                label, _, heading = rest.partition("|")
                label = label.strip()
                current = Section(None if label == "parent" else label, heading.strip() or None, Body(),
                                  role="rating" if directive == "rating" else "body")
            sections.append(current)
            continue
        if current is None:
            raise ValueError(f"{name}: text before any directive: {line!r}")
        if current.role in ("header", "footer"):
            current.body.paras.append(Para([Sent(_SLOT_RE.sub("…", line), "other")]))
            continue
        bullet = ""
        if line.startswith(("- ", "+ ")):
            bullet, line = line[:2], line[2:]
        sents = [_sentence(m.group(1), m.group(2)) for m in _SENT_RE.finditer(line)]
        if not sents:
            raise ValueError(f"{name}: paragraph without [tags]: {line!r}")
        current.body.paras.append(Para(sents, bullet))
    for key in ("id", "family", "occupation", "kind", "role", "form"):
        if key not in meta:
            raise ValueError(f"{name}: missing @{key}")
    doc = Doc(meta["id"], sections, meta={"template": True})
    doc.render()
    return Template(meta["id"], meta["family"], meta["occupation"], meta["kind"], meta["role"], meta["form"], doc)


def source_dir() -> Path:
    return generator_dir() / "templates"


def bank_dir() -> Path:
    return banks_dir() / "templates"


@cache
def load_templates() -> tuple[Template, ...]:
    """All templates, sorted by id."""
    out = [parse(p.read_text(encoding="utf-8"), p.name) for p in sorted(source_dir().glob("*.tpl"))]
    return tuple(sorted(out, key=lambda t: t.id))


def templates_for(variant: str) -> tuple[Template, ...]:
    return tuple(t for t in load_templates() if t.family == variant)


def write_bank() -> list[Path]:
    """(Re)write corpora/banks/templates/<id>.txt from the sources; returns the paths written."""
    folder = bank_dir()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for t in load_templates():
        path = folder / f"{t.id}.txt"
        path.write_text(t.text + "\n", encoding="utf-8")
        written.append(path)
    return written
