"""Where a footnote or endnote goes among a document's blocks (the OpenDocument and RTF readers), and how
a reviewer's remark is read (a PDF's annotations, Word's and OpenDocument's comments).

The rule is the .docx reader's (corpus.word): a note is a "note" block of its own, read after the block
whose text references it (a table's after the table), never inside its sentence. Notes referenced before
the body starts (from the title, the subtitle, a speaker or date line: before the first paragraph ending
a sentence) wait until after that paragraph, so the header stays the header.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
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
    # the comments answering this one, in order (Word 2013+'s replies, linked in commentsExtended.xml)
    replies: tuple[Remark, ...] = ()
    resolved: bool = False  # the thread marked 「已解决」 (Word's w15:done, Writer's loext:resolved)


REPLY_MARK = (
    " — 回复"  # between a comment and each reply in its thread: 「…：三楼没有电梯 — 回复（祁海燕）：同意」
)
RESOLVED_MARK = "已解决"


def threads(remarks: Sequence[Remark], parents: Mapping[int, int]) -> list[Remark]:
    """The remarks with every reply folded, in order, into the remark that opened its thread, which keeps its
    place: `parents` maps a remark's index to the index of the remark it answers (a reply to a reply
    answers the thread's first remark). A thread is resolved when any of its remarks is marked so. A reply
    whose parent is not among the remarks, or that is its own ancestor, stands as a remark of its own."""

    def root(index: int) -> int:
        seen = {index}
        while index in parents and 0 <= parents[index] < len(remarks) and parents[index] not in seen:
            index = parents[index]
            seen.add(index)
        return index

    roots = [root(index) for index in range(len(remarks))]
    out = []
    for index, remark in enumerate(remarks):
        if roots[index] != index:
            continue
        replies = tuple(remarks[i] for i in range(len(remarks)) if i != index and roots[i] == index)
        resolved = remark.resolved or any(reply.resolved for reply in replies)
        words = remark.words or next((reply.words for reply in replies if reply.words), "")
        out.append(Remark(remark.paragraphs, remark.author, words, replies, resolved))
    return out


def remark_blocks(remarks: Iterable[Remark]) -> tuple[Block, ...]:
    """The remarks as read after a document's body: the heading 「批注」, then each remark holding text as a
    "note" block of its own, in the order given — 「「三楼报告厅」处批注（蒲文澜）：三楼没有电梯…」, the shape of a
    PDF's 「第1页批注（蒲文澜）：…」 with the words commented on in place of the page.
    A thread (a comment and the replies to it) is one block: 「「三楼报告厅」处批注（蒲文澜）：三楼没有电梯 — 回复
    （祁海燕）：同意」; a resolved thread says so by its first author: 「批注（祁海燕，已解决）：…」.
    Nothing when no remark holds text."""
    blocks = [Block(text=line, kind="note") for remark in remarks if (line := remark_line(remark))]
    return (Block(text=REMARKS_HEADING, kind="heading", level=1), *blocks) if blocks else ()


def remark_line(remark: Remark, place: str = "") -> str | None:
    """A remark and its thread's replies as one line: 「「三楼报告厅」处批注（蒲文澜）：三楼没有电梯 — 回复（祁海燕）：
    同意」 — where it was made: the words commented on, else `place` (a PDF's 「第2页」), else nothing
    (「批注（…）：…」); a resolved thread says so by its first author. None when nothing in it holds text."""
    text = _said(remark)
    replies = [(_by(reply.author), _said(reply)) for reply in remark.replies]
    replies = [(by, said) for by, said in replies if said]
    if not text and not replies:
        return None
    author = tidy_line(remark.author)
    marks = [m for m in (author, RESOLVED_MARK if remark.resolved else "") if m]
    by = f"（{'，'.join(marks)}）" if marks else ""
    words = _quoted(remark.words)
    line = f"「{words}」处批注{by}：{text}" if words else f"{place}批注{by}：{text}"
    return line + "".join(f"{REPLY_MARK}{reply_by}：{said}" for reply_by, said in replies)


def _said(remark: Remark) -> str:
    """A remark's own paragraphs as one line: nothing between them after a mark, else a space."""
    text = ""
    for paragraph in (tidy_line(p) for p in remark.paragraphs):
        if paragraph:
            text = join(text, paragraph) if not text or not text[-1].isalnum() else f"{text} {paragraph}"
    return text


def _by(author: str) -> str:
    author = tidy_line(author)
    return f"（{author}）" if author else ""


def _quoted(words: str) -> str:
    """The words a comment was made on as its remark quotes them: up to their first sentence mark, at most
    _QUOTED_CHARS characters (then 「…」)."""
    words = re.sub(r"\s+", "", words)
    first = next((part for part in _QUOTE_END.split(words) if part.strip("，、：:,")), "")
    first = first.strip("，、：:,")
    return first if len(first) <= _QUOTED_CHARS + 2 else first[:_QUOTED_CHARS] + "…"


# A paragraph holding a sentence that has ended, at its end or within it: the lead of a notice
# 「……优惠服务※。现将有关事项通知如下：」 ends in a colon, yet its note's sentence is over — the body has begun.
_ENDED_SENTENCE = re.compile(r"[。！？!?][”’」』）)]*(?=[^”’」』）)])|[。！？!?；;][”’」』）)]*$")


@dataclass
class NotePlacement:
    """Placed notes in reading order: call after() once per block (or table) with the notes it references."""

    deferred: list[Block] = field(default_factory=list)
    body_started: bool = False

    def after(self, block: Block | None, notes: list[Block]) -> list[Block]:
        """The note blocks to put after `block` (None: after a table or a paragraph with no text)."""
        if not self.body_started:
            if block is None or block.kind != "paragraph" or not _ENDED_SENTENCE.search(block.text):
                self.deferred.extend(notes)
                return []
            self.body_started = True
            notes, self.deferred = [*self.deferred, *notes], []
        return list(notes)

    def rest(self) -> list[Block]:
        """Notes still waiting at the end of the document (it never had a body sentence)."""
        rest, self.deferred = self.deferred, []
        return rest
