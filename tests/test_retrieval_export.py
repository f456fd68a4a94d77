"""retrieval.export: an answer written as .docx and read back with python-docx."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

import docx
import pytest

from index import PassageRecord
from retrieval import Answer, FilterReport, Filters, Hit, answer_docx, citation
from retrieval.export import sentence_span

TEXT = "要落实好离休干部每年一次体检的规定。千方百计为离休干部看病治疗提供更多的方便。"
SENTENCE = "要落实好离休干部每年一次体检的规定。"
EXPORTED = datetime(2025, 1, 2, 9, 30, tzinfo=UTC)


@dataclass(frozen=True)
class SentenceHit(Hit):
    """A Hit as another part of the project extends it: with the answering sentence marked."""

    answer_sentence: object = None


def passage(pid: int = 57, date: str | None = "2024-03-13", speaker: str | None = "沈伟") -> PassageRecord:
    return PassageRecord(
        id=pid,
        speech_id=2,
        position=30,
        section="二、主要任务 › （二）重点抓好五项工作",
        text=TEXT,
        content_hash="x",
        speech_title="在全市老干部工作会议上的讲话",
        speech_date=date,
        speaker=speaker,
    )


def hit(rank: int = 1, **extra: object) -> Hit:
    base = dict(rank=rank, score=0.9, passage=passage(), dense=0.8, lexical=3.0, highlights=())
    if extra:
        return SentenceHit(**base, **extra)  # type: ignore[arg-type]
    return Hit(**base)  # type: ignore[arg-type]


def answer(*hits: Hit, answered: bool = True, filters: FilterReport | None = None) -> Answer:
    return Answer(
        "离休干部体检规定是什么？", answered, tuple(hits), (), "hybrid", 0, False, 12.0, filters=filters
    )


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_the_file_holds_the_question_the_export_date_and_each_cited_passage() -> None:
    pinned = Hit(**{**hit().__dict__, "pinned": True})
    document = read(answer_docx(answer(pinned, hit(2)), exported=EXPORTED))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "离休干部体检规定是什么？" in text
    assert "导出日期：2025 年 1 月 2 日" in text
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["1. 📌 标准答案 · 在全市老干部工作会议上的讲话", "2. 在全市老干部工作会议上的讲话"]
    cite = "《在全市老干部工作会议上的讲话》 · 2024-03-13 · 沈伟 · § 二、主要任务 › （二）重点抓好五项工作 · 第 31 段 · 讲话编号 2 · 段落编号 57"
    assert text.count(cite) == 2
    assert text.count(TEXT) == 2
    assert document.core_properties.title == "离休干部体检规定是什么？"
    assert "2025 年 1 月 2 日" in document.sections[0].footer.paragraphs[0].text


def test_the_export_date_is_the_day_in_beijing_whatever_the_servers_clock() -> None:
    """A container runs in UTC: at 07:00 in Beijing (23:00 UTC the day before) the export used to be dated
    the day before, in its 导出日期 line and its footer."""
    early = datetime(2025, 1, 1, 23, 0, tzinfo=UTC)  # 2025-01-02 07:00 in Beijing
    document = read(answer_docx(answer(hit()), exported=early))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "导出日期：2025 年 1 月 2 日" in text
    assert document.sections[0].footer.paragraphs[0].text == "speechqa 导出 · 2025 年 1 月 2 日"


def test_the_files_properties_name_speechqa_and_the_moment_of_export_in_any_time_zone() -> None:
    """Word shows them under 文件 › 信息: not python-docx's own template (author 「python-docx」, a
    comment in English, last modified in 2013), and the export time right in Beijing time too."""
    beijing = EXPORTED.astimezone(timezone(timedelta(hours=8)))  # 2025-01-02 17:30 +08:00
    props = read(answer_docx(answer(hit()), exported=beijing)).core_properties
    assert props.created == props.modified == EXPORTED  # 09:30 UTC, not 17:30 UTC
    assert props.author == props.last_modified_by == "speechqa"
    assert "python-docx" not in props.comments


@pytest.mark.parametrize("mark", [SENTENCE, (0, len(SENTENCE))])
def test_the_answer_sentence_is_bold_where_the_hit_has_one(mark: object) -> None:
    document = read(answer_docx(answer(hit(answer_sentence=mark)), exported=EXPORTED))
    body = next(p for p in document.paragraphs if TEXT in p.text)
    assert [r.text for r in body.runs if r.bold] == [SENTENCE]
    assert "".join(r.text for r in body.runs) == TEXT


def test_without_an_answer_sentence_nothing_in_the_passage_is_bold() -> None:
    document = read(answer_docx(answer(hit()), exported=EXPORTED))
    body = next(p for p in document.paragraphs if TEXT in p.text)
    assert not any(r.bold for r in body.runs)


def test_an_answer_sentence_that_is_not_in_the_passage_is_ignored() -> None:
    assert sentence_span(hit(answer_sentence="不在段落里的句子")) is None
    assert sentence_span(hit(answer_sentence=(5, 999))) is None


def test_unknown_date_and_speaker_are_said_so() -> None:
    h = Hit(**{**hit().__dict__, "passage": passage(date=None, speaker=None)})
    assert "日期不详 · 讲话人不详" in citation(h)


def test_filters_and_the_no_answer_notice_are_written() -> None:
    report = FilterReport(Filters(speakers=("沈伟",)), Filters(speakers=("沈伟",)), 12, fallback=False)
    text = "\n".join(
        p.text for p in read(answer_docx(answer(hit(), answered=False, filters=report))).paragraphs
    )
    assert "筛选：沈伟" in text and "仅限" not in text
    assert "可能不相关" in text


def test_chinese_text_is_set_in_a_chinese_font() -> None:
    document = read(answer_docx(answer(hit())))
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "宋体"


def test_a_passage_shown_for_context_is_marked_possibly_unrelated() -> None:
    related = Hit(rank=1, score=0.9, passage=passage(), dense=0.8, lexical=3.0, highlights=())
    loose = Hit(rank=2, score=0.5, passage=passage(58), dense=0.6, lexical=1.0, highlights=(), relevant=False)
    headings = [
        p.text for p in read(answer_docx(answer(related, loose))).paragraphs if p.style.name == "Heading 2"
    ]
    assert "（可能不相关）" not in headings[0]
    assert headings[1].endswith("（可能不相关）")
