"""Build small .docx files for tests (python-docx), including tables and legacy-font runs."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn


def set_font(run, name: str) -> None:
    """Set a run's font for every script slot (Word picks hAnsi for Latin-1 characters)."""
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


def make_docx(path: Path, blocks: list, font: str | None = None) -> Path:
    """``blocks``: strings (paragraphs), lists of lists (tables) or (text, font) tuples (runs)."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            run = document.add_paragraph().add_run(block)
            if font:
                set_font(run, font)
        elif isinstance(block, tuple):
            paragraph = document.add_paragraph()
            for text, run_font in block:
                run = paragraph.add_run(text)
                if run_font:
                    set_font(run, run_font)
        else:
            rows = block
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
    document.save(str(path))
    return path
