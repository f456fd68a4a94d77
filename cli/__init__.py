"""The command-line front end: `speechqa …`."""

from . import (
    bench,  # noqa: F401  (registers eval and bench …)
    synonyms,  # noqa: F401  (registers synonyms add/list/remove)
    telegram,  # noqa: F401  (registers bot and stats)
)
from .main import cli, main

__all__ = ["cli", "main"]
