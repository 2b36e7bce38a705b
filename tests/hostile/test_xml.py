"""No entity expansion and no external entities through the XML inside a .docx.

Two layers are checked: Soi refuses any XML part with a DTD before python-docx sees it, and
python-docx's own lxml parser (``resolve_entities=False``, lxml's ``no_network`` default) would
not expand or fetch anything either, should a DTD ever get past the first check.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.ingest.readers import IngestError, read_document

from .builders import (
    billion_laughs_prolog,
    document_xml,
    docx_bytes,
    external_dtd_prolog,
    external_entity_prolog,
    good_report,
    paragraphs_xml,
    replace_parts,
    xml_attack_docx,
)

SECRET = "SOI-SECRET-7f3a9c"
PARTS = ["word/document.xml", "word/styles.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"]


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.close()


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _attacks(secret_file: Path, port: int) -> dict[str, tuple[str, str]]:
    """name -> (prolog, entity reference used in the body)."""
    return {
        "billion_laughs": (billion_laughs_prolog(), "&lol9;"),
        "external_file": (external_entity_prolog(secret_file.as_uri()), "&xxe;"),
        "external_http": (external_entity_prolog(f"http://127.0.0.1:{port}/x"), "&xxe;"),
        "external_dtd": (external_dtd_prolog(f"http://127.0.0.1:{port}/evil.dtd"), ""),
    }


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("attack", ["billion_laughs", "external_file", "external_http", "external_dtd"])
def test_dtd_in_any_part_is_refused(
    tmp_path: Path, secret_file: Path, listener: Listener, part: str, attack: str
) -> None:
    prolog, ref = _attacks(secret_file, listener.port)[attack]
    path = tmp_path / "attack.docx"
    path.write_bytes(xml_attack_docx(prolog, ref, part=part))
    with pytest.raises(IngestError, match="DTD"):
        read_document(path)
    assert listener.connections == 0


def test_utf16_dtd_is_refused(tmp_path: Path) -> None:
    xml = document_xml(paragraphs_xml(["Đảng viên &lol9;"]), billion_laughs_prolog()).decode("utf-8")
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    data = "\ufeff".encode("utf-16-le") + xml.encode("utf-16-le")
    path = tmp_path / "utf16.docx"
    path.write_bytes(replace_parts(docx_bytes(good_report(1)), {"word/document.xml": data}))
    with pytest.raises(IngestError, match="DTD"):
        read_document(path)


@pytest.mark.parametrize("attack", ["billion_laughs", "external_file", "external_http", "external_dtd"])
def test_python_docx_parser_expands_nothing(secret_file: Path, listener: Listener, attack: str) -> None:
    """Second layer: the parser python-docx uses, fed the attack directly."""
    from docx.oxml.parser import parse_xml
    from lxml.etree import XMLSyntaxError

    prolog, ref = _attacks(secret_file, listener.port)[attack]
    xml = document_xml(f"<w:p><w:r><w:t>Đảng viên {ref}</w:t></w:r></w:p>", prolog)
    try:
        element = parse_xml(xml)
    except XMLSyntaxError:  # refusing is as good (libxml2's entity amplification limit)
        text = ""
    else:
        text = "".join(element.itertext())
        assert text.startswith("Đảng viên")
    assert SECRET not in text
    assert text.count("lol") < 10
    assert listener.connections == 0


def test_external_relationships_are_never_fetched(tmp_path: Path, listener: Listener) -> None:
    """A linked picture and a remote attached template (the "template injection" of Word
    attacks) point at a local listener: reading the report must not connect."""
    import io
    import zipfile

    url = f"http://127.0.0.1:{listener.port}"
    base = docx_bytes(good_report(2))
    rels = zipfile.ZipFile(io.BytesIO(base)).read("word/_rels/document.xml.rels").decode("utf-8")
    image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
    template = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdEvil1" Type="{image}" Target="{url}/x.png" TargetMode="External"/></Relationships>',
    )
    settings_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdEvil2" Type="{template}" Target="{url}/t.dotm" TargetMode="External"/>'
        "</Relationships>"
    )
    path = tmp_path / "linked.docx"
    path.write_bytes(
        replace_parts(
            base,
            {
                "word/_rels/document.xml.rels": rels.encode(),
                "word/_rels/settings.xml.rels": settings_rels.encode(),
            },
        )
    )
    doc = read_document(path)
    assert "Họ và tên" in doc.text
    assert listener.connections == 0
