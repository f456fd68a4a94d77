"""Write the files of trial 40's first day (docs/trial40.md): a new IT person at the 乐清市委老干部局 fills a
library of their own, then tries what a colleague's desk really holds, broken files among it.

Usage:  PYTHONPATH=$PWD python scripts/trial/make_trial40_docs.py OUTDIR
Needs python-docx, pypdf, Pillow with the Noto CJK font (fonts-noto-cjk) and LibreOffice (soffice) on the PATH.
Texts written for this trial:

  2028年老干部工作要点.docx            python-docx: Title and Heading styles, a page header and footer, a table;
  银发先锋评选办法.pdf                 a python-docx file exported to PDF by LibreOffice Writer;
  老干部活动中心开放时间调整.txt       a text a Windows editor saved (GBK);
  重阳节登高活动通知.png               a page rendered as an image and tilted (read by OCR);
  wrong/                               files that are wrong in some way: an empty .docx, an encrypted PDF, a .doc
                                       under a .docx name, a zip renamed .docx, a 200 MB text (sparse), a file name
                                       with spaces and an emoji.
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from docx.shared import Pt

from scripts.trial.make_trial33_docs import soffice

PLAN_TITLE = "乐清市委老干部局2028年工作要点"
PLAN = [
    ("Heading 1", "一、加强离退休干部党的建设"),
    (None, "全年组织离退休干部党支部书记轮训两期，每期三天，由市委党校承办，轮训覆盖率达到百分之百。"),
    (None, "开展“银发先锋”评选，每两年评选一次，每次表彰二十名优秀离退休干部党员。"),
    ("Heading 1", "二、落实老干部待遇"),
    (None, "离休干部每年健康体检一次，体检费用标准为每人一千八百元，由市人民医院承担体检工作。"),
    (None, "生活困难的退休干部由所在单位每季度走访一次，帮扶资金从老干部工作经费中列支。"),
    ("Heading 1", "三、重点工作安排"),
]
PLAN_TABLE = [
    ("时间", "工作内容", "责任科室"),
    ("3月", "召开全市老干部工作会议", "综合科"),
    ("6月", "举办老干部书画作品展", "活动中心"),
    ("10月", "重阳节走访慰问高龄老干部", "老干部科"),
]

PIONEER_TITLE = "乐清市“银发先锋”评选办法"
PIONEER = [
    "第一条 为激励广大离退休干部党员发挥余热，制定本办法。",
    "第二条 评选对象为本市各级党组织管理的离退休干部党员，年龄一般不超过七十五周岁。",
    "第三条 评选条件：政治坚定，在基层治理、关心下一代、志愿服务等方面作出突出贡献。",
    "第四条 评选程序：所在党支部推荐，市委老干部局审核，公示七个工作日后由市委组织部发文表彰。",
    "第五条 获评者颁发荣誉证书，并优先推荐参加省级先进评选。",
]

HOURS_TITLE = "关于调整老干部活动中心开放时间的通知"
HOURS = [
    "各位老同志：",
    "因活动中心二楼阅览室改造，自2028年5月6日起，活动中心开放时间调整为每周二至周六上午8时至下午4时30分。",
    "改造期间阅览室暂停开放，报刊可到一楼大厅借阅。改造预计于2028年7月底完成。",
    "乐清市老干部活动中心",
    "2028年4月28日",
]

HIKE_TITLE = "重阳节登高活动通知"
HIKE = [
    "定于2028年10月26日（星期四）组织离退休干部重阳登高活动。",
    "集合时间：上午7时30分，集合地点：市老干部活动中心门口。",
    "活动路线：白石山公园东门至观景台，全程约三公里。",
    "请参加的老同志于10月20日前向所在支部报名，年满八十周岁者请家属陪同。",
]


def plan_docx(path: Path) -> None:
    """python-docx with the default template's styles: a title, headings, a page header and footer, a table."""
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "乐清市委老干部局文件"
    section.footer.paragraphs[0].text = "内部资料 注意保存"
    document.add_paragraph(PLAN_TITLE, style="Title")
    for style, text in PLAN:
        document.add_paragraph(text, style=style) if style else document.add_paragraph(text)
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for row in PLAN_TABLE:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    document.add_paragraph("中共乐清市委老干部局")
    document.add_paragraph("2028年1月15日")
    document.save(str(path))


def pioneer_pdf(path: Path) -> None:
    """A python-docx file exported to PDF by LibreOffice Writer (headless), as an office exports a 办法."""
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"{path.stem}.docx"
        document = Document()
        heading = document.add_paragraph(PIONEER_TITLE)
        heading.runs[0].font.size = Pt(18)
        for text in PIONEER:
            document.add_paragraph(text)
        document.save(str(source))
        soffice(source, "pdf", path.parent)


def hike_png(path: Path) -> None:
    """The notice typed on a page, photographed slightly tilted: rendered with Noto Sans CJK and turned 1.5°."""
    from PIL import Image, ImageDraw, ImageFont

    font_path = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    title_font, font = ImageFont.truetype(str(font_path), 52), ImageFont.truetype(str(font_path), 36)
    page = Image.new("L", (1400, 1000), 255)
    draw = ImageDraw.Draw(page)
    draw.text((460, 60), HIKE_TITLE, font=title_font, fill=0)
    y = 200
    for line in HIKE:
        for start in range(0, len(line), 34):
            draw.text((90, y), line[start : start + 34], font=font, fill=30)
            y += 60
    page.rotate(1.5, expand=True, fillcolor=255).save(path)


def wrong_files(out: Path, plan: Path) -> None:
    """Files a desk really holds that speechqa cannot read, and one it can under an awkward name."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "空白文档.docx").write_bytes(b"")
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(plan.parent / "银发先锋评选办法.pdf").pages:
        writer.add_page(page)
    writer.encrypt(user_password="lq2028", owner_password="lq2028-owner")
    with (out / "加密的评选办法.pdf").open("wb") as f:
        writer.write(f)
    with tempfile.TemporaryDirectory() as work:  # a Word 97 file saved under the new extension
        soffice(plan, "doc:MS Word 97", Path(work))
        (out / "其实是doc的要点.docx").write_bytes((Path(work) / f"{plan.stem}.doc").read_bytes())
    with zipfile.ZipFile(out / "其实是压缩包.docx", "w") as archive:
        archive.writestr("说明.txt", "这是压缩包里的说明文件。")
    with (out / "扫描全部档案.txt").open("wb") as f:  # 200 MB, sparse: no disk spent
        f.truncate(200 * 1024 * 1024)
    (out / "活动 通知 🎉 最终版.txt").write_bytes("\n".join([HOURS_TITLE, *HOURS]).encode("gbk", "replace"))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    plan = out / "2028年老干部工作要点.docx"
    plan_docx(plan)
    pioneer_pdf(out / "银发先锋评选办法.pdf")
    (out / "老干部活动中心开放时间调整.txt").write_bytes("\n".join([HOURS_TITLE, *HOURS]).encode("gbk"))
    hike_png(out / "重阳节登高活动通知.png")
    wrong_files(out / "wrong", plan)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
