"""Homophone typos (典形 for 典型) are searched as the library's word, and nothing else is touched."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from bench.evaluate import load_questions
from index import LexicalIndex, dictionary_words, get_tokenizer, jieba_cut
from retrieval import Retriever, RetrieverConfig, typo_note
from retrieval.typos import HomophoneCorrector, Typo, apply_corrections, library_words

from .fakes import FakeEmbedder
from .test_retrieval_filters import speech_file, speeches_library

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    "要认真做好离退休干部“双先”典型推荐选树和表彰工作。",
    "要认真做好老干部来信来访工作，切实解决老同志提出的实际问题。",
    "老干部工作者要有过硬的政治品质和业务本领。",
    "要落实好离休干部每年一次体检的规定。",
    "新罗王来不及支援，百济已经灭亡。",
]


@pytest.fixture(scope="module")
def corrector() -> HomophoneCorrector:
    lexical = LexicalIndex.build(TEXTS, list(range(1, len(TEXTS) + 1)), get_tokenizer("char"))
    return HomophoneCorrector(lexical)


@pytest.mark.parametrize(
    ("question", "wrong", "right"),
    [
        ("双先典形推荐选树要做好吗", "典形", "典型"),
        ("老干部来信来仿工作要注意啥", "来仿", "来访"),
        ("老干部工作者的政治品值有啥要求", "品值", "品质"),
        ("离修干部 体检", "离修", "离休"),
        # beside a spoken question form (how it asks: not itself a typo)
        ("老干部来信来仿工作咋处理", "来仿", "来访"),
        ("双先典形推荐选树还搞不搞", "典形", "典型"),
        ("政治品值有没有要求", "品值", "品质"),
    ],
)
def test_a_homophone_typo_is_read_as_the_librarys_word(
    corrector: HomophoneCorrector, question: str, wrong: str, right: str
) -> None:
    [typo] = corrector.corrections(question)
    assert (typo.wrong, typo.right) == (wrong, right)
    assert question[typo.start : typo.start + len(wrong)] == wrong
    corrected = apply_corrections(question, [typo])
    assert right in corrected and len(corrected) == len(question)


@pytest.mark.parametrize(
    "question",
    [
        "离休干部医保怎么报销",  # a real word the library lacks is not made into another
        "新罗王来支援了吗",  # 王 belongs to 新罗王, whatever 往来 would be
        "一百一十一位离休干部",  # numerals
        "老干部工作中要做什么",  # grammar, not a word
        "离休干部体检的规定是什么",  # nothing wrong
        "張三豐的體檢規定",  # a name the library does not hold stays a name
        "离休干部体检收不收费",  # how a spoken question asks (啥, 咋, 收不收, 交没交): no word to read
        "老干部来信来访咋办",
        "离休干部体检费交没交",
        "来信来访工作要注意点啥",
    ],
)
def test_nothing_but_a_typo_is_corrected(corrector: HomophoneCorrector, question: str) -> None:
    assert corrector.corrections(question) == ()


def test_an_empty_library_corrects_nothing() -> None:
    empty = HomophoneCorrector(LexicalIndex.build([], [], get_tokenizer("char")))
    assert empty.corrections("双先典形推荐") == ()


def test_the_note_names_what_was_searched_and_what_was_asked(corrector: HomophoneCorrector) -> None:
    assert typo_note(corrector.corrections("双先典形推荐选树")) == "已按「典型」查找（问题中为「典形」）"
    assert typo_note(()) is None


def test_a_correction_is_always_a_dictionary_word_the_library_holds(corrector: HomophoneCorrector) -> None:
    """Property over typos made by swapping one character of a library word for a homophone."""
    from pypinyin import Style, lazy_pinyin

    words = sorted(
        {w for text in TEXTS for w in jieba_cut(text) if len(w) == 2}
        & dictionary_words(w for text in TEXTS for w in jieba_cut(text))
    )
    pool = "典形型值质仿访修休体题提近进期其气器"
    made = 0
    for word in words:
        for j in range(2):
            sound = lazy_pinyin(word[j], style=Style.NORMAL)[0]
            for other in pool:
                if other == word[j] or lazy_pinyin(other, style=Style.NORMAL)[0] != sound:
                    continue
                # the slip made where the library writes the word (a typo'd phrase of its text)
                source = next(text for text in TEXTS if word in text)
                question = source.replace(word, word[:j] + other + word[j + 1 :], 1)
                for typo in corrector.corrections(question):
                    made += 1
                    assert typo.right in dictionary_words([typo.right])
                    assert any(typo.right in text for text in TEXTS)
                    assert len(typo.right) == len(typo.wrong)
                    assert sum(a != b for a, b in zip(typo.right, typo.wrong, strict=True)) == 1
    assert made >= 3


def test_the_searched_question_finds_the_passage_and_says_what_it_read(seed_retriever: Retriever) -> None:
    answer = seed_retriever.search("双先典形推荐选树要做好吗", k=3)
    assert [(t.wrong, t.right) for t in answer.typos] == [("典形", "典型")]
    assert "典型推荐选树" in answer.hits[0].passage.text
    assert answer.answered


def test_correction_can_be_turned_off(seed_retriever: Retriever) -> None:
    plain = Retriever(
        seed_retriever.store,
        seed_retriever.index,
        seed_retriever.embedder,
        replace(RetrieverConfig(), correct_typos=False),
    )
    assert plain.search("双先典形推荐选树要做好吗", k=3).typos == ()


def test_no_dev_question_without_a_typo_is_corrected(seed_retriever: Retriever) -> None:
    """The dev set's questions were written with four homophone typos among 250; nothing else fires."""
    fired = {
        q.question: [(t.wrong, t.right) for t in seed_retriever.corrector.corrections(q.question)]
        for q in load_questions(ROOT / "benchmarks" / "dev-questions.jsonl")
    }
    fired = {q: typos for q, typos in fired.items() if typos}
    assert set(fired) <= {
        "双先典形推荐选树要做好吗",
        "老干部来信来仿工作要注意啥",
        "老干部工作者的政治品值有啥要求",
    }


def test_a_speaker_the_library_knows_is_not_corrected_into_another_name(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    """汪明 and 王明 sound alike; a question naming the speaker 汪明 is filtered by him, not read as 王明."""
    files = [
        ("wang.txt", speech_file("关于老干部活动中心的讲话", "（2024年9月9日）", "汪明", "活动中心管理")),
        (
            "li.txt",
            speech_file("关于老年大学的讲话", "（2024年4月2日）", "李华", "王明同志提出的老年大学建设"),
        ),
    ]
    with speeches_library(tmp_path / "home", fake_embedder, files) as (_, retriever):
        answer = retriever.search("汪明同志讲的活动中心管理", k=3, auto_filter=True)
    assert answer.typos == ()
    assert answer.filters is not None and answer.filters.applied.speakers == ("汪明",)


@pytest.mark.parametrize("question", ["向亮同志强调了什么", "汪明局长讲了哪些要求", "请问汪明副书记的讲话"])
def test_a_name_before_a_form_of_address_is_not_corrected(question: str) -> None:
    # the library writes 王明 and 响亮 before each form of address, so only the address rule keeps the name
    texts = ["口号响亮同样重要。", "王明同志、王明局长、王明副书记对老干部工作提出了要求。"]
    lexical = LexicalIndex.build(texts, [1, 2], get_tokenizer("char"))
    corrector = HomophoneCorrector(lexical)
    assert corrector.corrections(question) == ()


@pytest.mark.parametrize("question", ["……离修干部体检规定", "㈠离修干部体检规定", "ＡＢ离修干部体检"])
def test_a_correction_stands_where_the_question_has_the_word(
    seed_retriever: Retriever, question: str
) -> None:
    """NFKC turns … into ... and ㈠ into (一): the position is still one in the question as shown."""
    answer = seed_retriever.search(question, k=1)
    [typo] = answer.typos
    assert answer.query[typo.start : typo.start + len(typo.wrong)] == typo.wrong == "离修"


def test_a_typo_in_traditional_script_is_named_as_the_question_writes_it(
    corrector: HomophoneCorrector,
) -> None:
    [typo] = corrector.corrections("離修幹部體檢")
    assert (typo.wrong, typo.right, typo.start) == ("離修", "离休", 0)
    assert typo_note([typo]) == "已按「离休」查找（问题中为「離修」）"
    assert apply_corrections("離修幹部體檢", [typo]) == "离休干部体检"


@pytest.mark.parametrize("question", ["医养结合的做法有哪些", "推进医养结合"])
def test_a_real_term_the_library_lacks_is_not_read_as_a_homophone_that_does_not_fit_there(
    question: str,
) -> None:
    """医养 (medical and elderly care) is not in jieba's dictionary; 颐养 is, and the library holds it, but
    no passage with 颐养 speaks of 结合 or 推进: the question keeps its word."""
    texts = ["让老同志颐养天年，安享晚年。", "要推进医疗保障和生活服务相结合，总结好的做法。"]
    corrector = HomophoneCorrector(LexicalIndex.build(texts, [1, 2], get_tokenizer("char")))
    assert corrector.corrections(question) == ()


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("沈玮同志讲的活动中心管理", "沈玮"),
        ("申伟讲话中的活动中心管理", "申伟"),
        ("沈为讲话里活动中心管理怎么说", None),
        ("审委活动中心管理", None),
    ],
)
def test_a_speaker_typed_with_a_homophone_is_read_as_the_speaker_and_filters(
    tmp_path: Path, fake_embedder: FakeEmbedder, question: str, wrong: str | None
) -> None:
    """沈玮 sounds as the speaker 沈伟 and is written nowhere in the library: the question means him. 为 is a
    function word (沈为讲话 is no name), and 审委 changes both characters: neither is read as 沈伟."""
    files = [
        ("shen.txt", speech_file("关于老干部活动中心的讲话", "（2024年9月9日）", "沈伟", "活动中心管理")),
        ("li.txt", speech_file("关于老年大学的讲话", "（2024年4月2日）", "李华", "活动中心管理和老年大学")),
    ]
    with speeches_library(tmp_path / "home", fake_embedder, files) as (_, retriever):
        answer = retriever.search(question, k=3, auto_filter=True)
    if wrong is None:
        assert all(t.right != "沈伟" for t in answer.typos)
    else:
        assert [(t.wrong, t.right, t.start) for t in answer.typos] == [(wrong, "沈伟", 0)]
        assert typo_note(answer.typos) == f"已按「沈伟」查找（问题中为「{wrong}」）"
        assert answer.filters is not None and answer.filters.applied.speakers == ("沈伟",)
        assert {h.passage.speech_id for h in answer.hits} == {1}


def test_a_name_the_library_writes_is_not_read_as_a_speaker_of_the_same_sound() -> None:
    """王明 is named in the library's text: a question about him is not read as the speaker 汪明."""
    texts = ["王明同志提出的老年大学建设。", "活动中心管理要加强。"]
    corrector = HomophoneCorrector(LexicalIndex.build(texts, [1, 2], get_tokenizer("char")))
    assert corrector.corrections("王明同志提出的老年大学建设", keep=["汪明"]) == ()
    [typo] = corrector.corrections("汪铭同志的讲话", keep=["汪明"])
    assert (typo.wrong, typo.right) == ("汪铭", "汪明")


@pytest.mark.parametrize("question", ["领导小组在老干部工作里起什么作用", "老干部工作里起啥作用"])
def test_a_localizer_after_a_word_is_not_the_start_of_a_typo(question: str) -> None:
    """里 places 工作 (「工作里」); jieba joins it with 起 into 里起, which is no word, but is not 立起 either."""
    texts = ["要立起老干部工作的好样子，发挥领导小组的作用。", "老干部工作要加强。"]
    corrector = HomophoneCorrector(LexicalIndex.build(texts, [1, 2], get_tokenizer("char")))
    assert corrector.corrections(question) == ()


@pytest.mark.parametrize("question", ["白内障筛查名单几号前报", "名单五月底前报给谁", "体检结果三天后报吗"])
def test_a_localizer_after_a_time_is_not_the_start_of_a_typo(question: str) -> None:
    """前 and 后 after a time (几号, 五月底, 三天) say before or after it: 前报 is not 简报 (pypinyin also reads
    前 as jian), though the library writes 简报 (the pin set's batch 14, CI of session 55)."""
    texts = ["白内障筛查名单和体检结果随工作简报一并报送。", "老干部工作要加强。"]
    corrector = HomophoneCorrector(LexicalIndex.build(texts, [1, 2], get_tokenizer("char")))
    assert corrector.corrections(question) == ()


def test_a_localizer_typed_for_another_character_is_still_corrected() -> None:
    """「里休干部」 at the start of a question: 里 follows no word, so it can be a typo (of 离)."""
    texts = ["要落实好离休干部每年一次体检的规定。", "老干部工作要加强。"]
    corrector = HomophoneCorrector(LexicalIndex.build(texts, [1, 2], get_tokenizer("char")))
    assert [(t.wrong, t.right) for t in corrector.corrections("里休干部体检")] == [("里休", "离休")]


def holding(word: str) -> int:
    return sum(word in text.lower() for text in TEXTS)


def test_a_word_no_passage_holds_is_read_as_the_librarys_word_the_user_paired_it_with() -> None:
    pairs = [("老干局", "老干部"), ("典范", "典型"), ("楷模", "榜样")]  # 榜样: in no passage either
    found = library_words("老干局工作者要树什么典范、楷模", pairs, holding)
    assert [(t.wrong, t.right, t.start) for t in found] == [("老干局", "老干部", 0), ("典范", "典型", 10)]
    # a word some passage holds stays, whatever it is paired with; so does one where a typo was read
    assert library_words("老干部工作的典型", [("老干部", "老干局"), ("典型", "典范")], holding) == ()
    typo = Typo("典范", "典型", 0)
    assert library_words("典范推荐", pairs, holding, (typo,)) == ()
    # in any script and case, named as the question writes it
    found = library_words("老幹局的APP", [("老干局", "老干部"), ("app", "体检")], holding)
    assert [(t.wrong, t.right, t.start) for t in found] == [("老幹局", "老干部", 0), ("APP", "体检", 4)]
    # of several words the library holds, the one most passages hold (老干部: 3 passages, 体检: 1)
    assert [
        t.right for t in library_words("老干局", [("老干局", "体检"), ("老干局", "老干部")], holding)
    ] == ["老干部"]


def test_corrections_of_other_lengths_keep_each_others_places() -> None:
    corrections = [Typo("老干局", "老干部局", 0), Typo("典形", "典型", 4)]
    assert apply_corrections("老干局和典形", corrections) == "老干部局和典型"


def test_a_term_of_the_librarys_own_is_a_meant_word_where_its_text_cuts_it_as_one(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    """银龄 is no word of jieba's dictionary, but the library's text is cut with it as a word of its own
    (「“银龄驿站”」, 「银龄行动」): a typed 银玲, held nowhere, is read as it. A pair of characters the library
    holds only across two words (市共 of 「全市共有」) is no meant word."""
    text = (
        "关于银龄行动的讲话\n（2025年5月20日）\n韩志远\n同志们：\n"
        "要组织开展银龄行动志愿服务活动。\n"
        "积分可在全市32家“银龄驿站”兑换生活用品和体检服务。\n"
        "全市共有离退休干部8000人，其中离休干部300人。\n"
    )
    with speeches_library(tmp_path / "home", fake_embedder, [("silver.txt", text)]) as (_, retriever):
        assert "银龄" not in dictionary_words(["银龄"])
        assert retriever.cuts_as_word("银龄") and retriever.cuts_as_word("銀齡")
        assert not retriever.cuts_as_word("市共") and not retriever.cuts_as_word("银玲")
        answer = retriever.search("银玲驿站有多少家", k=3)
        assert [(t.wrong, t.right, t.start) for t in answer.typos] == [("银玲", "银龄", 0)]
        assert "银龄驿站" in answer.hits[0].passage.text
        # without the library's own words, only dictionary words are meant words: nothing is read
        assert HomophoneCorrector(retriever.index.lexical).corrections("银玲驿站有多少家") == ()


def test_a_word_the_library_writes_is_preferred_to_a_pair_it_holds_only_across_two_words(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    """「离休干部体捡」 (捡 jian): 体检 and 体健 are both jieba dictionary words of that sound, and the
    library holds the pair 体健 in more passages (in every 「身体健康」) than it holds 体检. But its text writes
    体检 as a word and 体健 never: the typo is read as 体检 (it was read as 体健, and the answer was a
    passage on good health)."""
    text = (
        "在离退休干部工作会议上的讲话\n（2025年5月20日）\n韩志远\n同志们：\n"
        "要落实好离休干部每年一次体检的规定。\n"
        "祝各位离休干部身体健康，阖家幸福。\n"
        "离休干部的身体健康是我们最大的心愿。\n"
        "要关心老干部工作者的身心健康，让他们身体健康地工作。\n"
    )
    with speeches_library(tmp_path / "home", fake_embedder, [("health.txt", text)]) as (_, retriever):
        assert dictionary_words(["体检", "体健"]) == {"体检", "体健"}
        assert retriever.cuts_as_word("体检") and not retriever.cuts_as_word("体健")
        answer = retriever.search("离休干部体捡", k=3)
        assert [(t.wrong, t.right) for t in answer.typos] == [("体捡", "体检")]
        assert "体检" in answer.hits[0].passage.text


def test_the_products_own_example_with_one_typo_is_read_as_meant(seed_retriever: Retriever) -> None:
    """「离休干部提检规定是什么」: 提 (ti, a function word of 「提了什么」) is typed for 体 of 体检. The library holds
    部提 only now and then across two words (「干部提出」), which does not tie 提 to 干部."""
    answer = seed_retriever.search("离休干部提检规定是什么", k=3)
    assert [(t.wrong, t.right, t.start) for t in answer.typos] == [("提检", "体检", 4)]
    assert "体检" in answer.hits[0].passage.text
    assert seed_retriever.corrector.corrections("离休干部体检规定是什么") == ()


def test_a_character_that_belongs_with_its_neighbour_is_still_not_the_typo() -> None:
    """新罗王 in every passage with 罗: 王 belongs to it, though the library also holds 往来 as a word."""
    texts = ["新罗王派兵支援百济。", "两国往来频繁，互相支援。", "新罗王来信。"]
    corrector = HomophoneCorrector(
        LexicalIndex.build(texts, [1, 2, 3], get_tokenizer("char")),
        lambda w: any(w in jieba_cut(t) for t in texts),
        lambda w: sum(w in t for t in texts),
    )
    assert corrector.corrections("新罗王来支援了吗") == ()


WORD_TYPOS = (
    "关于老年人意外险的通知\n（2025年6月1日）\n韩志远\n同志们：\n"
    "团体意外险保费标准为每人每年120元，由单位统一缴纳。\n"
    "健身运动会联系人：詹立群，电话：0745-6631 2315。\n"
    "年满75周岁的老同志不得使用跑步机。\n"
    "口述历史的实物资料以借用扫描方式征集。\n"
)


@pytest.mark.parametrize(
    ("question", "wrong", "right"),
    [
        ("团体意外险保非标准是多少", "保非", "保费"),  # jieba cuts 保/非标准
        ("健身运动会的练习人和电话", "练习人", "联系人"),  # 练习: a dictionary word
        ("七十六岁的老同志能用跑布机吗", "跑布机", "跑步机"),  # 跑/布机
        ("口述历史的事物资料怎么征集", "事物", "实物"),  # 事物: a dictionary word
    ],
)
def test_a_typo_that_makes_a_dictionary_word_is_read_on_the_librarys_evidence(
    tmp_path: Path, fake_embedder: FakeEmbedder, question: str, wrong: str, right: str
) -> None:
    with speeches_library(tmp_path / "home", fake_embedder, [("word.txt", WORD_TYPOS)]) as (_, retriever):
        answer = retriever.search(question, k=3)
        assert [(t.wrong, t.right) for t in answer.typos] == [(wrong, right)]
        assert right in answer.hits[0].passage.text
        # without the library's text, a dictionary word is never read as another
        assert HomophoneCorrector(retriever.index.lexical, retriever.cuts_as_word).corrections(question) == ()


@pytest.mark.parametrize(
    "question",
    [
        "两办通知要求优先满足哪些离退休干部的照护需求",  # 通知 / 同志: two ordinary words of one sound
        "啥时候去看望部队转业的老干部",  # 转业 / 专业
        "在一院看病走绿色通道到哪个窗口",  # 一院: a hospital, not 医院
        "意外险出险以后报案打哪个电话",
    ],
)
def test_an_ordinary_word_the_library_lacks_is_not_read_as_one_it_holds(
    tmp_path: Path, fake_embedder: FakeEmbedder, question: str
) -> None:
    text = WORD_TYPOS + "要认真贯彻同志们的意见，加强专业队伍建设，出现问题及时报告，到医院看病。\n"
    with speeches_library(tmp_path / "home", fake_embedder, [("word.txt", text)]) as (_, retriever):
        assert retriever.search(question, k=3).typos == ()


@pytest.mark.parametrize("name", ["dev", "cold", "pin", "fit"])
def test_no_clean_question_of_the_question_sets_is_corrected(seed_retriever: Retriever, name: str) -> None:
    """Property over every question of the sets asked of the bundled speeches that has no typo: none is
    read as another (the questions benchmarks/typed-typos.txt lists are left out, and nothing else is
    read)."""
    typed = {  # benchmarks/typed-typos.txt: the questions typed with a typo on purpose
        line.strip()
        for line in (ROOT / "benchmarks" / "typed-typos.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    rows = [
        json.loads(line) for line in (ROOT / "benchmarks" / f"{name}-questions.jsonl").open(encoding="utf-8")
    ]
    fired = [
        (q["question"], seed_retriever.corrector.corrections(q["question"], seed_retriever.facets().speakers))
        for q in rows
        if q["question"] not in typed and "typo" not in str(q.get("style"))
    ]
    wrong = [(q, [(t.wrong, t.right) for t in typos]) for q, typos in fired if typos]
    assert wrong == []


def test_the_sixth_pin_batchs_clean_questions_are_read_as_typed(seed_retriever: Retriever) -> None:
    """The two clean questions the sixth pin batch found read as others (做个 → 作个, 会是 → 会师): the
    function character before the question's 啥 and 谁 is the grammar it asks with."""
    speakers = seed_retriever.facets().speakers
    for question in ("年轻领导干部要带头做个啥样的榜样", "全省这个老干部工作会是谁批准开的"):
        assert seed_retriever.corrector.corrections(question, speakers) == ()


ASKING = (
    "关于老干部工作的讲话\n（2025年6月1日）\n韩志远\n同志们：\n"
    "年轻干部要作个表率，树立榜样。\n"
    "1949年两军会师后，老干部工作会议在全省召开，经省委批准。\n"
    "插花培训班每课时90分钟，第一次培训在5月8日。\n"
    "丧葬费由原单位补办，不得拖延。\n"
    "健步走活动全程约5公里，形式多元。\n"
    "离休干部生活补贴每月发放。\n"
)


@pytest.mark.parametrize(
    "question",
    [
        "年轻干部要带头做个啥样的榜样",  # 个: the classifier 啥 asks with, not 作个
        "全省老干部工作会是谁批准开的",  # 是 before 谁: the copula, not 会师
        "插花培训班第一次课是哪天",  # not 课时
        "单位办丧葬费老是拖着不办怎么办",  # 不: the negation before 怎么办, not 补办
        "健步走活动全程多远",  # 多远 asks how far, as 多少 asks how many: not 多元
    ],
)
def test_the_grammar_a_question_asks_with_is_not_a_typo(
    tmp_path: Path, fake_embedder: FakeEmbedder, question: str
) -> None:
    with speeches_library(tmp_path / "home", fake_embedder, [("asking.txt", ASKING)]) as (_, retriever):
        assert retriever.search(question, k=3).typos == ()
        # a slip of a content character before the question form is still read (帖 tie for 贴 of 补贴)
        answer = retriever.search("离休干部生活补帖啥时候发", k=3)
        assert [(t.wrong, t.right) for t in answer.typos] == [("补帖", "补贴")]


GRAMMAR = (
    "关于老干部工作的讲话\n（2025年6月1日）\n韩志远\n同志们：\n"
    "孙权见到潘淑时发觉她很不一般，将她召入后宫，潘淑后来被立为皇后。\n"
    "要着力解决异地安置老干部医药费报销难题。\n"
    "要落实好离休干部每年一次体检的规定。\n"
)


@pytest.mark.parametrize(
    "question",
    [
        # 是 after the name 潘淑, which the library holds: grammar, though its text cuts 潘淑时 as a word
        "潘淑是谁的皇后",
        # 是 is typed as shi; 题 (ti) is only in pypinyin's list of its readings, not what an input
        # method offers it under
        "医药费报销难是怎么解决的",
    ],
)
def test_a_function_character_after_a_word_or_under_a_rare_reading_is_not_a_typo(
    tmp_path: Path, fake_embedder: FakeEmbedder, question: str
) -> None:
    with speeches_library(tmp_path / "home", fake_embedder, [("grammar.txt", GRAMMAR)]) as (_, retriever):
        assert retriever.cuts_as_word("潘淑时") and retriever.cuts_as_word("难题")
        assert retriever.search(question, k=3).typos == ()
        # a function character typed for another, under its usual reading, is still read (提 ti for 体)
        answer = retriever.search("离休干部提检规定是什么", k=3)
        assert [(t.wrong, t.right) for t in answer.typos] == [("提检", "体检")]


def test_a_longer_word_the_dictionary_knows_whole_is_not_read_in_part(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    """赛斯纳 (Cessna) is one word of jieba's dictionary; the library writes 塞斯纳, which jieba cuts 塞斯/纳. The
    question's 赛斯 is no slip inside it: 赛斯纳 is not read as 塞斯 + 纳."""
    text = WORD_TYPOS + "在1948年末，塞斯纳公司出售的C-170拥有金属制成的机身，塞斯纳170型共生产5174架。\n"
    with speeches_library(tmp_path / "home", fake_embedder, [("word.txt", text)]) as (_, retriever):
        assert dictionary_words(["赛斯纳", "塞斯"]) == {"赛斯纳", "塞斯"} and retriever.cuts_as_word("塞斯")
        assert retriever.search("1948-1956年间赛斯纳的生产数量是多少？", k=3).typos == ()
        # a slip jieba cuts across two words is still read on the library's evidence (保/非标准)
        answer = retriever.search("团体意外险保非标准是多少", k=3)
        assert [(t.wrong, t.right) for t in answer.typos] == [("保非", "保费")]
