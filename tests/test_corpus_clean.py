"""corpus.clean: the PDF-to-text artefacts of the seed corpus are undone, and nothing else is touched."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import bundled_corpus_files, clean_line
from corpus.clean import clean_title, is_complete, split_lines

ARTEFACT = re.compile(r"[\u201a\u201b臵\ue000-\uf8ff]|[—–－-]{1,2}\s*\d{1,4}\s*[—–－-]{1,2}")


def seed_text() -> str:
    return bundled_corpus_files()[0].read_text(encoding="utf-8")


def test_misencoded_quotes_become_chinese_quotes() -> None:
    assert clean_line("要‚进一步做好新形势下的老干部工作‛。") == "要“进一步做好新形势下的老干部工作”。"


def test_misencoded_zhi_becomes_the_right_character() -> None:
    assert clean_line("市政府对我市安臵在外地的离休干部") == "市政府对我市安置在外地的离休干部"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("组织学习党的十七大 — 10 — 精神。", "组织学习党的十七大精神。"),
        ("— 12 — 老干部活动中心（室）", "老干部活动中心（室）"),
        (
            "在着一些矛盾与问题，— 13 — 迫切需要我们认真加以解决。",
            "在着一些矛盾与问题，迫切需要我们认真加以解决。",
        ),
        ("努力提高管 - 3 - 理服务水平", "努力提高管理服务水平"),
    ],
)
def test_page_markers_inside_a_paragraph_are_removed(line: str, expected: str) -> None:
    assert clean_line(line) == expected


@pytest.mark.parametrize("line", ["2020-2024年", "第1-3条", "离休干部XXXX人，×同志和XX市"])
def test_ranges_and_redactions_are_kept(line: str) -> None:
    assert clean_line(line) == line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("沈 伟", "沈伟"),
        ("在 2024 年 3 月", "在2024年3月"),
        ("\u3000\u3000各位老同志：", "各位老同志："),
        (" 在全市老干部2024年工作会议上的讲话", "在全市老干部2024年工作会议上的讲话"),
    ],
)
def test_spaces_chinese_does_not_use_are_removed(line: str, expected: str) -> None:
    assert clean_line(line) == expected


def test_spaces_between_latin_words_are_kept() -> None:
    assert clean_line("open  source   software") == "open source software"


def test_title_keeps_one_space_between_its_halves() -> None:
    title = clean_title("  开创老干部工作新局面\u3000 努力为温州第三次跨越作贡献 ")
    assert title == "开创老干部工作新局面 努力为温州第三次跨越作贡献"


@pytest.mark.parametrize("glue", ["\ue004", "\f", "\u2028", "\u2029", "\r\n", "\r"])
def test_paragraph_glue_and_line_ends_split_lines(glue: str) -> None:
    assert split_lines(f"第一段。{glue}第二段。") == ["第一段。", "第二段。"]


@pytest.mark.parametrize("paragraph", ["到此结束。", "是否如此？", "引用了原话。”", "如下：", "（完）"])
def test_finished_paragraphs_are_complete(paragraph: str) -> None:
    assert is_complete(paragraph)


@pytest.mark.parametrize("paragraph", ["我们要常怀饮水思源的感恩之", "为建设", "老有所乐创造良"])
def test_paragraphs_cut_mid_sentence_are_not_complete(paragraph: str) -> None:
    assert not is_complete(paragraph)


def test_seed_artefacts_are_present_before_cleaning() -> None:
    raw = seed_text()
    assert raw.count("\u201a") == 62
    assert raw.count("臵") == 6
    assert raw.count("\ue004") == 13
    assert len(re.findall(r"— \d+ —", raw)) == 17


def test_no_seed_line_keeps_an_artefact_after_cleaning() -> None:
    cleaned = [clean_line(line) for line in split_lines(seed_text())]
    leftovers = [line for line in cleaned if ARTEFACT.search(line)]
    assert leftovers == []
    assert sum(1 for line in cleaned if line) > 171  # the U+E004-joined lines became several


def test_a_paragraph_ending_in_emoji_is_finished() -> None:
    """Articles written on a phone end sentences with emoji instead of 「。」; emoji alone is no sentence."""
    assert is_complete("欢迎老同志们报名参加👏")
    assert is_complete("请带上自己种的瓜果来尝一尝！🎉")
    assert is_complete("点个赞吧👍🏻")  # a skin tone after the emoji
    assert not is_complete("🌱")
    assert not is_complete("欢迎老同志们报名参加")


# C0 control characters (NUL a PDF's subset font gives for its full-width indent) are no text.
_CONTROL = [chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, 0x7F)]


@given(st.text(max_size=40), st.lists(st.sampled_from(_CONTROL), min_size=1, max_size=4), st.integers(0, 40))
def test_a_control_character_reads_as_the_space_it_stands_in_for(
    text: str, controls: list[str], at: int
) -> None:
    """Wherever control characters stand in a line, the cleaned line holds none, and reads as the line with
    spaces in their place."""
    at = min(at, len(text))
    with_controls = text[:at] + "".join(controls) + text[at:]
    cleaned = clean_line(with_controls)
    assert not any(ch in cleaned for ch in _CONTROL)
    assert cleaned == clean_line(text[:at] + " " * len(controls) + text[at:])


def test_a_reportlab_pdf_whose_indent_is_glyph_zero_keeps_no_nul_in_its_passages() -> None:
    """cold41's notice (reportlab, a subset TrueType font): each paragraph's full-width indent comes out of the
    text layer as 「\\x00\\x00」; its passages, title and sections hold no control character, and each paragraph
    starts with its first word."""
    from pathlib import Path

    from corpus import read_document
    from corpus.chunk import chunk_speech
    from corpus.parse import parse_document

    path = Path(__file__).parent.parent / "benchmarks/corpus-cold41/关于举办离退休干部集邮展览的通知.pdf"
    document = read_document(path)
    assert "\x00" in document.text  # the file's own text layer, as pdfminer reads it
    (speech,) = parse_document(document)
    texts = [speech.title] + [p.text for p in speech.paragraphs] + [d.text for d in chunk_speech(speech)]
    assert not [t for t in texts if any(ch in t for ch in _CONTROL)]
    assert any(p.text.startswith("为展示老同志的收藏成果") for p in speech.paragraphs)
