"""The sample-template bank: published sample reports that circulate, searched by containment.

Two places hold templates (file stem = template id):

* ``corpora/banks/templates/*.txt`` in the repository (generic published-style samples);
* user bank folders (default ``~/.soi/bank``, or ``$SOI_BANK``, or the stage's ``bank_dirs``),
  filled by ``soi bank add FOLDER`` → :func:`add_to_bank`. A user template with the same id as a
  repository template replaces it.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from pipeline.text.normalize import normalize

log = logging.getLogger(__name__)

REPO_TEMPLATES = Path(__file__).resolve().parents[3] / "corpora" / "banks" / "templates"
REPO_BANKS = Path(__file__).resolve().parents[3] / "corpora" / "banks"
_ID_RE = re.compile(r"[^\w.-]+")


def default_bank_dirs() -> list[Path]:
    """``$SOI_BANK`` (``os.pathsep``-separated) if set, else ``~/.soi/bank``."""
    env = os.environ.get("SOI_BANK")
    if env:
        return [Path(p).expanduser() for p in env.split(os.pathsep) if p]
    return [Path("~/.soi/bank").expanduser()]


def template_id(path: Path) -> str:
    """Template id of a file: its stem with anything but letters, digits, ``.``, ``-``, ``_`` as ``_``."""
    return _ID_RE.sub("_", path.stem).strip("_") or "template"


def read_document(path: Path) -> str:
    """Text of a ``.txt`` (UTF-8, BOM allowed) or ``.docx`` file (paragraphs and table cells)."""
    if path.suffix.lower() == ".docx":
        import docx  # python-docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for table in d.tables:
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    t = cell.text.strip()
                    if t and (not cells or cells[-1] != t):
                        cells.append(t)
                if cells:
                    parts.append(" | ".join(cells))
        return "\n".join(parts)
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1258", errors="replace")


def load_templates(dirs: list[Path] | None = None, include_repo: bool = True) -> dict[str, str]:
    """``{template_id: normalised text}`` from the repository bank then the user bank folders."""
    out: dict[str, str] = {}
    folders = ([REPO_TEMPLATES] if include_repo else []) + list(
        dirs if dirs is not None else default_bank_dirs()
    )
    for folder in folders:
        folder = Path(folder).expanduser()
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            try:
                text = normalize(read_document(path))
            except OSError as exc:  # unreadable file: skip, keep the rest of the bank
                log.warning("template %s skipped: %s", path, exc)
                continue
            if text.strip():
                out[template_id(path)] = text
    return out


def add_to_bank(folder: str | os.PathLike[str], bank_dir: str | os.PathLike[str] | None = None) -> list[str]:
    """Copy the ``.txt`` / ``.docx`` sample reports of ``folder`` into the bank, normalised.

    Each file becomes ``bank_dir/<template id>.txt`` (UTF-8, normalised text); an existing template
    with the same id is replaced. Unreadable or empty files are skipped with a log warning.
    Returns the ids written, sorted.
    """
    src = Path(folder).expanduser()
    if not src.is_dir():
        raise NotADirectoryError(str(src))
    dest = Path(bank_dir).expanduser() if bank_dir is not None else default_bank_dirs()[0]
    dest.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    for path in sorted(src.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".txt", ".docx") or path.name.startswith("~$"):
            continue
        try:
            text = normalize(read_document(path))
        except Exception as exc:  # noqa: BLE001 - broken .docx raise several types; skip the file
            log.warning("bank: %s skipped: %s", path, exc)
            continue
        if not text.strip():
            log.warning("bank: %s skipped: empty", path)
            continue
        tid = template_id(path)
        (dest / f"{tid}.txt").write_text(text + "\n", encoding="utf-8")
        written.append(tid)
    return sorted(set(written))
