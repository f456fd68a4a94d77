"""Collected speeches in one file without 「第N篇：」 markers (a 讲话汇编 as an office sets it in Word, and its
PDF) are read as one speech each: its title, speaker, date and sections, every sentence once, in order.

Before, a Word file whose speeches each have a title in the Title style, and its PDF, read as one speech:
the second speech's title, speaker and date became a paragraph of the first speech's last section, and its
passages were cited under the first speech's title, date and speaker."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes, read_document
from tests.fixtures.layouts.make_compilation_tables import COLLECTION, SPEECHES, SpeechText, write_compilation


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_read_as(path_or_document, speeches: tuple[SpeechText, ...]) -> None:  # type: ignore[no-untyped-def]
    document = read_document(path_or_document) if isinstance(path_or_document, Path) else path_or_document
    parsed = parse_document(document)
    assert [(s.title, s.date, s.speaker) for s in parsed] == [(s.title, s.date, s.speaker) for s in speeches]
    passages = []
    for speech, want in zip(parsed, speeches, strict=True):
        drafts = [d.text for d in chunk_speech(speech)]
        passages += drafts
        flat = squeeze("".join(drafts))
        position = 0
        for sentence in want.sentences():
            assert flat.count(squeeze(sentence)) == 1, sentence
            assert flat.find(squeeze(sentence)) >= position, sentence
            position = flat.find(squeeze(sentence))
        assert [p.section for p in speech.paragraphs if p.section] == [h for h, _ in want.sections]
    assert check_conservation(document, passages).ok
    assert not any(COLLECTION in p for p in passages)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_word_compilation_with_titles_in_the_title_style_is_one_speech_each(tmp_path: Path) -> None:
    docx, pdf = write_compilation(tmp_path)
    assert_read_as(docx, SPEECHES)
    assert_read_as(pdf, SPEECHES)


HAN = "的在不了有和人这中大为上个我以他时用们生到作地于出就分对成会可主发动同工也能下过子说产种而后多定行学法所民得经"
POSTS = ["市委常委、组织部部长", "市委老干部局局长", "县委副书记", "市人大常委会副主任"]
NAMES = ["王建军", "李红梅", "张和平", "欧阳明", "赵小平"]
DATES = [
    ("（2024年3月13日）", "2024-03-13"),
    ("2023年12月5日", "2023-12-05"),
    ("二〇二四年五月二十日", "2024-05-20"),
]


@st.composite
def speech_texts(draw, n: int):  # type: ignore[no-untyped-def]
    """A speech of 1–3 sections, each a paragraph of 2–4 sentences (long enough not to pass for a text
    hard-wrapped at a narrow width), its sentences made unique by their place."""
    words = st.text(HAN, min_size=6, max_size=12)
    post, name = draw(st.sampled_from(POSTS)), draw(st.sampled_from(NAMES))
    date_line, date = draw(st.sampled_from(DATES))
    numbers = "一二三四"
    sections = tuple(
        (
            f"{numbers[k]}、{draw(words)}",
            "".join(
                f"{draw(words)}，{draw(words)}，第{n}篇{k}段{j}句{draw(words)}。"
                for j in range(draw(st.integers(2, 4)))
            ),
        )
        for k in range(draw(st.integers(1, 3)))
    )
    title = f"在{draw(words)}会议上的讲话"
    return SpeechText(title, f"{post}　{name}", date_line, sections, date, name)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(2, 4).flatmap(lambda k: st.tuples(*[speech_texts(n) for n in range(k)])),
    st.booleans(),
    st.booleans(),
)
def test_speeches_printed_one_after_another_are_one_speech_each(
    speeches, date_first: bool, crlf: bool
) -> None:  # type: ignore[no-untyped-def]
    """As text (a compilation's PDF read as lines, or typed without styles): after body text, a title naming
    its kind over a speaker after his post and a date (either order) starts a speech."""
    lines = []
    for speech in speeches:
        under = (
            [speech.date_line, speech.speaker_line] if date_first else [speech.speaker_line, speech.date_line]
        )
        lines += [speech.title, *under, "同志们："]
        for heading, text in speech.sections:
            lines += [heading, text]
    data = ("\r\n" if crlf else "\n").join(lines).encode("utf-8")
    assert_read_as(read_bytes("讲话汇编.txt", data), speeches)


def test_a_notice_signature_and_an_attachment_title_start_no_speech() -> None:
    """The issuer and date after a notice's body, and an attachment's title over a speaker-like line, are
    the notice's: one speech."""
    text = "\n".join(
        [
            "关于开展离退休干部健康体检工作的通知",
            "各区县委老干部局：",
            "现将有关事项通知如下。体检由各单位组织。",
            "附件：体检对象名单",
            "中共江州市委老干部局",
            "2024年3月20日",
            "附件",
            "体检工作联系人名单的通知",
            "市委老干部局副局长　赵小平",
            "2024年3月20日",
            "联系电话由各单位报送。",
        ]
    )
    assert len(parse_document(read_bytes("通知.txt", text.encode()))) == 1


def test_a_closing_line_set_in_the_title_style_starts_no_speech() -> None:
    """「谢谢大家！」 in the Title style after the body is the speech's last sentence, not a speech of its own
    (one with no body would be dropped, and the sentence with it)."""
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("在全市老干部工作会议上的讲话", style="Title")
    document.add_paragraph("同志们：")
    document.add_paragraph("今年要重点抓好三件事。各单位要抓好落实。")
    document.add_paragraph("谢谢大家！", style="Title")
    data = io.BytesIO()
    document.save(data)
    read = read_bytes("讲话.docx", data.getvalue())
    [speech] = parse_document(read)
    assert speech.title == "在全市老干部工作会议上的讲话"
    assert check_conservation(read, [d.text for d in chunk_speech(speech)]).ok


@pytest.mark.parametrize("closing", ["谢谢大家", "（根据录音整理）", "2024年1月5日"])
def test_a_speech_s_closing_line_is_not_read_into_the_next_title(closing: str) -> None:
    """The last line of a speech (no full stop) before the next one's title is no first half of a wrapped
    title: 「谢谢大家在重阳节座谈会上的讲话」 was the title, and a closing date the next speech's date."""
    text = "\n".join(
        [
            *("在全市老干部工作会议上的讲话", "市委老干部局局长　李红梅", "2024年3月13日"),
            "今天我们召开全市老干部工作会议。希望大家再接再厉，开创老干部工作新局面。",
            closing,
            *("在重阳节座谈会上的讲话", "市委副书记　王建军", "2024年10月11日"),
            "今天是重阳节，我们在这里欢聚一堂。我代表市委向各位老同志致以节日的问候。",
        ]
    )
    speeches = parse_document(read_bytes("讲话汇编.txt", text.encode()))
    assert [(s.title, s.date, s.speaker) for s in speeches] == [
        ("在全市老干部工作会议上的讲话", "2024-03-13", "李红梅"),
        ("在重阳节座谈会上的讲话", "2024-10-11", "王建军"),
    ]


def test_a_title_wrapped_over_two_lines_still_starts_a_speech() -> None:
    text = "\n".join(
        [
            *("在全市老干部工作会议上的讲话", "市委老干部局局长　李红梅", "2024年3月13日"),
            "今天我们召开全市老干部工作会议。希望大家再接再厉。",
            *("在2023年全市离退休干部党建工作", "推进会上的讲话", "市委副书记　王建军", "2024年10月11日"),
            "今天我们召开推进会。我代表市委向各位老同志致以问候。",
        ]
    )
    speeches = parse_document(read_bytes("讲话汇编.txt", text.encode()))
    assert [(s.title, s.date) for s in speeches] == [
        ("在全市老干部工作会议上的讲话", "2024-03-13"),
        ("在2023年全市离退休干部党建工作推进会上的讲话", "2024-10-11"),
    ]


def test_a_speech_title_quoted_after_a_lead_in_starts_no_speech() -> None:
    """「讲话题目是：」 over another speech's title, speaker and date quotes them: the quoting speech goes on."""
    text = "\n".join(
        [
            *("在全市老干部工作会议上的讲话", "市委老干部局局长　李红梅", "2024年3月13日"),
            "今天我们召开全市老干部工作会议。去年全市老干部工作取得了新的成绩。",
            "前不久，市委书记王建军同志作了重要讲话，讲话题目是：",
            *("在全市经济工作会议上的讲话", "市委书记　王建军", "2024年1月5日"),
            "讲话指出，要做好新时代老干部工作。大家要认真学习，抓好贯彻落实。",
        ]
    )
    [speech] = parse_document(read_bytes("讲话.txt", text.encode()))
    assert (speech.title, speech.date, speech.speaker) == (
        "在全市老干部工作会议上的讲话",
        "2024-03-13",
        "李红梅",
    )


def test_parts_of_a_speech_set_in_the_title_style_are_its_sections() -> None:
    """「第一部分　工作回顾」 in the Title style after the body is a part of the speech, not a speech of its own
    (each part was one, with no date and no speaker)."""
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("在全市老干部工作会议上的讲话", style="Title")
    document.add_paragraph("市委老干部局局长　李红梅")
    document.add_paragraph("2024年3月13日")
    document.add_paragraph("同志们，今天我们召开会议。主要任务是总结工作。")
    document.add_paragraph("第一部分　2023年工作回顾", style="Title")
    document.add_paragraph("去年我们做了很多工作。成绩来之不易。")
    document.add_paragraph("第二部分　2024年工作安排", style="Title")
    document.add_paragraph("今年要抓好三件事。大家要努力。")
    data = io.BytesIO()
    document.save(data)
    read = read_bytes("讲话.docx", data.getvalue())
    [speech] = parse_document(read)
    assert (speech.title, speech.date, speech.speaker) == (
        "在全市老干部工作会议上的讲话",
        "2024-03-13",
        "李红梅",
    )
    assert [p.section for p in speech.paragraphs][1:] == [
        "第一部分 2023年工作回顾",
        "第二部分 2024年工作安排",
    ]
    assert check_conservation(read, [d.text for d in chunk_speech(speech)]).ok
