"""corpus.chunk: paragraphs become passages; long ones split at sentence ends into balanced parts."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import (
    LINE_BREAK,
    Paragraph,
    PassageDraft,
    Speech,
    answers,
    asks,
    chunk_speech,
    split_paragraph,
    split_sentences,
)
from corpus.tables import table_blocks
from index.tokenize import jieba_cut


def sentence(n: int, char: str = "字") -> str:
    """A sentence of exactly n characters, ending with 。"""
    return char * (n - 1) + "。"


def test_a_short_paragraph_is_one_passage() -> None:
    assert split_paragraph("要落实好离休干部每年一次体检的规定。", max_chars=350) == [
        "要落实好离休干部每年一次体检的规定。"
    ]


def test_a_paragraph_of_exactly_max_chars_is_not_split() -> None:
    text = sentence(50) * 7
    assert split_paragraph(text, max_chars=350) == [text]


def test_joining_the_parts_gives_the_original() -> None:
    text = "".join(
        sentence(n, c) for n, c in zip([40, 90, 25, 130, 60, 75, 110], "甲乙丙丁戊己庚", strict=True)
    )
    parts = split_paragraph(text, max_chars=150)
    assert len(parts) > 1
    assert "".join(parts) == text


def test_parts_respect_max_chars() -> None:
    text = "".join(sentence(n) for n in [120, 80, 140, 30, 100, 90, 60, 145])
    parts = split_paragraph(text, max_chars=150)
    assert all(len(p) <= 150 for p in parts)


def test_parts_end_at_sentence_ends() -> None:
    text = "第一句话讲目标。第二句话讲任务！第三句话问问题？第四句话是分号；" * 12
    for part in split_paragraph(text, max_chars=100):
        assert part[-1] in "。！？；"


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = ("他说：“要落实好离休干部每年一次体检的规定。”" + "这是第二句。" * 5) * 6
    for part in split_paragraph(text, max_chars=80):
        assert not part.startswith("”")


def test_parts_are_balanced() -> None:
    text = sentence(50) * 10  # 500 characters: two parts of 250, not 350 + 150
    assert [len(p) for p in split_paragraph(text, max_chars=350)] == [250, 250]


def test_a_short_tail_joins_the_part_before_it() -> None:
    text = sentence(100) * 6 + sentence(10)
    assert [len(p) for p in split_paragraph(text, max_chars=300)] == [200, 200, 210]


def test_a_short_tail_stays_apart_when_joining_would_pass_max_chars() -> None:
    text = sentence(290) + sentence(290, "乙") + sentence(20, "丙")
    parts = split_paragraph(text, max_chars=300)
    assert [len(p) for p in parts] == [290, 290, 20]


def test_a_long_sentence_splits_at_commas() -> None:
    clause = "落实老干部政治待遇和生活待遇，"  # 15 characters
    text = clause * 30 + "。"
    parts = split_paragraph(text, max_chars=100)
    assert "".join(parts) == text
    assert all(len(p) <= 100 for p in parts)
    assert all(p.endswith(("，", "。")) for p in parts)


def test_a_sentence_without_punctuation_is_cut_by_length() -> None:
    text = "甲" * 1000
    parts = split_paragraph(text, max_chars=300)
    assert "".join(parts) == text
    assert all(len(p) <= 300 for p in parts)
    assert len(parts) == 4


def test_sentences_are_split_after_their_end_marks() -> None:
    assert split_sentences("一是尽责。二是保障！“三是统筹？”四是") == [
        "一是尽责。",
        "二是保障！",
        "“三是统筹？”",
        "四是",
    ]


def test_chunk_speech_keeps_paragraph_index_section_and_part() -> None:
    long_paragraph = sentence(60) * 10
    speech = Speech(
        title="标题",
        subtitle=None,
        date=None,
        speaker=None,
        source="讲话.txt",
        ordinal=1,
        label=None,
        paragraphs=(Paragraph("开场白。", None), Paragraph(long_paragraph, "一、总体要求")),
    )
    drafts = chunk_speech(speech, max_chars=350)
    assert [(d.paragraph, d.part, d.section) for d in drafts] == [
        (0, 0, None),
        (1, 0, "一、总体要求"),
        (1, 1, "一、总体要求"),
    ]
    assert drafts[1].text + drafts[2].text == long_paragraph


@pytest.mark.parametrize("max_chars", [20, 75, 350])
@given(
    st.lists(
        st.tuples(st.integers(1, 200), st.sampled_from(["。", "！", "？", "；", "，", ""])),
        min_size=1,
        max_size=30,
    )
)
def test_any_paragraph_splits_losslessly_within_the_limit(
    max_chars: int, pieces: list[tuple[int, str]]
) -> None:
    text = "".join("文" * n + mark for n, mark in pieces)
    parts = split_paragraph(text, max_chars=max_chars)
    assert "".join(parts) == text
    assert all(parts)
    assert all(len(p) <= max_chars for p in parts)


def _unbroken(draft: PassageDraft) -> str:
    """A passage's text without the line breaks set between the table rows (or lines) it joins."""
    return draft.text.replace(LINE_BREAK, "")


def _speech(*paragraphs: Paragraph) -> Speech:
    return Speech("题", None, None, None, "a.txt", 1, None, tuple(paragraphs))


def test_short_paragraphs_of_one_section_merge_up_to_the_target() -> None:
    speech = _speech(
        Paragraph(sentence(80, "甲"), "一、"),
        Paragraph(sentence(80, "乙"), "一、"),
        Paragraph(sentence(80, "丙"), "一、"),
        Paragraph(sentence(30, "丁"), "二、"),
    )
    drafts = chunk_speech(speech, merge_to=200)
    assert [d.text for d in drafts] == [
        sentence(80, "甲") + sentence(80, "乙"),
        sentence(80, "丙"),
        sentence(30, "丁"),
    ]
    assert [(d.paragraph, d.section) for d in drafts] == [(0, "一、"), (2, "一、"), (3, "二、")]


def test_merging_never_crosses_a_section_or_takes_a_table_row() -> None:
    speech = _speech(
        Paragraph(sentence(20, "甲"), "一、"),
        Paragraph(sentence(20, "乙"), "二、"),
        Paragraph("项目：体检；标准：每年一次", "二、", kind="table_row"),
        Paragraph("项目：护理；标准：每月600元", "二、", kind="table_row"),
        Paragraph(sentence(20, "丙"), "二、"),
    )
    texts = [d.text for d in chunk_speech(speech, merge_to=400)]
    assert texts == [
        sentence(20, "甲"),
        sentence(20, "乙"),
        "项目：体检；标准：每年一次",
        "项目：护理；标准：每月600元",
        sentence(20, "丙"),
    ]


def test_without_a_target_every_paragraph_is_a_passage() -> None:
    speech = _speech(Paragraph(sentence(20, "甲"), None), Paragraph(sentence(20, "乙"), None))
    assert len(chunk_speech(speech, merge_to=None)) == 2
    assert len(chunk_speech(speech)) == 2  # the library default: one passage per paragraph
    assert len(chunk_speech(speech, merge_to=200)) == 1


def test_lines_without_a_full_stop_are_not_run_together_when_short_paragraphs_merge() -> None:
    # table rows as a PDF gives them (labelled, no full stop), between two short sentences
    rows = [
        "项目：健康体检；标准：每年两次；责任单位：市人民医院",
        "项目：上门巡诊；标准：每月一次；责任单位：社区卫生服务中心",
    ]
    speech = Speech(
        title="讲话",
        subtitle=None,
        date=None,
        speaker=None,
        source="讲话.pdf",
        ordinal=1,
        label=None,
        paragraphs=tuple(
            Paragraph(text, "一、健康服务") for text in ["下表列出今年的服务项目。", *rows, "要抓好落实。"]
        ),
    )
    texts = [d.text for d in chunk_speech(speech, merge_to=200)]
    assert texts == ["下表列出今年的服务项目。" + rows[0], rows[1], "要抓好落实。"]


def test_a_question_and_its_answer_are_one_passage_whatever_their_sizes() -> None:
    question = "问（退休教师周玉兰）：我们这些退休多年的老同志，还能不能进人才库？怎么报名？"
    answer = "答：能。" + sentence(150, "甲")
    second = "問（退休工程師陸振華）：我們到企業搞技術服務，出了安全問題誰負責？"
    reply = "答：" + sentence(120, "乙")
    speech = _speech(*(Paragraph(t, "四、互动交流") for t in (question, answer, second, reply)))
    for merge_to in (None, 200):  # the pair joins whether or not short paragraphs merge
        texts = [d.text for d in chunk_speech(speech, merge_to=merge_to)]
        assert texts == [question + answer, second + reply]


def test_an_interviewers_line_takes_the_reply_after_it() -> None:
    # 「记者：」 asks; the reply is labelled with the speaker's name, not 答
    speech = _speech(
        Paragraph(sentence(190, "甲"), None),
        Paragraph("记者：今年银发人才工作有哪些新举措？", None),
        Paragraph("沈国栋：" + sentence(100, "乙"), None),
        Paragraph(sentence(30, "丙"), None),
    )
    texts = [d.text for d in chunk_speech(speech, merge_to=None)]
    assert texts == [
        sentence(190, "甲"),
        "记者：今年银发人才工作有哪些新举措？" + "沈国栋：" + sentence(100, "乙"),
        sentence(30, "丙"),
    ]


def test_a_long_answer_is_split_but_never_between_the_question_and_the_answers_first_sentence() -> None:
    question = "问：" + sentence(200, "问")
    answer = "答：" + sentence(60, "甲") + sentence(200, "乙") + sentence(200, "丙")
    drafts = chunk_speech(_speech(Paragraph(question, None), Paragraph(answer, None)), max_chars=250)
    assert "".join(d.text for d in drafts) == question + answer
    assert drafts[0].text.startswith(question + "答：" + sentence(60, "甲"))
    assert all(d.paragraph == 0 for d in drafts)


def test_a_question_across_a_section_or_before_a_table_row_keeps_no_answer() -> None:
    speech = _speech(
        Paragraph("问：这是最后一个问题吗？", "一、"),
        Paragraph("答：不是。", "二、"),
        Paragraph("问：表里写了什么？", "二、"),
        Paragraph("项目：体检；标准：每年一次", "二、", kind="table_row"),
    )
    texts = [d.text for d in chunk_speech(speech, merge_to=None)]
    assert texts == [p.text for p in speech.paragraphs]
    # merged by size, an unanswered question is a paragraph like any other; the table row stays apart
    texts = [d.text for d in chunk_speech(speech, merge_to=200)]
    assert texts == ["问：这是最后一个问题吗？", "答：不是。问：表里写了什么？", "项目：体检；标准：每年一次"]


def test_short_question_and_answer_pairs_merge_by_size_like_any_paragraphs() -> None:
    # a 问答 notice of short pairs (as tests/fixtures/notices/n21-wenda-jiedu.txt): passages of the usual
    # size, each pair whole, rather than one small passage per pair
    pairs = [(f"问：第{n}个问题是什么？", "答：" + sentence(40, "甲乙丙丁戊己"[n])) for n in range(6)]
    speech = _speech(*(Paragraph(t, "一、") for pair in pairs for t in pair))
    texts = [d.text for d in chunk_speech(speech, merge_to=200)]
    unit = [q + a for q, a in pairs]  # 53 characters each: three fit in 200, four do not
    assert texts == ["".join(unit[:3]), "".join(unit[3:])]
    assert [d.text for d in chunk_speech(speech, merge_to=None)] == unit


def test_a_question_opens_a_passage_when_the_one_before_has_no_room_for_it_and_its_answer() -> None:
    intro = sentence(120, "甲")
    question, answer = "问：异地居住的老党员怎样参加组织生活？", "答：" + sentence(70, "乙")
    speech = _speech(*(Paragraph(t, None) for t in (intro, question, answer, sentence(20, "丙"))))
    # the question alone would fit after the introduction (120 + 19 <= 200), the pair does not
    texts = [d.text for d in chunk_speech(speech, merge_to=200)]
    assert texts == [intro, question + answer + sentence(20, "丙")]
    # with room for the pair it joins the passage before it
    texts = [d.text for d in chunk_speech(speech, merge_to=230)]
    assert texts == [intro + question + answer, sentence(20, "丙")]


_QUESTION_LINES = st.sampled_from(
    ["问：", "問：", "问（退休教师周玉兰）：", "問（記者）：", "记者：", "記者：", "问3：", "Q："]
)
_ANSWER_LINES = st.sampled_from(["答：", "答（局长）：", "A：", "沈国栋："])


@st.composite
def _interview(draw: st.DrawFn) -> list[Paragraph]:
    """Paragraphs of an interview or FAQ: questions, answers, plain paragraphs, table rows, sections."""
    paragraphs = []
    for n in range(draw(st.integers(1, 12))):
        section = draw(st.sampled_from([None, "一、", "二、"]))
        kind = draw(st.sampled_from(["question", "answer", "text", "text", "table_row"]))
        body = "".join(
            sentence(draw(st.integers(2, 160)), "甲乙丙丁戊己庚辛壬癸"[(n + i) % 10])
            for i in range(draw(st.integers(1, 4)))
        )
        if kind == "question":
            body = draw(_QUESTION_LINES) + body[:-1] + "？"
        elif kind == "answer":
            body = draw(_ANSWER_LINES) + body
        paragraphs.append(Paragraph(body, section, kind="table_row" if kind == "table_row" else "text"))
    return paragraphs


@settings(max_examples=300)
@given(_interview(), st.sampled_from([None, 200]), st.integers(60, 400))
def test_every_sentence_is_in_one_passage_in_order_and_a_question_stays_with_its_answer(
    paragraphs: list[Paragraph], merge_to: int | None, max_chars: int
) -> None:
    drafts = chunk_speech(_speech(*paragraphs), max_chars=max_chars, merge_to=merge_to)
    # nothing lost, nothing doubled, nothing reordered
    assert "".join(_unbroken(d) for d in drafts) == "".join(p.text for p in paragraphs)
    assert all(d.text for d in drafts)
    # a passage never crosses a section: every paragraph it overlaps is in its section
    starts = [sum(len(p.text) for p in paragraphs[:i]) for i in range(len(paragraphs) + 1)]
    at = 0
    for d in drafts:
        overlapped = [
            i for i in range(len(paragraphs)) if starts[i] < at + len(_unbroken(d)) and at < starts[i + 1]
        ]
        assert {paragraphs[i].section for i in overlapped} == {d.section}
        assert d.paragraph == overlapped[0] or starts[d.paragraph] < at  # a later part of a split paragraph
        at += len(_unbroken(d))
    # a question's last sentence and the first sentence of the paragraph answering it share a passage
    for before, after in pairwise(paragraphs):
        if (
            before.kind == after.kind == "text"
            and before.section == after.section
            and asks(before.text)
            and not asks(after.text)
        ):
            joined = split_sentences(before.text)[-1] + split_sentences(after.text)[0]
            assert any(joined in d.text for d in drafts)


def _question_spans(paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """(start, end) offsets in the joined text of each question line followed by its answer, from the
    question's start to the end of the answer's first sentence."""
    starts = [sum(len(p.text) for p in paragraphs[:i]) for i in range(len(paragraphs) + 1)]
    return [
        (starts[i], starts[i + 1] + len(split_sentences(after.text)[0]))
        for i, (before, after) in enumerate(pairwise(paragraphs))
        if before.kind == after.kind == "text"
        and before.section == after.section
        and asks(before.text)
        and not asks(after.text)
    ]


@settings(max_examples=300)
@given(_interview(), st.sampled_from([None, 200]), st.integers(60, 400))
def test_no_passage_ends_on_a_question_its_answer_follows_and_sizes_stay_within_the_limits(
    paragraphs: list[Paragraph], merge_to: int | None, max_chars: int
) -> None:
    drafts = chunk_speech(_speech(*paragraphs), max_chars=max_chars, merge_to=merge_to)
    bounds = [0]
    for d in drafts:
        bounds.append(bounds[-1] + len(_unbroken(d)))
    spans = _question_spans(paragraphs)
    starts = [sum(len(p.text) for p in paragraphs[:i]) for i in range(len(paragraphs))]
    text_at = {at: p.text for at, p in zip(starts, paragraphs, strict=True) if p.kind == "text"}
    # never cut inside a question line, nor between it and its answer's first sentence
    assert not any(start < at < end for at in bounds for start, end in spans)
    for (start, end), d in zip(pairwise(bounds), drafts, strict=True):
        questions = [(s, e) for s, e in spans if start <= s < end]
        if merge_to is None:  # one passage per paragraph: a question opens its passage
            assert all(s == start for s, _ in questions)
        else:  # a question joins the passage before it only with its answer and within the target
            assert all(e - start <= merge_to for s, e in questions if s > start)
        if (
            len(_unbroken(d)) > max_chars
        ):  # too long only to hold a question (or labelled answer) and the answer
            answered = [s for s, e in spans if s < end and start < e]
            labelled = [s for s in starts if start < s < end and answers(text_at.get(s, ""))]
            assert answered or labelled
            if merge_to is None or merge_to <= max_chars:  # as speechqa runs (200, 350): one long pair,
                assert all(s <= start for s in answered)  # not several glued together


def test_a_lead_in_and_the_items_it_introduces_are_one_passage() -> None:
    # a notice's 「一、安置条件」: a lead-in ending on a colon, then items the reader numbers as sub-sections
    items = [
        "（一）配偶或者子女在外地工作、定居的；",
        "（二）本人年满75周岁，在本市无直系亲属照顾的；",
        "（三）因患重大疾病的。",
    ]
    speech = _speech(
        Paragraph("退休干部符合下列条件之一的，本人可以申请异地安置：", "一、安置条件"),
        *(Paragraph(item, f"一、安置条件 › {item[:-1]}") for item in items),
        Paragraph("本人提出书面申请。", "二、申请程序"),
    )
    drafts = chunk_speech(speech, merge_to=200)
    assert [(d.text, d.section) for d in drafts] == [
        ("退休干部符合下列条件之一的，本人可以申请异地安置：" + "".join(items), "一、安置条件"),
        ("本人提出书面申请。", "二、申请程序"),
    ]
    # up to the target only: the items that do not fit stay passages of their own, as before
    short = chunk_speech(speech, merge_to=60)
    assert [d.section for d in short][:3] == [
        "一、安置条件",
        f"一、安置条件 › {items[1][:-1]}",
        f"一、安置条件 › {items[2][:-1]}",
    ]
    assert short[0].text == "退休干部符合下列条件之一的，本人可以申请异地安置：" + items[0]
    # without a target (the library API's default) every paragraph stays a passage
    assert len(chunk_speech(speech)) == 5


def test_a_lead_in_takes_nothing_from_another_section_or_a_table() -> None:
    speech = _speech(
        Paragraph(
            "现将有关事项通知如下：", None
        ),  # a notice's opening: the sections after it are not its items
        Paragraph(sentence(20, "甲"), "一、时间"),
        Paragraph("享受下列补助：", "二、待遇"),
        Paragraph("项目：安家补助费；标准：3000元", "二、待遇", kind="table_row"),
        Paragraph("如下：", "三、其他"),
        Paragraph(sentence(20, "乙"), "四、附则"),
    )
    texts = [d.text for d in chunk_speech(speech, merge_to=400)]
    assert texts == [p.text for p in speech.paragraphs]


section_paths = st.sampled_from(
    [None, "一、", "一、 › （一）甲", "一、 › （二）乙", "二、", "二、 › （一）丙"]
)
paragraph_texts = st.builds(
    lambda body, end: body + end,
    st.text(alphabet="甲乙丙丁", min_size=1, max_size=90),
    st.sampled_from(["。", "；", "：", ""]),
)


@settings(max_examples=150)
@given(st.lists(st.tuples(paragraph_texts, section_paths, st.booleans()), min_size=1, max_size=12))
def test_merging_loses_and_repeats_nothing_and_keeps_the_order(
    rows: list[tuple[str, str | None, bool]],
) -> None:
    speech = _speech(*(Paragraph(t, s, kind="table_row" if table else "text") for t, s, table in rows))
    drafts = chunk_speech(speech, max_chars=10_000, merge_to=200)
    assert "".join(_unbroken(d) for d in drafts) == "".join(t for t, _, _ in rows)
    starts = [d.paragraph for d in drafts]
    assert starts == sorted(set(starts))  # each passage starts at a later paragraph than the one before
    for d in drafts:  # a merged passage stays within the target; one paragraph alone may be longer
        assert len(_unbroken(d)) <= 200 or d.text == rows[d.paragraph][0]


def test_a_lead_in_takes_no_sub_section_with_a_heading_of_its_own() -> None:
    # 「按下列程序进行：」 over 「（一）本人申请」「（二）审核批准」, each a heading over its paragraph: the paragraphs
    # are no items; taken into the lead-in's passage, their headings were in neither its text nor its section
    speech = _speech(
        Paragraph("办理异地安置，按下列程序进行：", "二、办理程序"),
        Paragraph("本人向原工作单位提出书面申请。", "二、办理程序 › （一）本人申请"),
        Paragraph("市委老干部局在二十个工作日内完成审核。", "二、办理程序 › （二）审核批准"),
    )
    drafts = chunk_speech(speech, merge_to=200)
    assert [(d.text, d.section) for d in drafts] == [(p.text, p.section) for p in speech.paragraphs]
    # an item's sub-section may go on after the item: that paragraph comes with it
    listed = _speech(
        Paragraph("符合下列条件之一的，可以申请：", "一、条件"),
        Paragraph("（一）配偶在外地的；", "一、条件 › （一）配偶在外地的"),
        Paragraph("（二）其他特殊情况的。", "一、条件 › （二）其他特殊情况的"),
        Paragraph("由本人提出书面申请。", "一、条件 › （二）其他特殊情况的"),
    )
    assert [d.text for d in chunk_speech(listed, merge_to=200)] == [
        "".join(p.text for p in listed.paragraphs)
    ]


_CELL = st.text(alphabet="甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳", min_size=2, max_size=40)


@st.composite
def _tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """A table: a header of 2–5 short labels, then 2–15 rows of distinct cells (cells of any length)."""
    columns = draw(st.integers(2, 5))
    header = [f"栏{'一二三四五'[c]}" for c in range(columns)]
    rows = draw(st.lists(st.lists(_CELL, min_size=columns, max_size=columns), min_size=2, max_size=15))
    rows = [[f"第{r}行{c}列{cell}末" for c, cell in enumerate(row)] for r, row in enumerate(rows)]  # distinct
    return header, rows


@settings(max_examples=200)
@given(_tables(), st.sampled_from([None, 200]))
def test_every_cell_of_a_table_reaches_one_passage_once_under_its_column_head(
    table: tuple[list[str], list[list[str]]], merge_to: int | None
) -> None:
    """A table's rows as passages: each cell in exactly one passage, once, labelled by its column's header in
    the passage it reaches (the head travels with the row); no row is cut or merged."""
    header, rows = table
    blocks = table_blocks([header, *rows])
    paragraphs = [Paragraph(b.text, "附表", kind=b.kind) for b in blocks]
    drafts = chunk_speech(_speech(*paragraphs), max_chars=350, merge_to=merge_to)
    lines = [line for d in drafts for line in d.text.split(LINE_BREAK)]
    assert sorted(lines) == sorted(b.text for b in blocks)  # whole rows, each once
    for row in rows:
        for label, cell in zip(header, row, strict=True):
            holding = [d for d in drafts if cell in d.text]
            assert len(holding) == 1 and holding[0].text.count(cell) == 1
            assert f"{label}：{cell}" in holding[0].text
    if merge_to:
        assert all(len(d.text) <= merge_to or LINE_BREAK not in d.text for d in drafts)


def test_lines_without_an_end_mark_merged_after_a_lead_in_stay_apart_on_lines() -> None:
    """A diagram's nodes under 「分工如下：」 (cold16's SmartArt plan): each ends without 「。」, and merged into the
    lead-in's passage they ran together (「…年度考核澄江分队队长：…」)."""
    nodes = [
        "总队长：邢知远，负责志愿服务队的组织协调和年度考核",
        "澄江分队队长：管月林，负责澄江城区段，全长12公里；队员32名",
        "白鹭湖分队队长：施宏图，负责白鹭湖环湖步道。",
        "青石溪分队队长：柏若愚，负责青石溪上游段",
    ]
    speech = _speech(
        Paragraph("志愿服务队设一个总队、三个分队，分工如下：", "二、组织架构"),
        *(Paragraph(node, "二、组织架构") for node in nodes),
    )
    (draft,) = chunk_speech(speech, merge_to=400)
    assert draft.text == (
        "志愿服务队设一个总队、三个分队，分工如下："  # a colon keeps its item apart already
        f"{nodes[0]}\n{nodes[1]}\n{nodes[2]}{nodes[3]}"  # after 「。」 nothing is added
    )


# halves of words jieba reads whole (老年大学, 活动中心, 报名时间, 离休干部): a line ending on one and the next
# opening with its partner ran together into one word
_WORDS = st.sampled_from(["老年", "大学", "活动", "中心", "报名", "时间", "离休", "干部", "32", "名"])
_LINE = st.builds(
    lambda words, end: "".join(words) + end,
    st.lists(_WORDS, min_size=1, max_size=8),
    st.sampled_from(["", "", "。", "；", "：", "）"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_LINE, st.sampled_from(["text", "text", "table_row"])), min_size=1, max_size=10))
def test_no_two_source_lines_become_one_token_run(lines: list[tuple[str, str]]) -> None:
    """Whatever the chunker merges — a lead-in's items, sentences, a table's rows — the tokenizer the lexical
    index uses never reads a word across the end of one source line and the start of the next."""
    paragraphs = [Paragraph("通知如下：", "一、"), *(Paragraph(t, "一、", kind=k) for t, k in lines)]
    drafts = chunk_speech(_speech(*paragraphs), max_chars=10_000, merge_to=200)
    assert "".join(_unbroken(d) for d in drafts) == "".join(p.text for p in paragraphs)
    for draft in drafts:
        tokens = jieba_cut(draft.text)
        assert "".join(tokens) == draft.text
        ends = {sum(len(t) for t in tokens[: i + 1]) for i in range(len(tokens))}
        starts = _line_starts(draft, paragraphs)
        assert all(start in ends or start == 0 for start in starts), (draft.text, tokens)


def _line_starts(draft: PassageDraft, paragraphs: list[Paragraph]) -> list[int]:
    """Offsets in a passage's text at which one of the source lines it merges begins."""
    starts, at, index = [], 0, draft.paragraph
    while at < len(draft.text) and index < len(paragraphs):
        if draft.text.startswith(LINE_BREAK, at):
            at += len(LINE_BREAK)
        text = paragraphs[index].text
        assert draft.text.startswith(text, at)
        starts.append(at)
        at += len(text)
        index += 1
    return starts
