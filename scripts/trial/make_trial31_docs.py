"""Make the trial-31 documents: one notice in several real producers' formats, plus broken files.

Usage: python scripts/trial/make_trial31_docs.py OUTDIR
Needs python-docx, LibreOffice (soffice), poppler (pdftoppm), Pillow; pillow-heif for the .heic.
The texts are written for this trial (a 老干部局's own topics), not taken from benchmarks/ or tests/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from tests.fixtures.corpus_writers import soffice_convert

NOTICE_TITLE = "关于做好2026年元旦春节期间走访慰问离退休干部工作的通知"
NOTICE_PARAS: list[tuple[str, str]] = [
    ("Normal", "各区县（市）委老干部局，市直各单位离退休干部工作部门："),
    (
        "Normal",
        "元旦、春节将至。为把党和政府的关怀送到每一位老同志心坎上，经局务会研究，"
        "现就做好今年两节期间走访慰问工作通知如下。",
    ),
    ("Heading 1", "一、慰问时间"),
    ("Normal", "走访慰问集中在2025年12月22日至2026年2月10日进行，春节前必须全部走访到位。"),
    ("Heading 1", "二、慰问对象和标准"),
    (
        "Normal",
        "慰问对象为全市离休干部、享受副市级以上待遇的退休干部、生活困难的离退休干部以及"
        "长期卧床的老党员。具体标准见下表。",
    ),
    ("TABLE", ""),
    ("Heading 1", "三、工作要求"),
    (
        "List Number",
        "各单位要在12月15日前将慰问名单报送市委老干部局离退休干部服务科，逾期不报的视为无慰问对象。",
    ),
    (
        "List Number",
        "走访时要当面听取老同志的意见建议，对反映的住房、医疗等实际困难，能当场解决的当场解决，"
        "不能当场解决的要在15个工作日内答复。",
    ),
    ("List Number", "严格执行中央八项规定精神，不得借慰问之机公款吃喝，不得发放购物卡。"),
    ("Heading 1", "四、联系方式"),
    ("Normal", "联系人：服务科 王晓燕，联系电话：0577-88001234。"),
    ("Right", "中共温州市委老干部局"),
    ("Right", "2025年12月1日"),
]
TABLE_ROWS = [
    ("慰问对象", "慰问金标准", "由谁走访"),
    ("离休干部", "每人2000元", "局领导带队"),
    ("享受副市级以上待遇的退休干部", "每人1000元", "原单位领导"),
    ("生活困难的离退休干部", "每人1500元", "原单位和社区共同走访"),
    ("长期卧床的老党员", "每人800元", "所在党支部"),
]

SPEECH_GBK = """在全市离退休干部党支部书记培训班上的讲话
李明远
（2025年10月15日）

同志们：

今天我们在这里举办全市离退休干部党支部书记培训班，主要目的是提升支部书记抓党建的本领。

一、充分认识离退休干部党支部建设的重要性

全市目前共有离退休干部党支部386个，离退休党员9200多名。支部是老同志的“家”，支部建得好不好，直接关系到老同志的获得感和归属感。

二、突出抓好三项重点工作

一是规范组织生活。每个支部每季度至少开展一次主题党日活动，行动不便的老党员可以由支部委员上门送学。

二是开展“五好”支部创建。到明年底，全市“五好”离退休干部党支部创建率要达到百分之六十。

三是选好配强支部书记。支部书记任期三年，一般从身体健康、热心公益的退休干部中推选，年龄原则上不超过七十五岁。

三、加强对支部书记的培训和保障

市委老干部局每年组织支部书记集中培训不少于16学时，并为每个支部每年安排活动经费3000元。
"""

BIG5_TEXT = """關於老年大學2026年春季學期招生的說明

溫州老年大學2026年春季學期開設書法、國畫、太極拳、合唱、智能手機應用等二十二個專業。

一、報名時間和地點
報名時間為2026年1月5日至1月12日，每天上午八點半至十一點半。報名地點在人民路88號老年大學一樓大廳。

二、報名條件
年滿55周歲、身體健康、生活能夠自理的離退休人員均可報名。每人每學期限報兩門課程。

三、學費
每門課程每學期收費200元。離休幹部和享受副市級以上待遇的退休幹部免收學費。

溫州老年大學教務處
2025年12月18日
"""

HTML_PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>市委老干部局召开“银龄先锋”志愿服务工作推进会_工作动态_温州市委老干部局</title>
</head><body>
<div class="top"><a href="/">首页</a> | <a href="/gzdt/">工作动态</a> | <a href="/tzgg/">通知公告</a> | 设为首页 | 加入收藏</div>
<div class="position">当前位置：首页 &gt; 工作动态</div>
<div class="article">
<h1>市委老干部局召开“银龄先锋”志愿服务工作推进会</h1>
<div class="info">发布时间：2025-09-08 16:32 来源：市委老干部局 浏览次数：1024 【字体：大 中 小】</div>
<div class="content">
<p>9月8日下午，市委老干部局召开“银龄先锋”志愿服务工作推进会。局长周建国出席并讲话。</p>
<p>会议通报，全市已注册“银龄先锋”志愿者2140人，组建志愿服务队43支，今年以来累计开展服务1.6万小时。</p>
<p>周建国指出，要发挥老同志政治优势、经验优势和威望优势，重点在关心下一代、基层治理和文明创建三个领域发挥作用。</p>
<p>会议要求，下一步要组建“银龄讲师团”，在年底前走进全市100所中小学开展宣讲；要落实志愿者意外伤害保险，每人每年保费由局里统一承担。</p>
</div></div>
<div class="foot">主办：中共温州市委老干部局 地址：温州市鹿城区 电话：0577-88000000 浙ICP备12345678号</div>
</body></html>
"""


def _page_field(paragraph) -> None:
    """Append a PAGE field, as Word's 'page number' button does."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.text = "PAGE"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(end)


def make_docx(path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "温州市委老干部局文件"
    footer = section.footer.paragraphs[0]
    footer.text = "温州市委老干部局办公室印发  第 "
    _page_field(footer)
    footer.add_run(" 页")
    title = doc.add_paragraph(NOTICE_TITLE, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for style, text in NOTICE_PARAS:
        if style == "TABLE":
            table = doc.add_table(rows=len(TABLE_ROWS), cols=3, style="Table Grid")
            for r, row in enumerate(TABLE_ROWS):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        if style == "Right":
            p = doc.add_paragraph(text)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            continue
        p = doc.add_paragraph(text, style=style)
        for run in p.runs:
            run.font.size = Pt(16) if style == "Normal" else run.font.size
    doc.save(str(path))


def soffice(src: Path, fmt: str, outdir: Path) -> Path:
    made = outdir / (src.stem + "." + fmt)
    soffice_convert(src, fmt, made, timeout=300)
    return made


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "trial31-docs")
    good = out / "good"
    broken = out / "broken"
    good.mkdir(parents=True, exist_ok=True)
    broken.mkdir(parents=True, exist_ok=True)
    docx = good / "走访慰问通知.docx"
    make_docx(docx)
    # The same notice through LibreOffice: PDF and .doc (in their own folders: same text, same speech).
    for fmt in ("pdf", "doc"):
        d = out / fmt
        d.mkdir(exist_ok=True)
        soffice(docx, fmt, d)
    (good / "支部书记培训班讲话.txt").write_bytes(SPEECH_GBK.encode("gbk"))
    (good / "老年大學招生說明.txt").write_bytes(BIG5_TEXT.encode("big5"))
    (good / "银龄先锋推进会.html").write_bytes(HTML_PAGE.encode("gb2312"))
    # A scan: the PDF's first page rendered at 200 dpi, saved as JPEG; and as a phone's HEIC.
    scan_dir = out / "scan"
    scan_dir.mkdir(exist_ok=True)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "200",
            "-f",
            "1",
            "-l",
            "1",
            "-jpeg",
            str(out / "pdf" / (docx.stem + ".pdf")),
            str(scan_dir / "page"),
        ],
        check=True,
    )
    jpgs = sorted(scan_dir.glob("page*.jpg"))
    shutil.move(str(jpgs[0]), scan_dir / "慰问通知扫描件.jpg")
    try:
        import pillow_heif
        from PIL import Image

        pillow_heif.register_heif_opener()
        heic = out / "heic"
        heic.mkdir(exist_ok=True)
        Image.open(scan_dir / "慰问通知扫描件.jpg").save(heic / "手机拍的通知.heic", quality=80)
    except ImportError:
        print("pillow-heif not installed: no .heic", file=sys.stderr)
    # Broken files.
    data = docx.read_bytes()
    (broken / "传输中断.docx").write_bytes(data[: len(data) // 2])
    (broken / "空白.pdf").write_bytes(b"")
    with zipfile.ZipFile(broken / "慰问名单.xlsx", "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
