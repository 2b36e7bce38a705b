"""The fictitious organisation: units (chi bộ) in sectors, members with stable jobs and writing styles,
who join, leave and change posts across years."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from pipeline.corpus.data import fill, lower_first, names, sectors
from pipeline.corpus.forms import SCHEMES

MIN_MEMBERS, MAX_MEMBERS = 5, 25


@dataclass
class Style:
    """How one person writes, stable across years (with small drifts)."""

    seed: int
    layout: str  # prose | bullets | mixed
    bullet: str  # "- " | "+ "
    scheme: str  # key of forms.SCHEMES
    wording: str  # official | short | mixed
    upper_l1: bool
    heading_colon: bool
    split_i1: str  # merged | split2 | split4 | flat4
    merge_ii: bool  # weaknesses and causes under one heading
    merge_leadership: bool
    inline_sub: bool  # "Heading: content" for level 2-3 headings
    keep_optional: float  # probability of keeping an optional (IV/V "nếu có") section
    missing_heading: float  # probability of leaving out a heading (content kept)
    reorder: float  # probability of one section swap
    blank_between: bool
    prompts: bool  # keeps the form's prompt lines
    keep_neu_co: bool  # keeps "(nếu có)" in headings
    length: float  # verbosity multiplier
    self_word: str  # bản thân | tôi
    typo_rate: float
    duties_style: str  # list | prose | table
    header_table: bool  # .docx
    heading_tables: bool  # .docx
    closing: bool
    preamble: bool
    star_line: bool
    code_pos: str  # top | after | none
    fields_inline: bool  # several header fields on one line
    intro_plan: bool


def draw_style(rng: random.Random) -> Style:
    """A writer's style; the distribution is wide on purpose (detectors must not learn one layout)."""
    layout = rng.choices(("prose", "bullets", "mixed"), (0.35, 0.35, 0.30))[0]
    length = rng.choices((0.25, 0.4, 0.6, 0.85, 1.0, 1.3, 1.7, 2.3, 3.2), (8, 10, 12, 14, 14, 14, 12, 9, 7))[0]
    terse = length < 0.5
    scheme = rng.choices(list(SCHEMES), (0.30, 0.10, 0.05, 0.06, 0.08, 0.04, 0.10, 0.07, 0.12, 0.08))[0]
    return Style(
        seed=rng.randrange(1 << 30),
        layout=layout,
        bullet=rng.choices(("- ", "+ "), (0.8, 0.2))[0],
        scheme=scheme,
        wording=rng.choices(("official", "short", "mixed"), (0.15, 0.7, 0.15) if terse else (0.45, 0.30, 0.25))[0],
        upper_l1=rng.random() < 0.55,
        heading_colon=rng.random() < 0.3,
        split_i1=rng.choices(("merged", "split2", "split4", "flat4"), (0.45, 0.15, 0.25, 0.15))[0],
        merge_ii=rng.random() < 0.3,
        merge_leadership=rng.random() < 0.4,
        inline_sub=rng.random() < 0.25,
        keep_optional=0.1 if terse else rng.choice((0.2, 0.6, 0.95)),
        missing_heading=rng.choice((0.0, 0.0, 0.03, 0.1)),
        reorder=rng.choice((0.0, 0.0, 0.1, 0.3)),
        blank_between=rng.random() < 0.35,
        prompts=not terse and rng.random() < 0.15,
        keep_neu_co=rng.random() < 0.4,
        length=length,
        self_word=rng.choices(("bản thân", "tôi"), (0.6, 0.4))[0],
        typo_rate=rng.choice((0.0, 0.0, 0.005, 0.01, 0.03)),
        duties_style=rng.choices(("list", "prose", "table"), (0.45, 0.35, 0.20))[0],
        header_table=rng.random() < 0.7,
        heading_tables=rng.random() < 0.1,
        closing=rng.random() < (0.3 if terse else 0.75),
        preamble=rng.random() < (0.2 if terse else 0.65),
        star_line=rng.random() < 0.4,
        code_pos=rng.choices(("top", "after", "none"), (0.5, 0.35, 0.15))[0],
        fields_inline=rng.random() < 0.15,
        intro_plan=rng.random() < 0.4,
    )


def drift_style(style: Style, rng: random.Random) -> Style:
    """A small year-to-year change of a writer's habits (new template, new office)."""
    if rng.random() < 0.8:
        return style
    fresh = draw_style(rng)
    changed = rng.sample(["layout", "scheme", "wording", "split_i1", "merge_ii", "duties_style", "upper_l1", "length"], 2)
    values = {name: getattr(fresh, name) for name in changed}
    out = Style(**{**style.__dict__, **values})
    return out


@dataclass
class Member:
    member_id: str
    unit_id: str
    name: str
    gender: str
    dob: str
    job: dict[str, Any]
    vars: dict[str, str]
    post: str  # chức vụ chính quyền
    party_post: str  # chức vụ Đảng
    mass_post: str
    leader_rank: int  # 0 member, 1 secretary, 2 deputy secretary
    joined: int
    left: int | None
    style: Style
    seed: int
    #: year → Doc (only the last two years are kept)
    docs: dict[int, Any] = field(default_factory=dict)
    #: year → frame keys used (a genuine writer does not reuse last year's personal sentences)
    used: dict[int, set[str]] = field(default_factory=dict)
    #: year → fact phrases stated (figures); next year's genuine report states new ones
    facts: dict[int, set[str]] = field(default_factory=dict)
    #: year → weakness topics stated
    weak_topics: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    #: year → style used (styles drift)
    styles: dict[int, Style] = field(default_factory=dict)

    @property
    def is_leader(self) -> bool:
        return self.leader_rank > 0


@dataclass
class Unit:
    unit_id: str
    index: int
    sector_key: str
    sector: dict[str, Any]
    name: str  # "Trường THCS Tân Hòa" (without "Chi bộ")
    parent: str  # "xã Tân Hòa"
    place: str
    district: str
    workplace: str
    admin: str = "xã"  # xã | phường
    members: list[Member] = field(default_factory=list)
    roster: dict[int, list[Member]] = field(default_factory=dict)
    coll_docs: dict[int, Any] = field(default_factory=dict)
    coll_style: Style | None = None
    next_member: int = 1


@dataclass
class Org:
    seed: int
    district: str
    units: list[Unit]


def _weighted(rng: random.Random, pairs: list[list[Any]]) -> Any:
    return rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]


def _place(rng: random.Random) -> str:
    nm = names()
    first = rng.choice(nm["place_first"])
    second = rng.choice([s for s in nm["place_second"] if s != first])
    return f"{first} {second}"


def person_name(rng: random.Random, gender: str) -> str:
    nm = names()
    return f"{_weighted(rng, nm['surnames'])} {rng.choice(nm['middle'][gender])} {rng.choice(nm['given'][gender])}"


_GENDER_M = {"police": 0.85, "military": 0.9, "school": 0.3, "hospital": 0.4, "state_enterprise": 0.7, "retirees": 0.55}
_AGE = {"retirees": (60, 86)}


def _new_member(unit: Unit, year: int, rng: random.Random, leader_rank: int = 0) -> Member:
    sector = unit.sector
    gender = "m" if rng.random() < _GENDER_M.get(unit.sector_key, 0.5) else "f"
    lo, hi = _AGE.get(unit.sector_key, (24, 58))
    if leader_rank:
        lo = max(lo, 35)
    age = rng.randint(lo, hi)
    dob = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year - age}"
    job = rng.choice(sector["jobs"])
    jvars = {k: rng.choice(v) for k, v in job.get("vars", {}).items()}
    area = fill(job["area"], {**jvars}, rng)
    jvars["area"] = area
    birth = year - age
    joined = rng.randint(min(birth + 20, year - 1), year - 1)
    jvars["joined_party"] = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{joined}"
    jvars["theory_level"] = rng.choice(("Sơ cấp", "Trung cấp", "Trung cấp", "Cao cấp")) if leader_rank else \
        rng.choice(("Sơ cấp", "Sơ cấp", "Trung cấp"))
    mid = f"{unit.unit_id}-M{unit.next_member:03d}"
    unit.next_member += 1
    post = job["post"]
    party_post = "Đảng viên"
    if leader_rank:
        lp = sector["leaders"][min(leader_rank, len(sector["leaders"])) - 1]
        post, party_post = fill(lp["gov"], {"admin": unit.admin}, rng), lp["party"]
    mass_post = rng.choice(("", "", "Đoàn viên công đoàn", "Ủy viên Ban Chấp hành công đoàn", "Hội viên Hội Cựu chiến binh"))
    seed = rng.randrange(1 << 30)
    return Member(
        member_id=mid, unit_id=unit.unit_id, name=person_name(rng, gender), gender=gender, dob=dob, job=job,
        vars=jvars, post=post, party_post=party_post, mass_post=mass_post, leader_rank=leader_rank, joined=year,
        left=None, style=draw_style(rng), seed=seed,
    )


def _promote(member: Member, unit: Unit, rank: int) -> None:
    lp = unit.sector["leaders"][min(rank, len(unit.sector["leaders"])) - 1]
    member.leader_rank = rank
    member.post, member.party_post = lp["gov"].replace("{admin}", unit.admin), lp["party"]


def build_org(seed: int, n_units: int, years: list[int]) -> Org:
    """Units, members and yearly rosters. Sectors are dealt so that the first units cover all sectors."""
    rng = random.Random(f"{seed}|org")
    district = f"huyện {_place(rng)}"
    keys = list(sectors())
    rng.shuffle(keys)
    units: list[Unit] = []
    for i in range(n_units):
        key = keys[i % len(keys)] if i < len(keys) else rng.choice(keys)
        sector = sectors()[key]
        urng = random.Random(f"{seed}|unit|{i}")
        place = _place(urng)
        admin = "xã" if key in ("military", "cooperative") or urng.random() < 0.55 else "phường"
        ctx = {"place": place, "dist": district, "admin": admin}
        k = urng.randrange(len(sector["unit"]))
        unit = Unit(
            unit_id=f"U{i + 1:02d}", index=i, sector_key=key, sector=sector,
            name=fill(sector["unit"][k], ctx, urng), parent=fill(urng.choice(sector["parent"]), ctx, urng),
            place=place, district=district, workplace=fill(sector["workplace"][k], ctx, urng), admin=admin,
        )
        unit.coll_style = draw_style(urng)
        _populate(unit, years, urng)
        units.append(unit)
    return Org(seed, district, units)


def _populate(unit: Unit, years: list[int], rng: random.Random) -> None:
    lo, hi = unit.sector["size"]
    lo, hi = max(lo, MIN_MEMBERS), min(hi, MAX_MEMBERS)
    first = years[0]
    size = rng.randint(lo, hi)
    n_leaders = 2 if rng.random() < 0.6 else 1
    current: list[Member] = []
    for r in range(1, n_leaders + 1):
        current.append(_new_member(unit, first, rng, leader_rank=r))
    while len(current) < size:
        current.append(_new_member(unit, first, rng))
    unit.members.extend(current)
    for k, year in enumerate(years):
        if k:
            current = _next_year(unit, current, year, rng)
        unit.roster[year] = sorted(current, key=lambda m: (m.leader_rank == 0, m.leader_rank, m.member_id))


def _next_year(unit: Unit, current: list[Member], year: int, rng: random.Random) -> list[Member]:
    stay: list[Member] = []
    for m in current:
        p_leave = 0.05 if m.is_leader else 0.07
        if rng.random() < p_leave and len(current) > MIN_MEMBERS:
            m.left = year
        else:
            stay.append(m)
    # fill leadership gaps: the deputy moves up, or a member is promoted
    ranks = {m.leader_rank for m in stay if m.is_leader}
    if 1 not in ranks:
        deputy = next((m for m in stay if m.leader_rank == 2), None)
        cand = deputy or next((m for m in sorted(stay, key=lambda x: x.member_id) if not m.is_leader), None)
        if cand is not None:
            _promote(cand, unit, 1)
    had_deputy = any(m.leader_rank == 2 for m in current)
    if had_deputy and not any(m.leader_rank == 2 for m in stay) and rng.random() < 0.7:
        pool = [m for m in sorted(stay, key=lambda x: x.member_id) if not m.is_leader]
        if pool:
            _promote(rng.choice(pool), unit, 2)
    joins = rng.choices((0, 1, 2), (0.45, 0.4, 0.15))[0]
    for _ in range(joins):
        if len(stay) >= MAX_MEMBERS:
            break
        newm = _new_member(unit, year, rng)
        unit.members.append(newm)
        stay.append(newm)
    while len(stay) < MIN_MEMBERS:
        newm = _new_member(unit, year, rng)
        unit.members.append(newm)
        stay.append(newm)
    return stay


def post_lower(post: str) -> str:
    return lower_first(post)
