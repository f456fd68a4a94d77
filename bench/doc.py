"""Write benchmark figures into docs/benchmarks.md, one marked section per benchmark."""

from __future__ import annotations

import os
import platform
import re
import time
from pathlib import Path

DEFAULT_DOC = Path("docs/benchmarks.md")
_HEADER = (
    "# Benchmarks\n\n"
    "Every figure below is printed and written here by a command anyone can re-run; each section names\n"
    "its command, the machine and the date. Machines here are noisy: figures are medians, and\n"
    "comparisons are ratios measured in the same run.\n"
)


def machine_line() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{platform.node()} · {cpu} · {os.cpu_count()} cores · Python {platform.python_version()} · {time.strftime('%Y-%m-%d')}"


def write_section(name: str, markdown: str, doc: Path = DEFAULT_DOC) -> Path:
    """Replace (or append) the section called `name`, delimited by HTML comments, keeping the others."""
    doc.parent.mkdir(parents=True, exist_ok=True)
    text = doc.read_text(encoding="utf-8") if doc.exists() else _HEADER
    begin, end = f"<!-- begin {name} -->", f"<!-- end {name} -->"
    block = f"{begin}\n{markdown.strip()}\n{end}"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    text = (
        pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    )
    tmp = doc.with_suffix(".md.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, doc)
    return doc
