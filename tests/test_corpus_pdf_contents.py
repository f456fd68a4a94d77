"""A PDF's 目录 set in the body's own type (corpus.pdf `_without_contents`): not read, as Word's, ODF's and
RTF's generated tables of contents are not — its entries glued into one paragraph before (「目录一、总体要求……1
二、…」), the paragraph after it run in, a numbered entry taken for the first heading. Writer PDFs made by
tests/fixtures/pdf_contents/make_contents.py, and reportlab plans (STSong-Light) drawn for the property.

layout64: an entry too long for its line wraps onto the next, its leader and page number there — one entry,
the 目录 still left out (before, it ended at the entry's first line, the rest read as text under a false
section). layout65: where the PDF has no bookmarks, the 目录's entries mark the body's unnumbered headings —
only lines after the 目录 that stand as headings, never a list's line or a sentence's (mend64L's review
files) — so a long heading in the body's type, over two lines, no longer runs into its paragraph."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document
from tests.fixtures.pdf_contents.make_contents import LONG, SHORT_SECTIONS
from tests.fixtures.pdf_contents.make_equal_lines import SAME
from tests.parse_stream import parse_stream

_HERE = Path(__file__).parent / "fixtures" / "pdf_contents"
_OPENING = "为满足离退休干部学习需求，县老年大学2033年春季学期面向全县招生。现制定如下方案。"
_BODIES = [
    "坚持就近就便、按需设班的原则，春季学期计划招收学员六百名。",
    "年满五十五周岁、身体健康、能坚持正常学习的离退休人员均可报名。",
    "报名时间为2月20日至3月5日，学员持身份证到县老年大学教务处现场报名。",
    "各教学点要做好报名咨询和安全保障工作，确保招生工作平稳有序。",
]


def _sections(name: str) -> list[tuple[str | None, str]]:
    (speech,) = parse_document(read_document(_HERE / name))
    assert speech.title == "岫宁县老年大学2033年春季招生工作方案"
    return [(p.section, p.text) for p in speech.paragraphs if p.section != "文件信息"]


def test_a_numbered_contents_page_is_not_read() -> None:
    """目　录 on a page of its own, entries 「一、总体要求……1」: main read them as one paragraph under a
    false first section 「一、总体要求……」, the opening paragraph run into it."""
    assert _sections("contents.numbered.pdf") == [
        (None, _OPENING),
        ("一、总体要求", _BODIES[0]),
        ("二、招生对象和条件", _BODIES[1]),
        ("三、报名方式", _BODIES[2]),
        ("四、工作要求", _BODIES[3]),
    ]


def test_a_contents_list_under_the_opening_is_not_read() -> None:
    """目　录 under the opening paragraph, unnumbered entries: main glued them and the first heading and its
    paragraph into one paragraph 「目录总体要求……1招生对象和条件……总体要求坚持就近就便…」."""
    assert _sections("contents.plain.pdf") == [
        (None, _OPENING),
        ("总体要求", _BODIES[0]),
        ("招生对象和条件", _BODIES[1]),
        ("报名方式", _BODIES[2]),
        ("工作要求", _BODIES[3]),
    ]


def test_a_short_plan_whose_contents_alone_are_full_lines_keeps_its_paragraphs() -> None:
    """A short plan (review63L's ``toc_tab``): only the 目录's entries, a tab to the right margin, reach the
    text block's right edge. layout63 measured the page without them — every short line then read as full —
    and glued the whole plan into one paragraph; the 目录's lines are measured with the body, never read."""
    assert _sections("contents.short.pdf") == [(head, body) for head, body in SHORT_SECTIONS]


def test_a_contents_entry_wrapped_over_two_lines_is_not_read() -> None:
    """The third entry, 「三、关于进一步做好…保障措施」, set in from both sides, wraps onto a second line with its
    leader and page number; the heading wraps elsewhere in the body. main ended the 目录 at that entry: its
    two lines and the fourth entry were read as a section 「三、关于…期间交」 over 「通补助…措施……1」, then a
    section 「四、工作要求……1」 over the opening paragraph."""
    assert _sections("contents.wrapped.pdf") == [
        (None, _OPENING),
        ("一、总体要求", _BODIES[0]),
        ("二、招生对象和条件", _BODIES[1]),
        (f"三、{LONG[0]}", LONG[1]),
        ("四、工作要求", _BODIES[3]),
    ]


def test_a_wrapped_unnumbered_entry_of_the_contents_is_not_read() -> None:
    """The same plan with unnumbered headings, its 目录 under the opening paragraph: main read the wrapped
    entry and the rest of the 目录 as a paragraph (「…保障措施……1工作要求……2总体要求坚持…」). The long heading
    in the body (over two lines, in the body's type, only the 目录 naming it) is a section of its own
    (layout65): main ran it into its paragraph (「…保障措施学员参加…」, under 「招生对象和条件」)."""
    assert _sections("contents.wrapped-plain.pdf") == [
        (None, _OPENING),
        ("总体要求", _BODIES[0]),
        ("招生对象和条件", _BODIES[1]),
        (LONG[0], LONG[1]),
        ("工作要求", _BODIES[3]),
    ]


def test_a_parent_heading_over_its_first_sub_heading_heads_its_section() -> None:
    """layout66 (review65L's plan3, here python-docx → Writer): 「总体要求」, no paragraph of its own, right over
    its first sub-heading (the long one, over two lines), both listed in the 目录 one after the other. Main
    marked neither (the line after the first is another entry's words) and glued both into the paragraph
    (「总体要求关于…保障措施学员参加…」, under no section); now the parent heads the sub-heading's section."""
    assert _sections("contents.parent.pdf") == [
        (None, _OPENING),
        (f"总体要求 › {LONG[0]}", LONG[1]),
        ("报名方式", _BODIES[2]),
        ("工作要求", _BODIES[3]),
    ]


def test_a_contents_set_in_by_level_gives_the_headings_their_levels() -> None:
    """layout67 (python-docx → Writer): a 目录 whose sub-headings' entries are set in two characters further
    than their parent's. The second sub-heading is under its parent too — 「总体要求 › 报名方式」 — whether the
    parent has a paragraph of its own or stands right over its first sub-heading; layout66 read it as a
    section of its own (「报名方式」), the levels of a 目录 unread."""
    assert _sections("contents.levels.pdf") == [
        (None, _OPENING),
        (f"总体要求 › {LONG[0]}", LONG[1]),
        ("总体要求 › 报名方式", _BODIES[2]),
        ("工作要求", _BODIES[3]),
    ]
    assert _sections("contents.levels-body.pdf") == [
        (None, _OPENING),
        ("总体要求", _BODIES[0]),
        ("总体要求 › 招生对象和条件", _BODIES[1]),
        ("总体要求 › 报名方式", _BODIES[2]),
        ("工作要求", _BODIES[3]),
    ]


_LEVEL_HEADS = ["总体要求", "招生对象", "报名方式", "课程设置", "收费标准", "工作要求"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    steps=st.lists(st.integers(min_value=-2, max_value=1), min_size=1, max_size=5),
    flat=st.booleans(),
)
def test_a_contents_levels_nest_its_headings_and_a_flat_one_stays_flat(steps: list[int], flat: bool) -> None:
    """reportlab: two to six unnumbered headings, each over its paragraph, listed in a 目录 whose entries are
    set in two characters a level (levels 1–3, each at most one deeper than the one before) — or all at one
    indent: every paragraph is read once, in order, under the path of its heading and the headings above
    it by the 目录's levels (「总体要求 › 报名方式」); a flat 目录's sections are its headings alone."""
    levels = [1]
    for step in steps:
        levels.append(1 if flat else max(1, min(3, levels[-1] + step, levels[-1] + 1)))
    heads = _LEVEL_HEADS[: len(levels)]
    bodies = [f"{head}的具体事项由县老年大学另行通知，请各单位及时转告本单位离退休干部。" for head in heads]
    items: list[tuple[str, object]] = [
        ("title", "岫宁县老年大学2033年春季招生工作方案"),
        ("line", "目录"),
        *(("entry", (head, 1, level)) for head, level in zip(heads, levels, strict=True)),
        ("para", _OPENING),
    ]
    for head, body in zip(heads, bodies, strict=True):
        items += [("line", head), ("para", body)]
    (speech,) = parse_document(read_bytes("方案.pdf", _drawn(items)))
    read = [(p.section, p.text) for p in speech.paragraphs if p.section != "文件信息"]
    path: list[str] = []
    expected: list[tuple[str | None, str]] = [(None, _OPENING)]
    for head, level, body in zip(heads, levels, bodies, strict=True):
        path = [*path[: level - 1], head]
        expected.append((" › ".join(path), body))
    assert read == expected


def test_a_centred_contents_reads_flat() -> None:
    """mend67L (review67L's toc_centred.pdf, reportlab): 「目录」 and its five entries centred, no leaders —
    entries of four, seven and nine characters start at three left ends. layout67 took the left ends for
    indents and nested 「招生对象和条件 › 报名方式」 and 「课程设置与教学安排 › 工作要求」; each heading is a
    section of its own, as on main."""
    (speech,) = parse_document(read_document(_HERE / "centred.pdf"))
    heads = ["总体要求", "招生对象和条件", "报名方式", "课程设置与教学安排", "工作要求"]
    assert [(p.section, p.text) for p in speech.paragraphs if p.section != "文件信息"] == [
        (head, head + SAME) for head in heads
    ]


_FLAT_HEADS = ["总体要求", "招生对象和条件", "报名方式", "课程设置与教学安排", "收费标准", "组织领导", "附则"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    heads=st.lists(st.sampled_from(_FLAT_HEADS), min_size=2, max_size=6, unique=True),
    setting=st.sampled_from(
        [
            ("line", ""),
            ("line", "　1"),
            ("line", "……"),
            ("centre", ""),
            ("centre", "　1"),
            ("centre", "……"),
            ("right", ""),
            ("right", "　1"),
        ]
    ),
)
def test_a_flat_contents_set_left_centred_or_right_reads_flat(
    heads: list[str], setting: tuple[str, str]
) -> None:
    """reportlab: a 目录 of two to seven headings of two to nine characters, its entries all set flush left,
    centred or flush right — bare, a page number after a space, or (flush left or centred) a leader of
    「……」s to it — over the headings, each over its paragraph: every paragraph is read once, in order,
    under its own heading alone. Entries of different lengths start at different left ends when centred or
    set flush right; those are no levels."""
    kind, tail = setting
    entries = [head + ("……" * ((20 - len(head)) // 2) + "1" if tail == "……" else tail) for head in heads]
    items: list[tuple[str, object]] = [
        ("title", "岫宁县老年大学2033年春季招生工作方案"),
        (kind, "目录"),
        *((kind, entry) for entry in entries),
        ("para", _OPENING),
    ]
    for head in heads:
        items += [("line", head), ("para", head + SAME)]
    (speech,) = parse_document(read_bytes("方案.pdf", _drawn(items)))
    read = [(p.section, p.text) for p in speech.paragraphs if p.section != "文件信息"]
    assert read == [(None, _OPENING), *((head, head + SAME) for head in heads)]


def test_a_sentence_opening_with_an_entrys_words_keeps_them() -> None:
    """layout65 (startswith.pdf, reportlab): under each unnumbered heading the 目录 names, a paragraph opening
    with the heading's words (「总体要求是…」, 「报名方式分为…」) keeps them and is read under its heading;
    a sentence whose wrapped last line is an entry's words (「…以下」 over 「工作要求」) keeps them too."""
    (speech,) = parse_document(read_document(_HERE / "startswith.pdf"))
    sections = [(p.section, p.text) for p in speech.paragraphs]
    assert sections[1][0] == "总体要求" and sections[1][1].startswith("总体要求是坚持就近就便")
    assert sections[2][0] == "报名方式" and sections[2][1].startswith("报名方式分为现场报名")
    assert "并认真做好招生期间的以下工作要求" in sections[3][1]
    read = "".join(text for _, text in sections)
    for sentence in (
        "春季学期计划招收学员六百名",
        "也可由所在单位统一代为报名。",
        "遇有问题及时向县老年大学报告。",
    ):
        assert read.count(sentence) == 1


def test_a_line_equal_to_an_entry_keeps_its_words() -> None:
    """review64L: a line equal to a 目录 entry — a list of the parts in the opening, a sentence's wrapped last
    line — is read as written, never taken for the heading and lost (layout64: the list's lines empty
    sections, 「…认真落实以下」 without its 「工作要求」)."""
    (inbody,) = parse_document(read_bytes("inbody.pdf", (_HERE / "inbody.pdf").read_bytes()))
    text = "".join(p.text for p in inbody.paragraphs)
    assert "本方案分为以下三个部分：" in text
    assert "总体要求报名方式工作要求" in text
    assert [p.section for p in inbody.paragraphs if p.text.startswith("报名时间")] == ["报名方式"]
    (lastline,) = parse_document(read_bytes("lastline.pdf", (_HERE / "lastline.pdf").read_bytes()))
    read = lastline.title + "".join(p.text for p in lastline.paragraphs)
    assert "认真落实以下工作要求" in read


_NUMBERS = "一二三四五六七八九"
# An entry's words on one line of the 目录 (set in two characters), and a heading's in the body, at most
_ENTRY_CHARS = 24
_HEAD_CHARS = 30


def _plan(heads: list[str], bodies: list[list[str]], leader: str, numbered: bool) -> bytes:
    """A plan drawn by reportlab: the title, 「目　录」 and an entry per heading (its words, `leader` up to
    the page number at the right margin; a heading longer than `_ENTRY_CHARS` wrapped, its leader and page
    number on the second line), then on the next page the opening and each heading (wrapped at
    `_HEAD_CHARS`) over its sentences, a paragraph each."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    left, right, size = 80.0, A4[0] - 80.0, 14
    y = A4[1] - 100

    def line(text: str, x: float = left, font: int = size) -> None:
        nonlocal y
        if y < 100:
            page.showPage()
            y = A4[1] - 100
        page.setFont("STSong-Light", font)
        page.drawString(x, y, text)
        y -= font * 1.8

    titles = [f"{_NUMBERS[n]}、{h}" if numbered else h for n, h in enumerate(heads)]
    page.setFont("STSong-Light", 20)
    page.drawCentredString(A4[0] / 2, y, "县老年大学招生工作方案")
    y -= 50
    page.setFont("STSong-Light", size)
    page.drawCentredString(A4[0] / 2, y, "目　录")
    y -= size * 1.8
    for n, title in enumerate(titles):
        page.setFont("STSong-Light", size)
        number = str(2 + n // 3)
        indent = left + 2 * size
        while len(title) > _ENTRY_CHARS:
            page.drawString(indent, y, title[:_ENTRY_CHARS])
            title = title[_ENTRY_CHARS:]
            y -= size * 1.8
        page.drawString(indent, y, title)
        start = indent + pdfmetrics.stringWidth(title, "STSong-Light", size) + 4
        end = right - pdfmetrics.stringWidth(number, "STSong-Light", size) - 4
        dots = leader * max(2, int((end - start) / pdfmetrics.stringWidth(leader, "STSong-Light", size)))
        page.drawString(start, y, dots)
        page.drawRightString(right, y, number)
        y -= size * 1.8
    page.showPage()
    y = A4[1] - 100
    line(_OPENING[:30], left + 2 * size)
    line(_OPENING[30:])
    for title, sentences in zip(titles, bodies, strict=True):
        for at in range(0, len(title), _HEAD_CHARS):
            line(title[at : at + _HEAD_CHARS])
        for sentence in sentences:  # a paragraph each: its first line indented, wrapped at 28 characters
            line(sentence[:28], left + 2 * size)
            for at in range(28, len(sentence), 30):
                line(sentence[at : at + 30])
    page.save()
    return out.getvalue()


_HEAD = st.one_of(
    st.text(alphabet="总体要求招生对象条件报名方式工作安排课程设置收费标准", min_size=3, max_size=9),
    st.text(
        alphabet="关于进一步做好学员参加校外实践教学期间交通补助意外伤害保险保障措施",
        min_size=25,
        max_size=50,
    ),
)
# A paragraph's last line never full: a full line ending 「。」 then a heading's full first line read as one
# paragraph run on (the layout cannot tell them from a paragraph going on; main's rule, not the 目录's)
_SENTENCE = (
    st.text(alphabet="县老年大学开设书法绘画声乐课程每周上课一次学员自愿报名", min_size=20, max_size=70)
    .map(lambda t: t + "。")
    .filter(lambda t: (len(t) - 28) % 30 != 0)
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=(Phase.generate,)
)
@given(
    plan=st.lists(
        st.tuples(_HEAD, st.lists(_SENTENCE, min_size=1, max_size=2)), min_size=2, max_size=6
    ).filter(lambda s: len({h for h, _ in s}) == len(s)),
    leader=st.sampled_from([".", "…", "·", "-"]),
    numbered=st.booleans(),
)
def test_no_contents_entry_reaches_a_passage(
    plan: list[tuple[str, list[str]]], leader: str, numbered: bool
) -> None:
    """Any two to six headings (numbered 「一、」 or not, some too long for a line: wrapped in the 目录 and, at
    another place, in the body), each listed in the 目录 with a leader of dots, ellipses, middle dots or
    hyphens and a page number: no passage holds an entry or the word 目录, every sentence of the plan is
    read once and in order, each numbered heading is one section, whole, and so is each short unnumbered
    one (a long one, 25–50 characters, may run into its paragraph, as on main; never lost). A numbered heading is cut to fit its line in the body (25–26 characters, not filling it: still
    wrapped in the 目录); one wrapped in the body is the numbering rules' to tell (on main, after a paragraph
    whose last line is full, it runs on from it), not the 目录's."""
    # a numbered heading fits its line in the body (one wrapped there is the numbering rules', main's: a full
    # first line after a full last line of a paragraph runs on), still too long for the 目录's
    heads = [h[: _HEAD_CHARS - 4] if numbered else h for h, _ in plan]
    assume(len(set(heads)) == len(heads))
    bodies = [b for _, b in plan]
    (speech,) = parse_document(read_bytes("方案.pdf", _plan(heads, bodies, leader, numbered)))
    texts = [p.text for p in speech.paragraphs if p.section != "文件信息"]
    assert not any("目录" in "".join(t.split()) or leader * 2 in t for t in texts)
    sentences = [s for b in bodies for s in b]
    read = "".join(texts)
    assert [read.count(s) for s in sentences] == [
        "".join(sentences).count(s) for s in sentences
    ]  # each once (a sentence inside another counted as often as written)
    assert read.find(_OPENING) == 0
    at = len(_OPENING)
    for sentence in sentences:  # in the order written
        found = read.find(sentence, at)
        assert found >= 0
        at = found + len(sentence)
    sections = [p.section for p in speech.paragraphs if p.section not in ("文件信息", None)]
    if numbered:
        titles = [f"{_NUMBERS[n]}、{h}" for n, h in enumerate(heads)]
        assert list(dict.fromkeys(sections)) == titles
    else:  # each a section, a long one wrapped over two lines too (layout65: the 目录 names it)
        assert [h for h in heads if h not in sections] == []


def test_a_contents_entry_naming_the_attachment_keeps_the_attachment_line() -> None:
    """review65L (attachment.pdf, its F.pdf): the 目录 lists 「附件：报名登记表」 too, and the body's line
    「附件：报名登记表」 stands over the 落款 only. layout65 marked it a heading over nothing — an empty section
    — and the line was lost; it is the 附件说明, read as main read it."""
    assert _sections("attachment.pdf")[-1] == ("附件说明", "附件：报名登记表")


def _stream(data: bytes) -> tuple[str, str]:
    return parse_stream("方案.pdf", data)


def _drawn(items: list[tuple[str, object]]) -> bytes:
    import tempfile

    from tests.fixtures.pdf_contents.make_equal_lines import draw

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.pdf"
        draw(path, items)
        return path.read_bytes()


_BODY_LINES: list[tuple[str, str]] = [
    ("line", "总体要求"),
    ("para", _BODIES[0]),
    ("line", "招生对象和条件"),  # layout66: a heading over a short line (a heading the parse reads itself)
    ("line", "报名方式"),
    ("para", _BODIES[2]),
    ("line", "工作要求"),
    ("para", _BODIES[3]),
    ("para", "附件：报名登记表"),
    ("right", "岫宁县老年大学"),
    ("right", "2033年2月1日"),
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    listed=st.lists(
        st.sampled_from([n for n, (_, text) in enumerate(_BODY_LINES) if len(text) < 20]),
        unique=True,
        min_size=2,
    ),
    last=st.integers(min_value=2, max_value=len(_BODY_LINES) - 1),
)
def test_no_line_is_lost_whatever_the_contents_lists(listed: list[int], last: int) -> None:
    """mend65L: whatever short lines of the body a 目录 lists — headings, the 附件说明, the 落款's lines, in
    any order, the body cut anywhere — the parse keeps every word the same plan without a 目录
    keeps, in the same order: the 目录 only makes sections of the lines it names, never loses one."""
    body = [("para", _OPENING), *_BODY_LINES[: last + 1]]
    entries = [("entry", (str(_BODY_LINES[n][1]), 1)) for n in listed if n <= last]
    assume(len(entries) >= 2)  # a single line under 「目录」 is no 目录 (read as text, as on main)
    title = "岫宁县老年大学2033年春季招生工作方案"
    bare = _stream(_drawn([("title", title), *body]))
    listed_plan = _stream(_drawn([("title", title), ("line", "目录"), *entries, *body]))
    assert listed_plan == bare
