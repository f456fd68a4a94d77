"""Plain texts as a property: a generated speech, saved in every encoding that can hold it and hard-wrapped
at any width (with or without paragraph indents), reads back with every sentence once and in order, and
with the same title, date and speaker as the same speech saved one paragraph per line in UTF-8."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bench.documents import wrap
from corpus import chunk_speech, parse_document, read_bytes
from corpus.parse import stands_alone
from corpus.plaintext import plain_lines
from tests.test_corpus_documents_property import ALPHABET, ENDS

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "utf-16-le",
    "utf-16-be",
    "utf-16",
    "gb18030",
    "gb18030-bom",
    "gbk",
    "big5",
    "hz",
)
# Line ends as files have them: Unix, Windows, old Mac, and the rarer ones str.splitlines knows — a vertical
# tab (Word's manual line break in copied text), NEL (text converted from EBCDIC), U+2028/U+2029.
NEWLINES = ("\n", "\r\n", "\r", "\x0b", "\x85", "\u2028", "\u2029")


def encode(text: str, encoding: str) -> bytes:
    """`text` saved in `encoding`; 「gb18030-bom」 with the GB18030 byte-order mark (84 31 95 33) first."""
    if encoding == "gb18030-bom":
        return b"\x84\x31\x95\x33" + text.encode("gb18030")
    return text.encode(encoding)


TITLES = ("在全市老干部工作会议上的讲话", "关于做好离休干部健康体检工作的通知", "在老年大学开学典礼上的致辞")
DATES = ("（2024年3月5日）", "二〇二四年三月五日", "2024.3.5", "2024-03-05", "（二〇二四年三月五日）")
SPEAKERS = ("张建国", "王丽华", "陈志明", "欧阳明")

sentence = st.builds(
    lambda body, end: body + end, st.text(alphabet=ALPHABET, min_size=6, max_size=40), st.sampled_from(ENDS)
)
paragraph = st.lists(sentence, min_size=1, max_size=5).map("".join)
speeches = st.tuples(
    st.sampled_from(TITLES),
    st.sampled_from(DATES),
    st.sampled_from(SPEAKERS),
    st.lists(paragraph, min_size=1, max_size=8),
)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def lines_of(title: str, date: str, speaker: str, body: list[str], width: int | None, indent: str) -> str:
    lines = []
    for text in (title, date, speaker, "同志们："):  # a header line wider than the text is wrapped too
        lines += wrap(text, width, width) if width else [text]
    for text in body:
        lines += wrap(indent + text, width, width) if width else [indent + text]
    return "\n".join(lines) + "\n"


def traditional(text: str) -> str:
    import opencc

    return str(opencc.OpenCC("s2tw").convert(text))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    speeches,
    st.sampled_from(ENCODINGS),
    st.integers(min_value=16, max_value=50),
    st.sampled_from(["", "\u3000\u3000", "    "]),
    st.sampled_from(NEWLINES),
)
def test_any_encoding_and_any_wrap_width_keep_every_sentence_once_in_order(
    speech: tuple[str, str, str, list[str]], encoding: str, width: int, indent: str, newline: str
) -> None:
    title, date, speaker, body = speech
    if encoding == "big5":  # a Big5 file holds traditional script
        title, speaker, body = traditional(title), traditional(speaker), [traditional(p) for p in body]
    try:
        data = encode(lines_of(title, date, speaker, body, width, indent).replace("\n", newline), encoding)
    except UnicodeEncodeError:
        return  # a character the encoding cannot hold: no such file exists
    reference = parse_document(
        read_bytes("讲话.txt", lines_of(title, date, speaker, body, None, "").encode())
    )
    speeches_read = parse_document(read_bytes("讲话.txt", data))
    assert [(s.title, s.date, s.speaker) for s in speeches_read] == [
        (s.title, s.date, s.speaker) for s in reference
    ]
    flat = squeeze("".join(d.text for s in speeches_read for d in chunk_speech(s)))
    position = 0
    for text in re.findall(rf"[^{ENDS}]*[{ENDS}]", "".join(body)):
        found = flat.find(squeeze(text), position)
        assert found >= 0, f"missing or out of order: {text}"
        position = found + len(squeeze(text))
    sentences = re.findall(rf"[^{ENDS}]*[{ENDS}]", "".join(body))
    assert sum(len(squeeze(s)) for s in sentences) == len(squeeze("".join(body)))
    assert len(flat) == len(squeeze("".join(body))), "a character doubled or added"


HEADERS = ("中共某某市委老干部局", "老干部工作文件汇编", "江州市人民政府公报 第 3 期")
PAGE_NUMBERS = ("- {} -", "— {} —", "第 {} 页")


def paginated(lines: list[str], per_page: int, header: str | None, number: str, form_feed: bool) -> str:
    """The lines as text pasted from a PDF: every page opens with the running header and ends with its
    page number (and a form feed). With no header, every page but the first opens with the title."""
    pages = [lines[at : at + per_page] for at in range(0, len(lines), per_page)]
    heads = [[header] if header else ([] if n == 1 else [lines[0]]) for n in range(1, len(pages) + 1)]
    text = [
        "\n".join([*head, *page, number.format(n)]) + "\n"
        for n, (head, page) in enumerate(zip(heads, pages, strict=True), start=1)
    ]
    return ("\f" if form_feed else "").join(text)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    speeches,
    st.one_of(st.none(), st.integers(min_value=16, max_value=50)),
    st.integers(min_value=4, max_value=12),  # a page holds a few lines at least
    st.one_of(st.none(), st.sampled_from(HEADERS)),  # none: the title heads every page after the first
    st.sampled_from(PAGE_NUMBERS),
    st.booleans(),
)
def test_page_furniture_goes_and_the_date_and_salutation_stay(
    speech: tuple[str, str, str, list[str]],
    width: int | None,
    per_page: int,
    header: str | None,
    number: str,
    form_feed: bool,
) -> None:
    title, date, speaker, body = speech
    # The date again at the end, as under a notice's signature: a date line that recurs.
    lines = [*lines_of(title, date, speaker, body, width, "").splitlines(), date]
    # Two pieces of wrapped text alike but for their figures, each at a page's edge, are a running header
    # by every sign a plain text has: a speech does not repeat itself so.
    pieces = [re.sub(r"\d+", "#", line) for line in lines[4:] if not re.search(f"[{ENDS}]", line)]
    assume(len(pieces) == len(set(pieces)))
    # Three pages at least: a running header recurs at two page breaks between pages.
    per_page = max(2, min(per_page, (len(lines) - 1) // 2))
    # The title on a line of its own, shorter than the wrapped lines: a title heading pages 2 and 3 only,
    # as wide as the wrapped text, reads like a piece of a sentence and is rightly kept (three pages needed).
    assume(width is None or header is not None or len(title) + 2 < width)
    text = paginated(lines, per_page, header, number, form_feed)
    original = lines_of(title, date, speaker, body, None, "") + date + "\n"
    reference = parse_document(read_bytes("讲话.txt", original.encode()))
    document = read_bytes("讲话.txt", text.encode())
    assert document.text.count("同志们：") == 1
    assert document.text.count(date) == 2
    if header:
        assert squeeze(header) not in squeeze(document.text)
    else:
        assert squeeze(document.text).count(squeeze(title)) == 1
    speeches_read = parse_document(document)
    assert [(s.title, s.date, s.speaker) for s in speeches_read] == [
        (s.title, s.date, s.speaker) for s in reference
    ]
    flat = squeeze("".join(d.text for s in speeches_read for d in chunk_speech(s)))
    assert flat == squeeze("".join(d.text for s in reference for d in chunk_speech(s)))
    assert squeeze("".join(body)) in flat, "a sentence lost, doubled or out of order"


# -- page furniture over generated multi-page documents ---------------------------------------------------

FOOTERS = ("老干部工作简报", "内部资料 注意保存")
NUMBERS = ("— {} —", "- {} -", "第 {} 页", "第 {} 页 共 {} 页", "{}")
BREAKS = ("form feed", "pdftotext", "page number")  # form feed alone; number then form feed; number alone


def distinct(sentences: list[str]) -> bool:
    """No sentence holds another (a sentence found twice would then be ambiguous)."""
    squeezed = [squeeze(s) for s in sentences]
    return all(a not in b for i, a in enumerate(squeezed) for j, b in enumerate(squeezed) if i != j)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(TITLES),
    st.lists(st.lists(sentence, min_size=1, max_size=4), min_size=2, max_size=10),
    st.integers(min_value=14, max_value=46),  # wrap width, in characters
    st.sampled_from(["", "\u3000\u3000"]),
    st.integers(min_value=3, max_value=12),  # lines a page
    st.sampled_from(["none", "every page", "after the first"]),  # where the running header is
    st.one_of(st.none(), st.sampled_from(HEADERS)),
    st.one_of(st.none(), st.sampled_from(FOOTERS)),
    st.sampled_from(NUMBERS),
    st.sampled_from(BREAKS),
)
def test_every_body_sentence_survives_page_breaks_once_and_furniture_on_most_pages_goes(
    title: str,
    paragraphs: list[list[str]],
    width: int,
    indent: str,
    per_page: int,
    where: str,
    header: str | None,
    footer: str | None,
    number: str,
    page_break: str,
) -> None:
    body = [s for p in paragraphs for s in p]
    assume(distinct(body))
    lines = [title]
    for paragraph in paragraphs:
        lines += wrap(indent + "".join(paragraph), width, width)
    # Two pieces of wrapped text alike (numbers aside) at page edges are a running header by every sign a
    # plain text has: a speech does not repeat itself so.
    pieces = [re.sub(r"\d+", "#", line) for line in lines if not re.search(f"[{ENDS}]", line)]
    assume(len(pieces) == len(set(pieces)))
    pages = [lines[at : at + per_page] for at in range(0, len(lines), per_page)]
    assume(number != "{}" or len(pages) >= 2)  # a lone bare number may be a figure: it stays
    text = ""
    for n, page in enumerate(pages, start=1):
        head = (
            [header] if header and (where == "every page" or (where == "after the first" and n > 1)) else []
        )
        foot = [footer] if footer else []
        mark = [number.format(n, len(pages))] if page_break != "form feed" else []
        text += "\n".join([*head, *page, *foot, *mark]) + "\n" + ("" if page_break == "page number" else "\f")
    flat = squeeze("".join(plain_lines(text, stands_alone)))
    # A header or footer on two pages may be kept (a doubtful line is kept): it is no body text.
    body_text = flat
    for line in (header, footer):
        if line:
            body_text = body_text.replace(squeeze(line), "")
    position = 0
    for text_ in [title, *body]:
        needle = squeeze(text_)
        assert body_text.count(needle) == 1, f"lost or doubled: {text_}"
        assert body_text.find(needle) >= position, f"out of order: {text_}"
        position = body_text.find(needle) + len(needle)
    assert body_text == squeeze(title + "".join(body)), "a page number left, or a character added"
    # A running line on three pages or more (every page, or every page but the first) goes.
    running = len(pages) - (1 if where == "after the first" else 0)
    for line, pages_with_it in ((header if where != "none" else None, running), (footer, len(pages))):
        if line and pages_with_it >= 3:
            assert squeeze(line) not in flat, f"running line kept: {line}"


@pytest.mark.parametrize("newline", NEWLINES)
def test_a_gb18030_byte_order_mark_is_not_read_into_the_title(newline: str) -> None:
    """Notepad's 「ANSI」 is GBK, but converters that write GB18030 put its mark (84 31 95 33) first: it
    decoded to U+FEFF and stood at the start of the title, so the title matched no search for it."""
    text = "\n".join(["在老年大学开学典礼上的致辞", "（2024年3月5日）", "同志们：", "今天老年大学开学了。"])
    (speech,) = parse_document(read_bytes("致辞.txt", encode(text.replace("\n", newline), "gb18030-bom")))
    assert speech.title == "在老年大学开学典礼上的致辞"
    assert speech.date == "2024-03-05"
