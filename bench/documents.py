"""How documents come in: sentence conservation per format, PDF extractors compared, OCR error rates.

- documents_report: every fixture under tests/fixtures/documents (made by real producers, see
  make_fixtures.py) read by speechqa; per format: sentences found once and in order, header/footer or
  page-number leaks, table rows labelled; then what the parser made of it (title, date, speaker,
  sections) against the expected JSON.
- pdf_extractors_report: the same sentence check for the PDF extractors that were candidates (pypdf plain
  and layout mode, pdfplumber's own text, speechqa's reader on pdfplumber).
- ocr_report: pages rendered from the bundled speeches with a CJK font at given resolutions, read back
  by each installed OCR engine; character error rate.
"""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from corpus import (
    HOW_TO_ENABLE_OCR,
    CorpusError,
    bundled_corpus_files,
    clean_line,
    image_text,
    installed_engines,
    is_page_number,
    parse_document,
    read_bytes,
    read_document,
    squash,
)

from .errors import BenchError

DEFAULT_FIXTURES = Path("tests/fixtures/documents")
DEFAULT_DOCUMENTS_DOC = Path("docs/documents.md")
SERIF_FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SANS_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
# Characters a line may not start with (Chinese line-breaking rules): they stay at the end of the line before.
_NO_LINE_START = set("。，、；：？！”’）》」』】…—")


# the text without white space, as the corpus's checks compare it (the corpus tests and scripts import it)
squeeze = squash


class SentenceCheck(NamedTuple):
    """How a text holds a document's sentences, white space ignored."""

    ok: int  # found once, and after the sentence before
    missing: int  # not found, or found before the sentence before
    repeated: int  # found more than once


def sentence_check(sentences: list[str], text: str) -> SentenceCheck:
    """Whether each sentence is in the text once and in order (white space ignored)."""
    flat = squash(text)
    ok = missing = repeated = 0
    position = 0
    for sentence in sentences:
        needle = squash(sentence)
        count = flat.count(needle)
        if count == 0:
            missing += 1
            continue
        if count > 1:
            repeated += 1
            continue
        found = flat.find(needle)
        if found >= position:
            ok += 1
            position = found + len(needle)
        else:
            missing += 1
    return SentenceCheck(ok, missing, repeated)


def leaks(expected: dict, text: str) -> int:  # type: ignore[type-arg]
    """Running header text or page numbers that reached the text."""
    flat = squash(text)
    count = sum(1 for running in expected.get("absent", []) if squash(running) in flat)
    count += sum(1 for line in text.splitlines() if is_page_number(line))
    count += len(re.findall(r"第\s*\d+\s*页|[—－-]\s*\d+\s*[—－-]", text))
    return count


def whole_paragraphs(paragraphs: list[str], text: str) -> int:
    """Body paragraphs that stand whole on a line of their own (none broken, none run together)."""
    lines = {squash(line) for line in text.splitlines()}
    return sum(1 for p in paragraphs if squash(p) in lines)


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate: edit distance / reference length (whitespace ignored)."""
    a, b = squash(reference), squash(hypothesis)
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1] / max(len(a), 1)


@dataclass
class _Row:
    files: int = 0
    sentences: int = 0
    ok: int = 0
    paragraphs: int = 0
    whole: int = 0
    leaks: int = 0
    rows: int = 0
    rows_found: int = 0
    title: int = 0
    date: int = 0
    speaker: int = 0
    sections: int = 0
    sections_found: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def _fixtures(folder: Path) -> list[tuple[Path, dict]]:  # type: ignore[type-arg]
    cases = sorted(folder.glob("*.json"))
    if not cases:
        raise BenchError(f"{folder} 中没有文档样本（先运行 tests/fixtures/documents/make_fixtures.py）")
    return [
        (case.with_name(case.name.removesuffix(".json")), json.loads(case.read_text("utf-8")))
        for case in cases
    ]


def documents_report(folder: Path = DEFAULT_FIXTURES) -> str:
    """Markdown: per format, sentence conservation, leaks, table rows, and parse accuracy."""
    rows: dict[str, _Row] = {}
    refused = []
    for path, expected in _fixtures(folder):
        if "error" in expected:
            try:
                read_document(path)
                refused.append(f"{path.name}: read, but should have been refused")
            except CorpusError as e:
                ok = expected["error"] in str(e)
                refused.append(f"{path.name}: {'refused as expected' if ok else 'WRONG MESSAGE'} — 「{e}」")
            continue
        row = rows.setdefault(expected["format"], _Row())
        started = time.perf_counter()
        try:
            document = read_document(path)
        except CorpusError as e:
            row.errors.append(f"{path.name}: {e}")
            row.files += 1
            row.sentences += len(expected["sentences"])
            continue
        row.seconds += time.perf_counter() - started
        row.files += 1
        row.sentences += len(expected["sentences"])
        row.ok += sentence_check(expected["sentences"], document.text).ok
        paragraphs = expected.get("paragraphs", [])  # a fixture may list only its sentences
        row.paragraphs += len(paragraphs)
        row.whole += whole_paragraphs(paragraphs, document.text)
        row.leaks += leaks(expected, document.text)
        lines = {squash(line) for line in document.text.splitlines()}
        table_rows = expected.get("table_rows", [])
        row.rows += len(table_rows)
        row.rows_found += sum(1 for r in table_rows if squash(r) in lines)
        try:
            speech = parse_document(document)[0]
        except CorpusError:
            continue
        row.title += squash(speech.title) == squash(expected["title"])
        row.date += speech.date == expected["date"]
        row.speaker += speech.speaker == expected["speaker"]
        found = {squash(part) for p in speech.paragraphs if p.section for part in p.section.split("›")}
        row.sections += len(expected["sections"])
        row.sections_found += sum(1 for s in expected["sections"] if squash(s).rstrip("。") in found)
    out = [
        "| format | files | body sentences found once, in order | paragraphs whole | "
        "header/footer/page-number leaks | table rows labelled | title | date | speaker | sections | read time |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for fmt, r in sorted(rows.items()):
        table = f"{r.rows_found}/{r.rows}" if r.rows else "–"
        out.append(
            f"| {fmt} | {r.files} | {r.ok}/{r.sentences} ({_pct(r.ok, r.sentences)}) | "
            f"{r.whole}/{r.paragraphs} | {r.leaks} | {table} | "
            f"{r.title}/{r.files} | {r.date}/{r.files} | {r.speaker}/{r.files} | "
            f"{r.sections_found}/{r.sections} | {r.seconds / max(r.files, 1):.1f} s |"
        )
    total = _Row()
    for r in rows.values():
        total.files += r.files
        total.sentences += r.sentences
        total.ok += r.ok
        total.whole += r.whole
        total.paragraphs += r.paragraphs
        total.leaks += r.leaks
    out.append(
        f"| **all** | {total.files} | {total.ok}/{total.sentences} ({_pct(total.ok, total.sentences)}) | "
        f"{total.whole}/{total.paragraphs} | {total.leaks} | | | | | | |"
    )
    notes = [e for r in rows.values() for e in r.errors] + refused
    if notes:
        out.append("")
        out.extend(f"- {note}" for note in notes)
    return "\n".join(out)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "–"


def pdf_extractors_report(folder: Path = DEFAULT_FIXTURES) -> str:
    """Markdown: the candidate PDF extractors on the fixture PDFs that have a text layer."""
    extractors: dict[str, Callable[[bytes], str]] = {
        "pypdf extract_text()": lambda data: _pypdf(data, layout=False),
        "pypdf extract_text(extraction_mode='layout')": lambda data: _pypdf(data, layout=True),
        "pdfplumber extract_text()": _pdfplumber,
        "speechqa reader (pdfplumber lines + layout rules)": lambda data: read_bytes("x.pdf", data).text,
    }
    cases = [
        (path, expected)
        for path, expected in _fixtures(folder)
        if path.suffix == ".pdf"
        and "error" not in expected
        and not expected["format"].endswith(("scan", "mixed"))
    ]
    out = [
        "| extractor | PDFs | body sentences found once, in order | paragraphs whole | "
        "header/footer/page-number leaks | time per PDF |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, extract in extractors.items():
        ok = total = leak = whole = paragraphs = 0
        started = time.perf_counter()
        for path, expected in cases:
            text = extract(path.read_bytes())
            ok += sentence_check(expected["sentences"], text).ok
            total += len(expected["sentences"])
            leak += leaks(expected, text)
            whole += whole_paragraphs(expected.get("paragraphs", []), text)
            paragraphs += len(expected.get("paragraphs", []))
        seconds = (time.perf_counter() - started) / max(len(cases), 1)
        out.append(
            f"| {name} | {len(cases)} | {ok}/{total} ({_pct(ok, total)}) | {whole}/{paragraphs} | {leak} | "
            f"{seconds:.2f} s |"
        )
    return "\n".join(out)


def _pypdf(data: bytes, *, layout: bool) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    mode = "layout" if layout else "plain"
    return "\n".join(page.extract_text(extraction_mode=mode) or "" for page in reader.pages)


def _pdfplumber(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data), password="") as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


# -- OCR ---------------------------------------------------------------------------------------------


def wrap(text: str, first: int, rest: int) -> list[str]:
    """Cut text into lines of `first` then `rest` characters, keeping closing punctuation on the line before."""
    lines: list[str] = []
    while text:
        room = first if not lines else rest
        cut = min(room, len(text))
        while cut < len(text) and text[cut] in _NO_LINE_START:
            cut += 1
        lines.append(text[:cut])
        text = text[cut:]
    return lines


def render_pages(
    lines: list[tuple[str, str]], dpi: int, *, chars_per_line: int = 30, header: str = ""
) -> list:  # type: ignore[type-arg]
    """Render (kind, text) lines as A4 pages of print with the Noto CJK fonts: "title" and "meta" lines
    centred (the title larger), "paragraph" lines with a two-character indent, "heading" lines flush;
    a running header and a 「— N —」 page number when header is given. Returns Pillow images."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    width, height = int(595 * scale), int(842 * scale)
    margin = int(72 * scale)
    body_size = int((width - 2 * margin) / (chars_per_line + 1))
    body_font = ImageFont.truetype(SERIF_FONT, body_size, index=0)
    title_font = ImageFont.truetype(SANS_FONT, int(body_size * 1.3), index=0)
    small_font = ImageFont.truetype(SERIF_FONT, int(body_size * 0.7), index=0)
    leading = int(body_size * 1.7)
    pages: list = []  # type: ignore[type-arg]

    def blank():  # type: ignore[no-untyped-def]
        image = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(image)
        if header:
            w = draw.textlength(header, font=small_font)
            draw.text(((width - w) / 2, margin * 0.45), header, font=small_font, fill=0)
            number = f"— {len(pages) + 1} —"
            w = draw.textlength(number, font=small_font)
            draw.text(((width - w) / 2, height - margin * 0.6), number, font=small_font, fill=0)
        return image, draw

    page, draw = blank()
    y = margin
    for kind, text in lines:
        if kind in ("title", "meta"):
            font = title_font if kind == "title" else body_font
            if y + leading > height - margin:
                pages.append(page)
                page, draw = blank()
                y = margin
            w = draw.textlength(text, font=font)
            draw.text(((width - w) / 2, y), text, font=font, fill=0)
            y += int(leading * (1.4 if kind == "title" else 1))
            continue
        indent = 2 if kind == "paragraph" else 0
        for number, chunk in enumerate(wrap(text, chars_per_line - indent, chars_per_line)):
            if y + leading > height - margin:
                pages.append(page)
                page, draw = blank()
                y = margin
            x = margin + (indent * body_size if number == 0 else 0)
            draw.text((x, y), chunk, font=body_font, fill=0)
            y += leading
    pages.append(page)
    return pages


def speech_pages(count: int, chars_per_page: int = 700) -> list[str]:
    """Texts of `count` pages cut from the bundled speeches' paragraphs (never tuned on: any page)."""
    text = "\n".join(path.read_text("utf-8") for path in bundled_corpus_files())
    # Cleaned as for indexing (the seed file carries conversion artefacts no printed page would show).
    paragraphs = [clean_line(p) for p in text.splitlines()]
    paragraphs = [p for p in paragraphs if len(p) >= 20]
    if not paragraphs:
        raise BenchError("没有可用于渲染的讲话文本")
    step = max(1, len(paragraphs) // max(count, 1))
    pages = []
    for n in range(count):
        chosen = []
        size = 0
        for p in paragraphs[n * step :]:
            if size + len(p) > chars_per_page and chosen:
                break
            chosen.append(p[:chars_per_page])
            size += len(chosen[-1])
        pages.append("\n".join(chosen))
    return pages


def ocr_report(dpis: list[int], pages: int) -> str:
    """Markdown: CER of each installed OCR engine on rendered speech pages, per resolution."""
    engines = installed_engines()
    if not engines:
        raise BenchError(f"没有可用的 OCR 引擎。{HOW_TO_ENABLE_OCR}")
    texts = speech_pages(pages)
    out = [
        "| engine | dpi | pages | characters | CER | sentences exact | time per page |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for engine in engines:
        for dpi in dpis:
            errors = chars = exact = sentences = 0
            seconds = 0.0
            for text in texts:
                lines = [("paragraph", p) for p in text.split("\n")]
                image = render_pages(lines, dpi)[0]
                started = time.perf_counter()
                got = image_text("page.png", engine, image.convert("RGB"))
                seconds += time.perf_counter() - started
                shown = "".join(text.split("\n"))
                n = len(squash(shown))
                errors += round(cer(shown, got) * n)
                chars += n
                parts = [s for s in re.findall(r"[^。！？；]*[。！？；]", shown) if s.strip()]
                sentences += len(parts)
                exact += sum(1 for s in parts if squash(s) in squash(got))
            out.append(
                f"| {engine.name} | {dpi} | {len(texts)} | {chars} | {100 * errors / max(chars, 1):.2f} % | "
                f"{exact}/{sentences} | {seconds / len(texts):.1f} s |"
            )
    return "\n".join(out)
