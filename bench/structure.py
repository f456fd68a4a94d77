"""Structure accuracy: how many documents get their title, date, speaker, document number, issuer, 主送 and
headings right, and how many body sentences reach a passage, against the expected JSON beside each file.

Expected files (NAME.json beside NAME.txt/.docx/.pdf/…) hold the fields of `FIELDS` and `sections`, the
standalone headings in order; a document counts as right for `sections` when exactly those headings
open its sections, in that order.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from corpus import (
    SUPPORTED_SUFFIXES,
    CorpusError,
    Speech,
    check_conservation,
    chunk_speech,
    parse_document,
    read_document,
)

FIELDS = ("title", "subtitle", "date", "speaker", "doc_number", "issuer", "addressee")


@dataclass(frozen=True)
class DocumentResult:
    path: Path
    right: dict[str, bool]  # field (and "sections") -> read as expected
    sentences: int
    missing: int
    duplicated: int
    error: str | None = None


def expected_files(folders: Sequence[Path]) -> list[Path]:
    """The documents in `folders` that have an expected JSON beside them."""
    return [
        p
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.suffix.lower() in SUPPORTED_SUFFIXES and p.with_suffix(".json").exists()
    ]


def headings_in_order(speech: Speech, expected: Sequence[str]) -> list[str]:
    """The section-path parts of a speech, in order of first appearance, that are among `expected`."""
    seen: list[str] = []
    for paragraph in speech.paragraphs:
        for part in (paragraph.section or "").split(" › "):
            if part and part not in seen:
                seen.append(part)
    return [s for s in seen if s in expected]


def check_document(path: Path) -> DocumentResult:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    try:
        document = read_document(path)
        speeches = parse_document(document)
    except CorpusError as e:
        return DocumentResult(path, {f: False for f in (*FIELDS, "sections")}, 0, 0, 0, str(e))
    speech = speeches[0]
    right = {f: getattr(speech, f) == expected.get(f) for f in FIELDS if f in expected}
    right["sections"] = headings_in_order(speech, expected.get("sections", [])) == expected.get(
        "sections", []
    )
    kept = check_conservation(document, [d.text for s in speeches for d in chunk_speech(s)])
    return DocumentResult(path, right, kept.sentences, len(kept.missing), len(kept.duplicated))


def structure_report(folders: Sequence[Path]) -> str:
    """The Markdown table: per folder, documents right per field, and sentences kept."""
    lines = [
        "| documents | n | " + " | ".join(FIELDS) + " | sections | body sentences | lost | doubled |",
        "|" + "---|" * (len(FIELDS) + 6),
    ]
    failures: list[str] = []
    for folder in folders:
        results = [check_document(p) for p in expected_files([folder])]
        if not results:
            continue
        cells = [str(folder), str(len(results))]
        for field in (*FIELDS, "sections"):
            judged = [r.right[field] for r in results if field in r.right]
            cells.append(f"{sum(judged)}/{len(judged)}")
        cells += [str(sum(r.sentences for r in results)), str(sum(r.missing for r in results))]
        cells.append(str(sum(r.duplicated for r in results)))
        lines.append("| " + " | ".join(cells) + " |")
        for r in results:
            wrong = [f for f, ok in r.right.items() if not ok]
            if wrong or r.missing or r.duplicated or r.error:
                failures.append(
                    f"- {r.path.name}: {', '.join(wrong) or '—'}"
                    + (f"; {r.missing} sentences lost" if r.missing else "")
                    + (f"; {r.error}" if r.error else "")
                )
    if failures:
        lines += ["", "Not read as expected:", *failures]
    return "\n".join(lines)
