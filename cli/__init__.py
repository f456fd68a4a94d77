"""The command-line front end: `speechqa …`."""

from . import (
    bench,  # noqa: F401  (registers eval and bench …)
    pins,  # noqa: F401  (registers pin, pins, unpin)
    telegram,  # noqa: F401  (registers bot and stats)
)
from .main import cli, main

__all__ = ["cli", "main"]
