"""Interviews, FAQs and notices of labelled items as real producers write them (python-docx with Word's
styles, and the same file printed to PDF by LibreOffice), read, parsed and chunked as `speechqa add` does:
a question (问/問/记者) and its answer are one passage, a numbered item 「三、参加对象：…」 is headed by its
label, and every body sentence is in exactly one passage, in order."""

from __future__ import annotations

import re
import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import (
    MEASURED_MERGE_TO,
    answers,
    asks,
    check_conservation,
    chunk_speech,
    parse_document,
    read_document,
    split_sentences,
)

PAIRS = [
    (
        "问（退休教师周玉兰）：我们这些退休多年的老同志，还能不能进人才库？怎么报名？",
        "答：能。人才库不设退休年限，年龄在75周岁以下、身体健康、有一技之长的都可以报名。"
        "可以向原单位离退休干部工作部门报名，也可以通过微信公众号在线填报。",
    ),
    (
        "問（退休工程師陸振華）：我們到企業搞技術服務，出了安全問題誰負責？",
        "答：這個問題提得好。今年起，局裡統一為參加服務的老同志購買人身意外傷害保險，每人保額30萬元；"
        "同時與用人單位簽訂服務協議，明確雙方的責任。",
    ),
    ("记者：服务站什么时候挂牌？", "沈国栋：9月30日前全部挂牌运行。"),
]
ITEMS = [
    "一、休养地点：青溪市石湖疗养院，两人一间。提供一日三餐。",
    "二、休养时间：2026年7月6日至7月31日。分四批进行，每批6天。",
    "三、参加对象：年满65周岁、身体健康的离退休干部，每批限额40人。近三年已参加过的原则上不再安排。",
]


def interview_docx(path: Path, pairs: list[tuple[str, str]], items: list[str]) -> None:
    """A speech with a Title, Heading 1 parts, numbered labelled items and question/answer pairs."""
    document = docx.Document()
    document.add_paragraph("在全市银发人才座谈会上的讲话", style="Title")
    document.add_paragraph("今天，我们在这里召开座谈会，听取老同志们的意见建议。下面，我讲几点意见。")
    document.add_paragraph("活动安排", style="Heading 1")
    for item in items:
        document.add_paragraph(item)
    document.add_paragraph("互动交流", style="Heading 1")
    for question, answer in pairs:
        document.add_paragraph(question)
        document.add_paragraph(answer)
    document.add_paragraph("同志们，希望大家老有所为、量力而行，贡献银发力量！")
    document.save(str(path))


def passages_of(path: Path) -> tuple[list[str], list[str | None], list[str]]:
    """The passages' texts and sections as `speechqa add` makes them, and the document's body sentences
    unless conservation failed (then the test fails)."""
    document = read_document(path)
    texts: list[str] = []
    sections: list[str | None] = []
    for speech in parse_document(document):
        for draft in chunk_speech(speech, merge_to=MEASURED_MERGE_TO):
            texts.append(draft.text)
            sections.append(draft.section)
    kept = check_conservation(document, texts)
    assert kept.ok, (kept.missing, kept.duplicated)
    return texts, sections, [re.sub(r"\s", "", t) for t in texts]


def assert_in_order_once(sentences: list[str], texts: list[str]) -> None:
    joined = "".join(re.sub(r"\s", "", t) for t in texts)
    at = 0
    for sentence in sentences:
        found = joined.find(sentence, at)
        assert found >= 0, sentence
        at = found + len(sentence)
        assert sum(t.count(sentence) for t in texts) == 1, sentence


def assert_pairs_together(pairs: list[tuple[str, str]], texts: list[str]) -> None:
    for question, answer in pairs:
        held = [t for t in texts if question in t]
        assert len(held) == 1
        assert split_sentences(answer)[0] in held[0]  # the question, then at least its answer's start


def test_a_word_interview_keeps_each_question_with_its_answer_and_items_under_their_labels(
    tmp_path: Path,
) -> None:
    path = tmp_path / "座谈会讲话.docx"
    interview_docx(path, PAIRS, ITEMS)
    texts, sections, _ = passages_of(path)
    assert_pairs_together(PAIRS, texts)
    assert_in_order_once([s for q, a in PAIRS for s in split_sentences(q + a)], texts)
    for item, label in zip(ITEMS, ["一、休养地点", "二、休养时间", "三、参加对象"], strict=True):
        (at,) = [n for n, t in enumerate(texts) if item in t]
        assert sections[at] == label  # 一、 is a top-level part, as a Heading 1 is
    assert all(section is None or "…" not in section for section in sections)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_same_interview_printed_to_pdf_by_libreoffice_reads_the_same_way(tmp_path: Path) -> None:
    source = tmp_path / "座谈会讲话.docx"
    interview_docx(source, PAIRS, ITEMS)
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    _, sections, squashed = passages_of(tmp_path / "座谈会讲话.pdf")
    assert_pairs_together([(re.sub(r"\s", "", q), re.sub(r"\s", "", a)) for q, a in PAIRS], squashed)
    labels = {section.rsplit(" › ", 1)[-1] for section in sections if section}
    assert {"一、休养地点", "二、休养时间", "三、参加对象"} <= labels


_SAID = st.text(alphabet="老同志人才库报名服务站挂牌讲课补贴标准", min_size=4, max_size=40)


@st.composite
def _pair(draw: st.DrawFn) -> tuple[str, str]:
    label = draw(st.sampled_from(["问：", "問：", "问（记者）：", "記者："]))
    question = label + draw(_SAID) + draw(st.sampled_from(["？", "吗？", "。请介绍一下。"]))
    reply = draw(st.sampled_from(["答：", "答（局长）：", "沈国栋："]))
    answer = reply + "".join(draw(_SAID) + "。" for _ in range(draw(st.integers(1, 8))))
    return question, answer


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_pair(), min_size=1, max_size=6, unique_by=lambda p: p[0]))
def test_any_word_interview_loses_and_doubles_nothing_and_cuts_no_question_from_its_answer(
    tmp_path: Path, pairs: list[tuple[str, str]]
) -> None:
    path = tmp_path / "访谈.docx"
    interview_docx(path, pairs, ITEMS)
    assert all(asks(q) and not asks(a) for q, a in pairs)
    assert all(answers(a) for q, a in pairs if a.startswith("答"))
    texts, _, _ = passages_of(path)
    sentences = [re.sub(r"\s", "", s) for q, a in pairs for s in split_sentences(q + a)]
    for question, answer in pairs:
        held = [t for t in texts if question + split_sentences(answer)[0] in t]
        assert len(held) >= 1
    # every sentence of the pairs in order (each question line is unique; answers may repeat words)
    joined = "".join(texts)
    at = 0
    for sentence in sentences:
        at = joined.find(sentence, at)
        assert at >= 0
        at += len(sentence)


def test_a_notice_of_short_questions_and_answers_comes_in_as_passages_of_the_usual_size() -> None:
    # the 问答 policy notice among the fixtures: three pairs of 60–67 characters, one passage of whole pairs
    # (one passage per pair ranked one of its questions out of the top 3 in the policy benchmark)
    path = Path(__file__).parent / "fixtures" / "notices" / "n21-wenda-jiedu.txt"
    texts, _, _ = passages_of(path)
    speech = parse_document(read_document(path))[0]
    pairs = [(p.text, a.text) for p, a in pairwise(speech.paragraphs) if asks(p.text)]
    assert len(pairs) == 3 and not asks(speech.paragraphs[-1].text)
    assert_pairs_together(pairs, texts)
    assert len(texts) < len(pairs)
    assert all(len(t) <= MEASURED_MERGE_TO for t in texts)
