"""Reuse with obfuscation: a report takes over another text's sections (PAN-style).

Obfuscations (``doc.OBFUSCATIONS``): verbatim; refreshed (years moved, figures changed, template
placeholders filled); reordered (sentences and bullet lines shuffled within each section);
synonyms (family synonym table); paraphrased (family paraphrase table, sentence restructuring).
Scope: whole (every content section, headings included) or section (one section's body).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from pipeline.corpus.data import Family
from pipeline.corpus.doc import OBF_RANK, Body, CopyMark, Doc, Para, Section, Sent
from pipeline.corpus.textops import paraphrase, refresh, synonyms

#: Collective section a member copies into one of their own sections.
COLLECTIVE_MAP = {"weaknesses": "weaknesses", "plan": "plan", "duties": "targets", "leadership": "targets"}
#: Sections never copied on their own.
NOT_COPIED = ("header", "other", "self_rating", None)
MIN_SECTION_CHARS = 80


@dataclass
class Source:
    """A text to copy from: a generated report or a template."""

    doc: Doc
    doc_id: str  # the doc_id, or the template id
    kind: str  # prior | peer | template
    year: int  # the source's year (the target's year for templates)
    template: bool = False


def _transform(sents: list[Sent], obf: str, fam: Family, rng: random.Random, shift: int,
               fills: dict[str, str], src: Source, scope: str) -> list[Sent]:
    out = []
    rank = OBF_RANK[obf]
    spans = src.doc.rendered.sent_spans if src.doc.rendered else {}
    for s in sents:
        text = s.text
        new = s.copy()
        if obf == "refreshed":
            text = refresh(text, shift, rng, fills if s.slots else None, s.slots)
            if s.slots:
                if any(k in ("n", "p") for k in s.slots) and s.dim in ("duties_results", "leadership"):
                    new.quant = True
                new.slots = ()
        elif obf == "synonyms":
            text = synonyms(text, fam, rng)
        elif obf == "paraphrased" and s.dim != "other" and rng.random() < 0.85:
            text = paraphrase(text, fam, rng)
        new.text = text
        if src.template:
            a, b = spans[id(s)]
            new.origin = (src.doc_id, a, b, rank, scope)
        elif s.origin is not None:
            tid, a, b, r, sc = s.origin
            new.origin = (tid, a, b, max(r, rank), sc)
        out.append(new)
    return out


def copy_body(body: Body, obf: str, fam: Family, rng: random.Random, shift: int, fills: dict[str, str],
              src: Source, scope: str) -> Body:
    """A transformed copy of a section body."""
    paras = [Para(_transform(p.sents, obf, fam, rng, shift, fills, src, scope), p.bullet, p.cells) for p in body.paras]
    if obf == "reordered":
        for p in paras:
            if not p.cells and len(p.sents) > 1:
                rng.shuffle(p.sents)
        movable = [i for i, p in enumerate(paras) if p.bullet and not p.cells]
        if len(movable) > 1:
            order = movable[:]
            rng.shuffle(order)
            moved = [paras[i] for i in order]
            for i, p in zip(movable, moved, strict=True):
                paras[i] = p
    return Body(paras)


def section_text(doc: Doc, idx: int, with_heading: bool) -> tuple[int, int]:
    assert doc.rendered is not None
    start, body_start, end = doc.rendered.spans[idx]
    return (start if with_heading else body_start), end


def copy_whole(target: Doc, src: Source, obf: str, fam: Family, rng: random.Random, target_year: int,
               fills: dict[str, str]) -> None:
    """Replace the target's content sections by the source's (headings included)."""
    head = [s for s in target.sections if s.role == "header"]
    tail = [s for s in target.sections if s.role in ("rating", "footer")]
    body: list[Section] = []
    shift = target_year - src.year
    for idx, sec in enumerate(src.doc.sections):
        if sec.role != "body":
            continue
        new_body = copy_body(sec.body, obf, fam, rng, shift, fills, src, "whole")
        new = Section(sec.label, sec.heading, new_body, role="body", inline=sec.inline, level=sec.level,
                      heading_table=sec.heading_table, blank_before=sec.blank_before)
        if sec.label is not None and sec.body.sentences():
            a, b = section_text(src.doc, idx, with_heading=True)
            new.copy = CopyMark(src.doc_id, src.kind, obf, "whole", a, b, include_heading=True)
        body.append(new)
    target.sections = head + body + tail


def section_candidates(target: Doc, src: Source, collective: bool) -> list[tuple[int, int]]:
    """(target section index, source section index) pairs that a section copy can use."""
    out = []
    for ti, ts in enumerate(target.sections):
        if ts.role != "body" or ts.label in NOT_COPIED or not ts.body.sentences():
            continue
        want = COLLECTIVE_MAP.get(ts.label or "") if collective else ts.label
        if want is None:
            continue
        for si, ss in enumerate(src.doc.sections):
            if ss.role == "body" and ss.label == want and ss.body.char_len() >= MIN_SECTION_CHARS:
                out.append((ti, si))
                break
    return out


def copy_section(target: Doc, src: Source, obf: str, fam: Family, rng: random.Random, target_year: int,
                 fills: dict[str, str], pair: tuple[int, int]) -> None:
    """Replace one target section's body by the source section's body (the target keeps its heading)."""
    ti, si = pair
    sec = target.sections[ti]
    ssec = src.doc.sections[si]
    sec.body = copy_body(ssec.body, obf, fam, rng, target_year - src.year, fills, src, "section")
    if ssec.inline and sec.body.paras:
        sec.body.paras[0].bullet = ""  # the source's first paragraph stood after its heading, unbulleted
    sec.inline = False
    a, b = section_text(src.doc, si, with_heading=False)
    sec.copy = CopyMark(src.doc_id, src.kind, obf, "section", a, b, include_heading=False)
