"""Telegram HTML within limits: pure tests of bot/format.py, with hypothesis for the guarantees."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.format import (
    ELLIPSIS,
    NO_MORE,
    TEXT_LIMIT,
    Piece,
    fit,
    plain_length,
    render_answer,
    render_stats,
    shorten,
    to_html,
    utf16_len,
)
from index import PassageRecord, PinRecord, PinState, QueryStats
from retrieval import (
    NO_ANSWER_NOTE,
    SMALL_TALK_REPLIES,
    Answer,
    FilterReport,
    Filters,
    Hit,
    Typo,
    highlight_spans,
)

from .fake_telegram import parse_html

SENTENCES = "第一句话讲体检。第二句话讲待遇，还有逗号。第三句话讲老年大学！第四句话讲离休干部的规定。"


def passage(
    text: str, pid: int = 1, section: str | None = "一、总体要求", date: str | None = "2024-03-13"
) -> PassageRecord:
    return PassageRecord(pid, 2, pid, section, text, "h", "讲话标题", date, "沈伟" if date else None)


def answer_of(
    texts: list[str],
    terms: tuple[str, ...] = (),
    *,
    answered: bool = True,
    offset: int = 0,
    has_more: bool = False,
) -> Answer:
    hits = tuple(
        Hit(offset + i + 1, 1.0, passage(t, i + 1), None, None, highlight_spans(t, terms))
        for i, t in enumerate(texts)
    )
    return Answer("问题？", answered, hits, terms, "hybrid", offset, has_more, 1.0)


def marked(text: str, marks: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[s:e] for s, e in marks]


# -- shorten ----------------------------------------------------------------------------------------
def test_text_within_budget_is_unchanged() -> None:
    assert shorten("短句。", [(0, 1)], 10) == ("短句。", ((0, 1),))


def test_text_is_cut_at_a_sentence_end_with_an_ellipsis() -> None:
    text, _ = shorten(SENTENCES, [], 30)
    assert text == "第一句话讲体检。第二句话讲待遇，还有逗号。" + ELLIPSIS
    assert utf16_len(text) <= 30


def test_without_a_sentence_end_nearby_the_cut_falls_on_a_clause_break() -> None:
    text, _ = shorten("甲乙丙丁戊己庚辛，壬癸子丑寅卯辰巳，午未申酉", [], 20)
    assert text == "甲乙丙丁戊己庚辛，壬癸子丑寅卯辰巳" + ELLIPSIS


def test_an_excerpt_starts_at_the_sentence_of_the_first_highlight_when_it_would_be_cut_off() -> None:
    text = "无关的开头。" * 20 + "这里讲离休干部体检规定。后面还有很多内容。" * 5
    start = text.index("离休干部")
    text_out, marks = shorten(text, [(start, start + 4)], 40)
    assert text_out.startswith(ELLIPSIS + "这里讲离休干部体检规定。")
    assert marked(text_out, marks) == ["离休干部"]
    assert utf16_len(text_out) <= 40


def test_marks_are_moved_and_clipped_with_the_text() -> None:
    text = "体检规定写得很清楚。" * 10
    spans = highlight_spans(text, ["体检"])
    out, marks = shorten(text, spans, 25)
    assert all(piece == "体检" for piece in marked(out, marks))
    assert len(marks) == out.count("体检")


def test_emoji_count_twice_as_telegram_counts_them() -> None:
    assert utf16_len("😀a") == 3
    out, _ = shorten("😀" * 10, [], 7)
    assert utf16_len(out) <= 7 and out == "😀" * 3 + ELLIPSIS


@given(
    st.text(alphabet=st.sampled_from(list("离休干部体检。，！<>&😀\n ab")), max_size=300),
    st.integers(min_value=0, max_value=320),
    st.lists(st.sampled_from(["体检", "离休", "<>", "😀", "a"]), max_size=3),
)
def test_shorten_always_fits_and_keeps_marks_on_text(text: str, budget: int, terms: list[str]) -> None:
    spans = highlight_spans(text, terms)
    out, marks = shorten(text, spans, budget)
    assert utf16_len(out) <= max(budget, 0)
    previous_end = 0
    for s, e in marks:
        assert previous_end <= s < e <= len(out)
        previous_end = e
        assert out[s:e].lower() in text.lower()


# -- fit --------------------------------------------------------------------------------------------
def test_fit_shortens_the_longest_passages_first_and_leaves_the_rest() -> None:
    pieces = [Piece("标题", "b"), Piece("短" * 10, shrink=True), Piece("长" * 300, shrink=True)]
    fitted = fit(pieces, 200)
    assert plain_length(fitted) <= 200
    assert fitted[0].text == "标题" and fitted[1].text == "短" * 10
    assert fitted[2].text.endswith(ELLIPSIS)


def test_fit_shortens_everything_when_fixed_text_alone_is_too_long() -> None:
    fitted = fit([Piece("标" * 300, "b"), Piece("文" * 50, shrink=True)], 100)
    assert plain_length(fitted) <= 100
    assert parse_html(to_html(fitted))[0] == "".join(p.text for p in fitted)


def test_to_html_escapes_every_piece_and_bolds_marks() -> None:
    html = to_html([Piece("a<b>&c", "i"), Piece("x & 体检 > y", marks=((4, 6),))])
    assert html == "<i>a&lt;b&gt;&amp;c</i>x &amp; <b>体检</b> &gt; y"


# -- answers ----------------------------------------------------------------------------------------
def test_answer_shows_source_section_and_bold_query_words() -> None:
    view = render_answer(answer_of(["要落实好离休干部每年一次体检的规定。"], ("离休干部", "体检")))
    plain, _ = parse_html(view.html)
    assert (
        "1. 讲话标题\n2024-03-13 · 沈伟 · 讲话 #2\n§ 一、总体要求\n要落实好离休干部每年一次体检的规定。"
        in plain
    )
    assert "<b>离休干部</b>每年一次<b>体检</b>" in view.html
    assert NO_ANSWER_NOTE not in plain and view.next_offset is None


def test_an_unanswered_question_is_marked_and_its_passages_flagged() -> None:
    view = render_answer(answer_of(["一段话。", "另一段。"], answered=False))
    plain, _ = parse_html(view.html)
    assert NO_ANSWER_NOTE in plain and plain.count("（可能不相关）") == 3


def test_an_over_long_page_shows_fewer_passages_and_says_where_the_next_page_starts() -> None:
    view = render_answer(answer_of(["很长的段落。" * 120] * 60, offset=5))
    plain, _ = parse_html(view.html)
    assert utf16_len(plain) <= TEXT_LIMIT
    assert 1 <= len(view.hits) < 60
    assert view.next_offset == 5 + len(view.hits)
    assert all(len(block) > 80 for block in plain.split("\n\n")[1:])


@pytest.mark.parametrize(
    ("level", "answered", "shown"),
    [("high", True, "直接相关"), ("medium", True, "可能相关"), ("low", False, "未找到直接回答")],
)
def test_the_answer_says_how_sure_it_is_in_words_not_a_score(level: str, answered: bool, shown: str) -> None:
    base = answer_of(["要落实好离休干部每年一次体检的规定。"], answered=answered)
    view = render_answer(replace(base, confidence=level, probability=0.5))
    plain, _ = parse_html(view.html)
    assert shown in plain
    assert "score" not in plain and "1.000" not in plain
    assert (NO_ANSWER_NOTE in plain) == (level == "low")


@pytest.mark.parametrize("kind", ["thanks", "greeting", "farewell", "ack"])
def test_small_talk_gets_a_short_friendly_reply_without_passages(kind: str) -> None:
    view = render_answer(Answer("谢谢", False, (), (), "hybrid", 0, False, 0.0, small_talk=kind))  # type: ignore[arg-type]
    plain, _ = parse_html(view.html)
    assert plain == SMALL_TALK_REPLIES[kind]  # type: ignore[index]
    assert view.hits == () and view.next_offset is None


def test_empty_library_answer() -> None:
    view = render_answer(Answer("问题", False, (), (), "hybrid", 0, False, 0.0))
    assert "还没有任何讲话" in parse_html(view.html)[0] and view.hits == ()


hostile = st.text(
    alphabet=st.sampled_from(list("离休干部体检规定。，！？<>&\"'😀𝄞\n abc")), min_size=1, max_size=900
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(hostile, min_size=1, max_size=40),
    st.lists(st.sampled_from(["体检", "离休干部", "<", "&", "😀", "a"]), max_size=3),
    st.booleans(),
    st.text(alphabet=st.sampled_from(list("标题<>&😀 ")), min_size=1, max_size=300),
    st.text(alphabet=st.sampled_from(list("章节<>&😀 ›")), max_size=300),
)
def test_any_answer_is_valid_html_within_4096(
    texts: list[str], terms: list[str], answered: bool, title: str, section: str
) -> None:
    hits = tuple(
        Hit(
            i + 1,
            1.0,
            PassageRecord(i + 1, 1, i, section or None, t, "h", title, "2024-01-01", "讲话人<&>"),
            None,
            None,
            highlight_spans(t, terms),
        )
        for i, t in enumerate(texts)
    )
    answer = Answer("问题<&>😀" * 30, answered, hits, tuple(terms), "hybrid", 0, True, 1.0)
    view = render_answer(answer)
    plain, _ = parse_html(view.html)  # strict: balanced tags, every & < > escaped
    assert utf16_len(plain) <= TEXT_LIMIT
    assert plain.strip()
    assert 1 <= len(view.hits) <= len(texts) and view.next_offset == len(view.hits)
    assert not re.search(r"<(?!/?(b|i|blockquote)>)", view.html)


def test_stats_message() -> None:
    stats = QueryStats(10, 7, 3, 1, 123.4, (("telegram", 8), ("cli", 2)), (("取暖费标准<&>？", 2),))
    plain, _ = parse_html(render_stats(stats))
    assert "提问：10 次（Telegram 8 · 命令行 2）" in plain
    assert "有答案：7 次（70%）" in plain and "反馈：👍 3 · 👎 1" in plain
    assert "1. 取暖费标准<&>？（2 次）" in plain


def test_the_answer_sentence_comes_first_in_bold_and_survives_shortening() -> None:
    from retrieval import AnswerSentence

    sentence = "第四句话讲离休干部的规定。"
    text = SENTENCES * 20  # far too long for one message with its neighbours
    start = text.index(sentence)
    hits = tuple(
        Hit(
            i + 1,
            1.0,
            passage(text, i + 1),
            None,
            None,
            (),
            AnswerSentence(sentence, start, start + len(sentence), 0.9),
        )
        for i in range(5)
    )
    view = render_answer(Answer("问题？", True, hits, (), "hybrid", 0, False, 1.0))
    assert view.html.count(f"<b>要点：{sentence}</b>") == len(view.hits)
    assert utf16_len(parse_html(view.html)[0]) <= TEXT_LIMIT


def test_a_result_without_a_date_says_so_and_every_result_names_its_speech() -> None:
    hits = (Hit(1, 1.0, passage("一段话。", date=None), None, None, ()),)
    plain, _ = parse_html(render_answer(Answer("问题？", True, hits, (), "hybrid", 0, False, 1.0)).html)
    assert "1. 讲话标题\n日期不详 · 讲话 #2\n" in plain


def test_passages_past_relevance_are_marked_and_the_last_page_says_the_results_end() -> None:
    base = answer_of(["相关的一段。", "不太相关的一段。"])
    hits = (base.hits[0], replace(base.hits[1], relevant=False))
    plain, _ = parse_html(render_answer(replace(base, hits=hits)).html)
    first, second = plain.split("\n\n")[1:3]
    assert "（可能不相关）" not in first and "2. 讲话标题（可能不相关）" in second
    assert plain.endswith(NO_MORE)
    more, _ = parse_html(render_answer(replace(base, has_more=True)).html)
    assert NO_MORE not in more  # a further page: nothing ends yet


def test_filters_and_pins_are_shown() -> None:
    base = answer_of(["标准答案的一段。", "另一段。"])
    pinned = (replace(base.hits[0], pinned=True), base.hits[1])
    detected = Filters(speakers=("沈伟",), since="2024-01-01", until="2024-12-31")
    report = FilterReport(detected, detected, 57, fallback=False)
    plain, _ = parse_html(render_answer(replace(base, hits=pinned, filters=report)).html)
    assert plain.split("\n")[1] == "仅限：沈伟 · 2024 年（由问题识别，可点「取消筛选」）"
    assert "1. 讲话标题 📌 标准答案\n" in plain and "2. 讲话标题\n" in plain
    nothing = FilterReport(Filters(speeches=(9,)), Filters(), 0, fallback=True)
    plain, _ = parse_html(render_answer(replace(base, filters=nothing)).html)
    assert (
        plain.split("\n")[1]
        == "没有编号为 #9 的讲话（发送 /speeches 查看编号），以下是在全部讲话中查找的结果。"
    )
    nobody = FilterReport(Filters(speakers=("李四",)), Filters(), 0, fallback=True)
    plain, _ = parse_html(render_answer(replace(base, filters=nobody)).html)
    assert plain.split("\n")[1] == "筛选条件「李四」下没有任何讲话，以下是不加筛选的结果。"
    # a name one character off the library's speakers gets the CLI's typo hint, in the CLI's words
    typo = FilterReport(Filters(speakers=("沈玮",)), Filters(), 0, fallback=True, near_speakers=("沈伟",))
    plain, _ = parse_html(render_answer(replace(base, filters=typo)).html)
    assert (
        plain.split("\n")[1] == "筛选条件「沈玮」下没有任何讲话（是不是「沈伟」？），以下是不加筛选的结果。"
    )
    assert plain.split("\n")[1].startswith(typo.unmatched_note)


def test_stats_flag_pins_whose_passage_changed_or_vanished() -> None:
    stats = QueryStats(3, 2, 1, 0, 12.0, (("telegram", 3),), ())

    def pin(pid: int, question: str) -> PinRecord:
        return PinRecord(pid, question, 7, 2, "h", "原文", "讲话标题", "1002", "2026-11-30T02:00:00+0000")

    pins = [
        PinState(pin(1, "体检规定"), "ok", passage("原文")),
        PinState(pin(2, "老年大学<怎么办>"), "changed", None),
        PinState(pin(3, "活动中心"), "vanished", None),
    ]
    html = render_stats(stats, pins)
    plain, _ = parse_html(html)
    assert "📌 标准答案：3 条，2 条需要复核" in plain
    assert "⚠️ #2 老年大学<怎么办>（原文已修改）" in plain and "⚠️ #3 活动中心（原文所在讲话已删除）" in plain
    assert "体检规定" not in plain and "&lt;怎么办&gt;" in html
    assert "标准答案" not in parse_html(render_stats(stats))[0]


def test_an_upload_much_like_a_stored_speech_warns_that_both_will_be_served() -> None:
    from bot.format import render_ingest
    from index import AddOutcome, FileOutcome

    added = AddOutcome(9, "关于春节慰问的通知", "added", 4, similar_to=3, similarity=0.91)
    html = render_ingest([FileOutcome("更正版.docx", (added,))], None)
    assert (
        "新增 #9" in html and "与已有的 #3 内容相近（重合 91%）" in html and "点下方「删除旧版 #3」" in html
    )
    plain = AddOutcome(10, "另一篇", "added", 2)
    assert "内容相近" not in render_ingest([FileOutcome("另一篇.docx", (plain,))], None)


def test_the_upload_report_passes_on_what_the_reader_could_not_read() -> None:
    from bot.format import render_ingest
    from index import AddOutcome, FileOutcome

    note = "第 3、4 页是扫描图片，未安装 OCR 组件，未能读取：pip install 'speechqa[ocr]'"
    added = AddOutcome(9, "关于春节慰问的通知", "added", 4)
    html = render_ingest([FileOutcome("通知.pdf", (added,), notes=(note,))], None)
    assert f"⚠️ {note}" in parse_html(html)[0]


def test_a_corrected_typo_is_said_before_the_results() -> None:
    answer = replace(answer_of(["要认真做好“双先”典型推荐选树工作。"]), typos=(Typo("典形", "典型", 2),))
    view = render_answer(answer)
    assert "已按「典型」查找（问题中为「典形」）" in view.html
