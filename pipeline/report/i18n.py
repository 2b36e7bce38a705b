"""Labels of the human-facing outputs (report.html, report.xlsx, pictures): Vietnamese by default.

``labels("vi")`` / ``labels("en")`` give one flat dict of UI strings; ``finding_label``,
``rating_label`` and ``column_header`` translate contract names. Machine names (finding and
column names of the CSV contract) never change with the language; only what people read does.
Vietnamese strings are NFC with the traditional tone placement (see docs/HELPERS.md).
"""

from __future__ import annotations

from typing import Any

from pipeline import schema

LANGS: tuple[str, ...] = ("vi", "en")

FINDING_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "copied_prior": "Chép lại bản kiểm điểm năm trước",
        "copied_peer": "Trùng với bản kiểm điểm của người khác",
        "template_heavy": "Chép theo bài mẫu",
        "missing_ideology": "Không tự liên hệ về tư tưởng chính trị",
        "missing_ethics": "Không tự liên hệ về đạo đức, lối sống",
        "vague_plan": "Biện pháp khắc phục chung chung",
        "generic_weaknesses": "Hạn chế, khuyết điểm chung chung",
        "unquantified_results": "Kết quả không định lượng",
        "no_collective_responsibility": "Không nêu trách nhiệm với hạn chế của tập thể",
        "unremedied_weaknesses": "Hạn chế năm trước chưa khắc phục",
    },
    "en": {
        "copied_prior": "Copied from own earlier report",
        "copied_peer": "Shared with a colleague's report",
        "template_heavy": "Copied from a published sample",
        "missing_ideology": "Silent on political ideology",
        "missing_ethics": "Silent on ethics and lifestyle",
        "vague_plan": "Vague remediation plan",
        "generic_weaknesses": "Generic weaknesses",
        "unquantified_results": "Unquantified results",
        "no_collective_responsibility": "No responsibility for the collective's weaknesses",
        "unremedied_weaknesses": "Last year's weaknesses not addressed",
    },
}

#: Short labels for narrow table columns and chart legends.
FINDING_SHORT: dict[str, dict[str, str]] = {
    "vi": {
        "copied_prior": "Chép năm trước",
        "copied_peer": "Trùng người khác",
        "template_heavy": "Bài mẫu",
        "missing_ideology": "Thiếu tư tưởng",
        "missing_ethics": "Thiếu đạo đức",
        "vague_plan": "Khắc phục chung chung",
        "generic_weaknesses": "Hạn chế chung chung",
        "unquantified_results": "Kết quả không số liệu",
        "no_collective_responsibility": "Thiếu trách nhiệm tập thể",
        "unremedied_weaknesses": "Chưa khắc phục",
    },
    "en": {
        "copied_prior": "Own prior",
        "copied_peer": "Colleague",
        "template_heavy": "Sample",
        "missing_ideology": "No ideology",
        "missing_ethics": "No ethics",
        "vague_plan": "Vague plan",
        "generic_weaknesses": "Generic weaknesses",
        "unquantified_results": "Unquantified",
        "no_collective_responsibility": "No collective resp.",
        "unremedied_weaknesses": "Unremedied",
    },
}

RATING_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "hoan_thanh_xuat_sac": "Hoàn thành xuất sắc nhiệm vụ",
        "hoan_thanh_tot": "Hoàn thành tốt nhiệm vụ",
        "hoan_thanh": "Hoàn thành nhiệm vụ",
        "khong_hoan_thanh": "Không hoàn thành nhiệm vụ",
        "": "Chưa rõ",
    },
    "en": {
        "hoan_thanh_xuat_sac": "Excellent",
        "hoan_thanh_tot": "Good",
        "hoan_thanh": "Completed",
        "khong_hoan_thanh": "Not completed",
        "": "Not found",
    },
}

SLOT_LABELS: dict[str, dict[str, str]] = {
    "vi": {"measure": "biện pháp", "deadline": "thời hạn", "target": "kết quả cần đạt"},
    "en": {"measure": "measure", "deadline": "deadline", "target": "target"},
}

SOURCE_KIND_LABELS: dict[str, dict[str, str]] = {
    "vi": {"prior": "bản năm trước của chính mình", "peer": "bản của người khác", "template": "bài mẫu"},
    "en": {"prior": "own earlier report", "peer": "colleague's report", "template": "published sample"},
}

MATCH_TYPE_LABELS: dict[str, dict[str, str]] = {
    "vi": {"identical": "giống hệt", "refreshed": "sửa số liệu, ngày tháng", "paraphrased": "diễn đạt lại"},
    "en": {"identical": "identical", "refreshed": "dates/numbers refreshed", "paraphrased": "paraphrased"},
}

QUOTA_STATUS_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "within": "trong giới hạn",
        "over_unless_outstanding": "vượt 20%, chỉ được nếu đơn vị có thành tích nổi trội (≤ 25%)",
        "over": "vượt giới hạn",
        "no_base": "không có ai tự nhận mức tốt trở lên",
        "unknown_regulation": "không rõ quy định áp dụng",
    },
    "en": {
        "within": "within the quota",
        "over_unless_outstanding": "over 20%, allowed only for outstanding units (≤ 25%)",
        "over": "over the quota",
        "no_base": "nobody proposed good or better",
        "unknown_regulation": "governing regulation unknown",
    },
}

#: Short quota statuses for the HTML table (the long ones are the cell's tooltip).
QUOTA_STATUS_SHORT: dict[str, dict[str, str]] = {
    "vi": {
        "within": "đạt",
        "over_unless_outstanding": "vượt 20%",
        "over": "vượt",
        "no_base": "-",
        "unknown_regulation": "?",
    },
    "en": {
        "within": "within",
        "over_unless_outstanding": "over 20%",
        "over": "over",
        "no_base": "-",
        "unknown_regulation": "?",
    },
}

#: Column headers of the workbook and tables (machine name -> readable header).
COLUMN_HEADERS: dict[str, dict[str, str]] = {
    "vi": {
        "doc_id": "Mã bản kiểm điểm",
        "path": "Tệp",
        "member_id": "Mã đảng viên",
        "unit": "Chi bộ",
        "year": "Năm",
        "kind": "Loại",
        "role": "Vai trò",
        "form_version": "Mẫu",
        "self_rating": "Tự nhận xếp loại",
        "risk": "Mức rủi ro",
        "copied_peer_of": "Trùng với bản của",
        "reasons": "Lý do",
        "name": "Họ và tên",
        "guessed_fields": "Thông tin đoán từ nội dung",
        "warnings": "Cảnh báo",
        "common_wording_share": "Tỷ lệ câu chữ phổ biến",
        "sha256": "SHA-256",
        "source_doc_id": "Nguồn",
        "source_kind": "Loại nguồn",
        "start": "Từ ký tự",
        "end": "Đến ký tự",
        "source_start": "Nguồn từ ký tự",
        "source_end": "Nguồn đến ký tự",
        "similarity": "Độ giống",
        "match_type": "Kiểu trùng",
        "text": "Đoạn văn",
        "source_text": "Đoạn văn nguồn",
        "item": "Biện pháp",
        "label": "Đánh giá",
        "missing": "Còn thiếu",
        "score": "Xác suất cụ thể",
        "deadline": "Thời hạn",
        "deadline_start": "Thời hạn từ",
        "deadline_end": "Thời hạn đến",
        "answers_weakness": "Khắc phục hạn chế",
        "error": "Lỗi",
        "rank": "Hạng",
        "regulation": "Quy định áp dụng",
        "reports": "Số bản",
        "individual_reports": "Bản cá nhân",
        "collective_reports": "Bản tập thể",
        "with_findings": "Có phát hiện",
        "mean_risk": "Rủi ro trung bình",
        "max_risk": "Rủi ro cao nhất",
        "rated_excellent": "Tự nhận HTXSNV",
        "rated_good": "Tự nhận HTTNV",
        "rated_completed": "Tự nhận HTNV",
        "rated_not_completed": "Tự nhận KHTNV",
        "rating_missing": "Không rõ mức tự nhận",
        "excellent_with_findings": "HTXSNV có phát hiện",
        "excellent_with_findings_ids": "Các bản HTXSNV có phát hiện",
        "quota_base": "Số tự nhận HTTNV trở lên",
        "excellent_share": "Tỷ lệ HTXSNV",
        "quota_cap": "Giới hạn tỷ lệ",
        "quota_cap_outstanding": "Giới hạn cho đơn vị nổi trội",
        "excellent_allowed": "Số HTXSNV tối đa",
        "quota_status": "Đối chiếu tỷ lệ",
    },
    "en": {
        "doc_id": "Report id",
        "path": "File",
        "member_id": "Member id",
        "unit": "Party cell",
        "year": "Year",
        "kind": "Kind",
        "role": "Role",
        "form_version": "Form",
        "self_rating": "Self-proposed rating",
        "risk": "Risk",
        "copied_peer_of": "Shared with",
        "reasons": "Reasons",
        "name": "Name",
        "guessed_fields": "Fields guessed from the text",
        "warnings": "Warnings",
        "common_wording_share": "Common wording share",
        "sha256": "SHA-256",
        "source_doc_id": "Source",
        "source_kind": "Source kind",
        "start": "Start",
        "end": "End",
        "source_start": "Source start",
        "source_end": "Source end",
        "similarity": "Similarity",
        "match_type": "Match type",
        "text": "Passage",
        "source_text": "Source passage",
        "item": "Plan item",
        "label": "Label",
        "missing": "Missing",
        "score": "P(specific)",
        "deadline": "Deadline",
        "deadline_start": "Deadline from",
        "deadline_end": "Deadline to",
        "answers_weakness": "Answers weakness",
        "error": "Error",
        "rank": "Rank",
        "regulation": "Regulation",
        "reports": "Reports",
        "individual_reports": "Individual",
        "collective_reports": "Collective",
        "with_findings": "With findings",
        "mean_risk": "Mean risk",
        "max_risk": "Max risk",
        "rated_excellent": "Proposed excellent",
        "rated_good": "Proposed good",
        "rated_completed": "Proposed completed",
        "rated_not_completed": "Proposed not completed",
        "rating_missing": "Rating not found",
        "excellent_with_findings": "Excellent with findings",
        "excellent_with_findings_ids": "Excellent reports with findings",
        "quota_base": "Proposed good or better",
        "excellent_share": "Excellent share",
        "quota_cap": "Quota",
        "quota_cap_outstanding": "Quota, outstanding units",
        "excellent_allowed": "Excellent allowed",
        "quota_status": "Quota check",
    },
}

UI: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Soi — kết quả sàng lọc bản kiểm điểm",
        "subtitle": "Bản kiểm điểm xếp theo mức rủi ro viết hình thức; mỗi phát hiện kèm bằng chứng.",
        "generated": "Tạo lúc",
        "reports": "bản kiểm điểm",
        "errors_count": "tệp không đọc được",
        "nav_ranking": "Xếp hạng",
        "nav_units": "Theo chi bộ",
        "nav_charts": "Biểu đồ",
        "nav_details": "Chi tiết",
        "nav_errors": "Tệp lỗi",
        "filter_unit": "Chi bộ",
        "filter_year": "Năm",
        "filter_finding": "Phát hiện",
        "all": "Tất cả",
        "any_finding": "Có ít nhất một phát hiện",
        "no_finding": "Không có phát hiện",
        "excellent_flagged": "Tự nhận HTXSNV nhưng có phát hiện",
        "shown": "Đang hiển thị",
        "of": "trên",
        "reset": "Bỏ lọc",
        "findings": "Phát hiện",
        "risk_note": "Mức rủi ro 0-1 gộp các phát hiện: rủi ro = 1 - Π(1 - w)^phát hiện.",
        "weights": "Trọng số",
        "weights_fitted": "khớp trên bộ dữ liệu sinh có đáp án, models/risk.json",
        "weights_default": "mặc định 0,5 cho mỗi phát hiện, chưa khớp",
        "not_computed": "Chưa tính (bước phân tích không chạy)",
        "details_title": "Bằng chứng từng bản",
        "details_limited": "Chi tiết chỉ có cho {n} bản rủi ro cao nhất; các bản còn lại xem trong report.xlsx.",
        "rows_limited": "Bảng chỉ liệt kê {n} bản rủi ro cao nhất; đầy đủ trong documents.csv và report.xlsx.",
        "reasons": "Lý do",
        "no_findings": "Không có phát hiện nào.",
        "evidence_text": "Toàn văn, các đoạn trùng được tô màu theo nguồn",
        "legend": "Nguồn",
        "side_by_side": "Đối chiếu từng đoạn",
        "more_pairs": "Còn {n} đoạn trùng khác với nguồn này (xem matches.csv, report.xlsx).",
        "more_sources": "Còn {n} nguồn khác chỉ được tô màu trong toàn văn (xem matches.csv, report.xlsx).",
        "passages": "đoạn",
        "this_report": "Bản này",
        "source": "Nguồn",
        "prior_title": "So với bản kiểm điểm năm trước",
        "peer_title": "So với bản kiểm điểm của người khác",
        "template_title": "So với bài mẫu",
        "archive": "bản lưu trữ, không có trong đợt này",
        "missing_topics": "Nội dung còn thiếu",
        "sections_not_found": "Không thấy các mục của mẫu",
        "plans": "Biện pháp khắc phục",
        "plan_missing": "thiếu",
        "plan_specific": "cụ thể",
        "plan_vague": "chung chung",
        "no_plans": "Không tìm thấy biện pháp khắc phục nào.",
        "plans_not_run": "Bước phân tích biện pháp khắc phục chưa chạy.",
        "units_title": "Tổng hợp theo chi bộ và năm",
        "units_note": (
            "Đối chiếu tỷ lệ tự nhận HTXSNV với giới hạn của quy định áp dụng: HTXSNV không quá 20% số được "
            "xếp loại HTTNV trở lên (QĐ 366: đến 25% với đơn vị có thành tích nổi trội). Đây là mức tự nhận, "
            "chưa phải kết quả xếp loại; chỉ tính bản cá nhân."
        ),
        "callout_title": "Tự nhận HTXSNV trên bản có phát hiện",
        "callout_none": "Không có bản nào tự nhận HTXSNV mà có phát hiện.",
        "charts_title": "Biểu đồ",
        "chart_units": "Phân bố mức rủi ro theo chi bộ",
        "chart_trend": "Xu hướng theo năm",
        "charts_unavailable": "Không vẽ được biểu đồ (thiếu matplotlib).",
        "errors_title": "Tệp không đọc được",
        "no_errors": "Không có.",
        "to_top": "Lên đầu trang",
        "to_row": "Về bảng",
        "open_detail": "Xem bằng chứng",
        "score": "điểm",
        "flag": "phát hiện",
        "warnings": "Cảnh báo",
        "guessed": "Thông tin đoán từ nội dung",
        "form": "Mẫu",
        "similarity": "độ giống",
        "chart_risk_axis": "Mức rủi ro",
        "chart_share_axis": "Tỷ lệ bản có phát hiện",
        "chart_mean_risk": "Rủi ro trung bình",
        "chart_any": "Có ít nhất một phát hiện",
        "chart_year": "Năm",
        "chart_unit_axis": "Chi bộ",
        "chart_more_units": "và {n} chi bộ khác",
    },
    "en": {
        "title": "Soi — screening of self-review reports",
        "subtitle": "Reports ranked by the risk of formulaic writing; every finding with its evidence.",
        "generated": "Generated",
        "reports": "reports",
        "errors_count": "files could not be read",
        "nav_ranking": "Ranking",
        "nav_units": "By party cell",
        "nav_charts": "Charts",
        "nav_details": "Details",
        "nav_errors": "Unreadable files",
        "filter_unit": "Party cell",
        "filter_year": "Year",
        "filter_finding": "Finding",
        "all": "All",
        "any_finding": "Any finding",
        "no_finding": "No finding",
        "excellent_flagged": "Proposed excellent despite findings",
        "shown": "Showing",
        "of": "of",
        "reset": "Clear filters",
        "findings": "Findings",
        "risk_note": "Risk 0-1 combines the findings: risk = 1 - Π(1 - w)^flag.",
        "weights": "Weights",
        "weights_fitted": "fitted on generated batches with truth, models/risk.json",
        "weights_default": "default 0.5 each, not fitted",
        "not_computed": "Not computed (stage did not run)",
        "details_title": "Evidence per report",
        "details_limited": "Details only for the {n} riskiest reports; see report.xlsx for the rest.",
        "rows_limited": "The table lists the {n} riskiest reports; all are in documents.csv and report.xlsx.",
        "reasons": "Reasons",
        "no_findings": "No findings.",
        "evidence_text": "Full text, reused passages coloured by source",
        "legend": "Sources",
        "side_by_side": "Passage by passage",
        "more_pairs": "{n} more passages from this source (see matches.csv, report.xlsx).",
        "more_sources": "{n} more sources, coloured in the full text only (see matches.csv, report.xlsx).",
        "passages": "passages",
        "this_report": "This report",
        "source": "Source",
        "prior_title": "Against last year's report",
        "peer_title": "Against a colleague's report",
        "template_title": "Against a published sample",
        "archive": "archived report, not in this batch",
        "missing_topics": "Missing topics",
        "sections_not_found": "Form sections not found",
        "plans": "Remediation plan",
        "plan_missing": "missing",
        "plan_specific": "specific",
        "plan_vague": "vague",
        "no_plans": "No remediation items found.",
        "plans_not_run": "The plan stage did not run.",
        "units_title": "Summary per party cell and year",
        "units_note": (
            "Share of self-proposed 'excellent' ratings against the governing regulation's quota: excellent "
            "at most 20% of those rated good or better (Reg. 366: up to 25% for outstanding units). These are "
            "self-proposals, not final ratings; individual reports only."
        ),
        "callout_title": "'Excellent' proposed on reports with findings",
        "callout_none": "No report proposes 'excellent' while having findings.",
        "charts_title": "Charts",
        "chart_units": "Risk distribution per party cell",
        "chart_trend": "Trend per year",
        "charts_unavailable": "Charts unavailable (matplotlib missing).",
        "errors_title": "Unreadable files",
        "no_errors": "None.",
        "to_top": "Back to top",
        "to_row": "Back to table",
        "open_detail": "Evidence",
        "score": "score",
        "flag": "flag",
        "warnings": "Warnings",
        "guessed": "Fields guessed from the text",
        "form": "Form",
        "similarity": "similarity",
        "chart_risk_axis": "Risk",
        "chart_share_axis": "Share of reports with the finding",
        "chart_mean_risk": "Mean risk",
        "chart_any": "Any finding",
        "chart_year": "Year",
        "chart_unit_axis": "Party cell",
        "chart_more_units": "and {n} more cells",
    },
}

SECTION_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "ideology": "tư tưởng chính trị",
        "ethics": "đạo đức, lối sống",
        "discipline": "ý thức tổ chức kỷ luật",
        "working_style": "tác phong, lề lối làm việc",
        "duties": "thực hiện chức trách, nhiệm vụ",
        "leadership": "lãnh đạo, quản lý",
        "commitment": "thực hiện cam kết",
        "weaknesses": "hạn chế, khuyết điểm",
        "causes": "nguyên nhân",
        "remedy_earlier": "khắc phục hạn chế kỳ trước",
        "collective_responsibility": "trách nhiệm với hạn chế của tập thể",
        "plan": "phương hướng, biện pháp khắc phục",
        "self_rating": "tự nhận mức xếp loại",
    },
    "en": {
        "ideology": "political ideology",
        "ethics": "ethics, lifestyle",
        "discipline": "organisation and discipline",
        "working_style": "working style",
        "duties": "duties and results",
        "leadership": "leadership",
        "commitment": "annual commitment",
        "weaknesses": "weaknesses",
        "causes": "causes",
        "remedy_earlier": "remedy of earlier weaknesses",
        "collective_responsibility": "responsibility for the collective",
        "plan": "remediation plan",
        "self_rating": "self-proposed rating",
    },
}


def check_lang(lang: str) -> str:
    """``lang`` if supported, else ValueError naming the choices."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGS)}")
    return lang


def labels(lang: str = "vi") -> dict[str, Any]:
    """Everything a template needs: UI strings plus the per-name tables, for ``lang``."""
    lang = check_lang(lang)
    return {
        "lang": lang,
        "ui": UI[lang],
        "findings": FINDING_LABELS[lang],
        "findings_short": FINDING_SHORT[lang],
        "ratings": RATING_LABELS[lang],
        "slots": SLOT_LABELS[lang],
        "source_kinds": SOURCE_KIND_LABELS[lang],
        "match_types": MATCH_TYPE_LABELS[lang],
        "quota": QUOTA_STATUS_LABELS[lang],
        "quota_short": QUOTA_STATUS_SHORT[lang],
        "columns": COLUMN_HEADERS[lang],
        "sections": SECTION_LABELS[lang],
    }


def finding_label(finding: str, lang: str = "vi") -> str:
    return FINDING_LABELS[check_lang(lang)].get(finding, finding)


def rating_label(rating: str | None, lang: str = "vi") -> str:
    return RATING_LABELS[check_lang(lang)].get(rating or "", rating or "")


def column_header(column: str, lang: str = "vi") -> str:
    """Readable header of an output column (findings and their scores included)."""
    lang = check_lang(lang)
    if column in schema.ALL_FINDINGS:
        return FINDING_LABELS[lang][column]
    if column.endswith("_score") and column[: -len("_score")] in schema.ALL_FINDINGS:
        suffix = " (điểm)" if lang == "vi" else " (score)"
        return FINDING_LABELS[lang][column[: -len("_score")]] + suffix
    return COLUMN_HEADERS[lang].get(column, column)
