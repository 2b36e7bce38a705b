"""The shared vocabulary of Soi: finding names, section labels and the output contract.

Everything that crosses a module boundary (column names, label sets) is defined here once.
The output contract of ``soi screen`` is built from these lists: columns may be appended,
never renamed or dropped (scripts rely on them).
"""

from __future__ import annotations

# --- findings ---------------------------------------------------------------------------------

#: The nine findings of the output contract, in column order.
FINDINGS: tuple[str, ...] = (
    "copied_prior",
    "copied_peer",
    "template_heavy",
    "missing_ideology",
    "missing_ethics",
    "vague_plan",
    "generic_weaknesses",
    "unquantified_results",
    "no_collective_responsibility",
)

#: Findings added after the first contract (appended, never interleaved).
EXTRA_FINDINGS: tuple[str, ...] = ("unremedied_weaknesses",)

ALL_FINDINGS: tuple[str, ...] = FINDINGS + EXTRA_FINDINGS

# --- document model ---------------------------------------------------------------------------

KINDS: tuple[str, ...] = ("individual", "collective")
ROLES: tuple[str, ...] = ("member", "leader")

#: Self-proposed rating levels, best first (domain.md §5).
RATINGS: tuple[str, ...] = (
    "hoan_thanh_xuat_sac",  # Hoàn thành xuất sắc nhiệm vụ
    "hoan_thanh_tot",  # Hoàn thành tốt nhiệm vụ
    "hoan_thanh",  # Hoàn thành nhiệm vụ
    "khong_hoan_thanh",  # Không hoàn thành nhiệm vụ
)

#: Form versions (domain.md §0). The letter alone never decides: 02A (2023) = no post,
#: 2A (2025) = leadership post.
FORM_VERSIONS: tuple[str, ...] = (
    "2019",  # Mẫu 02-HD KĐ.ĐG 2019, one individual form (HD 21, reviews 2019-2022)
    "2023-02A",  # Reg 124 / HD 25, member without a leadership post
    "2023-02B",  # Reg 124 / HD 25, member with a leadership post
    "2025-2A",  # Reg 366 / HD 43, leadership post
    "2025-2B",  # Reg 366 / HD 43, no leadership post
    "2025-2C",  # Reg 366 / HD 43, member outside the political system
    "2019-collective",
    "2023-collective",
    "2025-collective",  # Mẫu 01 with the 100-point part
    "unknown",
)

# --- sections ---------------------------------------------------------------------------------

#: Canonical section labels of an individual report, in form order.
INDIVIDUAL_SECTIONS: tuple[str, ...] = (
    "header",  # title, header fields, preamble
    "ideology",  # phẩm chất chính trị, tư tưởng chính trị
    "ethics",  # phẩm chất đạo đức, lối sống, đoàn kết nội bộ
    "discipline",  # ý thức tổ chức kỷ luật, nêu gương, điều đảng viên không được làm
    "working_style",  # tác phong, lề lối làm việc
    "duties",  # thực hiện chức trách, nhiệm vụ được giao; results and products
    "leadership",  # leader items: results of leading, unity, innovation, example-setting
    "commitment",  # cam kết tu dưỡng, rèn luyện, phấn đấu
    "weaknesses",  # hạn chế, khuyết điểm
    "causes",  # nguyên nhân
    "remedy_earlier",  # kết quả khắc phục hạn chế đã chỉ ra ở kỳ kiểm điểm trước
    "explanations",  # giải trình những vấn đề được gợi ý kiểm điểm
    "collective_responsibility",  # trách nhiệm đối với hạn chế của tập thể
    "plan",  # phương hướng, biện pháp khắc phục
    "self_rating",  # tự nhận mức xếp loại / tự chấm điểm (2025 part B)
    "other",  # signature block, closing lines, anything else
)

#: Sections that only a collective report (Mẫu 01) has.
COLLECTIVE_SECTIONS: tuple[str, ...] = (
    "principles",  # nguyên tắc tập trung dân chủ, quy chế làm việc
    "targets",  # kết quả thực hiện mục tiêu, chỉ tiêu, nhiệm vụ
    "party_building",  # xây dựng, chỉnh đốn Đảng; nêu gương; phòng chống tham nhũng; kiểm tra, giám sát
    "political_task",  # trách nhiệm lãnh đạo thực hiện nhiệm vụ chính trị của địa phương/đơn vị
)

SECTION_LABELS: tuple[str, ...] = INDIVIDUAL_SECTIONS + COLLECTIVE_SECTIONS

#: Separator of a merged heading's label, e.g. "ideology+ethics" for
#: "Về tư tưởng chính trị, phẩm chất đạo đức, lối sống". Parts are in SECTION_LABELS order.
MERGE_SEP = "+"


def merged_label(parts: list[str] | tuple[str, ...] | set[str]) -> str:
    """Canonical label of a section whose heading names several topics."""
    order = {name: i for i, name in enumerate(SECTION_LABELS)}
    unknown = [p for p in parts if p not in order]
    if unknown:
        raise ValueError(f"unknown section labels: {unknown}")
    return MERGE_SEP.join(sorted(set(parts), key=order.__getitem__))


# --- sentence dimensions (labelled/sentences.csv, content stage) -------------------------------

DIMENSIONS: tuple[str, ...] = (
    "ideology",
    "ethics_lifestyle",
    "discipline",
    "working_style",
    "duties_results",
    "leadership",
    "commitment",
    "weakness",
    "cause",
    "remedy_earlier",
    "collective_responsibility",
    "plan",
    "rating",
    "other",
)

# --- output contract --------------------------------------------------------------------------

DOCUMENT_ID_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "path",
    "member_id",
    "unit",
    "year",
    "kind",
    "role",
    "form_version",
    "self_rating",
    "risk",
)


def score_column(finding: str) -> str:
    """Name of the column holding the score behind a finding's flag."""
    return f"{finding}_score"


#: documents.csv, in order. Extensions are appended at the end.
DOCUMENT_COLUMNS: tuple[str, ...] = (
    DOCUMENT_ID_COLUMNS
    + FINDINGS
    + ("copied_peer_of",)
    + tuple(score_column(f) for f in FINDINGS)
    + ("reasons",)
    # extensions (appended after the first contract)
    + ("unremedied_weaknesses", score_column("unremedied_weaknesses"))
    + ("name", "guessed_fields", "warnings", "common_wording_share", "sha256")
)

MATCH_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "source_doc_id",
    "source_kind",  # prior | peer | template
    "start",  # character span in the report's normalised text, [start, end)
    "end",
    "source_start",  # character span in the source's normalised text
    "source_end",
    "similarity",  # 0-1
    "match_type",  # identical | refreshed | paraphrased
    "text",  # the report's passage (for reading; extension)
    "source_text",
)

PLAN_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "item",
    "label",  # specific | vague
    "missing",  # ';'-joined subset of measure;deadline;target
    "score",  # probability that the item is specific
    # extensions
    "start",
    "end",
    "deadline",  # the deadline expression found, if any
    "deadline_start",  # normalised period, ISO dates
    "deadline_end",
    "answers_weakness",  # the weakness the item answers, if linked
)

ERROR_COLUMNS: tuple[str, ...] = ("path", "error")

SOURCE_KINDS: tuple[str, ...] = ("prior", "peer", "template")
MATCH_TYPES: tuple[str, ...] = ("identical", "refreshed", "paraphrased")
PLAN_SLOTS: tuple[str, ...] = ("measure", "deadline", "target")
