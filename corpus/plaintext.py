"""The layout of a plain text file: lines hard-wrapped at a fixed width, and the page furniture of text
pasted from a PDF (page-number lines, running headers at each page break).

Old texts — typed in a DOS-era editor, saved by Word as 「纯文本（带换行符）」, copied out of a PDF or
produced by `pdftotext` — are wrapped at a fixed width, with line breaks inside sentences, and carry a
page number (「— 3 —」, 「第 3 页 共 12 页」) and often the page's running header at every page break.
`plain_lines` turns such a text into one paragraph per line, as every other reader gives it:

- a page break is a form feed or a page-number line; the page-number line is dropped, and so is a running
  header or footer: a short line that is not a sentence, among the two lines at a page's top (or foot),
  whose text (numbers aside) is at the same edge of most pages. A doubtful line is kept rather than a
  body line dropped: a numbered point, a table row, a line found inside a page too or as wide as the
  wrapped lines must recur on three pages; a date or salutation only goes at page breaks between pages; a signature block (issuer, date)
  at the end is no evidence, wherever the page breaks fall; the file's first line stays when it is the
  title; see `_page_furniture`;
- the wrap width is the width many lines reach, most of them inside a sentence, and almost none exceed (in display columns, a Chinese
  character being two, or in characters: editors wrap by the one, scripts by the other); when there is
  one, a line that reaches it runs on into the next line, unless the next line starts a paragraph: it is
  blank or indented, or the full line ends a sentence and the text does not indent its paragraphs, or
  the next line stands alone (a new speech, a date; a heading after a sentence's end: the parser says).

Nothing else is dropped, nothing is added: lines are only joined (nothing between Chinese characters, one
space between Latin words). A text that is not wrapped (one paragraph per line) comes back line for line.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .clean import is_complete, split_lines
from .layout import is_page_number, join

# A line is at the wrap width when it is within this many columns of it (a Chinese character is 2): the
# wrapper could not fit one more character, or moved one down to keep 「，。」 off a line start, or hung
# one in the margin.
_SLACK = 4
_MIN_WIDTH = 20  # columns: a wrap width is at least ten Chinese characters
_MIN_WRAPPED = 3  # lines at the width, for a text to count as wrapped
_WRAPPED_SHARE = 0.15  # of the non-blank lines at the width …
_WIDER_SHARE = 0.05  # … and at most this share wider than it
_RUNNING_MAX = 40  # characters: a running header or footer is short
_SENTENCE_MARK = re.compile(r"[。！？；!?;]")
_INDENT = re.compile(r"^(?:\u3000|\t| {2,})")
_BARE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
_TABLE_ROW = re.compile(r"\S(?:\t|\s{2,})\S.*\S(?:\t|\s{2,})\S")  # three cells at least, set apart
# A date in figures (2024年1月5日, 2024.3.5, 2024-03-05), else a number: a running header's key keeps the one
_FIGURES = re.compile(r"(?P<date>\d{4}(?:年\d{1,2}月(?:\d{1,2}日)?|([./-])\d{1,2}\2\d{1,2}))|\d+")


@dataclass(frozen=True)
class _Raw:
    text: str  # the line as in the file (line end removed)
    page_break: bool = False  # a page ends here (a form feed or a page-number line): not text


def plain_lines(text: str, stands_alone: Callable[[str], int] = lambda line: 0) -> list[str]:
    """The lines of a plain text, page furniture removed and hard-wrapped lines joined (see the module).

    `stands_alone(line)` says how firmly a line opens something of its own: 2, never a continuation (a
    new speech, a date); 1, not after a full line that ends a sentence (a heading); 0, no more than any
    line (corpus.parse.stands_alone says it for speeches)."""
    raw = _page_furniture(_single_spaced(_raw_lines(text)), stands_alone)
    return _unwrap(raw, stands_alone)


# of the steps from line to line taken with no blank line between, for a text's blank lines to count
_MIN_TIGHT_SHARE = 0.2


def _single_spaced(lines: list[_Raw]) -> list[_Raw]:
    """The lines of a text with a blank line after (nearly) every line without those blank lines, which say
    no more there than its line ends do — a double-spaced text (a typist's blank line inside sentences too),
    or one line a paragraph with a blank after each; any other text's lines as they are, its blank lines
    parting its paragraphs (a mail's cover note from the notice pasted under it: the parser reads them so,
    `corpus.parse.blank_breaks`). Decided on the file's own lines, before any are joined: a hard-wrapped text
    with a blank line between its paragraphs keeps them. A wider gap than the text's usual one (two blank
    lines where one parts every line: where a mail's quoted message begins under the reply) still parts what
    it stands between: two blank lines are kept there, still a wider gap than a paragraph's break."""
    steps = tight = 0
    seen = False
    blanks = 0
    gaps: Counter[int] = Counter()  # the runs of blank lines between lines of text, by length
    for line in lines:
        if line.page_break:
            seen, blanks = False, 0
            continue
        if not line.text.strip():
            blanks += seen
            continue
        if seen:
            steps += 1
            tight += not blanks
            gaps[blanks] += 1
        seen, blanks = True, 0
    if not steps or tight >= _MIN_TIGHT_SHARE * steps:
        return lines
    usual = gaps.most_common(1)[0][0]
    kept: list[_Raw] = []
    blanks = 0
    for line in lines:
        if not line.page_break and not line.text.strip():
            blanks += 1
            continue
        if blanks > usual and kept and not kept[-1].page_break and not line.page_break:
            kept.extend((_Raw(""), _Raw("")))  # still wider than a paragraph's break (`parse.wide_breaks`)
        blanks = 0
        kept.append(line)
    return kept


def display_width(text: str) -> int:
    """Columns the text takes in a fixed-width font: wide (Chinese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _raw_lines(text: str) -> list[_Raw]:
    out: list[_Raw] = []
    pages = text.split("\f")
    numbers = [line for line in split_lines(text) if _BARE_NUMBER.match(line)]
    for index, page in enumerate(pages):
        if index:
            out.append(_Raw("", page_break=True))
        for line in split_lines(page):
            # A bare number is a page number only where there are several (else it may be a figure).
            number = is_page_number(line) and (len(numbers) >= 2 or not _BARE_NUMBER.match(line))
            out.append(_Raw(line, page_break=bool(line.strip()) and number))
    return out


def _key(text: str) -> str:
    """A line's text as a running header's: numbers aside (a header may carry the page's number), but a
    date's figures kept (any two date lines would be the same line)."""
    return _FIGURES.sub(lambda m: m.group("date") or "#", re.sub(r"\s+", "", text))


@dataclass(frozen=True)
class _Edge:
    """A short line near a page edge: line `at` on page `page`, among the top or bottom lines (`side`
    -1 or 1) of the page, `rank` lines from the edge."""

    at: int
    page: int
    side: int
    rank: int


def _page_furniture(lines: list[_Raw], stands_alone: Callable[[str], int]) -> list[_Raw]:
    """Drop page-number lines, and running headers/footers: a short line that is not a sentence, one of
    the two lines at a page's top (or foot), whose text (numbers aside) is at the same edge of most pages.

    Body text is never dropped on thin evidence (a doubtful line is kept):
    - two pages are enough only for a line that runs from the second page (or the first) to the last,
      at the same edge, and that reads like no body line; a numbered point or heading (「（一）组织领导」),
      a table row, a line also found away from page edges or as wide as a wrapped line, needs three pages;
    - a line that stands alone (a date, a salutation, a new speech) goes only at page breaks between pages,
      and only when it recurs at two of them, never at the file's start;
    - the document's closing lines (a signature: issuer and date, wherever the page breaks fall) are no
      evidence, and go only when the line recurs on two other pages; the file's first line stays when it is
      the title (a title that heads every page);
    - a line that recurs on fewer pages than the page's running header is body text at a page edge by
      chance; a page loses one line of a text at each edge, not two.
    Blank lines at a page break go too: a page break does not end a paragraph."""
    if not any(line.page_break for line in lines):
        return lines
    pages: list[list[int]] = [[]]  # the text lines of each page
    for i, line in enumerate(lines):
        if line.page_break:
            pages.append([])
        elif line.text.strip():
            pages[-1].append(i)
    pages = [page for page in pages if page]
    edges: list[_Edge] = []
    for number, page in enumerate(pages):
        for side, near in ((-1, page[:2]), (1, page[::-1][:2])):
            for rank, i in enumerate(near):
                # A line is at the edge it is nearer to (on a short page, it is near both).
                nearer = min(page.index(i), len(page) - 1 - page.index(i))
                # Figures alone are a page number (see is_page_number) or body text, never a header.
                worded = re.search(r"[^\W\d_]", lines[i].text)
                if _is_running(lines[i].text) and worded and rank == nearer:
                    edges.append(_Edge(i, number, side, rank))
    near_edge = {edge.at for edge in edges}
    inside = {_key(lines[i].text) for page in pages for i in page if i not in near_edge}
    closing = _closing(lines, pages)
    texts = [i for page in pages for i in page]
    title = texts[0] if texts and _heads(lines, texts, stands_alone) else None
    found: dict[tuple[str, int], set[int]] = {}  # (text, side) → the pages it is at that edge of
    evidence: dict[tuple[str, int], set[int]] = {}  # … the closing lines aside
    for edge in edges:
        key = (_key(lines[edge.at].text), edge.side)
        found.setdefault(key, set()).add(edge.page)
        if edge.at not in closing:
            evidence.setdefault(key, set()).add(edge.page)
    # The wrap width, from the lines that are no candidates (a header recurring would look like a wrap).
    wrap = _wrap([line.text for i, line in enumerate(lines) if not line.page_break and i not in near_edge])
    strongest = {
        side: max((len(p) for (_, s), p in evidence.items() if s == side), default=0) for side in (-1, 1)
    }
    last = len(pages) - 1

    def running(edge: _Edge) -> bool:
        text = lines[edge.at].text
        key = (_key(text), edge.side)
        at = evidence.get(key, set())
        if len(at) < 2 or 2 * len(at) < len(pages) or 4 * len(at) < 3 * strongest[edge.side]:
            return False
        doubtful = (
            stands_alone(text.strip()) >= 1  # a numbered point, a heading, a date
            or _TABLE_ROW.search(text.strip())
            or key[0] in inside  # found inside a page too
            or (wrap is not None and wrap.full(text))  # a piece of a wrapped sentence
        )
        if len(at) < 3 and (doubtful or not _spans(found[key], last)):
            return False
        if edge.at in closing and len(at - {edge.page}) < 2:
            return False
        if stands_alone(text.strip()) >= 2:  # a date heading every page, never the speech's own
            between = {p for p in at if (p > 0 if edge.side < 0 else p < last)}
            return edge.page in between and len(between) >= 2
        return edge.at != title

    drop: set[int] = set()
    taken: set[tuple[str, int, int]] = set()  # one line of a text at each edge of a page
    for edge in sorted(edges, key=lambda e: (e.page, e.side, e.rank)):
        mark = (_key(lines[edge.at].text), edge.page, edge.side)
        if mark not in taken and running(edge):
            taken.add(mark)
            drop.add(edge.at)
    kept: list[_Raw] = []
    for i, line in enumerate(lines):
        if i in drop:
            continue
        if line.page_break:
            while kept and not kept[-1].text.strip() and not kept[-1].page_break:
                kept.pop()  # blank lines before the break
        elif not line.text.strip() and kept and kept[-1].page_break:
            continue  # blank lines after it
        kept.append(line)
    return kept


def _spans(pages: set[int], last: int) -> bool:
    """Whether a line at these pages' tops (or feet) is where a running header (or footer) is: on every
    page, or every page but the first (a first page set apart), never missing the last."""
    return set(range(1, last + 1)) <= pages


def _closing(lines: list[_Raw], pages: list[list[int]]) -> set[int]:
    """The document's closing lines: up to three short lines that are no sentence after its last sentence
    (a signature, its date, a footer), wherever the page breaks fall among them."""
    tail = [i for page in pages for i in page][::-1]
    out: set[int] = set()
    for i in tail[:3]:
        if not _is_running(lines[i].text):
            break
        out.add(i)
    return out


def _heads(lines: list[_Raw], texts: list[int], stands_alone: Callable[[str], int]) -> bool:
    """Whether the file's first line is the document's own (its title, a date), not a running header over
    it: what follows it is not a longer short line (a title under a header), but a date, a salutation, a
    speaker's name, a sentence."""
    if len(texts) < 2:
        return True
    first, after = (re.sub(r"\s+", "", lines[i].text) for i in texts[:2])
    return not (_is_running(after) and stands_alone(after) < 2 and len(after) >= len(first))


def _is_running(text: str) -> bool:
    squashed = re.sub(r"\s+", "", text)
    return 0 < len(squashed) <= _RUNNING_MAX and not _SENTENCE_MARK.search(squashed)


@dataclass(frozen=True)
class _Wrap:
    """How a text is wrapped: at `width`, measured by `measure` (display columns, or characters)."""

    width: int
    slack: int
    measure: Callable[[str], int]

    def full(self, line: str) -> bool:
        """The line reaches the wrap width (the next line may be its continuation)."""
        return bool(line.strip()) and self.measure(line.rstrip()) >= self.width - self.slack


def _wrap(lines: list[str]) -> _Wrap | None:
    """How a hard-wrapped text is wrapped, or None when it is not. Editors wrap at a number of columns
    (a Chinese character takes two), scripts and some exporters at a number of characters: both are tried."""
    found = [w for w in (_wrap_by(lines, display_width, _SLACK), _wrap_by(lines, len, _SLACK // 2)) if w]
    return max(found, key=lambda w: sum(w.full(line) for line in lines)) if found else None


def _wrap_by(lines: list[str], measure: Callable[[str], int], slack: int) -> _Wrap | None:
    widths = [measure(line.rstrip()) for line in lines if line.strip()]
    smallest = _MIN_WIDTH * slack // _SLACK
    counts = Counter(w for w in widths if w >= smallest)
    near = {width: sum(c for w, c in counts.items() if width - slack <= w <= width) for width in counts}
    # The widths many lines reach, most first (the wider of two as many): a list of short items of one
    # length may outnumber the wrapped lines, but lines run past it.
    for width in sorted(near, key=lambda w: (near[w], w), reverse=True):
        if near[width] < _MIN_WRAPPED or near[width] < _WRAPPED_SHARE * len(widths):
            return None
        if sum(1 for w in widths if w > width + slack) > _WIDER_SHARE * len(widths):
            continue
        wrap = _Wrap(width, slack, measure)
        # Wrapping cuts sentences: most full lines end inside one. Lines that each hold a paragraph end one.
        full = [line.strip() for line in lines if wrap.full(line)]
        cut = sum(not is_complete(line) for line in full)
        return wrap if cut >= _MIN_WRAPPED and cut >= 0.5 * len(full) else None
    return None


def _indents_paragraphs(lines: list[str], wrap: _Wrap, stands_alone: Callable[[str], int]) -> bool:
    """Whether the text marks a paragraph's start by indenting it: most lines of body text (reaching the
    wrap width, or ending a sentence) that follow a paragraph's last line (short, ending a sentence) or a
    heading are indented. Headings (numbered lines with no sentence in them), dates, salutations and the
    short lines of a signature or an attachment list are set flush left in texts that indent their
    paragraphs: they say nothing either way."""
    starts = indented = 0
    for before, line in itertools.pairwise(lines):
        if not line.strip() or not before.strip():
            continue
        alone = stands_alone(line.strip())  # a heading, a date, a salutation: no body text unless a sentence
        body = (wrap.full(line) or is_complete(line.strip())) and alone < 2
        body = body and not (alone and not _SENTENCE_MARK.search(line))
        ended = is_complete(before.strip()) or stands_alone(before.strip())
        if body and not wrap.full(before) and ended:
            starts += 1
            indented += bool(_INDENT.match(line))
    return indented >= 2 and indented >= 0.5 * starts


def _unwrap(raw: list[_Raw], stands_alone: Callable[[str], int]) -> list[str]:
    lines = _without_margin([line.text for line in raw if not line.page_break])
    wrap = _wrap(lines)
    if wrap is None:
        return lines
    indents = _indents_paragraphs(lines, wrap, stands_alone)
    out: list[str] = []
    runs_on = False  # the last line in `out` reached the wrap width and may run on
    for line in lines:
        starts = not line.strip() or bool(_INDENT.match(line))  # an indented line always starts one
        if runs_on and not starts:
            alone = stands_alone(line.strip())
            starts = alone >= 2 or (is_complete(out[-1].strip()) and (alone or not indents))
        if runs_on and not starts:
            before = out[-1]
            if before != before.rstrip() or line != line.lstrip():  # a space at the break is kept
                out[-1] = f"{before.rstrip()} {line.strip()}"
            else:
                out[-1] = join(before, line.strip())
        else:
            out.append(line)
        runs_on = wrap.full(line)
    return out


def _without_margin(lines: list[str]) -> list[str]:
    """Lines with the left margin every non-blank line has (`pdftotext -layout`, a mail quote) removed,
    so that only a paragraph's own indent counts as one."""
    margins = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    margin = min(margins, default=0)
    return [line[margin:] if line.strip() else line for line in lines] if margin else lines
