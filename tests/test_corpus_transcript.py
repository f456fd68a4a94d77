"""A recording's transcript exported by a speech-to-text service reads without the service's turn labels.

讯飞听见, 飞书妙记 and the like export a transcript to Word as the recording's name, its head lines (when it
was recorded, how long, 「关键词：…」) and each turn under a line 「发言人2   01:20」. The seventeenth blind
set's 史料陈列室开馆仪式录音转写.docx was titled 「…仪式录音 关键词：… 发言人1 00:00」 and every later label was
read into the text before the turn (「发言人2 01:20今年3月…」). Now, in a document with two or more such
labels, the labels and a keywords line before them are dropped (corpus/transcript.py); every turn stays
its paragraph. An agenda's 「签到 08:30」 lines are no labels.

Files made by a real producer: python-docx (tests/fixtures/corpus_writers.write_transcript_docx, write_docx).
"""

from __future__ import annotations

from pathlib import Path

from corpus import chunk_speech, parse_document, read_document
from corpus.conservation import check_conservation
from corpus.records import Block
from corpus.transcript import is_turn_label, without_turn_labels
from tests.fixtures.corpus_writers import write_docx, write_transcript_docx

HEAD = ["老年合唱团排练总结会录音", "2026-06-20 15:02  时长 06:40", "关键词：合唱团  排练  演出"]
TURNS = [
    ("发言人1", "00:00", "同志们，今天我们简单总结一下上半年的排练情况。下面请团长讲几句。"),
    ("发言人2", "00:35", "上半年合唱团共排练24次，平均每次到场41人，新学了三首曲目。"),
    ("发言人2", "02:10", "七月份我们要参加全市老年文艺汇演，请大家每周二、周五下午准时到活动中心排练。"),
    ("发言人1", "05:48", "好，今天就到这里，谢谢大家。"),
]


def test_a_transcript_reads_as_what_was_said(tmp_path: Path) -> None:
    path = tmp_path / "录音转写.docx"
    write_transcript_docx(HEAD, TURNS, path, author="岑川市委老干部局")
    document = read_document(path)
    [speech] = parse_document(document)
    assert (speech.title, speech.date) == ("老年合唱团排练总结会录音", "2026-06-20")
    assert [p.text for p in speech.paragraphs] == [text for _, _, text in TURNS]
    assert "发言人" not in document.text and "关键词" not in document.text
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_an_agenda_keeps_its_times(tmp_path: Path) -> None:
    parts = [
        ("title", "老年合唱团汇演日程"),
        ("body", "签到 08:30"),
        ("body", "合唱 09:00"),
        ("body", "发言人1 09:40"),
        ("body", "请各位团员提前到场。"),
    ]
    path = tmp_path / "日程.docx"
    write_docx(parts, path, author="岑川市委老干部局")
    text = read_document(path).text
    assert all(line in text for line in ("签到 08:30", "合唱 09:00", "发言人1 09:40"))


def test_turn_labels() -> None:
    assert all(
        map(is_turn_label, ["发言人1   00:41", "说话人 2 01:02:03", "Speaker 3 12:05", "发言人12 1:05"])
    )
    assert not any(map(is_turn_label, ["签到 08:30", "发言人1：大家好", "2026-06-20 15:02", "发言人"]))
    one = (Block(text="发言人1 00:00", kind="paragraph"), Block(text="大家好。", kind="paragraph"))
    assert without_turn_labels(one) == one  # one label alone is no transcript


OPENING = [
    "庆典录音",
    "2026-10-09 09:30  时长 12:05",
]
CEREMONY = [
    ("发言人1", "00:00", "各位老同志：银龄书画展开幕式现在开始。下面，请市委老干部局局长蒲正言同志致辞。"),
    ("发言人2", "00:40", "各位老同志：今天的书画展共展出离退休干部作品168幅，是历年来最多的一次。"),
    ("发言人2", "03:10", "书画展在市老干部活动中心展出一个月，每天上午9点到下午5点免费参观。"),
    ("发言人1", "06:20", "谢谢蒲局长。接下来，请离退休干部代表钱文斌同志发言。"),
    ("发言人3", "06:45", "我今年七十八岁，退休后在老年大学学了十年书法，这次有两幅作品参展。"),
    ("发言人1", "09:30", "开幕式到此结束，请大家参观展览。"),
]


def test_the_speakers_a_host_introduces_are_read_and_cited(tmp_path: Path) -> None:
    """A transcript's speaker was named only in the host's introduction (「下面，请…蒲正言同志致辞。」): the speech
    was 讲话人不详. Each voice the host introduces is named — its turns under the introduction's words
    (「蒲正言同志致辞」, 「钱文斌同志发言」), the host's after them under 「主持人」 — and the speaker is the introduced
    voice that says more than half of it."""
    path = tmp_path / "开幕式录音转写.docx"
    write_transcript_docx(OPENING, CEREMONY, path, author="岑川市委老干部局")
    document = read_document(path)
    [speech] = parse_document(document)
    assert speech.speaker == "蒲正言"
    sections = [(p.section, p.text) for p in speech.paragraphs]
    assert sections == [
        ("主持人", CEREMONY[0][2]),  # the host's opening too, as the host's later turns
        ("蒲正言同志致辞", CEREMONY[1][2]),
        ("蒲正言同志致辞", CEREMONY[2][2]),
        ("主持人", CEREMONY[3][2]),
        ("钱文斌同志发言", CEREMONY[4][2]),
        ("主持人", CEREMONY[5][2]),
    ]
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_the_speaker_is_the_introduced_voice_that_says_most(tmp_path: Path) -> None:
    """The host's words are the host's; of the introduced voices, the one saying more than half of what they
    say is the speech's speaker — here the representative, given a second turn — and with two saying as much,
    nobody is."""
    more = (
        "发言人3",
        "08:00",
        "我要感谢老干部局为我们搭建展示的平台，希望明年的书画展有更多老同志参加，作品更加丰富多彩。",
    )
    path = tmp_path / "开幕式录音转写.docx"
    write_transcript_docx(
        OPENING, [*CEREMONY[:2], *CEREMONY[3:5], more, CEREMONY[5]], path, author="岑川市委老干部局"
    )
    [speech] = parse_document(read_document(path))
    assert speech.speaker == "钱文斌"
    even = ("发言人3", "06:45", CEREMONY[1][2])  # as much as 蒲正言 says
    write_transcript_docx(
        OPENING, [*CEREMONY[:2], CEREMONY[3], even, CEREMONY[5]], path, author="岑川市委老干部局"
    )
    [speech] = parse_document(read_document(path))
    assert speech.speaker is None
    assert {p.section for p in speech.paragraphs} == {"蒲正言同志致辞", "主持人", "钱文斌同志发言"}


def test_a_voice_nobody_introduced_is_cited_by_its_label_wherever_it_speaks(tmp_path: Path) -> None:
    """A voice the host never names (a guest speaking up before and after the introduced speech) is cited as the
    transcript labels it, 「发言人3」, before the first named voice as after it; the host's turns are 「主持人」."""
    guest = ("发言人3", "00:00", "各位老同志请入座，开幕式马上开始，请把手机调成静音。")
    again = ("发言人3", "06:30", "参观的老同志可以在留言簿上写下意见建议。")
    path = tmp_path / "开幕式录音转写.docx"
    write_transcript_docx(
        OPENING, [guest, CEREMONY[0], *CEREMONY[1:3], again, CEREMONY[5]], path, author="岑川市委老干部局"
    )
    [speech] = parse_document(read_document(path))
    assert [(p.section, p.text) for p in speech.paragraphs] == [
        ("发言人3", guest[2]),  # was under no heading, before the first named voice
        ("主持人", CEREMONY[0][2]),
        ("蒲正言同志致辞", CEREMONY[1][2]),
        ("蒲正言同志致辞", CEREMONY[2][2]),
        ("发言人3", again[2]),
        ("主持人", CEREMONY[5][2]),
    ]


def test_a_host_introducing_no_name_or_no_speech_names_nobody() -> None:
    from corpus.transcript import introduction

    assert introduction("下面，请蒲正言局长讲话。") == ("蒲正言", "蒲正言局长讲话")
    assert introduction("有请市委组织部王芳部长致辞！") == ("王芳", "王芳部长致辞")
    assert introduction("接下来请离退休干部代表张建国同志发言。") == ("张建国", "张建国同志发言")
    for text in (
        "下面请团长讲几句。",
        "请大家鼓掌。",
        "请各位代表发言。",
        "下面，请蒲正言局长向捐赠人代表颁发收藏证书。",
    ):
        assert introduction(text) is None, text
