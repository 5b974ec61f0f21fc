"""Text from input files: decoding with clear errors, and cleaning what a DOCX cannot hold."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.errors import BriefgenError, Problem

# Characters XML 1.0 (and so DOCX) cannot hold: C0 controls but tab and newline, lone
# surrogates, and the non-characters U+FFFE and U+FFFF; plus stray byte-order marks, and
# DEL and the C1 controls, which XML allows but which no font draws (and YAML refuses).
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\ufeff]")
# What the YAML parser refuses outright in a file (it reads escapes such as "\0" fine).
_UNSAFE_RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


# A surrogate pair written as two escapes ("\\ud83d\\ude00", as JSON tools write emoji),
# which PyYAML leaves as two lone surrogates.
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _join_pairs(text: str) -> str:
    if not _PAIR.search(text):
        return text
    return _PAIR.sub(
        lambda m: m.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"), text
    )


def clean_text(text: str) -> str:
    """Return ``text`` with Windows line endings unified and unholdable characters removed."""
    text = _join_pairs(text.replace("\r\n", "\n").replace("\r", "\n"))
    return _UNSAFE.sub("", text)


def unsafe_chars(text: str) -> list[str]:
    """Return the characters ``clean_text`` would remove from ``text``, in order."""
    return _UNSAFE.findall(_join_pairs(text))


def describe_chars(chars: list[str]) -> str:
    """Describe removed characters for a warning: "2 characters (U+0000, U+001B)"."""
    codes = list(dict.fromkeys(f"U+{ord(c):04X}" for c in chars))
    shown = ", ".join(codes[:5]) + (", ..." if len(codes) > 5 else "")
    return f"{len(chars)} character{'s' * (len(chars) != 1)} ({shown})"


def strip_unsafe_raw(text: str) -> tuple[str, dict[int, list[str]]]:
    """Remove from a whole file the characters the YAML parser refuses.

    Returns the cleaned text and, by 1-based line, the characters removed there (line
    breaks are kept, so line numbers stay right).
    """
    if not _UNSAFE_RAW.search(text):
        return text, {}
    removed: dict[int, list[str]] = {}
    line, pos = 1, 0
    for m in _UNSAFE_RAW.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        removed.setdefault(line, []).append(m.group())
    return _UNSAFE_RAW.sub("", text), removed


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
