"""The generator's document structure and its rendering to text with exact character offsets.

A document is a list of :class:`Section` (header, content sections, parent headings, rating,
footer); a section is an optional heading line plus a :class:`Body` of paragraphs; a paragraph
is a bullet prefix plus :class:`Sent` sentences joined by one space (or, for a table row, one
sentence per line). Every annotation the truth files need (dimension, weakness, plan item,
template origin) rides on the sentence, so copies and obfuscations carry it along.

Rendering is purely structural: the same structure always gives the same text, which is what
makes verbatim copies byte-identical to their source passages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Obfuscation levels, weakest first (a copy of a copy has the stronger of the two).
OBFUSCATIONS: tuple[str, ...] = ("verbatim", "refreshed", "reordered", "synonyms", "paraphrased")
OBF_RANK = {name: i for i, name in enumerate(OBFUSCATIONS)}


@dataclass(slots=True)
class Sent:
    """One sentence (or one table cell, or one header line) and what it is, by construction."""

    text: str
    dim: str = "other"  # schema.DIMENSIONS
    subst: bool = True  # False for purely formal clauses ("Bản thân đảm bảo.")
    quant: bool = False  # states a figure or a named product (duties, leadership, targets)
    kind: str = ""  # "" | weakness | plan | resp
    label: str = ""  # weakness: generic|specific; plan: specific|vague
    topic: str = ""
    flags: tuple[int, int, int] = (0, 0, 0)  # plan: has_measure, has_deadline, has_target
    attendance: bool = False  # attendance/dues-only sentence
    #: Root template origin: (template_id, start, end, obfuscation rank, scope).
    origin: tuple[str, int, int, int, str] | None = None
    #: Kinds of the "…" placeholders in a template sentence, in order (filled when refreshed).
    slots: tuple[str, ...] = ()

    def copy(self, text: str | None = None) -> Sent:
        return Sent(
            self.text if text is None else text, self.dim, self.subst, self.quant, self.kind, self.label,
            self.topic, self.flags, self.attendance, self.origin, self.slots,
        )


@dataclass(slots=True)
class Para:
    sents: list[Sent]
    bullet: str = ""  # "- ", "+ ", "a) " … or ""
    cells: bool = False  # a table row: one sentence (cell) per line


@dataclass(slots=True)
class Body:
    paras: list[Para] = field(default_factory=list)
    table: bool = False  # .docx: the paragraphs are rows of a table

    def sentences(self) -> list[Sent]:
        return [s for p in self.paras for s in p.sents]

    def char_len(self) -> int:
        return sum(len(s.text) + 1 for p in self.paras for s in p.sents)


@dataclass(slots=True)
class CopyMark:
    """A reused passage: this section (or its body) copies ``source_doc_id``'s passage."""

    source_doc_id: str
    source_kind: str  # prior | peer | template
    obfuscation: str
    scope: str  # whole | section
    source_start: int
    source_end: int
    include_heading: bool  # the target span starts at the heading (whole-report copies)


@dataclass(slots=True)
class Section:
    label: str | None  # a section label (maybe merged) or None for a parent/part heading
    heading: str | None = None
    body: Body = field(default_factory=Body)
    role: str = "body"  # header | body | rating | footer
    inline: bool = False  # "Heading: first paragraph" on one line
    level: int = 1
    heading_table: bool = False  # .docx: the heading is typed in a one-cell table
    blank_before: bool = False
    copy: CopyMark | None = None


@dataclass
class Rendered:
    text: str
    #: Per section (same order as ``Doc.sections``): (start, body_start, end); start == end if empty.
    spans: list[tuple[int, int, int]]
    #: Every sentence's [start, end) in ``text``, keyed by ``id(sent)``.
    sent_spans: dict[int, tuple[int, int]]
    lines: list[str]


@dataclass
class Doc:
    doc_id: str
    sections: list[Section]
    meta: dict[str, Any] = field(default_factory=dict)
    #: .docx: the header's first ``header_left`` lines form the left cell, the next
    #: ``header_right`` lines the right cell of a two-column borderless table (0 = no table).
    header_left: int = 0
    header_right: int = 0
    rendered: Rendered | None = None

    def render(self) -> Rendered:
        self.rendered = render(self.sections)
        return self.rendered


def render(sections: list[Section]) -> Rendered:
    """Text of ``sections`` with exact offsets. Lines are joined by ``\\n``; no trailing newline."""
    lines: list[str] = []
    spans: list[tuple[int, int, int]] = []
    sent_spans: dict[int, tuple[int, int]] = {}
    off = 0  # where the next line starts
    for sec in sections:
        paras = sec.body.paras
        if sec.heading is None and not paras:
            here = max(0, off - 1)
            spans.append((here, here, here))
            continue
        if lines and sec.blank_before:
            lines.append("")
            off += 1
        start = off
        body_start = -1
        k0 = 0
        if sec.heading is not None:
            if sec.inline and paras and not paras[0].cells:
                p = paras[0]
                pos = body_start = off + len(sec.heading) + 1
                texts = []
                for s in p.sents:
                    t = s.text
                    sent_spans[id(s)] = (pos, pos + len(t))
                    pos += len(t) + 1
                    texts.append(t)
                line = sec.heading + " " + " ".join(texts)
                k0 = 1
            else:
                line = sec.heading
            lines.append(line)
            off += len(line) + 1
        for p in paras[k0:]:
            if body_start < 0:
                body_start = off
            if p.cells:
                for s in p.sents:
                    t = s.text
                    sent_spans[id(s)] = (off, off + len(t))
                    lines.append(t)
                    off += len(t) + 1
                continue
            pos = off + len(p.bullet)
            texts = []
            for s in p.sents:
                t = s.text
                sent_spans[id(s)] = (pos, pos + len(t))
                pos += len(t) + 1
                texts.append(t)
            line = p.bullet + " ".join(texts)
            lines.append(line)
            off += len(line) + 1
        end = off - 1
        spans.append((start, body_start if body_start >= 0 else end, end))
    return Rendered("\n".join(lines), spans, sent_spans, lines)
