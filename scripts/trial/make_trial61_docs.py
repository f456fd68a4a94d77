"""The files an admin sends the bot in trial 61's week (docs/trial61.md), each made by a real producer:
a notice typed in Word (python-docx, heading styles, a page header), the same notice corrected a week later
(one figure), a notice exported to PDF by LibreOffice, a .zip of two files (a Word notice and a GBK text), a
printed notice photographed on a phone (Noto Serif CJK on an off-white sheet, turned, a shadow, JPEG at 80 %),
a damaged .docx (the first 3 KB of a real one) and a file over Telegram's 20 MB download limit.

Usage: PYTHONPATH=$PWD python scripts/trial/make_trial61_docs.py OUT
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from docx import Document
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from scripts.trial.bureau_docs import BUREAU, write_gbk_text, write_notice_pdf

HOURS = "活动中心阅览室开放时间为每周二至周六上午8:30至11:30，下午{}至17:00，周一闭馆。"


def write_notice(path: Path, afternoon: str) -> None:
    """The reading room's notice (python-docx): page header, Heading 1, Heading 2 sections, signed and dated."""
    d = Document()
    d.sections[0].header.paragraphs[0].text = "温州市委老干部局 内部资料"
    d.add_heading("关于调整老干部活动中心阅览室开放时间的通知", level=1)
    d.add_paragraph("各县（市、区）委老干部局，市直各单位：")
    d.add_paragraph("为方便离退休干部读书看报，经研究，决定自2027年3月1日起调整活动中心阅览室开放时间。")
    d.add_heading("一、开放时间", level=2)
    d.add_paragraph(HOURS.format(afternoon))
    d.add_heading("二、借阅规定", level=2)
    d.add_paragraph("离退休干部凭老干部活动证借阅图书，每人每次限借3册，借期一个月，可续借一次。")
    d.add_heading("三、联系方式", level=2)
    d.add_paragraph("阅览室联系人：陈晓燕，联系电话：0577-88961234。")
    d.add_paragraph(BUREAU)
    d.add_paragraph("2027年2月20日")
    d.save(path)


def write_photo(path: Path, lines: list[str]) -> None:
    """A printed notice photographed on a phone: dark text on an off-white sheet on a desk, turned 2°, a
    shadow across one corner, slightly soft, saved as JPEG (quality 80) as a phone saves it."""
    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 38)
    title = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 48)
    sheet = Image.new("RGB", (1400, 1000), (246, 243, 236))
    draw = ImageDraw.Draw(sheet)
    draw.text((180, 70), lines[0], font=title, fill=(25, 25, 25))
    y = 180
    for line in lines[1:]:
        draw.text((100, y), line, font=font, fill=(30, 30, 30))
        y += 72
    shade = Image.new("L", sheet.size, 0)
    ImageDraw.Draw(shade).polygon([(1000, 0), (1400, 0), (1400, 400)], fill=60)
    sheet = Image.composite(Image.new("RGB", sheet.size, (150, 150, 150)), sheet, shade)
    desk = Image.new("RGB", (1600, 1200), (120, 95, 70))
    desk.paste(sheet.rotate(2.0, expand=True, fillcolor=(120, 95, 70)), (60, 60))
    desk.filter(ImageFilter.GaussianBlur(0.8)).save(path, "JPEG", quality=80)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_notice(out / "阅览室开放时间通知.docx", "14:00")
    corrected = out / "corrected"
    corrected.mkdir(exist_ok=True)
    write_notice(corrected / "阅览室开放时间通知.docx", "14:30")
    write_notice_pdf(
        out / "重阳节登高活动通知.pdf",
        title="关于组织离退休干部重阳节登高活动的通知",
        paragraphs=[
            "各党支部：",
            "为庆祝重阳节，经研究，定于2027年10月15日上午组织离退休干部赴大罗山开展登高活动。",
            "参加人员于当天上午7:30在市老干部活动中心门口集合，统一乘车前往，活动结束后统一返回。",
            "年满80周岁及身体不适者不宜参加，请各支部于10月10日前将报名名单报局离退休干部处。",
            BUREAU,
            "2027年9月28日",
        ],
    )
    inner = out / "zip_parts"
    inner.mkdir(exist_ok=True)
    d = Document()
    d.add_heading("关于开展2027年度离退休干部健康讲座的通知", level=1)
    d.add_paragraph("定于2027年4月每周四下午在老干部活动中心三楼报告厅举办健康讲座，主题为老年人慢性病防治。")
    d.add_paragraph(BUREAU)
    d.add_paragraph("2027年3月25日")
    d.save(inner / "健康讲座通知.docx")
    write_gbk_text(
        inner / "门球比赛安排.txt",
        "关于举办2027年老干部门球比赛的通知\n\n各代表队：\n比赛定于2027年5月18日在市体育中心门球场举行，"
        "每队报名5人，请于5月10日前报名。\n\n中共温州市委老干部局\n2027年4月20日\n",
    )
    with zipfile.ZipFile(out / "四月通知两份.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for part in sorted(inner.iterdir()):
            z.write(part, part.name)
    write_photo(
        out / "IMG_20270305_093012.jpg",
        [
            "关于老干部理发室暂停服务的通知",
            "各位老同志：",
            "因设备更新，老干部活动中心一楼理发室自2027年3月8日",
            "至3月20日暂停服务，3月21日起恢复正常。",
            "给大家带来不便，敬请谅解。",
            "",
            "                    温州市委老干部局活动中心",
            "                    2027年3月5日",
        ],
    )
    real = (out / "阅览室开放时间通知.docx").read_bytes()
    (out / "年度工作总结.docx").write_bytes(real[:3000])
    (out / "2026年全年会议录像.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * (21 * 1024 * 1024))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
