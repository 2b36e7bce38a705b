"""Pseudonymisation for ``soi screen --redact``: outputs to share outside the commission.

:func:`redact` returns a copy of a :class:`~pipeline.screen.ScreenResult` in which people
cannot be recognised by name or date of birth, while the evidence still reads:

* every member gets a pseudonym, stable within the run: "Đảng viên 017" in the ``name``
  column and in the texts, ``dv017`` as ``member_id``, ``dv017-2024`` as ``doc_id`` (collective
  reports: ``tt003-2024``). Numbers are assigned in an order keyed by a random salt, so they do
  not follow names, files or input order, and differ from run to run (pass ``salt`` to repeat);
* in every text (documents, matched passages, plan items, reasons, warnings, findings): the
  names of all members of the batch and of the archive's earlier years (as typed, in capitals,
  without diacritics) become their pseudonyms; the values of header fields for name, date of
  birth, home address, phone, e-mail and ID numbers become ``[đã ẩn]``; known dates of birth
  wherever they appear become ``[ngày sinh]``; people named after "đồng chí"/"đ/c" and name-only
  lines of the signature block become ``[họ tên]``;
* ``path`` becomes the pseudonymous doc_id plus the file's extension (folders dropped); the
  paths in errors.csv become ``tep-001.docx``…; file names quoted in warnings and reasons
  follow; ``sha256`` is emptied (it would confirm a leaked file); run.json keeps only the
  manifest's file name and records that the outputs are redacted.

Character spans stay consistent: they are moved to the redacted texts (a span boundary inside a
replaced name moves to the edge of the pseudonym), so report.html still highlights the right
passages. Units, years, findings, scores and risk are left as they are.
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import functools
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import pandas as pd

from pipeline.text.normalize import strip_accents

if TYPE_CHECKING:
    from pipeline.screen import ScreenResult

PERSON_LABEL = "Đảng viên {:03d}"
MEMBER_ID = "dv{:03d}"
UNIT_ID = "tt{:03d}"
HIDDEN = "[đã ẩn]"
MAX_NAME_WORDS = 5
#: Leading characters of a report searched for its own name and date of birth.
HEADER_CHARS = 3000
DOB_HIDDEN = "[ngày sinh]"
NAME_HIDDEN = "[họ tên]"

_WORD_RE = re.compile(r"[^\W\d_]+")
_NAME_GAP = re.compile(r"[ \t_]+")
# The patterns below run on the text without diacritics (same length, same offsets), so they
# find "Họ và tên" and "Ho va ten" alike.
_PLAIN_NAME = r"[A-Z][A-Za-z]*(?:[ \t]+[A-Z][A-Za-z]*){1,4}"
#: Header fields whose value identifies a person (value up to the line end or the next field).
_FIELD_RE = re.compile(
    r"(?im)(?P<label>\b(?:ho (?:va|&) ten|ho,? ten|ten (?:dang vien|toi)|ten khai sinh|bi danh"
    r"|ngay,? thang,? nam sinh|ngay sinh|sinh ngay|nam sinh|sinh nam"
    r"|que quan|nguyen quan|noi sinh|noi o(?: hien nay)?|cho o(?: hien nay)?|noi cu tru|dia chi(?: thuong tru)?"
    r"|ho khau(?: thuong tru)?|so dien thoai|dien thoai|dt|e-?mail|thu dien tu"
    r"|so (?:cccd|cmnd|can cuoc|the dang vien)|cccd|cmnd|can cuoc(?: cong dan)?)"
    r"\s*:\s*)"
    r"(?P<value>[^\n]*?)"
    r"(?=\s*(?:[;,.]?\s*(?:ngay sinh|sinh ngay|nam sinh|gioi tinh|nam/nu|dan toc|ton giao|chuc vu|dien thoai)\b|\s{3,}|\n|$))"
)
_NAME_FIELDS = re.compile(r"(?i)^(?:ho|ten|bi danh)")
_DOB_FIELDS = re.compile(r"(?i)sinh")
_COMRADE_RE = re.compile(rf"(?i:\b(?:dong chi|d/c|d\.c\.?))\s+(?P<name>{_PLAIN_NAME})")
#: After a form of address, a name may be a single given name ("đ/c Hùng", "anh Bình").
_ADDRESS_RE = re.compile(
    r"(?<![\w/])(?i:đồng chí|đ/c|đ\.c\.?|anh|chị|ông|bà|em|cô|chú|cháu|thầy|vợ|chồng|con trai|con gái)(?=[ \t])"
)
_ADDRESS_PLAIN_RE = re.compile(
    r"(?<![\w/])(?i:dong chi|d/c|d\.c\.?|anh|chi|ong|ba|em|co|chu|chau|thay|vo|chong|con trai|con gai)(?=[ \t])"
)
#: One to four capitalised words after a space (run on the text without diacritics).
_CAPITALISED = re.compile(r"(?:[ \t][A-Z][A-Za-z]*){1,4}(?![A-Za-z])")
#: Capitalised words that start a title or an organisation, not a name ("ông Chủ tịch UBND").
_NOT_A_NAME = frozenset(
    "bi pho chu giam truong to uy thuong dang chi bo ban can tong tinh huyen xa phuong thi thanh"
    " hoi doan cong nhan dan quan so phong vien trung nguoi ong ba anh em co doi phan".split()
)
#: The commonest Vietnamese surnames (about 90% of people), as typed and without diacritics.
#: Left out on purpose: surnames that begin many place names (Hà Nội, Thái Bình, Cao Bằng,
#: Lâm Đồng). In a text typed without diacritics a surname must be followed by two more
#: capitalised words ("Do Thi Hoa", not "Do Ban chap hanh" = "Do Ban chấp hành"), and "ba" may
#: be "bà" or "three", "Le" "Lê" or "Lễ": such texts (rare, screened with a warning) are
#: redacted more than needed rather than less.
_SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Đoàn"
    " Lương Trương Tạ Lưu Nông Triệu Tô Mạc Quách Vương Lại Lò Hứa Kiều Đàm Tăng Khổng"
).split()
_SURNAMES_PLAIN = (
    "Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Dinh Trinh Doan Luong Truong"
    " Ta Luu To Trieu"
).split()
_SURNAME_RE = re.compile(r"(?<![\w/])(?:" + "|".join(_SURNAMES) + r")(?=[ \t])")
_SURNAME_PLAIN_RE = re.compile(r"(?<![\w/])(?:" + "|".join(_SURNAMES_PLAIN) + r")(?=[ \t])")
#: Public figures and the places and streets named after them: never redacted.
_PUBLIC_NAMES = frozenset(
    strip_accents(n).casefold()
    for n in (
        "Hồ Chí Minh", "Nguyễn Ái Quốc", "Nguyễn Tất Thành", "Võ Nguyên Giáp", "Tôn Đức Thắng",
        "Phạm Văn Đồng", "Lê Duẩn", "Trần Phú", "Lê Hồng Phong", "Nguyễn Văn Cừ", "Hà Huy Tập",
        "Nguyễn Văn Linh", "Đỗ Mười", "Lê Khả Phiêu", "Nông Đức Mạnh", "Nguyễn Phú Trọng", "Tô Lâm",
        "Lương Cường", "Phạm Minh Chính", "Trần Thanh Mẫn", "Võ Văn Thưởng", "Nguyễn Xuân Phúc",
        "Trần Hưng Đạo", "Trần Quốc Toản", "Lê Lợi", "Lê Thánh Tông", "Lê Đại Hành", "Nguyễn Trãi",
        "Nguyễn Du", "Nguyễn Huệ", "Ngô Quyền", "Lý Thường Kiệt", "Lý Thái Tổ", "Lý Tự Trọng",
        "Võ Thị Sáu", "Nguyễn Thị Minh Khai", "Lê Văn Tám", "Phan Bội Châu", "Phan Châu Trinh",
        "Nguyễn Đình Chiểu", "Nguyễn Khuyến", "Lương Thế Vinh", "Trương Định", "Đinh Tiên Hoàng", "Hoàng Văn Thụ",
        "Nguyễn Thái Học", "Nguyễn Chí Thanh", "Lê Quý Đôn", "Nguyễn Bỉnh Khiêm", "Đặng Thùy Trâm",
    )
)  # fmt: skip
_PUBLIC_RE = re.compile(
    r"(?i)(?<![A-Za-z])(?:"
    + "|".join(re.escape(n) for n in sorted(_PUBLIC_NAMES, key=len, reverse=True))
    + r")(?![A-Za-z])"
)
#: Identifiers anywhere in the text: e-mail addresses, phone numbers, 12-digit citizen ID numbers.
_ID_RE = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\d.,/])(?:\+84[ .]?|0)\d{2,3}[ .]?\d{3}[ .]?\d{3,4}(?![\d/])"
    r"|(?<![\d.,/])\d{12}(?![\d/])"
)
#: A year or date of birth in running text ("sinh năm 1985", "sinh ngày 4/7/1985"), no colon.
_BORN_RE = re.compile(
    r"(?i)\bsinh (?:nam|ngay)\s+(?P<value>(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)?(?:19|20)\d{2})(?!\d)"
)
_SIGNATURE_START = re.compile(
    r"(?im)^\W*(nguoi (tu )?kiem diem|nguoi viet|\(?(ky|ki),? ghi ro ho (va )?ten|t/?m\.? (chi bo|chi uy|dang uy)"
    r"|bi thu|xac nhan cua|dang vien kiem diem)"
)
_NAME_LINE = re.compile(rf"(?m)^[ \t]*(?P<name>{_PLAIN_NAME})[ \t]*$")
_ROLE_WORDS = re.compile(
    r"(?i)\b(bi thu|pho bi thu|chi bo|chi uy|dang uy|nguoi|kiem diem|xac nhan|ky|ki|chu tich|giam doc|truong|pho|dang vien)\b"
)
_DOB_VALUE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
#: Replacement priorities when spans overlap at the same start: a known person first.
_PRIORITY = {"person": 0, "field": 1, "dob": 2, "file": 3, "unknown": 4}


def redact(result: ScreenResult, salt: bytes | None = None) -> ScreenResult:
    """A redacted copy of ``result`` (see module docstring); ``result`` is left unchanged."""
    batch = copy.copy(result.batch)
    r = _Redactor(result, salt if salt is not None else secrets.token_bytes(16))
    batch.documents = r.document_frame(result.batch.documents)
    batch.history = r.document_frame(result.batch.history)
    batch.sections = r.span_frame(result.batch.sections, ("start", "end"))
    batch.sentences = r.sentence_frame(result.batch.sentences)
    batch.findings = r.finding_frame(result.batch.findings)
    batch.matches = r.match_frame(result.batch.matches)
    batch.plans = r.plan_frame(result.batch.plans)
    batch.errors = r.error_frame(result.batch.errors)
    batch.params = copy.deepcopy(result.batch.params)
    run = copy.deepcopy(result.run)
    if run.get("manifest"):
        run["manifest"] = PurePath(str(run["manifest"])).name
    run["redacted"] = {
        "people": len(r.person_number),
        "pseudonyms": "stable within this run only (salted order)",
        "hidden": "names, dates of birth, addresses, phones, e-mails, ID numbers, file names, sha256",
    }
    return dataclasses.replace(
        result,
        documents=r.output_documents(result.documents),
        matches=r.match_frame(result.matches),
        plans=r.plan_frame(result.plans),
        errors=r.error_frame(result.errors),
        run=run,
        batch=batch,
    )


@dataclass
class _Edit:
    """A redacted text and the replacements that made it, for moving offsets."""

    text: str
    starts: list[int] = field(default_factory=list)  # original start of each replacement
    ends: list[int] = field(default_factory=list)  # original end
    new_starts: list[int] = field(default_factory=list)
    new_ends: list[int] = field(default_factory=list)

    def move(self, offset: Any, side: str = "start") -> Any:
        """``offset`` in the redacted text; inside a replacement: its start (or end, ``side="end"``)."""
        try:
            o = int(offset)
        except (TypeError, ValueError):  # missing
            return offset
        k = bisect.bisect_right(self.starts, o) - 1
        if k < 0:
            return o
        if o < self.ends[k] and o > self.starts[k]:
            return self.new_ends[k] if side == "end" else self.new_starts[k]
        if o == self.starts[k]:
            return self.new_starts[k]
        return o - self.ends[k] + self.new_ends[k]


class _Redactor:
    def __init__(self, result: ScreenResult, salt: bytes) -> None:
        docs = _frames(result.batch.documents, result.batch.history)
        self.salt = salt
        people: dict[str, tuple[str, str | None, str | None]] = {}  # member key -> (kind, name, dob)
        for row in docs.itertuples(index=False):
            key = self._person_key(row)
            known = people.get(key)
            people[key] = (
                str(row.kind),
                _clean(row.name) or (known[1] if known else None),
                _clean(row.dob) or (known[2] if known else None),
            )
        for row in docs.itertuples(index=False):  # names/dates the header parser missed
            key = self._person_key(row)
            kind, name, dob = people[key]
            if kind == "collective" or (name and dob):
                continue
            text = str(row.text)
            for start, end, label in _fields(_plain_text(text[:HEADER_CHARS])):
                value = text[start:end].strip()
                if name is None and _NAME_FIELDS.match(label) and 2 <= len(value.split()) <= MAX_NAME_WORDS:
                    name = value
                elif dob is None and _DOB_FIELDS.search(label) and (d := _DOB_VALUE.search(value)):
                    dob = f"{d.group(3)}-{int(d.group(2)):02d}-{int(d.group(1)):02d}"
            people[key] = (kind, name, dob)
        # reports the header parser could not link (no member_id) join the person of the same
        # name and date of birth
        self._alias: dict[str, str] = {}
        by_identity: dict[tuple[str, str], str] = {}
        for key in sorted(people, key=lambda k: (k.startswith("doc:"), k)):
            kind, name, dob = people[key]
            if kind == "collective" or not name:
                continue
            identity = (" ".join(strip_accents(name).casefold().split()), dob or "")
            if identity in by_identity and key.startswith("doc:"):
                self._alias[key] = by_identity[identity]
            else:
                by_identity.setdefault(identity, key)
        for key in self._alias:
            del people[key]
        order = sorted(people, key=lambda k: hmac.new(salt, k.encode(), hashlib.sha256).digest())
        self.person_number: dict[str, int] = {}
        counters = {"individual": 0, "collective": 0}
        for key in order:
            kind = "collective" if people[key][0] == "collective" else "individual"
            counters[kind] += 1
            self.person_number[key] = counters[kind]
        self.people = people
        # doc_id -> new doc_id, member key, file suffix
        self.doc_ids: dict[str, str] = {}
        self.doc_person: dict[str, str] = {}
        self.file_names: dict[str, str] = {}
        used: set[str] = set()
        for row in docs.itertuples(index=False):
            key = self._key(row)
            base = self._member_id(key) + f"-{_year(row.year)}"
            new, n = base, 2
            while new in used:
                new, n = f"{base}-{n}", n + 1
            used.add(new)
            self.doc_ids[str(row.doc_id)] = new
            self.doc_person[str(row.doc_id)] = key
            path = PurePath(str(row.path))
            self.file_names.setdefault(path.name, new + path.suffix.lower())
        self.error_names: dict[str, str] = {}
        for k, p in enumerate(sorted({str(p) for p in result.batch.errors.get("path", [])}), start=1):
            name = PurePath(p).name
            self.error_names[p] = f"tep-{k:03d}{PurePath(p).suffix.lower()}"
            self.file_names.setdefault(name, self.error_names[p])
        self._names = self._name_index()
        self._first_words = {variant.split()[0] for variant in self._names}
        self._dob_re = self._dob_pattern()
        self._file_re = _alternation(self.file_names, word=True)
        self._id_re = _alternation(self.doc_ids, word=True)
        self._edits: dict[str, _Edit] = {}
        self._originals: dict[str, str] = {}
        for row in docs.itertuples(index=False):
            self._originals[str(row.doc_id)] = str(row.text)
            self._edits[str(row.doc_id)] = self.edit(str(row.text), self.doc_person.get(str(row.doc_id)))

    # --- identities ---------------------------------------------------------------------------

    @staticmethod
    def _person_key(row: Any) -> str:
        member = _clean(getattr(row, "member_id", None))
        if member and member != "unknown":
            return member
        return "doc:" + str(row.doc_id)

    def _key(self, row: Any) -> str:
        key = self._person_key(row)
        return self._alias.get(key, key)

    def _member_id(self, key: str) -> str:
        kind = self.people[key][0]
        return (UNIT_ID if kind == "collective" else MEMBER_ID).format(self.person_number[key])

    def pseudonym(self, key: str | None) -> str:
        if key is None or key not in self.people:
            return NAME_HIDDEN
        if self.people[key][0] == "collective":
            return NAME_HIDDEN
        return PERSON_LABEL.format(self.person_number[key])

    def _name_index(self) -> dict[str, str]:
        """Known names (2-5 words) as typed and without diacritics, casefolded -> member key."""
        index: dict[str, str] = {}
        for key, (kind, name, _) in self.people.items():
            if not name or kind == "collective" or not 2 <= len(name.split()) <= MAX_NAME_WORDS:
                continue
            for variant in (name, strip_accents(name)):
                index.setdefault(" ".join(variant.casefold().split()), key)
        return index

    def _find_names(self, text: str) -> list[tuple[int, int, str]]:
        """Known names in ``text``: windows of 2-5 words apart only by spaces or ``_``.

        Dictionary look-ups, and only at words that start a known name (not one regex per
        name), so a 5,000-report batch costs little more per text than a small one.
        """
        if not self._names:
            return []
        words = [(m.start(), m.end(), m.group(0).casefold()) for m in _WORD_RE.finditer(text)]
        plain: list[str | None] = [None] * len(words)
        out: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            if plain[i] is None:
                plain[i] = _plain(words[i][2])
            if words[i][2] not in self._first_words and plain[i] not in self._first_words:
                i += 1
                continue
            hit = None
            for n in range(min(MAX_NAME_WORDS, len(words) - i), 1, -1):
                window = range(i, i + n)
                if any(not _NAME_GAP.fullmatch(text[words[k][1] : words[k + 1][0]]) for k in window[:-1]):
                    continue
                for k in window:
                    if plain[k] is None:
                        plain[k] = _plain(words[k][2])
                key = self._names.get(" ".join(words[k][2] for k in window)) or self._names.get(
                    " ".join(plain[k] or "" for k in window)
                )
                if key is not None:
                    hit = (words[i][0], words[i + n - 1][1], key)
                    break
            if hit is not None:
                out.append(hit)
                i += n
            else:
                i += 1
        return out

    def _dob_pattern(self) -> re.Pattern[str] | None:
        forms: set[str] = set()
        for _, _, dob in self.people.values():
            m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", dob or "")
            if not m:
                continue
            y, mo, d = m.groups()
            for dd in {d, d.lstrip("0")}:
                for mm in {mo, mo.lstrip("0")}:
                    forms.add(rf"{dd}\s*[/.-]\s*{mm}\s*[/.-]\s*{y}")
        if not forms:
            return None
        return re.compile(r"(?<!\d)(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")(?!\d)")

    # --- texts ------------------------------------------------------------------------------

    def edit(self, text: str, owner: str | None = None) -> _Edit:
        """Redact ``text`` (the report of ``owner``, if known) and record the replacements."""
        plain = _plain_text(text)
        spans: list[tuple[int, int, int, str]] = []
        for start, end, label in _fields(plain):
            if _NAME_FIELDS.match(label):
                individual = owner is not None and self.people.get(owner, ("",))[0] != "collective"
                spans.append(
                    (start, end, _PRIORITY["field"], self.pseudonym(owner) if individual else NAME_HIDDEN)
                )
            else:
                spans.append(
                    (start, end, _PRIORITY["field"], DOB_HIDDEN if _DOB_FIELDS.search(label) else HIDDEN)
                )
        for start, end, key in self._find_names(text):
            spans.append((start, end, _PRIORITY["person"], self.pseudonym(key)))
        if self._dob_re is not None:
            for m in self._dob_re.finditer(text):
                spans.append((m.start(), m.end(), _PRIORITY["dob"], DOB_HIDDEN))
        for m in _COMRADE_RE.finditer(plain):
            spans.append((m.start("name"), m.end("name"), _PRIORITY["unknown"], NAME_HIDDEN))
        spans += self._free_text_spans(text, plain)
        sig = _SIGNATURE_START.search(plain, len(plain) // 2)
        if sig:
            for m in _NAME_LINE.finditer(plain, sig.start()):
                if not _ROLE_WORDS.search(m.group("name")):
                    spans.append((m.start("name"), m.end("name"), _PRIORITY["unknown"], NAME_HIDDEN))
        for m in self._file_re.finditer(text) if self._file_re else ():
            spans.append((m.start(), m.end(), _PRIORITY["file"], self.file_names[m.group(0)]))
        return _apply(text, spans)

    def _free_text_spans(self, text: str, plain: str) -> list[tuple[int, int, int, str]]:
        """Names of people outside the batch, identifiers and years of birth in running text.

        Names: capitalised words after a form of address ("anh", "bà", "đ/c" ... one word is
        enough) or after one of the commonest surnames (two to four words); public figures
        (:data:`_PUBLIC_NAMES`) are kept. A text typed without diacritics is searched with the
        plain forms ("dong chi", "Nguyen").
        """
        spans: list[tuple[int, int, int, str]] = []
        if len(plain) != len(text):
            return spans
        no_marks = plain == text
        address_re, surname_re = (
            (_ADDRESS_PLAIN_RE, _SURNAME_PLAIN_RE) if no_marks else (_ADDRESS_RE, _SURNAME_RE)
        )
        public = [(m.start(), m.end()) for m in _PUBLIC_RE.finditer(plain)]
        names: list[tuple[int, int]] = []
        for m in address_re.finditer(text):
            words = _CAPITALISED.match(plain, m.end())
            if words is not None and words.group(0).split()[0].casefold() not in _NOT_A_NAME:
                names.append((words.start() + 1, words.end()))
        for m in surname_re.finditer(text):
            words = _CAPITALISED.match(plain, m.end())
            if words is not None and (1 + no_marks) <= len(words.group(0).split()) <= 3:
                names.append((m.start(), words.end()))
        for start, end in names:
            if not any(start < b and a < end for a, b in public):
                spans.append((start, end, _PRIORITY["unknown"], NAME_HIDDEN))
        for m in _ID_RE.finditer(text):
            spans.append((m.start(), m.end(), _PRIORITY["field"], HIDDEN))
        for m in _BORN_RE.finditer(plain):
            spans.append((m.start("value"), m.end("value"), _PRIORITY["dob"], DOB_HIDDEN))
        return spans

    def text(self, value: Any, owner: str | None = None) -> Any:
        """A free text (reason, passage, plan item) redacted, doc_ids replaced too."""
        if not isinstance(value, str) or not value:
            return value
        out = self.edit(value, owner).text
        if self._id_re is not None:
            out = self._id_re.sub(lambda m: self.doc_ids[m.group(0)], out)
        return out

    def span_text(self, doc_id: Any, start: Any, end: Any, value: Any) -> Any:
        """``value``, the text of ``[start, end)`` of report ``doc_id`` (original offsets), redacted.

        When ``value`` is that slice of the report, the slice of the redacted report is taken
        (same words as report.html shows); otherwise ``value`` is redacted on its own.
        """
        key = str(doc_id)
        original = self._originals.get(key)
        if (
            original is not None
            and isinstance(value, str)
            and isinstance(start, int | float)
            and isinstance(end, int | float)
            and not pd.isna(start)
            and not pd.isna(end)
            and original[int(start) : int(end)] == value
        ):
            edit = self._edits[key]
            return edit.text[edit.move(start) : edit.move(end, "end")]
        return self.text(value, self.doc_person.get(key))

    def doc_id(self, value: Any) -> Any:
        return self.doc_ids.get(str(value), value) if isinstance(value, str) else value

    def ids(self, value: Any) -> Any:
        """A ';'-joined list of doc_ids."""
        if not isinstance(value, str) or not value:
            return value
        return ";".join(self.doc_ids.get(v, v) for v in value.split(";"))

    def mover(self, doc_id: Any) -> Callable[[Any, str], Any]:
        e = self._edits.get(str(doc_id))
        return e.move if e is not None else (lambda o, side="start": o)

    # --- frames ---------------------------------------------------------------------------

    def other_texts(self, df: pd.DataFrame, handled: Iterable[str]) -> pd.DataFrame:
        """Redact every other text column too (columns are appended over time; a new one
        must not leak). Units are organisations, kept as they are."""
        skip = set(handled) | {"unit", "year", "kind", "role", "form_version", "self_rating", "label"}
        for col in df.columns:
            if col in skip or not (df[col].dtype == object or pd.api.types.is_string_dtype(df[col].dtype)):
                continue
            cache: dict[str, Any] = {}
            df[col] = [
                (cache.setdefault(v, self.text(v)) if v not in cache else cache[v])
                if isinstance(v, str)
                else v
                for v in df[col]
            ]
        return df

    def document_frame(self, df: pd.DataFrame) -> pd.DataFrame:
        df = df.copy()
        if not len(df):
            return df
        keys = [self.doc_person.get(str(d)) for d in df["doc_id"]]
        df["text"] = [
            self._edits[str(d)].text if str(d) in self._edits else t
            for d, t in zip(df["doc_id"], df["text"], strict=True)
        ]
        df["name"] = [
            None if k is None or self.people[k][0] == "collective" else self.pseudonym(k) for k in keys
        ]
        df["dob"] = None
        df["member_id"] = [
            self._member_id(k) if k is not None else m for k, m in zip(keys, df["member_id"], strict=True)
        ]
        df["path"] = [self._path(d, p) for d, p in zip(df["doc_id"], df["path"], strict=True)]
        df["warnings"] = df["warnings"].map(self.text)
        df["sha256"] = ""
        df["doc_id"] = df["doc_id"].map(self.doc_id)
        return self.other_texts(
            df, ("doc_id", "path", "member_id", "name", "dob", "text", "warnings", "sha256")
        )

    def _path(self, doc_id: Any, path: Any) -> str:
        return self.doc_ids.get(str(doc_id), "tep") + PurePath(str(path)).suffix.lower()

    def output_documents(self, df: pd.DataFrame) -> pd.DataFrame:
        df = df.copy()
        if not len(df):
            return df
        keys = [self.doc_person.get(str(d)) for d in df["doc_id"]]
        df["path"] = [self._path(d, p) for d, p in zip(df["doc_id"], df["path"], strict=True)]
        df["member_id"] = [
            self._member_id(k) if k is not None else m for k, m in zip(keys, df["member_id"], strict=True)
        ]
        if "name" in df:
            df["name"] = [
                None if k is None or self.people[k][0] == "collective" else self.pseudonym(k) for k in keys
            ]
        for col in ("reasons", "warnings"):
            if col in df:
                df[col] = df[col].map(self.text)
        if "copied_peer_of" in df:
            df["copied_peer_of"] = df["copied_peer_of"].map(self.ids)
        if "sha256" in df:
            df["sha256"] = ""
        df["doc_id"] = df["doc_id"].map(self.doc_id)
        return self.other_texts(
            df, ("doc_id", "path", "member_id", "name", "reasons", "warnings", "copied_peer_of", "sha256")
        )

    def span_frame(
        self,
        df: pd.DataFrame,
        cols: Iterable[str],
        text_cols: Iterable[str] = ("heading",),
        span_texts: Iterable[tuple[str, str, str, str]] = (),
        keep: Iterable[str] = (),
    ) -> pd.DataFrame:
        """Offsets moved, texts redacted. ``span_texts``: (text column, doc_id column, start
        column, end column) whose text is a slice of that report (see :meth:`span_text`)."""
        src = df
        df = df.copy()
        if not len(df):
            return df
        for text_col, id_col, start_col, end_col in span_texts:
            if text_col in df:
                df[text_col] = [
                    self.span_text(d, a, b, v)
                    for d, a, b, v in zip(
                        src[id_col], src[start_col], src[end_col], src[text_col], strict=True
                    )
                ]
        for col in cols:
            side = "end" if col.endswith("end") else "start"
            df[col] = [self.mover(d)(o, side) for d, o in zip(src["doc_id"], src[col], strict=True)]
        for col in text_cols:
            if col in df:
                df[col] = [
                    self.text(v, self.doc_person.get(str(d)))
                    for d, v in zip(src["doc_id"], src[col], strict=True)
                ]
        df["doc_id"] = df["doc_id"].map(self.doc_id)
        handled = {"doc_id", *cols, *text_cols, *(t[0] for t in span_texts), *keep}
        return self.other_texts(df, handled)

    def sentence_frame(self, df: pd.DataFrame) -> pd.DataFrame:
        """Sentences: texts sliced from the redacted reports; tokens (word segmentation) kept
        where the sentence did not change, else the redacted words (unsegmented)."""
        out = self.span_frame(
            df, ("start", "end"), (), (("text", "doc_id", "start", "end"),), keep=("tokens",)
        )
        if len(df) and "tokens" in df:
            out["tokens"] = [
                tokens if new == old else " ".join(str(new).split())
                for tokens, old, new in zip(df["tokens"], df["text"], out["text"], strict=True)
            ]
        return out

    def finding_frame(self, df: pd.DataFrame) -> pd.DataFrame:
        df = df.copy()
        if not len(df):
            return df
        df["reason"] = df["reason"].map(self.text)
        df["detail"] = df["detail"].map(lambda v: self.text(self.ids(v)))
        df["doc_id"] = df["doc_id"].map(self.doc_id)
        return self.other_texts(df, ("doc_id", "reason", "detail", "finding"))

    def match_frame(self, df: pd.DataFrame) -> pd.DataFrame:
        src = df
        df = df.copy()
        if not len(df):
            return df
        df["text"] = [
            self.span_text(d, a, b, v)
            for d, a, b, v in zip(src["doc_id"], src["start"], src["end"], src["text"], strict=True)
        ]
        df["source_text"] = [
            self.span_text(d, a, b, v)
            for d, a, b, v in zip(
                src["source_doc_id"], src["source_start"], src["source_end"], src["source_text"], strict=True
            )
        ]
        for col, id_col in (
            ("start", "doc_id"),
            ("end", "doc_id"),
            ("source_start", "source_doc_id"),
            ("source_end", "source_doc_id"),
        ):
            side = "end" if col.endswith("end") else "start"
            df[col] = [self.mover(d)(o, side) for d, o in zip(src[id_col], src[col], strict=True)]
        df["source_doc_id"] = df["source_doc_id"].map(self.doc_id)
        df["doc_id"] = df["doc_id"].map(self.doc_id)
        return self.other_texts(
            df, ("doc_id", "source_doc_id", "text", "source_text", "source_kind", "match_type")
        )

    def plan_frame(self, df: pd.DataFrame) -> pd.DataFrame:
        """Plan items: ``start``/``end`` are offsets; ``deadline_start``/``deadline_end`` are
        dates (left alone); the item and the deadline expression are texts."""
        cols = [c for c in ("start", "end") if c in df]
        spans = [("item", "doc_id", "start", "end")] if {"item", "start", "end"} <= set(df) else []
        return self.span_frame(df, cols, ("deadline",), spans)

    def error_frame(self, df: pd.DataFrame) -> pd.DataFrame:
        df = df.copy()
        if not len(df):
            return df
        df["path"] = [
            self.error_names.get(str(p), "tep" + PurePath(str(p)).suffix.lower()) for p in df["path"]
        ]
        df["error"] = df["error"].map(self.text)
        return self.other_texts(df, ("path", "error"))


@functools.lru_cache(maxsize=65536)
def _plain(word: str) -> str:
    """``word`` without diacritics (cached: a batch has a small vocabulary)."""
    return strip_accents(word)


def _frames(*frames: pd.DataFrame) -> pd.DataFrame:
    present = [f for f in frames if f is not None and len(f)]
    if not present:
        return frames[0]
    return pd.concat(present, ignore_index=True)


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    text = str(value).strip()
    return text or None


def _year(value: Any) -> str:
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return "unknown"


def _alternation(words: dict[str, str], word: bool = False) -> re.Pattern[str] | None:
    keys = [k for k in words if k]
    if not keys:
        return None
    body = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![\w.:-])(?:{body})(?![\w-])" if word else f"(?:{body})")


def _plain_text(text: str) -> str:
    """``text`` without diacritics, character for character (same offsets); the text itself
    when removing marks would change its length (characters decomposing into several)."""
    plain = strip_accents(text)
    return plain if len(plain) == len(text) else text


def _fields(plain: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the values of identifying header fields in ``plain``."""
    out = []
    for m in _FIELD_RE.finditer(plain):
        if m.group("value").strip():
            out.append((m.start("value"), m.end("value"), m.group("label").strip().lower()))
    return out


def _apply(text: str, spans: list[tuple[int, int, int, str]]) -> _Edit:
    """Apply non-overlapping replacements (earliest, then longest, then by priority)."""
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0]), s[2]))
    edit = _Edit(text)
    parts: list[str] = []
    pos = 0
    shift = 0
    for start, end, _, repl in spans:
        if start < pos or end <= start:
            continue
        if text[start:end] == repl:
            continue
        parts.append(text[pos:start])
        parts.append(repl)
        edit.starts.append(start)
        edit.ends.append(end)
        edit.new_starts.append(start + shift)
        shift += len(repl) - (end - start)
        edit.new_ends.append(end + shift)
        pos = end
    parts.append(text[pos:])
    edit.text = "".join(parts)
    return edit
