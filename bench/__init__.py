"""Measuring: the benchmark and evaluation runners behind `speechqa eval` and `speechqa bench …`.

It imports the layers (corpus, index, retrieval); nothing in them imports it. Each runner takes explicit
arguments and returns its figures as Markdown; the command line prints them and writes them into
docs/benchmarks.md.
"""

from .cmrc import BenchmarkSet, load_cmrc
from .confidence import (
    POLICY_NOTICES,
    POLICY_QUESTIONS,
    CachedQueries,
    Example,
    ablation_table,
    every_nth,
    fit,
    fit_examples,
    fit_report,
    folder_library,
    heldout_report,
    heldout_sets,
    load_examples,
    save_examples,
)
from .doc import DEFAULT_DOC, machine_line, write_section
from .errors import BenchError
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
)
from .ranking import bigram_bm25, notices_library, ranking_ablation
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
)
from .txtai import NOTE as TXTAI_NOTE
from .txtai import comparison_section, require_txtai

__all__ = [
    "DEFAULT_DOC",
    "DEV_QUESTIONS",
    "POLICY_NOTICES",
    "POLICY_QUESTIONS",
    "TXTAI_NOTE",
    "BenchError",
    "BenchLibrary",
    "BenchmarkSet",
    "CachedQueries",
    "Example",
    "ScaleSpec",
    "ablation",
    "ablation_table",
    "add_report",
    "bench_embedder",
    "bigram_bm25",
    "checked_int_list",
    "cmrc_library",
    "cmrc_report",
    "coldstart_report",
    "comparison_section",
    "dev_questions",
    "evaluate_modes",
    "every_nth",
    "fit",
    "fit_examples",
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
    "machine_line",
    "misses",
    "notices_library",
    "ranking_ablation",
    "report_json",
    "report_table",
    "require_txtai",
    "save_examples",
    "scale_report",
    "size_list",
    "write_section",
]
