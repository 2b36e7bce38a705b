"""Read one submitted report into plain text: .docx (its XML, tables included), .txt, .md.

Every failure is an :class:`IngestError` whose message is the plain-words reason written to
errors.csv; the batch goes on. Text is returned as read (legacy fonts converted), not yet
normalised: :func:`pipeline.text.normalize.normalize` does that next.

Layout of .docx text: one line per paragraph in document order; a table is flattened cell by
cell, one cell per line (row-major, merged cells once), so a heading typed in a table cell stands
on its own line like any other heading.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.ingest.encodings import DecodeError, decode_bytes
from pipeline.ingest.legacy import best_decoding, convert, legacy_font_kind, looks_legacy

SUPPORTED_SUFFIXES = (".docx", ".txt", ".md")
#: Largest file accepted (bytes). A self-review is 10-200 kB; a 20 MB .docx is mostly pictures.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Limits on a .docx's zip content, against decompression bombs: declared total, ratio of a
#: part over 1 MB, decompressed size of one XML part (document.xml of a 300-page report is
#: about 10 MB), number of parts (Word writes 10-60).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_XML_PART_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRIES = 5000
#: Limits on the extracted text. Word segmentation of one 200,000-character line takes 2.9 s
#: and 485 MB (measured); the longest hand-labelled report (corpora/labelled/sections) has
#: 5,172 characters and lines of at most 851.
MAX_TEXT_CHARS = 1_000_000
MAX_LINE_CHARS = 50_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


class IngestError(Exception):
    """A report that cannot be read; the message is the reason shown in errors.csv."""


@dataclass
class RawDocument:
    """A report as read from disk."""

    path: Path
    text: str
    sha256: str
    source_format: str  # docx | txt | md
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)


def display_path(path: str | Path) -> str:
    """``path`` as text every output can hold: a file name that is not valid UTF-8 (a zip made
    on Windows, unpacked on Linux) keeps its odd bytes as ``\\xNN`` escapes instead of
    surrogates that no UTF-8 file can store."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def read_document(path: str | Path) -> RawDocument:
    """Read the report at ``path``. Raises :class:`IngestError` with a plain-words reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"file not found or not readable ({exc.strerror})") from exc
    if not path.is_file():
        raise IngestError("not a regular file (a folder, device or pipe)")
    if size == 0:
        raise IngestError("empty file")
    if size > MAX_FILE_BYTES:
        raise IngestError(
            f"file too large ({size / 2**20:.1f} MB; the limit is {MAX_FILE_BYTES / 2**20:.0f} MB)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror or type(exc).__name__})") from exc
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    sniffed = _sniff(data)
    if sniffed:
        raise IngestError(sniffed)
    if suffix == ".docx":
        text, warnings = _read_docx(path, data)
        doc = RawDocument(path, text, digest, "docx", "docx", warnings)
    elif suffix in (".txt", ".md"):
        if data[:4] == b"PK\x03\x04":
            raise IngestError("a Word (.docx) file named .txt; rename it to .docx")
        try:
            text, encoding = decode_bytes(data)
        except DecodeError as exc:
            raise IngestError(str(exc)) from exc
        warnings = [] if encoding in ("utf-8", "utf-8-sig") else [f"encoding: {encoding}"]
        if suffix == ".md":
            text = _strip_markdown(text)
        doc = RawDocument(path, text, digest, suffix[1:], encoding, warnings)
    elif suffix in (".doc", ".pdf", ".rtf", ".odt"):
        raise IngestError(f"unsupported format ({suffix}), save as .docx")
    else:
        raise IngestError(f"unsupported file type {suffix or '(no extension)'}; expected .docx, .txt or .md")
    if not doc.text.strip():
        if doc.source_format == "docx":
            raise IngestError("no text in the file (empty, or only pictures)")
        raise IngestError("no text in the file (only spaces and line breaks)")
    if len(doc.text) > MAX_TEXT_CHARS:
        raise IngestError(
            f"too much text ({len(doc.text):,} characters; the limit is {MAX_TEXT_CHARS:,}): not a single report"
        )
    longest = max(len(line) for line in doc.text.splitlines())
    if longest > MAX_LINE_CHARS:
        raise IngestError(
            f"a paragraph of {longest:,} characters without a line break (the limit is {MAX_LINE_CHARS:,})"
        )
    return doc


def _sniff(data: bytes) -> str | None:
    """Reason for refusing a file by its first bytes, whatever its name says."""
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_MARK in data:  # the stream's name in the OLE directory, wherever it lies
            return "password-protected (encrypted) Office file; save it without a password"
        return "old binary Word (.doc) format, unsupported: save as .docx"
    if data.startswith(b"%PDF"):
        return "PDF, unsupported format: save as .docx"
    if data.startswith(b"{\\rtf"):
        return "RTF, unsupported format: save as .docx"
    return None


# --- .docx ------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


#: Parts python-docx stores as opaque blobs (pictures, fonts, embedded objects): never
#: decompressed, replaced by empty blobs in the copy handed to python-docx.
_BLOB_SUFFIXES = (
    ".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf",
    ".wdp", ".hdp", ".jxr", ".svg", ".ico", ".pict", ".bin", ".odttf", ".ttf", ".otf", ".fntdata",
    ".xlsx", ".xlsm", ".xls", ".docx", ".docm", ".doc", ".pptx", ".ppt", ".vsdx", ".pdf",
    ".mp3", ".mp4", ".wav", ".avi", ".wmv", ".mov",
)  # fmt: skip
#: A DTD in any encoding an XML part may use. Word never writes one; with it come entity
#: expansion ("billion laughs") and external entities.
_DTD_MARKS = tuple(
    mark.encode(codec)
    for mark in ("<!DOCTYPE", "<!doctype", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
_READ_CHUNK = 1 << 20


def _checked_parts(data: bytes) -> list[tuple[str, bytes]]:
    """Unpack a .docx within bounded memory and time: its parts' names and bytes, in zip order.

    Sizes come from the zip headers first (total, ratio, per XML part, number of parts), then
    every XML part is decompressed in 1 MB steps, never past its declared size, and checked
    against its CRC: a part whose headers lie about its size cannot expand further, because
    nothing downstream ever sees more than the bytes read here. Picture and font parts are not
    decompressed at all (empty bytes). XML parts with a DTD are refused.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise IngestError("corrupt or truncated .docx (not a valid zip file)") from exc
    if len(infos) > MAX_ZIP_ENTRIES:
        raise IngestError(f"rejected: the .docx holds {len(infos):,} parts (Word writes fewer than 100)")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED_BYTES:
        raise IngestError(f"rejected: unpacks to {total / 2**20:.0f} MB (possible zip bomb)")
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise IngestError("not a Word document (no word/document.xml inside the .docx)")
    parts: list[tuple[str, bytes]] = []
    for info in infos:
        if info.flag_bits & 0x1:
            raise IngestError("password-protected (encrypted) zip content")
        if info.compress_size and info.file_size > 1_000_000:
            if info.file_size / info.compress_size > MAX_COMPRESSION_RATIO:
                raise IngestError(
                    f"rejected: {info.filename} is compressed {info.file_size // info.compress_size}:1 (possible zip bomb)"
                )
        if info.is_dir():
            continue
        if info.filename.lower().endswith(_BLOB_SUFFIXES):
            parts.append((info.filename, b""))
            continue
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise IngestError(
                f"rejected: {info.filename} uses a compression method Word never writes "
                f"(zip method {info.compress_type}); open and save the file again in Word"
            )
        if info.file_size > MAX_XML_PART_BYTES:
            raise IngestError(
                f"rejected: {info.filename} unpacks to {info.file_size / 2**20:.0f} MB "
                f"(the limit is {MAX_XML_PART_BYTES / 2**20:.0f} MB)"
            )
        content = _read_member(zf, info)
        if _declares_dtd(content):
            raise IngestError(
                f"rejected: {info.filename} declares a DTD (<!DOCTYPE>/<!ENTITY>), which Word never "
                "writes (possible entity-expansion or external-entity attack)"
            )
        parts.append((info.filename, content))
    return parts


def _safe_package(parts: list[tuple[str, bytes]]) -> io.BytesIO:
    """A clean copy of the checked parts for python-docx (stored uncompressed)."""
    clean = io.BytesIO()
    with zipfile.ZipFile(clean, "w", zipfile.ZIP_STORED) as out:
        for name, content in parts:
            out.writestr(name, content)
    clean.seek(0)
    return clean


def _declares_dtd(content: bytes) -> bool:
    """True if an XML part holds one of :data:`_DTD_MARKS`.

    Every mark contains the byte ``!`` (in UTF-8 and both UTF-16 orders), which most parts do
    not: one byte scan settles them, and only the rest pay for the nine substring searches
    (6 ms -> 0.1 ms per report, measured on generated .docx).
    """
    return b"!" in content and any(mark in content for mark in _DTD_MARKS)


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A part's bytes, decompressed in bounded steps up to its declared size, CRC-checked."""
    chunks: list[bytes] = []
    got = 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_READ_CHUNK)  # zipfile stops at the declared size, then checks the CRC
                if not chunk:
                    break
                got += len(chunk)
                if got > info.file_size:  # cannot happen with zipfile's own bound; belt and braces
                    raise IngestError(f"rejected: {info.filename} unpacks past its declared size")
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise IngestError(f"corrupt .docx (damaged compressed data in {info.filename})") from exc
    if got != info.file_size:
        raise IngestError(f"corrupt or truncated .docx ({info.filename} is shorter than declared)")
    return b"".join(chunks)


def _read_docx(path: Path, data: bytes) -> tuple[str, list[str]]:
    """Text and warnings of a .docx: read straight from its XML parts when the package is
    ordinary (:func:`_direct_parts`), through python-docx otherwise (same text; python-docx
    then also names what is wrong with an odd package)."""
    if not data.startswith(b"PK"):
        raise IngestError("corrupt .docx (not a Word file; perhaps renamed)")
    parts = _checked_parts(data)
    direct = _direct_parts(parts)
    if direct is not None:
        body, styles = direct
        reader = _DocxText(styles)
        try:
            lines = reader.block_lines(body)
        except Exception as exc:
            raise IngestError(f"corrupt .docx content ({type(exc).__name__})") from exc
        return "\n".join(lines), reader.warnings
    import docx  # python-docx; imported here so that .txt-only runs do not pay for it
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(_safe_package(parts))
    except PackageNotFoundError as exc:
        raise IngestError("corrupt .docx (Word package not found)") from exc
    except KeyError as exc:
        raise IngestError(f"corrupt .docx (missing part {exc})") from exc
    except XMLSyntaxError as exc:
        raise IngestError(f"corrupt .docx (damaged XML inside: {_xml_reason(exc)})") from exc
    except Exception as exc:  # AttributeError on broken parts, ...
        raise IngestError(f"corrupt .docx ({type(exc).__name__}: {str(exc)[:120]})") from exc
    try:
        styles_el = document.styles.element
    except Exception:
        styles_el = None
    reader = _DocxText(styles_el)
    try:
        lines = reader.block_lines(document.element.body)
    except Exception as exc:
        raise IngestError(f"corrupt .docx content ({type(exc).__name__})") from exc
    return "\n".join(lines), reader.warnings


_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_STYLES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"


def _direct_parts(parts: list[tuple[str, bytes]]) -> tuple[object, object] | None:
    """The body element of the main document and the styles element, parsed straight from the
    checked parts, or None when the package is anything but ordinary.

    python-docx (the other path) walks the relationship graph from the package root, looks up
    every part it reaches in ``[Content_Types].xml`` and parses the parts it models as XML
    (document, styles, numbering, settings, headers, footers, comments, core properties), then
    re-reads all of it into objects; the text needs only the document and its styles. Here the
    same walk is made on the relationship files alone, the same XML parts are parsed with
    python-docx's own parser (so a damaged one fails the same way), and anything python-docx
    would stop on or treat specially (a missing part or content type, a main part that is not a
    Word document, no styles part, several of either) returns None: then python-docx reads the
    package and reports the problem as before. Output is the same text: 6 -> 3 ms per generated
    report (benchmarks/RESULTS.md).
    """
    import posixpath

    from docx.oxml.parser import oxml_parser
    from lxml import etree

    blobs = dict(parts)
    try:
        types = etree.fromstring(blobs["[Content_Types].xml"], oxml_parser)
    except Exception:
        return None
    overrides = {
        str(o.get("PartName", "")).lower(): o.get("ContentType") for o in types.iterchildren(_CT + "Override")
    }
    defaults = {
        str(d.get("Extension", "")).lower(): d.get("ContentType") for d in types.iterchildren(_CT + "Default")
    }
    # the relationship walk: partname -> (content type, its relationships as (type, partname))
    reached: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    root_rels = _rels_of("/", blobs)
    if root_rels is None:
        return None
    stack = [t for _, t in reversed(root_rels)]
    while stack:
        partname = stack.pop()
        if partname in reached:
            continue
        member = partname[1:]
        if member not in blobs:
            return None
        ext = posixpath.splitext(partname)[1][1:].lower()
        ctype = overrides.get(partname.lower()) or defaults.get(ext)
        rels = _rels_of(partname, blobs)
        if ctype is None or rels is None:
            return None
        reached[partname] = (ctype, rels)
        stack.extend(t for _, t in reversed(rels))
    mains = [t for rt, t in root_rels if rt == _RT + "officeDocument"]
    if len(mains) != 1 or reached[mains[0]][0] != _MAIN_CT:
        return None
    styles = [t for rt, t in reached[mains[0]][1] if rt == _RT + "styles"]
    if len(styles) != 1 or reached[styles[0]][0] != _STYLES_CT:
        return None
    parsed: dict[str, object] = {}
    for partname, (ctype, _) in reached.items():
        if ctype in _xml_part_types():
            try:
                parsed[partname] = etree.fromstring(blobs[partname[1:]], oxml_parser)
            except Exception:
                return None
    body = parsed[mains[0]].find(_W + "body")  # type: ignore[attr-defined]
    if body is None:
        return None
    return body, parsed[styles[0]]


def _rels_of(partname: str, blobs: dict[str, bytes]) -> list[tuple[str, str]] | None:
    """Internal relationships of a part as (type, target partname); [] without a rels file,
    None when the rels file cannot be read (python-docx decides then)."""
    import posixpath

    from docx.oxml.parser import oxml_parser
    from lxml import etree

    base, name = posixpath.split(partname)
    member = posixpath.join(base, "_rels", name + ".rels").lstrip("/") if name else "_rels/.rels"
    if member not in blobs:
        return []
    try:
        root = etree.fromstring(blobs[member], oxml_parser)
    except Exception:
        return None
    out: list[tuple[str, str]] = []
    for rel in root.iterchildren(_REL + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target")
        if not target:
            return None
        out.append((str(rel.get("Type")), posixpath.abspath(posixpath.join(base or "/", target))))
    return out


@functools.cache
def _xml_part_types() -> frozenset[str]:
    """Content types python-docx parses as XML when it opens a package."""
    import docx  # noqa: F401  (registers the part classes)
    from docx.opc.part import PartFactory, XmlPart

    return frozenset(ct for ct, cls in PartFactory.part_type_for.items() if issubclass(cls, XmlPart))


def _xml_reason(exc: Exception) -> str:
    """lxml's message without its parser jargon ("(<string>, line 1)", "use XML_PARSE_HUGE")."""
    msg = str(getattr(exc, "msg", "") or exc)
    msg = re.sub(r"\s*\(<string>, line \d+\)|, use XML_PARSE_HUGE option", "", msg)
    msg = msg.replace("Excessive depth in document", "elements nested too deeply")
    return msg[:120]


class _DocxText:
    """Walks a document body in order; converts legacy-font runs."""

    def __init__(self, styles_el: object) -> None:
        self.warnings: list[str] = []
        self._legacy_seen: set[str] = set()
        self._style_fonts = _style_fonts(styles_el)

    def block_lines(self, container: object) -> list[str]:
        lines: list[str] = []
        for child in container.iterchildren():  # type: ignore[attr-defined]
            if child.tag == _W + "p":
                lines.append(self.paragraph_text(child))
            elif child.tag == _W + "tbl":
                lines.extend(self.table_lines(child))
            elif child.tag == _W + "sdt":  # content controls wrap paragraphs in some templates
                content = child.find(_W + "sdtContent")
                if content is not None:
                    lines.extend(self.block_lines(content))
        return lines

    def table_lines(self, tbl: object) -> list[str]:
        lines: list[str] = []
        for tr in tbl.iterchildren(_W + "tr"):  # type: ignore[attr-defined]
            for tc in tr.iterchildren(_W + "tc"):
                props = tc.find(_W + "tcPr")
                if props is not None:
                    vmerge = props.find(_W + "vMerge")
                    if vmerge is not None and vmerge.get(_W + "val") in (None, "continue"):
                        continue  # continuation of a vertically merged cell: text is above
                lines.extend(line for line in self.block_lines(tc) if line.strip())
        return lines

    def paragraph_text(self, p: object) -> str:
        style_font = None
        ppr = p.find(_W + "pPr")  # type: ignore[attr-defined]
        if ppr is not None:
            pstyle = ppr.find(_W + "pStyle")
            if pstyle is not None:
                style_font = self._style_fonts.get(pstyle.get(_W + "val"))
        default_font = self._style_fonts.get(None)
        parts: list[str] = []
        for r in p.iter(_W + "r"):  # type: ignore[attr-defined]
            text = "".join(
                _RUN_CHILD_TEXT.get(t.tag, "") if t.tag != _W + "t" else (t.text or "")
                for t in r.iterchildren()
            )  # w:delText (tracked deletions) is skipped
            if not text:
                continue
            font = _run_font(r) or style_font or default_font
            kind = legacy_font_kind(font)
            if kind:
                self._note_legacy(kind, font)
                text = convert(text, kind)
            parts.append(text)
        line = "".join(parts)
        if looks_legacy(line):
            converted, kind, _ = best_decoding(line)
            if kind:
                self._note_legacy(kind, "character statistics")
                line = converted
        return line

    def _note_legacy(self, kind: str, source: str | None) -> None:
        key = kind.rstrip("h")
        if key not in self._legacy_seen:
            self._legacy_seen.add(key)
            self.warnings.append(f"legacy {key.upper()} text converted to Unicode (by {source})")


_RUN_CHILD_TEXT = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def _run_font(r: object) -> str | None:
    rpr = r.find(_W + "rPr")  # type: ignore[attr-defined]
    if rpr is None:
        return None
    fonts = rpr.find(_W + "rFonts")
    if fonts is None:
        return None
    return fonts.get(_W + "hAnsi") or fonts.get(_W + "ascii")


def _style_fonts(styles_el: object) -> dict[str | None, str | None]:
    """Font of each paragraph style id, and of the document default under key None, from the
    styles part's root element (None: no fonts)."""
    out: dict[str | None, str | None] = {}
    if styles_el is None:
        return out
    defaults = styles_el.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}rFonts")
    if defaults is not None:
        out[None] = defaults.get(_W + "hAnsi") or defaults.get(_W + "ascii")
    for style in styles_el.iterchildren(_W + "style"):
        fonts = style.find(f"{_W}rPr/{_W}rFonts")
        if fonts is not None:
            out[style.get(_W + "styleId")] = fonts.get(_W + "hAnsi") or fonts.get(_W + "ascii")
    normal = out.get("Normal")
    if normal and out.get(None) is None:
        out[None] = normal
    return out


# --- .md --------------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"(?m)^#{1,6}\s*")
_MD_EMPH = re.compile(r"(\*\*|__)(.+?)\1")
_MD_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _strip_markdown(text: str) -> str:
    """Markdown to the plain layout of a .docx: headings and emphasis unmarked, table cells one per line."""
    out: list[str] = []
    for line in _MD_HEADING.sub("", text).splitlines():
        if _MD_TABLE_SEP.match(line):
            continue
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            out.extend(cell.strip() for cell in stripped[1:-1].split("|") if cell.strip())
            continue
        out.append(line)
    return _MD_EMPH.sub(r"\2", "\n".join(out))
