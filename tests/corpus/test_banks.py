"""The phrase banks: sizes, formats, tone placement, and the a/b family split."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from pipeline import schema
from pipeline.corpus.data import banks_dir, generator_dir, load_json, official_wording, stock_phrases

_NEW_TONE = re.compile(r"(?<![qQ])([oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])")


def _strings(obj: object) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return []


def _family_strings(variant: str) -> set[str]:
    """The family file's phrasings (minus placeholders-only strings and notes)."""
    raw = dict(load_json(f"family_{variant}.json"))
    raw.pop("_note", None)
    raw.pop("self", None)  # "bản thân" / "tôi": words every writer uses
    out = set()
    for s in _strings(raw):
        if len(s) < 12 or not re.search(r"[^\W\d_]{3,}", re.sub(r"\{[^}]*\}", "", s)):
            continue
        out.add(s)
    return out


def test_stock_phrases_format_and_size() -> None:
    rows = stock_phrases()
    assert len(rows) >= 150
    assert len({r.id for r in rows}) == len(rows)
    for r in rows:
        assert r.section in schema.SECTION_LABELS, r
        assert r.family in ("a", "b", "shared"), r
        assert r.text == r.text.strip() and r.text.endswith((".", ":")), r
    sections = {r.section for r in rows}
    for needed in ("ideology", "ethics", "discipline", "working_style", "duties", "weaknesses", "causes", "plan",
                   "remedy_earlier", "collective_responsibility", "commitment", "leadership"):
        assert needed in sections


def test_families_share_no_stock_phrase_except_official_wording() -> None:
    rows = stock_phrases()
    a = {r.text for r in rows if r.family == "a"}
    b = {r.text for r in rows if r.family == "b"}
    assert not a & b
    for x in a:
        for y in b:
            assert x not in y and y not in x, (x, y)
    official = [w["text"].lower() for w in official_wording()]
    for r in rows:
        if r.family == "shared":
            assert any(o in r.text.lower() for o in official), r


def test_family_files_disjoint() -> None:
    a, b = _family_strings("a"), _family_strings("b")
    assert not a & b, sorted(a & b)[:10]
    ja, jb = load_json("family_a.json"), load_json("family_b.json")
    syn_a = {w for pair in ja["synonyms"] for w in pair}
    syn_b = {w for pair in jb["synonyms"] for w in pair}
    assert not syn_a & syn_b
    assert not {p for p, _ in ja["paraphrase"]} & {p for p, _ in jb["paraphrase"]}
    assert set(ja) == set(jb)  # same slots, different words


def test_generated_variants_do_not_leak(tmp_path: Path) -> None:
    """No stock phrase of one family appears in a report generated with the other."""
    from pipeline.corpus.generator import generate

    rows = stock_phrases()
    for variant, other in (("a", "b"), ("b", "a")):
        out = tmp_path / variant
        generate(11, 12, "2023-2025", out, "txt", variant)
        foreign = [r.text for r in rows if r.family == other]
        with (out / "manifest.csv").open(encoding="utf-8") as fh:
            paths = [out / r["path"] for r in csv.DictReader(fh)]
        for p in paths:
            text = p.read_text(encoding="utf-8")
            for phrase in foreign:
                assert phrase not in text, (p.name, phrase)


def test_headings_cover_every_form_version() -> None:
    with (banks_dir() / "headings.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    versions = {r["form_version"] for r in rows}
    assert versions == set(schema.FORM_VERSIONS) - {"unknown"}
    for r in rows:
        assert r["level"] in ("0", "1", "2", "3", "prompt")
        assert r["kind"] in schema.KINDS
        if r["section"] != "parent":
            for part in r["section"].split(schema.MERGE_SEP):
                assert part in schema.SECTION_LABELS, r
    # leader items only in leader forms (2019 has one form with leader items marked)
    for v in ("2023-02A", "2025-2B", "2025-2C"):
        assert not any(r["section"] == "leadership" for r in rows if r["form_version"] == v)


def test_official_wording_format() -> None:
    rows = official_wording()
    assert len(rows) >= 40
    kinds = {r["kind"] for r in rows}
    assert kinds == {"resolution", "campaign", "manifestation", "regulation", "slogan"}
    texts = [r["text"] for r in rows]
    for needed in ("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "những điều đảng viên không được làm",
                   "tự diễn biến", "tự chuyển hóa"):
        assert needed in texts


@pytest.mark.parametrize("folder", ["generator", "banks"])
def test_data_files_traditional_tone_placement(folder: str) -> None:
    base = generator_dir() if folder == "generator" else banks_dir()
    for path in sorted(base.rglob("*")):
        if path.suffix not in (".json", ".csv", ".txt", ".tpl"):
            continue
        text = path.read_text(encoding="utf-8")
        m = _NEW_TONE.search(text)
        assert m is None, (path.name, text[max(0, m.start() - 20) : m.end() + 20] if m else "")
        assert "\u00d0" not in text
        if path.suffix == ".json":
            json.loads(text)
