"""From form headings and content blocks to sections: splitting, merging, dropping and reordering
headings, numbering them in the writer's scheme, laying out paragraphs; header and footer."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from pipeline import schema
from pipeline.corpus.compose import Block
from pipeline.corpus.data import Family
from pipeline.corpus.doc import Body, Para, Section, Sent
from pipeline.corpus.forms import Node, heading_line, number_prefix, short_heading, short_parent
from pipeline.corpus.org import Style

I1 = "ideology+ethics+discipline+working_style"
OPTIONAL = ("explanations", "collective_responsibility")


@dataclass
class Item:
    """A heading-to-be: one node of the writer's outline."""

    level: int
    label: str | None
    official: str
    parent_key: str = ""
    block: Block | None = None
    prompts: list[str] = field(default_factory=list)
    role: str = "body"
    short_only: bool = False  # a sub-heading the form does not have: the writer's own words
    no_heading: bool = False
    group: int = 0  # siblings share a group id (reordering stays inside a group)


def layout(block: Block, style: Style, rng: random.Random, bullet: str) -> list[Para]:
    """Paragraphs of a block in the writer's layout."""
    paras: list[Para] = [Para([p]) for p in block.prompts]
    if block.listy is not None:
        listy = block.listy
    elif style.layout == "bullets":
        listy = True
    elif style.layout == "prose":
        listy = False
    else:
        listy = rng.random() < 0.5
    if block.pre:
        paras.extend(_prose(block.pre, rng) if not (listy and style.layout == "bullets") else
                     [Para([s], bullet) for s in block.pre])
    if block.lead is not None:
        paras.append(Para([block.lead]))
    for row in block.rows or []:
        paras.append(Para(row, cells=True))
    if listy:
        paras.extend(Para([s], bullet) for s in block.sents)
    else:
        paras.extend(_prose(block.sents, rng))
    return paras


def _prose(sents: list[Sent], rng: random.Random) -> list[Para]:
    out: list[Para] = []
    i = 0
    while i < len(sents):
        k = rng.choice((1, 2, 2, 3, 3, 4))
        out.append(Para(list(sents[i : i + k])))
        i += k
    return out


def expand_i1(nodes: list[Node], style: Style, blocks: dict[str, Block | None], rng: random.Random) -> list[Item]:
    """Items of an individual form, with §I.1 merged or split the writer's way."""
    items: list[Item] = []
    group = 0
    for node in nodes:
        if node.label != I1:
            items.append(Item(node.level, node.label, node.official, node.parent_key, blocks.get(node.label or ""),
                              list(node.prompts)))
            continue
        parts = {k: blocks.get(k) for k in ("ideology", "ethics", "discipline", "working_style")}
        mode = style.split_i1
        if mode == "merged":
            order = ["ideology", "ethics", "discipline", "working_style"]
            if rng.random() < 0.15:
                order[0], order[1] = order[1], order[0]
            merged = Block([s for k in order if parts[k] is not None for s in parts[k].sents])  # type: ignore[union-attr]
            items.append(Item(node.level, I1, node.official, block=merged, prompts=list(node.prompts)))
            continue
        group += 1000
        if mode in ("split2", "split4"):
            items.append(Item(node.level, None, node.official, "i1", prompts=list(node.prompts)))
            child_level = node.level + 1
        else:
            child_level = node.level
        if mode == "split2":
            pairs = [("ideology+ethics", ("ideology", "ethics")), ("discipline+working_style", ("discipline", "working_style"))]
            for label, keys in pairs:
                present = [parts[k] for k in keys if parts[k] is not None]
                if not present:
                    continue
                blk = Block([s for b in present for s in b.sents])  # type: ignore[union-attr]
                items.append(Item(child_level, label, "", block=blk, short_only=True, group=group))
        else:
            for k in ("ideology", "ethics", "discipline", "working_style"):
                if parts[k] is None:
                    continue
                items.append(Item(child_level, k, "", block=parts[k], short_only=True, group=group))
    return items


def merge_leadership(items: list[Item], blocks: list[Block]) -> list[Item]:
    """Give each leadership heading its block; several headings become one if there is one block."""
    out: list[Item] = []
    lead_items = [it for it in items if it.label == "leadership"]
    if not lead_items:
        return items
    if len(blocks) == 1:
        first = True
        for it in items:
            if it.label == "leadership":
                if first:
                    it.block = blocks[0]
                    out.append(it)
                    first = False
                continue
            out.append(it)
        return out
    k = 0
    for it in items:
        if it.label == "leadership":
            it.block = blocks[k] if k < len(blocks) else Block()
            k += 1
        out.append(it)
    return out


def merge_shortcomings(items: list[Item], weak: Block, causes: Block, merge: bool) -> list[Item]:
    """§II as one "weaknesses+causes" heading, or parent + two children."""
    out: list[Item] = []
    skip_children = False
    for it in items:
        if it.parent_key == "shortcomings":
            if merge:
                merged = Block(weak.sents + causes.sents, pre=weak.pre, lead=weak.lead)
                out.append(Item(it.level, schema.merged_label(["weaknesses", "causes"]), it.official, block=merged))
                skip_children = True
                continue
            out.append(it)
            continue
        if skip_children and it.label in ("weaknesses", "causes"):
            continue
        if it.label == "weaknesses":
            it.block = weak
        elif it.label == "causes":
            it.block = causes
        out.append(it)
    return out


def drop_and_reorder(items: list[Item], style: Style, rng: random.Random, keep: dict[str, bool]) -> list[Item]:
    out = []
    for it in items:
        if it.label in keep and not keep[it.label]:
            continue
        if it.label is not None and it.label != "self_rating" and rng.random() < style.missing_heading:
            it.no_heading = True
        out.append(it)
    # drop parents left without children
    cleaned: list[Item] = []
    for i, it in enumerate(out):
        if it.label is None:
            nxt = out[i + 1] if i + 1 < len(out) else None
            if nxt is None or nxt.level <= it.level:
                continue
        cleaned.append(it)
    if rng.random() < style.reorder:
        candidates = [
            i for i in range(len(cleaned) - 1)
            if cleaned[i].label and cleaned[i + 1].label and cleaned[i].level == cleaned[i + 1].level
            and cleaned[i].role == cleaned[i + 1].role == "body" and cleaned[i].group == cleaned[i + 1].group
        ]
        if candidates:
            i = rng.choice(candidates)
            cleaned[i], cleaned[i + 1] = cleaned[i + 1], cleaned[i]
    return cleaned


def to_sections(items: list[Item], style: Style, fam: Family, rng: random.Random, docx: bool) -> list[Section]:
    """Number and word the headings, lay out the paragraphs."""
    counters = [0, 0, 0, 0]
    sections: list[Section] = []
    used_wording: set[str] = set()
    levels_present = {it.level for it in items}
    min_level = min(levels_present) if levels_present else 1
    for it in items:
        level = it.level
        heading: str | None = None
        prefix = ""
        if not it.no_heading:
            counters[level] += 1
            for deeper in range(level + 1, 4):
                counters[deeper] = 0
            scheme = style.scheme
            if scheme == "phan" and min_level >= 1 and level == 1:
                scheme = "phan_roman"
            prefix = number_prefix(scheme, level, counters)
            text = _wording(it, style, fam)
            if text in used_wording and it.official:
                text = _neu_co(it.official, style)  # two headings with the same own wording: use the form's
            used_wording.add(text)
            upper = level == 0 or (level == 1 and (style.upper_l1 or style.scheme in ("caps", "plain")))
            colon = style.heading_colon and level >= 2
            heading = heading_line(prefix, text, level, upper, colon)
        bullet = style.bullet
        if prefix.startswith("-"):
            bullet = "+ "
        elif prefix.startswith("+"):
            bullet = "- "
        block = it.block or Block()
        if it.prompts and style.prompts:
            block = Block(block.sents, pre=block.pre, lead=block.lead, rows=block.rows,
                          prompts=[Sent(p, "other") for p in it.prompts] + list(block.prompts), listy=block.listy)
        paras = layout(block, style, rng, bullet)
        inline = False
        if heading is not None and style.inline_sub and level >= 2 and paras and not block.prompts \
                and block.lead is None and not block.rows and not paras[0].cells:
            inline = True
            heading = heading.rstrip(":.") + ":"
        sec = Section(it.label, heading, Body(paras), role=it.role, inline=inline, level=level,
                      heading_table=docx and style.heading_tables and level <= 1 and heading is not None,
                      blank_before=style.blank_between and level <= 1)
        sections.append(sec)
    return sections


def _wording(it: Item, style: Style, fam: Family) -> str:
    pick = style.seed + sum(map(ord, it.label or it.parent_key))
    if it.label is None:
        if it.parent_key in ("strengths", "shortcomings", "part_a", "part_b"):
            if style.wording == "short" or (style.wording == "mixed" and pick % 2):
                return short_parent(fam, it.parent_key, pick)
        return _neu_co(it.official, style)
    if it.short_only:
        return short_heading(fam, it.label, pick) or it.label
    use_short = style.wording == "short" or (style.wording == "mixed" and pick % 2)
    if use_short:
        text = short_heading(fam, it.label, pick)
        if text:
            return text
    return _neu_co(it.official, style)


def _neu_co(text: str, style: Style) -> str:
    return text if style.keep_neu_co else text.replace(" (nếu có)", "")


# --- header and footer --------------------------------------------------------------------------


@dataclass
class HeaderInfo:
    parent: str
    unit: str
    place: str
    date: tuple[int, int, int] | None  # (day, month, year) or None for an unfilled line
    code: str
    title: list[str]
    subtitle: str | None
    fields: list[tuple[str, str]]
    preamble: str | None
    number_line: str | None = None  # collective: "Số 05-BC/CB"


def header_section(info: HeaderInfo, style: Style) -> tuple[Section, int, int, int]:
    """The header section and the .docx table layout (start line, left lines, right lines)."""
    lines: list[str] = []
    if info.code and style.code_pos == "top":
        lines.append(info.code)
    table_start = len(lines)
    left = [f"ĐẢNG BỘ {info.parent.upper()}", f"CHI BỘ {info.unit.upper()}"]
    if info.number_line:
        left.append(info.number_line)
    elif style.star_line:
        left.append("*")
    date = (f"{info.place}, ngày {info.date[0]} tháng {info.date[1]} năm {info.date[2]}" if info.date
            else "…, ngày … tháng … năm …")
    right = ["ĐẢNG CỘNG SẢN VIỆT NAM", date]
    lines += left + right
    if info.code and style.code_pos == "after":
        lines.append(info.code)
    lines += info.title
    if info.subtitle:
        lines.append(info.subtitle)
    if style.fields_inline and len(info.fields) >= 2:
        (k1, v1), (k2, v2) = info.fields[0], info.fields[1]
        lines.append(f"{k1}: {v1}. {k2}: {v2}.")
        lines += [f"{k}: {v}" for k, v in info.fields[2:]]
    else:
        lines += [f"{k}: {v}" for k, v in info.fields]
    if info.preamble:
        lines.append(info.preamble)
    paras = [Para([Sent(line, "other")]) for line in lines]
    sec = Section("header", None, Body(paras), role="header", level=0)
    return sec, table_start, len(left), len(right)


def footer_section(closing: list[Sent], signature: list[str], style: Style) -> Section:
    paras = [Para([s]) for s in closing] + [Para([Sent(line, "other")]) for line in signature]
    return Section("other", None, Body(paras), role="footer", level=0, blank_before=style.blank_between)
