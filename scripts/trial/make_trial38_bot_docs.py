"""Write the files of trial 38's month of the bot (docs/trial38-bot.md) into OUTDIR.

Usage:  PYTHONPATH=$PWD python scripts/trial/make_trial38_bot_docs.py OUTDIR
Needs python-docx and reportlab (its STSong-Light CID font). Texts written for this trial:

  活动中心开放时间通知.docx           a notice (python-docx), nine paragraphs;
  修改/活动中心开放时间通知.docx      the same file name, its opening hours corrected (a week later: the
                                      admin sends it again, the speech is updated in place, its passages
                                      renumbered);
  全市老干部工作资料汇编.pdf          40 pages typeset by reportlab (a speech a page would be 40 speeches: it is one
                                      report of 40 sections, two or three paragraphs each, each paragraph its own
                                      sentences, so that indexing it takes tens of seconds);
  重阳节活动安排.docx                 a short notice, the second admin's upload while the long one is indexed.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

NOTICE_TITLE = "关于调整市老干部活动中心开放时间的通知"
NOTICE = [
    "各离退休干部党支部、各位老同志：",
    "为方便老同志参加活动，经研究，自2026年11月1日起调整市老干部活动中心开放时间。现将有关事项通知如下。",
    "一、开放时间。活动中心每周二至周日上午8时30分至11时30分、下午1时30分至5时开放，每周一闭馆清洁。",
    "二、功能室使用。书画室、阅览室需提前一天向服务台登记，乒乓球室按登记先后安排，每次不超过两小时。",
    "三、健身房使用。健身房下午4时后停止入场，80周岁以上老同志进入健身房须有家属陪同。",
    "四、安全管理。老同志在活动中如感身体不适，请立即停止活动并告知工作人员，服务台备有常用急救药品。",
    "五、车辆停放。活动中心地下车库向老同志免费开放，请按指定车位停放，不得占用消防通道。",
    "六、意见建议。老同志对活动中心管理服务有意见建议的，可在服务台登记，也可拨打监督电话88812300。",
    "联系人：周敏，联系电话：88812345。",
]
# a week later the opening hours are corrected (one figure): sent again under the same name, updated in place
CORRECTED = ("上午8时30分至11时30分", "上午8时至11时30分")
SIGN = ["市老干部活动中心", "2026年10月25日"]

CHONGYANG_TITLE = "关于做好2026年重阳节走访慰问活动的通知"
CHONGYANG = [
    "各单位老干部工作部门：",
    "重阳节期间，各单位要走访慰问本单位离休干部和困难退休干部，送去节日问候。",
    "走访慰问情况请于10月30日前报市委老干部局老干部处，联系人：吴婷，电话：88867890。",
]

# The long report: section themes and sentence parts, combined by a seeded generator so that no two
# paragraphs are the same (a near-copy of another would be refused as such).
THEMES = [
    "离休干部医疗保障",
    "老年大学办学",
    "老干部活动中心建设",
    "离退休干部党支部建设",
    "银发人才作用发挥",
    "困难老干部帮扶",
    "老干部志愿服务",
    "走访慰问",
    "健康体检",
    "文体活动",
]
WHO = ["各区县老干部局", "市直各单位", "各街道社区", "老干部工作部门", "各离退休干部党支部", "市老年大学"]
DO = [
    "要建立工作台账，逐人逐项落实",
    "要加强统筹协调，形成工作合力",
    "要创新工作方式，提高服务质量",
    "要细化工作措施，明确责任分工",
    "要完善考核办法，定期通报进展",
    "要加大经费投入，改善活动条件",
]
WHY = [
    "切实让老同志感受到组织的关怀",
    "确保各项政策待遇落实到位",
    "推动老干部工作高质量发展",
    "满足老同志多样化的需求",
    "发挥老同志的优势和作用",
]
FACT = [
    "全年共组织活动{n}场次，参与老同志{m}人次",
    "今年新增服务点{n}个，覆盖老同志{m}人",
    "累计投入资金{n}万元，惠及老同志{m}名",
    "开设课程{n}门，在校学员{m}人",
    "建立结对帮扶关系{n}对，解决实际困难{m}件",
]


def report_sections(seed: int = 38, pages: int = 40) -> list[tuple[str, list[str]]]:
    rng = random.Random(seed)
    sections = []
    for n in range(pages):
        theme = THEMES[n % len(THEMES)]
        heading = f"{n + 1}. 关于{theme}工作的情况（第{n // len(THEMES) + 1}部分）"
        paras = []
        for _ in range(3):
            fact = rng.choice(FACT).format(n=rng.randint(3, 400), m=rng.randint(50, 9000))
            paras.append(
                f"在{theme}方面，{rng.choice(WHO)}{rng.choice(DO)}，{rng.choice(WHY)}。{fact}。"
                f"下一步，{rng.choice(WHO)}{rng.choice(DO)}，{rng.choice(WHY)}，"
                f"力争在{rng.randint(2027, 2029)}年{rng.randint(1, 12)}月前完成第{rng.randint(1, 9)}批任务。"
            )
        sections.append((heading, paras))
    return sections


def write_docx(path: Path, title: str, paras: list[str], sign: list[str]) -> None:
    doc = Document()
    doc.add_paragraph(title, style="Title")
    for text in paras:
        doc.add_paragraph(text)
    for text in sign:
        doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


def report_pdf(path: Path) -> None:
    """Typeset with reportlab's STSong-Light: a title, then one page per section (heading and paragraphs),
    a page number in the footer."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=14, leading=24, firstLineIndent=28, wordWrap="CJK"
    )
    head = ParagraphStyle(
        "head", parent=body, fontSize=20, leading=32, alignment=TA_CENTER, firstLineIndent=0
    )
    h2 = ParagraphStyle("h2", parent=body, fontSize=16, leading=28, firstLineIndent=0)

    def footer(canvas, doc) -> None:
        canvas.setFont("STSong-Light", 10)
        canvas.drawCentredString(A4[0] / 2, 36, f"— {doc.page} —")

    title = "全市老干部工作资料汇编（2026年）"
    story = [Paragraph(title, head), Spacer(1, 12)]
    for i, (heading, paras) in enumerate(report_sections()):
        if i:
            story.append(PageBreak())
        story.append(Paragraph(heading, h2))
        story += [Paragraph(p, body) for p in paras]
    SimpleDocTemplate(str(path), pagesize=A4, title=title).build(
        story, onFirstPage=footer, onLaterPages=footer
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    write_docx(out / "活动中心开放时间通知.docx", NOTICE_TITLE, NOTICE, SIGN)
    write_docx(
        out / "修改" / "活动中心开放时间通知.docx",
        NOTICE_TITLE,
        [p.replace(*CORRECTED) for p in NOTICE],
        SIGN,
    )
    write_docx(out / "重阳节活动安排.docx", CHONGYANG_TITLE, CHONGYANG, ["市委老干部局", "2026年10月20日"])
    report_pdf(out / "全市老干部工作资料汇编.pdf")
    for path in sorted(out.rglob("*.*")):
        print(path.relative_to(out), path.stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
