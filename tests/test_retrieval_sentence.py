"""The answer sentence: sentence splitting with offsets, and the choice of the best span."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from retrieval import WeightedTerm, answer_sentence, split_sentences
from retrieval.answer_type import AnswerKind
from retrieval.sentence import (
    SENTENCE_ENDS,
    answered_questions,
    best_sentence_score,
    lexical_sentence_score,
    names_only,
    present_terms,
    span_score,
)
from retrieval.sentence_model import bundled_sentence_model

PASSAGE = (
    "三是进一步完善“三个机制”，落实好离休干部的生活待遇。落实好老干部的生活待遇，是党的老干部工作的基本政策原则。"
    "要落实好离休干部每年一次体检的规定，千方百计为离休干部看病治疗提供更多的方便。"
)


def terms(*pairs: tuple[str, float]) -> list[WeightedTerm]:
    return [WeightedTerm(t, w) for t, w in pairs]


def test_sentences_are_cut_after_end_marks_with_closing_quotes_kept() -> None:
    text = "他说：“要落实好。”然后呢？  第三句；第四句\n第五句"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "他说：“要落实好。”",
        "然后呢？",
        "第三句；",
        "第四句",
        "第五句",
    ]


def test_an_ascii_mark_inside_a_web_address_or_a_code_ends_no_sentence() -> None:
    """「?x=1」 of a link in a notice was taken for a sentence's end: the 要点 shown began 「x=1&y=2 填写表格」."""
    text = "一、登录网站https://example.org/sign?x=1&y=2;z=3 填写表格!二、费用自理? 是的;谢谢。"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "一、登录网站https://example.org/sign?x=1&y=2;z=3 填写表格!",
        "二、费用自理?",
        "是的;",
        "谢谢。",
    ]


@given(st.text(alphabet="是的x1/ ?!;。？", max_size=30))
def test_an_ascii_mark_followed_by_no_letter_digit_or_address_character_still_ends_a_sentence(
    text: str,
) -> None:
    ends = [e for _, e in split_sentences(text)]
    for i, c in enumerate(text[:-1]):
        if c in "?!" and text[i + 1] not in "x1/?!;。？" and text[i + 1 :].strip():
            assert any(e == i + 1 for e in ends)


def test_a_text_without_end_marks_is_one_sentence_and_blank_text_none() -> None:
    assert split_sentences("  没有句号的一段话  ") == [(2, 10)]
    assert split_sentences("   ") == []
    assert answer_sentence("   ", terms(("体检", 1.0))) is None


def test_the_sentence_holding_the_rare_question_words_is_chosen() -> None:
    found = answer_sentence(PASSAGE, terms(("离休干部", 1.0), ("体检", 3.0), ("规定", 1.5)))
    assert found is not None
    assert found.text == "要落实好离休干部每年一次体检的规定，千方百计为离休干部看病治疗提供更多的方便。"
    assert PASSAGE[found.start : found.end] == found.text
    assert 0 < found.score <= 1


def test_words_close_together_beat_the_same_words_far_apart() -> None:
    near = span_score("体检规定", terms(("体检", 1.0), ("规定", 1.0)))
    far = span_score("体检" + "的" * 30 + "规定", terms(("体检", 1.0), ("规定", 1.0)))
    assert near[0] == far[0] == 1.0
    assert near[1] > far[1]


LEAD = "路德维希·普朗特，德国力学家，现代空气动力学之父。1953年8月15日卒于哥廷根。他的学生遍布各国。"


def test_a_one_character_word_of_the_question_chooses_the_sentence_but_does_not_score_it() -> None:
    words = terms(("路德维希", 1.0), ("普朗特", 1.0))  # 「普朗特卒于哪年」: the lead sentence holds both
    plain = answer_sentence(LEAD, words, topic="路德维希·普朗特")
    assert plain is not None and plain.text.startswith("路德维希·普朗特，")
    found = answer_sentence(LEAD, words, topic="路德维希·普朗特", extra=terms(("卒", 2.0)))
    assert found is not None and found.text == "1953年8月15日卒于哥廷根。"
    assert found.score == 0.0  # by the question's own longer words, which this sentence lacks


def test_a_sentence_holding_the_kind_of_answer_asked_for_wins_a_tie() -> None:
    text = "紫冠雉是凤冠雉科的鸟类，分布在墨西哥。紫冠雉是大型的鸟类，一般长86厘米。"
    words = terms(("紫冠雉", 1.0))
    assert answer_sentence(text, words) == answer_sentence(text, words, kind="time")  # no time in either
    first = answer_sentence(text, words)
    assert first is not None and first.text.startswith("紫冠雉是凤冠雉科")
    found = answer_sentence(text, words, kind="amount")  # 「紫冠雉有多长」
    assert found is not None and found.text == "紫冠雉是大型的鸟类，一般长86厘米。"
    assert found.score == first.score  # the bonus chooses, it is not part of the score


def test_two_sentences_are_shown_when_the_answer_runs_across_both() -> None:
    text = "一是抓好体检。每年一次，费用由财政保障。三是其他工作。"
    found = answer_sentence(text, terms(("体检", 1.0), ("费用", 1.0), ("财政", 1.0)))
    assert found is not None and found.text == "一是抓好体检。每年一次，费用由财政保障。"


def test_a_longer_word_found_only_in_part_still_counts() -> None:
    text = "苍南老干部局走访了离休干部。瓯海老干部局用两个月时间走访了全部离休干部。"
    found = answer_sentence(text, terms(("瓯海区", 2.0), ("离休干部", 1.0)))
    assert found is not None and found.text.startswith("瓯海")


def test_dense_similarity_decides_between_sentences_without_the_words() -> None:
    text = "第一句讲的是别的事情。第二句讲的是年度检查。第三句讲的还是别的。"
    found = answer_sentence(text, terms(("体检", 1.0)), dense=[0.1, 0.9, 0.2], dense_weight=0.5)
    assert found is not None and found.text == "第二句讲的是年度检查。"


@given(
    st.text(alphabet="离休干部体检规定。！？；\n ”a1", max_size=80),
    st.lists(st.sampled_from(["体检", "规定", "干部"])),
)
def test_the_answer_sentence_is_always_a_span_of_the_passage(text: str, words: list[str]) -> None:
    found = answer_sentence(text, terms(*[(w, 1.0) for w in words]))
    if found is None:
        assert not text.strip()
    else:
        assert text[found.start : found.end] == found.text and found.text.strip() == found.text
        assert 0.0 <= found.score <= 1.0


def test_a_sentence_opening_a_numbered_point_is_shown_with_what_follows() -> None:
    text = (
        "三是必须形成合力，齐抓共管。坚持在党委、政府的统一领导下，形成齐抓共管的社会合力和工作机制。"
        "四是必须与时俱进。"
    )
    found = answer_sentence(text, terms(("形成", 1.0), ("合力", 2.0), ("齐抓共管", 3.0), ("意思", 2.0)))
    assert found is not None
    assert found.text == text[: text.index("四是")]  # the point's name and what it says


def test_a_sentence_that_only_restates_the_question_is_shown_with_what_follows() -> None:
    text = "老干部的生活待遇问题。解决好老干部生活待遇，不仅是经济问题，而且是政治问题。另起一句。"
    words = terms(("老干部", 1.0), ("生活待遇", 3.0), ("问题", 0.5))
    found = answer_sentence(text, words)
    assert (
        found is not None and "不仅是经济问题" in found.text and found.text.startswith("老干部的生活待遇问题")
    )
    assert names_only("老干部的生活待遇问题。", words)
    assert not names_only("解决好老干部生活待遇，不仅是经济问题，而且是政治问题。", words)


def test_a_sentence_saying_something_of_its_own_is_shown_alone() -> None:
    found = answer_sentence(PASSAGE, terms(("离休干部", 1.0), ("体检", 3.0), ("规定", 1.5)))
    assert (
        found is not None
        and found.text == "要落实好离休干部每年一次体检的规定，千方百计为离休干部看病治疗提供更多的方便。"
    )


def test_a_table_row_is_one_statement_its_semicolons_separate_fields() -> None:
    row = "项目：心理关爱；标准：每半年一次；责任单位：老干部活动中心"
    assert split_sentences(row) == [(0, len(row))]
    found = answer_sentence(row, terms(("心理关爱", 3.0), ("负责", 1.0)))
    assert found is not None and found.text == row  # 责任单位 is not cut off
    text = "要做好三件事：一是体检；二是走访；三是慰问。"  # a sentence with a full stop still splits at ；
    assert len(split_sentences(text)) == 3


# Scoring sentences in order of the bound their coverage sets (retrieval/sentence.py) must choose what
# scoring every sentence in full chooses: the same best score, the same span, the same score of it.
_WORDS = ["体检", "规定", "离休干部", "每年", "2万元", "三人", "2024年"]
_FILLER = ["的", "是", "进一步完善工作机制", "落实好生活待遇", " ", "一是"]
_sentence = st.tuples(
    st.lists(st.sampled_from(_WORDS + _FILLER), min_size=1, max_size=6).map("".join),
    st.sampled_from(["。", "！", "；", "\n", ""]),
).map("".join)
_texts = st.lists(_sentence, max_size=6).map("".join)
_terms = st.lists(
    st.builds(
        WeightedTerm,
        st.sampled_from([*_WORDS, "干部", "体检规定", "离休规定"]),
        st.floats(min_value=0.0, max_value=8.0, allow_nan=False),
    ),
    max_size=6,
)
_kinds = st.sampled_from([None, "amount", "money", "people", "year", "time"])


# the sentence holding most of the words scores less than the next one, which holds them side by side
_SPREAD = "体检进一步完善工作机制规定。体检规定。"
_SPREAD_TERMS = [WeightedTerm("体检", 1.0), WeightedTerm("规定", 1.0)]


@settings(deadline=None)  # the machine is shared: a slow example is no failure
@given(_texts, _terms)
@example(_SPREAD, _SPREAD_TERMS)
def test_the_best_sentence_score_is_the_best_of_every_sentence_scored_in_full(
    text: str, words: list[WeightedTerm]
) -> None:
    total = sum(t.weight for t in words)
    present = present_terms(text, words)
    every = [lexical_sentence_score(text[s:e], present, total) for s, e in split_sentences(text)]
    assert best_sentence_score(text, words) == max(every, default=0.0)


@settings(deadline=None)
@given(_texts, _terms, _terms, _kinds)
@example(_SPREAD, _SPREAD_TERMS, [], None)
@example("共2万元。共三人。", [WeightedTerm("共", 1.0)], [], "money")
def test_the_answer_sentence_is_the_one_scoring_every_sentence_in_full_chooses(
    text: str, words: list[WeightedTerm], extra: list[WeightedTerm], kind: AnswerKind | None
) -> None:
    # with dense cosines of weight 0 every sentence is scored in full, and the scores are the same
    every = [0.0] * len(split_sentences(text))
    full = answer_sentence(text, words, every, 0.0, topic="离休干部", extra=extra, kind=kind)
    assert answer_sentence(text, words, topic="离休干部", extra=extra, kind=kind) == full


def _split_char_by_char(text: str) -> list[tuple[int, int]]:
    """The sentence split as it was first written (a loop over the characters): the regular-expression
    split must cut every text where this does."""
    ends = (
        SENTENCE_ENDS
        if any(ch in "。！？!?…" for ch in text)
        else SENTENCE_ENDS.replace("；", "").replace(";", "")
    )
    closers = "”’」』）)】》\"'"
    spans: list[tuple[int, int]] = []
    start, i, n = 0, 0, len(text)

    def is_end(
        at: int,
    ) -> bool:  # an ASCII ? ! ; between address or code characters is inside a word
        inside = (
            at + 1 < n
            and at > 0
            and text[at - 1].isascii()
            and (text[at - 1].isalnum() or text[at - 1] in "_/.=&%#-")
            and text[at + 1].isascii()
            and (text[at + 1].isalnum() or text[at + 1] in "_=&%/#")
        )
        return text[at] in ends and not (text[at] in "!?;" and inside)

    while i < n:
        if is_end(i):
            end = i + 1
            while end < n and (is_end(end) or text[end] in closers):
                end += 1
            spans.append((start, end))
            start = i = end
        else:
            i += 1
    if start < n:
        spans.append((start, n))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


@settings(deadline=None)
@given(st.text(alphabet=SENTENCE_ENDS + "”’」』）)】》\"'。 \u3000\t\r\x1c\x85甲乙a1=/", max_size=40))
@example("“要落实好。”然后呢？  第三句；第四句\n第五句")
@example("项目：心理关爱；标准：每半年一次；")
def test_the_sentences_are_cut_where_a_loop_over_the_characters_cuts_them(text: str) -> None:
    assert split_sentences(text) == _split_char_by_char(text)


INTERVIEW = (
    "问（退休教师周玉兰）：我们这些退休多年的老同志，还能不能进人才库？怎么报名？"
    "答：能。人才库不设退休年限，年龄在75周岁以下、身体健康、有一技之长的都可以报名。"
    "可以向原单位离退休干部工作部门报名，也可以通过“青溪老干部”微信公众号在线填报。"
)


def test_the_question_a_passage_asks_is_never_shown_its_answer_is() -> None:
    """The user asks what the interview asked: the echo holds the most words, the answer follows it."""
    words = terms(("退休", 1.0), ("多年", 1.0), ("老同志", 1.0), ("人才库", 2.0), ("报名", 1.5))
    model = bundled_sentence_model()
    assert model is not None
    for chooser in (None, model.choose):
        found = answer_sentence(
            INTERVIEW, words, chooser=chooser, question="退休多年的老同志还能进人才库吗，怎么报名"
        )
        assert found is not None
        assert "？" not in found.text and "问" not in found.text
        assert "人才库不设退休年限" in found.text


def test_a_question_line_without_a_question_mark_is_a_question_too() -> None:
    text = "記者：請介紹今年銀髮人才工作的新舉措。沈國棟：今年新增入庫人才不少於500人。另外還要建好服務站。"
    found = answer_sentence(text, terms(("銀髮人才", 2.0), ("新舉措", 2.0), ("今年", 0.5)))
    assert found is not None and found.text == "沈國棟：今年新增入庫人才不少於500人。"
    assert answered_questions(text, split_sentences(text)) == {0}


def test_a_question_with_no_answer_after_it_may_be_shown() -> None:
    text = "要落实好离休干部的体检。体检经费由谁负担？"
    found = answer_sentence(text, terms(("体检", 1.0), ("经费", 2.0), ("负担", 2.0)))
    assert found is not None and found.text == "体检经费由谁负担？"
    assert answered_questions(text, split_sentences(text)) == frozenset()


_ASKED = ["问：", "問（記者）：", "记者：", ""]


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_ASKED),
            st.text(alphabet="人才库报名退休体检经费", min_size=1, max_size=12),
            st.sampled_from(["？", "?", "。"]),
            st.text(alphabet="人才库报名退休体检经费", min_size=1, max_size=12),
        ),
        min_size=1,
        max_size=5,
    ),
    st.lists(st.sampled_from(["人才库", "报名", "退休", "体检", "经费"]), min_size=1),
)
def test_no_shown_sentence_is_a_question_its_passage_answers(
    pairs: list[tuple[str, str, str, str]], words: list[str]
) -> None:
    text = "".join(f"{label}{asked}{mark}答：{said}。" for label, asked, mark, said in pairs)
    spans = split_sentences(text)
    answered = answered_questions(text, spans)
    found = answer_sentence(text, terms(*[(w, 1.0) for w in words]))
    assert found is not None and text[found.start : found.end] == found.text
    shown = [i for i, (s, e) in enumerate(spans) if found.start <= s < found.end]
    assert shown and not set(shown) & answered


def test_a_time_the_question_names_itself_earns_no_sentence_the_kind_bonus() -> None:
    text = "今年继续组织老同志开展夏季休养活动，由老干部服务科负责。休养活动于7月6日开始，分四批进行。"
    words = terms(("今年", 2.0), ("夏季", 2.0), ("休养", 2.0), ("活动", 1.0), ("开始", 1.5))
    alone = answer_sentence(text, words, kind="time")
    asked = answer_sentence(text, words, kind="time", question="今年夏季休养活动什么时候开始")
    assert alone is not None and "7月6日" not in alone.text  # its 今年 and 夏季 passed for the time asked
    assert asked is not None and "7月6日" in asked.text
