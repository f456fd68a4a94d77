"""Words a Word style strikes through (corpus.strikes, read by corpus.word): a clerk keeps a character style
「作废」 with 「删除线」 and applies it to the cancelled date, or a paragraph style to a whole cancelled item —
the run itself says nothing of the strike, styles.xml does. Word resolves it through the style's basedOn
chain; a strike both the character and the paragraph style set is off again (a toggle property, ECMA-376
§17.7.3); the run's own w:strike decides over both. The struck words are left out as a tracked deletion
is, a whole struck paragraph with them. python-docx writes the documents with real styles (``styles.add_style``,
``font.strike``, ``base_style``)."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes

# character styles: name → (struck by its own definition, the style it is based on)
_CHARACTER = {"作废": (True, None), "作废红字": (None, "作废"), "恢复": (False, "作废")}
_PARAGRAPH = {"作废条目": (True, "Normal"), "作废条目二": (None, "作废条目")}


def _document(paragraphs: list[tuple[str, list[tuple[str, str]]]]) -> bytes:
    """A notice: a title, then each paragraph (its style name, "" for Normal) of runs, each run plain
    (""), struck by its own formatting ("strike"), its strike switched off ("off") or in a character style
    (its name)."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    for name, (struck, base) in _CHARACTER.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        if base:
            style.base_style = doc.styles[base]
        if struck is not None:
            style.font.strike = struck
    for name, (struck, base) in _PARAGRAPH.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[base]
        if struck is not None:
            style.font.strike = struck
    doc.add_paragraph("关于调整活动安排的通知", style="Title")
    for paragraph_style, runs in paragraphs:
        paragraph = doc.add_paragraph(style=paragraph_style or None)
        for text, mark in runs:
            run = paragraph.add_run(text)
            if mark == "strike":
                run.font.strike = True
            elif mark == "off":
                off = OxmlElement("w:strike")
                off.set(qn("w:val"), "0")
                run._r.get_or_add_rPr().append(off)
            elif mark:
                run.style = doc.styles[mark]
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _struck(paragraph_style: str, mark: str) -> bool:
    """How Word prints a run: its own strike decides; else the character and the paragraph style, each
    through its base, toggle."""
    if mark in ("strike", "off"):
        return mark == "strike"

    def chain(styles: dict[str, tuple[bool | None, str | None]], name: str) -> bool:
        while name in styles:
            struck, base = styles[name]
            if struck is not None:
                return struck
            name = base or ""
        return False

    return chain(_CHARACTER, mark) != chain(_PARAGRAPH, paragraph_style)


def test_words_in_a_struck_character_style_are_left_out() -> None:
    data = _document(
        [
            ("", [("一、时间：", ""), ("4月10日上午9时", "作废"), ("4月17日上午9时。", "")]),
            ("", [("二、地点：", ""), ("县体育馆", "作废红字"), ("县第二中学。", "")]),
            ("", [("三、奖项：", ""), ("每项录取前八名。", "恢复")]),
        ]
    )
    document = read_bytes("通知.docx", data)
    assert "一、时间：4月17日上午9时。" in document.text
    assert "二、地点：县第二中学。" in document.text  # struck through the style it is based on
    assert "三、奖项：每项录取前八名。" in document.text  # a style that switches its base's strike off
    for cancelled in ("4月10日", "县体育馆"):
        assert cancelled not in document.text and cancelled not in document.reference


def test_a_paragraph_in_a_struck_paragraph_style_is_left_out_whole() -> None:
    data = _document(
        [
            ("", [("一、报名截止时间为5月20日。", "")]),
            ("作废条目", [("二、比赛当天中午统一安排午餐。", "")]),
            ("作废条目二", [("三、参赛人员统一乘车前往。", "")]),
            ("作废条目", [("四、请自备水杯，", "off"), ("统一发放矿泉水。", "")]),
            ("", [("五、联系人：王明，电话：5551234。", "")]),
        ]
    )
    document = read_bytes("通知.docx", data)
    speech = parse_document(document)[0]
    texts = [p.text for p in chunk_speech(speech)]
    joined = "".join(texts)
    assert "午餐" not in joined and "乘车" not in joined and "矿泉水" not in joined
    assert "四、请自备水杯，" in joined  # its own formatting switches the paragraph style's strike off
    assert "一、报名截止时间为5月20日。" in joined and "五、联系人：王明" in joined
    assert "午餐" not in document.reference
    assert check_conservation(document, texts).ok


def test_a_struck_character_style_in_a_struck_paragraph_style_prints_unstruck() -> None:
    # Word's toggle: 「删除线」 set by both the paragraph style and the character style is off again
    data = _document([("作废条目", [("二、原定午餐取消，", ""), ("改为发放餐券。", "作废")])])
    document = read_bytes("通知.docx", data)
    assert "改为发放餐券。" in document.text and "午餐" not in document.text


_WORDS = st.text(alphabet="报名时间地点改为月日上午下午县城活动中心楼层统一安排", min_size=1, max_size=10)
_MARK = st.sampled_from(["", "", "strike", "off", *_CHARACTER])
_PARAGRAPH_STYLE = st.sampled_from(["", "", *_PARAGRAPH])


@settings(max_examples=30, deadline=None)
@given(
    paragraphs=st.lists(
        st.tuples(_PARAGRAPH_STYLE, st.lists(st.tuples(_WORDS, _MARK), min_size=1, max_size=4)),
        min_size=1,
        max_size=5,
    )
)
def test_runs_struck_by_any_style_read_as_if_deleted(
    paragraphs: list[tuple[str, list[tuple[str, str]]]],
) -> None:
    """Property: a document whose runs are struck by their own formatting, by a character style, by a
    paragraph style or by both (toggled off) reads as the plain document holding only the runs Word
    prints unstruck, in order — no sentence lost, none doubled; its reference the same."""
    kept = [
        ("", [(text, "") for text, mark in runs if not _struck(style, mark)]) for style, runs in paragraphs
    ]
    kept = [paragraph for paragraph in kept if paragraph[1]]
    struck = read_bytes("通知.docx", _document(paragraphs))
    deleted = read_bytes("通知.docx", _document(kept))
    assert struck.text == deleted.text
    assert struck.reference == deleted.reference
