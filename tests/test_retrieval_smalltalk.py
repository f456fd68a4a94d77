"""retrieval.smalltalk: messages that ask nothing are recognised by a general rule, questions never are."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval import SMALL_TALK_REPLIES, asks_for_more, asks_for_previous, small_talk


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("谢谢", "thanks"),
        ("谢谢您！", "thanks"),
        ("非常感谢老师🙏", "thanks"),
        ("辛苦了", "thanks"),
        ("明白了，谢谢", "thanks"),
        ("Thank you!", "thanks"),
        ("你好", "greeting"),
        ("您好！", "greeting"),
        ("大家好", "greeting"),
        ("在吗？", "greeting"),
        ("早上好各位", "greeting"),
        ("再见", "farewell"),
        ("👍", "ack"),
        ("👍🏻👍🏻", "ack"),
        ("😊", "ack"),
        ("好的，收到", "ack"),
        ("嗯嗯", "ack"),
        ("OK", "ack"),
        ("！！", "ack"),
        ("？！", "help"),  # a puzzled user: how to ask, not 「好的」
        ("？？？", "help"),
        ("??", "help"),
        ("🤔？", "help"),
        ("你能做什么？", "help"),
        ("你好，请问你能做什么", "help"),
        ("怎么用", "help"),
        ("你是谁呀", "help"),
        ("帮助", "help"),
        ("您是谁", "help"),  # the polite 您 as 你: what older staff write
        ("请问您是谁？", "help"),
        ("您会做什么", "help"),
        ("您是什么", "help"),
        ("謝謝", "thanks"),  # traditional script, as a colleague with a traditional keyboard types it
        ("謝謝您！", "thanks"),
        ("再見", "farewell"),
        ("使用說明", "help"),
        ("ｏｋ", "ack"),  # full-width letters
        ("好", "ack"),
        ("好！", "ack"),
        ("房", "too_short"),  # one character asks too little to search for
        ("房？", "too_short"),
        ("『房』", "too_short"),
        ("A", "too_short"),
    ],
)
def test_courtesy_greetings_and_emoji_are_small_talk(message: str, kind: str) -> None:
    assert small_talk(message) == kind
    assert SMALL_TALK_REPLIES[small_talk(message)]  # type: ignore[index]


@pytest.mark.parametrize(
    "message",
    [
        "谢谢，离休干部体检规定是什么？",
        "你好，老年大学怎么报名",
        "可以报销吗",
        "好人好事",
        "2024",
        "体检",
        "五心",
        "老干部工作 👍",
        "在吗 离休干部两费",
        "这笔经费怎么用",
        "老年大学有什么用",
        "帮助困难老干部",
        "党费使用说明",
        "行政",  # 行 is an acknowledgement, 政 alone would be too short: the message is what counts
        "好事",
    ],
)
def test_anything_with_content_is_a_question(message: str) -> None:
    assert small_talk(message) is None


def test_a_question_in_traditional_script_is_still_a_question() -> None:
    assert small_talk("謝謝，離休幹部體檢規定是什麼？") is None
    assert small_talk("幫助困難老幹部") is None


@pytest.mark.parametrize(
    "message", ["还有吗？", "還有嗎？", "下一頁", "還有呢", "更多", "ｍｏｒｅ", "翻页", "再来一页", "下页"]
)
def test_asking_for_more_is_recognised_in_either_script(message: str) -> None:
    assert asks_for_more(message)


@pytest.mark.parametrize("message", ["還有哪些待遇", "下一步怎么做", "更多的老干部"])
def test_a_question_that_starts_like_more_is_not_a_request_for_more(message: str) -> None:
    assert not asks_for_more(message)


@pytest.mark.parametrize(
    "message",
    [
        "what are the rules for health checks",
        "What about pensions?",
        "WHAT ARE THE RULES",
        "Healthy China 2030",
        "lixiu ganbu tijian",
        "안녕하세요",
        "ありがとうございます",
        "Ｈｅｌｌｏ ｗｏｒｌｄ ｈｅｒｅ",
    ],
)
def test_a_message_in_another_language_is_asked_again_in_chinese(message: str) -> None:
    assert small_talk(message) == "not_chinese"


@pytest.mark.parametrize(
    "message",
    [
        "PPT怎么做",
        "WiFi密码",
        "COVID-19疫情期间的慰问",
        "Healthy China 2030 行动是什么",
        "老干部APP怎么下载",
        "PDF",
        "APP",
        "2024",
        "12345678",
        "第3条",
    ],
)
def test_a_question_with_latin_letters_or_only_a_number_is_searched(message: str) -> None:
    assert small_talk(message) is None


@pytest.mark.parametrize("message", ["上一页", "上一頁", "上页", "往上翻", "返回上一页！", "Previous"])
def test_asking_for_the_previous_page_is_recognised(message: str) -> None:
    assert asks_for_previous(message) and not asks_for_more(message)


@pytest.mark.parametrize("message", ["上一页的内容是什么", "上页码", "上一篇讲话", "下一页"])
def test_a_question_that_starts_like_previous_is_not_a_request_for_it(message: str) -> None:
    assert not asks_for_previous(message)


CONTENT = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=2, max_size=6)
COURTESY = st.sampled_from(
    ["谢谢", "你好", "👍", "好的", "再见", "辛苦了", "你能做什么", "怎么用", "！", " "]
)


@given(st.lists(COURTESY, max_size=3), CONTENT, st.lists(COURTESY, max_size=3))
def test_courtesy_around_a_content_word_never_hides_the_question(
    before: list[str], content: str, after: list[str]
) -> None:
    if small_talk(content) is not None:
        return  # the drawn word is itself a courtesy word
    assert small_talk("".join(before) + content + "".join(after)) is None


@given(st.lists(COURTESY, min_size=1, max_size=5))
def test_courtesy_alone_is_always_small_talk(parts: list[str]) -> None:
    message = "".join(parts)
    assert (small_talk(message) is not None) == bool(message.strip())


@pytest.mark.parametrize(
    "message",
    [
        "https://www.gov.cn/zhengce/content/202401/content_6924770.htm",
        "https://www.gov.cn/zhengce/…",
        "www.gov.cn/zhengce/2024",
        "C:\\Users\\张三\\Desktop\\关于做好 2025 年离休干部体检工作的通知.docx",
        "“D:\\老干部局\\讲话.pdf”",
        "\\\\fileserver\\老干部局\\通知.doc",
        "/home/li/文档/通知.wps",
        "~/Desktop/讲话.txt",
        "关于做好2025年离休干部体检工作的通知.docx",
        "file:///C:/Users/li/通知.pdf",
        "https://a.gov.cn/1.htm\nhttps://a.gov.cn/2.htm",
    ],
)
def test_a_pasted_link_or_file_path_alone_is_no_question(message: str) -> None:
    assert small_talk(message) == "link"
    assert "打不开网页链接" in SMALL_TALK_REPLIES["link"] and "管理员" in SMALL_TALK_REPLIES["link"]


@pytest.mark.parametrize(
    "message",
    [
        "https://mp.weixin.qq.com/s/abc 这篇说的老年大学，讲话里怎么说？",
        "通知.docx里怎么说体检",
        "体检的通知.docx 在哪里",
        "请看 https://www.gov.cn/x 里的体检规定",
        "PDF",
        "老干部.com",
        "3.5",
        "/帮助",
    ],
)
def test_a_link_or_file_name_inside_a_question_leaves_a_question(message: str) -> None:
    assert small_talk(message) != "link"
