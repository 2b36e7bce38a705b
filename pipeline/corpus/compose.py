"""Content of each section, sentence by sentence, annotated by construction.

A :class:`Composer` writes one report for one writer and year. Its choices are driven by the
writer's :class:`~pipeline.corpus.org.Style` (length, layout), by the document :class:`Plan`
(which faults to commit) and by what the writer used last year (``avoid``): a genuine writer
does not reuse last year's personal sentences, so frames used last year are avoided.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.corpus.data import (
    _SLOT_RE,
    Family,
    StockPhrase,
    fill,
    has_figure_slot,
    lower_first,
    stock_index,
)
from pipeline.corpus.doc import Sent
from pipeline.corpus.forms import RATING_TEXT
from pipeline.corpus.org import Style
from pipeline.corpus.textops import finish, typo

#: Weakness topics by writer type (leaders add the management topics).
GENERAL_TOPICS = ("criticism", "theory_study", "skills_it", "skills_lang", "professional", "deadline", "attendance",
                  "initiative", "documentation", "mass", "residence")
LEADER_TOPICS = ("direction", "delegation")
RESIDENT_TOPICS = ("criticism", "theory_study", "skills_it", "attendance", "residence", "initiative")
COLL_TOPICS = ("coll_attendance", "coll_inspection", "coll_new_members", "coll_study", "coll_content", "coll_digital",
               "coll_mass")


_DIGIT = re.compile(r"\d")

#: Words of office life a retiree does not write about (their own words; copies may still carry them).
_OFFICE_WORDS = ("cơ quan", "đồng nghiệp", "làm việc", "công việc", "cấp dưới", "vị trí", "chuyên môn", "nhân dân tận",
                 "giờ", "phần mềm", "người dân", "phục vụ")


@dataclass
class Plan:
    """What a document does, decided before it is written (the truth follows from the text)."""

    copy: str = "none"  # none | prior_whole | prior_section | peer_whole | peer_section | coll_section | template_whole | template_section
    obf: str = "verbatim"
    faults: frozenset[str] = frozenset()
    ideology_mode: str = ""  # formal | attendance | empty | absent
    ethics_mode: str = ""
    resp_mode: str = ""  # generic | none | absent
    no_weak: bool = False
    rating: str = "hoan_thanh_tot"
    scores: tuple[int, int, int] = (0, 0, 0)
    two_back: bool = False


@dataclass
class Block:
    """The content of one section before layout."""

    sents: list[Sent] = field(default_factory=list)
    pre: list[Sent] = field(default_factory=list)  # opening sentences, before the lead
    lead: Sent | None = None  # an introductory line ending with ":"
    rows: list[list[Sent]] | None = None  # a results table (.docx writers)
    prompts: list[Sent] = field(default_factory=list)
    listy: bool | None = None  # force bullets (True) or prose (False)

    def empty(self) -> bool:
        return not self.sents and not self.pre and self.lead is None and not self.rows and not self.prompts

    def all_sents(self) -> list[Sent]:
        out = list(self.prompts) + list(self.pre) + ([self.lead] if self.lead else [])
        for row in self.rows or []:
            out.extend(row)
        return out + list(self.sents)


class Composer:
    """Writes the sentences of one report."""

    def __init__(self, fam: Family, variant: str, rng: random.Random, style: Style, year: int,
                 fctx: dict[str, Any], avoid: set[tuple[str, int]] | None = None) -> None:
        self.fam = fam
        self.variant = variant
        self.rng = rng
        self.style = style
        self.year = year
        self.fctx = fctx
        self.avoid = avoid or set()
        self.used: set[tuple[str, int]] = set()
        #: the writer's sentences of last year (a genuine writer does not repeat a stated fact)
        self.prev_texts: set[str] = set()
        #: fact phrases stated this year / last year
        self.facts: set[str] = set()
        self.prev_facts: set[str] = set()
        self.stock = stock_index(variant)
        #: a retiree / resident writing their own words: no office-only formulas
        self.resident = False

    # --- helpers -----------------------------------------------------------------------------

    def count(self, base: float, lo: int = 1, hi: int = 14) -> int:
        """A sentence count scaled by the writer's verbosity, with jitter."""
        value = base * self.style.length + self.rng.uniform(-0.8, 0.8)
        return max(lo, min(hi, round(value)))

    def text(self, template: str, extra: dict[str, Any] | None = None) -> str:
        """A filled frame. A sentence identical to one of the writer's own sentences of last year
        is drawn again (new figures): a genuine report states new facts."""
        ctx = self.fctx if not extra else {**self.fctx, **extra}
        out = finish(fill(template, ctx, self.rng))
        if out in self.prev_texts:
            for _ in range(8):
                out = finish(fill(template, ctx, self.rng))
                if out not in self.prev_texts:
                    break
        if self.style.typo_rate and self.rng.random() < self.style.typo_rate:
            out = typo(out, self.rng)
        return out

    def fact(self, template: str) -> str:
        """A filled fact phrase (duty result, leader result, event) not stated last year."""
        out = fill(template, self.fctx, self.rng)
        if self._stated(out):
            for _ in range(8):
                out = fill(template, self.fctx, self.rng)
                if not self._stated(out):
                    break
        if _DIGIT.search(out):
            self.facts.add(out)
        return out

    def _stated(self, phrase: str) -> bool:
        """True if last year's report of this writer already states ``phrase``."""
        return phrase in self.prev_facts or any(phrase in t for t in self.prev_texts)

    def sent(self, template: str, dim: str, extra: dict[str, Any] | None = None, **kw: Any) -> Sent:
        return Sent(self.text(template, extra), dim, **kw)

    def pick(self, key: str, options: list[Any] | tuple[Any, ...]) -> Any:
        """Choose an option not used by this writer last year under ``key`` (if possible)."""
        n = len(options)
        avoid, used = self.avoid, self.used
        fresh = [i for i in range(n) if (key, i) not in avoid and (key, i) not in used]
        i = fresh[self.rng.randrange(len(fresh))] if fresh else self.rng.randrange(n)
        used.add((key, i))
        return options[i]

    def pick_fresh(self, key: str, options: list[Any] | tuple[Any, ...]) -> Any | None:
        """Like :meth:`pick`, but None when every option was used last year or in this report."""
        fresh = [i for i in range(len(options)) if (key, i) not in self.avoid and (key, i) not in self.used]
        if not fresh:
            return None
        i = fresh[self.rng.randrange(len(fresh))]
        self.used.add((key, i))
        return options[i]

    def stocks(self, section: str, topic: str = "gen") -> tuple[StockPhrase, ...]:
        pool = self.stock.get((section, topic), ())
        if self.resident:
            kept = tuple(p for p in pool if not any(w in p.text for w in _OFFICE_WORDS))
            return kept or pool
        return pool

    def stock_sents(self, section: str, stock_topic: str, k: int, dim: str, **kw: Any) -> list[Sent]:
        """``k`` distinct stock phrases of (section, stock_topic) as sentences of dimension ``dim``."""
        pool = list(self.stocks(section, stock_topic))
        if not pool or k <= 0:
            return []
        chosen = self.rng.sample(pool, min(k, len(pool)))
        return [Sent(self._typo(p.text), dim, **kw) for p in chosen]

    def _typo(self, text: str) -> str:
        if self.style.typo_rate and self.rng.random() < self.style.typo_rate:
            return typo(text, self.rng)
        return text

    # --- I.1 blocks ---------------------------------------------------------------------------

    def ideology(self, mode: str) -> Block | None:
        if mode == "absent":
            return None
        if mode == "empty":
            return Block()
        if mode == "formal":
            return Block([self.sent(self.rng.choice(self.fam["formal"]["ideology"]), "ideology", subst=False)])
        if mode == "attendance":
            return Block(self.stock_sents("discipline", "attendance", 1, "discipline", attendance=True))
        out = self.stock_sents("ideology", "gen", self.count(2.5, 1, 10), "ideology")
        if self.rng.random() < min(0.9, 0.4 + 0.25 * self.style.length):
            out += self.stock_sents("ideology", "liaison", 1, "ideology")
        for _ in range(self.count(0.8, 0, 4)):
            out.append(self.sent(self.pick("ideo", self.fam["ideology_specific"]), "ideology"))
        self._shuffle_tail(out)
        out += self.elaborate("ideology", "ideology")
        return Block(out)

    def ethics(self, mode: str) -> Block | None:
        if mode == "absent":
            return None
        if mode == "empty":
            return Block()
        if mode == "formal":
            return Block([self.sent(self.rng.choice(self.fam["formal"]["ethics"]), "ethics_lifestyle", subst=False)])
        if mode == "attendance":
            return Block(self.stock_sents("discipline", "attendance", 1, "discipline", attendance=True))
        out = self.stock_sents("ethics", "gen", self.count(2.2, 1, 9), "ethics_lifestyle")
        for _ in range(self.count(0.7, 0, 4)):
            out.append(self.sent(self.pick("eth", self.fam["ethics_specific"]), "ethics_lifestyle"))
        self._shuffle_tail(out)
        out += self.elaborate("ethics", "ethics_lifestyle")
        return Block(out)

    def discipline(self, leader: bool, period: str) -> Block:
        out = self.stock_sents("discipline", "gen", self.count(1.8, 1, 8), "discipline")
        if self.rng.random() < 0.5:
            out += self.stock_sents("discipline", "attendance", 1, "discipline", attendance=True)
        if leader and self.rng.random() < 0.6:
            out += self.stock_sents("discipline", "assets", 1, "discipline")
            if self.rng.random() < 0.5:
                out.append(self.sent(self.pick("assets", self.fam["assets_specific"]), "discipline"))
        if period == "2025" and self.rng.random() < 0.6:
            out += self.stock_sents("discipline", "speech", 1, "discipline")
        for _ in range(self.count(0.6, 0, 3)):
            out.append(self.sent(self.pick("disc", self.fam["discipline_specific"]), "discipline"))
        return Block(out)

    def working_style(self) -> Block:
        out = self.stock_sents("working_style", "gen", self.count(1.5, 1, 6), "working_style")
        if not self.resident:
            for _ in range(self.count(0.5, 0, 3)):
                out.append(self.sent(self.pick("ws", self.fam["working_style_specific"]), "working_style"))
        return Block(out)

    def elaborate(self, key: str, dim: str) -> list[Sent]:
        """Verbose writers add generic follow-up sentences (no new facts)."""
        extra = self.style.length - 1.2
        if extra <= 0:
            return []
        pool = self.fam["elab"][key]
        k = min(len(pool), int(extra * 1.5 + self.rng.random()))
        return [Sent(self.text(t), dim) for t in self.rng.sample(pool, k)]

    def _shuffle_tail(self, out: list[Sent]) -> None:
        """Writers put the stock opening first and mix the rest."""
        if len(out) > 2:
            tail = out[1:]
            self.rng.shuffle(tail)
            out[1:] = tail

    # --- duties, leadership, commitment --------------------------------------------------------

    def duties(self, duty_ids: list[str], sector: dict[str, Any], unquantified: bool, table: bool) -> Block:
        fam, rng = self.fam, self.rng
        lead = None
        out: list[Sent] = [self.sent(self.pick("assign", fam["assignment"]), "duties_results")]
        k = min(len(duty_ids), self.count(3.2, 1, 8))
        chosen = rng.sample(duty_ids, k)
        rows: list[list[Sent]] = []
        items: list[Sent] = []
        for did in chosen:
            duty = sector["duties"][did]
            if unquantified:
                phrase = fill(self.pick(f"u:{did}", duty["u"]), self.fctx, rng)
                frame = self.pick(f"duf:{did}", fam["duty_frames_u"])
                s = self.sent(frame, "duties_results", {"u": phrase}, quant=False)
                rows.append([Sent(phrase[:1].upper() + phrase[1:], "duties_results"),
                             Sent(rng.choice(("Hoàn thành", "Đạt yêu cầu", "Đúng tiến độ")), "duties_results")])
            else:
                qt = self.pick(f"q:{did}", duty["q"])
                phrase = self.fact(qt)
                frame = self.pick(f"df:{did}", fam["duty_frames"])
                s = self.sent(frame, "duties_results", {"q": phrase}, quant=True)
                uphrase = fill(rng.choice(duty["u"]), self.fctx, rng)
                rows.append([Sent(uphrase[:1].upper() + uphrase[1:], "duties_results"),
                             Sent(finish(phrase), "duties_results", quant=True)])
                if len(duty["q"]) > 1 and rng.random() < (self.style.length - 1.0) / 2:
                    other = [q for q in duty["q"] if q != qt]
                    if other:
                        extra = self.fact(self.pick(f"q2:{did}", other))
                        items.append(s)
                        s = self.sent(self.pick(f"df2:{did}", fam["duty_frames"]), "duties_results", {"q": extra},
                                      quant=True)
            items.append(s)
            if rng.random() < (self.style.length - 1.0) / 3:
                items.append(Sent(self.text(rng.choice(fam["elab"]["duties"])), "duties_results"))
        events = [e for e in sector["events"] if not unquantified or not has_figure_slot(e)]
        for _ in range(self.count(0.8, 0, 5)):
            if not events:
                break
            ev = self.pick_fresh("event", events)
            if ev is None:
                break
            phrase = self.fact(ev)
            items.append(self.sent(self.pick("evf", fam["event_frames"]), "duties_results", {"e": phrase},
                                   quant=has_figure_slot(ev)))
        prod_t = self.pick_fresh("prod", sector["products"]) if not unquantified and rng.random() < 0.35 else None
        if prod_t is not None:
            prod = fill(prod_t, self.fctx, rng)
            items.append(self.sent(self.pick("prodf", fam["product_frames"]), "duties_results", {"prod": prod}, quant=True))
        stock = self.stock_sents("duties", "gen", self.count(0.8 if not unquantified else 1.8, 0, 4), "duties_results")
        if table:
            lead = self.sent(rng.choice(fam["duty_lead"]), "duties_results")
            head = [Sent("STT", "other"), Sent("Nhiệm vụ", "other"), Sent("Kết quả", "other")]
            table_rows = [head] + [[Sent(str(i + 1), "other")] + r for i, r in enumerate(rows)]
            return Block(stock, pre=out, lead=lead, rows=table_rows)
        if self.style.duties_style == "list" and items:
            lead = self.sent(rng.choice(fam["duty_lead"]), "duties_results") if rng.random() < 0.7 else None
            return Block(items + stock, pre=out, lead=lead, listy=True)
        return Block(out + items + stock)

    def leadership(self, sector: dict[str, Any], unquantified: bool, parts: int) -> list[Block]:
        """Content of the leader items, split over ``parts`` headings."""
        fam, rng = self.fam, self.rng
        results: list[Sent] = []
        n_results = min(self.count(2.0, 1, 7), len(sector["leader_u" if unquantified else "leader_results"]))
        for _ in range(n_results):
            if unquantified:
                phrase = fill(self.pick("lu", sector["leader_u"]), self.fctx, rng)
                results.append(self.sent(self.pick("luf", fam["leader_frames_u"]), "leadership", {"u": phrase}))
            else:
                r = self.pick("lr", sector["leader_results"])
                phrase = self.fact(r)
                results.append(self.sent(self.pick("lrf", fam["leader_frames"]), "leadership", {"r": phrase},
                                         quant=has_figure_slot(r)))
        stock = self.stock_sents("leadership", "gen", self.count(2.5, 2, 8), "leadership")
        if parts <= 1:
            return [Block(results + stock)]
        blocks = [Block(list(results))]
        per = max(1, len(stock) // (parts - 1))
        for i in range(parts - 1):
            chunk = stock[i * per : (i + 1) * per] if i < parts - 2 else stock[i * per :]
            if not chunk:
                chunk = self.stock_sents("leadership", "gen", 1, "leadership")
            blocks.append(Block(chunk))
        return blocks

    def commitment(self) -> Block:
        out = self.stock_sents("commitment", "gen", self.count(1.2, 1, 3), "commitment")
        if self.rng.random() < 0.55:
            out.append(self.sent(self.pick("comm", self.fam["commitment_specific"]), "commitment"))
        return Block(out)

    # --- weaknesses, causes, remedies -----------------------------------------------------------

    def topic_info(self, topic: str, sector: dict[str, Any]) -> dict[str, Any]:
        """desc / measures / targets / specific weakness of a topic (general, sector or collective)."""
        if topic.startswith("s_"):
            for w in sector["weak"]:
                if w["topic"] == topic:
                    return {"desc": w["desc"], "measures": [w["measure"]], "targets": [w["target"]], "fact": w["fact"]}
            raise KeyError(topic)
        if topic.startswith("coll_"):
            info = self.fam["coll"]["coll_topics"][topic]
            if topic == "coll_target":  # the sector's missed target
                cw = sector["coll_weak"][0]
                return {"desc": cw["desc"], "measures": [info["measure"]], "targets": [info["target"]], "fact": cw["fact"]}
            return {"desc": info["desc"], "measures": [info["measure"]], "targets": [info["target"]], "fact": info["fact"]}
        return self.fam["topics"][topic]

    def weakness_topics(self, leader: bool, resident: bool, sector: dict[str, Any],
                        last: list[str], generic_only: bool) -> list[str]:
        rng = self.rng
        pool = list(RESIDENT_TOPICS if resident else GENERAL_TOPICS)
        if leader:
            pool += list(LEADER_TOPICS) * 2
        sector_topics = [w["topic"] for w in sector["weak"] if self._resolvable(w["fact"])]
        n = rng.choices((1, 2, 3, 4), (0.3, 0.42, 0.22, 0.06))[0] + int(max(0.0, self.style.length - 1.0) * rng.random() * 2)
        chosen: list[str] = []
        carry = [t for t in last if (t in pool or (t in sector_topics and not generic_only))]
        if carry and rng.random() < 0.4:
            chosen.append(rng.choice(carry))
        candidates = pool + ([] if generic_only else sector_topics * 2)
        n = min(n, len(set(candidates) | set(chosen)))
        while len(chosen) < n:
            t = rng.choice(candidates)
            if t not in chosen:
                chosen.append(t)
        return chosen

    def _resolvable(self, template: str) -> bool:
        """True if every named slot of ``template`` has a value for this writer (e.g. {subject})."""
        return all(m.group(2) is not None or m.group(1) in self.fctx for m in _SLOT_RE.finditer(template))

    def weaknesses(self, topics: list[str], sector: dict[str, Any], generic_only: bool) -> list[Sent]:
        rng, fam = self.rng, self.fam
        out: list[Sent] = []
        specific_flags = [False] * len(topics)
        if not generic_only:
            for i, t in enumerate(topics):
                specific_flags[i] = t.startswith("s_") or rng.random() < 0.5
            if not any(specific_flags):
                specific_flags[rng.randrange(len(topics))] = True
        for t, spec in zip(topics, specific_flags, strict=True):
            if spec:
                info = self.topic_info(t, sector)
                if t.startswith("s_"):
                    fact = fill(info["fact"], self.fctx, rng)
                    s = self.sent(self.pick("wsf", fam["weak_specific_frames"]), "weakness", {"fact": fact})
                else:
                    s = self.sent(self.pick(f"wsp:{t}", info["weak_specific"]), "weakness")
                s.kind, s.label, s.topic = "weakness", "specific", t
            else:
                pool = self.stocks("weaknesses", t)
                s = Sent(self._typo(rng.choice(pool).text), "weakness", kind="weakness", label="generic", topic=t)
            out.append(s)
        return out

    def causes(self, leader: bool, any_specific: bool) -> list[Sent]:
        rng = self.rng
        out = self.stock_sents("causes", "objective", self.count(1.0, 1, 2), "cause")
        subj = [p for p in self.stocks("causes", "subjective") if leader or "leaders" not in p.note]
        k = min(len(subj), self.count(1.2, 1, 3))
        out += [Sent(self._typo(p.text), "cause") for p in rng.sample(subj, k)]
        for _ in range(self.count(0.5, 0, 3) if any_specific else 0):
            out.append(self.sent(self.pick("cspec", self.fam["cause_specific"]), "cause"))
        return out

    def remedy_earlier(self, last: list[tuple[str, str]] | None, this_topics: list[str], lazy: bool) -> list[Sent]:
        """§III: last year's weaknesses one by one (or the generic formula, or "none")."""
        fam, rng = self.fam, self.rng
        if last is None:
            if rng.random() < 0.5:
                return [self.sent(rng.choice(fam["earlier_none"]), "remedy_earlier")]
            return self.stock_sents("remedy_earlier", "none", 1, "remedy_earlier")
        if lazy or not last:
            if not last:
                return [self.sent(rng.choice(fam["earlier_none"]), "remedy_earlier")]
            return self.stock_sents("remedy_earlier", "gen", self.count(1.0, 1, 2), "remedy_earlier")
        out = []
        for topic, desc in last:
            if topic in this_topics:
                kind = rng.choice(("partial", "open"))
            else:
                kind = rng.choices(("fixed", "partial", "open"), (0.6, 0.3, 0.1))[0]
            status = self.fact(rng.choice(fam["earlier_status"][kind]))
            out.append(self.sent(self.pick("earl", fam["earlier_frames"]), "remedy_earlier",
                                 {"desc": desc, "status": status}))
        return out

    # --- plan ---------------------------------------------------------------------------------

    def plan_item(self, topic: str, sector: dict[str, Any], specific: bool) -> Sent:
        """One remediation item on ``topic``; a writer does not repeat last year's item word for word."""
        for _ in range(6):
            item = self._plan_item(topic, sector, specific)
            if item.text not in self.prev_texts:
                break
        return item

    def _plan_item(self, topic: str, sector: dict[str, Any], specific: bool) -> Sent:
        fam, rng = self.fam, self.rng
        info = self.topic_info(topic, sector)
        measure = rng.choice(info["measures"])
        target = rng.choice(info["targets"])
        deadline = fill(rng.choice(fam["deadlines"]), self.fctx, rng)
        vt = rng.choice(fam["vague_times"])
        extra = {"m": measure, "t": target, "dl": deadline, "vt": vt, "desc": info["desc"]}
        if specific:
            kind = rng.choices(("mdt", "md", "mt"), (0.4, 0.3, 0.3))[0]
        else:
            pool = self.stocks("plan", topic)
            if pool and rng.random() < 0.6:
                p = rng.choice(pool)
                return Sent(self._typo(p.text), "plan", kind="plan", label="vague", topic=topic, flags=(p.measure, 0, 0))
            kind = rng.choice(("m", "d", "t"))
        flags = (int("m" in kind), int("d" in kind), int("t" in kind))
        s = self.sent(rng.choice(fam["plan_frames"][kind]), "plan", extra)
        s.kind, s.label, s.topic, s.flags = "plan", "specific" if specific else "vague", topic, flags
        return s

    def plan(self, weak_topics: list[str], sector: dict[str, Any], vague_only: bool, drop: set[str],
             fallback_topics: tuple[str, ...]) -> tuple[Sent | None, list[Sent]]:
        rng = self.rng
        topics = [t for t in weak_topics if t not in drop]
        if not topics and not weak_topics:
            topics = rng.sample(list(fallback_topics), self.count(1.2, 1, 3))
        spec = [False] * len(topics)
        if not vague_only and topics:
            spec = [rng.random() < 0.55 for _ in topics]
            if not any(spec):
                spec[rng.randrange(len(topics))] = True
        items = [self.plan_item(t, sector, s) for t, s in zip(topics, spec, strict=True)]
        gen = self.stock_sents("plan", "gen", self.count(0.9, 0, 4), "plan", kind="plan", label="vague")
        if gen:
            if rng.random() < 0.5:
                items = gen + items
            else:
                items += gen
        if not items:  # every weakness dropped and no general line: one general line
            items = self.stock_sents("plan", "gen", 1, "plan", kind="plan", label="vague", topic="")
        intro = None
        if self.style.intro_plan:
            intro = self.sent(rng.choice(self.fam["plan_intro"]), "plan")
        return intro, items

    # --- rating ---------------------------------------------------------------------------------

    def rating_lines(self, period: str, rating: str, scores: tuple[int, int, int], outside: bool,
                     collective: bool = False) -> list[list[Sent]]:
        """Lines of the self-rating sections (two groups for the 2025 part B)."""
        fam, rng = self.fam, self.rng
        text = RATING_TEXT[rating]
        if period == "2025":
            s30, s70, s100 = scores
            frames = fam["score_frames"]
            extra = {"s30": s30, "s70": s70, "s100": s100, "rating": text}
            scores_lines = [self.sent(f, "rating", extra) for f in frames[:3]]
            return [scores_lines, [self.sent(frames[3], "rating", extra)]]
        if collective:
            return [[self.sent(rng.choice(fam["coll"]["rating_frames"]), "rating", {"rating": text})]]
        if period == "2019":
            r2 = rating if rating != "hoan_thanh_xuat_sac" or rng.random() < 0.7 else "hoan_thanh_tot"
            lines = fam["rating_2019"]
            extra = {"rating": text, "rating2": RATING_TEXT[r2]}
            out = [self.sent(lines[1], "rating", extra)]
            if not outside:
                out.insert(0, self.sent(lines[0], "rating", extra))
            return [out]
        return [[self.sent(rng.choice(fam["rating_frames"]), "rating", {"rating": text})]]


def draw_rating(rng: random.Random, period: str) -> tuple[str, tuple[int, int, int]]:
    """A self-proposed rating and, from 2025, scores consistent with the 90/70/50 bands."""
    rating = rng.choices(list(RATING_TEXT), (0.16, 0.70, 0.12, 0.02))[0]
    if period != "2025":
        return rating, (0, 0, 0)
    lo, hi = {"hoan_thanh_xuat_sac": (90, 98), "hoan_thanh_tot": (70, 89), "hoan_thanh": (50, 69),
              "khong_hoan_thanh": (30, 49)}[rating]
    total = rng.randint(lo, hi)
    s30 = min(30, max(10, round(total * 0.3) + rng.randint(-2, 2)))
    s70 = total - s30
    if s70 > 70:
        s70, s30 = 70, total - 70
    return rating, (s30, s70, total)


def describe(sent: Sent, composer: Composer, sector: dict[str, Any]) -> str:
    """The noun phrase a later report uses to refer back to a weakness (its topic's ``desc``)."""
    return lower_first(composer.topic_info(sent.topic, sector)["desc"])
