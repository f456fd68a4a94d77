"""The thirty-fifth blind set (cold33): five documents of an invented county bureau (汀岚县), each from a
producer or in a shape no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold33/make_corpus.py [FOLDER [NAME…]]

1. a notice **stamped onto its red letterhead by pypdf** (「套红」: the body exported by Writer with room left at
   the top, the letterhead — 「汀岚县委老干部局文件」, the 文号, the red rule — drawn by reportlab on a page of
   its own and laid over the body page with ``PageObject.merge_page``, so the letterhead is drawn last);
2. a scan kept as a PDF of **JPEG 2000** page images (``/JPXDecode``, as a document scanner's 「高压缩 PDF」
   and archive-digitising software store pages);
3. a two-page plan **printed two pages to a sheet by PyMuPDF** (``Page.show_pdf_page``: each page of a Writer
   PDF placed as a Form XObject in one half of a landscape A4 sheet, 「一页两版」 as a handout is printed);
4. a scanned notice **turned into a web page by Tesseract's hOCR output** (``tesseract … hocr``, saved as
   .html: each line a ``span.ocr_line``, each word a ``span.ocrx_word`` with its box);
5. a scan saved as a **JPEG 2000 image** (.jp2), as an archive's digitising (「档案数字化」) keeps a page.

Every name, address, telephone number and amount is invented. Needs LibreOffice (Writer), poppler-utils,
Tesseract with chi_sim, pypdf, PyMuPDF and Pillow with OpenJPEG (for making the files only); none is a new
speechqa dependency. A re-run gives the same text (the hOCR's on this machine's Tesseract 5.3); the bytes
differ.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    run_makers,
    soffice_convert,
    write_docx,
    write_scan,
)

AUTHOR = "中共汀岚县委老干部局"

# --- 1. a notice stamped onto its red letterhead by pypdf ----------------------------------------

CHECKUP = (
    ("title", "关于组织2031年度离退休干部健康体检的通知"),
    ("body", "各乡镇老干部工作站，县直各有关单位："),
    (
        "body",
        "为关心离退休干部身体健康，经县委同意，县委老干部局定于2031年4月至5月组织全县离退休干部"
        "开展年度健康体检。现将有关事项通知如下。",
    ),
    ("heading1", "一、体检对象"),
    ("body", "全县在册的离退休干部，共计1126人。2030年度已参加过专项体检的同志本次可自愿参加。"),
    ("heading1", "二、时间和地点"),
    (
        "body",
        "体检时间为2031年4月14日至5月23日，每周一至周五上午7:30至10:30。"
        "体检地点为汀岚县人民医院健康管理中心（城南新区杏林路88号）门诊楼五楼。",
    ),
    ("heading1", "三、体检项目"),
    (
        "body",
        "男性体检标准为每人680元，女性为每人720元，含血常规、肝肾功能、血脂血糖、心电图、胸部CT、"
        "腹部彩超和骨密度检测；女性另加乳腺彩超。费用由县财政老干部专项经费统一结算，个人不承担。",
    ),
    ("heading1", "四、有关要求"),
    (
        "body",
        "体检前一天晚上8点后请勿进食，体检当天早晨空腹、带好身份证和医保卡。各单位请于3月31日前将"
        "分批体检名单报县委老干部局服务管理科，联系人季沛然，电话0745-6328014。",
    ),
    ("body", "行动不便的同志可申请医院派车接送，请在报名单中注明。"),
    ("right", "中共汀岚县委老干部局"),
    ("right", "2031年3月9日"),
)
LETTERHEAD = ("汀岚县委老干部局文件", "汀老干发〔2031〕7号")


def _letterhead_page(path: Path) -> None:
    """The letterhead alone on an A4 page, as a 套红 template holds it: the red masthead, the 文号 and the
    red rule, with nothing below."""
    from reportlab.lib.colors import Color
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from tests.fixtures.corpus_writers import truetype_font

    font = truetype_font("".join(LETTERHEAD), path.with_suffix(".ttf"), "LetterheadSerif")
    pdfmetrics.registerFont(TTFont("LetterheadSerif", str(font)))
    width, height = A4
    red = Color(0.82, 0.1, 0.12)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFillColor(red)
    c.setFont("LetterheadSerif", 34)
    c.drawCentredString(width / 2, height - 130, LETTERHEAD[0])
    c.setFillColor(Color(0, 0, 0))
    c.setFont("LetterheadSerif", 15)
    c.drawCentredString(width / 2, height - 180, LETTERHEAD[1])
    c.setStrokeColor(red)
    c.setLineWidth(2)
    c.line(70, height - 195, width - 70, height - 195)
    c.showPage()
    c.save()


def write_stamped(path: Path) -> None:
    from docx import Document
    from docx.shared import Cm
    from pypdf import PdfReader, PdfWriter

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "body.docx"
        write_docx(CHECKUP, source, author=AUTHOR)
        doc = Document(str(source))
        doc.sections[0].first_page_title_pg = False
        doc.sections[0].top_margin = Cm(7.5)  # room for the letterhead, as a 套红 body is set
        doc.save(str(source))
        body = Path(tmp) / "body.pdf"
        soffice_convert(source, "pdf", body)
        head = Path(tmp) / "head.pdf"
        _letterhead_page(head)
        writer = PdfWriter(clone_from=PdfReader(body))
        writer.pages[0].merge_page(PdfReader(head).pages[0])  # drawn over the body: last in the stream
        writer.add_metadata({"/Author": AUTHOR})
        with path.open("wb") as out:
            writer.write(out)


# --- 2. a scan kept as JPEG 2000 page images in a PDF ---------------------------------------------

CALLIGRAPHY = (
    ("title", "关于举办汀岚县离退休干部迎新春书画作品展的通知"),
    ("body", "各乡镇老干部工作站，县直各单位离退休干部党支部："),
    (
        "body",
        "为展示离退休干部的艺术风采，县委老干部局、县老年书画协会定于2032年1月18日至2月8日在县图书馆"
        "二楼展厅举办迎新春书画作品展。",
    ),
    ("body", "一、作品要求：书法、国画、篆刻均可，每人限报两件，书画作品尺寸不超过四尺整张，须装裱完成。"),
    ("body", "二、送件时间：2032年1月5日至1月9日，送到县老干部活动中心一楼书画室，逾期不再受理。"),
    ("body", "三、展览结束后评出优秀作品二十件，颁发荣誉证书，并收入《汀岚银发墨韵》作品集。"),
    ("body", "四、联系人：县老年书画协会秘书长骆文澜，电话0745-6321907。"),
    ("right", "中共汀岚县委老干部局"),
    ("right", "2031年12月12日"),
)


def _jpx_pdf(pages: list[bytes], size: tuple[int, int], dpi: int, path: Path) -> None:
    """A PDF of JPEG 2000 page images (``/JPXDecode``), one per page, as a scanner writes it."""
    width, height = (round(v * 72 / dpi, 2) for v in size)
    count = len(pages)
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 3 * i} 0 R" for i in range(count))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    for i, data in enumerate(pages):
        content, image = 4 + 3 * i, 5 + 3 * i
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
            f"/Resources << /XObject << /Im{i} {image} 0 R >> >> /Contents {content} 0 R >>".encode()
        )
        draw = f"q {width} 0 0 {height} 0 0 cm /Im{i} Do Q".encode()
        objects.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        objects.append(
            f"<< /Type /XObject /Subtype /Image /Width {size[0]} /Height {size[1]} /ColorSpace /DeviceGray "
            f"/BitsPerComponent 8 /Filter /JPXDecode /Length {len(data)} >>\nstream\n".encode()
            + data
            + b"\nendstream"
        )
    objects.append(
        f"<< /Producer (ScanPlus JPX 3.2) /Author ({AUTHOR.encode('unicode_escape').decode()}) >>".encode()
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    path.write_bytes(out.getvalue())


def _jp2(image_path: Path) -> tuple[bytes, tuple[int, int]]:
    from PIL import Image

    page = Image.open(image_path).convert("L")
    buffer = io.BytesIO()
    page.save(buffer, "JPEG2000", irreversible=True, quality_mode="rates", quality_layers=[20])
    return buffer.getvalue(), page.size


def write_jpx_scan(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        write_scan(CALLIGRAPHY, png, author=AUTHOR, seed=3301)
        data, size = _jp2(png)
        _jpx_pdf([data], size, 200, path)


# --- 3. a two-page plan printed two pages to a sheet by PyMuPDF -----------------------------------

VOLUNTEERS = (
    ("title", "汀岚县银龄志愿服务队2031年招募工作方案"),
    (
        "body",
        "为发挥离退休干部政治优势、经验优势和威望优势，引导老同志在基层治理中继续发挥作用，"
        "县委老干部局决定组建汀岚县银龄志愿服务队，现制定招募工作方案如下。",
    ),
    ("heading1", "一、招募对象"),
    (
        "body",
        "身体健康、热心公益的离退休干部，年龄一般在72周岁以下；具有法律、医疗、教育、农技专长的同志优先。",
    ),
    ("heading1", "二、服务内容"),
    ("body", "（一）政策宣讲：到社区、村组宣讲惠民政策，每季度不少于一次。"),
    ("body", "（二）矛盾调解：参与乡镇人民调解委员会工作，协助化解邻里纠纷。"),
    ("body", "（三）关心下一代：到中小学担任校外辅导员，讲述汀岚革命故事。"),
    ("body", "（四）农技服务：到茶叶和油茶基地开展技术指导。"),
    ("heading1", "三、招募程序"),
    (
        "body",
        "个人自愿报名，所在支部推荐，县委老干部局审核。报名时间为2031年3月1日至3月31日，"
        "报名表可在县委老干部局网站下载，填好后交到县老干部活动中心二楼志愿服务办公室。",
    ),
    ("heading1", "四、保障措施"),
    (
        "body",
        "县委老干部局为每位志愿者购买志愿服务意外伤害保险，每年安排交通和误餐补贴每人800元；"
        "服务时长累计满100小时的，授予「汀岚银龄之星」称号。",
    ),
    (
        "body",
        "志愿服务队设队长一名，由原县人大常委会副主任邝正和同志担任，日常联络员为严晓棠，电话0745-6325133。",
    ),
    ("right", "中共汀岚县委老干部局"),
    ("right", "2031年2月20日"),
)


def write_two_up(path: Path) -> None:
    import pymupdf

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "plan.docx"
        write_docx(VOLUNTEERS, source, author=AUTHOR, footer=True)
        pdf = Path(tmp) / "plan.pdf"
        soffice_convert(source, "pdf", pdf)
        src = pymupdf.open(pdf)
        out = pymupdf.open()
        width, height = pymupdf.paper_size("a4-l")
        for first in range(0, src.page_count, 2):
            sheet = out.new_page(width=width, height=height)
            for k, number in enumerate(range(first, min(first + 2, src.page_count))):
                half = pymupdf.Rect(k * width / 2, 0, (k + 1) * width / 2, height)
                sheet.show_pdf_page(half, src, number)
        out.set_metadata({"author": AUTHOR, "producer": "PyMuPDF", "title": ""})
        out.save(path, garbage=3, deflate=True)


# --- 4. a scanned notice turned into a web page by Tesseract's hOCR --------------------------------

FIRE = (
    ("title", "关于做好离退休干部冬季用电用气安全的提示"),
    ("body", "各位离退休老同志："),
    (
        "body",
        "入冬以来气温下降，取暖用电用气明显增多。为确保老同志冬季居家安全，县委老干部局提示如下。",
    ),
    ("body", "一、电热毯不要折叠使用，睡前关闭电源，使用超过六年的应及时更换。"),
    ("body", "二、使用燃气热水器洗澡时要打开窗户通风，每次洗澡时间不宜超过二十分钟。"),
    ("body", "三、不要在楼道和室内给电动自行车充电，充电时间不超过八小时。"),
    ("body", "四、县消防救援大队将于12月上旬为独居的老同志免费上门检查线路，安装烟雾报警器。"),
    ("body", "如需上门检查，请拨打县老干部服务热线0745-6320110预约。"),
    ("right", "汀岚县委老干部局"),
    ("right", "2031年11月28日"),
)


def write_hocr(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "scan.png"
        write_scan(FIRE, png, author=AUTHOR, seed=3304)
        base = Path(tmp) / "scan"
        subprocess.run(
            ["tesseract", str(png), str(base), "-l", "chi_sim", "hocr"], check=True, capture_output=True
        )
        path.write_bytes(base.with_suffix(".hocr").read_bytes())


# --- 5. a scan saved as a JPEG 2000 image (.jp2) --------------------------------------------------

NEWSPAPERS = (
    ("title", "关于做好2032年度离退休干部报刊订阅工作的通知"),
    ("body", "各离退休干部党支部："),
    (
        "body",
        "2032年度报刊订阅工作即将开始。县委老干部局为每位离退休干部订阅《中国老年报》一份，"
        "订阅费由县财政统一支付。",
    ),
    ("body", "一、自愿加订的其他报刊，由个人自行承担费用，可在县邮政分公司营业厅或“中国邮政微邮局”办理。"),
    ("body", "二、请各支部于2031年11月15日前统计本支部需要赠阅《汀岚日报》的人数，报县委老干部局办公室。"),
    (
        "body",
        "三、住址变动的同志请在订阅前告知支部，以免报刊投递错误。办公室联系人邝雨晴，电话0745-6328802。",
    ),
    ("right", "中共汀岚县委老干部局"),
    ("right", "2031年10月20日"),
)


def write_jp2(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "scan.png"
        write_scan(NEWSPAPERS, png, author=AUTHOR, seed=3305)
        data, _ = _jp2(png)
        path.write_bytes(data)


WRITERS = {
    "关于组织2031年度离退休干部健康体检的通知（套红）.pdf": write_stamped,
    "关于举办汀岚县离退休干部迎新春书画作品展的通知（扫描）.pdf": write_jpx_scan,
    "汀岚县银龄志愿服务队2031年招募工作方案（一页两版）.pdf": write_two_up,
    "关于做好离退休干部冬季用电用气安全的提示.html": write_hocr,
    "关于做好2032年度离退休干部报刊订阅工作的通知.jp2": write_jp2,
}

if __name__ == "__main__":
    raise SystemExit(run_makers(WRITERS, sys.argv, HERE))
