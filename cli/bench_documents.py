"""`speechqa bench chunking · structure · documents · ocr · ocr-confidence · identity`: how documents come in."""

from __future__ import annotations

from pathlib import Path

import click

import bench as b
from index import load_embedder

from .bench import (
    BENCH_ERRORS,
    QUESTIONS,
    bench,
    bench_home_option,
    doc_option,
    doc_option_for,
    parsed,
    publish,
)
from .main import Context, ProgressBar, notice, pass_context, user_errors

ROOT = Path(__file__).resolve().parent.parent
documents_doc_option = doc_option_for(b.DEFAULT_DOCUMENTS_DOC)


@bench.command("chunking")
@click.option(
    "--dev", "dev_file", type=QUESTIONS, default=b.DEV_QUESTIONS, help="Questions over the bundled speeches."
)
@click.option(
    "--policy",
    "policy_file",
    type=QUESTIONS,
    default=ROOT / "benchmarks" / "policy-questions.jsonl",
    help="Questions over the notices (with a tune/held-out split).",
)
@click.option(
    "--notices",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=ROOT / "tests" / "fixtures" / "notices",
    help="Folder of official-notice .txt files the policy questions are about.",
)
@click.option("--cmrc", "cmrc_file", type=QUESTIONS, help="Also measure on CMRC 2018 (this file).")
@click.option(
    "--cmrc-contexts", type=click.IntRange(1), default=150, show_default=True, help="CMRC contexts used."
)
@click.option(
    "--targets",
    default="200,300,400",
    show_default=True,
    callback=parsed(b.int_list),
    help="Merge targets (characters) compared with one passage per paragraph.",
)
@bench_home_option
@doc_option
@pass_context
def bench_chunking(
    obj: Context,
    dev_file: Path,
    policy_file: Path,
    notices: Path,
    cmrc_file: Path | None,
    cmrc_contexts: int,
    targets: list[int],
    bench_home: Path | None,
    doc: Path,
) -> None:
    """Passage size: one passage per paragraph against short paragraphs merged up to a target size,
    with a character-bigram BM25 over 300-character windows as a reference.

    \b
    Example:
        speechqa bench chunking --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json
    """
    with user_errors(*BENCH_ERRORS):
        sets = [
            b.speech_set(dev_file.stem, b.seed_speeches(), dev_file),
            b.notice_set(notices, policy_file),
        ]
        if cmrc_file is not None:
            sets.append(b.cmrc_set(cmrc_file, cmrc_contexts))
        table = b.chunking_report(
            sets,
            bench_home or obj.settings.home / "bench" / "chunking",
            embedder=load_embedder(obj.settings.model, notice=notice),
            tokenizer=obj.settings.tokenizer,
            targets=[None, *targets],
            progress=ProgressBar("嵌入段落"),
        )
    command = "speechqa bench chunking" + (
        f" --cmrc {cmrc_file} --cmrc-contexts {cmrc_contexts}" if cmrc_file else ""
    )
    publish("chunking", command, table, doc)


@bench.command("structure")
@click.argument(
    "folders",
    nargs=-1,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    metavar="[文件夹]...",
)
@documents_doc_option
def bench_structure(folders: tuple[Path, ...], doc: Path) -> None:
    """Structure accuracy (title, date, speaker, document number, issuer, headings) and sentences kept,
    against the expected JSON beside each document (default: the official-notice fixtures).

    \b
    Example:
        speechqa bench structure tests/fixtures/notices
    """
    with user_errors(*BENCH_ERRORS):
        table = b.structure_report(list(folders) or [ROOT / "tests" / "fixtures" / "notices"])
    publish("structure", " ".join(["speechqa bench structure", *map(str, folders)]), table, doc)


@bench.command("documents")
@click.option(
    "--fixtures",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=b.DEFAULT_FIXTURES,
    show_default=True,
    help="Folder of documents, each with its expected <file>.json beside it.",
)
@documents_doc_option
def bench_documents(fixtures: Path, doc: Path) -> None:
    """How real-format documents come in: sentences conserved, header/footer leaks, tables, parse accuracy
    per format; and the candidate PDF extractors compared on the same PDFs.

    \b
    Example:
        speechqa bench documents
    """
    with user_errors(*BENCH_ERRORS):
        table = b.documents_report(fixtures)
        extractors = b.pdf_extractors_report(fixtures)
    publish("documents", "speechqa bench documents", table, doc)
    publish("pdf-extractors", "speechqa bench documents", extractors, doc)


@bench.command("ocr")
@click.option(
    "--dpi",
    "dpis",
    default="150,300",
    show_default=True,
    callback=parsed(b.int_list),
    help="Resolutions to render the pages at (comma-separated).",
)
@click.option("--pages", type=click.IntRange(1, 50), default=3, show_default=True, help="Pages to render.")
@documents_doc_option
def bench_ocr(dpis: list[int], pages: int, doc: Path) -> None:
    """Character error rate of each installed OCR engine on speech pages rendered with a CJK font.

    \b
    Example:
        speechqa bench ocr --dpi 150,300 --pages 3
    """
    with user_errors(*BENCH_ERRORS):
        table = b.ocr_report(dpis, pages)
    publish("ocr", f"speechqa bench ocr --dpi {','.join(map(str, dpis))} --pages {pages}", table, doc)


@bench.command("ocr-confidence")
@click.option(
    "--pages", type=click.IntRange(1, 20), default=2, show_default=True, help="Pages per tuning condition."
)
@click.option(
    "--held-out-pages",
    type=click.IntRange(1, 20),
    default=2,
    show_default=True,
    help="Pages per held-out condition (other text than the tuning pages).",
)
@click.option(
    "--engine", "engines", multiple=True, help="Only this engine (Tesseract, RapidOCR); repeatable."
)
@documents_doc_option
def bench_ocr_confidence(pages: int, held_out_pages: int, engines: tuple[str, ...], doc: Path) -> None:
    """How well each OCR engine's confidence tells a badly read page, and the threshold below which the
    reader names a scanned page as doubtful (corpus.ocr.DOUBTFUL_BELOW).

    \b
    Example:
        speechqa bench ocr-confidence --pages 2 --held-out-pages 2
    """
    with user_errors(*BENCH_ERRORS):
        table = b.ocr_confidence_report(pages, held_out_pages, list(engines))
    command = f"speechqa bench ocr-confidence --pages {pages} --held-out-pages {held_out_pages}"
    command += "".join(f" --engine {name}" for name in engines)
    publish("ocr-confidence", command, table, doc)


@bench.command("identity")
@doc_option_for(Path("docs/reliability.md"))
def bench_identity(doc: Path) -> None:
    """How the duplicate rule judges re-exports and edits of the bundled speeches, and different speeches.

    \b
    Example:
        speechqa bench identity
    """
    from bench.identity import identity_rows, identity_table

    with user_errors(*BENCH_ERRORS):
        publish("identity", "speechqa bench identity", identity_table(identity_rows()), doc)
