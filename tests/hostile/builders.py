"""Builders of good and hostile submissions, byte by byte, for the reliability tests.

Good reports are assembled from the hand-written labelled sentences (corpora/labelled) under a
2023-form header with a distinct name and date of birth, so each one is screened and linked to
its own member. Hostile files are built here rather than stored, so every byte of them is
explained: corrupt and truncated .docx, zip bombs (honest and lying headers, bzip2), encrypted
Office files (an OLE compound file with an ``EncryptedPackage`` stream), old binary .doc,
image-only PDF and .docx, empty and whitespace-only files, binary junk named .txt, oversized files,
non-Vietnamese text, text without diacritics, and .docx whose XML carries a DTD with entity
expansion or external entities.

:func:`hostile_set` writes one of each and returns what the screen must say about it.
"""

from __future__ import annotations

import functools
import io
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# --- good reports -----------------------------------------------------------------------------

_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương")
_MIDDLES = ("Văn", "Thị", "Đức", "Minh", "Thanh", "Quang", "Ngọc", "Hữu", "Xuân", "Thu")
_GIVENS = (
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo",
    "Thắng", "Trang", "Trung", "Tuấn", "Vân", "Yến",
)  # fmt: skip
_UNITS = (
    "Chi bộ Trường Tiểu học Tân Lập",
    "Chi bộ Trạm Y tế xã Hòa Phú",
    "Chi bộ Phòng Tài chính - Kế hoạch",
    "Chi bộ Khu dân cư số 3",
)

#: Sections of a 2023-form individual report: (heading, labelled-sentence dimension).
_SECTIONS = (
    ("I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC", None),
    ("1. Về tư tưởng chính trị:", "ideology"),
    ("2. Về phẩm chất đạo đức, lối sống:", "ethics_lifestyle"),
    ("3. Về ý thức tổ chức kỷ luật:", "discipline"),
    ("4. Về tác phong, lề lối làm việc:", "working_style"),
    ("5. Về thực hiện chức trách, nhiệm vụ được giao:", "duties_results"),
    ("II. NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN", None),
    ("1. Hạn chế, khuyết điểm:", "weakness"),
    ("2. Nguyên nhân:", "cause"),
    ("III. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC", "plan"),
)

_SENTENCES: dict[str, list[str]] | None = None


def _sentences() -> dict[str, list[str]]:
    global _SENTENCES
    if _SENTENCES is None:
        from pipeline.labelled import load_sentences

        df = load_sentences()
        _SENTENCES = {dim: sorted(g["text"]) for dim, g in df.groupby("dimension")}
    return _SENTENCES


def person(i: int) -> tuple[str, str]:
    """A distinct (name, date of birth dd/mm/yyyy) for index ``i`` (unique for i < 3600)."""
    name = " ".join(
        (
            _SURNAMES[i % len(_SURNAMES)],
            _MIDDLES[(i // len(_SURNAMES)) % len(_MIDDLES)],
            _GIVENS[(i // (len(_SURNAMES) * len(_MIDDLES))) % len(_GIVENS)],
        )
    )
    dob = f"{1 + i % 28:02d}/{1 + (i * 7) % 12:02d}/{1960 + (i * 13) % 40}"
    return name, dob


def good_report(i: int, year: int = 2024, seed: int = 0, name: str | None = None) -> str:
    """A plausible individual report for person ``i`` (2023 form), varied by ``seed``."""
    rng = random.Random(f"{seed}-{i}-{year}")
    pname, dob = person(i)
    name = name or pname
    unit = _UNITS[i % len(_UNITS)]
    pool = _sentences()
    lines = [
        "ĐẢNG BỘ XÃ TÂN LẬP",
        unit.upper(),
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        f"Tân Lập, ngày 15 tháng 12 năm {year}",
        "BẢN KIỂM ĐIỂM CÁ NHÂN",
        f"Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {year}",
        f"Họ và tên: {name}",
        f"Ngày sinh: {dob}",
        "Chức vụ Đảng: Đảng viên",
        f"Chi bộ: {unit}",
    ]
    for heading, dim in _SECTIONS:
        lines.append(heading)
        if dim is not None:
            lines.extend(rng.sample(pool[dim], k=min(3, len(pool[dim]))))
    lines.append("IV. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG")
    lines.append(rng.choice(["Hoàn thành tốt nhiệm vụ.", "Hoàn thành xuất sắc nhiệm vụ."]))
    lines.append("NGƯỜI TỰ KIỂM ĐIỂM")
    lines.append(name)
    return "\n".join(lines) + "\n"


# --- .docx ------------------------------------------------------------------------------------


def docx_bytes(text: str) -> bytes:
    """A real .docx (python-docx's default template), one paragraph per line of ``text``."""
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def document_xml(body_xml: str, prolog: str = "") -> bytes:
    """A word/document.xml with ``body_xml`` inside ``<w:body>``; ``prolog`` goes before the root."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + prolog
        + f'<w:document xmlns:w="{W_NS}"><w:body>{body_xml}</w:body></w:document>'
    ).encode("utf-8")


def paragraphs_xml(lines: list[str]) -> str:
    from xml.sax.saxutils import escape

    return "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in lines)


def replace_parts(
    docx: bytes, parts: dict[str, bytes | None], compression: int = zipfile.ZIP_DEFLATED
) -> bytes:
    """``docx`` with the named parts replaced (or removed when None, or added when new)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as out:
        for info in src.infolist():
            if info.filename in parts:
                continue
            out.writestr(info, src.read(info.filename))
        for name, data in parts.items():
            if data is not None:
                out.writestr(name, data)
    return buf.getvalue()


def truncated_docx(good: bytes, keep: float = 0.6) -> bytes:
    """The first ``keep`` share of a good .docx (an interrupted upload)."""
    return good[: int(len(good) * keep)]


def corrupt_docx(good: bytes, seed: int = 1) -> bytes:
    """A good .docx with 2 kB of its middle overwritten by random bytes (a damaged disk or mail)."""
    rng = random.Random(seed)
    data = bytearray(good)
    mid = len(data) // 2
    data[mid : mid + 2048] = rng.randbytes(2048)
    return bytes(data)


def zip_without_document() -> bytes:
    """A valid zip named .docx that holds no Word document."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("hello.txt", "not a Word file")
    return buf.getvalue()


@functools.lru_cache(maxsize=4)
def _deflated_repeat(block: bytes, count: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``block`` repeated ``count`` times, and its CRC-32.

    The block is compressed once and ended with a full flush (byte-aligned, history reset),
    so repeating it is valid deflate: 1 GiB of zeros costs milliseconds to build, about 1 MB.
    """
    stream = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = stream.compress(block) + stream.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    return chunk * count + final, crc


def _deflated_zeros(unpacked: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``unpacked`` zero bytes (a multiple of 1 MiB) and its CRC-32."""
    mib = 1 << 20
    assert unpacked % mib == 0
    return _deflated_repeat(bytes(mib), unpacked // mib)


def _sparse_block(seed: int = 6) -> bytes:
    """1 MiB that deflates about 90:1: 100 random bytes every 10,000 zeros."""
    rng = random.Random(seed)
    unit = 10_100
    block = bytearray(1 << 20)
    for at in range(0, len(block) - 100, unit):
        block[at : at + 100] = rng.randbytes(100)
    return bytes(block)


def raw_zip(members: list[tuple[str, int, bytes, int, int]]) -> bytes:
    """A zip written by hand: members are (name, method, stored bytes, crc, declared size).

    Nothing is checked, so headers can lie about sizes the way an attacker's would.
    """
    out = bytearray()
    central = bytearray()
    for name, method, data, crc, size in members:
        raw_name = name.encode()
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x5821, crc, len(data), size, len(raw_name), 0
        )
        out += raw_name + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x5821, crc, len(data), size,
            len(raw_name), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        central += raw_name
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), cd_offset, 0)
    return bytes(out)


def zip_bomb_docx(
    path: Path, unpacked: int = 1 << 30, *, lie_size: int | None = None, sparse: bool = False
) -> Path:
    """A .docx whose word/document.xml is ``unpacked`` bytes (a multiple of 1 MiB) deflated.

    Zeros by default (about 1000:1); ``sparse``: 100 random bytes every 10,000 zeros (about
    90:1, under the ratio limit, so only the size of the part can give it away). With
    ``lie_size``, the headers declare ``lie_size`` bytes instead (and the CRC of that many
    zeros), so checks that trust the headers see a small part while the deflate stream still
    expands to ``unpacked`` bytes.
    """
    base = zipfile.ZipFile(io.BytesIO(docx_bytes("x")))
    members = []
    for info in base.infolist():
        if info.filename != "word/document.xml":
            data = base.read(info.filename)
            members.append((info.filename, zipfile.ZIP_STORED, data, zlib.crc32(data), len(data)))
    mib = 1 << 20
    assert unpacked % mib == 0
    block = _sparse_block() if sparse else bytes(mib)
    stream, crc = _deflated_repeat(block, unpacked // mib)
    size = unpacked
    if lie_size is not None:
        size, crc = lie_size, zlib.crc32(bytes(lie_size))
    members.append(("word/document.xml", zipfile.ZIP_DEFLATED, stream, crc, size))
    path.write_bytes(raw_zip(members))
    return path


def bzip2_docx(text: str) -> bytes:
    """A .docx whose parts are bzip2-compressed (zip method 12): Word never writes this."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes(text)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_BZIP2) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info.filename))
    return buf.getvalue()


def many_parts_docx(n: int = 20_000) -> bytes:
    """A .docx padded with ``n`` tiny extra parts (slows a naive reader down)."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes("x")))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info.filename))
        for k in range(n):
            out.writestr(f"customXml/pad{k}.dat", b"")
    return buf.getvalue()


# --- XML attacks ------------------------------------------------------------------------------


def billion_laughs_prolog(root: str = "w:document", levels: int = 9) -> str:
    """A DTD whose entity ``&lol9;`` expands to 10**9 "lol"s if a parser resolves entities."""
    ents = ['<!ENTITY lol0 "lol">']
    for k in range(1, levels + 1):
        ents.append(f'<!ENTITY lol{k} "{f"&lol{k - 1};" * 10}">')
    return f"<!DOCTYPE {root} [\n" + "\n".join(ents) + "\n]>\n"


def external_entity_prolog(target: str, root: str = "w:document") -> str:
    """A DTD declaring ``&xxe;`` as the contents of ``target`` (a file: or http: URL)."""
    return f'<!DOCTYPE {root} [\n<!ENTITY xxe SYSTEM "{target}">\n]>\n'


def external_dtd_prolog(url: str, root: str = "w:document") -> str:
    """A DOCTYPE loading an external DTD and a parameter entity from ``url``."""
    return f'<!DOCTYPE {root} SYSTEM "{url}" [\n<!ENTITY % remote SYSTEM "{url}">\n%remote;\n]>\n'


def xml_attack_docx(prolog: str, body_text: str, part: str = "word/document.xml") -> bytes:
    """A .docx whose ``part`` starts with ``prolog`` (a DTD); ``body_text`` may use its entities.

    For word/document.xml the body holds a Vietnamese paragraph plus ``body_text`` (unescaped,
    so entity references stay references). For another part, the DTD is inserted after the
    XML declaration of that part as python-docx's template has it.
    """
    base = docx_bytes(good_report(0))
    if part == "word/document.xml":
        lines = good_report(0).split("\n")
        xml = document_xml(paragraphs_xml(lines) + f"<w:p><w:r><w:t>{body_text}</w:t></w:r></w:p>", prolog)
        return replace_parts(base, {part: xml})
    original = zipfile.ZipFile(io.BytesIO(base)).read(part).decode("utf-8")
    decl_end = original.index("?>") + 2 if original.startswith("<?xml") else 0
    root_start = original.index("<", decl_end)
    root_name = original[root_start + 1 :].split()[0].rstrip(">")
    fixed_prolog = prolog.replace("w:document", root_name, 1)
    return replace_parts(
        base, {part: (original[:decl_end] + "\n" + fixed_prolog + original[decl_end:]).encode()}
    )


def deep_nesting_docx(depth: int = 100_000) -> bytes:
    """A document.xml nested ``depth`` content controls deep (stack exhaustion in naive walkers)."""
    inner = "<w:p><w:r><w:t>Đảng viên</w:t></w:r></w:p>"
    xml = "<w:sdt><w:sdtContent>" * depth + inner + "</w:sdtContent></w:sdt>" * depth
    return replace_parts(docx_bytes("x"), {"word/document.xml": document_xml(xml)}, zipfile.ZIP_STORED)


def long_line_docx(chars: int) -> bytes:
    """One paragraph of ``chars`` characters of Vietnamese words and no full stop."""
    words = "cán bộ đảng viên thực hiện nhiệm vụ được giao "
    text = (words * (chars // len(words) + 1))[:chars]
    return replace_parts(docx_bytes("x"), {"word/document.xml": document_xml(paragraphs_xml([text]))})


# --- OLE compound files (encrypted Office, old .doc) --------------------------------------------

_FREESECT, _ENDOFCHAIN, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def ole_compound_file(streams: list[tuple[str, bytes]]) -> bytes:
    """A minimal Compound File Binary (v3, 512-byte sectors) holding ``streams``.

    Streams are padded to 4096 bytes so they live in regular sectors (no mini stream). The
    directory is a chain: the root's child is the first stream, each stream's right sibling the
    next (callers pass them in CFB name order: shorter names first).
    """
    streams = [(name, data + bytes(max(0, 4096 - len(data)))) for name, data in streams]
    sector = 512
    n_dir_entries = 1 + len(streams)
    dir_sectors = (n_dir_entries * 128 + sector - 1) // sector
    stream_sectors = [(len(d) + sector - 1) // sector for _, d in streams]
    total = 1 + dir_sectors + sum(stream_sectors)  # FAT sector first
    assert total <= sector // 4, "one FAT sector only"
    fat = [_FATSECT]
    fat += [k + 2 for k in range(dir_sectors - 1)] + [_ENDOFCHAIN]
    starts = []
    nxt = 1 + dir_sectors
    for count in stream_sectors:
        starts.append(nxt)
        fat += [nxt + k + 1 for k in range(count - 1)] + [_ENDOFCHAIN]
        nxt += count
    fat += [_FREESECT] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", _NOSTREAM, right, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size)
        )

    directory = entry("Root Entry", 5, 1 if streams else _NOSTREAM, _NOSTREAM, _ENDOFCHAIN, 0)
    for k, ((name, data), start) in enumerate(zip(streams, starts, strict=True)):
        right = k + 2 if k + 1 < len(streams) else _NOSTREAM
        directory += entry(name, 2, _NOSTREAM, right, start, len(data))
    directory = directory.ljust(dir_sectors * sector, b"\0")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _ENDOFCHAIN, 0, _ENDOFCHAIN, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", _FREESECT) * 108
    )
    assert len(header) == 512
    body = struct.pack(f"<{len(fat)}I", *fat) + directory + b"".join(d for _, d in streams)
    return header + body


def encrypted_office(seed: int = 2) -> bytes:
    """A password-protected .docx as Word writes it: OLE with EncryptionInfo + EncryptedPackage."""
    rng = random.Random(seed)
    info = struct.pack("<HHI", 4, 4, 0x40) + rng.randbytes(200)  # agile encryption header + XML-ish
    return ole_compound_file([("EncryptionInfo", info), ("EncryptedPackage", rng.randbytes(6000))])


def old_binary_doc(seed: int = 3) -> bytes:
    """A Word 97-2003 .doc: OLE with the WordDocument stream (FIB magic 0xA5EC) and 1Table."""
    rng = random.Random(seed)
    fib = struct.pack("<HH", 0xA5EC, 0x00C1) + rng.randbytes(1000)
    return ole_compound_file([("1Table", rng.randbytes(500)), ("WordDocument", fib)])


def png_bytes(width: int = 8, height: int = 8) -> bytes:
    """A valid grey PNG of ``width`` x ``height`` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes([128] * width) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def image_only_docx() -> bytes:
    """A .docx holding one picture and no text (a scanned report pasted into Word)."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    document.add_picture(io.BytesIO(png_bytes()), width=Cm(15))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


# --- PDF --------------------------------------------------------------------------------------


def image_only_pdf() -> bytes:
    """A one-page PDF that draws a 2x2 grey image and has no text (a scanned report)."""
    image = bytes([128] * 4)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
        None,  # content stream
        None,  # image
    ]
    content = b"q 500 0 0 700 48 71 cm /Im0 Do Q"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        if k == 4:
            body = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
        elif k == 5:
            body = (
                b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Length 4 >>\nstream\n" + image + b"\nendstream"
            )
        else:
            assert obj is not None
            body = obj
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# --- text -------------------------------------------------------------------------------------

ENGLISH_TEXT = (
    "Annual self-assessment report\n"
    "During the year I carried out the tasks assigned by the department, attended all meetings "
    "and completed the training courses on time. My weaknesses are a lack of initiative and "
    "limited foreign language skills. Next year I will improve my professional knowledge, "
    "study regularly and contribute more actively to the work of the team.\n"
)
CHINESE_TEXT = (
    "年度个人总结报告\n本人在过去一年中认真学习政治理论，积极完成各项工作任务，遵守纪律，团结同事。\n" * 3
)


def without_diacritics(text: str) -> str:
    """``text`` typed without Vietnamese diacritics (as from a phone without a Vietnamese keyboard)."""
    from pipeline.text.normalize import strip_accents

    return strip_accents(text)


# --- one of each ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hostile:
    """A built hostile input and what the screen must make of it."""

    name: str  # file name in the batch folder
    expect: str  # "error" (errors.csv row) or "warning" (screened, warning in documents.csv)
    reason: str  # substring the errors.csv reason or the warning must contain (lower case)


#: Every hostile input :func:`hostile_set` writes, and what the screen must say about it.
HOSTILE: tuple[Hostile, ...] = (
    Hostile("truncated.docx", "error", "corrupt or truncated"),
    Hostile("corrupt.docx", "error", "corrupt"),
    Hostile("no_document.docx", "error", "not a word document"),
    Hostile("not_a_zip.docx", "error", "corrupt"),
    Hostile("encrypted.docx", "error", "password-protected"),
    Hostile("old_binary.doc", "error", ".doc"),
    Hostile("old_binary_renamed.docx", "error", ".doc"),
    Hostile("scanned.pdf", "error", "pdf"),
    Hostile("scanned.docx", "error", "only pictures"),
    Hostile("empty.txt", "error", "empty"),
    Hostile("empty.docx", "error", "empty"),
    Hostile("whitespace.txt", "error", "no text"),
    Hostile("whitespace.docx", "error", "no text"),
    Hostile("junk.txt", "error", "binary"),
    Hostile("junk_high.txt", "error", "not valid utf-8"),
    Hostile("junk_nul.txt", "error", "binary"),
    Hostile("english.txt", "error", "not vietnamese"),
    Hostile("chinese.txt", "error", "not vietnamese"),
    Hostile("english.docx", "error", "not vietnamese"),
    Hostile("khong_dau.txt", "warning", "without vietnamese diacritics"),
    Hostile("bzip2.docx", "error", "compression method"),
    Hostile("many_parts.docx", "error", "parts"),
    Hostile("deep.docx", "error", "corrupt"),
    Hostile("long_line.docx", "error", "without a line break"),
    Hostile("billion_laughs.docx", "error", "dtd"),
    Hostile("xxe_file.docx", "error", "dtd"),
    Hostile("oversized.docx", "error", "too large"),
    Hostile("bomb.docx", "error", "zip bomb"),
    Hostile("bomb_lying.docx", "error", "corrupt"),
    Hostile("bomb_ratio.docx", "error", "possible zip bomb"),
    Hostile("bomb_part.docx", "error", "the limit is"),
)
BOMBS = ("bomb.docx", "bomb_lying.docx", "bomb_ratio.docx", "bomb_part.docx")


def _build(name: str, path: Path) -> None:
    """Write the hostile input called ``name`` at ``path``."""
    from pipeline.ingest.readers import MAX_FILE_BYTES, MAX_XML_PART_BYTES

    builders = {
        "truncated.docx": lambda: truncated_docx(docx_bytes(good_report(900))),
        "corrupt.docx": lambda: corrupt_docx(docx_bytes(good_report(900))),
        "no_document.docx": zip_without_document,
        "not_a_zip.docx": lambda: b"This is not a Word file at all.\n" * 20,
        "encrypted.docx": encrypted_office,
        "old_binary.doc": old_binary_doc,
        "old_binary_renamed.docx": old_binary_doc,
        "scanned.pdf": image_only_pdf,
        "scanned.docx": image_only_docx,
        "empty.txt": lambda: b"",
        "empty.docx": lambda: b"",
        "whitespace.txt": lambda: b"  \n\t\n   \r\n" * 10,
        "whitespace.docx": lambda: docx_bytes("   \n\n \t "),
        "junk.txt": lambda: random.Random(4).randbytes(5000),
        "junk_high.txt": lambda: bytes(random.Random(5).randrange(128, 256) for _ in range(5000)),
        "junk_nul.txt": lambda: b"\x7fELF\x02\x01\x01" + bytes(60) + b"\x00\x01" * 500,
        "english.txt": lambda: ENGLISH_TEXT.encode(),
        "chinese.txt": lambda: CHINESE_TEXT.encode(),
        "english.docx": lambda: docx_bytes(ENGLISH_TEXT),
        "khong_dau.txt": lambda: without_diacritics(good_report(901)).encode(),
        "bzip2.docx": lambda: bzip2_docx(good_report(902)),
        "many_parts.docx": many_parts_docx,
        "deep.docx": deep_nesting_docx,
        "long_line.docx": lambda: long_line_docx(300_000),
        "billion_laughs.docx": lambda: xml_attack_docx(billion_laughs_prolog(), "&lol9;"),
        "xxe_file.docx": lambda: xml_attack_docx(external_entity_prolog("file:///etc/hostname"), "&xxe;"),
    }
    if name == "oversized.docx":
        with open(path, "wb") as fh:  # sparse: the size check must come before any read
            fh.truncate(MAX_FILE_BYTES + 1)
    elif name == "bomb.docx":
        zip_bomb_docx(path)
    elif name == "bomb_lying.docx":
        zip_bomb_docx(path, lie_size=400_000)
    elif name == "bomb_ratio.docx":  # under the size limits, over the ratio limit
        zip_bomb_docx(path, unpacked=MAX_XML_PART_BYTES - (2 << 20))
    elif name == "bomb_part.docx":  # under the ratio limit, over the size of one XML part
        zip_bomb_docx(path, unpacked=MAX_XML_PART_BYTES + (8 << 20), sparse=True)
    else:
        path.write_bytes(builders[name]())


def hostile_set(folder: Path, bombs: bool = True) -> list[Hostile]:
    """Write every hostile input of :data:`HOSTILE` into ``folder``; return their expectations.

    ``bombs=False`` leaves out the zip bombs (the 1 GiB ones take about 0.5 s each to build).
    """
    folder.mkdir(parents=True, exist_ok=True)
    out = [h for h in HOSTILE if bombs or h.name not in BOMBS]
    for h in out:
        _build(h.name, folder / h.name)
    return out
