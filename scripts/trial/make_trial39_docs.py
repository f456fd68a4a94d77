"""Write the files of trial 39's week (docs/trial39.md): a new administrator of a second office — the 瑞安市
老干部局, not the bundled speeches' Wenzhou — fills an empty library from the bot.

Usage:  PYTHONPATH=$PWD python scripts/trial/make_trial39_docs.py OUTDIR
Needs python-docx, openpyxl, reportlab (its STSong-Light CID font), Pillow with the Noto CJK font
(fonts-noto-cjk). Texts written for this trial:

  春节走访慰问通知.docx              a notice with a heading style and numbered items (python-docx);
  春节走访慰问通知（修改稿）.docx    its corrected version, another file name: the dates and one sum changed;
  老年大学春季招生简章.pdf           two pages typeset by reportlab;
  2027年离休干部体检名单.xlsx        a sheet with column heads (openpyxl);
  活动室管理制度.txt                 a text saved by a Windows editor (GBK);
  银龄志愿服务队通知.png             a page rendered as an image (Pillow, Noto Sans CJK), read by OCR;
  材料.zip                           the .txt and .xlsx above, zipped (as a mail's attachments).
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from docx import Document

TITLE = "关于做好2027年春节走访慰问离退休干部工作的通知"
VISITS = [
    "各乡镇（街道）、市直各单位：",
    "春节将至，为把党和政府的温暖送到老同志心坎上，现就做好2027年春节走访慰问工作通知如下。",
    "一、慰问时间。走访慰问工作从2027年1月18日开始，至1月28日结束。",
    "二、慰问对象。本单位离休干部、市级以上劳动模范退休干部和生活困难的退休干部。",
    "三、慰问标准。离休干部每人慰问金一千二百元，困难退休干部每人八百元，由各单位从老干部工作经费中列支。",
    "四、工作要求。走访中要认真听取老同志意见建议，帮助解决实际困难，不得接受宴请和礼品。",
    "各单位于2月5日前将走访慰问情况书面报送市委老干部局老干部科，联系人：林晓，电话：65812345。",
]
VISITS_FIXED = {  # the corrected version: one week later, the dates and a sum changed
    "从2027年1月18日开始，至1月28日结束": "从2027年1月20日开始，至1月30日结束",
    "每人八百元": "每人一千元",
    "2月5日前": "2月8日前",
}
SIGN = ["中共瑞安市委老干部局", "2027年1月6日"]

SCHOOL_TITLE = "瑞安市老年大学2027年春季招生简章"
SCHOOL = [
    "一、招生对象。本市离退休干部职工，年龄在五十五周岁以上、身体健康、能坚持正常学习者均可报名。",
    "二、开设专业。书法、国画、摄影、声乐、太极拳、智能手机应用、中医养生等十八个专业，共四十二个班级。",
    "三、报名时间和地点。2027年2月20日至2月26日，每天上午8时30分至11时，在市老年大学一楼教务处现场报名。",
    "四、报名材料。报名时请携带身份证、退休证和近期一寸免冠照片两张，新学员需填写入学登记表。",
    "五、学费标准。每个专业每学期学费二百元，离休干部免收学费，八十周岁以上老同志学费减半。",
    "六、开学时间。2027年3月6日正式开学，学员凭学员证进入教室，每班人数不超过四十人。",
    "咨询电话：65890123，联系人：陈老师。",
]

RULES_TITLE = "老干部活动室管理制度"
RULES = [
    "一、活动室每周二至周日开放，上午8时至11时30分，下午2时至5时，每周一闭馆清洁。",
    "二、进入活动室请保持安静，爱护公共设施，损坏物品照价赔偿。",
    "三、棋牌室禁止赌博，阅览室报刊不得带出室外。",
    "四、室内禁止吸烟，离开时请随手关闭门窗和电源。",
    "五、活动室钥匙由值班人员保管，节假日开放时间另行通知。",
]

VOLUNTEER = [
    "关于组建银龄志愿服务队的通知",
    "各离退休干部党支部：",
    "为发挥老同志作用，市委老干部局决定组建银龄志愿服务队，",
    "开展政策宣讲、关心下一代、社区治理等志愿服务。",
    "凡身体健康、热心公益的离退休干部均可报名，",
    "请于2027年3月15日前向所在支部报名。",
    "中共瑞安市委老干部局",
    "2027年3月1日",
]

CHECKUP_HEAD = ["姓名", "原单位", "体检日期", "体检医院"]
CHECKUP = [
    ["陈德明", "市财政局", "2027年4月12日", "市人民医院"],
    ["王秀英", "市教育局", "2027年4月12日", "市人民医院"],
    ["李国华", "市卫健局", "2027年4月13日", "市中医院"],
    ["张建平", "市水利局", "2027年4月14日", "市中医院"],
]


def notice_docx(path: Path, paragraphs: list[str]) -> None:
    document = Document()
    document.add_heading(TITLE, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    for line in SIGN:
        document.add_paragraph(line)
    document.save(str(path))


def school_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=20, firstLineIndent=24)
    title = ParagraphStyle("title", fontName="STSong-Light", fontSize=18, leading=28, alignment=1)
    story = [Paragraph(SCHOOL_TITLE, title)]
    for i, text in enumerate(SCHOOL):
        story.append(Paragraph(text, body))
        if i == 3:
            story.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def checkup_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "体检名单"
    sheet.append(CHECKUP_HEAD)
    for row in CHECKUP:
        sheet.append(row)
    book.save(str(path))


def volunteer_png(path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    font_path = next(
        p
        for p in (
            Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
        )
        if p.exists()
    )
    font = ImageFont.truetype(str(font_path), 40)
    page = Image.new("RGB", (1400, 120 + 80 * len(VOLUNTEER)), "white")
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(VOLUNTEER):
        draw.text((80, 60 + 80 * i), line, fill="black", font=font)
    page.save(path)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    notice_docx(out / "春节走访慰问通知.docx", VISITS)
    fixed = []
    for text in VISITS:
        for old, new in VISITS_FIXED.items():
            text = text.replace(old, new)
        fixed.append(text)
    notice_docx(out / "春节走访慰问通知（修改稿）.docx", fixed)
    school_pdf(out / "老年大学春季招生简章.pdf")
    checkup_xlsx(out / "2027年离休干部体检名单.xlsx")
    (out / "活动室管理制度.txt").write_bytes("\r\n".join([RULES_TITLE, *RULES]).encode("gbk"))
    volunteer_png(out / "银龄志愿服务队通知.png")
    with zipfile.ZipFile(out / "材料.zip", "w") as archive:
        archive.write(out / "活动室管理制度.txt", "材料/活动室管理制度.txt")
        archive.write(out / "2027年离休干部体检名单.xlsx", "材料/2027年离休干部体检名单.xlsx")
    for path in sorted(out.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
