"""Where a footnote or endnote goes among a document's blocks (the OpenDocument and RTF readers).

The rule is the .docx reader's (corpus.word): a note is a "note" block of its own, read after the block
whose text references it (a table's after the table), never inside its sentence. Notes referenced before
the body starts (from the title, the subtitle, a speaker or date line: before the first paragraph ending
a sentence) wait until after that paragraph, so the header stays the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .records import Block

# The section a document's reviewers' remarks (a PDF's annotations) are read under, after the body: a
# heading of this text followed by "note" blocks, passed over as footnotes are when the signature is found
REMARKS_HEADING = "批注"

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
