"""Where a footnote or endnote goes among a document's blocks (the OpenDocument and RTF readers), and how
a reviewer's remark is read (a PDF's annotations, Word's and OpenDocument's comments).

The rule is the .docx reader's (corpus.word): a note is a "note" block of its own, read after the block
whose text references it (a table's after the table), never inside its sentence. Notes referenced before
the body starts (from the title, the subtitle, a speaker or date line: before the first paragraph ending
a sentence) wait until after that paragraph, so the header stays the header.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .layout import join, tidy_line
from .records import Block

# The section a document's reviewers' remarks (a PDF's annotations, Word's and OpenDocument's comments) are
# read under, after the body: a heading of this text followed by "note" blocks, passed over as footnotes
# are when the signature is found
REMARKS_HEADING = "批注"
# The words a comment was made on are quoted up to their first sentence mark (so the remark never holds a
# sentence of the body a second time), and cut to this many characters and 「…」 when longer
_QUOTED_CHARS = 16
_QUOTE_END = re.compile(r"[。！？；!?;]")


@dataclass(frozen=True)
class Remark:
    """A reviewer's comment on a document (Word's 批注, an OpenDocument annotation): its paragraphs, who made
    it ("" when the file does not say) and the words of the body it was made on ("" for none)."""

    paragraphs: tuple[str, ...]
    author: str = ""
    words: str = ""


def remark_blocks(remarks: Iterable[Remark]) -> tuple[Block, ...]:
    """The remarks as read after a document's body: the heading 「批注」, then each remark holding text as a
    "note" block of its own, in the order given — 「「三楼报告厅」处批注（蒲文澜）：三楼没有电梯…」, the shape of a
    PDF's 「第1页批注（蒲文澜）：…」 with the words commented on in place of the page. Nothing when no remark
    holds text."""
    blocks = []
    for remark in remarks:
        text = ""
        for paragraph in (tidy_line(p) for p in remark.paragraphs):
            if paragraph:  # a comment's paragraphs: nothing between them after a mark, else a space
                text = join(text, paragraph) if not text or not text[-1].isalnum() else f"{text} {paragraph}"
        if not text:
            continue
        author = tidy_line(remark.author)
        by = f"（{author}）" if author else ""
        words = _quoted(remark.words)
        blocks.append(
            Block(text=f"「{words}」处批注{by}：{text}" if words else f"批注{by}：{text}", kind="note")
        )
    return (Block(text=REMARKS_HEADING, kind="heading", level=1), *blocks) if blocks else ()


def _quoted(words: str) -> str:
    """The words a comment was made on as its remark quotes them: up to their first sentence mark, at most
    _QUOTED_CHARS characters (then 「…」)."""
    words = re.sub(r"\s+", "", words)
    first = next((part for part in _QUOTE_END.split(words) if part.strip("，、：:,")), "")
    first = first.strip("，、：:,")
    return first if len(first) <= _QUOTED_CHARS + 2 else first[:_QUOTED_CHARS] + "…"


_SENTENCE_END = re.compile(r"[。！？!?；;][”’」』）)]*$")


@dataclass
class NotePlacement:
    """Placed notes in reading order: call after() once per block (or table) with the notes it references."""

    deferred: list[Block] = field(default_factory=list)
    body_started: bool = False

    def after(self, block: Block | None, notes: list[Block]) -> list[Block]:
        """The note blocks to put after `block` (None: after a table or a paragraph with no text)."""
        if not self.body_started:
            if block is None or block.kind != "paragraph" or not _SENTENCE_END.search(block.text):
                self.deferred.extend(notes)
                return []
            self.body_started = True
            notes, self.deferred = [*self.deferred, *notes], []
        return list(notes)

    def rest(self) -> list[Block]:
        """Notes still waiting at the end of the document (it never had a body sentence)."""
        rest, self.deferred = self.deferred, []
        return rest
