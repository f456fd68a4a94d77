"""`speechqa bench identity`: how the duplicate rule (index/identity.py) judges re-exports and edits of
real speeches, and how far apart different speeches are.

Each variant of the bundled compilation is produced as a file (re-encoded text, other line endings,
indentation and spacing, page-number lines, typos, a removed paragraph, a Word document written with
python-docx), read and split by the real corpus code, and every speech of it compared with the same
speech of the original: the text hash (identical?) and the Jaccard overlap of character 5-grams
(≥ 0.95 is a near duplicate). The last row pairs each speech with every *other* speech: the rule must
never call those the same.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from corpus import bundled_corpus_files, chunk_speech, parse_document, read_bytes
from index import identity

from .errors import BenchError


@dataclass(frozen=True)
class VariantRow:
    variant: str
    speeches: int
    exact: int
    near: int
    different: int
    lowest: float
    highest: float


def _fingerprints(name: str, data: bytes) -> list[identity.Fingerprint]:
    speeches = parse_document(read_bytes(name, data))
    return [
        identity.Fingerprint(i, s.title, identity.speech_text((d.section, d.text) for d in chunk_speech(s)))
        for i, s in enumerate(speeches)
    ]


def _typos(text: str, per_speech: int, seed: int) -> str:
    """Replace `per_speech` × 5 body characters (CJK only) with a look-alike neighbour character."""
    rng = random.Random(seed)
    chars = list(text)
    spots = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff" and chars[i - 1] not in "\n"]
    for i in rng.sample(spots, per_speech * 5):
        chars[i] = chr(ord(chars[i]) + 1)
    return "".join(chars)


def _page_numbers(text: str) -> str:
    lines = text.splitlines()
    out: list[str] = []
    for n, line in enumerate(lines, start=1):
        out.append(line)
        if n % 8 == 0:
            out.append(f"- {n // 8} -")
    return "\n".join(out)


def _without_a_paragraph(text: str) -> str:
    """Drop the longest body paragraph of each speech: a real edit, not a re-export."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("第") and "篇：" in line[:5]] + [
        len(lines)
    ]
    drop = set()
    for begin, end in zip([0, *starts[:-1]], starts, strict=True):
        if end - begin > 3:
            drop.add(max(range(begin + 2, end), key=lambda i: len(lines[i])))
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line, style="Normal")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf(docx_bytes: bytes) -> bytes:
    """The Word document converted by LibreOffice (`soffice --headless --convert-to pdf`)."""
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise BenchError("需要 LibreOffice（soffice）来导出 PDF 变体")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "a.docx"
        source.write_bytes(docx_bytes)
        subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ],
            capture_output=True,
            timeout=300,
            check=True,
        )
        return (Path(tmp) / "a.pdf").read_bytes()


VARIANTS: list[tuple[str, str, Callable[[str], bytes]]] = [
    ("identical text, GB18030 bytes", "a.txt", lambda t: t.encode("gb18030")),
    ("CRLF line endings", "a.txt", lambda t: t.replace("\n", "\r\n").encode()),
    (
        "indented, spaces after punctuation",
        "a.txt",
        lambda t: "\n".join("\u3000\u3000" + line.replace("，", "， ") for line in t.splitlines()).encode(),
    ),
    ("page-number lines every 8 lines", "a.txt", lambda t: _page_numbers(t).encode()),
    ("Word document (python-docx)", "a.docx", _docx),
    ("PDF exported by LibreOffice", "a.pdf", lambda t: _pdf(_docx(t))),
    ("5 one-character typos in the file", "a.txt", lambda t: _typos(t, 1, 1).encode()),
    ("15 one-character typos in the file", "a.txt", lambda t: _typos(t, 3, 2).encode()),
    ("longest paragraph removed", "a.txt", lambda t: _without_a_paragraph(t).encode()),
]


def identity_rows() -> list[VariantRow]:
    source = bundled_corpus_files()[0]
    text = source.read_text(encoding="utf-8")
    original = _fingerprints(source.name, text.encode())
    rows = []
    for label, name, make in VARIANTS:
        variant = _fingerprints(name, make(text))
        scores, exact, near = [], 0, 0
        for a, b in zip(original, variant, strict=False):
            score = identity.overlap(a.shingles, b.shingles)
            scores.append(score)
            exact += a.hash == b.hash
            near += a.hash != b.hash and score >= identity.NEAR_DUPLICATE
        rows.append(
            VariantRow(label, len(scores), exact, near, len(scores) - exact - near, min(scores), max(scores))
        )
    pairs = [identity.overlap(a.shingles, b.shingles) for a, b in combinations(original, 2)]
    same = sum(score >= identity.NEAR_DUPLICATE for score in pairs)
    rows.append(
        VariantRow(
            "different speeches (every pair)", len(pairs), 0, same, len(pairs) - same, min(pairs), max(pairs)
        )
    )
    return rows


def identity_table(rows: list[VariantRow]) -> str:
    lines = [
        f"Threshold: 5-gram Jaccard ≥ {identity.NEAR_DUPLICATE} is a near duplicate. "
        f"Speeches: the {rows[0].speeches} of the bundled compilation.",
        "",
        "| variant | speeches (pairs) | identical text | near duplicate | different | overlap min | overlap max |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.variant} | {r.speeches} | {r.exact} | {r.near} | {r.different} | {r.lowest:.3f} | {r.highest:.3f} |"
        )
    return "\n".join(lines)
