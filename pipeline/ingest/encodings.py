"""Decode the bytes of a plain-text report: UTF-8 (with or without BOM), UTF-16/32, Windows-1258,
and legacy TCVN3 / VNI text saved as 8-bit bytes. Never silently mangled: when no decoding yields
Vietnamese, :class:`DecodeError` says so.
"""

from __future__ import annotations

import codecs

from pipeline.ingest.legacy import best_decoding, syllable_ratio

#: Minimum share of Vietnamese syllables for an 8-bit decoding guess to be accepted. Measured:
#: Unicode reports score 0.85-0.98; the same text read in the wrong 8-bit code page 0.2-0.5.
MIN_SYLLABLE_RATIO = 0.6


class DecodeError(ValueError):
    """The bytes are not text in any encoding Soi knows."""


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    for codec, ratio in (("utf-16-le", odd_nul), ("utf-16-be", even_nul)):
        if ratio > 0.3:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding_name)`` for the bytes of a .txt/.md report.

    Raises :class:`DecodeError` for binary content or text that no candidate decodes into
    Vietnamese (checked by syllable statistics, see :mod:`pipeline.ingest.legacy`).
    """
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {codec} byte-order mark but is not valid {codec}") from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, "utf-16"
    if _looks_binary(data):
        raise DecodeError("binary content, not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        fixed = _fix_mojibake(text)
        if fixed is not None:
            return fixed, "utf-8 (double-encoded, repaired)"
        converted, kind, _ = best_decoding(text)
        return converted, "utf-8" if kind is None else f"utf-8 ({kind})"
    # 8-bit: Windows-1258 (Vietnamese code page) or legacy font encodings saved as bytes.
    candidates: list[tuple[float, str, str]] = []
    cp1258 = data.decode("cp1258", errors="replace")
    candidates.append((syllable_ratio(cp1258), cp1258, "windows-1258"))
    latin = data.decode("latin-1")
    converted, kind, ratio = best_decoding(latin, min_gain=0.0)
    if kind is not None:
        candidates.append((ratio, converted, kind))
    ratio, text, name = max(candidates, key=lambda c: c[0])
    if ratio < MIN_SYLLABLE_RATIO:
        raise DecodeError(
            "not valid UTF-8 and not recognisable as Windows-1258, TCVN3 or VNI Vietnamese text "
            f"(best guess {name}, {ratio:.0%} Vietnamese syllables); save it as UTF-8"
        )
    return text, name


def _fix_mojibake(text: str) -> str | None:
    """Repair UTF-8 that was decoded as Windows-1252 and saved again ("Ä\u0090áº£ng" → "Đảng")."""
    if "Ã" not in text and "Ä" not in text and "áº" not in text and "á»" not in text:
        return None
    raw = bytearray()
    try:
        for ch in text:
            code = ord(ch)
            # bytes undefined in Windows-1252 survive as C1 control characters
            raw.extend(bytes([code]) if 0x80 <= code <= 0x9F else ch.encode("cp1252"))
        repaired = raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return repaired if syllable_ratio(repaired) > syllable_ratio(text) + 0.2 else None
