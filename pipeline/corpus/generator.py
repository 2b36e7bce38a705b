"""The synthetic organisation generator: ``generate()`` writes a batch in the input format of
``soi screen`` plus the ground truth (see corpora/README.md for the datasheet).

Order of writing, per year and unit: the collective report first, then the leaders, then the
members (the sequence rule of Reg 132/124/366), so a leader can answer the collective's
shortcomings and a member can copy a colleague written before them.

Randomness: every decision comes from ``random.Random`` objects seeded with strings derived
from the seed (``"{seed}|plan|{doc_id}"`` for behaviour, ``"{seed}|{variant}|{doc_id}"`` for
wording), so the same arguments give the same bytes and variants a and b share the same
organisation, behaviours and labels but not the same words.
"""

from __future__ import annotations

import gc
import json
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import schema
from pipeline.corpus.compose import Plan, draw_rating
from pipeline.corpus.copying import Source, copy_section, copy_whole, section_candidates
from pipeline.corpus.data import family, lower_first
from pipeline.corpus.doc import OBF_RANK, OBFUSCATIONS, Doc
from pipeline.corpus.forms import period
from pipeline.corpus.org import Member, Org, Unit, build_org, drift_style
from pipeline.corpus.output import (
    MANIFEST_COLUMNS,
    PLAN_COLUMNS,
    RESPONSIBILITY_COLUMNS,
    SECTION_COLUMNS,
    SPAN_COLUMNS,
    TRUTH_COLUMNS,
    WEAKNESS_COLUMNS,
    CsvSink,
    docx_bytes,
    write_txt,
)
from pipeline.corpus.templates import Template, templates_for
from pipeline.corpus.truth import DocTruth, compute
from pipeline.corpus.writer import write_collective, write_individual

#: Default behaviour rates (per report). Overridable with ``--rates JSON`` (partial dicts merge).
DEFAULT_RATES: dict[str, Any] = {
    # reuse by individual reports: one draw in this order (the rates add up)
    "copy_prior_whole": 0.05,
    "copy_prior_section": 0.07,
    "copy_peer_whole": 0.02,
    "copy_peer_section": 0.04,
    "copy_collective_section": 0.04,
    "template_whole": 0.05,
    "template_section": 0.06,
    #: share of prior-year copies taken from two years back (when that report exists)
    "prior_two_years_back": 0.3,
    # reuse by collective reports
    "collective_prior_whole": 0.08,
    "collective_prior_section": 0.1,
    "collective_template_whole": 0.05,
    "collective_template_section": 0.05,
    "obfuscation": {"verbatim": 0.3, "refreshed": 0.25, "reordered": 0.15, "synonyms": 0.15, "paraphrased": 0.15},
    # content faults (independent draws; a copy inherits the faults of what it copies)
    "missing_ideology": 0.05,
    "missing_ethics": 0.05,
    "generic_weaknesses": 0.4,
    "no_weaknesses": 0.05,  # share of generic_weaknesses reports that state no weakness at all
    "unquantified_results": 0.3,
    "vague_plan": 0.4,
    "no_collective_responsibility": 0.35,  # leaders only
    "unremedied_weaknesses": 0.2,
    "typo_scale": 1.0,  # multiplies every writer's typo rate
}

INDIVIDUAL_COPIES = ("copy_prior_whole", "copy_prior_section", "copy_peer_whole", "copy_peer_section",
                     "copy_collective_section", "template_whole", "template_section")
COLLECTIVE_COPIES = ("collective_prior_whole", "collective_prior_section", "collective_template_whole",
                     "collective_template_section")
_COPY_NAME = {
    "copy_prior_whole": "prior_whole", "copy_prior_section": "prior_section", "copy_peer_whole": "peer_whole",
    "copy_peer_section": "peer_section", "copy_collective_section": "coll_section",
    "template_whole": "template_whole", "template_section": "template_section",
    "collective_prior_whole": "prior_whole", "collective_prior_section": "prior_section",
    "collective_template_whole": "template_whole", "collective_template_section": "template_section",
}


def merge_rates(overrides: dict[str, Any] | None) -> dict[str, Any]:
    rates = json.loads(json.dumps(DEFAULT_RATES))
    for key, value in (overrides or {}).items():
        if key not in rates:
            raise ValueError(f"unknown rate {key!r}; known: {sorted(rates)}")
        if isinstance(rates[key], dict):
            unknown = set(value) - set(rates[key])
            if unknown:
                raise ValueError(f"unknown keys in {key}: {sorted(unknown)}")
            rates[key].update(value)
        else:
            rates[key] = float(value)
    if sum(rates[k] for k in INDIVIDUAL_COPIES) > 1 or sum(rates[k] for k in COLLECTIVE_COPIES) > 1:
        raise ValueError("copy rates of one report kind add up to more than 1")
    return rates


def parse_years(spec: str) -> list[int]:
    """``"2022-2025"``, ``"2024"`` or ``"2019,2021,2023"``."""
    years: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            a, b = (int(x) for x in part.split("-"))
            years.update(range(a, b + 1))
        elif part:
            years.add(int(part))
    out = sorted(years)
    if not out or out[0] < 2019 or out[-1] > 2030:
        raise ValueError(f"years must lie in 2019-2030, got {spec!r}")
    return out


@dataclass
class Stats:
    docs: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    sectors: Counter[str] = field(default_factory=Counter)
    planned: Counter[str] = field(default_factory=Counter)
    realised: Counter[str] = field(default_factory=Counter)
    unavailable: Counter[str] = field(default_factory=Counter)
    obfuscation: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    words: list[int] = field(default_factory=list)


class Generator:
    def __init__(self, seed: int, n_units: int, years: list[int], out: Path, fmt: str = "txt", variant: str = "a",
                 rates: dict[str, Any] | None = None) -> None:
        if fmt not in ("txt", "docx"):
            raise ValueError("format must be txt or docx")
        if n_units < 1:
            raise ValueError("at least one unit")
        self.seed, self.years, self.out, self.fmt, self.variant = seed, years, Path(out), fmt, variant
        self.rates = merge_rates(rates)
        self.fam = family(variant)
        self.templates = templates_for(variant)
        self.org: Org = build_org(seed, n_units, years)
        self.stats = Stats()
        self._dirs: set[str] = set()

    # --- decisions ----------------------------------------------------------------------------

    def _obf(self, rng: random.Random) -> str:
        weights = self.rates["obfuscation"]
        return rng.choices(OBFUSCATIONS, [weights[o] for o in OBFUSCATIONS])[0]

    def _plan(self, rng: random.Random, names: tuple[str, ...], year: int, leader: bool, collective: bool) -> Plan:
        r = self.rates
        plan = Plan()
        x = rng.random()
        acc = 0.0
        for name in names:
            acc += r[name]
            if x < acc:
                plan.copy = _COPY_NAME[name]
                break
        plan.obf = self._obf(rng)
        plan.two_back = rng.random() < r["prior_two_years_back"]
        faults = set()
        candidates = ["generic_weaknesses", "unquantified_results", "vague_plan", "unremedied_weaknesses"]
        if not collective:
            candidates += ["missing_ideology", "missing_ethics"]
            if leader:
                candidates.append("no_collective_responsibility")
        for name in candidates:
            if rng.random() < r[name]:
                faults.add(name)
        plan.faults = frozenset(faults)
        plan.ideology_mode = rng.choices(("formal", "attendance", "empty", "absent"), (0.35, 0.25, 0.2, 0.2))[0]
        plan.ethics_mode = rng.choices(("formal", "attendance", "empty", "absent"), (0.35, 0.25, 0.2, 0.2))[0]
        plan.resp_mode = rng.choices(("generic", "none", "absent"), (0.45, 0.3, 0.25))[0]
        plan.no_weak = "generic_weaknesses" in faults and not collective and rng.random() < r["no_weaknesses"]
        plan.rating, plan.scores = draw_rating(rng, period(year))
        return plan

    def _template(self, rng: random.Random, occupation: str, kind: str, leader: bool) -> Template | None:
        pool = [t for t in self.templates if t.kind == kind]
        if not pool:
            return None
        if kind == "individual":
            wanted = "leader" if leader and rng.random() < 0.5 else occupation
            match = [t for t in pool if t.occupation == wanted] or [t for t in pool if t.occupation == occupation]
            if match and rng.random() > 0.2:  # one in five copies a sample made for another job
                pool = match
            else:
                pool = [t for t in pool if t.occupation not in ("leader",) or leader]
        return rng.choice(pool)

    # --- one report ---------------------------------------------------------------------------

    def _fills(self, member: Member | None, unit: Unit, year: int, rng: random.Random) -> dict[str, str]:
        v = member.vars if member else {}
        return {
            "year": str(year), "prev": str(year - 1), "next": str(year + 1), "name": member.name if member else "",
            "unit": unit.name, "place": unit.place, "post": lower_first(member.post) if member else "",
            "subject": v.get("subject", v.get("area", "")), "area": v.get("area", ""),
            "dept": v.get("dept", "Tổng hợp"), "klass": v.get("klass", rng.choice(("6A", "7B", "8A", "9C"))),
            "gpa": f"3,{rng.randint(0, 8)}", "grade": rng.choice(("khá", "giỏi")), "p": str(rng.randint(88, 99)),
        }

    def _apply_copy(self, doc: Doc, plan: Plan, sources: dict[str, Source | None], rng: random.Random,
                    year: int, fills: dict[str, str]) -> None:
        kind = plan.copy
        if kind == "none":
            return
        self.stats.planned[kind] += 1
        src_key = kind.rsplit("_", 1)[0] if kind != "coll_section" else "coll"
        src = sources.get(src_key)
        if src is None:
            self.stats.unavailable[kind] += 1
            return
        if kind.endswith("whole"):
            copy_whole(doc, src, plan.obf, self.fam, rng, year, fills)
        else:
            pairs = section_candidates(doc, src, collective=kind == "coll_section")
            if not pairs:
                self.stats.unavailable[kind] += 1
                return
            copy_section(doc, src, plan.obf, self.fam, rng, year, fills, rng.choice(pairs))
        self.stats.realised[kind] += 1

    def _finish(self, doc: Doc, sources: dict[str, Source | None]) -> None:
        """Render; an obfuscation that changed nothing is relabelled verbatim."""
        r = doc.render()
        by_id = {s.doc_id: s.doc for s in sources.values() if s is not None}
        for idx, sec in enumerate(doc.sections):
            cm = sec.copy
            if cm is None or cm.obfuscation == "verbatim":
                continue
            start, body_start, end = r.spans[idx]
            mine = r.text[(start if cm.include_heading else body_start) : end]
            src_doc = by_id[cm.source_doc_id]
            assert src_doc.rendered is not None
            if mine == src_doc.rendered.text[cm.source_start : cm.source_end]:
                cm.obfuscation = "verbatim"
                if cm.source_kind == "template":
                    for s in sec.body.sentences():
                        if s.origin:
                            s.origin = (s.origin[0], s.origin[1], s.origin[2], OBF_RANK["verbatim"], s.origin[4])
        for sec in doc.sections:
            if sec.copy:
                self.stats.obfuscation[sec.copy.obfuscation] += 1

    def _template_source(self, tpl: Template | None, year: int) -> Source | None:
        return Source(tpl.doc, tpl.id, "template", year, template=True) if tpl else None

    def write_collective(self, unit: Unit, year: int, n_members: int) -> Doc:
        doc_id = f"{unit.unit_id}-C-{year}"
        prng = random.Random(f"{self.seed}|plan|{doc_id}")
        trng = random.Random(f"{self.seed}|{self.variant}|{doc_id}")
        plan = self._plan(prng, COLLECTIVE_COPIES, year, True, True)
        last = unit.coll_docs.get(year - 1)
        last_weak = last.meta.get("weak_topics") if last is not None else None
        secretary = next((m for m in unit.roster[year] if m.leader_rank == 1), None)
        doc, comp = write_collective(unit, year, plan, self.fam, self.variant, trng, self.fmt == "docx", doc_id,
                                     last_weak, secretary, n_members)
        sources: dict[str, Source | None] = {
            "prior": Source(last, last.doc_id, "prior", year - 1) if last is not None else None,
            "template": self._template_source(self._template(prng, "collective", "collective", True), year),
        }
        self._apply_copy(doc, plan, sources, trng, year, self._fills(None, unit, year, trng))
        self._finish(doc, sources)
        weak = [s for sec in doc.sections for s in sec.body.sentences() if s.kind == "weakness"]
        doc.meta["weak_topics"] = [(s.topic, lower_first(comp.topic_info(s.topic, unit.sector)["desc"])) for s in weak]
        return doc

    def write_member(self, member: Member, unit: Unit, year: int, coll: Doc, coll_weak: list[dict[str, Any]],
                     peers: list[tuple[Member, Doc]]) -> Doc:
        doc_id = f"{member.member_id}-{year}"
        prng = random.Random(f"{self.seed}|plan|{doc_id}")
        trng = random.Random(f"{self.seed}|{self.variant}|{doc_id}")
        base = member.styles.get(year - 1)
        base = drift_style(base, random.Random(f"{self.seed}|style|{member.member_id}|{year}")) if base else member.style
        member.styles[year] = base
        style = base
        if self.rates["typo_scale"] != 1.0:
            style = type(base)(**{**base.__dict__, "typo_rate": min(1.0, base.typo_rate * self.rates["typo_scale"])})
        plan = self._plan(prng, INDIVIDUAL_COPIES, year, member.is_leader, False)
        coll.meta["weak_sents"] = coll_weak
        doc, comp = write_individual(member, unit, year, plan, self.fam, self.variant, trng, coll,
                                     self.fmt == "docx", doc_id, style)
        prior_year = year - 2 if (plan.two_back and (year - 2) in member.docs) else year - 1
        if prior_year not in member.docs and (year - 2) in member.docs:
            prior_year = year - 2
        prior = member.docs.get(prior_year)
        peer_src = None
        if peers:
            same_role = [(m, d) for m, d in peers if m.is_leader == member.is_leader]
            pool = same_role if (plan.copy == "peer_whole" and same_role) else peers
            pm, pd = prng.choice(pool)
            peer_src = Source(pd, pd.doc_id, "peer", year)
        tpl = self._template(prng, unit.sector["occupation"], "individual", member.is_leader)
        sources: dict[str, Source | None] = {
            "prior": Source(prior, prior.doc_id, "prior", prior_year) if prior is not None else None,
            "peer": peer_src,
            "coll": Source(coll, coll.doc_id, "peer", year),
            "template": self._template_source(tpl, year),
        }
        self._apply_copy(doc, plan, sources, trng, year, self._fills(member, unit, year, trng))
        self._finish(doc, sources)
        # memory for next year
        weak = [s for sec in doc.sections for s in sec.body.sentences() if s.kind == "weakness"]
        member.weak_topics[year] = [(s.topic, lower_first(comp.topic_info(s.topic, unit.sector)["desc"])) for s in weak]
        member.used[year] = comp.used
        member.facts[year] = comp.facts
        member.facts.pop(year - 1, None)
        member.docs[year] = doc
        for old in [y for y in member.docs if y < year - 1]:
            del member.docs[old]
        for old in [y for y in member.used if y < year]:
            del member.used[old]
        return doc

    # --- the batch ----------------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        t0, c0 = time.perf_counter(), time.process_time()
        out = self.out
        out.mkdir(parents=True, exist_ok=True)
        sinks = {
            "manifest": CsvSink(out / "manifest.csv", MANIFEST_COLUMNS),
            "truth": CsvSink(out / "truth.csv", TRUTH_COLUMNS),
            "spans": CsvSink(out / "truth_spans.csv", SPAN_COLUMNS),
            "sections": CsvSink(out / "truth_sections.csv", SECTION_COLUMNS),
            "plans": CsvSink(out / "truth_plans.csv", PLAN_COLUMNS),
            "weaknesses": CsvSink(out / "truth_weaknesses.csv", WEAKNESS_COLUMNS),
            "responsibility": CsvSink(out / "truth_responsibility.csv", RESPONSIBILITY_COLUMNS),
        }
        n = 0
        # Our document graph holds no reference cycles (reference counting frees it), so for .txt
        # batches the cyclic collector only costs time (about 15% of a run, and a full collection
        # walks every report still held): it is paused for the run. python-docx objects do form
        # cycles: .docx batches keep it on.
        pause_gc = self.fmt == "txt" and gc.isenabled()
        if pause_gc:
            gc.disable()
        try:
            for year in self.years:
                for unit in self.org.units:
                    n += self._unit_year(unit, year, sinks)
        finally:
            if pause_gc:
                gc.enable()
            for s in sinks.values():
                s.close()
        elapsed = time.perf_counter() - t0
        summary = self._summary(n)
        (out / "generation.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                             encoding="utf-8")
        # not in the file: the batch must be byte-reproducible
        summary["seconds"] = round(elapsed, 3)
        summary["cpu_seconds"] = round(time.process_time() - c0, 3)
        return summary

    def _unit_year(self, unit: Unit, year: int, sinks: dict[str, CsvSink]) -> int:
        roster = unit.roster[year]
        coll = self.write_collective(unit, year, len(roster))
        unit.coll_docs[year] = coll
        for old in [y for y in unit.coll_docs if y < year - 1]:
            del unit.coll_docs[old]
        ctruth = compute(coll, None)
        coll_weak = [{"id": w["id"], "topic": w["topic"], "desc": d} for w, (_, d) in
                     zip(ctruth.weaknesses, coll.meta["weak_topics"], strict=True)]
        written: list[tuple[Doc, DocTruth]] = [(coll, ctruth)]
        peers: list[tuple[Member, Doc]] = []
        for member in roster:
            doc = self.write_member(member, unit, year, coll, coll_weak, peers)
            peers.append((member, doc))
            written.append((doc, compute(doc, coll_weak)))
        # links inside the unit-year
        addressed: dict[str, list[str]] = {}
        sources_of: dict[str, list[str]] = {}
        for doc, tr in written:
            for row in tr.responsibility:
                if row["collective_weakness_id"] and doc.meta["role"] == "leader" and doc.meta["kind"] == "individual":
                    addressed.setdefault(row["collective_weakness_id"], []).append(doc.doc_id)
            for src in tr.copied_peer_of:
                sources_of.setdefault(src, []).append(doc.doc_id)
        for row in ctruth.weaknesses:
            row["addressed_by"] = ";".join(sorted(set(addressed.get(row["id"], []))))
        for doc, tr in written:
            self._emit(doc, tr, sinks, sources_of.get(doc.doc_id, []))
        return len(written)

    def _emit(self, doc: Doc, tr: DocTruth, sinks: dict[str, CsvSink], source_of: list[str]) -> None:
        meta = doc.meta
        r = doc.rendered
        assert r is not None
        unit, year = meta["unit"], str(meta["year"])
        folder = f"reports/{unit}/{year}"
        rel = f"{folder}/{doc.doc_id}.{self.fmt}"
        if folder not in self._dirs:
            (self.out / folder).mkdir(parents=True, exist_ok=True)
            self._dirs.add(folder)
        if self.fmt == "txt":
            write_txt(self.out / rel, r.text)
        else:
            (self.out / rel).write_bytes(docx_bytes(doc))
            canon = self.out / ".canonical" / unit / year / f"{doc.doc_id}.txt"
            canon.parent.mkdir(parents=True, exist_ok=True)
            write_txt(canon, r.text)
        words = len(r.text.split())
        sinks["manifest"].write([{
            "path": rel, "member_id": meta["member_id"], "unit": unit, "year": year,
            "kind": meta["kind"], "role": meta["role"], "doc_id": doc.doc_id,
        }])
        row = {"doc_id": doc.doc_id, **tr.flags, "copied_peer_of": ";".join(tr.copied_peer_of),
               "sector": meta["sector"], "form_version": meta["form_version"], "self_rating": meta["self_rating"],
               "variant": self.variant, "kind": meta["kind"], "role": meta["role"], "year": year,
               "peer_source_of": ";".join(sorted(set(source_of))), "template_ids": ";".join(tr.template_ids),
               "words": words}
        sinks["truth"].write([row])
        if tr.spans:
            sinks["spans"].write(tr.spans)
        sinks["sections"].write(tr.sections)
        sinks["plans"].write(tr.plans)
        if tr.weaknesses:
            sinks["weaknesses"].write(tr.weaknesses)
        if tr.responsibility:
            sinks["responsibility"].write(tr.responsibility)
        st = self.stats
        st.docs[meta["kind"]] += 1
        st.forms[meta["form_version"]] += 1
        st.sectors[meta["sector"]] += 1
        st.words.append(words)
        for k, v in tr.flags.items():
            if v:
                st.flags[k] += 1

    def _summary(self, n: int) -> dict[str, Any]:
        st = self.stats
        words = sorted(st.words)

        def q(p: float) -> int:
            return words[min(len(words) - 1, int(p * len(words)))] if words else 0

        return {
            "arguments": {"seed": self.seed, "units": len(self.org.units), "years": self.years, "format": self.fmt,
                          "variant": self.variant},
            "rates": self.rates,
            "documents": n,
            "by_kind": dict(st.docs), "by_form_version": dict(st.forms), "by_sector": dict(st.sectors),
            "copies_planned": dict(st.planned), "copies_realised": dict(st.realised),
            "copies_unavailable": dict(st.unavailable), "copied_sections_by_obfuscation": dict(st.obfuscation),
            "flag_rates": {k: round(st.flags[k] / n, 4) if n else 0 for k in schema.ALL_FINDINGS},
            "words": {"min": q(0), "p10": q(0.1), "median": q(0.5), "p90": q(0.9), "max": q(1.0)},
        }


def generate(seed: int, units: int, years: str | list[int], out: str | Path, fmt: str = "txt", variant: str = "a",
             rates: dict[str, Any] | None = None) -> dict[str, Any]:
    """Write a synthetic batch to ``out``; returns the summary also written to generation.json."""
    year_list = parse_years(years) if isinstance(years, str) else sorted(years)
    return Generator(seed, units, year_list, Path(out), fmt, variant, rates).run()
