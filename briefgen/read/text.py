"""Text from input files: decoding with clear errors, and cleaning what a DOCX cannot hold."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.errors import BriefgenError, Problem

# Characters XML 1.0 (and so DOCX) cannot hold: C0 controls but tab and newline, lone
# surrogates, and the non-characters U+FFFE and U+FFFF; plus stray byte-order marks.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\ufeff]")


def clean_text(text: str) -> str:
    """Return ``text`` with Windows line endings unified and unholdable characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub("", text)


def has_unsafe(text: str) -> bool:
    """Tell whether ``clean_text`` would remove characters (other than line-ending changes)."""
    return bool(_UNSAFE.search(text.replace("\r", "")))


def read_text_file(path: Path, max_bytes: int) -> str:
    """Read a UTF-8 text file (a byte-order mark is allowed) or raise a clear error."""
    shown = str(path)
    if path.is_dir():
        raise BriefgenError(
            Problem("this is a folder, not a brief file", shown, hint="name a .yaml file inside it")
        )
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BriefgenError(
                Problem(
                    f"the file is {size:,} bytes, more than a brief file needs",
                    shown,
                    hint="split it, or keep events in a CSV file",
                )
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BriefgenError(Problem("no such file", shown, hint="check the path")) from None
    except OSError as exc:
        raise BriefgenError(Problem(f"cannot read the file: {exc.strerror}", shown)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BriefgenError(
            Problem(
                f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                shown,
                line,
                hint="save it as UTF-8 in your editor",
            )
        ) from None
