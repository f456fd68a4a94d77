"""Nothing dropped, nothing doubled: every body sentence of a document reaches exactly one passage.

A property over generated official documents and speeches (titles long and short, two-line titles,
subtitles, dates in every form, speakers, document numbers, datelines, headings of every kind, numbered
one-sentence items in a row, signatures), and the checker itself on passages with a sentence removed.
The checker looks sentences up in an index; on generated passages with sentences removed, doubled and
moved it reports exactly what the plain search of the whole text (its first version) reports.
"""

from __future__ import annotations

import itertools
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import Block, Document, chunk_speech, parse_document
from corpus.chunk import split_sentences
from corpus.conservation import (
    Conservation,
    Occurrences,
    body_sentences,
    check_conservation,
    source_lines,
    squash,
)

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))

# No numerals, no 第/首先/是/要 pairs that would open a numbered point by chance.
CHARS = "老干部服务管理组织建设推进落实保障加强完善制度活动社区离退休党支部经费标准医疗体检慰问学习教育"
NUMERALS = "一二三四五六七八九十"
words = st.text(alphabet=CHARS, min_size=2, max_size=12)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    clauses = draw(st.lists(words, min_size=1, max_size=4))
    return "，".join(clauses) + draw(st.sampled_from("。！？；"))


@st.composite
def document(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A document's text and the body sentences it holds."""
    lines: list[str] = []
    body: list[str] = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["江州市人民政府办公室文件", "临川县委组织部"])))
    if draw(st.booleans()):
        lines.append(f"江政办发〔20{draw(st.integers(10, 24))}〕{draw(st.integers(1, 99))}号")
    title = "关于" + draw(st.text(alphabet=CHARS, min_size=4, max_size=70)) + "的通知"
    if draw(st.booleans()):
        cut = draw(st.integers(3, len(title) - 3))
        lines += [title[:cut], title[cut:]]
    else:
        lines.append(title)
    if draw(st.booleans()):
        lines.append("——在全市" + draw(words) + "会议上的讲话")
    if draw(st.booleans()):
        lines.append(
            draw(st.sampled_from(["沈 伟", "李建国", "王芳", "欧阳明", "民政部", "海关总署", "内容摘要"]))
        )
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["2020年2月6日", "2020-02-06", "2020.2.6", "二〇二〇年二月六日"])))
    first = draw(sentence())
    body.append(first)
    lines.append(draw(st.sampled_from(["", "新华社北京2月6日电 ", "新华社12月3日电（记者 周明）"])) + first)
    for number in range(draw(st.integers(1, 8))):
        kind = draw(
            st.sampled_from(["paragraph", "heading", "item", "article", "circled", "digit", "salute"])
        )
        n = NUMERALS[number % 10]
        if kind == "heading":
            marker = draw(
                st.sampled_from([f"{n}、", f"（{n}）", f"第{n}章 ", f"{number + 1}.", f"（{number + 1}）"])
            )
            lines.append(marker + draw(words))
        elif kind == "salute":
            lines.append("同志们：")
        else:
            marker = {
                "paragraph": "",
                "item": draw(
                    st.sampled_from([f"{n}、", f"（{n}）", f"{n}是", f"{number + 1}.", f"（{number + 1}）"])
                ),
                "article": f"第{n}条 ",
                "circled": chr(0x2460 + number) + " ",
                "digit": f"{number + 1}、",
            }[kind]
            sentences = draw(st.lists(sentence(), min_size=1, max_size=3 if kind == "paragraph" else 1))
            lines.append(marker + "".join(sentences))
            body += [(marker + sentences[0]).replace(" ", ""), *sentences[1:]]
    if draw(st.booleans()):
        lines += ["江州市委老干部局", draw(st.sampled_from(["2021年1月20日", "2024/5/6"]))]
    return "\n".join(lines), body


@given(document(), st.sampled_from([None, 200, 400]))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_generated_body_sentence_reaches_exactly_one_passage(
    doc: tuple[str, list[str]], merge: int | None
) -> None:
    text, sentences = doc
    document_ = Document(name="通知.txt", text=text, encoding="utf-8")
    passages = [d.text for s in parse_document(document_) for d in chunk_speech(s, merge_to=merge)]
    joined = "".join(p.replace(" ", "") for p in passages)
    for s in sentences:
        assert s in joined, (s, passages)
    report = check_conservation(document_, passages)
    assert report.ok, (report, passages)
    assert report.sentences >= len(sentences)


def test_checker_reports_a_sentence_that_reached_no_passage() -> None:
    document_ = Document(
        name="通知.txt",
        text="关于做好体检工作的通知\n一、体检对象\n本市离休干部。\n二、体检项目一律免费。\n三、经费由财政列支。",
        encoding="utf-8",
    )
    passages = [d.text for s in parse_document(document_) for d in chunk_speech(s)]
    assert check_conservation(document_, passages).ok
    dropped = [p.replace("二、体检项目一律免费。", "") for p in passages]
    assert check_conservation(document_, dropped).missing == ("二、体检项目一律免费。",)
    doubled = [*passages, "三、经费由财政列支。"]
    assert check_conservation(document_, doubled).duplicated == ("三、经费由财政列支。",)


def test_titles_headings_dates_and_signatures_are_not_body_sentences() -> None:
    document_ = Document(
        name="通知.txt",
        text="关于做好体检工作的通知\n江政办发〔2020〕12号\n一、体检对象\n本市离休干部。\n江州市委老干部局\n2020年2月6日",
        encoding="utf-8",
    )
    assert body_sentences(document_) == ["本市离休干部。"]


def test_table_rows_from_blocks_stay_separate_passages_under_their_section() -> None:
    blocks = (
        Block("离休干部待遇一览", "title"),
        Block("医疗待遇", "heading", 1),
        Block("离休干部医药费实行单独统筹。", "paragraph"),
        Block("项目：健康体检；标准：每年一次；经费来源：同级财政", "table_row"),
        Block("项目：护理费；标准：每月600元；经费来源：原渠道", "table_row"),
        Block("生活待遇", "heading", 1),
        Block("离休费按时足额发放。", "paragraph"),
    )
    document_ = Document(
        name="待遇.docx", text="\n".join(b.text for b in blocks), encoding="docx", blocks=blocks
    )
    [speech] = parse_document(document_)
    assert speech.title == "离休干部待遇一览"
    drafts = chunk_speech(speech, merge_to=400)
    rows = [d for d in drafts if d.text.startswith("项目：")]
    assert [d.section for d in rows] == ["医疗待遇", "医疗待遇"]
    assert len(rows) == 2
    assert [d.section for d in drafts if d.text == "离休费按时足额发放。"] == ["生活待遇"]
    assert check_conservation(document_, [d.text for d in drafts]).ok


def test_a_labelled_line_that_is_a_sentence_stays_body_text() -> None:
    document_ = Document(
        name="通知.txt",
        text="关于体检的通知\n时间：2023年，全市共有离休干部300人。\n一、体检对象\n本市离休干部。",
        encoding="utf-8",
    )
    passages = [d.text for s in parse_document(document_) for d in chunk_speech(s)]
    assert check_conservation(document_, passages).ok


# -- the indexed check gives the verdicts of the plain one -------------------------------------------------
def plain_conservation(document_: Document, passages: list[str]) -> Conservation:
    """The check as first written: every sentence searched for in the whole text (sentences × text)."""
    parts = [squash(p) for p in passages]
    flat = "".join(parts)
    source = "".join(squash(line) for line in source_lines(document_))
    sentences = body_sentences(document_)
    missing = tuple(s for s in sentences if s not in flat)
    duplicated = tuple(
        s for s in dict.fromkeys(sentences) if sum(p.count(s) for p in parts) > source.count(s)
    )
    return Conservation(sentences=len(sentences), missing=missing, duplicated=duplicated)


@st.composite
def damaged_passages(draw: st.DrawFn, passages: list[str]) -> list[str]:
    """The passages with sentences removed, doubled and moved, passages split, merged and reordered."""
    out = list(passages)
    for _ in range(draw(st.integers(0, 4))):
        if not out:
            break
        i = draw(st.integers(0, len(out) - 1))
        pieces = split_sentences(out[i])
        action = draw(st.sampled_from(["drop", "double", "move", "split", "merge", "swap", "repeat"]))
        if action == "drop" and pieces:
            j = draw(st.integers(0, len(pieces) - 1))
            out[i] = "".join(pieces[:j] + pieces[j + 1 :])
        elif action == "double" and pieces:
            j = draw(st.integers(0, len(pieces) - 1))
            out[i] = "".join(pieces[: j + 1] + pieces[j:])
        elif action == "move" and pieces:
            j = draw(st.integers(0, len(pieces) - 1))
            out[i] = "".join(pieces[:j] + pieces[j + 1 :])
            out.insert(draw(st.integers(0, len(out))), pieces[j])
        elif action == "split" and len(out[i]) > 1:
            cut = draw(st.integers(1, len(out[i]) - 1))  # also inside a sentence
            out[i : i + 1] = [out[i][:cut], out[i][cut:]]
        elif action == "merge" and i + 1 < len(out):
            out[i : i + 2] = [out[i] + out[i + 1]]
        elif action == "swap":
            j = draw(st.integers(0, len(out) - 1))
            out[i], out[j] = out[j], out[i]
        elif action == "repeat":
            out.insert(draw(st.integers(0, len(out))), out[i])
    return out


@given(document(), st.data())
@settings(max_examples=EXAMPLES * 4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_check_reports_what_the_plain_check_reports(
    doc: tuple[str, list[str]], data: st.DataObject
) -> None:
    text, _ = doc
    document_ = Document(name="通知.txt", text=text, encoding="utf-8")
    passages = [d.text for s in parse_document(document_) for d in chunk_speech(s)]
    damaged = data.draw(damaged_passages(passages))
    assert check_conservation(document_, damaged) == plain_conservation(document_, damaged)


# Few characters, sentence marks and closing quotes: sentences inside sentences, overlapping themselves.
TANGLED = st.text(alphabet="老干部好。；！”）」 ", min_size=0, max_size=60)


@given(TANGLED, st.lists(TANGLED, max_size=6))
@settings(max_examples=EXAMPLES * 8, deadline=None)
def test_the_check_reports_what_the_plain_check_reports_on_tangled_text(
    text: str, passages: list[str]
) -> None:
    document_ = Document(name="讲话.txt", text=text, encoding="utf-8")
    assert check_conservation(document_, passages) == plain_conservation(document_, passages)
    # and on passages cut from the text itself, with a piece of it repeated
    whole = squash(text)
    cuts = sorted({len(whole) * i // 4 for i in range(5)})
    own = [whole[a:b] for a, b in itertools.pairwise(cuts)] + [whole[len(whole) // 3 :]]
    assert check_conservation(document_, own) == plain_conservation(document_, own)


@given(st.lists(TANGLED, max_size=6), st.text(alphabet="老干部好。；！”）」", min_size=1, max_size=8))
@settings(max_examples=EXAMPLES * 8, deadline=None)
def test_occurrences_answer_as_str_does(texts: list[str], sentence: str) -> None:
    occurrences = Occurrences(texts)
    assert occurrences.anywhere(sentence) == (sentence in "".join(texts))
    assert occurrences.count(sentence) == sum(t.count(sentence) for t in texts)


@given(
    st.text(alphabet="好部。；”", min_size=1, max_size=3),
    st.lists(st.tuples(st.integers(0, 7), st.text(alphabet="好部。", max_size=2)), max_size=5),
)
@settings(max_examples=EXAMPLES * 8, deadline=None)
def test_occurrences_count_a_sentence_that_overlaps_itself_as_str_does(
    unit: str, runs: list[tuple[int, str]]
) -> None:
    """「好。好。」 is in 「好。好。好。」 twice, overlapping: str.count counts it once."""
    sentence = unit * 2
    texts = [unit * times + noise for times, noise in runs]
    occurrences = Occurrences(texts)
    assert occurrences.anywhere(sentence) == (sentence in "".join(texts))
    assert occurrences.count(sentence) == sum(t.count(sentence) for t in texts)
