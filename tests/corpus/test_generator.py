"""The synthetic-organisation generator: determinism, truth consistency, coverage, text hygiene."""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from pipeline import schema
from pipeline.corpus.generator import generate
from pipeline.corpus.templates import bank_dir, load_templates

YEARS_ALL = "2019-2025"


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch covering every year and form version (14 units x 7 years, about 1,400 reports)."""
    out = tmp_path_factory.mktemp("batch_a")
    generate(7, 14, YEARS_ALL, out, "txt", "a")
    return out


@pytest.fixture(scope="module")
def batch_b(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("batch_b")
    generate(7, 14, "2022-2025", out, "txt", "b")
    return out


@pytest.fixture(scope="module")
def texts(batch: Path) -> dict[str, str]:
    return {r["doc_id"]: (batch / r["path"]).read_text(encoding="utf-8") for r in _read(batch / "manifest.csv")}


@pytest.fixture(scope="module")
def template_texts() -> dict[str, str]:
    return {t.id: t.text for t in load_templates()}


# --- determinism ----------------------------------------------------------------------------------


def test_same_arguments_same_bytes(tmp_path: Path) -> None:
    generate(3, 3, "2023-2025", tmp_path / "x", "txt", "a")
    generate(3, 3, "2023-2025", tmp_path / "y", "txt", "a")
    dx, dy = _digest(tmp_path / "x"), _digest(tmp_path / "y")
    assert dx == dy
    assert len(dx) > 50


def test_docx_same_bytes_and_text(tmp_path: Path) -> None:
    generate(5, 2, "2024-2025", tmp_path / "x", "docx", "a")
    generate(5, 2, "2024-2025", tmp_path / "y", "docx", "a")
    assert _digest(tmp_path / "x") == _digest(tmp_path / "y")
    readers = pytest.importorskip("pipeline.ingest.readers")
    normalize = pytest.importorskip("pipeline.text.normalize").normalize
    rows = _read(tmp_path / "x" / "manifest.csv")
    assert rows
    for row in rows:
        path = tmp_path / "x" / row["path"]
        canon = (tmp_path / "x" / ".canonical" / row["unit"] / row["year"] / f"{row['doc_id']}.txt").read_text(encoding="utf-8")
        read = readers.read_document(path).text
        assert normalize(read) == canon, row["doc_id"]
    # screening the folder finds the reports only, not the hidden canonical copies
    from pipeline.screen import collect_inputs

    found = collect_inputs([tmp_path / "x"])
    assert sorted(found) == sorted((tmp_path / "x" / r["path"]).resolve() for r in rows)


def test_seed_changes_output(tmp_path: Path) -> None:
    generate(1, 2, "2024", tmp_path / "x", "txt", "a")
    generate(2, 2, "2024", tmp_path / "y", "txt", "a")
    assert _digest(tmp_path / "x") != _digest(tmp_path / "y")


# --- manifest and truth consistency --------------------------------------------------------------


def test_manifest_and_truth_align(batch: Path, texts: dict[str, str]) -> None:
    manifest = _read(batch / "manifest.csv")
    truth = _read(batch / "truth.csv")
    assert [r["doc_id"] for r in manifest] == [r["doc_id"] for r in truth]
    assert len({r["doc_id"] for r in manifest}) == len(manifest)
    for r in manifest:
        assert r["kind"] in schema.KINDS and r["role"] in schema.ROLES
        assert r["path"] == f"reports/{r['unit']}/{r['year']}/{r['doc_id']}.txt"
        if r["kind"] == "individual":
            assert re.fullmatch(r"U\d\d-M\d{3}-\d{4}", r["doc_id"])
        else:
            assert re.fullmatch(r"U\d\d-C-\d{4}", r["doc_id"])
    for r in truth:
        assert r["form_version"] in schema.FORM_VERSIONS
        assert r["self_rating"] in schema.RATINGS
        for f in schema.ALL_FINDINGS:
            assert r[f] in ("0", "1")


def test_spans_inside_texts_and_verbatim_equal(batch: Path, texts: dict[str, str], template_texts: dict[str, str]) -> None:
    spans = _read(batch / "truth_spans.csv")
    assert spans, "no reuse at default rates"
    kinds = defaultdict(int)
    for s in spans:
        kinds[(s["source_kind"], s["obfuscation"], s["scope"])] += 1
        assert s["source_kind"] in schema.SOURCE_KINDS
        text = texts[s["doc_id"]]
        src = template_texts[s["source_doc_id"]] if s["source_kind"] == "template" else texts[s["source_doc_id"]]
        a, b, sa, sb = int(s["start"]), int(s["end"]), int(s["source_start"]), int(s["source_end"])
        assert 0 <= a < b <= len(text)
        assert 0 <= sa < sb <= len(src)
        if s["obfuscation"] == "verbatim":
            assert text[a:b] == src[sa:sb], s
        else:
            assert text[a:b] != src[sa:sb], s
    # every obfuscation and both scopes occur
    assert {k[1] for k in kinds} == {"verbatim", "refreshed", "reordered", "synonyms", "paraphrased"}
    assert {k[2] for k in kinds} == {"whole", "section"}
    assert {k[0] for k in kinds} == {"prior", "peer", "template"}


def test_reuse_flags_match_spans(batch: Path) -> None:
    spans = defaultdict(list)
    for s in _read(batch / "truth_spans.csv"):
        spans[s["doc_id"]].append(s)
    truth = _read(batch / "truth.csv")
    sources_of = defaultdict(set)
    for r in truth:
        mine = spans[r["doc_id"]]
        assert r["copied_prior"] == str(int(any(s["source_kind"] == "prior" for s in mine)))
        assert r["copied_peer"] == str(int(any(s["source_kind"] == "peer" for s in mine)))
        assert r["template_heavy"] == str(int(any(s["source_kind"] == "template" for s in mine)))
        peers = sorted({s["source_doc_id"] for s in mine if s["source_kind"] == "peer"})
        assert r["copied_peer_of"] == ";".join(peers)
        for p in peers:
            sources_of[p].add(r["doc_id"])
        for s in mine:
            if s["source_kind"] == "prior":
                assert s["source_doc_id"].rsplit("-", 1)[0] == r["doc_id"].rsplit("-", 1)[0]
                assert int(s["source_doc_id"][-4:]) in (int(r["year"]) - 1, int(r["year"]) - 2)
            if s["source_kind"] == "peer":
                assert s["source_doc_id"][:3] == r["doc_id"][:3] and s["source_doc_id"][-4:] == r["year"]
    for r in truth:
        assert r["peer_source_of"] == ";".join(sorted(sources_of.get(r["doc_id"], set())))


def test_sections_tile_the_text(batch: Path, texts: dict[str, str]) -> None:
    by_doc = defaultdict(list)
    for s in _read(batch / "truth_sections.csv"):
        by_doc[s["doc_id"]].append(s)
    assert set(by_doc) == set(texts)
    for did, rows in by_doc.items():
        pos = 0
        for r in rows:
            assert int(r["start"]) == pos and int(r["end"]) > pos, (did, r)
            for part in r["label"].split(schema.MERGE_SEP):
                assert part in schema.SECTION_LABELS, r
            pos = int(r["end"])
        assert pos == len(texts[did])
        assert rows[0]["label"] == "header"


def _section_at(rows: list[dict[str, str]], a: int, b: int) -> str:
    for r in rows:
        if int(r["start"]) <= a and b <= int(r["end"]):
            return r["label"]
    return ""


def test_plans_and_weaknesses_consistent(batch: Path, texts: dict[str, str]) -> None:
    sections = defaultdict(list)
    for s in _read(batch / "truth_sections.csv"):
        sections[s["doc_id"]].append(s)
    plans = defaultdict(list)
    for p in _read(batch / "truth_plans.csv"):
        plans[p["doc_id"]].append(p)
        a, b = int(p["start"]), int(p["end"])
        assert 0 <= a < b <= len(texts[p["doc_id"]])
        specific = p["has_measure"] == "1" and (p["has_deadline"] == "1" or p["has_target"] == "1")
        assert (p["label"] == "specific") == specific, p
        assert "plan" in _section_at(sections[p["doc_id"]], a, b).split("+"), p
    weaks = defaultdict(list)
    for w in _read(batch / "truth_weaknesses.csv"):
        weaks[w["doc_id"]].append(w)
        a, b = int(w["start"]), int(w["end"])
        assert "weaknesses" in _section_at(sections[w["doc_id"]], a, b).split("+"), w
    for r in _read(batch / "truth.csv"):
        did = r["doc_id"]
        assert r["vague_plan"] == str(int(not any(p["label"] == "specific" for p in plans[did])))
        assert r["generic_weaknesses"] == str(int(not any(w["label"] == "specific" for w in weaks[did])))
        plan_topics = {p["topic"] for p in plans[did] if p["topic"]}
        for w in weaks[did]:
            assert w["remedied"] == str(int(w["topic"] in plan_topics))
        assert r["unremedied_weaknesses"] == str(int(any(w["remedied"] == "0" for w in weaks[did])))


def test_collective_responsibility_links(batch: Path) -> None:
    truth = {r["doc_id"]: r for r in _read(batch / "truth.csv")}
    resp = defaultdict(list)
    for r in _read(batch / "truth_responsibility.csv"):
        resp[r["doc_id"]].append(r)
    coll_weak = {w["id"]: w for w in _read(batch / "truth_weaknesses.csv") if "-C-" in w["doc_id"]}
    for did, r in truth.items():
        linked = [x for x in resp[did] if x["collective_weakness_id"]]
        if r["kind"] == "collective" or r["role"] == "member":
            assert r["no_collective_responsibility"] == "0"
            continue
        has_coll_weak = any(w.startswith(f"{did[:3]}-C-{r['year']}-") for w in coll_weak)
        assert r["no_collective_responsibility"] == str(int(has_coll_weak and not linked)), did
        for x in linked:
            w = coll_weak[x["collective_weakness_id"]]
            assert did in w["addressed_by"].split(";")
            assert w["topic"] == x["topic"]
    for w in coll_weak.values():
        for leader_doc in filter(None, w["addressed_by"].split(";")):
            assert truth[leader_doc]["role"] == "leader" and leader_doc[:3] == w["doc_id"][:3]
    rates = [int(r["no_collective_responsibility"]) for r in truth.values() if r["role"] == "leader" and r["kind"] == "individual"]
    assert 0 < sum(rates) < len(rates)


# --- coverage -------------------------------------------------------------------------------------


def test_every_form_version_year_and_sector(batch: Path) -> None:
    truth = _read(batch / "truth.csv")
    assert {r["form_version"] for r in truth} == set(schema.FORM_VERSIONS) - {"unknown"}
    assert {int(r["year"]) for r in truth} == set(range(2019, 2026))
    from pipeline.corpus.data import sectors

    assert {r["sector"] for r in truth} == set(sectors())
    assert len(sectors()) >= 7
    for f in schema.ALL_FINDINGS:
        assert 0 < sum(int(r[f]) for r in truth) < len(truth), f


def test_members_persist_and_change(batch: Path) -> None:
    by_member = defaultdict(set)
    for r in _read(batch / "manifest.csv"):
        by_member[r["member_id"]].add(int(r["year"]))
    spans = [len(v) for k, v in by_member.items() if not k.endswith("-C")]
    assert max(spans) == 7  # some members stay all years
    assert min(spans) < 7  # some join or leave
    sizes = defaultdict(int)
    for r in _read(batch / "manifest.csv"):
        if r["kind"] == "individual":
            sizes[(r["unit"], r["year"])] += 1
    assert min(sizes.values()) >= 5 and max(sizes.values()) <= 25


def test_lengths_vary(batch: Path, texts: dict[str, str]) -> None:
    words = sorted(len(t.split()) for did, t in texts.items() if "-C-" not in did)
    assert words[len(words) // 20] < 700 and words[-len(words) // 20] > 1500
    assert words[0] >= 250 and words[-1] <= 4000


def test_genuine_next_year_report_has_new_facts(batch: Path, texts: dict[str, str]) -> None:
    """Hard negatives: the content sections of a report with no reuse share no sentence stating a
    figure with the same writer's report of the year before (stock phrases may recur, facts may not)."""
    from pipeline.corpus.data import stock_phrases

    stock = {p.text for p in stock_phrases()}
    spans = {s["doc_id"] for s in _read(batch / "truth_spans.csv")}
    sections = defaultdict(list)
    for r in _read(batch / "truth_sections.csv"):
        if r["label"] not in ("header", "self_rating", "other"):
            sections[r["doc_id"]].append((int(r["start"]), int(r["end"])))
    year_re = re.compile(r"\b20[12]\d\b")
    numbering = re.compile(r"^(?:[-+] )?(?:(?:PHẦN )?(?:[IVX]+|\d+(?:\.\d+)*|[a-d])[.)/-] ?)?")

    def facts(did: str) -> set[str]:
        out = set()
        for a, b in sections[did]:
            for line in texts[did][a:b].split("\n"):
                for sent in re.split(r"(?<=[.;:])\s+", numbering.sub("", line)):
                    if len(sent) > 30 and sent not in stock and re.search(r"\d", year_re.sub("", sent)):
                        out.add(sent)
        return out

    checked = 0
    for did in texts:
        if did in spans or "-C-" in did:
            continue
        prev = f"{did[:-4]}{int(did[-4:]) - 1}"
        if prev not in texts:
            continue
        shared = facts(did) & facts(prev)
        assert not shared, (did, shared)
        checked += 1
    assert checked > 100


# --- text hygiene ---------------------------------------------------------------------------------

_NEW_TONE = re.compile(r"(?<![qQ])([oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])")


def _hygiene(text: str) -> list[str]:
    problems = []
    if unicodedata.normalize("NFC", text) != text:
        problems.append("not NFC")
    for ch, name in (("\u00d0", "eth"), ("\t", "tab"), ("\u00a0", "nbsp"), ("\u201c", "curly quote"),
                     ("\u2013", "en dash"), ("\u2014", "em dash"), ("\r", "CR")):
        if ch in text:
            problems.append(name)
    if "  " in text or " \n" in text or "\n " in text or "\n\n\n" in text or "..." in text:
        problems.append("spacing/leaders")
    if text != text.strip(" \n"):
        problems.append("outer whitespace")
    if _NEW_TONE.search(text):
        problems.append(f"new-style tone mark: {_NEW_TONE.search(text).group(0)}")  # type: ignore[union-attr]
    return problems


def test_texts_are_clean(texts: dict[str, str], template_texts: dict[str, str]) -> None:
    for did, t in list(texts.items()) + list(template_texts.items()):
        assert not _hygiene(t), (did, _hygiene(t))


def test_texts_are_normaliser_fixed_points(texts: dict[str, str], batch_b: Path, template_texts: dict[str, str]) -> None:
    normalize = pytest.importorskip("pipeline.text.normalize").normalize
    b_texts = [(batch_b / r["path"]).read_text(encoding="utf-8") for r in _read(batch_b / "manifest.csv")]
    for t in list(texts.values()) + b_texts + list(template_texts.values()):
        assert normalize(t) == t


def test_template_bank_up_to_date(template_texts: dict[str, str]) -> None:
    files = {p.stem: p.read_text(encoding="utf-8") for p in bank_dir().glob("*.txt")}
    assert set(files) == set(template_texts)
    for tid, text in template_texts.items():
        assert files[tid] == text + "\n", f"run write_bank(): {tid} is stale"
    occupations = {(t.family, t.occupation) for t in load_templates()}
    for fam in ("a", "b"):
        for occ in ("teacher", "civil_servant", "doctor", "retiree", "student", "enterprise", "leader", "collective"):
            assert (fam, occ) in occupations


def test_rates_override(tmp_path: Path) -> None:
    out = tmp_path / "r"
    generate(4, 3, "2024-2025", out, "txt", "a", {"vague_plan": 1.0, "unquantified_results": 0.0,
                                                     "copy_prior_whole": 0.0, "copy_prior_section": 0.0,
                                                     "copy_peer_whole": 0.0, "copy_peer_section": 0.0,
                                                     "copy_collective_section": 0.0, "template_whole": 0.0,
                                                     "template_section": 0.0, "collective_prior_whole": 0.0,
                                                     "collective_prior_section": 0.0,
                                                     "collective_template_whole": 0.0,
                                                     "collective_template_section": 0.0})
    truth = _read(out / "truth.csv")
    assert all(r["vague_plan"] == "1" for r in truth)
    assert all(r["unquantified_results"] == "0" for r in truth)
    assert not _read(out / "truth_spans.csv")
    with pytest.raises(ValueError):
        generate(4, 1, "2024", tmp_path / "bad", "txt", "a", {"no_such_rate": 1})


def test_cli_generate(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.corpus.cli import corpus

    rates = tmp_path / "rates.json"
    rates.write_text('{"template_whole": 1.0, "copy_prior_whole": 0.0, "copy_prior_section": 0.0, '
                     '"copy_peer_whole": 0.0, "copy_peer_section": 0.0, "copy_collective_section": 0.0, '
                     '"template_section": 0.0, "obfuscation": {"verbatim": 1.0, "refreshed": 0.0, '
                     '"reordered": 0.0, "synonyms": 0.0, "paraphrased": 0.0}}', encoding="utf-8")
    out = tmp_path / "cli"
    res = CliRunner().invoke(corpus, ["generate", "--seed", "2", "--units", "2", "--years", "2025", "--out", str(out),
                                      "--variant", "b", "--rates", str(rates)])
    assert res.exit_code == 0, res.output
    truth = _read(out / "truth.csv")
    individual = [r for r in truth if r["kind"] == "individual"]
    assert individual and all(r["template_heavy"] == "1" and r["variant"] == "b" for r in individual)
    assert all(r["template_ids"].startswith("b_") for r in individual)
    bad = CliRunner().invoke(corpus, ["generate", "--seed", "2", "--units", "2", "--years", "2015", "--out", str(out)])
    assert bad.exit_code != 0
