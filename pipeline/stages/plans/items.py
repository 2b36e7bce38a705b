"""Find remediation items and stated weaknesses in a report, as character spans.

Items are read wherever the author put them:

* the plan section(s) (label ``plan``, alone or merged): bullet or numbered lines are one item
  each; a paragraph is split into sentences; a list after a lead-in colon ("Năm 2026 tôi xin hứa
  với chi bộ: a; b; c.") is split at semicolons;
* a remedy introduced inside another section ("Biện pháp khắc phục: …", "Hướng khắc phục: …"
  inside the weaknesses or causes) — the text after the marker up to the end of its paragraph
  and the bullet lines right after it.

Headings, lead-ins ending in a colon, sub-headings ("1. Phương hướng:"), closing lines ("Trên
đây là …") and template leftovers ("……", "(nếu có)") are not items. A lead-in's deadline
("Năm 2025:", "Trong quý I/2025, bản thân:") is returned as the item's ``context`` so that the
classifier can read "Năm 2025: rà soát 45 hồ sơ" as timed.

Weaknesses come from the weaknesses section(s), split the same way plus at semicolons, and stop
at the causes ("Nguyên nhân …") when the report merged them into one section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import schema

_BULLET = re.compile(
    r"^\s*(?:[-+*•–]+|\(?\d{1,2}(?:\.\d{1,2})*[.)/]|\(?[a-zđ][.)]|[IVX]{1,4}[./)])\s*", re.IGNORECASE
)
_PLAN_HEAD = re.compile(
    r"^\s*(?:(?:phần|mục)\s+)?(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])?\s*[.)/]?\s*[*\-–]?\s*"
    r"(?:(?:về\s+)?(?:phương\s+hướng|biện\s+pháp|giải\s+pháp|hướng\s+(?:khắc\s+phục|phấn\s+đấu|sửa\s+chữa)|"
    r"kế\s+hoạch\s+(?:khắc\s+phục|sửa\s+chữa|tu\s+dưỡng|rèn\s+luyện|hành\s+động)|nhiệm\s+vụ\s+(?:trọng\s+tâm\s+)?(?:năm|thời\s+gian)|"
    r"phấn\s+đấu\s+(?:trong\s+)?năm|cam\s+kết\s+khắc\s+phục|(?:khắc\s+phục|sửa\s+chữa)\s+(?:tồn\s+tại|khuyết\s+điểm|hạn\s+chế)|việc\s+cần\s+làm))",
    re.IGNORECASE,
)
_WEAK_HEAD = re.compile(
    r"^\s*(?:(?:phần|mục)\s+)?(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])?\s*[.)/]?\s*[*\-–]?\s*"
    r"(?:(?:về\s+)?(?:những\s+|các\s+|một\s+số\s+)?(?:hạn\s+chế|khuyết\s+điểm|tồn\s+tại|yếu\s+kém|mặt\s+(?:còn\s+)?(?:hạn\s+chế|tồn\s+tại|yếu)|điểm\s+(?:còn\s+)?yếu|thiếu\s+sót))",
    re.IGNORECASE,
)
_INLINE_REMEDY = re.compile(
    r"(?:^|(?<=[\n.;]))[ \t]*(?:[-+*•]\s*)?(?:\*\s*)?(?:biện\s+pháp|giải\s+pháp|hướng|phương\s+hướng|kế\s+hoạch)"
    r"(?:\s+(?:khắc\s+phục|sửa\s+chữa|phấn\s+đấu|tới))?(?:\s+(?:của\s+)?(?:bản\s+thân|tôi|em|chi\s+bộ|chi\s+ủy|tập\s+thể))?"
    r"(?:\s+(?:trong\s+)?(?:thời\s+gian\s+tới|năm\s+\d{4}|năm\s+tới))?\s*:\s*",
    re.IGNORECASE,
)
_CAUSES = re.compile(
    r"(?:^|\n|(?<=[.;:]))\s*(?:[-+*•]\s*|\d{1,2}(?:\.\d{1,2})*\s*[.)/\-]\s*|[a-zđ][.)]\s*)?(?:\*\s*)?(?:nguyên\s+nhân|lý\s+do|lí\s+do)",
    re.IGNORECASE,
)
_SKIP = re.compile(
    r"^\s*(?:trên\s+đây|người\s+tự\s+kiểm\s+điểm|xác\s+nhận|nơi\s+nhận|t/m|\(?ký|\(?nếu\s+có\)?\s*$|…+\s*$|\.{3,}\s*$|"
    r"không\s*(?:có)?\s*\.?\s*$|\(?không\)?\s*\.?\s*$|không\s+phát\s+sinh\.?\s*$)",
    re.IGNORECASE,
)
_INLINE_BULLET = re.compile(r"(?<=[.;])\s+[-+•]\s+(?=\S)")
_NO_CONTENT = re.compile(r"^[\s….:;,\-()*+]*$")
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(]?[A-ZĐÀ-Ỹ0-9\-+*•])|(?<=[.!?])\s*\n")


@dataclass(frozen=True)
class Span:
    """An item or weakness: ``text`` is ``doc_text[start:end]``; ``context`` an inherited lead-in."""

    start: int
    end: int
    text: str
    context: str = ""
    source: str = "plan"  # plan | inline


def _parts(label: str) -> set[str]:
    return set(str(label).split(schema.MERGE_SEP))


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Line spans inside ``[start, end)`` (without the newline)."""
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n":
        a += 1
    while b > a and text[b - 1] in " \t\n":
        b -= 1
    return a, b


def _strip_heading(text: str, a: int, b: int, head: re.Pattern[str]) -> tuple[int, int] | None:
    """If line ``[a, b)`` is a heading: the content after its colon (or None when it has none).

    Returns ``(a, b)`` unchanged when the line is no heading.
    """
    line = text[a:b]
    m = head.match(line)
    caps = (
        line.strip()
        and line.strip() == line.strip().upper()
        and any(c.isalpha() for c in line)
        and len(line.strip()) > 8
    )
    if not m and not caps:
        return a, b
    colon = line.find(":", m.end() if m else 0)
    if colon != -1 and colon < 160 and line[colon + 1 :].strip():
        return _trim(text, a + colon + 1, b)
    if m and colon == -1 and not caps and len(line) - m.end() > 60:
        return a, b  # "Biện pháp khắc phục hạn chế ... rà soát ..." written as one sentence: content
    return None


def _is_lead_in(line: str) -> bool:
    s = line.strip()
    return s.endswith(":") and len(s) < 140


def _split_sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    pos = a
    for m in _SENT_END.finditer(text, a, b):
        out.append(_trim(text, pos, m.start()))
        pos = m.end()
    out.append(_trim(text, pos, b))
    return [(x, y) for x, y in out if y > x]


def _split_semicolons(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    pos = a
    for i in range(a, b):
        if text[i] == ";":
            out.append(_trim(text, pos, i))
            pos = i + 1
    out.append(_trim(text, pos, b))
    return [(x, y) for x, y in out if y > x]


def _words(s: str) -> int:
    return len(re.findall(r"[^\W\d_]+", s))


def _block_units(text: str, a: int, b: int, head: re.Pattern[str], min_words: int) -> list[Span]:
    """Items (or weaknesses) of one block of text.

    A bullet or numbered line (with its wrapped continuation lines) is one unit; a paragraph is
    split into sentences and each sentence at semicolons (a run-on list of measures); a lead-in
    ("Năm 2026 tôi xin hứa với chi bộ:") is cut off and its deadline kept as context.
    """
    from pipeline.stages.plans.temporal import find_deadlines

    units: list[Span] = []
    context = ""
    cur: list[int] | None = None  # the bullet being built: [start, end]

    def flush() -> None:
        nonlocal cur
        if cur is not None:
            x, y = _trim(text, cur[0], cur[1])
            if y > x:
                units.append(Span(x, y, text[x:y], context))
        cur = None

    lines = _lines(text, a, b)
    for idx, (la, lb) in enumerate(lines):
        la, lb = _trim(text, la, lb)
        if lb <= la:
            flush()
            continue
        line = text[la:lb]
        if _SKIP.match(line) or _NO_CONTENT.match(line):
            flush()
            continue
        stripped = (
            _strip_heading(text, la, lb, head)
            if idx == 0 or not _BULLET.match(line) or head.match(line)
            else (la, lb)
        )
        if stripped is None:
            flush()
            continue
        la, lb = stripped
        line = text[la:lb]
        if _is_lead_in(line):
            flush()
            found = find_deadlines(line, 2000)
            context = found[0].text if found else ""
            continue
        # "Năm 2025: rà soát …" / "Về học tập: …": a lead-in and content on one line
        lead = re.match(r"^((?:[-+*•]\s*)?[^:;.\n]{2,60}):\s+(?=\S)", line)
        lead_ctx = ""
        if lead and not re.search(r"\d{1,2}:\d{2}", line[: lead.end() + 2]):
            found = find_deadlines(lead.group(1), 2000)
            lead_ctx = found[0].text if found else ""
        if _BULLET.match(line):
            flush()
            inner = [m.start() for m in _INLINE_BULLET.finditer(line)]
            if inner:  # "- a. - b." typed on one line (a table cell)
                bounds = [0, *[i + 1 for i in inner], len(line)]
                for x, y in zip(bounds, bounds[1:], strict=False):
                    x, y = _trim(text, la + x, la + y)
                    if y > x:
                        units.append(Span(x, y, text[x:y], lead_ctx or context))
                continue
            cur = [la, lb]
            continue
        if cur is not None and line[:1].islower():
            cur[1] = lb  # a wrapped bullet line
            continue
        flush()
        content_a = la
        ctx = context
        if lead and (";" in line[lead.end() :] or lead_ctx):
            content_a = la + lead.end()
            ctx = lead_ctx or context
        for x, y in _split_sentences(text, content_a, lb):
            pieces = _split_semicolons(text, x, y)
            # "Năm 2022 kiểm tra …; chỉ đạo …; phối hợp …": the opening time frame covers the list
            first = find_deadlines(text[pieces[0][0] : pieces[0][1]], 2000) if len(pieces) > 1 else []
            lead_dl = first[0].text if first and first[0].start == 0 else ""
            for k, (px, py) in enumerate(pieces):
                units.append(Span(px, py, text[px:py], (lead_dl if k and lead_dl else ctx)))
    flush()
    return [u for u in units if _words(u.text) >= min_words and not _SKIP.match(u.text)]


_STOP_LABELS = frozenset({"self_rating", "other", "header"})


def plan_regions(
    text: str, sections: list[tuple[str, int, int]] | list[tuple[str, int, int, str]]
) -> list[tuple[int, int]]:
    """Spans of the plan, repaired for two segmentation slips.

    ``sections`` rows are ``(label, start, end)`` or ``(label, start, end, heading)``. A plan
    section runs on over the sections that follow it without a heading of their own (paragraphs
    a classifier relabelled: "+ Tăng cường đi cơ sở …" read as working style), up to the
    self-rating, closing or a headed section. A plan found without a heading also takes the
    bullet lines right above it (its first bullets were left in the previous section).
    """
    rows = sorted(sections, key=lambda r: r[1])
    regions: list[list[int]] = []
    # with a headed plan section, heading-less "plan" fragments elsewhere are the paragraph
    # classifier's guesses inside other sections ("bình quân mỗi kỳ có 96% đảng viên dự.")
    headed = any("plan" in _parts(r[0]) and len(r) > 3 and str(r[3]).strip() for r in rows)
    i = 0
    while i < len(rows):
        row = rows[i]
        label, a, b = row[0], row[1], row[2]
        if "plan" not in _parts(label):
            i += 1
            continue
        heading = row[3] if len(row) > 3 else None
        if headed and heading is not None and not str(heading).strip():
            i += 1
            continue
        if (
            heading is not None
            and not str(heading).strip()
            and i > 0
            and _parts(rows[i - 1][0]) <= RESCUE_FROM
        ):
            a = max(_bullets_above(text, a), rows[i - 1][1])
        j = i + 1
        while j < len(rows):
            nxt = rows[j]
            nheading = nxt[3] if len(nxt) > 3 else "x"
            if "plan" in _parts(nxt[0]) or (
                (not str(nheading).strip() or _bullet_heading(str(nheading), _parts(nxt[0])))
                and not (_parts(nxt[0]) & _STOP_LABELS)
            ):
                b = nxt[2]
                j += 1
            else:
                break
        regions.append([a, b])
        i = j
    return [(a, b) for a, b in regions]


def _bullet_heading(heading: str, parts: set[str]) -> bool:
    """A "heading" that is a bullet line ("- Mục tiêu: …; cách làm: …"), not a section title.

    A plan runs on over such sections unless they are labelled as a section a plan never
    holds (weaknesses, causes, last year's remedies)."""
    return bool(re.match(r"^\s*[-+*•]\s", heading)) and not (
        parts & {"weaknesses", "causes", "remedy_earlier"}
    )


def _bullets_above(text: str, a: int) -> int:
    """Start of the run of bullet lines directly above offset ``a`` (``a`` itself if none)."""
    start = a
    pos = a
    while pos > 0:
        prev_end = pos - 1 if text[pos - 1] == "\n" else pos
        prev_start = text.rfind("\n", 0, prev_end) + 1
        line = text[prev_start:prev_end]
        if (
            not re.match(r"^\s*[-+*•]", line)
            or _heading_like(line)
            or _SKIP.match(_BULLET.sub("", line, count=1))
        ):
            break
        start = prev_start
        pos = prev_start
    return start


def plan_items(
    text: str, sections: list[tuple[str, int, int]] | list[tuple[str, int, int, str]]
) -> list[Span]:
    """Remediation items of a report: ``sections`` are ``(label, start, end[, heading])`` rows."""
    items: list[Span] = []
    covered: list[tuple[int, int]] = []
    for a, b in plan_regions(text, sections):
        items.extend(_block_units(text, a, b, _PLAN_HEAD, min_words=3))
        covered.append((a, b))
    sections = [(r[0], r[1], r[2]) for r in sections]
    for a, b in inline_remedy_spans(text, sections):
        if any(ca <= a < cb for ca, cb in covered):
            continue
        items.extend(
            Span(s.start, s.end, s.text, s.context, "inline")
            for s in _block_units(text, a, b, _PLAN_HEAD, min_words=3)
        )
    items.sort(key=lambda s: s.start)
    return items


def inline_remedy_spans(text: str, sections: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """Remedies written inside non-plan sections ("Biện pháp khắc phục: …")."""
    out = []
    for label, a, b in sections:
        parts = _parts(label)
        if "plan" in parts or parts & {"header", "self_rating", "other"}:
            continue
        for m in _INLINE_REMEDY.finditer(text, a, b):
            start = m.end()
            # the paragraph after the marker, plus bullet lines right after it
            stop = text.find("\n", start, b)
            stop = b if stop == -1 else stop
            while stop < b:
                nxt = text.find("\n", stop + 1, b)
                nxt = b if nxt == -1 else nxt
                line = text[stop + 1 : nxt]
                if (
                    line.strip()
                    and _BULLET.match(line)
                    and not _CAUSES.match(line)
                    and not _WEAK_HEAD.match(_BULLET.sub("", line, count=1))
                ):
                    stop = nxt
                else:
                    break
            cm = _CAUSES.search(text, start, stop)
            if cm:
                stop = cm.start()
            if stop > start:
                out.append((start, stop))
    return out


#: A line of the weaknesses section that states a cause (domain.md §7 stock causes, and lines
#: opening with "do …", "vì …"): reports often list causes under the weaknesses heading.
CAUSE_LINE = re.compile(
    r"^\s*(?:[-+*•]\s*)?(?:nguyên\s+nhân|(?:một\s+phần|phần\s+lớn|chủ\s+yếu(?:\s+là)?)?\s*(?:do|vì|bởi)\s)"
    r"|khách\s+quan|chủ\s+quan|khối\s+lượng\s+công\s+việc|nhiệm\s+vụ\s+đột\s+xuất|văn\s+bản\s+hướng\s+dẫn\s+(?:thường\s+xuyên\s+)?thay\s+đổi"
    r"|biên\s+chế\s+(?:ít|mỏng|thiếu)|cơ\s+sở\s+vật\s+chất|trang\s+thiết\s+bị|chưa\s+(?:chủ\s+động\s+)?sắp\s+xếp\s+thời\s+gian|dè\s+dặt"
    r"|tinh\s+thần\s+tự\s+học"
    # objective and personal causes stated without a "Nguyên nhân" heading
    r"|quy\s+định\s+mới|văn\s+bản\s+mới|ban\s+hành\s+liên\s+tục|máy\s+móc|nhân\s+lực[^.;]{0,30}(?:mỏng|thiếu|ít)|kiêm\s+nhiệm"
    r"|tính\s+cách|ý\s+thức\s+tự\s+(?:học|nghiên\s+cứu|giác)|làm\s+thay\s+(?:phần\s+)?việc|dồn\s+dập|địa\s+bàn\s+rộng|hoàn\s+cảnh\s+gia\s+đình",
    re.IGNORECASE,
)


#: A line about last year's shortcomings and how far they were fixed (remedy_earlier content
#: that a weaknesses heading swallowed).
EARLIER_STATUS = re.compile(
    r"(?:chỉ\s+ra|góp\s+ý|nêu|nhắc\s+nhở)\s+(?:ở\s+|tại\s+)?(?:kỳ\s+kiểm\s+điểm\s+)?(?:năm\s+\d{4}|năm\s+trước|kỳ\s+trước)"
    r"|(?:nay\s+)?đã\s+(?:sửa|khắc\s+phục)(?:\s+xong)?|đang\s+(?:sửa|khắc\s+phục)|chưa\s+(?:sửa|khắc\s+phục)\s+(?:được|xong)"
    r"|có\s+tiến\s+bộ|không\s+còn\s+lặp\s+lại",
    re.IGNORECASE,
)
NO_WEAKNESS = re.compile(
    r"(?:chưa\s+(?:nhận\s+thấy|thấy|phát\s+hiện)|không\s+có)\s+(?:hạn\s+chế|khuyết\s+điểm)[^.;]{0,30}(?:nào|đáng\s+kể)",
    re.IGNORECASE,
)


def weaknesses(
    text: str, sections: list[tuple[str, int, int]] | list[tuple[str, int, int, str]]
) -> list[Span]:
    """Stated weaknesses: units of the weaknesses section(s), without causes or inline remedies.

    ``sections`` rows are ``(label, start, end)`` or ``(label, start, end, heading)``. With
    headings, a weaknesses section that has none of its own and directly follows a causes
    section is read as the rest of the causes (a list of causes the paragraph classifier took
    for weaknesses: "- Tính cách còn rụt rè, ngại nói trước đông người."). A section whose own
    heading names another topic ("III. Sửa chữa khuyết điểm năm trước") is skipped.
    """
    out: list[Span] = []
    rows = sorted(sections, key=lambda r: r[1])
    secs3 = [(r[0], r[1], r[2]) for r in rows]
    inline = inline_remedy_spans(text, secs3)
    for k, row in enumerate(rows):
        label, a, b = row[0], row[1], row[2]
        if "weaknesses" not in _parts(label):
            continue
        if len(row) > 3 and not str(row[3]).strip() and k > 0 and _parts(rows[k - 1][0]) == {"causes"}:
            continue
        line_end = text.find("\n", a, b)
        first = text[a : b if line_end == -1 else line_end]
        if _heading_like(first) and any(
            lab in ("remedy_earlier", "plan", "causes") for lab, _x, _y in scan_sections(first)
        ):
            continue
        stop = b
        cm = _CAUSES.search(text, a + 1, b)
        if cm and cm.start() > a:
            stop = cm.start()
        for ia, _ib in inline:
            if a <= ia < stop:
                # cut at the start of the line holding the marker
                stop = min(stop, max(text.rfind("\n", a, ia), a))
        # a heading of another topic inside the section ("III. Sửa chữa khuyết điểm năm trước")
        first_nl = text.find("\n", a, stop)
        if first_nl != -1:
            for lab, ha, _hb in scan_sections(text[first_nl + 1 : stop]):
                if lab != "weaknesses":
                    stop = first_nl + 1 + ha
                    break
        for u in _block_units(text, a, stop, _WEAK_HEAD, min_words=3):
            line_a = text.rfind("\n", 0, u.start) + 1
            line_b = text.find("\n", u.end)
            if EARLIER_STATUS.search(text[line_a : line_b if line_b != -1 else len(text)]):
                continue
            if re.match(r"^\s*(?:không\s+có|chưa\s+có)\b", u.text, re.IGNORECASE) and _words(u.text) <= 6:
                continue
            if CAUSE_LINE.search(u.text) or NO_WEAKNESS.search(u.text):
                continue
            if _heading_like(u.text) and not u.text.rstrip().endswith((".", ";")):
                continue  # a heading of another topic left inside the section
            out.append(u)
    return out


#: Sections whose units may be remediation items that the segmenter misplaced (a plan written
#: without its heading after "V. … Không có." ends up in the previous section).
RESCUE_FROM = frozenset({"collective_responsibility", "explanations", "remedy_earlier", "other"})


def candidate_units(
    text: str, sections: list[tuple[str, int, int]], labels: frozenset[str] = RESCUE_FROM
) -> list[Span]:
    """Units (bullets, sentences) of the sections whose every label part is in ``labels``; the
    stage keeps those a sentence classifier reads as plan items."""
    out: list[Span] = []
    inline = inline_remedy_spans(text, sections)
    for label, a, b in sections:
        parts = _parts(label)
        if not parts or not parts <= labels:
            continue
        for u in _block_units(text, a, b, _PLAN_HEAD, min_words=3):
            if EARLIER_STATUS.search(u.text) or re.search(r"\bvẫn\s+còn\b", u.text, re.IGNORECASE):
                continue  # the status of last year's shortcoming ("… nay vẫn còn, tiếp tục sửa")
            if not any(ia <= u.start < ib for ia, ib in inline):
                out.append(Span(u.start, u.end, u.text, u.context, "rescued"))
    return out


# --- a heading scan of our own, for reports whose plan or weaknesses the segmenter missed -------

_HEADING_NUM = re.compile(
    r"^\s*(?:phần\s+(?:thứ\s+\w+|[IVX]{1,4})\s*[.:/\-)]?|[IVX]{1,4}\s*[.:/\-)]|[A-D]\s*[./)]|\d{1,2}\s*[.)])\s*\S",
    re.IGNORECASE,
)
_SCAN_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "remedy_earlier",
        re.compile(
            r"(?:kết\s+quả\s+)?(?:khắc\s+phục|sửa\s+chữa)\b.{0,80}?(?:kỳ\s+trước|năm\s+trước|đã\s+(?:được\s+)?(?:chỉ\s+ra|kết\s+luận|nêu))|kết\s+quả\s+(?:khắc\s+phục|sửa\s+chữa)",
            re.IGNORECASE,
        ),
    ),
    (
        "plan",
        re.compile(
            r"phương\s+hướng|biện\s+pháp|giải\s+pháp|hướng\s+(?:khắc\s+phục|sửa\s+chữa|phấn\s+đấu)|kế\s+hoạch\s+(?:khắc\s+phục|sửa\s+chữa)|"
            r"(?:khắc\s+phục|sửa\s+chữa)\s+(?:tồn\s+tại|khuyết\s+điểm|hạn\s+chế)|việc\s+cần\s+làm",
            re.IGNORECASE,
        ),
    ),
    ("causes", re.compile(r"^(?:nguyên\s+nhân|lý\s+do)", re.IGNORECASE)),
    (
        "weaknesses",
        re.compile(
            r"hạn\s+chế|khuyết\s+điểm|tồn\s+tại|mặt\s+(?:còn\s+)?yếu|yếu\s+kém|thiếu\s+sót", re.IGNORECASE
        ),
    ),
)


def _heading_like(line: str) -> bool:
    s = line.strip().rstrip(":")
    if not 6 <= len(s) <= 140 or s.endswith((".", ";", ",")):
        return False
    letters = [c for c in s if c.isalpha()]
    caps = bool(letters) and all(c.isupper() for c in letters)
    return caps or bool(_HEADING_NUM.match(s) and len(s) <= 110 and not re.search(r"\d{2,}", s[3:]))


def scan_sections(text: str) -> list[tuple[str, int, int]]:
    """Blocks under heading-shaped lines (capitals, Roman numerals, "PHẦN …"), labelled by the
    first topic their heading names (``other`` when none): plan, weaknesses, causes,
    remedy_earlier. A fallback for headings the segmenter does not know ("HƯỚNG SỬA CHỮA TRONG
    NĂM TỚI", "NHỮNG MẶT CÒN YẾU")."""
    heads: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if _heading_like(line):
            phrase = re.sub(
                r"^\s*(?:phần\s+(?:thứ\s+\w+|[IVX]{1,4})\s*[.:/\-)]?|[IVX]{1,4}\s*[.:/\-)]|[A-D]\s*[./)]|\d{1,2}\s*[.)])\s*(?:phần\s+thứ\s+\w+\s*:\s*)?",
                "",
                line,
                flags=re.IGNORECASE,
            )
            label = next(
                (name for name, rx in _SCAN_TOPICS if rx.search(phrase[:80] if name != "causes" else phrase)),
                "other",
            )
            heads.append((pos, label))
        pos += len(line) + 1
    out = []
    for k, (start, label) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(text)
        out.append((label, start, end))
    return out
