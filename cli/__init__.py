"""The command-line front end: `speechqa …`."""

from . import (
    ask,  # noqa: F401  (registers ask, repl, context)
    bench,  # noqa: F401  (registers eval, bench cmrc and bench ablation)
    bench_answers,  # noqa: F401  (registers bench pins, filters, fit-confidence, confidence)
    bench_documents,  # noqa: F401  (registers bench chunking, structure, documents, ocr, identity)
    bench_speed,  # noqa: F401  (registers bench latency, coldstart, add, ingest, scale, txtai)
    library,  # noqa: F401  (registers add, rebuild, speeches, show, remove, edit, backup, restore, recover, health)
    pins,  # noqa: F401  (registers pin, pins, unpin)
    synonyms,  # noqa: F401  (registers synonyms add/list/remove)
    telegram,  # noqa: F401  (registers bot and stats)
)
from .main import cli, main

__all__ = ["cli", "main"]
