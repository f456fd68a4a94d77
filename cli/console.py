"""The terminal speechqa writes to, as users' machines have it: a locale of C or POSIX, a GBK console, a
file name in another encoding than the system's, a closed standard output.

`fit_streams()` runs once, first thing in `main()`; `json_text()` is how every `--json` is written."""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import sys
import unicodedata
from typing import Any

HANDLER = "speechqa.console"

# Characters speechqa itself prints that a GBK or Big5 console lacks, as the nearest it has
# (a section path's 「›」, a pinned answer's 📌, a small talk's 👍…); anything else it lacks is 「?」
_NEAREST = {"›": ">", "‹": "<", "📌": "※", "👍": "(赞)", "✓": "√", "✗": "×", "…": "..."}


def _escaped_bytes(run: str) -> str:
    """A run of lone surrogates, the bytes of a file name not in the system's encoding (a GBK name from
    a zip made on a Chinese Windows, extracted on Linux), as its owner reads them: decoded as GB18030
    (GBK's superset) or Big5 when valid in it, else each byte as \\xNN. (The corpus stores such a name
    decoded the same way, `corpus.readable_name`: this is for the names printed straight from the command
    line, and `main` imports none of the layers.)"""
    data = run.encode("utf-8", errors="surrogateescape")
    for encoding in ("gb18030", "big5"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("ascii", errors="backslashreplace")


def _replacement(error: UnicodeError) -> tuple[bytes, int]:
    """The codec error handler of stdout and stderr: what a character the console's encoding lacks
    is written as, instead of a UnicodeEncodeError ending the command."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    run = error.object[error.start : error.end]
    if all("\udc80" <= ch <= "\udcff" for ch in run):  # an escaped file name's bytes
        candidates = [_escaped_bytes(run)]
    else:
        candidates = [_nearest(ch) for ch in run]
    out = []
    for text in candidates:
        for ch in text:
            try:
                ch.encode(error.encoding)
                out.append(ch)
            except (UnicodeEncodeError, LookupError):
                out.append(_nearest(ch) if _encodes(_nearest(ch), error.encoding) else "?")
    # as bytes: the UTF-8 encoder takes only ASCII back as text
    return "".join(out).encode(error.encoding), error.end


def _nearest(ch: str) -> str:
    if ch in _NEAREST:
        return _NEAREST[ch]
    folded = unicodedata.normalize("NFKC", ch)
    return folded if folded != ch else "?"


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


codecs.register_error(HANDLER, _replacement)


def in_utf8_mode() -> None:
    """Run again in Python's UTF-8 mode when the locale's encoding has no Chinese (LANG=C with
    PYTHONUTF8=0, a Latin-1 locale): Python then reads the command line in that encoding, so a question
    typed in Chinese arrives as escaped bytes (or Latin-1 mojibake) and no Chinese file name can be
    opened. In UTF-8 mode the arguments are read as UTF-8 and a name in another encoding still opens.
    The same command line, `sys.orig_argv`, is executed: nothing has been done yet."""
    if sys.flags.utf8_mode or _encodes("讲话", sys.getfilesystemencoding()) or os.name != "posix":
        return
    argv = list(getattr(sys, "orig_argv", ()))
    if not argv:
        return
    if sys.stdout is not None:
        sys.stdout.flush()
    os.execv(sys.executable, [argv[0], "-X", "utf8", *argv[1:]])


def fit_streams() -> bool:
    """Make stdout and stderr able to print any Chinese line. An encoding with no Chinese at all (ASCII
    under LANG=C with UTF-8 mode off, Latin-1, cp1252) is a locale left unset rather than a terminal that
    cannot show Chinese: it is written as UTF-8, as click does for ASCII. One with Chinese (GBK, Big5)
    is kept, and a character it lacks is written as its nearest (`_NEAREST`) or 「?」; so is an escaped
    file name's bytes, in UTF-8 too. Standard input is read as UTF-8 where its encoding has no Chinese.
    False when standard output is closed (`speechqa … >&-`): sys.stdout is then None."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = getattr(stream, "encoding", None)
        if reconfigure is None or not encoding:
            continue
        try:
            if _encodes("讲话", encoding):
                reconfigure(errors=HANDLER)
            else:
                reconfigure(encoding="utf-8", errors=HANDLER)
        except (ValueError, OSError):  # a stream already closed
            continue
    stdin_reconfigure = getattr(sys.stdin, "reconfigure", None)
    stdin_encoding = getattr(sys.stdin, "encoding", None)
    if stdin_reconfigure is not None and stdin_encoding and not _encodes("讲话", stdin_encoding):
        with contextlib.suppress(ValueError, OSError):
            stdin_reconfigure(encoding="utf-8", errors="replace")
    return sys.stdout is not None


def error_json(question: str, message: str) -> str:
    """The JSON object of a question that could not be searched (the shape of a --batch error line)."""
    return json_text({"query": question, "answered": False, "results": [], "error": message})


def error_object(message: str) -> str:
    """The JSON object of another command's error (`context --json`, `pins --json`, `stats --json`)."""
    return json_text({"error": message})


def json_text(data: Any, *, indent: int | None = None) -> str:
    """One JSON document for stdout: Chinese as it is, and any character the console's encoding lacks
    (an emoji, 「›」 under GBK) as a JSON escape, so the document stays valid and loses nothing."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if _encodes(text, encoding) and not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return "".join(
        ch if ch.isascii() or (_encodes(ch, encoding) and not "\ud800" <= ch <= "\udfff") else _escape(ch)
        for ch in text
    )


def _escape(ch: str) -> str:
    return json.dumps(ch)[1:-1]  # "\\u203a"; an emoji as its two surrogate escapes
