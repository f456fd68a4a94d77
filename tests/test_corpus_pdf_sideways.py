"""A table (or a page of text) printed sideways on a portrait page — a landscape table turned a quarter, as
reportlab, Word and WPS print an A4 附件 too wide for the page — is read as it reads with the sheet turned:
each row one row, every cell once, in order; the upright caption and page number around it keep their
place. Before, such a table came out a column at a time with each character reversed
(「元（格价考参：象对用适；…」) and upset the reading of the notice's first page (date and issuer lost)."""

from __future__ import annotations

import io
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
COLD43 = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold43"
HAN = "老干部局活动中心体检项目标准慰问走访学习服务报名费用地点时间对象医院社区县城关镇同志离退休全体"


def _sideways_pdf(rows: list[list[str]], angle: float, caption: str = "附件") -> bytes:
    """A portrait A4 page (reportlab, the Adobe-Song CID font): `caption` upright at its top, a ruled table
    of `rows` turned `angle` (90: reading up the page, -90: down it), 「第2页」 upright at its foot."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("STSong-Light", 16)
    page.drawString(80, height - 80, caption)
    page.saveState()
    if angle > 0:
        page.translate(120, 110)
    else:
        page.translate(width - 120, height - 110)
    page.rotate(angle)
    columns = len(rows[0])
    cell_w, row_h, table_w = 150.0, 36.0, 150.0 * columns
    for r, row in enumerate(rows):
        y = -r * row_h
        page.line(0, y, table_w, y)
        page.setFont("STSong-Light", 12)
        for c, value in enumerate(row):
            page.drawString(c * cell_w + 5, y - 24, value)
    page.line(0, -len(rows) * row_h, table_w, -len(rows) * row_h)
    for c in range(columns + 1):
        page.line(c * cell_w, 0, c * cell_w, -len(rows) * row_h)
    page.restoreState()
    page.setFont("STSong-Light", 10)
    page.drawCentredString(width / 2, 40, "第2页")
    page.save()
    return buffer.getvalue()


def test_the_sideways_table_of_a_reportlab_notice_is_read_row_by_row_and_the_notice_dated() -> None:
    path = COLD43 / "栾老干〔2038〕5号 关于做好2038年度离退休干部健康体检工作的通知.pdf"
    document = read_bytes(path.name, path.read_bytes())
    text = document.text
    for row in (
        "类别：影像检查；项目：胸部低剂量螺旋CT；适用对象：全体离退休干部；参考价格（元）：380",
        "类别：专项检查；项目：眼底照相；适用对象：患有糖尿病的同志；参考价格（元）：150",
        "类别：女性专项；项目：乳腺彩超、妇科检查；适用对象：女同志；参考价格（元）：300",
    ):
        assert text.count(row) == 1, row
    assert "格价考参" not in text
    (notice,) = parse_document(document)
    assert notice.title == "关于做好2038年度离退休干部健康体检工作的通知"
    assert notice.date == "2038-03-15"  # was undated: the turned lines had run the 落款 into the 联系人 line


def test_a_table_turned_either_way_reads_as_the_same_rows_under_its_caption() -> None:
    rows = [["类别", "项目", "对象"], ["基础检查", "血常规", "全体同志"], ["影像检查", "胸部CT", "全体同志"]]
    up = read_bytes("附件.pdf", _sideways_pdf(rows, 90)).text
    down = read_bytes("附件.pdf", _sideways_pdf(rows, -90)).text
    assert up == down
    assert up.index("附件") < up.index("基础检查") < up.index("影像检查")
    assert "第2页" not in up  # the page number is still the page's


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cells=st.lists(
        st.lists(st.text(alphabet=HAN, min_size=2, max_size=8), min_size=3, max_size=3),
        min_size=2,
        max_size=8,
        unique_by=lambda row: row[0],
    ),
    angle=st.sampled_from([90.0, -90.0]),
)
def test_no_cell_of_a_sideways_table_is_lost_or_read_twice(cells: list[list[str]], angle: float) -> None:
    rows = [["名称", "内容", "备注"], *cells]
    text = read_bytes("附件.pdf", _sideways_pdf(rows, angle)).text
    for a, b, c in cells:  # each row one row, labelled by the head row, once
        assert text.count(f"名称：{a}；内容：{b}；备注：{c}") == 1, text


REVIEW_NOTE = "本件为栾坪县老干部局内部资料，仅供离退休干部党支部学习使用，请妥善保管"


def test_a_single_margin_note_set_on_end_never_turns_an_upright_page(tmp_path: Path) -> None:
    """The review of cold43: one line set on end in the margin (「本件为…内部资料…」, more turned characters
    than the cover's upright ones) turned the page, and its upright lines swapped places."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from tests.fixtures.corpus_writers import truetype_font

    text = (
        "栾坪县老干部局2038年工作要点1月关于做好度离退休春季健步走活动的通知为丰富老同志精神文化生活，经研究定于4举办。"
        + REVIEW_NOTE
    )
    # its own PostScript name: reportlab keeps one font per name a process (truetype_font), and another
    # test's subset under the default name lacked this page's characters
    font = truetype_font("".join(sorted(set(text))), tmp_path / "noto.ttf", name="SidewaysNoteSC")
    pdfmetrics.registerFont(TTFont("SidewaysNoteSC", str(font)))
    path = tmp_path / "封面.pdf"
    from reportlab.lib.pagesizes import A4

    width, height = A4
    sheet = canvas.Canvas(str(path), pagesize=(width, height))
    sheet.setFont("SidewaysNoteSC", 22)
    sheet.drawCentredString(width / 2, height / 2 + 60, "栾坪县老干部局")
    sheet.drawCentredString(width / 2, height / 2 + 20, "2038年工作要点")
    sheet.setFont("SidewaysNoteSC", 14)
    sheet.drawCentredString(width / 2, height / 2 - 40, "2038年1月")
    sheet.saveState()
    sheet.translate(width - 50, 120)
    sheet.rotate(90)
    sheet.setFont("SidewaysNoteSC", 12)
    sheet.drawString(0, 0, REVIEW_NOTE)
    sheet.restoreState()
    sheet.showPage()
    sheet.setFont("SidewaysNoteSC", 12)
    sheet.drawString(72, 760, "关于做好2038年度离退休干部春季健步走活动的通知")
    sheet.drawString(72, 730, "为丰富老同志精神文化生活，经研究，定于2038年4月12日举办春季健步走活动。")
    sheet.save()
    text = read_document(path).text
    assert text.index("栾坪县老干部局") < text.index("2038年工作要点") < text.index("2038年1月")
