"""Writing reports (.txt or deterministic .docx) and the manifest / truth CSV files."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from pipeline import schema
from pipeline.corpus.doc import Doc

MANIFEST_COLUMNS = ("path", "member_id", "unit", "year", "kind", "role", "doc_id")
TRUTH_COLUMNS = (
    ("doc_id",) + schema.FINDINGS + ("copied_peer_of", "unremedied_weaknesses", "sector", "form_version",
                                     "self_rating", "variant")
    # extensions
    + ("kind", "role", "year", "peer_source_of", "template_ids", "words")
)
SPAN_COLUMNS = ("doc_id", "source_doc_id", "source_kind", "start", "end", "source_start", "source_end",
                "obfuscation", "scope")
SECTION_COLUMNS = ("doc_id", "label", "start", "end")
PLAN_COLUMNS = ("doc_id", "start", "end", "label", "has_measure", "has_deadline", "has_target", "topic",
                "answers_weakness")
WEAKNESS_COLUMNS = ("doc_id", "id", "start", "end", "label", "topic", "remedied", "addressed_by")
RESPONSIBILITY_COLUMNS = ("doc_id", "start", "end", "topic", "collective_weakness_id")


class CsvSink:
    """One CSV file written row by row."""

    def __init__(self, path: Path, columns: tuple[str, ...]) -> None:
        self.fh = path.open("w", encoding="utf-8", newline="")
        self.columns = columns
        self.writer = csv.writer(self.fh, lineterminator="\n")
        self.writer.writerow(columns)

    def write(self, rows: list[dict[str, Any]]) -> None:
        cols = self.columns
        self.writer.writerows([[row.get(c, "") for c in cols] for row in rows])

    def close(self) -> None:
        self.fh.close()


def write_txt(path: Path, text: str) -> None:
    with open(path, "wb") as fh:
        fh.write(text.encode("utf-8"))


# --- .docx ----------------------------------------------------------------------------------------

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_DYNAMIC = ("word/document.xml", "docProps/core.xml")
_STATE: dict[str, Any] = {}
_CORE = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title/><dc:creator/><cp:lastModifiedBy/><cp:revision>1</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>'
)


def _zip_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def _template() -> Any:
    """One python-docx Document reused for every report (its body is cleared each time), and the
    template's static parts zipped once with fixed timestamps."""
    if not _STATE:
        import docx  # python-docx

        d = docx.Document()
        buf = io.BytesIO()
        d.save(buf)
        src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
        static = io.BytesIO()
        with zipfile.ZipFile(static, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in src.namelist():
                if name not in _DYNAMIC:
                    zf.writestr(_zip_entry(name), src.read(name))
        _STATE["doc"] = d
        _STATE["static"] = static.getvalue()
    d = _STATE["doc"]
    body = d.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    return d


def docx_bytes(doc: Doc) -> bytes:
    """The report as a .docx whose text (one line per paragraph, table cells one per line,
    row-major: the convention of ``pipeline.ingest.readers``) is exactly the rendered text.

    Walks the sections the way :func:`pipeline.corpus.doc.render` does. Deterministic: fixed
    core-property dates and zip timestamps, entries in a fixed order.
    """
    d = _template()
    t0 = int(doc.meta.get("header_table_start", 0))
    started = False
    for sec in doc.sections:
        paras = [p for p in sec.body.paras if p.sents]
        if sec.heading is None and not paras:
            continue
        if started and sec.blank_before:
            d.add_paragraph("")
        started = True
        if sec.role == "header":
            texts = [_text(p) for p in paras]
            hl, hr = doc.header_left, doc.header_right
            if hl and hr:
                for t in texts[:t0]:
                    _para(d, t, center=True)
                tbl = d.add_table(rows=1, cols=2)
                _fill_cell(tbl.rows[0].cells[0], texts[t0 : t0 + hl], bold=True)
                _fill_cell(tbl.rows[0].cells[1], texts[t0 + hl : t0 + hl + hr], bold=True)
                rest = texts[t0 + hl + hr :]
            else:
                rest = texts
            for t in rest:
                _para(d, t, center=t.isupper() or t.startswith("("))
            continue
        rest_paras = paras
        if sec.heading is not None:
            if sec.inline and paras:
                p = d.add_paragraph()
                p.add_run(sec.heading).bold = True
                p.add_run(" " + _text(paras[0], inline=True))
                rest_paras = paras[1:]
            elif sec.heading_table:
                _fill_cell(d.add_table(rows=1, cols=1).rows[0].cells[0], [sec.heading], bold=True)
            else:
                d.add_paragraph().add_run(sec.heading).bold = True
        k = 0
        while k < len(rest_paras):
            if rest_paras[k].cells:
                rows = []
                while k < len(rest_paras) and rest_paras[k].cells:
                    rows.append(rest_paras[k])
                    k += 1
                tbl = d.add_table(rows=len(rows), cols=max(len(x.sents) for x in rows))
                tbl.style = "Table Grid"
                for ri, row in enumerate(rows):
                    for ci, s in enumerate(row.sents):
                        _fill_cell(tbl.rows[ri].cells[ci], [s.text], bold=ri == 0)
                continue
            t = _text(rest_paras[k])
            _para(d, t, center=sec.role == "footer" and t.isupper())
            k += 1
    stamp = f"{int(doc.meta.get('year', 2024))}-12-01T08:00:00Z"
    buf = io.BytesIO(_STATE["static"])
    buf.seek(0, io.SEEK_END)
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(_zip_entry("word/document.xml"), d.part.blob)
        zf.writestr(_zip_entry("docProps/core.xml"), _CORE.format(stamp=stamp).encode("utf-8"))
    return buf.getvalue()


def _text(p: Any, inline: bool = False) -> str:
    return ("" if inline else p.bullet) + " ".join(s.text for s in p.sents)


def _para(d: Any, text: str, center: bool = False) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = d.add_paragraph(text)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def _fill_cell(cell: Any, texts: list[str], bold: bool = False) -> None:
    first = cell.paragraphs[0]
    for i, t in enumerate(texts):
        p = first if i == 0 else cell.add_paragraph()
        run = p.add_run(t)
        run.bold = bold
