"""Turn positioned lines of printed pages into paragraphs: drop running headers, footers and page numbers,
join lines broken by wrapping or by a page end.

Used for PDFs with a text layer and for OCR output alike: both give lines with a bounding box. Nothing
here invents or drops a character of the body: lines are joined with nothing between Chinese
characters and with one space between two Latin letters or digits.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from statistics import median

from .dates import is_date_line
from .names import is_person_name
from .numerals import numeral_value
from .records import Block

# Lines in the top or bottom band of a page are header/footer candidates.
MARGIN_BAND = 0.12  # the share of a page's height at its top (and foot) where running headers (footers) stand
# A line is a running header/footer when its text (digits ignored) recurs at the same place on this share
# of the pages (and on at least two).
_RUNNING_SHARE = 0.5
# Page numbers that say they are one (not a bare figure): 第 3 页 共 9 页, 3/9, Page 3 of 9.
_MARKED_PAGE_NUMBER = (
    r"第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
)
_PAGE_NUMBER = re.compile(
    r"^(?:"
    r"[—–－\-－―─~～·•]*\s*[（(]?\s*\d{1,4}\s*[）)]?\s*[—–－\-―─~～·•]*"  # 12, - 3 -, — 12 —, (3)
    rf"|{_MARKED_PAGE_NUMBER}"
    r"|[-—–]?\s*[ivxlcdm]{1,6}\s*[-—–]?"  # roman page numbers in front matter
    r")$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[。！？；!?][”’」』）)]*$")
# The label over an attachment itself, alone on its line (GB/T 9704): 「附件」, 「附件1」, 「附件 2：」. Never a
# running header here; corpus.parse reads the attachments from it.
ATTACHMENT_LABEL = re.compile(r"^附\s*件\s*(?:[0-9０-９一二三四五六七八九十百零〇]{1,3}\s*[：:]?)?$")
_CLOSING_MARK = re.compile(r"[。！？；!?，,、：:”’」』）)…—.]$")
_LATIN = re.compile(r"[0-9A-Za-z.,;:!?%\-]")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]")
_WORD_CHAR = re.compile(r"[0-9A-Za-z]")


@dataclass(frozen=True)
class Line:
    """One printed line: its text and its box in page units (top grows downwards)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    font: str = ""  # the line's main font, when the source says (a PDF's text layer)
    size: float = 0.0  # its main font size, when known
    table: bool = False  # a table row (its own paragraph, never joined)
    column: int = 0  # on a page set in columns, its column (1 = leftmost; see corpus.columns), else 0
    span: tuple[float, float] = (0.0, 0.0)  # and that column's left and right bounds on its page
    parts: tuple[Line, ...] = ()  # its pieces, where wide gaps (a gutter, a tab) split it, else ()
    # the width of what it opens with that a line cannot be broken inside — a Latin word, or a character
    # with the closing mark that may not start a line (「站，」) — when the source says (a PDF), else 0
    lead: float = 0.0
    # its text without the raised small figures in it (a footnote's reference mark 「纽带。¹截至」), when it
    # has any (a PDF's text layer says so), else ""
    unmarked: str = ""
    # those raised marks, each run of them as printed (「1」, 「12」, 「*」), in reading order: they say which
    # footnote of the page the line references
    marks: tuple[str, ...] = ()
    # when the line is the whole title of an entry of the PDF's outline (bookmarks: corpus.pdf), that
    # entry's level (1 = the outline's top): a heading however it is set, a paragraph of its own; else 0
    bookmarked: int = 0
    # a line of a 目录 the reader leaves out (corpus.pdf): measured with the body — its entries run to the text
    # block's edge — but never read, the line after it opening a paragraph
    contents: bool = False

    @property
    def height(self) -> float:
        return self.size or max(self.bottom - self.top, 0.1)


@dataclass(frozen=True)
class Page:
    lines: tuple[Line, ...]
    width: float
    height: float
    # the footnotes at its foot (see split_footnotes), read after the paragraph that references them
    notes: tuple[Line, ...] = ()
    # the boxes (x0, top, x1, bottom) of the pictures printed on it, when the source says (a PDF's images):
    # text does not flow across a picture standing over a gutter (corpus.columns)
    pictures: tuple[tuple[float, float, float, float], ...] = ()


def join_drop_caps(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """A page's lines with each drop cap (首字下沉: a paragraph's first character set two or three lines high,
    the paragraph's first lines beside it) put back at the head of the line it opens. A PDF has no frame
    to say the character belongs there: read as a line of its own in a large type, it headed its paragraph
    as a section (「今」 over 「年以来，……」). The lines beside it are read as starting where it does, at
    their paragraph's edge (set in from it, each looked like a paragraph's indented first line)."""
    out = list(lines)
    dropped: set[int] = set()
    for at, cap in enumerate(lines):
        if len(cap.text) != 1 or not cap.text.isalnum() or not cap.size or cap.table:
            continue
        beside = [
            index
            for index in range(at + 1, min(at + 5, len(lines)))
            if (size := out[index].size)
            and not out[index].table
            and cap.size >= 1.8 * size
            and cap.top - 0.5 * size <= out[index].top < cap.bottom - 0.5 * size
            and cap.x1 - 0.5 * size <= out[index].x0 <= cap.x1 + 1.5 * size
        ]
        if not beside or abs(out[beside[0]].top - cap.top) > 0.5 * (cap.bottom - cap.top):
            continue
        first = out[beside[0]]
        out[beside[0]] = replace(
            first,
            text=cap.text + first.text,
            unmarked=cap.text + first.unmarked if first.unmarked else "",
            parts=(),
        )
        for index in beside:
            out[index] = replace(out[index], x0=cap.x0)
        dropped.add(at)
    return tuple(line for at, line in enumerate(out) if at not in dropped)


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def remove_running_lines(pages: list[Page]) -> list[Page]:
    """Drop page numbers in the margins and lines that repeat at the same place on most pages."""
    keys: Counter[tuple[str, str]] = Counter()
    apart: Counter[tuple[str, str]] = Counter()  # of those, the pages where it stands apart from the text
    texts: dict[tuple[str, str], set[str]] = {}
    pitch = _pitch(pages)
    body = _body_size(pages)
    for page in pages:
        seen, alone = set(), set()
        for line in page.lines:
            band = _band(line, page)
            if band and not ATTACHMENT_LABEL.match(line.text.strip()):
                key = (band, _running_key(line.text))
                seen.add(key)
                texts.setdefault(key, set()).add(re.sub(r"\s+", "", line.text))
                if _set_apart(line, band, page, pitch) and not (body and line.size > body + 0.4):
                    alone.add(key)
        keys.update(seen)
        apart.update(alone)
    needed = max(2, int(len(pages) * _RUNNING_SHARE + 0.999))
    # Lines that are the same but for their numbers (「第17项工作要求…」「第37项工作要求…」 opening two pages)
    # recur as a header's page number does; they are a running header only where they stand apart from
    # the text, not one line pitch from the next line of a paragraph (they were dropped from the body),
    # and in the body's type or a smaller one, as headers are set. The label over an attachment's first
    # page (「附件1」「附件2」, GB/T 9704) is never one: a notice with two one-page attachments lost both.
    running = {
        key
        for key, count in keys.items()
        if count >= needed and key[1] and (len(texts[key]) == 1 or apart[key] >= needed)
    }
    single = _single_page_header(pages[0]) if len(pages) == 1 else None
    single_footer = _single_page_footer(pages[0]) if len(pages) == 1 else None
    slots = _running_slots(pages, running)
    lone = _lone_headers(pages) if len(pages) > 1 else set()
    out = []
    for page in pages:
        kept = []
        foot = _foot_number(page)
        # the bands where this page has its running header (footer): nothing else there is one
        headed = {
            key[0] for line in page.lines if (key := (_band(line, page), _running_key(line.text))) in running
        }
        for line in page.lines:
            band = _band(line, page)
            if band and ((band, _running_key(line.text)) in running or is_page_number(line.text)):
                continue
            if line is single or line is single_footer or id(line) in lone or line is foot:
                continue
            if band and band not in headed and _in_slot(line, band, page, slots):
                continue
            kept.append(line)
        out.append(replace(page, lines=tuple(kept)))
    return out


def _foot_number(page: Page) -> Line | None:
    """A page number printed higher than the margin band: the page's bottommost line, a bare page number
    centred under the text and set apart from it by more than two lines' height. LaTeX's default pages
    (article, ctexart) print it a sixth of the page up: a one-page report read 「…控制在四十人以内。1」."""
    lines = sorted(page.lines, key=lambda line: line.bottom)
    if len(lines) < 2 or not is_page_number(lines[-1].text):
        return None
    last, above = lines[-1], lines[-2]
    height = last.bottom - last.top
    centre = (last.x0 + last.x1) / 2
    if (
        last.top - above.bottom > 2 * height
        and abs(centre - page.width / 2) < 0.1 * page.width
        and last.top >= page.height / 2
    ):
        return last
    return None


def _set_apart(line: Line, band: str, page: Page, pitch: float) -> bool:
    """Whether a line at a page's top (foot) is further from the next line under (over) it than the lines of
    a paragraph are from each other (always, when the pitch is not known)."""
    if not pitch:
        return True
    if band == "top":
        steps = [other.top - line.top for other in page.lines if other.top > line.top + 0.5 * line.height]
    else:
        steps = [line.top - other.top for other in page.lines if other.top < line.top - 0.5 * line.height]
    return not steps or min(steps) > pitch + 0.25 * line.height


def _lone_headers(pages: list[Page]) -> set[int]:
    """The headers (by id) printed on too few pages to be found recurring — on page 2 of two whose first
    page has none (Word's 「首页不同」): a page's topmost line in the top margin, set apart from what follows
    by more than a line, in a smaller type than the body above where the body's text begins on any page,
    or in the body's type, a short phrase where page headers stand (`_in_header_zone`)."""
    body = _body_size(pages)
    if body is None:
        return set()  # the type is not known (OCR): nothing to tell a header from the text by
    text_top = min(line.top for page in pages for line in page.lines if abs(line.size - body) < 0.4)
    found = set()
    for page in pages:
        lines = sorted(page.lines, key=lambda line: line.top)
        if len(lines) < 2:
            continue
        first, second = lines[0], lines[1]
        if _band(first, page) != "top" or first.table or second.top - first.bottom <= body:
            continue
        if not any(line.table or abs(line.size - body) < 0.4 for line in lines[1:]):
            continue  # a header heads a page of text: not a page of endnotes in their small type
        if (0 < first.size < 0.85 * body and first.bottom < text_top) or (
            # in the body's type (Word's and LibreOffice's 「页眉」 style): where page headers stand
            abs(first.size - body) < 0.4
            and _short_phrase(first, page)
            and not is_page_number(first.text)
            and _in_header_zone(first, page, body)
        ):
            found.add(id(first))
    return found


def footnotes_under(lines: Sequence[Line], pages: list[Page]) -> bool:
    """Whether `lines`, printed at a page's foot under its body (or under a table), are footnotes: set
    smaller than the document's body type, the first opening with a note's mark. LibreOffice prints a
    page's footnotes there, between a table that ends the page and the footer."""
    body = _body_size(pages)
    return (
        body is not None
        and bool(lines)
        and all(0 < line.size < _NOTE_SIZE * body for line in lines)
        and bool(_NOTE_MARK.match(lines[0].text.strip()))
    )


def _body_size(pages: list[Page]) -> float | None:
    """The type size most of the text is set in (None when the source does not say: OCR)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            if line.size and not line.table:
                sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else None


def _running_slots(pages: list[Page], running: set[tuple[str, str]]) -> dict[str, list[Line]]:
    """The running headers (footers) found, by band: where a page's header is printed."""
    slots: dict[str, list[Line]] = {"top": [], "bottom": []}
    for page in pages:
        for line in page.lines:
            band = _band(line, page)
            if band and (band, _running_key(line.text)) in running:
                slots[band].append(line)
    return slots


def _in_slot(line: Line, band: str, page: Page, slots: dict[str, list[Line]]) -> bool:
    """A header (footer) of its own: on a page without the running header (footer), a line printed where
    that of other pages is, in its type or a smaller one, with nothing of the page beyond it — the header
    of a later section of a Word file (「附件材料」 over its pages only), or of the even pages when odd and
    even pages differ."""

    def edge(item: Line) -> float:
        return item.top if band == "top" else item.bottom

    for slot in slots[band]:
        if abs(edge(line) - edge(slot)) <= 0.5 * slot.height and line.height <= slot.height * 1.1:
            beyond = [
                other
                for other in page.lines
                if other is not line
                and (other.top < line.top if band == "top" else other.bottom > line.bottom)
                and abs(edge(other) - edge(line)) > 0.5 * line.height
            ]
            return not beyond
    return False


def _single_page_header(page: Page) -> Line | None:
    """With one page nothing repeats: a header is then the topmost line, in the top margin, set apart from
    what follows by more than a line's height, and either in a smaller type than the body or, in the
    body's type, a short line that is no sentence printed where page headers stand (`_in_header_zone`)."""
    lines = sorted(page.lines, key=lambda line: line.top)
    if len(lines) < 2:
        return None
    size = _text_height(lines)
    first, second = lines[0], lines[1]
    if (
        _band(first, page) != "top"
        or first.table
        or second.top - first.bottom <= size
        or is_page_number(first.text)
    ):
        return None
    if first.height < 0.85 * size:
        return first
    if first.height <= 1.15 * size and _short_phrase(first, page) and _in_header_zone(first, page, size):
        return first
    return None


def _text_height(lines: list[Line]) -> float:
    """The usual height of a page's lines of text: a table's rows (a line each, as tall as the row) are
    not lines of type. Counted in, five rows of a table made the median the title's, and a header in the
    body's type over the title no longer stood apart by more than that."""
    text = [line for line in lines if not line.table]
    return median(line.height for line in text or lines)


def _single_page_footer(page: Page) -> Line | None:
    """The footer of a one-page document (「— 内部资料　注意保存 —」 under a notice's date): the bottommost
    line, set apart from the text over it by more than a line's height, in a smaller type than the body (a
    browser's address and 「1/1」) or a short phrase that is no sentence, printed below where any common producer ends a page's text (`_HEADER_ZONE` from the foot:
    Word prints its footer 1.75 cm up, LibreOffice in its 2 cm margin). Read as text it ran the
    signature and the date into one paragraph with it, and the date was lost."""
    lines = sorted(page.lines, key=lambda line: line.bottom)
    if len(lines) < 2:
        return None
    size = _text_height(lines)
    # the page's own spacing between lines (double spacing leaves more than a line's height between them)
    lead = median([max(b.top - a.bottom, 0.0) for a, b in itertools.pairwise(lines)])
    last, above = lines[-1], lines[-2]
    phrase = _TRAILING_PAGE_NUMBER.sub("", last.text).strip() or last.text
    if (
        _band(last, page) != "bottom"
        or last.table
        or last.top - above.bottom <= lead + size  # a blank line more than the page's spacing
        or last.bottom <= (1 - _HEADER_ZONE) * page.height
        or last.height > 1.15 * size
        # in a smaller type than the body, as the single-page header: a browser's footer (the page's address
        # and 「1/1」 across the foot) spans the page; else a short phrase
        or not (last.height < 0.85 * size or _short_phrase(last, page))
        or (_may_be_signed(phrase) and not _ADDRESS.search(phrase))  # an address signs nothing
    ):
        return None
    return last


# A footer's page number after its phrase (「温州市委老干部局办公室印发　第 1 页」, 「内部资料　- 3 -」): the phrase
# is judged as a footer without it (the number's figure alone made the line look signed, and it stayed).
# (a bare figure is not taken from the phrase's end: 「…电话 88001234」 is no footer)
_TRAILING_PAGE_NUMBER = re.compile(
    rf"\s*(?:[—–\-－]\s*\d{{1,4}}\s*[—–\-－]|{_MARKED_PAGE_NUMBER})$", re.IGNORECASE
)


# A web address (a browser prints the page's at the foot of each page it prints): its figures and colon are
# no date or label.
_ADDRESS = re.compile(r"(?:https?|ﬁle|file)://|www\.", re.IGNORECASE)


def _may_be_signed(text: str) -> bool:
    """Whether a line at a page's foot may belong to the text: a date or a name (a signature), or a line
    holding a figure or a label (「联系人：…　电话：…」, 「2024年12月5日印发」). A footer is a phrase
    (「— 内部资料　注意保存 —」): such a line is never dropped as one."""
    return _stands_alone(text) or bool(re.search(r"[0-9０-９〇○：:]", text))


# Where the text of a page begins in every common producer's default page (Word and WPS 2.54 cm, LibreOffice
# 2 cm, GB/T 9704 3.7 cm, reportlab 1 inch; at least 2 cm of an A4 page's 29.7 and a Letter page's 27.9): a
# line that starts above it stands where Word (1.5 cm, or 1.27 cm from an English template), WPS and
# reportlab print page headers.
_HEADER_ZONE = 0.065


def _in_header_zone(line: Line, page: Page, size: float) -> bool:
    """Whether a page's topmost line stands where a page header does: above where any common producer's
    page text begins, or as far from the page's top as a line at the page's foot is from its bottom (the
    header and footer distances of a Word or LibreOffice page are equal; the line there a page number, not
    a full page's last line, which stands as far from the bottom as the text's first from the top)."""
    if line.top < _HEADER_ZONE * page.height:
        return True
    return any(
        other.top >= page.height * (1 - MARGIN_BAND)
        and is_page_number(other.text)
        and abs((page.height - other.bottom) - line.top) < 0.5 * size
        for other in page.lines
        if other is not line
    )


# A page header is a name or a title (「老干部工作简报　第3期」「中共某某市委老干部局」), never a sentence, an
# addressee (「各区县委老干部局：」) or a document number (「临老干发〔2024〕12号」, a notice's own).
_NOT_A_HEADER = re.compile(r"[。！？；!?：:，,]$|[〔\[［【]\s*\d{4}\s*[〕\]］】]\s*第?\s*\d{1,5}\s*[号號]$")


def _short_phrase(line: Line, page: Page) -> bool:
    """A line short enough to be a page header: half a page's width at most, and no sentence."""
    text = line.text.strip()
    return line.x1 - line.x0 <= 0.5 * page.width and len(text) <= 30 and not _NOT_A_HEADER.search(text)


def _band(line: Line, page: Page) -> str | None:
    if line.bottom <= page.height * MARGIN_BAND:
        return "top"
    if line.top >= page.height * (1 - MARGIN_BAND):
        return "bottom"
    return None


def _running_key(text: str) -> str:
    """A header's identity: its text without spaces and with every number made the same."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


# A footnote opens with its mark: a figure (1, ¹), a circled figure, a bracketed one, asterisks or daggers,
# then its text (not a list item's 「1．」 or a number's next figure).
# An endnote's mark is a small roman figure (i, ii, iii: Word's and LibreOffice's default for endnotes).
_NOTE_MARK = re.compile(
    r"^(?:(?:\d{1,3}|[¹²³⁴-⁹]{1,3}|[①-⑳]|[\[［(（]\d{1,3}[\]］)）]|\*{1,3}|[†‡])(?=\s*[^\d\s．.、,，)）])"
    r"|[ivx]{1,4}(?=\s*[^\sA-Za-z\d．.、,，)）]))"
)
_ROMAN_MARK = re.compile(r"^[ivx]{1,4}(?![A-Za-z])")
_LONE_MARK = re.compile(r"^(?:\d{1,3}|[¹²³⁴-⁹]{1,3}|[①-⑳]|\*{1,3}|[†‡]|[ivx]{1,4})$")
# Footnotes are set smaller than the body (Word 9–10 pt under 10.5–12, LibreOffice 10 under 12).
_NOTE_SIZE = 0.92


def split_footnotes(pages: list[Page]) -> list[Page]:
    """Take each page's footnotes out of its lines: the lines at the page's foot, under all of its body,
    in a type smaller than the body's, the first opening with a note mark. Left in place they would cut
    the paragraph that runs on over the page break in two (「……八十岁以上的1数据来源：……。老党员……」);
    read after that paragraph they are paragraphs of their own, as a Word file's are. On a page with
    footnotes, the raised small figures in the body lines (their reference marks) add nothing to the text.
    Lines whose type is not known (OCR) are left as they are."""
    body = _body_size(pages)
    if body is None:
        return pages
    # Endnotes: printed after the body, under its last line or on pages of their own (LibreOffice), their
    # reference marks raised on any page before them.
    last_body = max(
        (n for n, page in enumerate(pages) if any(abs(line.size - body) < 0.4 for line in page.lines)),
        default=-1,
    )
    endnotes = False
    out = []
    for n, page in enumerate(pages):
        lines = list(page.lines)
        # the small lines with no body line under them (under a page set in columns, LibreOffice prints a
        # column's notes at its own foot, while the next column's text may run on lower)
        low = {
            id(line)
            for line in lines
            if not line.table
            and 0 < line.size < _NOTE_SIZE * body
            and not any(
                abs(other.size - body) < 0.4 and other.bottom > line.top and _overlap(other, line)
                for other in lines
            )
            and not _raised_mark(line, lines, body)
        }
        foot = [line for line in lines if id(line) in low]
        above = [line for line in lines if id(line) not in low]
        own_page = n > last_body and not above  # a page of endnotes after the body's last page
        if (
            not foot
            or not _NOTE_MARK.match(foot[0].text)
            or not (own_page or any(abs(line.size - body) < 0.4 for line in above))
        ):
            out.append(page)
            continue
        endnotes = endnotes or own_page or (n == last_body and bool(_ROMAN_MARK.match(foot[0].text)))
        # the reference marks: raised small figures inside body lines, or read as lines of their own (each
        # then counted as a mark of the body line it stands beside)
        lone = [
            line
            for line in above
            if _LONE_MARK.match(line.text.strip()) and 0 < line.size < _NOTE_SIZE * body
        ]
        above = [_unmarked(_with_lone_marks(line, lone, body)) for line in above if line not in lone]
        out.append(replace(page, lines=tuple(above), notes=tuple(foot)))
    if endnotes:  # the marks of endnotes stand on pages without notes of their own
        out = [page if page.notes else replace(page, lines=tuple(map(_unmarked, page.lines))) for page in out]
    return out


def _raised_mark(line: Line, lines: list[Line], body: float) -> bool:
    """Whether a line is a reference mark alone (「①」「2」) raised beside a body line: read as a line of its
    own when it stands after the body line's last character, so that no body line is under it. Taken for
    the first line of the page's footnotes, it hid them (「①数据截至……」 read as body text after the
    signature, which was then not found)."""
    return bool(_LONE_MARK.match(line.text.strip())) and any(
        abs(other.size - body) < 0.4 and other.top < line.bottom and other.bottom > line.top
        for other in lines
    )


def _with_lone_marks(line: Line, lone: list[Line], body: float) -> Line:
    """A body line with the marks read as lines of their own beside it (after its last character, on its
    height) added to its marks."""
    if abs(line.size - body) >= 0.4:
        return line
    beside = [
        mark.text.strip()
        for mark in lone
        if line.top < mark.bottom
        and line.bottom > mark.top
        and line.x1 - 1 <= mark.x0 <= line.x1 + line.height
    ]
    return replace(line, marks=(*line.marks, *beside)) if beside else line


def _overlap(a: Line, b: Line) -> bool:
    """Whether two lines share some of their width (are in one column)."""
    return min(a.x1, b.x1) > max(a.x0, b.x0)


def _unmarked(line: Line) -> Line:
    """A body line without its raised reference marks, and so are its pieces (a column's text is read from
    its pieces: 「…相结合。2」 kept the mark of the right column's note)."""
    parts = tuple(replace(part, text=part.unmarked) if part.unmarked else part for part in line.parts)
    return replace(line, text=line.unmarked or line.text, parts=parts)


def _note_pieces(lines: tuple[Line, ...]) -> list[Line]:
    """A page's footnote lines in reading order. Under a page set in columns, LibreOffice prints each
    column's notes at that column's foot, side by side on the same lines (「1数据来源：…　2数据来源：…」): read
    column by column, as the body is, each note on its own."""
    pieces = [part for line in lines for part in (line.parts or (line,))]
    starts = sorted({round(piece.x0) for piece in pieces if _NOTE_MARK.match(piece.text.strip())})
    if len(starts) < 2 or not any(len(line.parts) > 1 for line in lines):
        return list(lines)

    def column(piece: Line) -> int:
        return max((n for n, start in enumerate(starts) if start <= piece.x0 + 1), default=0)

    return sorted(pieces, key=lambda piece: (column(piece), piece.top, piece.x0))


def _notes(lines: tuple[Line, ...]) -> list[Block]:
    """A page's footnote lines as one block per note, each without its mark."""
    return [block for _, block in _marked_notes(lines)]


def _marked_notes(lines: tuple[Line, ...]) -> list[tuple[str, Block]]:
    """A page's footnotes, each with its own mark (as _mark_key reads it) and as a block without it."""
    found: list[tuple[str, str]] = []
    for line in _note_pieces(lines):
        text = line.text.strip()
        mark = _NOTE_MARK.match(text)
        if mark and found and not _follows_on(found[-1][0], _mark_key(mark.group())):
            # a wrapped line of the note above opening with a number (「100%，深化…」 under 「2 数据来源：…」):
            # notes are numbered on, one by one, and 100 is not the note after 2
            mark = None
        if mark:
            found.append((_mark_key(mark.group()), text[mark.end() :].strip()))
        elif found:
            found[-1] = (found[-1][0], join(found[-1][1], text))
    return [(key, Block(text=text, kind="note")) for key, text in found if text]


def _follows_on(previous: str, key: str) -> bool:
    """Whether a note marked `key` may follow one marked `previous` on a page: numbered marks count on by one
    (1, 2, 3); other marks (asterisks, daggers, roman figures) are not counted."""
    if previous.isdigit() and key.isdigit():
        return int(key) == int(previous) + 1
    return True


def _mark_key(mark: str) -> str:
    """A note mark as its reference and its note both print it: 「¹」, 「1」, 「[1]」, 「（1）」 and 「①」 are 「1」."""
    return re.sub(r"[\s\[\]［］()（）]", "", unicodedata.normalize("NFKC", mark))


def _placed_notes(
    paragraphs: list[Block], notes: list[tuple[int, int, str, Block]], refs: dict[tuple[int, str], set[int]]
) -> list[Block]:
    """The paragraphs with the footnotes among them. A note (page, the paragraph its page ends in, its mark,
    the note) goes after the one paragraph of its page that references it — holds its raised mark — when
    that paragraph ends a sentence, as a Word file's note follows the paragraph referencing it; else (no
    mark found, one found in two paragraphs, two notes with one mark, or a paragraph that is a title or a
    heading), and an endnote, after the paragraph its page ends in, never inside it."""
    marks = [(page, key) for page, _, key, _ in notes]
    after: dict[int, list[Block]] = {}
    for page, fallback, key, note in notes:
        # an endnote (a small roman mark: i, ii) stays after the body, where it is printed
        holders = set() if _ROMAN_MARK.fullmatch(key) else refs.get((page, key), set())
        target = fallback
        if len(holders) == 1 and marks.count((page, key)) == 1:
            [held] = holders
            if _SENTENCE_END.search(paragraphs[held].text.strip()):
                target = held
        after.setdefault(target, []).append(note)
    out = list(after.get(-1, []))
    for n, paragraph in enumerate(paragraphs):
        out += [paragraph, *after.get(n, [])]
    return out


def paragraphs(pages: list[Page]) -> list[str]:
    """Join the lines of all pages into paragraphs (wrapped lines and page breaks joined)."""
    return [block.text for block in paragraph_blocks(pages)]


def paragraph_blocks(pages: list[Page]) -> list[Block]:
    """The paragraphs of `paragraphs`, each table row marked as one (kind "table_row"; others kind "")."""
    pages = _in_known_columns(pages)
    body = [line for page in pages for line in page.lines if not line.table]
    if not body:
        return [
            block
            for page in pages
            for block in [
                *(Block(text=line.text, kind=_kind(line)) for line in page.lines if not line.contents),
                *_notes(page.notes),
            ]
        ]
    size, pitch = median(line.height for line in body), _pitch(pages)
    groups, member = _by_column(body)
    body_size = _body_size(pages)
    edges = [
        _Metrics(
            left=_body_edge([line.x0 for line in typed], low=True),
            right=_body_edge([line.x1 for line in _unhung(typed)], low=False),
            size=size,
            pitch=pitch,
        )
        for lines in groups
        for typed in [_in_body_type(lines, body_size)]
    ]

    def metrics(line: Line) -> _Metrics:
        return edges[member.get(id(line), 0)]

    ended = _ended_short(pages, pitch or 1.5 * size)

    out: list[Block] = []  # the paragraphs
    current = ""
    previous: Line | None = None
    opener: Line | None = None  # the first line of the paragraph being read
    previous_page = -1
    # each page's footnotes with the paragraph the page ends in (its index in `out`) and their marks, and
    # which paragraphs hold each page's reference marks: the notes are placed when all are read
    notes: list[tuple[int, int, str, Block]] = []
    refs: dict[tuple[int, str], set[int]] = {}
    for page_index, page in enumerate(pages):
        for line in page.lines:
            text = line.text.strip()
            if not text:
                continue
            if line.contents:
                if current:
                    out.append(Block(text=current, kind=_kind(previous), level=_level(previous)))
                current, previous = "", None
                continue
            if (
                previous is None
                or (
                    page_index != previous_page
                    and previous_page in ended
                    and _SENTENCE_END.search(previous.text.strip())
                )
                or _starts_paragraph(
                    previous, line, metrics, same_page=page_index == previous_page, opener=opener
                )
            ):
                if current:
                    out.append(Block(text=current, kind=_kind(previous), level=_level(previous)))
                current, opener = text, line
            else:
                current = join(current, text)
            for mark in line.marks:
                refs.setdefault((page_index, _mark_key(mark)), set()).add(len(out))
            previous, previous_page = line, page_index
        ends_in = len(out) if current else len(out) - 1
        notes += [(page_index, ends_in, key, note) for key, note in _marked_notes(page.notes)]
    if current:
        out.append(Block(text=current, kind=_kind(previous), level=_level(previous)))
    return _placed_notes(out, notes, refs)


def _level(line: Line | None) -> int:
    return line.bookmarked if line is not None else 0


# How far above the text's foot a page may end and still have been full: a line or two that widow and
# orphan control moved to the next page, and paragraph spacing, in body line pitches.
_SHORT_PAGE = 3


def _ended_short(pages: list[Page], pitch: float) -> set[int]:
    """The pages whose text (footnotes and tables included) ends well above where the text of the fullest
    page of their size ends: when such a page's last line ends a sentence, a page break, not the room
    running out, ended it and its paragraph (an attachment on pages of its own, a new chapter), and no
    paragraph runs on from it onto the next page. Where that line ended near the right edge (a short
    notice may have no full line to say where that is, and the right-aligned signature's edge was taken
    for it), it passed for a wrapped line, and the label 「附件2：」 opening the next page for its paragraph's
    end. (A page ending short mid-sentence — a figure below, a float — is left to the lines' widths.)"""
    room: dict[int, float] = {}
    for n, page in enumerate(pages):
        lines = page.lines + page.notes
        if lines:
            room[n] = page.height - max(line.bottom for line in lines)
    least: dict[int, float] = {}
    for n, space in room.items():
        key = round(pages[n].height)
        least[key] = min(space, least.get(key, space))
    return {n for n, space in room.items() if space > least[round(pages[n].height)] + _SHORT_PAGE * pitch}


def _in_known_columns(pages: list[Page]) -> list[Page]:
    """Pages whose text stands in one column of those other pages are set in — the last page of a Word
    section in columns, which fills its left column only (Word and LibreOffice balance the columns only
    before a section break) — read in that column's bounds: against the whole text's right edge every one
    of their lines was a paragraph's short last line."""
    spans = sorted({line.span for page in pages for line in page.lines if line.column and not line.table})
    if not spans:
        return pages
    width = max(b for _, b in spans) - min(a for a, _ in spans)
    out = []
    for page in pages:
        body = [line for line in page.lines if not line.table]
        inside = next(
            (
                (n, (a, b))
                for n, (a, b) in enumerate(spans, start=1)
                if b - a < 0.7 * width and all(line.x0 >= a - 1 and line.x1 <= b + 1 for line in body)
            ),
            None,
        )
        if len(body) < 2 or any(line.column for line in body) or inside is None:
            out.append(page)
            continue
        column, span = inside
        lines = tuple(line if line.table else replace(line, column=column, span=span) for line in page.lines)
        out.append(replace(page, lines=lines))
    return out


def _by_column(body: list[Line]) -> tuple[list[list[Line]], dict[int, int]]:
    """The lines grouped by the column they are set in (columns at the same place on different pages are
    one group), with, for each line in a column (by id), its group's index; group 0 is all lines: a line
    outside columns has the edges of the whole text."""
    groups: list[list[Line]] = [body]
    spans: list[tuple[float, float]] = [(0.0, 0.0)]
    member: dict[int, int] = {}
    for line in body:
        if not line.column:
            continue
        left, right = line.span
        for index in range(1, len(groups)):
            a, b = spans[index]
            if min(b, right) - max(a, left) >= 0.8 * max(b - a, right - left):
                break
        else:
            index = len(groups)
            groups.append([])
            spans.append(line.span)
        groups[index].append(line)
        member[id(line)] = index
    return groups, member


def _kind(line: Line | None) -> str:
    if line is not None and line.bookmarked:
        return "heading"
    return "table_row" if line is not None and line.table else ""


@dataclass(frozen=True)
class _Metrics:
    left: float  # the text block's left edge
    right: float  # its right edge
    size: float  # the body's font size (line height)
    pitch: float  # the body's line pitch (top to top), 0 when unknown


def _pitch(pages: list[Page]) -> float:
    """The usual distance from one line's top to the next's, among lines of the body size. Lines read by
    OCR have no font size and boxes a few pixels apart in height and place: there, the median step
    between lines of about one height."""
    steps, read = [], []
    for page in pages:
        lines = [line for line in page.lines if not line.table]
        for a, b in itertools.pairwise(lines):
            if b.top <= a.top:
                continue
            if a.size or b.size:
                if abs(a.height - b.height) < 0.5:
                    steps.append(round(b.top - a.top, 1))
            elif abs(a.height - b.height) <= 0.15 * max(a.height, b.height):
                read.append(b.top - a.top)
    if steps:
        return Counter(steps).most_common(1)[0][0]
    return round(median(read), 1) if read else 0.0


def _in_body_type(lines: list[Line], body_size: float | None) -> list[Line]:
    """The lines set in the body's type (all of them when the type is not known, OCR, or none is): where
    the text block's edges are measured. Headings of one length in a larger type (「一、慰问对象」
    「二、慰问标准」「三、工作要求」) outnumbered the few full lines of a short notice and were taken for its
    right edge; every line ending short of the margin then passed for full, and two numbered items ran
    into one paragraph."""
    if body_size is None:
        return lines
    typed = [line for line in lines if abs(line.size - body_size) < 0.4]
    return typed or lines


# Marks a producer may hang past the right margin: reportlab hangs a mark a line may not start with (its
# CANNOT_START_LINE: 「。」「、」「）」, 「［2025］」's 「］」, 「〕」「】」, 「％」…) a character out, where it would
# otherwise have gone to the next line alone
_HANGING = re.compile(r"[，。、；：！？”’」』）》〉〕〗】］｝％‰℃°,.;:!?)\]'\"]$")


def _unhung(lines: list[Line]) -> list[Line]:
    """The lines that end in a character, not a mark: where the text block's right edge is measured. Lines
    whose closing mark hung a character past the margin were taken for the edge, and a full line a
    character short of it for a paragraph's end (a numbered item so cut was read as a heading). When every
    line ends in a mark (a short notice whose sentences end at its lines' ends), all of them, but for
    those standing out past every other by more than half a character: the hung ones."""
    unhung = [line for line in lines if not _HANGING.search(line.text.strip())]
    if unhung or len(lines) < 2:
        return unhung or lines
    kept = sorted(lines, key=lambda line: line.x1)
    while len(kept) > 1 and kept[-1].x1 - kept[-2].x1 > 0.5 * (kept[-1].size or kept[-1].height):
        kept.pop()
    return kept


def _body_edge(values: list[float], *, low: bool) -> float:
    """The text block's left (or right) edge: where most lines start (end), to within half a point."""
    rounded = Counter(round(v) for v in values)
    top = max(rounded.values())
    candidates = [v for v, count in rounded.items() if count >= top * 0.5]
    return float(min(candidates) if low else max(candidates))


def _starts_paragraph(
    previous: Line,
    line: Line,
    metrics: Callable[[Line], _Metrics],
    *,
    same_page: bool,
    opener: Line | None = None,
) -> bool:
    if line.table or previous.table or line.bookmarked or previous.bookmarked:
        return True
    # A date or a person's name on a line of its own (「2024年5月20日」「（二〇二四年五月二十日）」「王明远」)
    # neither goes on from the line above nor runs on into the next: a title in the body's type as wide as
    # the text, left-aligned, took the date or speaker under it as its wrapped end where nothing else (a
    # font, a gap; OCR gives no font) set them apart.
    if _stands_alone(line.text) or _stands_alone(previous.text):
        return True
    # A salutation or 主送 line (「各离退休干部党支部：」) under a document's title (「……的通知」): the title has
    # ended. A title in the body's type, as wide as the text (a screenshot, a typed page read by OCR: no type
    # size), took the line under it as its wrapped end.
    if _ADDRESSING_LINE.match(line.text.strip()) and _TITLE_END.search(previous.text.strip()):
        return True
    # A line opening with a mark no line may open with (「，」「。」「）」「”」…: the line-breaking rule every
    # layout program keeps, 禁则) goes on from the line above, however short that stopped: a program
    # that breaks text by counting characters (a chart library's text, a script) leaves it there, and the
    # line above, taken for a paragraph's end, passed for a heading over the rest of its sentence.
    # Not a line turned on end (a chart's axis title, taller than wide): it goes on from no horizontal line.
    if line.text.strip().startswith(_NO_LINE_START) and line.bottom - line.top <= 1.5 * (line.x1 - line.x0):
        return False
    m, mp = metrics(line), metrics(previous)  # the edges of their columns (of the text, outside columns)
    size = m.size
    # how much larger than the body's their type is (lines of a title): a line in it stops short of the
    # edge by as much as one of its own characters, and its lines stand as much further apart. Read by OCR
    # (no type size), a line's box is as tall as its type: a title's two lines, boxed half again as tall as
    # the body's, stand as much further apart (a scanned notice's wrapped title lost its second line to a
    # heading: 「关于组织……规划」 over 「展览馆的通知」).
    if line.size and previous.size and size:
        larger = max(1.0, min(line.size, previous.size) / size)
    elif not line.size and not previous.size and size:
        larger = max(1.0, min(line.height, previous.height) / size)
    else:
        larger = 1.0
    gap = line.top - previous.bottom
    same_size = _same_size(previous, line, size)
    same_font = line.font == previous.font
    # The next item of a numbered list after a full line that ends the item before (「1.…退休干部。」 filling
    # its line, then 「2.…」): the items of Word's and LibreOffice's numbering, set flush left, ran into one.
    # Asked before the centred-title rule below: a full line is centred too, and OCR boxes an indented first
    # line that stops a character short of the edge as centred under it (「第三条…」 under 「第二条…」's last
    # line, in a Ghostscript-distilled notice read by OCR, was read as a wrapped title's line and ran on).
    if _SENTENCE_END.search(previous.text.strip()) and _next_item(opener, line):
        return True
    # A centred line that wrapped (a long title): the previous line is full and centred too, in the same
    # type, at most about a line's leading above (a title's leading is relative to its own, larger size).
    if (
        previous.x1 >= mp.right - 1.5 * size
        and _centred(previous, mp.left, mp.right, size)
        and _centred(line, m.left, m.right, size)
        and line.x0 > m.left + 0.8 * size
        and same_size
        and same_font
        and (
            not same_page
            or gap < 0.6 * size
            or (previous.height > 1.2 * size and gap < 0.8 * previous.height)
        )
    ):
        return False
    # The previous line stopped short of the right edge (of its column): it ended its paragraph — unless
    # what this line opens with would not have fitted there (a Latin word or a number, 「站，」「300；」 kept
    # together), counting the space Word and LibreOffice put between Chinese and Latin letters or digits
    # (a fifth to a quarter of the type size) that it would have needed after the previous line's end.
    if previous.x1 < mp.right - 1.5 * size * larger and not (
        line.lead and previous.x1 + line.lead > mp.right - _AUTOSPACE * size
    ):
        return True
    # A short line with no closing mark after a full line that ends a sentence: a heading (at a page's
    # top no space above it says so), not a paragraph's last line, which ends with its sentence.
    if (
        _SENTENCE_END.search(previous.text.strip())
        and line.x1 < m.right - 1.5 * size
        and not _CLOSING_MARK.search(line.text.strip())
    ):
        return True
    # The paragraph hangs (its wraps stand right of its first line) and this line stands back where that
    # first line did: a new paragraph's first line, not a wrap (Impress's notes, a hanging list item).
    if (
        opener is not None
        and previous is not opener
        and previous.x0 - opener.x0 > 0.5 * size
        and line.x0 < previous.x0 - 0.5 * size
    ):
        return True
    # This line is indented (a first-line indent) or centred — unless it is the wrapped line of a numbered
    # item set with a hanging indent, as Word's and LibreOffice's automatic numbering is (「1.」 at the
    # margin, the item's text, and every line it wraps onto, a tab further in).
    if line.x0 > m.left + 0.8 * size and not _hangs_under(opener, previous, line, mp):
        return True
    # A different font or font size (title, heading) starts a new paragraph. Read by OCR, a line's box
    # is only as tall as its glyphs (a short last line 「代替。」 boxed taller than the line above): a line
    # at the body's line pitch under a full line is the same paragraph's. But a box's height also holds
    # its line's slant, on a photographed page: there, a title over a salutation boxed as tall as the slant
    # of the full lines made it, at about the body's pitch, ran into it; its characters are wider.
    if (
        not (same_size or _at_pitch(previous, line, m))
        or (line.font and previous.font and not same_font)
        or _other_type(previous, line)
    ):
        return True
    # More space above it than between the lines of a paragraph in their type (a left-aligned title's
    # wrapped 「年）」, measured against the body's pitch, was cut off, and the title lost its end).
    if same_page and m.pitch and _step(previous, line) > m.pitch * larger + 0.25 * size:
        return True
    return same_page and gap > 1.2 * size * larger


_AUTOSPACE = 0.25  # the space between Chinese and Latin text, in type sizes

# What numbers an item of an automatically numbered list: 「1.」「1、」「1)」「（1）」「(一)」「①」「一、」「第一条」「a)」
# (not a decimal opening a sentence: 「10.5亿元……」).
_LIST_MARK = re.compile(
    r"^\s*(?:\d{1,3}\s*[.．、)）](?![0-9０-９])|[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[）)]|[\u2460-\u2473]"
    r"|[一二三四五六七八九十]{1,3}\s*、|第[一二三四五六七八九十百\d]{1,4}条|[a-zA-Z][.)])"
)


def _item_number(text: str) -> tuple[str, int] | None:
    """A list item's mark as (its shape, its number): 「2.」 → ("N.", 2), 「（三）」 → ("（N）", 3), 「②」 →
    ("①", 2), 「第四条」 → ("第N条", 4); None for a line that opens with none (or with a letter)."""
    found = _LIST_MARK.match(text)
    if not found:
        return None
    mark = re.sub(r"\s+", "", found.group())
    if len(mark) == 1 and "\u2460" <= mark <= "\u2473":
        return "①", ord(mark) - 0x2460 + 1
    number = re.search(r"\d{1,3}|[一二三四五六七八九十百]{1,4}", mark)
    if number is None:
        return None
    value = int(number.group()) if number.group().isdigit() else numeral_value(number.group())
    if value is None:
        return None
    shape = mark[: number.start()] + ("N" if number.group().isdigit() else "汉") + mark[number.end() :]
    return shape, value


def _next_item(opener: Line | None, line: Line) -> bool:
    """Whether `line` opens the item that follows the one `opener` opened: the same mark, numbered one more."""
    if opener is None:
        return False
    before, after = _item_number(opener.text), _item_number(line.text)
    return before is not None and after is not None and before[0] == after[0] and after[1] == before[1] + 1


def _hangs_under(opener: Line | None, previous: Line, line: Line, mp: _Metrics) -> bool:
    """Whether `line` is a wrapped line of a numbered item set with a hanging indent: the item opens with its
    number further left than the line starts (by at most the number and a tab, four type sizes), every line
    since stands where this one does, and the line before it is full. Read as an indented first line, each
    wrap of such an item began a paragraph, and the item's first line was taken for a heading over it.
    A paragraph with no number may hang too, by less (at most one and a half type sizes; a first-line indent
    is two): LibreOffice Impress sets a slide's notes so, each paragraph's first line a little left of its
    wraps. Before, every wrap of the notes began a paragraph, and a title slide's first note, cut after its
    first line, ran into the talk's title."""
    if opener is None:
        return False
    numbered = _LIST_MARK.match(opener.text) is not None
    # A full line that ends a sentence may end the item: the indented line under it is then a paragraph's
    # first line (splitting an item whose wrap falls after a 。 does less harm than joining a paragraph).
    if _SENTENCE_END.search(previous.text.strip()):
        return False
    size = mp.size
    return (
        (
            0.8 * size < line.x0 - opener.x0 <= 4 * size
            if numbered
            else 0.5 * size < line.x0 - opener.x0 <= 1.5 * size
        )
        and (previous is opener or abs(previous.x0 - line.x0) < 0.25 * size)
        and previous.x1 >= mp.right - 1.5 * size
    )


# A line addressing bodies or people, whole: 「各离退休干部党支部：」「尊敬的各位老同志：」
_ADDRESSING_LINE = re.compile(r"^(?:各|尊敬的|亲爱的)[^。！？；;!?：:]{1,40}[：:]$")
# A document's title ends with its kind (「……的通知」「……的意见」「……实施方案」)
_TITLE_END = re.compile(
    r"(?:通知|意见|办法|决定|通报|报告|方案|规定|细则|公告|通告|批复|函|纪要|倡议书|邀请函|通知书|意見|辦法|決定|規定)[》”」]?$"
)


def _stands_alone(text: str) -> bool:
    """A line that is a date, or a name (a speaker's, a signature's), and nothing else."""
    text = text.strip()
    if text.count("）") + text.count(")") > text.count("（") + text.count("("):
        return False  # it closes a bracket opened on the line above: 「（2024年）」 wrapped after 「（」
    return is_date_line(text) or (len(text) <= 5 and is_person_name(text))


def _at_pitch(previous: Line, line: Line, m: _Metrics) -> bool:
    """Whether a line whose size is not known (OCR) sits one body line pitch under the previous, centre to
    centre (a larger type takes more room) — or, lines of one type, top to top or foot to foot: a leaning
    line's box reaches past its glyphs' band at one end, and only the other is where its line begins."""
    if previous.size or line.size or not m.pitch:
        return False
    steps = [(line.top + line.bottom) / 2 - (previous.top + previous.bottom) / 2]
    if not _other_type(previous, line):
        steps += [line.top - previous.top, line.bottom - previous.bottom]
    return any(abs(step - m.pitch) <= 0.25 * m.size for step in steps)


def _step(previous: Line, line: Line) -> float:
    """How far a line stands under the previous: top to top; read by OCR (no type size), the less of top to
    top and foot to foot, unless they are in other types. An OCR box holds the glyphs and the slant of their
    line: on a photographed page, straightened as a whole but seen in perspective, a full line leans, and
    its box reaches above its glyphs' band where it rises (below where it falls); a short last line under
    it hardly leans. Measured top to top under a line rising to its right, a wrapped item's short last line
    stood further down than the body's pitch and was cut off, its first line a heading (「二、…名额40人，」
    over 「额满为止。」); measured foot to foot, under a line falling to its right. At the line's left end,
    where the next begins, one of the two is its glyphs' own. A line in a larger type (a title) is taller
    for its type, not a lean: top to top, as before."""
    if previous.size or line.size or _other_type(previous, line):
        return line.top - previous.top
    return min(line.top - previous.top, line.bottom - previous.bottom)


def _advance(line: Line) -> tuple[float, float]:
    """How wide a line's characters are, and how many it has: its width over its characters, a wide
    (Chinese, full-width) one counted whole and a narrow one (a digit, a Latin letter) half."""
    count = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in line.text if not c.isspace())
    return ((line.x1 - line.x0) / count if count else 0.0), count


# Lines read by OCR are surely in other types when each has this many characters (to measure them by) and
# one's are this much wider than the other's: a title (18–22 pt) over a body (12–16 pt) differs by a third
# or more; lines of one type, by a few per cent (a colon read as a narrow 「:」, a justified line's spacing).
_TYPE_COUNT = 6
_OTHER_TYPE = 1.25


def _one_type(a: Line, b: Line) -> bool:
    """Whether two lines read by OCR are surely set in one type: each with enough characters to measure
    them by, their characters' widths within a seventh (a short line's closing 「。」 ends its box early)."""
    if a.size or b.size:
        return False
    (wa, ca), (wb, cb) = _advance(a), _advance(b)
    return min(ca, cb) >= _TYPE_COUNT and min(wa, wb) > 0 and max(wa, wb) <= 1.15 * min(wa, wb)


def _other_type(a: Line, b: Line) -> bool:
    """Whether two lines read by OCR are set in surely different types: one's characters a quarter or more
    wider than the other's (which no slant of the page changes, unlike their boxes' heights), and its box
    taller too (a title's: wider characters in a box no taller say nothing of the type — a line set wider,
    or lines drawn by a program whose widths are not its characters')."""
    if a.size or b.size:
        return False
    (wa, ca), (wb, cb) = _advance(a), _advance(b)
    if min(ca, cb) < _TYPE_COUNT or min(wa, wb) <= 0:
        return False
    wide, narrow = (a, b) if wa >= wb else (b, a)
    return max(wa, wb) > _OTHER_TYPE * min(wa, wb) and wide.height > 1.15 * narrow.height


def _same_size(a: Line, b: Line, size: float) -> bool:
    if a.size and b.size:  # font sizes from a text layer are exact
        return abs(a.size - b.size) < 0.4
    # read by OCR: boxes about as tall, or, where a leaning line's box is taller for its slant, characters
    # as wide (a photographed notice's one wrapped paragraph, with no other lines to measure a pitch by,
    # was cut after its leaning first line)
    return abs(a.height - b.height) <= 0.15 * size or _one_type(a, b)


def _centred(line: Line, left: float, right: float, size: float) -> bool:
    return abs((line.x0 - left) - (right - line.x1)) < size


def separator(before: str, after: str, gap: float, size: float) -> str:
    """What stands between two pieces of one printed line `gap` apart: justification spreads Chinese
    characters apart, that is not a space; a space is kept between Latin words and where a wide gap (a
    tab, a column) separates text."""
    latin = _LATIN.match(before[-1:]) and _LATIN.match(after[:1])
    return " " if gap > 1.2 * max(size, 1.0) or (latin and gap > 0.15 * max(size, 1.0)) else ""


# Marks that leave a clause open: a line ending in one, or the next opening with a closing one, was broken
# inside a sentence (to mend a line's look), not between lines that stand apart.
_OPEN_END = tuple("，、（(《〈“‘「『—-,")
_CLOSED_START = tuple("，。、；：！？）)》〉”’」』,.;:!?")
_NO_LINE_START = tuple("，。、；：！？）》〉”’」』")


def broken_lines(text: str, clean: Callable[[str], str]) -> list[str]:
    """A body paragraph's lines as an office program shows them (`clean` tidies each one).

    A manual line break (Shift+Enter, WPS's 「软回车」; what text pasted from a web page or a chat brings,
    one per paragraph) starts a new line, so a title, a speaker, a date, a heading and the paragraphs
    under it typed as one paragraph read as the lines they are; a break inside a clause (after 「，」,
    before 「。」) only mends the line's look and reads as nothing. Word's w:br, OpenDocument's
    text:line-break and RTF's \\line alike."""
    lines: list[str] = []
    for piece in (clean(raw) for raw in re.split(r"[\n\v]", text)):
        if not piece:
            continue
        if lines and (lines[-1].endswith(_OPEN_END) or piece.startswith(_CLOSED_START)):
            lines[-1] = join(lines[-1], piece)
        else:
            lines.append(piece)
    return lines


def join(before: str, after: str) -> str:
    """Join a wrapped line to the next: nothing between Chinese, one space between Latin words."""
    if not before:
        return after
    if before.endswith("-") and len(before) > 1 and before[-2].isalpha() and after[:1].islower():
        return before + after  # a hyphenated English word: keep the hyphen, add nothing
    if before[-1].isdigit() and after[0].isdigit():
        return before + after  # a number broken across lines (Chinese typesetting breaks anywhere)
    if _WORD_CHAR.match(before[-1]) and _WORD_CHAR.match(after[0]):
        return f"{before} {after}"
    if before[-1] in ",.;:!?" and _WORD_CHAR.match(after[0]):
        return f"{before} {after}"
    return before + after


def tidy_line(text: str) -> str:
    """Spaces a PDF or OCR line has between Chinese characters are layout, not text: drop them."""
    text = re.sub(r"[ \t\u00a0\u3000]+", " ", text).strip()
    return re.sub(
        r"(?<=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]) (?=\S)|(?<=\S) (?=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’])",
        "",
        text,
    )
