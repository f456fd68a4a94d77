"""corpus.plaintext: hard-wrapped plain texts and text pasted from a PDF come in one paragraph per line,
with nothing lost, nothing doubled, and no page number or running header in the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.documents import wrap
from corpus import HEAD_SECTION, check_conservation, chunk_speech, parse_document, read_bytes, read_document
from corpus.parse import stands_alone
from corpus.plaintext import plain_lines

FIXTURES = Path(__file__).parent / "fixtures" / "documents"

HEADING = "一、准确把握新时代老干部工作的政治属性，切实在提高老干部工作重要意义认识上实现新高度"
# Wrapped at 30 characters, paragraphs indented by two full-width spaces, as an old editor saved it.
WRAPPED_LINES = [
    "在全市老干部工作会议上的讲话",
    "（2024年3月5日）",
    "同志们：",
    "　　这次会议是市委同意召开的。市委常委会会议专门听取了老干",
    "部工作情况汇报，对做好全市老干部工作提出了明确要求，我们要",
    "一方面加强服务，另一方面发挥老同志作用，做到两手抓两手硬。",
    "　　一、准确把握新时代老干部工作的政治属性，切实在提高老干",
    "部工作重要意义认识上实现新高度",
    "　　老干部工作是党建工作的重要组成部分，说到底是政治工作，",
    "准确把握老干部工作的政治属性，对做好新时代老干部工作至关重",
    "要。要坚持把政治建设摆在首位，不断增强老同志的政治认同。",
]
WRAPPED = "\n".join(WRAPPED_LINES) + "\n"


def speeches_of(text: str, encoding: str = "gb18030"):  # type: ignore[no-untyped-def]
    document = read_bytes("讲话.txt", text.encode(encoding))
    return document, parse_document(document)


def test_a_heading_wrapped_onto_two_lines_is_one_section() -> None:
    _, speeches = speeches_of(WRAPPED)
    sections = {p.section for p in speeches[0].paragraphs}
    assert HEADING in sections
    assert all(not p.text.startswith("现新高度") for p in speeches[0].paragraphs)


def test_a_wrapped_line_that_starts_like_a_numbered_point_runs_on() -> None:
    _, speeches = speeches_of(WRAPPED)
    first = speeches[0].paragraphs[0]
    assert first.section is None
    assert first.text.endswith("我们要一方面加强服务，另一方面发挥老同志作用，做到两手抓两手硬。")


def test_wrapped_text_keeps_every_sentence_once() -> None:
    document, speeches = speeches_of(WRAPPED)
    passages = [d.text for s in speeches for d in chunk_speech(s)]
    result = check_conservation(document, passages)
    assert result.ok and result.sentences >= 4
    assert (speeches[0].title, speeches[0].date) == ("在全市老干部工作会议上的讲话", "2024-03-05")


def test_one_paragraph_per_line_is_left_line_for_line() -> None:
    text = "第一篇：在老干部座谈会上的讲话\n今天请大家来座谈，听听意见。\n各位老同志为党工作了一辈子。\n"
    assert plain_lines(text, stands_alone) == text.split("\n")


def test_a_new_speech_after_a_full_line_is_not_joined_to_it() -> None:
    body = "老干部工作是一项需要付出、需要奉献的重要工作，也是值得付出的光荣事业。"
    lines = [
        "　　" + body[:20],
        body[20:] + "希望大家不负组织重托和老干部信任，锐",
        "意进取、真抓实干，不断开创新时代老干部工作新局面。希望大家",
        "不负组织重托。锐意进取、真抓实干，不断开创新时代老干部工作。",
        "第二篇：在老年大学开学典礼上的讲话",
        "　　老年大学今天开学了。",
    ]
    out = plain_lines("\n".join(lines), stands_alone)
    assert "第二篇：在老年大学开学典礼上的讲话" in out


def test_page_numbers_and_running_headers_of_pasted_pdf_text_are_dropped() -> None:
    text = (
        "关于做好离休干部体检工作的通知\n各区县老干部局：\n"
        "　　一、体检时间。2024年3月至5月，各单位要提前安排，做好组织工作，确保离休\n"
        "干部应检尽检。\n\n— 1 —\n\f中共某某市委老干部局\n"
        "　　二、体检标准。体检标准不得低于上年，所需经费按规定渠道解决，各单位要积极\n"
        "协调落实。\n第 2 页 共 3 页\n中共某某市委老干部局\n"
        "　　三、有关要求。各单位要高度重视，加强组织领导，认真做好体检结果的反馈和健\n"
        "康指导工作。\n中共某某市委老干部局\n2024年4月2日\n"
    )
    _, speeches = speeches_of(text)
    speech = speeches[0]
    # the body (the 文件信息 passage names the issuer as 发文机关: not a running header read into the text)
    body = "".join(p.text for p in speech.paragraphs if p.section != HEAD_SECTION)
    assert "页" not in body and "—" not in body
    assert "中共某某市委老干部局" not in body
    assert (speech.issuer, speech.date) == ("中共某某市委老干部局", "2024-04-02")  # the signature stays


def test_a_lone_number_is_not_taken_for_a_page_number() -> None:
    text = "离休干部名单\n2024\n共计十二人，均已完成体检。\n"
    assert "2024" in plain_lines(text)


@pytest.mark.parametrize(
    "name",
    [
        "work_conference.pdftotext.gbk.txt",
        "health_notice.pdftotext.gb18030.txt",
        "retiree_forum.pdftotext.big5.txt",
    ],
)
def test_text_pasted_from_a_pdf_parses_as_the_original(name: str) -> None:
    expected = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    document = read_document(FIXTURES / name)
    speech = parse_document(document)[0]
    assert (speech.title, speech.date, speech.speaker) == (
        expected["title"],
        expected["date"],
        expected["speaker"],
    )
    # Numbered headings are found (a plain text cannot mark an unnumbered one: it reads as a paragraph).
    found = {part for p in speech.paragraphs if p.section for part in p.section.split(" › ")}
    numbered = [s for s in expected["sections"] if stands_alone(s)]
    assert all(any(f.startswith(s) for f in found) for s in numbered)
    assert check_conservation(document, [d.text for d in chunk_speech(speech)]).ok


# A notice pasted from a PDF: 「- 1 -」 page numbers, its date under the title and again under the signature.
NOTICE = (
    "关于做好2024年春节期间走访慰问工作的通知\n2024年1月5日\n各县（市、区）民政局：\n"
    "为做好春节期间走访慰问工作，现将有关事项通知如下。\n- 1 -\n"
    "一、慰问对象为困难职工家庭。\n二、慰问标准为每户500元。\n市民政局\n2024年1月5日\n- 2 -\n"
)


def test_a_date_next_to_a_page_break_is_not_taken_for_a_running_header() -> None:
    lines = plain_lines(NOTICE, stands_alone)
    assert lines.count("2024年1月5日") == 2
    _, speeches = speeches_of(NOTICE)
    assert speeches[0].date == "2024-01-05"


def two_speeches_pasted_from_a_pdf() -> str:
    """Two speeches pasted from a PDF: pages split by form feeds, 「- 1 -」 page numbers, the body wrapped at
    17 characters, as long as the second title (which must not run on into the body)."""
    wrapped = {
        "一": "这次会议是市委同意召开的，主要任务是总结工作、部署任务。市委常委会专门听取了汇报。",
        "二": "老干部工作是党建工作的重要组成部分，说到底是政治工作。希望大家不负重托，真抓实干。",
        "三": "今年汛期形势严峻，各地要提前做好准备，落实防汛责任，确保人民群众生命财产安全。",
        "四": "要压实责任，加强监测预警，做好物资储备，确保安全度汛，坚决守住不死人的底线。",
    }
    body = {k: "\n".join(wrap(v, 17, 17)) for k, v in wrapped.items()}
    pages = [  # the second speech starts at the foot of a page, its salutation heads the next
        f"第一篇：在全市老干部工作会议上的讲话\n（2024年3月5日）\n同志们：\n{body['一']}\n- 1 -",
        f"{body['二']}\n第二篇：在全市防汛工作会议上的讲话\n（2024年6月12日）\n- 2 -",
        f"同志们：\n{body['三']}\n- 3 -",
        f"{body['四']}\n- 4 -",
    ]
    return "\f".join(pages) + "\n"


def test_dates_and_salutations_of_a_collection_pasted_from_a_pdf_are_kept() -> None:
    text = two_speeches_pasted_from_a_pdf()
    lines = plain_lines(text, stands_alone)
    assert lines.count("同志们：") == 2
    assert "（2024年3月5日）" in lines and "（2024年6月12日）" in lines
    document, speeches = speeches_of(text)
    assert [(s.title, s.date) for s in speeches] == [
        ("在全市老干部工作会议上的讲话", "2024-03-05"),
        ("在全市防汛工作会议上的讲话", "2024-06-12"),
    ]
    assert speeches[1].paragraphs[0].text.startswith("今年汛期形势严峻")
    assert check_conservation(document, [d.text for s in speeches for d in chunk_speech(s)]).ok


def test_a_running_header_recurs_at_different_page_breaks() -> None:
    pages = [
        "在全市老干部工作会议上的讲话\n（2024年3月5日）\n同志们：\n这次会议是市委同意召开的。\n— 1 —",
        "中共某某市委老干部局\n老干部工作是党建工作的重要组成部分。\n— 2 —",
        "中共某某市委老干部局\n希望大家不负重托，真抓实干。\n— 3 —",
    ]
    lines = plain_lines("\f".join(pages), stands_alone)
    assert "中共某某市委老干部局" not in lines
    assert "（2024年3月5日）" in lines and "同志们：" in lines


def test_a_line_that_recurs_only_away_from_page_breaks_is_kept() -> None:
    text = (
        "在全市老干部工作会议上的讲话\n加强服务\n这次会议是市委同意召开的。\n"
        "老干部工作是党建工作的重要组成部分。\n希望大家真抓实干。\n加强服务\n"
        "要坚持把政治建设摆在首位。\n不断增强老同志的政治认同。\n— 1 —\n"
    )
    assert plain_lines(text, stands_alone).count("加强服务") == 2


# A one-page notice ending with its page number: the issuer under the title and again as its signature.
SIGNED_NOTICE = (
    "XX市人民政府办公室\n关于做好春节期间安全工作的通知\n各区县人民政府：\n"
    "为做好春节期间安全工作，现通知如下。\n一、加强值班值守。\n二、做好应急准备。\n"
    "XX市人民政府办公室\n2024年1月20日\n— 1 —\n"
)


def test_the_issuer_over_the_title_and_under_the_signature_is_kept() -> None:
    lines = plain_lines(SIGNED_NOTICE, stands_alone)
    assert lines.count("XX市人民政府办公室") == 2
    _, speeches = speeches_of(SIGNED_NOTICE)
    assert speeches[0].title.endswith(
        "关于做好春节期间安全工作的通知"
    )  # with its issuer, as GB/T 9704 has it
    assert (speeches[0].issuer, speeches[0].date) == ("XX市人民政府办公室", "2024-01-20")


def test_a_line_at_the_file_start_and_end_of_two_pages_is_not_a_running_header() -> None:
    page_one, page_two = SIGNED_NOTICE.split("一、加强值班值守。\n")
    text = f"{page_one}— 1 —\n\f一、加强值班值守。\n{page_two.replace('— 1 —', '— 2 —')}"
    assert plain_lines(text, stands_alone).count("XX市人民政府办公室") == 2


def test_a_title_that_heads_every_page_stays_the_title() -> None:
    pages = [
        "关于做好离休干部体检工作的通知\n各区县老干部局：\n一、体检时间为3月至5月。\n— 1 —",
        "关于做好离休干部体检工作的通知\n二、体检标准不得低于上年。\n— 2 —",
        "关于做好离休干部体检工作的通知\n三、各单位要高度重视。\n中共某某市委老干部局\n2024年4月2日\n— 3 —",
    ]
    text = "\f".join(pages) + "\n"
    assert plain_lines(text, stands_alone).count("关于做好离休干部体检工作的通知") == 1
    document, speeches = speeches_of(text)
    assert speeches[0].title == "关于做好离休干部体检工作的通知"
    assert "".join(p.text for p in speeches[0].paragraphs).count("关于做好离休干部体检工作的通知") == 0
    assert check_conservation(document, [d.text for d in chunk_speech(speeches[0])]).ok


def test_a_date_that_heads_every_page_is_dropped_there_and_the_sentence_runs_on() -> None:
    body = (
        "为做好春季安全工作，现通知如下。加强组织领导，认真落实各项措施，切实做好"
        "各项工作。要加强督促检查，及时发现和解决工作中存在的问题，推动各项任务落到实处，"
        "确保取得实效。要加强宣传引导，营造良好氛围，确保全市安全形势持续稳定。"
    )
    lines = wrap(body, 18, 18)
    cut = next(i for i, line in enumerate(lines) if line.endswith("切实做好")) + 1
    header = "2024年3月1日"
    pages = [
        [header, "关于做好春季安全工作的通知", "各区县人民政府：", *lines[:cut]],
        [header, *lines[cut : cut + 3]],
        [header, *lines[cut + 3 :], "XX市人民政府办公室"],
    ]
    text = "\f".join("\n".join(page) + f"\n— {n} —\n" for n, page in enumerate(pages, start=1))
    out = plain_lines(text, stands_alone)
    assert out.count(header) == 1 and out[0] == header
    assert any("切实做好各项工作。" in line for line in out)
    _, speeches = speeches_of(text)
    assert (speeches[0].title, speeches[0].date) == ("关于做好春季安全工作的通知", "2024-03-01")
    assert "切实做好各项工作。" in "".join(p.text for p in speeches[0].paragraphs)


def fixture_lines(name: str) -> list[str]:
    return read_document(FIXTURES / name).text.splitlines()


def test_a_signature_block_opening_the_second_page_is_kept() -> None:
    # reportlab → pdftotext → GBK: the issuer heads page 1 and its signature opens page 2 (make_page_breaks.py).
    name = "signature_notice.pdftotext.gbk.txt"
    lines = fixture_lines(name)
    assert lines[0] == "中共某某市委老干部局"
    assert lines[-2:] == ["中共某某市委老干部局", "2024年3月20日"]
    speech = parse_document(read_document(FIXTURES / name))[0]
    assert (speech.issuer, speech.date) == ("中共某某市委老干部局", "2024-03-20")


def test_a_numbered_point_opening_two_pages_is_kept_and_the_running_header_goes() -> None:
    # reportlab → pdftotext → Big5: the header on pages 2 and 3, each opened next by 「（一）組織領導」.
    expected = json.loads((FIXTURES / "work_plan.pdftotext.big5.txt.json").read_text("utf-8"))
    lines = fixture_lines("work_plan.pdftotext.big5.txt")
    assert lines.count("（一）組織領導") == 3
    assert not any("文件彙編" in line for line in lines)
    assert expected["absent"] == ["某某市老幹部工作文件彙編"]


def pages_of(*pages: list[str]) -> str:
    return "".join("\n".join(page) + f"\n— {n} —\n\f" for n, page in enumerate(pages, start=1))


def test_a_signature_at_the_top_of_the_last_page_under_a_running_header_is_kept() -> None:
    # The running header is the issuer's name too: the last page holds it and, under it, the signature.
    text = pages_of(
        ["中共某某市委老干部局", "关于做好体检工作的通知", "各区县老干部局：", "一、体检时间为3月至5月。"],
        ["中共某某市委老干部局", "二、体检标准不得低于上年。"],
        ["中共某某市委老干部局", "三、各单位要高度重视。"],
        ["中共某某市委老干部局", "中共某某市委老干部局", "2024年4月2日"],
    )
    lines = plain_lines(text, stands_alone)
    assert lines[-2:] == ["中共某某市委老干部局", "2024年4月2日"]  # the signature
    assert lines.count("中共某某市委老干部局") <= 2  # and the banner, or the first page's header


@pytest.mark.parametrize(
    "repeated",
    ["（一）组织领导", "序号    姓名    单位    金额", "强化组织保障"],
)
def test_a_body_line_that_happens_to_open_pages_is_kept(repeated: str) -> None:
    # Four pages: a line at the top of two of them is no running header (that is on most pages).
    text = pages_of(
        ["关于做好老干部工作的意见", "各单位：", "一、离休干部工作。"],
        [repeated, "各单位要加强组织领导。"],
        ["二、退休干部工作。", "各单位要落实工作责任。"],
        [repeated, "各单位要明确分管领导。"],
    )
    assert "".join(plain_lines(text, stands_alone)).count(repeated) == 2


@pytest.mark.parametrize("repeated", ["（一）组织领导", "序号    姓名    单位    金额"])
def test_a_numbered_point_or_table_row_at_the_top_of_every_later_page_is_kept(repeated: str) -> None:
    # Three pages, the line opening pages 2 and 3: a page header would do that too, but never looks so.
    text = pages_of(
        ["关于做好老干部工作的意见", "各单位：", "一、离休干部工作。"],
        [repeated, "各单位要加强组织领导。"],
        [repeated, "各单位要明确分管领导。"],
    )
    assert "".join(plain_lines(text, stands_alone)).count(repeated) == 2


def test_a_line_that_also_stands_inside_a_page_is_body_text() -> None:
    text = pages_of(
        ["关于做好老干部工作的意见", "各单位：", "强化组织保障", "一、离休干部工作。", "要落实责任。"],
        ["强化组织保障", "各单位要加强组织领导。"],
        ["强化组织保障", "各单位要明确分管领导。"],
    )
    assert "".join(plain_lines(text, stands_alone)).count("强化组织保障") == 3


def test_a_line_at_the_foot_of_pages_but_not_of_the_last_is_no_footer() -> None:
    # Each part ends with its responsible unit and the next part starts a page: no footer skips the last.
    text = pages_of(
        ["关于做好老干部工作的意见", "一、离休干部工作。", "责任单位：各区县老干部局"],
        ["二、退休干部工作。", "责任单位：各区县老干部局"],
        ["三、老干部发挥作用。", "各单位要认真落实。", "中共某某市委老干部局", "2024年4月2日"],
    )
    assert "".join(plain_lines(text, stands_alone)).count("责任单位：各区县老干部局") == 2


def test_a_body_line_under_the_running_header_of_fewer_pages_is_kept() -> None:
    text = pages_of(
        ["老干部工作文件汇编", "关于做好老干部工作的意见", "一、离休干部工作。"],
        ["老干部工作文件汇编", "强化组织保障", "各单位要加强组织领导。"],
        ["老干部工作文件汇编", "强化组织保障", "各单位要明确分管领导。"],
        ["老干部工作文件汇编", "各单位要认真落实。"],
    )
    flat = "".join(plain_lines(text, stands_alone))
    assert flat.count("强化组织保障") == 2 and "老干部工作文件汇编" not in flat
