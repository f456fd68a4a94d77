"""A notice received as a phone's screenshot of a group chat reads as the notice.

The fourteenth blind set's 春节慰问品领取通知.png (a WeChat group's long screenshot) read, before: title
「9:41 5G 76%」 (the phone's status bar), 日期不详, the chat's name, the time sent, the sender's name and the
avatar's letter in the first passage, and 「天河街道曹建国曹收到市卫健委邝丽华收到，谢谢韦老师」 (two members'
names and replies) run into the last. Now only the messages of the sender who wrote the notice are read
(corpus/chat.py), and a greeting over the title (「各位联络员：」, as a notice is passed on in a message) is
no longer read as the title's first part.

Screenshots drawn by Pillow as WeChat draws one (tests/fixtures/corpus_writers.write_chat_screenshot), read
by the installed OCR engine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import chunk_speech, ocr, parse_document, read_bytes, read_document
from corpus.chat import is_chat_screenshot, message_lines
from corpus.layout import Line
from tests.fixtures.corpus_writers import write_chat_screenshot, write_docx

TITLE = "关于调整老干部活动中心开放时间的通知"
SENTENCES = [
    "自2026年7月1日起，市老干部活动中心调整开放时间。",
    "一、阅览室每天上午8:00至11:30开放，周一闭馆。",
    "二、棋牌室每天下午2:00至5:30开放，节假日照常开放。",
    "三、健身房因设备更新暂停开放两周，恢复时间另行通知。",
    "联系人：顾明川，电话0571-8802346。",
]
SIGNATURE = ["临江市委老干部局", "2026年6月24日"]
GREETING = "各位老同志："
REPLIES = [("城西街道 沈宏", "沈", ["收到"]), ("市税务局 彭小岚", "彭", ["收到，谢谢顾老师"])]
SENDER = "局办公室 顾明川"

needs_ocr = pytest.mark.skipif(ocr.engine() is None, reason="no OCR engine installed")


@pytest.fixture(scope="module")
def screenshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("chat") / "开放时间调整通知.png"
    messages = [
        (SENDER, "顾", [GREETING, TITLE, *SENTENCES[:3]]),
        (SENDER, "顾", [*SENTENCES[3:], *SIGNATURE]),
        *REPLIES,
    ]
    write_chat_screenshot(messages, path, group="活动中心通知群(128)", sent="6月24日 下午3:15", battery="58%")
    return path


@needs_ocr
def test_a_group_chat_screenshot_reads_as_the_notice_its_sender_posted(screenshot: Path) -> None:
    [speech] = parse_document(read_document(screenshot))
    assert (speech.title, speech.date) == (TITLE, "2026-06-24")
    body = "".join("".join(p.text.split()) for p in speech.paragraphs)  # OCR may put a space in 「5: 30」
    at = -1
    for sentence in SENTENCES:  # every sentence once, in order
        assert body.count(sentence) == 1, sentence
        assert body.index(sentence) > at
        at = body.index(sentence)
    for chrome in (
        "58%",
        "活动中心通知群",
        "下午3:15",
        "局办公室",
        "城西街道",
        "沈宏",
        "市税务局",
        "收到",
        "按住",
    ):
        assert chrome not in body, chrome
    assert all("收到" not in passage.text for passage in chunk_speech(speech))


def _lines(*rows: tuple[str, float, float, float, float]) -> tuple[Line, ...]:
    return tuple(Line(text=t, x0=x0, x1=x1, top=top, bottom=bottom) for t, x0, x1, top, bottom in rows)


def test_a_picture_of_another_shape_or_without_a_status_bar_is_left_as_it_is() -> None:
    from PIL import Image

    page = _lines(("9:41", 40, 120, 20, 60), ("关于调整开放时间的通知", 200, 800, 300, 360))
    assert is_chat_screenshot(page, 1080, 2340)
    assert not is_chat_screenshot(page, 1654, 2339)  # an A4 scan at 200 dpi: no phone's shape
    no_clock = _lines(("关于调整开放时间的通知", 200, 800, 20, 60), ("上午9:41到会", 200, 800, 300, 360))
    assert not is_chat_screenshot(no_clock, 1080, 2340)  # a long picture whose first line is no status bar
    image = Image.new("RGB", (1080, 2340), (237, 237, 237))
    assert message_lines(image, no_clock) == no_clock


GREETED = [GREETING, TITLE, *SENTENCES, *SIGNATURE]


@pytest.mark.parametrize("greeting", [GREETING, "各县（市、区）委老干部局，市直各单位："])
def test_a_greeting_over_the_title_is_not_read_into_the_title(greeting: str, tmp_path: Path) -> None:
    lines = [greeting, *GREETED[1:]]
    text = "\n".join(lines) + "\n"
    from_text = parse_document(read_bytes("通知.txt", text.encode("utf-8")))
    parts = [("body", greeting), ("title", TITLE), *(("body", s) for s in SENTENCES)]
    write_docx(
        [*parts, *(("right", s) for s in SIGNATURE)], tmp_path / "通知.docx", author="临江市委老干部局"
    )
    from_word = parse_document(read_document(tmp_path / "通知.docx"))
    for [speech] in (from_text, from_word):
        assert (speech.title, speech.date) == (TITLE, "2026-06-24")
        body = "".join(p.text for p in speech.paragraphs)
        assert greeting not in body and all(body.count(s) == 1 for s in SENTENCES)


def test_a_line_ending_in_a_colon_over_a_sentence_is_no_greeting() -> None:
    text = "\n".join(["会议议定以下事项：", "一是抓紧完成名册报送工作。", "二是做好走访慰问。"]) + "\n"
    [speech] = parse_document(read_bytes("纪要.txt", text.encode("utf-8")))
    assert "一是抓紧完成名册报送工作。" in "".join(p.text for p in speech.paragraphs)
