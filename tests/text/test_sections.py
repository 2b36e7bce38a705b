"""Section segmentation, measured on the hand-labelled reports and on generated batches.

corpora/labelled/sections (42 reports: 01-16, 17-32, 43-52): the paragraph model trains on their
sentence units, so they are scored by 3-fold cross-fitting (each fold by a model trained without
it, pipeline.evaluate.sections.labelled_folds); SHIFT_THRESHOLD, INTRO_THRESHOLD and
HEADING_THRESHOLD were chosen on that cross-validated score. corpora/labelled/sections_heldout (12
reports) was written blind by someone who never saw the segmenter or the other files, and is
never trained or tuned on: the honest estimate (0.956 measured; 0.938 before the heading rework).
"""

import pytest

from pipeline.evaluate.sections import (
    char_accuracy,
    cross_fitted_confusion,
    load_labelled_sections,
    parse_annotated,
    summarise,
)
from pipeline.labelled import labelled_dir
from pipeline.screen import default_segmenter
from pipeline.text.paragraphs import ParagraphSectionModel
from pipeline.text.sections import SectionSegmenter, classify_heading


def _score(segmenter: SectionSegmenter, reports) -> tuple[float, float]:
    correct = total = 0.0
    for report in reports:
        n = sum(1 for c in report.text if not c.isspace())
        correct += char_accuracy(report.labels, segmenter.segment(report.text, report.kind), report.text) * n
        total += n
    return correct, total


def test_character_accuracy_on_hand_labelled_reports_cross_fitted():
    reports = load_labelled_sections(labelled_dir() / "sections")
    assert len(reports) >= 30
    accuracy = summarise(cross_fitted_confusion(reports))["accuracy"]
    assert accuracy >= 0.95  # measured 0.971 (the rules before the rework: 0.945 with the same models)


def test_accuracy_on_blind_held_out_reports():
    folder = labelled_dir() / "sections_heldout"
    reports = load_labelled_sections(folder)
    assert len(reports) >= 12
    c, t = _score(default_segmenter(), reports)
    assert c / t >= 0.94  # measured 0.956 (0.938 before the rework); a regression guard, not a target


def test_sections_tile_the_text(report_2024):
    from pipeline.text.normalize import normalize

    text = normalize(report_2024)
    sections = default_segmenter().segment(text)
    assert sections[0].start == 0 and sections[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(sections, sections[1:], strict=False))
    labels = [s.label for s in sections]
    assert labels == [
        "header",
        "ideology",
        "ethics",
        "duties",
        "weaknesses",
        "causes",
        "plan",
        "self_rating",
        "other",
    ]


@pytest.mark.parametrize(
    ("heading", "kind", "label"),
    [
        ("Về tư tưởng chính trị, phẩm chất đạo đức, lối sống", None, "ideology+ethics"),
        (
            "Về phẩm chất chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc",
            None,
            "ideology+ethics+discipline+working_style",
        ),
        (
            "KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC",
            None,
            "remedy_earlier",
        ),
        (
            "LÀM RÕ TRÁCH NHIỆM CỦA CÁ NHÂN ĐỐI VỚI NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM CỦA TẬP THỂ",
            None,
            "collective_responsibility",
        ),
        ("Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm", None, "plan"),
        ("Hạn chế, khuyết điểm và nguyên nhân", None, "weaknesses"),
        ("ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC", None, "parent"),
        ("KHUYÊT ĐIỂM, HẠN CHẾ", None, "weaknesses"),  # misspelt: accent-stripped fallback
        ("Ve tu tuong chinh tri", None, "ideology"),  # typed without diacritics
        ("Tiếp tục nâng cao ý thức tổ chức kỷ luật", None, None),  # a plan item, not a heading topic
        ("Công tác xây dựng, chỉnh đốn Đảng; kiểm tra, giám sát", "collective", "party_building"),
        ("Về trách nhiệm lãnh đạo thực hiện nhiệm vụ chính trị của cơ quan", "collective", "political_task"),
        # other wordings of the same topics (corpora/labelled/sections 43-52)
        ("Lập trường, quan điểm chính trị", None, "ideology"),
        ("GIỮ VỮNG NIỀM TIN VÀO ĐẢNG", None, "ideology"),
        ("Giữ gìn phẩm chất, lối sống", None, "ethics"),
        ("Chấp hành điều lệ Đảng và nội quy cơ quan", None, "discipline"),
        ("Cách làm việc với bạn đọc và đồng nghiệp", None, "working_style"),
        ("Vai trò người đứng đầu trong lãnh đạo, điều hành nhà trường", None, "leadership"),
        ("Lời hứa tu dưỡng đầu năm", None, "commitment"),
        ("NHỮNG ĐIỀU CHƯA LÀM ĐƯỢC", None, "weaknesses"),
        ("MẶT CÒN THIẾU SÓT", None, "weaknesses"),
        ("Vì sao còn những tồn tại trên", None, "causes"),
        ("Căn nguyên chủ yếu", None, "causes"),
        ("VIỆC SỬA CHỮA NHỮNG ĐIỂM CHI BỘ ĐÃ GÓP Ý NĂM 2023", None, "remedy_earlier"),
        ("KHẮC PHỤC TỒN TẠI LẦN KIỂM ĐIỂM TRƯỚC", None, "remedy_earlier"),
        ("Về trách nhiệm liên đới", None, "collective_responsibility"),
        ("Hướng đi năm 2026", None, "plan"),
        ("NHỮNG VIỆC SẼ LÀM NĂM 2026", None, "plan"),
        ("Hướng sửa chữa trong năm 2025", None, "plan"),  # a plan, not the earlier remedy
        ("TỰ NHẬN XÉT VỀ BẢN THÂN", None, None),  # not the "nhận xét" of the cell (other)
    ],
)
def test_heading_classification(heading: str, kind, label):
    assert classify_heading(heading, kind) == label


def test_without_paragraph_model_unheaded_text_continues_previous_section():
    report = parse_annotated(
        "[[header]]BẢN KIỂM ĐIỂM\n[[weaknesses]]II. HẠN CHẾ\nĐôi lúc chưa mạnh dạn phát biểu ý kiến trong sinh hoạt chi bộ.\n"
    )
    sections = SectionSegmenter().segment(report.text)
    assert [s.label for s in sections] == ["header", "weaknesses"]


def test_compact_paragraph_model_reproduces_the_pipeline():
    """The compact form (what models/ ships) gives the fitted pipeline's probabilities and labels,
    hence the same sections; fitted here on a subset to stay fast."""
    import numpy as np

    from pipeline.compact import compact_from_feature_union
    from pipeline.text.paragraphs import build_pipeline, training_data

    texts, labels = training_data()
    pipe = build_pipeline(0).fit(texts[::3], labels[::3])
    compact = compact_from_feature_union(pipe, check=texts[::3])
    unseen = texts[1::3]
    assert np.abs(pipe.predict_proba(unseen) - compact.predict_proba(unseen)).max() < 1e-6
    assert list(pipe.predict(unseen)) == list(compact.predict(unseen))
    reports = load_labelled_sections(labelled_dir() / "sections_heldout")
    for report in reports:
        a = SectionSegmenter(ParagraphSectionModel(pipe)).segment(report.text, report.kind)
        b = SectionSegmenter(ParagraphSectionModel(compact)).segment(report.text, report.kind)
        assert a == b


def test_shipped_paragraph_model_is_compact():
    """models/ ships the compact form (plain arrays and term lists; what makes it load in a
    fraction of a second instead of seconds — a speed measured in benchmarks, not asserted here)."""
    from pipeline.compact import CompactTextClassifier
    from pipeline.modelio import load_model
    from pipeline.text.paragraphs import MODEL_NAME

    model = load_model(MODEL_NAME)
    assert isinstance(model, CompactTextClassifier)
    assert (
        model.predict(["Tôi luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh."])[0]
        == "ideology"
    )


class _KeywordModel:
    """A stand-in paragraph model: "ideology" for sentences about the Party, else "duties"."""

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]:
        return [
            {"ideology": 0.9, "duties": 0.1} if "Đảng" in t else {"ideology": 0.1, "duties": 0.9}
            for t in texts
        ]

    def predict(self, texts: list[str]) -> list[str]:
        return [max(d.items(), key=lambda kv: kv[1])[0] for d in self.predict_proba(texts)]


def test_unknown_capitals_heading_takes_the_label_of_its_content():
    text = (
        "BẢN KIỂM ĐIỂM CÁ NHÂN\n"
        "MỘT NĂM CÔNG TÁC Ở CƠ SỞ\n"
        "Năm qua tôi tiếp nhận và giải quyết xong toàn bộ hồ sơ đất đai được giao đúng thời hạn quy định.\n"
        "II. HẠN CHẾ\n"
        "Đôi lúc chưa mạnh dạn phát biểu ý kiến trong sinh hoạt chi bộ.\n"
    )
    sections = SectionSegmenter(_KeywordModel()).segment(text)
    assert [s.label for s in sections] == ["header", "duties", "weaknesses"]
    assert text[sections[1].start :].startswith("MỘT NĂM")
    assert [s.label for s in SectionSegmenter().segment(text)] == ["header", "weaknesses"]


def test_merged_heading_keeps_only_the_parts_not_headed_below_it():
    text = (
        "BẢN KIỂM ĐIỂM CÁ NHÂN\n"
        "1. Về tư tưởng chính trị, đạo đức, lối sống, ý thức kỷ luật\n"
        "Luôn tin tưởng vào đường lối của Đảng, không dao động trước thông tin xấu độc trên mạng.\n"
        "a) Đạo đức, lối sống: sống giản dị, không nhận quà biếu của người dân đến làm thủ tục.\n"
        "b) Kỷ luật: dự đủ 12 kỳ sinh hoạt chi bộ, đóng đảng phí đúng hạn.\n"
    )
    labels = [s.label for s in SectionSegmenter().segment(text)]
    assert labels == ["header", "ideology", "ethics", "discipline"]


def test_remarks_after_the_rating_close_the_report():
    text = (
        "BẢN KIỂM ĐIỂM CÁ NHÂN\n"
        "II. HẠN CHẾ\n"
        "Đôi lúc chưa mạnh dạn phát biểu ý kiến trong sinh hoạt chi bộ.\n"
        "III. TỰ XẾP LOẠI\n"
        "Hoàn thành tốt nhiệm vụ.\n"
        "Bản thân xin được lắng nghe mọi ý kiến đóng góp của đồng chí.\n"
    )
    sections = SectionSegmenter().segment(text)
    assert [s.label for s in sections] == ["header", "weaknesses", "self_rating", "other"]
    assert text[sections[-1].start :].startswith("Bản thân xin")


def test_list_items_naming_a_weakness_stay_in_the_remedy_section():
    text = (
        "BẢN KIỂM ĐIỂM CÁ NHÂN\n"
        "III. KẾT QUẢ KHẮC PHỤC HẠN CHẾ ĐÃ ĐƯỢC CHỈ RA NĂM TRƯỚC\n"
        "- Hạn chế về chậm nộp báo cáo mà chi bộ góp ý năm 2023: đã khắc phục, nộp đúng hạn 12/12 tháng.\n"
        "IV. PHƯƠNG HƯỚNG KHẮC PHỤC\n"
        "Học xong lớp tin học văn phòng trước tháng 6/2025.\n"
    )
    assert [s.label for s in SectionSegmenter().segment(text)] == ["header", "remedy_earlier", "plan"]


@pytest.mark.parametrize("variant", ["a", "b"])
def test_accuracy_on_a_generated_batch(tmp_path, variant: str):
    """Both phrase families of the generator (variant b words its headings differently: "KẾ HOẠCH
    SỬA CHỮA TỒN TẠI", "Lý do", "NHỮNG MẶT CÒN YẾU" ...). Seed 5 was never used for development
    (seed 7) nor for the reported figures (seed 11). Part-compatible accuracy: the generator labels a
    merged heading's whole section merged ("weaknesses+causes"), our annotation guide splits it."""
    from pipeline.corpus.generator import generate
    from pipeline.evaluate.sections import confusion, load_generated

    generate(5, 2, "2025", tmp_path, "txt", variant)
    scores = summarise(confusion(default_segmenter(), load_generated(tmp_path)))
    # measured 0.969 (a), 0.979 (b); before the rework 0.953 (a), 0.889 (b)
    assert scores["compatible_accuracy"] >= 0.93


class _LeadershipModel(_KeywordModel):
    """A stand-in paragraph model: "leadership" for sentences naming the management, else "duties"."""

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]:
        return [
            {"leadership": 0.9, "duties": 0.1} if "lãnh đạo" in t else {"leadership": 0.1, "duties": 0.9}
            for t in texts
        ]


@pytest.mark.parametrize(
    ("subtitle", "labels"),
    [
        ("(Dùng cho cá nhân không giữ chức vụ lãnh đạo, quản lý)", ["header", "duties"]),
        ("(Dùng cho cá nhân giữ chức vụ lãnh đạo, quản lý)", ["header", "duties", "leadership"]),
    ],
)
def test_no_shift_into_leader_items_in_a_members_form(subtitle: str, labels: list[str]):
    text = (
        f"BẢN KIỂM ĐIỂM CÁ NHÂN\n{subtitle}\n"
        "1. Thực hiện chức trách, nhiệm vụ được giao\n"
        "Trong năm tôi tiếp nhận và giải quyết 320 hồ sơ hộ tịch, không có hồ sơ nào trễ hạn.\n"
        "Kết quả công việc của tôi được lãnh đạo đơn vị ghi nhận và biểu dương trong hội nghị tổng kết.\n"
    )
    assert [s.label for s in SectionSegmenter(_LeadershipModel()).segment(text)] == labels


class _OneTextPerCall:
    """The shipped paragraph model asked about one text per call (no batching)."""

    def __init__(self, model: ParagraphSectionModel) -> None:
        self.model = model

    def predict(self, texts: list[str]) -> list[str]:
        return [label for t in texts for label in self.model.predict([t])]

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]:
        return [dist for t in texts for dist in self.model.predict_proba([t])]


def test_fast_counts_equal_the_count_vectorizer(monkeypatch):
    """The cached n-gram counting of the compact TF-IDF blocks gives scikit-learn's matrix (in
    one chunk and in many)."""
    import numpy as np

    from pipeline import compact

    model = default_segmenter().paragraph_model.pipeline
    texts = [
        line
        for folder in ("sections", "sections_heldout")
        for report in load_labelled_sections(labelled_dir() / folder)
        for line in report.text.split("\n")
    ] + ["", "  Hai  DẤU\tcách ", "x"]
    for block in model._blocks:
        block._word_cache.clear()
        for chunk in (compact.COUNT_CHUNK, 97):  # cold in one chunk, then cached in many
            monkeypatch.setattr(compact, "COUNT_CHUNK", chunk)
            fast = block.counts(texts)
            ref = block._counter.transform(texts).astype(np.float64)
            assert np.array_equal(fast.indptr, ref.indptr)
            assert np.array_equal(fast.indices, ref.indices)
            assert np.array_equal(fast.data, ref.data)


def test_batched_segmentation_equals_one_text_per_call(monkeypatch):
    """One batched model call per report gives exactly the sections of one call per text with
    scikit-learn's counting, on every hand-labelled report (annotated and blind held-out)."""
    import numpy as np

    from pipeline.compact import CompactVectorizer

    model = default_segmenter().paragraph_model
    reports = [
        r
        for folder in ("sections", "sections_heldout")
        for r in load_labelled_sections(labelled_dir() / folder)
    ]
    assert len(reports) >= 50
    fast = [SectionSegmenter(model).segment(r.text, r.kind) for r in reports]
    monkeypatch.setattr(
        CompactVectorizer, "counts", lambda self, texts: self._counter.transform(texts).astype(np.float64)
    )
    slow = SectionSegmenter(_OneTextPerCall(model))
    for report, sections in zip(reports, fast, strict=True):
        assert sections == slow.segment(report.text, report.kind), report.name
