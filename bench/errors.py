"""What a benchmark run reports as a one-line failure (a child process failed, an option is malformed)."""

from __future__ import annotations


class BenchError(ValueError):
    """A benchmark could not run; the message says why."""
