"""The thirty-third blind set (cold31): five documents of an invented county bureau (苕溪县), each as it
comes out of a CONVERTER an office runs before a file is added — not as its author wrote it.

    /work/main/.venv/bin/python benchmarks/corpus-cold31/make_corpus.py [FOLDER [NAME…]]

1. a notice exported to PDF by LibreOffice Writer and turned back into Word by **pdf2docx** (「PDF 转
   Word」: PyMuPDF reads the page, paragraphs rebuilt from lines, a table rebuilt from its rules);
2. a plan exported to PDF by Writer and **opened in LibreOffice Writer through its PDF import**
   (``writer_pdf_import``: Draw's import, every printed line a text frame), saved as .docx;
3. a prospectus exported to PDF by Writer and converted to a web page by **poppler's pdftohtml**
   (``-s -i -noframes``: one HTML file, each printed line ended by ``<br/>``), as 「PDF 转 HTML」 does;
4. a two-page notice exported to PDF by Writer and converted to text by **poppler's pdftotext
   -layout** (「PDF 转 TXT」: lines kept as printed, spaces for the layout, a form feed between pages);
5. a notice printed, scanned, and turned into text by **Tesseract** (``-l chi_sim``, its .txt output,
   as 「扫描件转文字」 tools give it).

Every name, address, telephone number and amount is invented. Needs LibreOffice (Writer),
poppler-utils, Tesseract with chi_sim and pdf2docx (PyPI; for making the file only); none is a speechqa
dependency. A re-run gives the same text; the bytes differ (time stamps, ids).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    run_makers,
    soffice_convert,
    write_converted,
    write_scan,
)

AUTHOR = "中共苕溪县委老干部局"


# --- 1. a notice turned back into Word by pdf2docx --------------------------------------------------

BADUANJIN = (
    ("title", "关于举办苕溪县离退休干部八段锦健身培训班的通知"),
    ("body", "各乡镇（街道）老干部工作站，县直各单位离退休干部党支部："),
    (
        "body",
        "为帮助离退休干部强身健体、养成科学锻炼的习惯，县委老干部局决定联合县体育总会举办八段锦健身培训班。"
        "现将有关事项通知如下：",
    ),
    (
        "body",
        "一、培训时间。2029年9月4日至10月30日，每周二、周四上午8:30至10:00，共十八次课。",
    ),
    (
        "body",
        "二、培训地点。县全民健身中心二楼木地板训练馆，遇雨改在县老干部活动中心一楼多功能厅。",
    ),
    (
        "body",
        "三、授课教练。县武术协会副会长韦静澜担任主教练，国家二级社会体育指导员柯立山担任助教。",
    ),
    (
        "body",
        "四、课程安排。培训分三个阶段进行，具体如下表：",
    ),
    (
        "table",
        (
            ("阶段", "日期", "内容"),
            ("第一阶段", "9月4日至9月20日", "基本手型、步型和呼吸方法"),
            ("第二阶段", "9月25日至10月16日", "八式分解动作逐式教学"),
            ("第三阶段", "10月18日至10月30日", "完整套路练习和结业展示"),
        ),
    ),
    (
        "body",
        "五、报名要求。年龄在80周岁以下、身体状况适合中等强度运动的离退休干部均可报名，每期限招40人。"
        "有严重心脑血管疾病或关节损伤的同志请勿报名。",
    ),
    (
        "body",
        "六、报名方式。请于8月25日前通过所在支部报名，或直接拨打县委老干部局文体科电话0572-3861275，"
        "联系人滕晓琪。学员请穿着宽松衣服和软底运动鞋，自带水杯。",
    ),
    ("right", AUTHOR),
    ("right", "2029年8月12日"),
)


def write_baduanjin(path: Path) -> None:
    from pdf2docx import Converter

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "notice.pdf"
        write_converted(BADUANJIN, pdf, "pdf", author=AUTHOR)
        converter = Converter(str(pdf))
        try:
            converter.convert(str(path))
        finally:
            converter.close()


# --- 2. a plan opened in Writer through its PDF import, saved as .docx ------------------------------

GATEBALL = (
    ("title", "苕溪县第五届离退休干部门球邀请赛实施方案"),
    (
        "body",
        "为丰富离退休干部文体生活，增进各乡镇老干部之间的交流，经研究，决定举办苕溪县第五届离退休干部门球邀请赛。"
        "具体方案如下。",
    ),
    ("body", "一、组织机构"),
    (
        "body",
        "主办单位为中共苕溪县委老干部局，承办单位为县门球协会，协办单位为溪口镇人民政府。"
        "赛事组委会主任由县委老干部局局长鲍怀瑾担任。",
    ),
    ("body", "二、比赛时间和地点"),
    (
        "body",
        "比赛于2029年10月15日至17日在溪口镇全民健身广场门球场举行，10月14日下午3点在溪口镇政府三楼会议室召开领队会议并抽签。",
    ),
    ("body", "三、参赛办法"),
    (
        "body",
        "各乡镇（街道）和县直机关工委各组一支代表队，每队由领队1人、教练1人、队员5至7人组成。"
        "队员须为本县离退休干部，年龄不限，男女不限。",
    ),
    ("body", "四、竞赛办法"),
    (
        "body",
        "比赛执行中国门球协会审定的最新门球竞赛规则。第一阶段分四个小组进行单循环赛，"
        "每组前两名进入第二阶段，第二阶段采用淘汰赛决出名次，每场比赛时间为30分钟。",
    ),
    ("body", "五、录取和奖励"),
    (
        "body",
        "录取前六名，分别颁发奖杯和证书，另设体育道德风尚奖三个。获奖队的奖金由县老年体育协会统一发放。",
    ),
    ("body", "六、其他事项"),
    (
        "body",
        "参赛队员须自行办理比赛期间的人身意外伤害保险，并于10月8日前将报名表报送县门球协会秘书处，"
        "联系人雷振邦，电话0572-3867140。",
    ),
    ("right", AUTHOR),
    ("right", "2029年9月10日"),
)


def write_gateball(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / f"{path.stem}.pdf"
        write_converted(GATEBALL, pdf, "pdf", author=AUTHOR, footer=True)
        # 「用 LibreOffice 打开 PDF 再另存为 Word」: the PDF opened through Writer's import filter
        soffice_convert(pdf, "docx:MS Word 2007 XML", path, infilter="writer_pdf_import")


# --- 3. a prospectus converted to a web page by pdftohtml --------------------------------------------

PHOTO = (
    ("title", "苕溪县老年大学2030年春季手机摄影班招生简章"),
    (
        "body",
        "手机已经成为老同志记录生活的好帮手。为帮助学员用好手机拍出好照片，苕溪县老年大学2030年春季开设手机摄影班，"
        "现面向全县离退休干部和老年朋友招生。",
    ),
    ("body", "一、开课时间"),
    (
        "body",
        "2030年3月5日开课，6月25日结业，每周二下午2:30至4:30上课，其中室外采风课安排在第6周和第12周。",
    ),
    ("body", "二、上课地点"),
    (
        "body",
        "县老年大学（苕溪县城南路88号）三楼302教室，室外采风地点另行通知。",
    ),
    ("body", "三、课程内容"),
    (
        "body",
        "手机相机的基本设置、构图与用光、人像和花卉拍摄、夜景拍摄，以及用手机修图软件调色、裁剪和制作电子相册。",
    ),
    ("body", "四、授课老师"),
    (
        "body",
        "县摄影家协会理事尹书航，从事新闻摄影二十余年，作品曾入选省摄影艺术展览。",
    ),
    ("body", "五、招生对象和人数"),
    (
        "body",
        "年满55周岁、能熟练使用智能手机的离退休干部和老年朋友，本期招收35人，额满为止。",
    ),
    ("body", "六、学费"),
    (
        "body",
        "每人每学期学费280元，离退休干部凭离退休证减半收取；教材由学校免费发放。",
    ),
    ("body", "七、报名办法"),
    (
        "body",
        "2月17日至2月28日每天上午9点至11点，带本人身份证和一张一寸照片到老年大学一楼教务处报名，"
        "咨询电话0572-3850926，联系人蔡文卿。",
    ),
    ("right", "苕溪县老年大学"),
    ("right", "2030年1月20日"),
)


def write_photo_html(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / f"{path.stem}.pdf"
        write_converted(PHOTO, pdf, "pdf", author="苕溪县老年大学")
        # 「PDF 转 HTML」 in the PDF's folder: one file (-s, -noframes), no pictures (-i); the page's
        # <title> is the name it is given, as when a clerk runs it on 招生简章.pdf
        subprocess.run(
            ["pdftohtml", "-q", "-s", "-i", "-noframes", "-enc", "UTF-8", pdf.name, path.stem],
            check=True,
            cwd=tmp,
        )
        path.write_bytes((Path(tmp) / f"{path.stem}.html").read_bytes())


# --- 4. a two-page notice converted to text by pdftotext -layout ---------------------------------------

READING = (
    ("title", "关于开展苕溪县离退休干部“银发读书月”活动的通知"),
    ("body", "各离退休干部党支部，县老年大学，各乡镇（街道）老干部工作站："),
    (
        "body",
        "为引导离退休干部多读书、读好书，营造崇尚学习的良好氛围，县委老干部局决定于2030年4月在全县离退休干部中开展"
        "“银发读书月”活动。现将有关事项通知如下。",
    ),
    ("body", "一、活动时间"),
    ("body", "2030年4月1日至4月30日。"),
    ("body", "二、活动内容"),
    (
        "body",
        "（一）好书共读。县图书馆向各支部推荐二十种书目，每个支部至少选读两种，由支部组织交流读书体会。",
    ),
    (
        "body",
        "（二）读书分享会。4月23日世界读书日上午9点，在县图书馆一楼报告厅举办读书分享会，"
        "邀请退休教师邬承志讲授《苕溪县志》里的老故事。",
    ),
    (
        "body",
        "（三）读书征文。围绕“书香伴我度晚年”主题征集读书心得，字数1500字以内，"
        "4月25日前交县委老干部局宣传科，优秀作品将刊登在《苕溪老干部》内刊上。",
    ),
    (
        "body",
        "（四）送书上门。对行动不便的高龄离退休干部，由县图书馆志愿者每两周送书上门一次，并负责到期取回。",
    ),
    ("body", "三、有关要求"),
    (
        "body",
        "各支部要明确一名联络员，于3月25日前将联络员名单和参加人数报县委老干部局宣传科，"
        "联系人詹若溪，电话0572-3862318，电子邮箱tiaoxilgj@163.com。",
    ),
    (
        "body",
        "活动结束后，县委老干部局将评选10个“书香支部”和30名“读书之星”，在七一前后予以通报表扬。",
    ),
    ("right", AUTHOR),
    ("right", "2030年3月12日"),
)


def write_reading(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "notice.pdf"
        write_converted(READING, pdf, "pdf", author=AUTHOR, footer=True)
        subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), str(path)], check=True)


# --- 5. a notice scanned and turned into text by Tesseract -------------------------------------------

HERBAL = (
    ("title", "关于举办离退休干部中医药膳养生讲座的通知"),
    ("body", "各离退休干部党支部："),
    (
        "body",
        "入冬以来，不少老同志关心冬季如何进补。县委老干部局联合县中医院定于2029年11月21日上午9:30，"
        "在县老干部活动中心二楼报告厅举办中医药膳养生讲座。",
    ),
    (
        "body",
        "一、主讲人为县中医院治未病科主任医师卜素琴，讲授冬季药膳的配伍原则、常见药食同源食材和几道家常药膳的做法。",
    ),
    (
        "body",
        "二、讲座结束后，县中医院的医生将为到场的老同志免费测量血压、血糖，并提供体质辨识咨询。",
    ),
    (
        "body",
        "三、讲座共设座位120个，请各支部于11月15日前将参加人数报县委老干部局老干部科，联系人祁若兰，电话0572-3869051。",
    ),
    (
        "body",
        "四、患有糖尿病的同志选择药膳前，请先听取医生的意见，不要自行服用含糖量高的膏方。",
    ),
    ("right", AUTHOR),
    ("right", "2029年11月6日"),
)


def write_herbal(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "scan.png"
        write_scan(HERBAL, page, author=AUTHOR, size=13, turn=0.4, seed=2031)
        # 「扫描件转文字」: Tesseract's own text output, as OCR tools hand it back
        subprocess.run(
            ["tesseract", str(page), str(Path(tmp) / "ocr"), "-l", "chi_sim", "txt"],
            check=True,
            capture_output=True,
        )
        path.write_bytes((Path(tmp) / "ocr.txt").read_bytes())


WRITERS = {
    "关于举办苕溪县离退休干部八段锦健身培训班的通知.docx": write_baduanjin,
    "苕溪县第五届离退休干部门球邀请赛实施方案.docx": write_gateball,
    "苕溪县老年大学2030年春季手机摄影班招生简章.html": write_photo_html,
    "关于开展苕溪县离退休干部银发读书月活动的通知.txt": write_reading,
    "关于举办离退休干部中医药膳养生讲座的通知.txt": write_herbal,
}


if __name__ == "__main__":
    sys.exit(run_makers(WRITERS, sys.argv, HERE))
