"""The thirty-second blind set (cold30): five documents of an invented county bureau (澜屿县), each made by a
producer, or kept in a shape, no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold30/make_corpus.py [FOLDER [NAME…]]

1. a signed notice with the bureau's **red round seal (公章) stamped over its issuer and date**, scanned in
   colour and kept as a JPEG (the seal's ink lies over the print, the print showing through it);
2. a plan exported by LibreOffice Writer as a **hybrid PDF** (「导出为 PDF › 混合 PDF（嵌入 ODF 文件）」, the
   filter's ``IsAddStream``): the PDF carries the .odt it was made from;
3. a notice exported by Writer and **converted to curves by Ghostscript** (`gs -sDEVICE=pdfwrite
   -dNoOutputFonts`, a print shop's 「转曲」): every glyph a filled path, no font;
4. a notice scanned in black and white to PDF, the page a **1-bit image in CCITT Group 4** (as an office
   copier's 「黑白扫描到 PDF」 stores it);
5. a two-page plan scanned by a feeder into **one multi-page TIFF** (grey, LZW), as a scanner's 「多页
   TIFF」 keeps a document.

Every name, address, telephone number and amount is invented. Needs LibreOffice (Writer), poppler-utils,
Ghostscript, Pillow (libtiff) and Noto CJK fonts; none is a speechqa dependency. A re-run gives the same
text; the bytes differ (time stamps, ids, the encoders).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    ghostscript_pdf,
    run_makers,
    soffice_convert,
    write_converted,
    write_docx,
    write_reportlab_pdf,
    write_sealed_scan,
)

AUTHOR = "中共澜屿县委老干部局"


# --- 1. a sealed notice scanned in colour, kept as JPEG -----------------------------------------------

BONE = (
    ("title", "关于举办澜屿县离退休干部骨质疏松防治健康讲座的通知"),
    ("body", "各离退休干部党支部，各乡镇老干部工作站："),
    (
        "body",
        "为帮助老同志了解骨质疏松的预防和治疗知识，减少跌倒骨折，县委老干部局联合县人民医院举办骨质疏松"
        "防治健康讲座。现将有关事项通知如下：",
    ),
    ("body", "一、讲座时间：2030年3月14日（星期四）下午2:30至4:30。"),
    ("body", "二、讲座地点：县老干部活动中心一楼多功能厅。"),
    ("body", "三、主讲人：县人民医院骨科主任医师苗振华，从事骨科临床工作二十六年。"),
    (
        "body",
        "四、讲座内容：骨质疏松的早期信号、补钙和维生素D的正确方法、适合老年人的负重锻炼、家中防跌倒的"
        "布置要点。",
    ),
    (
        "body",
        "五、现场服务：讲座结束后，县人民医院将为到场老同志免费做超声骨密度检测，每人约需五分钟，"
        "请携带身份证或医保卡。",
    ),
    ("body", "请各支部于3月8日前将参加人数报县委老干部局老年健康科，联系人滕晓岚，电话0746-3318265。"),
    ("right", AUTHOR),
    ("right", "2030年3月1日"),
)
SEAL = "中共澜屿县委老干部局"


def write_bone(path: Path) -> None:
    write_sealed_scan(BONE, path, author=AUTHOR, seal=SEAL, size=13, seed=2030)


# --- 2. a plan exported by Writer as a hybrid PDF (the .odt inside) ---------------------------------------

READING = (
    ("title", "澜屿县2030年离退休干部读书月活动实施方案"),
    (
        "body",
        "为营造多读书、读好书的良好氛围，丰富离退休干部精神文化生活，县委老干部局决定于2030年4月开展"
        "离退休干部读书月活动，制定本方案。",
    ),
    ("heading1", "一、活动时间"),
    ("body", "2030年4月1日至4月30日。4月23日世界读书日当天举行集中读书分享会。"),
    ("heading1", "二、活动内容"),
    (
        "body",
        "（一）好书推荐。县图书馆精选党史、地方史志、健康养生类图书60种，在老干部活动中心阅览室设立"
        "读书月专架，老同志可凭借阅证每次借阅两册，借期三十天。",
    ),
    (
        "body",
        "（二）读书分享会。4月23日上午9:00在县图书馆三楼报告厅举行，邀请省作家协会会员卓慕白作"
        "《读书与养心》专题讲座，八位老同志交流读书体会，每人发言不超过八分钟。",
    ),
    (
        "body",
        "（三）读书笔记评选。每位参加活动的老同志提交读书笔记一篇，字数不少于一千字，手写稿、打印稿均可，"
        "4月26日前交所在支部，评出优秀读书笔记二十篇，汇编成册。",
    ),
    (
        "body",
        "（四）送书上门。对行动不便的老同志，由“银龄书香”志愿服务队每周三送书上门、换书上门，并陪读半小时。",
    ),
    ("heading1", "三、工作要求"),
    (
        "body",
        "各支部要广泛宣传发动，力争每位老同志至少读一本书。活动情况和读书笔记于4月28日前报县委老干部局"
        "文体科，联系人阎思远，电话0746-3318271。",
    ),
    ("right", AUTHOR),
    ("right", "2030年3月20日"),
)


def write_reading(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{path.stem}.docx"
        write_docx(READING, source, author=AUTHOR, footer=True)
        # 「导出为 PDF › 常规 › 混合 PDF（嵌入 ODF 文件）」: the .odt it was made from goes inside the PDF
        options = {"IsAddStream": {"type": "boolean", "value": "true"}}
        soffice_convert(source, "pdf:writer_pdf_Export:" + json.dumps(options), path)


# --- 3. a notice exported by Writer, converted to curves by Ghostscript ----------------------------------

KNIT = (
    ("title", "澜屿县老年大学手工编织兴趣班招生通知"),
    (
        "body",
        "为丰富老年人的晚年生活，传承传统手工技艺，县老年大学2030年春季学期开设手工编织兴趣班，"
        "现面向全县离退休干部招生。",
    ),
    ("heading1", "一、课程内容"),
    ("body", "棒针编织围巾和帽子、钩针编织杯垫和小挂件、中国结编法，共12次课。"),
    ("heading1", "二、上课时间和地点"),
    ("body", "2030年3月5日起，每周二下午3:00至4:30，在县老年大学四楼手工教室上课。"),
    ("heading1", "三、授课老师"),
    ("body", "县妇联巧手协会理事郦秋萍，从事手工编织教学十余年，作品曾获市民间工艺展金奖。"),
    ("heading1", "四、招生名额和费用"),
    (
        "body",
        "本班招收学员30名，额满为止。学费全免，毛线、钩针等材料费每人120元，由学员自理，开课时统一交给班长。",
    ),
    ("heading1", "五、报名方式"),
    (
        "body",
        "2月20日至27日，每天上午8:30至11:30，到县老年大学一楼教务处报名，带一寸照片两张。"
        "咨询电话0746-3320519，联系人邝美琳。",
    ),
    ("right", "澜屿县老年大学"),
    ("right", "2030年2月15日"),
)


def write_knit(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        writer_pdf = Path(tmp) / "writer.pdf"
        write_converted(KNIT, writer_pdf, "pdf", author=AUTHOR, footer=True)
        ghostscript_pdf(
            writer_pdf, path, "-dNoOutputFonts"
        )  # 「转曲」: every glyph a filled path, no font kept


# --- 4. a notice scanned in black and white to a CCITT G4 PDF ---------------------------------------------

BADUAN = (
    ("title", "关于开展澜屿县离退休干部八段锦健身培训的通知"),
    ("body", "各离退休干部党支部："),
    (
        "body",
        "八段锦动作简单、强度适中，适合老年人长期练习。为推广科学健身，县委老干部局委托县体育总会开展"
        "八段锦健身培训。现将有关事项通知如下：",
    ),
    ("body", "一、培训安排：2030年4月8日至4月19日，每个工作日上午7:30至8:30，共十次课。"),
    ("body", "二、培训地点：县体育中心北广场，遇雨改在体育中心二楼健身大厅。"),
    ("body", "三、教练：县体育总会国家二级社会体育指导员晏秀芝和她的教练团队。"),
    ("body", "四、着装要求：穿宽松运动服和平底运动鞋，自带饮用水和毛巾。"),
    (
        "body",
        "五、参加培训的老同志须身体健康，有严重心脑血管疾病的请先征求医生意见。培训结束时进行结业展示，"
        "表现优秀的推荐参加全市老年人健身展演。",
    ),
    ("body", "报名截止时间为4月2日，联系人鲍国梁，电话0746-3318233。"),
    ("right", AUTHOR),
    ("right", "2030年3月25日"),
)


def write_baduan(path: Path) -> None:
    from PIL import Image, ImageFilter

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "notice.pdf"
        write_reportlab_pdf(BADUAN, pdf, author=AUTHOR, size=13)
        subprocess.run(
            ["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), str(Path(tmp) / "page")],
            check=True,
            capture_output=True,
        )
        page = Image.open(next(Path(tmp).glob("page*.png"))).convert("L")
    page = page.rotate(0.3, resample=Image.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.7))
    # the copier's 「黑白」 mode: one bit a pixel at a fixed threshold, stored as CCITT Group 4 in the PDF
    page = page.point(lambda v: 255 if v > 140 else 0).convert("1")
    page.save(path, "PDF", resolution=300.0, author=AUTHOR)
    if b"/CCITTFaxDecode" not in path.read_bytes():
        raise SystemExit("这个 Pillow 没有 libtiff，写不出 CCITT G4 的 PDF")


# --- 5. a two-page plan scanned into one multi-page TIFF ------------------------------------------------

LECTURE = (
    ("title", "澜屿县“银龄讲堂”2030年宣讲工作安排"),
    (
        "body",
        "为发挥离退休干部政治优势、经验优势，县委老干部局组建“银龄讲堂”宣讲团，2030年深入学校、社区、"
        "乡村开展宣讲。现将全年工作安排如下：",
    ),
    ("heading1", "一、宣讲团组成"),
    (
        "body",
        "宣讲团由12名离退休干部组成，团长由原县人大常委会副主任柴德厚担任，副团长由原县教育局局长"
        "闵淑贞担任。宣讲员均经过县委党校集中培训。",
    ),
    ("heading1", "二、宣讲主题"),
    (
        "body",
        "全年围绕三个主题宣讲：一是澜屿革命斗争史和红色故事；二是改革开放以来澜屿的发展变化；"
        "三是家风家教和乡风文明。",
    ),
    ("heading1", "三、宣讲安排"),
    ("body", "第一季度走进中小学，以清明节祭扫烈士墓为契机，在全县18所中小学各宣讲一场。"),
    ("body", "第二季度走进城区社区，在8个社区的新时代文明实践站开展宣讲，每场时长约一小时。"),
    ("body", "第三季度走进乡村，结合农闲时节，到12个乡镇的村级党群服务中心宣讲。"),
    ("body", "第四季度走进机关和企业，并在12月举办一次宣讲成果汇报会。"),
    ("heading1", "四、保障措施"),
    (
        "body",
        "宣讲员每场补贴交通和误餐费用200元，由县委老干部局统一发放。到乡镇宣讲由局里派车接送，"
        "每次安排一名工作人员随行。",
    ),
    (
        "body",
        "每场宣讲后由联系单位填写《宣讲效果反馈表》，年底评选“金牌宣讲员”三名。",
    ),
    ("heading1", "五、联系方式"),
    ("body", "县委老干部局宣传教育科，联系人冉佳琪，电话0746-3318247，电子邮箱lyxlgj@example.cn。"),
    ("right", AUTHOR),
    ("right", "2030年1月10日"),
)


def write_lecture(path: Path) -> None:
    from PIL import Image, ImageFilter

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "plan.pdf"
        write_reportlab_pdf(LECTURE, pdf, author=AUTHOR, size=15)
        subprocess.run(
            ["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), str(Path(tmp) / "page")],
            check=True,
            capture_output=True,
        )
        rng = random.Random(2030)
        pages = []
        for rendered in sorted(Path(tmp).glob("page*.png")):
            page = Image.open(rendered).convert("L")
            page = page.rotate(rng.uniform(-0.6, 0.6), resample=Image.BICUBIC, fillcolor=255)
            page = page.filter(ImageFilter.GaussianBlur(0.5)).point(lambda v: min(255, int(v * 0.9 + 18)))
            pages.append(page)
    if len(pages) < 2:
        raise SystemExit("银龄讲堂安排应排成两页")
    # the feeder's 「多页 TIFF」: every sheet a page of one file, LZW, 150 dpi
    pages[0].save(
        path, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw", dpi=(150, 150)
    )


FILES = {
    "关于举办澜屿县离退休干部骨质疏松防治健康讲座的通知.jpg": write_bone,
    "澜屿县2030年离退休干部读书月活动实施方案.pdf": write_reading,
    "澜屿县老年大学手工编织兴趣班招生通知.pdf": write_knit,
    "关于开展澜屿县离退休干部八段锦健身培训的通知.pdf": write_baduan,
    "澜屿县银龄讲堂2030年宣讲工作安排.tif": write_lecture,
}


if __name__ == "__main__":
    sys.exit(run_makers(FILES, sys.argv, HERE))
