"""Per-report preparation: read → normalise → header → form version → sections → self-rating.

:func:`prepare_file` is a pure function of one file and its manifest row, so engines can run it
in worker processes. Its failures are :class:`~pipeline.ingest.readers.IngestError` reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.ingest.header import HeaderInfo, form_version, parse_header, slug
from pipeline.ingest.legacy import diacritic_ratio, syllable_ratio
from pipeline.ingest.manifest import ManifestRow
from pipeline.ingest.readers import IngestError, read_document
from pipeline.text.normalize import normalize
from pipeline.text.rating import parse_self_rating
from pipeline.text.sections import Section, SectionSegmenter

#: Below this share of Vietnamese syllables a text is refused as not Vietnamese. Real reports
#: score 0.85-0.98; English prose about 0.2-0.35 (measured on the test fixtures).
MIN_VIETNAMESE_RATIO = 0.5
#: Below this share of tokens with diacritics the text was typed without them: screened, with
#: a warning (several detectors lose accuracy). Vietnamese prose has about 0.75-0.9.
MIN_DIACRITIC_RATIO = 0.2


@dataclass
class PreparedDoc:
    path: Path
    text: str
    sha256: str
    member_id: str
    unit: str
    year: int | None
    kind: str
    role: str
    doc_id: str | None
    name: str | None
    dob: str | None
    form_version: str
    self_rating: str | None
    sections: list[Section]
    guessed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def prepare_file(path: Path, row: ManifestRow | None, segmenter: SectionSegmenter) -> PreparedDoc:
    """Prepare one report. Raises IngestError with a plain-words reason."""
    raw = read_document(path)
    text = normalize(raw.text)
    if len(text) < 40:
        raise IngestError(f"almost no text ({len(text)} characters; a report has thousands)")
    warnings = list(raw.warnings)
    vietnamese = syllable_ratio(text)
    if vietnamese < MIN_VIETNAMESE_RATIO:
        raise IngestError(
            f"not Vietnamese text ({vietnamese:.0%} of its words are Vietnamese syllables; "
            "a report has over 85%)"
        )
    accentless = diacritic_ratio(text) < MIN_DIACRITIC_RATIO
    if accentless:
        warnings.append("text typed without Vietnamese diacritics: detectors are less accurate")
    info = parse_header(text, folded=accentless)
    guessed: list[str] = []
    if row is not None:
        member_id, unit, year, kind, role = row.member_id, row.unit, row.year, row.kind, row.role
        if info.year is not None and info.year != year:
            warnings.append(f"manifest says year {year}, the report's header says {info.year}")
    else:
        kind = info.kind or "individual"
        role = info.role or "member"
        year = info.year
        unit = info.unit or ""
        member_id = _guess_member_id(info, kind, unit)
        guessed = ["member_id", "unit", "year", "kind", "role"]
        for fld, value in (
            ("year", info.year),
            ("unit", info.unit),
            ("kind", info.kind),
            ("role", info.role),
        ):
            if value is None:
                warnings.append(f"{fld} not found in the header")
        if kind == "individual" and info.name is None:
            warnings.append("name (Họ và tên) not found in the header")
    version, version_warnings = form_version(year, kind, role, info)
    warnings.extend(version_warnings)
    sections = segmenter.segment(text, kind)
    rating_text = "\n".join(text[s.start : s.end] for s in sections if "self_rating" in s.label.split("+"))
    return PreparedDoc(
        path=path,
        text=text,
        sha256=raw.sha256,
        member_id=member_id,
        unit=unit,
        year=year,
        kind=kind,
        role=role,
        doc_id=row.doc_id if row is not None else None,
        name=info.name,
        dob=info.dob,
        form_version=version,
        self_rating=parse_self_rating(rating_text)
        if rating_text
        else parse_self_rating(text, whole_report=True),
        sections=sections,
        guessed=guessed,
        warnings=warnings,
    )


def _guess_member_id(info: HeaderInfo, kind: str, unit: str) -> str:
    """Link a person across years without a manifest: name + date of birth (or unit)."""
    if kind == "collective":
        return "unit:" + (slug(unit) or "unknown")
    if info.name:
        return slug(info.name) + "-" + (info.dob or slug(unit) or "unknown")
    return "unknown"
