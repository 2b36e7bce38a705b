"""Writing one genuine report (individual or collective) for a writer and a year."""

from __future__ import annotations

import random
import re
from typing import Any

from pipeline.corpus.assemble import (
    OPTIONAL,
    HeaderInfo,
    drop_and_reorder,
    expand_i1,
    footer_section,
    header_section,
    merge_leadership,
    merge_shortcomings,
    to_sections,
)
from pipeline.corpus.compose import COLL_TOPICS, GENERAL_TOPICS, Block, Composer, Plan
from pipeline.corpus.data import Family, fill, lower_first
from pipeline.corpus.doc import Doc, Sent
from pipeline.corpus.forms import FORM_CODES, GUIDANCE, SUBTITLES, form_version, period, skeleton
from pipeline.corpus.org import Member, Style, Unit

_DIGIT = re.compile(r"\d")


def _date(rng: random.Random, year: int) -> tuple[int, int, int] | None:
    r = rng.random()
    if r < 0.04:
        return None
    if r < 0.09:
        return (rng.randint(3, 20), 1, year + 1)
    return (rng.randint(1, 28), 12, year)


def _guidance(rng: random.Random, year: int) -> str:
    """The guidance cited; 3% of writers still cite the previous period's (a stale reference)."""
    p = period(year)
    if rng.random() < 0.03 and p != "2019":
        p = "2019" if p == "2023" else "2023"
    return rng.choice(GUIDANCE[p])


def _code(version: str, style: Style, rng: random.Random) -> str:
    code = FORM_CODES[version]
    if version.startswith("2025-") and rng.random() < 0.3:
        code = code.replace("Mẫu 0", "Mẫu ")
    return code if style.code_pos != "none" else ""


def base_ctx(unit: Unit, year: int, rng: random.Random, self_word: str) -> dict[str, Any]:
    return {
        "self": self_word,
        "year": year,
        "prev": year - 1,
        "next": year + 1,
        "unit": f"Chi bộ {unit.name}",
        "unit_short": unit.name,
        "place": unit.place,
        "dist": unit.district,
        "workplace": unit.workplace,
        "guidance": _guidance(rng, year),
    }


def write_individual(member: Member, unit: Unit, year: int, plan: Plan, fam: Family, variant: str,
                     rng: random.Random, coll: Doc | None, docx: bool, doc_id: str,
                     style: Style) -> tuple[Doc, Composer]:
    """A report as the member would write it with no copying (copies are applied afterwards)."""
    leader = member.is_leader
    sector = unit.sector
    outside = bool(sector["outside_system"]) and not leader
    version = form_version(year, "individual", leader, outside)
    per = period(year)
    fctx = base_ctx(unit, year, rng, style.self_word)
    fctx.update(member.vars)
    fctx.update({
        "post": member.post, "post_l": lower_first(member.post), "party_post": member.party_post,
        "party_post_l": lower_first(member.party_post),
    })
    comp = Composer(fam, variant, rng, style, year, fctx, avoid=member.used.get(year - 1))
    comp.resident = unit.sector_key == "retirees" and not leader
    last_doc = member.docs.get(year - 1)
    if last_doc is not None:
        comp.prev_texts = {s.text for sec in last_doc.sections for s in sec.body.sentences() if _DIGIT.search(s.text)}
    comp.prev_facts = member.facts.get(year - 1, set())
    faults = plan.faults
    blocks: dict[str, Any] = {
        "ideology": comp.ideology(plan.ideology_mode if "missing_ideology" in faults else ""),
        "ethics": comp.ethics(plan.ethics_mode if "missing_ethics" in faults else ""),
        "discipline": comp.discipline(leader, per),
        "working_style": comp.working_style(),
        "duties": comp.duties(member.job["duties"], sector, "unquantified_results" in faults,
                              table=docx and style.duties_style == "table"),
        "commitment": comp.commitment(),
    }
    # §II: weaknesses and causes
    last = member.weak_topics.get(year - 1)
    resident = unit.sector_key == "retirees" and not leader
    if plan.no_weak:
        weak_sents = [comp.sent(rng.choice(("Bản thân chưa nhận thấy hạn chế, khuyết điểm nào đáng kể.",
                                            "Không có hạn chế, khuyết điểm lớn.")), "weakness")]
        topics: list[str] = []
    else:
        topics = comp.weakness_topics(leader, resident, sector, [t for t, _ in last or []],
                                      "generic_weaknesses" in faults)
        weak_sents = comp.weaknesses(topics, sector, "generic_weaknesses" in faults)
    weak = Block(weak_sents)
    causes = Block(comp.causes(leader, any(s.label == "specific" for s in weak_sents)))
    if year - 1 in member.weak_topics:
        earlier_src: list[tuple[str, str]] | None = member.weak_topics[year - 1]
    elif member.joined < year:
        earlier_src = None
    else:  # first year in the corpus: the writer remembers last year's weaknesses
        earlier_src = [(t, lower_first(comp.topic_info(t, sector)["desc"]))
                       for t in rng.sample(GENERAL_TOPICS, rng.randint(1, 2))] if rng.random() < 0.5 else None
    blocks["remedy_earlier"] = Block(comp.remedy_earlier(earlier_src, topics, lazy=rng.random() < 0.35))
    blocks["explanations"] = Block(
        [comp.sent(rng.choice(fam["explain_none"]), "other")] if rng.random() < 0.5
        else comp.stock_sents("explanations", "none", 1, "other"))
    blocks["collective_responsibility"] = _responsibility(comp, member, plan, coll, rng)
    drop = set()
    if "unremedied_weaknesses" in faults and topics:
        k = rng.randint(1, len(topics))
        drop = set(rng.sample(topics, k))
    intro, items = comp.plan(topics, sector, "vague_plan" in faults, drop,
                             tuple(t for t in GENERAL_TOPICS if t != "residence"))
    blocks["plan"] = Block(items, lead=intro)
    rating_groups = comp.rating_lines(per, plan.rating, plan.scores, outside)
    # outline
    nodes = skeleton(version, leader)
    items_ = expand_i1(nodes, style, blocks, rng)
    n_lead = sum(1 for n in nodes if n.label == "leadership")
    if leader:
        parts = 1 if (style.merge_leadership or style.wording == "short") else n_lead
        items_ = merge_leadership(items_, comp.leadership(sector, "unquantified_results" in faults, parts))
    items_ = merge_shortcomings(items_, weak, causes, style.merge_ii)
    k = 0
    for it in items_:
        if it.label == "self_rating":
            it.block = Block(rating_groups[min(k, len(rating_groups) - 1)])
            it.role = "rating"
            k += 1
        elif it.parent_key == "part_b":
            it.role = "rating"
    keep = {
        "explanations": leader or rng.random() < style.keep_optional,
        "collective_responsibility": (plan.resp_mode != "absent") if leader else rng.random() < style.keep_optional,
        "remedy_earlier": rng.random() > 0.08,
        "commitment": rng.random() > 0.08,
    }
    for name in OPTIONAL:
        keep.setdefault(name, True)
    items_ = drop_and_reorder(items_, style, rng, keep)
    sections = to_sections(items_, style, fam, rng, docx)
    # header and footer
    fields = [("Họ và tên", member.name), ("Ngày sinh", member.dob)]
    if version in ("2025-2B", "2025-2C"):
        fields += [("Đơn vị công tác", unit.workplace), ("Chi bộ", unit.name)]
    else:
        fields += [("Chức vụ Đảng", member.party_post), ("Chức vụ chính quyền", member.post)]
        if member.mass_post and rng.random() < 0.5:
            fields.append(("Chức vụ đoàn thể", member.mass_post))
        if style.length > 1.2:
            fields += [("Ngày vào Đảng", member.vars.get("joined_party", "")),
                       ("Trình độ lý luận chính trị", member.vars.get("theory_level", "Sơ cấp"))]
        fields += [("Đơn vị công tác", unit.workplace), ("Chi bộ", unit.name)]
    title = (["BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN", f"Năm {year}"] if per == "2025"
             else ["BẢN KIỂM ĐIỂM CÁ NHÂN", f"Năm {year}"])
    if rng.random() < 0.15:
        title = [f"{title[0]} {title[1].upper()}"]
    preamble = comp.text(rng.choice(fam["preamble"])) if style.preamble else None
    info = HeaderInfo(unit.parent, unit.name, unit.place, _date(rng, year), _code(version, style, rng), title,
                      SUBTITLES[version], fields, preamble)
    head, t0, left, right = header_section(info, style)
    closing = comp.stock_sents("other", "gen", rng.randint(1, 2), "other") if style.closing else []
    signature = ["NGƯỜI TỰ KIỂM ĐIỂM"]
    if rng.random() < 0.6:
        signature.append("(Ký, ghi rõ họ tên)")
    signature.append(member.name)
    foot = footer_section(closing, signature, style)
    doc = Doc(doc_id, [head] + sections + [foot])
    doc.header_left, doc.header_right = (left, right) if (docx and style.header_table) else (0, 0)
    doc.meta.update({"header_table_start": t0, "form_version": version, "kind": "individual",
                     "role": "leader" if leader else "member", "year": year, "self_rating": plan.rating,
                     "member_id": member.member_id, "unit": unit.unit_id, "sector": unit.sector_key})
    return doc, comp


def _responsibility(comp: Composer, member: Member, plan: Plan, coll: Doc | None, rng: random.Random) -> Block:
    fam = comp.fam
    if not member.is_leader:
        if rng.random() < 0.55:
            return Block([comp.sent(rng.choice(fam["resp_member_none"]), "collective_responsibility")])
        return Block(comp.stock_sents("collective_responsibility", "gen", 1, "collective_responsibility"))
    mode = plan.resp_mode if "no_collective_responsibility" in plan.faults else ""
    if mode == "generic":
        return Block(comp.stock_sents("collective_responsibility", "gen", rng.randint(1, 2), "collective_responsibility"))
    if mode in ("none", "absent"):
        return Block([comp.sent(rng.choice(fam["resp_member_none"]), "collective_responsibility")])
    coll_weak = [s for s in (coll.meta.get("weak_sents", []) if coll else [])]
    if not coll_weak:
        return Block(comp.stock_sents("collective_responsibility", "gen", 1, "collective_responsibility"))
    k = len(coll_weak) if rng.random() < 0.5 else rng.randint(1, len(coll_weak))
    chosen = rng.sample(coll_weak, k)
    out: list[Sent] = []
    for w in chosen:
        s = comp.sent(comp.pick("resp", fam["resp_leader"]), "collective_responsibility", {"cdesc": w["desc"]})
        s.kind, s.topic = "resp", w["topic"]
        out.append(s)
    lead = comp.sent(rng.choice(fam["resp_leader_intro"]), "collective_responsibility") if rng.random() < 0.5 else None
    if rng.random() < 0.3:
        out += comp.stock_sents("collective_responsibility", "gen", 1, "collective_responsibility")
    return Block(out, lead=lead)


# --- collective reports --------------------------------------------------------------------------


def write_collective(unit: Unit, year: int, plan: Plan, fam: Family, variant: str, rng: random.Random,
                     docx: bool, doc_id: str, last_weak: list[tuple[str, str]] | None, secretary: Member | None,
                     n_members: int) -> tuple[Doc, Composer]:
    style = unit.coll_style
    assert style is not None
    sector = unit.sector
    version = form_version(year, "collective", False, False)
    per = period(year)
    fctx = base_ctx(unit, year, rng, "chi bộ")
    leader_name = secretary.name if secretary else "…"
    fctx["leader"] = leader_name
    comp = Composer(fam, variant, rng, style, year, fctx, avoid=None)
    cf = fam["coll"]
    faults = plan.faults
    women = rng.randint(1, max(1, n_members // 2))
    intro_ctx = {"members": n_members, "official": n_members - rng.randint(0, 2),
                 "retired_or_women": f"nữ: {women} đồng chí"}
    principles = [comp.sent(f, "discipline") for f in rng.sample(cf["principles"], rng.randint(1, len(cf["principles"])))]
    principles += comp.stock_sents("principles", "gen", comp.count(1.2, 1, 3), "discipline")
    targets: list[Sent] = []
    if "unquantified_results" in faults:
        for u in rng.sample(sector["targets_u"], len(sector["targets_u"])):
            targets.append(comp.sent(rng.choice(cf["targets_frames_u"]), "duties_results", {"u": u}))
    else:
        for t in rng.sample(sector["targets"], min(len(sector["targets"]), comp.count(2.5, 2, 4))):
            targets.append(comp.sent(rng.choice(cf["targets_frames"]), "duties_results", {"t": fill(t, fctx, rng)},
                                     quant=True))
    targets += comp.stock_sents("targets", "gen", comp.count(1.0, 1, 2), "duties_results")
    party = [comp.sent(f, "leadership") for f in rng.sample(cf["party_building"], rng.randint(2, len(cf["party_building"])))]
    party += comp.stock_sents("party_building", "gen", comp.count(1.2, 1, 3), "leadership")
    political = [comp.sent(rng.choice(cf["political_task"]), "leadership")]
    political += comp.stock_sents("political_task", "gen", 1, "leadership")
    # weaknesses (2-4 distinct topics), with ids assigned at truth time
    n = rng.choice((2, 2, 3, 3, 4))
    topics = rng.sample(list(COLL_TOPICS) + ["coll_target", "coll_target"], n + 1)
    topics = list(dict.fromkeys(topics))[:n]
    generic_only = "generic_weaknesses" in faults
    spec = [not generic_only and (t == "coll_target" or rng.random() < 0.55) for t in topics]
    if not generic_only and not any(spec):
        spec[0] = True
    weak_sents: list[Sent] = []
    for t, sp in zip(topics, spec, strict=True):
        info = comp.topic_info(t, sector)
        if sp:
            fact = fill(info["fact"], fctx, rng)
            s = comp.sent(rng.choice(cf["weak_specific_frames"]), "weakness", {"fact": fact})
        else:
            pool = comp.stocks("weaknesses", t if t != "coll_target" else "coll_target")
            s = Sent(rng.choice(pool).text, "weakness")
        s.kind, s.label, s.topic = "weakness", "specific" if sp else "generic", t
        weak_sents.append(s)
    causes = comp.stock_sents("causes", "objective", 1, "cause") + comp.stock_sents("causes", "coll_subjective", rng.randint(1, 2), "cause")
    earlier = comp.remedy_earlier(last_weak, topics, lazy=rng.random() < 0.3) if last_weak is not None else \
        [comp.sent(rng.choice(fam["earlier_none"]).replace("bản thân", "chi bộ"), "remedy_earlier")]
    resp = [comp.sent(rng.choice(cf["resp"]), "collective_responsibility")]
    drop = set()
    if "unremedied_weaknesses" in faults:
        drop = set(rng.sample(topics, rng.randint(1, len(topics))))
    plan_items: list[Sent] = []
    keep_topics = [t for t in topics if t not in drop]
    spec_plan = [False] * len(keep_topics)
    if "vague_plan" not in faults and keep_topics:
        spec_plan = [rng.random() < 0.6 for _ in keep_topics]
        if not any(spec_plan):
            spec_plan[0] = True
    for t, sp in zip(keep_topics, spec_plan, strict=True):
        plan_items.append(comp.plan_item(t, sector, sp))
    plan_items += comp.stock_sents("plan", "gen", rng.randint(0, 1), "plan", kind="plan", label="vague")
    if not plan_items:
        plan_items = comp.stock_sents("plan", "coll_content", 1, "plan", kind="plan", label="vague", topic="coll_content")
        if "coll_content" in topics and "coll_content" in drop:
            plan_items = comp.stock_sents("plan", "gen", 1, "plan", kind="plan", label="vague")
    blocks: dict[str, Any] = {
        "principles": Block(principles, pre=[comp.sent(rng.choice(cf["intro"]), "other", intro_ctx)] if rng.random() < 0.6 else []),
        "targets": Block(targets),
        "party_building": Block(party),
        "political_task": Block(political),
        "remedy_earlier": Block(earlier),
        "explanations": Block([comp.sent(rng.choice(fam["explain_none"]), "other")]),
        "collective_responsibility": Block(resp),
        "plan": Block(plan_items),
    }
    rating_groups = comp.rating_lines(per, plan.rating, plan.scores, False, collective=True)
    nodes = skeleton(version, True)
    items_ = expand_i1(nodes, style, blocks, rng)
    items_ = merge_shortcomings(items_, Block(weak_sents), Block(causes), style.merge_ii)
    k = 0
    for it in items_:
        if it.label == "self_rating":
            it.block = Block(rating_groups[min(k, len(rating_groups) - 1)])
            it.role = "rating"
            k += 1
        elif it.parent_key == "part_b":
            it.role = "rating"
    keep = {"explanations": rng.random() < 0.7}
    items_ = drop_and_reorder(items_, style, rng, keep)
    sections = to_sections(items_, style, fam, rng, docx)
    if per == "2025":
        title = [f"BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI TẬP THỂ CHI BỘ {unit.name.upper()} NĂM {year}"]
    else:
        title = ["BÁO CÁO", f"KIỂM ĐIỂM TẬP THỂ CHI BỘ {unit.name.upper()} NĂM {year}"]
    preamble = comp.text(rng.choice(cf["preamble"])) if style.preamble else None
    info = HeaderInfo(unit.parent, unit.name, unit.place, _date(rng, year), _code(version, style, rng), title, None,
                      [], preamble, number_line=f"Số {rng.randint(1, 60):02d}-BC/CB")
    head, t0, left, right = header_section(info, style)
    foot = footer_section([], ["T/M CHI BỘ", "BÍ THƯ", leader_name], style)
    doc = Doc(doc_id, [head] + sections + [foot])
    doc.header_left, doc.header_right = (left, right) if (docx and style.header_table) else (0, 0)
    doc.meta.update({"header_table_start": t0, "form_version": version, "kind": "collective", "role": "leader",
                     "year": year, "self_rating": plan.rating, "member_id": f"{unit.unit_id}-C", "unit": unit.unit_id,
                     "sector": unit.sector_key})
    return doc, comp
