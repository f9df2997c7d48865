"""Bytes to text, in stages that suit short Vietnamese files.

1. nothing, or a known binary signature: skipped;
2. a byte-order mark (UTF-8, UTF-32, UTF-16);
3. UTF-16 without a mark, told by where the NUL bytes fall;
4. strict UTF-8;
5. UTF-8 with a few invalid bytes (many good multi-byte sequences, few bad):
   the bad ones are replaced;
6. the legacy font encodings TCVN3 (ABC) and VNI, told by their marks and accepted
   when the converted text reads as Vietnamese (see :mod:`.legacy`);
7. Windows-1258, accepted only when the result reads as Vietnamese;
8. otherwise UTF-8 with replacement characters, and the encoding says so.

The result is always cleaned by :func:`wardtui.corpus.clean.clean_text`.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass

from .clean import clean_text
from .legacy import legacy_codec, tcvn3_to_unicode, vni_to_unicode
from .model import Skipped

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\xd0\xcf\x11\xe0", "old Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "RIFF media file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_VIETNAMESE_LETTERS = frozenset(
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵfjwz"
)
_BINARY_CONTROLS = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# Every byte but those: deleting them leaves the control bytes (counted in C, fast).
_NOT_BINARY_CONTROLS = bytes(b for b in range(256) if not _BINARY_CONTROLS.match(bytes([b])))
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Clean NFC text and how it was decoded (``encoding``: a codec name, perhaps with a note)."""

    text: str
    encoding: str
    replaced: int = 0


def _utf16_by_nuls(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes fall on one parity, as in BOM-less UTF-16."""
    even = sample[0::2]
    odd = sample[1::2]
    if not even or not odd:
        return None
    nul_even = even.count(0) / len(even)
    nul_odd = odd.count(0) / len(odd)
    if nul_odd > 0.3 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.3 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def reads_as_vietnamese(text: str) -> bool:
    """True when nearly every letter of ``text`` belongs to the Vietnamese alphabet."""
    counts = Counter(text.lower())  # each distinct character once (counted in C)
    letters = foreign = marked = 0
    for ch, n in counts.items():
        if ch.isalpha():
            letters += n
            if ch not in _VIETNAMESE_LETTERS:
                foreign += n
            if not ch.isascii():
                marked += n
    if letters < 20:
        return False
    return foreign <= letters * 0.01 and marked >= letters * 0.03


def _decode_utf16(data: bytes, codec: str) -> Decoded:
    if len(data) % 2:
        data = data[:-1]
    raw = data.decode(codec, errors="replace")
    return Decoded(clean_text(raw), codec, raw.count("\ufffd"))


def decode_bytes(data: bytes) -> Decoded:
    """Decode one file's bytes to clean NFC text; raise :class:`Skipped` if it holds no text."""
    if not data.strip():
        raise Skipped("empty file")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise Skipped(f"binary file ({kind})")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if codec == "utf-8-sig":
                raw = body.decode("utf-8", errors="replace")
                return Decoded(clean_text(raw), codec, raw.count("\ufffd"))
            if codec.startswith("utf-16"):
                return _decode_utf16(body, codec)
            raw = body[: len(body) - len(body) % 4].decode(codec, errors="replace")
            return Decoded(clean_text(raw), codec, raw.count("\ufffd"))
    sample = data[:8192]
    if b"\x00" in sample:
        codec16 = _utf16_by_nuls(sample)
        if codec16:
            return _decode_utf16(data, codec16)
        raise Skipped("binary file (NUL bytes)")
    if len(sample.translate(None, _NOT_BINARY_CONTROLS)) > max(8, len(sample) // 100):
        raise Skipped("binary file (control bytes)")
    try:
        return Decoded(clean_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    raw = data.decode("utf-8", errors="replace")
    bad = raw.count("\ufffd")
    good = len(_UTF8_MULTIBYTE.findall(data))
    if good >= max(10, bad * 5):
        return Decoded(clean_text(raw), "utf-8 (invalid bytes replaced)", bad)
    latin1 = data.decode("latin-1")
    legacy_name = legacy_codec(latin1)
    if legacy_name is not None:
        convert = tcvn3_to_unicode if legacy_name == "tcvn3" else vni_to_unicode
        text = clean_text(convert(latin1))
        if reads_as_vietnamese(text):
            return Decoded(text, legacy_name.upper())
    legacy = clean_text(data.decode("cp1258", errors="replace"))
    if reads_as_vietnamese(legacy):
        return Decoded(legacy, "cp1258", legacy.count("\ufffd"))
    if good > bad:
        return Decoded(clean_text(raw), "utf-8 (invalid bytes replaced)", bad)
    # Latin-1-looking bytes that are not Vietnamese in any known encoding: keep
    # the text readable as Windows-1252 and say so, rather than guessing further.
    western = clean_text(data.decode("cp1252", errors="replace"))
    return Decoded(western, "cp1252 (not Vietnamese?)", western.count("\ufffd"))
