"""Measuring: the benchmark and evaluation runners behind `speechqa eval` and `speechqa bench …`.

It imports the layers (corpus, index, retrieval); nothing in them imports it. Each runner takes explicit
arguments and returns its figures as Markdown; the command line prints them and writes them into
docs/benchmarks.md.
"""

from .chunking import QuestionSet, chunking_report, cmrc_set, notice_set, speech_set
from .cmrc import BenchmarkSet, load_cmrc, without_answers
from .confidence import (
    FIT_QUESTIONS,
    FOLDS,
    POLICY_NOTICES,
    POLICY_QUESTIONS,
    CachedQueries,
    Example,
    LowFrom,
    ablation_table,
    blind_split,
    every_nth,
    fit,
    fit_examples,
    fit_questions,
    fit_report,
    folder_library,
    heldout_report,
    heldout_sets,
    load_examples,
    save_examples,
)
from .doc import DEFAULT_DOC, machine_line, write_section
from .documents import (
    DEFAULT_DOCUMENTS_DOC,
    DEFAULT_FIXTURES,
    documents_report,
    ocr_report,
    pdf_extractors_report,
    render_pages,
)
from .errors import BenchError
from .filters import filtered_questions, filters_library, filters_report
from .ocr_confidence import ocr_confidence_report
from .pins import PIN_QUESTIONS, load_pin_questions, pins_report, training_questions
from .quality import (
    BenchLibrary,
    ablation,
    cmrc_library,
    cmrc_report,
    evaluate_modes,
    halves_tables,
    misses,
    report_json,
    report_table,
    style_table,
    unanswered_by_kind,
)
from .ranking import bigram_bm25, ranking_ablation
from .scale import ScaleSpec, kind_list, scale_report, size_list
from .speed import (
    DEV_QUESTIONS,
    add_report,
    bench_embedder,
    checked_int_list,
    coldstart_report,
    dev_questions,
    ingest_report,
    int_list,
    latency_report,
    seed_speeches,
)
from .structure import structure_report
from .txtai import NOTE as TXTAI_NOTE
from .txtai import comparison_section, require_txtai
from .typos import make_typos, misread_listing, typos_report, typos_sets, typos_table

__all__ = [
    "DEFAULT_DOC",
    "DEFAULT_DOCUMENTS_DOC",
    "DEFAULT_FIXTURES",
    "DEV_QUESTIONS",
    "FIT_QUESTIONS",
    "FOLDS",
    "PIN_QUESTIONS",
    "POLICY_NOTICES",
    "POLICY_QUESTIONS",
    "TXTAI_NOTE",
    "BenchError",
    "BenchLibrary",
    "BenchmarkSet",
    "CachedQueries",
    "Example",
    "LowFrom",
    "QuestionSet",
    "ScaleSpec",
    "ablation",
    "ablation_table",
    "add_report",
    "bench_embedder",
    "bigram_bm25",
    "blind_split",
    "checked_int_list",
    "chunking_report",
    "cmrc_library",
    "cmrc_report",
    "cmrc_set",
    "coldstart_report",
    "comparison_section",
    "dev_questions",
    "documents_report",
    "evaluate_modes",
    "every_nth",
    "filtered_questions",
    "filters_library",
    "filters_report",
    "fit",
    "fit_examples",
    "fit_questions",
    "fit_report",
    "folder_library",
    "halves_tables",
    "heldout_report",
    "heldout_sets",
    "ingest_report",
    "int_list",
    "kind_list",
    "latency_report",
    "load_cmrc",
    "load_examples",
    "load_pin_questions",
    "machine_line",
    "make_typos",
    "misread_listing",
    "misses",
    "notice_set",
    "ocr_confidence_report",
    "ocr_report",
    "pdf_extractors_report",
    "pins_report",
    "ranking_ablation",
    "render_pages",
    "report_json",
    "report_table",
    "require_txtai",
    "save_examples",
    "scale_report",
    "seed_speeches",
    "size_list",
    "speech_set",
    "structure_report",
    "style_table",
    "training_questions",
    "typos_report",
    "typos_sets",
    "typos_table",
    "unanswered_by_kind",
    "without_answers",
    "write_section",
]
