"""Every word a parse keeps, in order — what the 目录 tests (a PDF's, a typed one's) compare a file with and
without its 目录 by."""

from __future__ import annotations

from corpus import parse_document, read_bytes


def parse_stream(name: str, data: bytes) -> tuple[str, str]:
    """The title and every word the parse of the file `name` (its bytes `data`) keeps, in order: each
    section's heading where it begins, then its paragraphs' text (the 文件信息 lines too), whitespace and a
    section path's 「›」 removed (a path reads as its headings' words)."""
    (speech,) = parse_document(read_bytes(name, data))
    words, section = [], None
    for paragraph in speech.paragraphs:
        if paragraph.section != section:
            section = paragraph.section
            words.append(section or "")
        words.append(paragraph.text)
    return speech.title, "".join("".join(words).split()).replace("›", "")
