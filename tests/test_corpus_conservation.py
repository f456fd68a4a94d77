"""Nothing dropped, nothing doubled: every body sentence of a document reaches exactly one passage.

A property over generated official documents and speeches (titles long and short, two-line titles,
subtitles, dates in every form, speakers, document numbers, datelines, headings of every kind, numbered
one-sentence items in a row, signatures), and the checker itself on passages with a sentence removed.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import Block, Document, chunk_speech, parse_document
from corpus.conservation import body_sentences, check_conservation

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
    dropped = [p for p in passages if "一律免费" not in p]
    assert check_conservation(document_, dropped).missing == ("二、体检项目一律免费。",)
    doubled = [*passages, passages[-1]]
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
