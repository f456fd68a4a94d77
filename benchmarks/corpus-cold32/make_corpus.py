"""The thirty-fourth blind set (cold32): five documents of an invented county bureau (霁川县), each from a
producer or in a shape no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold32/make_corpus.py [FOLDER [NAME…]]

1. **mail-merge output** (「邮件合并 › 合并到新文档」): one letter per retired cadre from one template, each
   letter a section of its own starting on a new page (``w:sectPr`` of type nextPage), the same sentences
   four times over with the names, dates and amounts of each record (python-docx, as Word lays it out);
2. a filled-in application form with **Word's legacy form fields** (「旧式窗体」: ``FORMTEXT`` fields holding
   the typed values, ``FORMCHECKBOX`` boxes ticked or not, ``w:ffData``), written with python-docx and
   **saved again by LibreOffice Writer** as .docx (its own fieldmarks written back as Word's fields);
3. an attachment page split off a notice by **poppler's pdfseparate** (「拆分 PDF」: page 2 of a Writer PDF,
   the schedule that was 附件 of a notice, alone in a file);
4. a draft plan exported to PDF by Writer with the reviewers' remarks added as **FreeText annotations**
   (「PDF 批注 › 文本框」, by pypdf: the remark in ``/Contents``, its author in ``/T``, no appearance stream
   of its own, so a viewer draws it), as a PDF editor leaves a draft sent round for comment;
5. an arrangement exported by LibreOffice Writer's **XHTML export** (``XHTML Writer File``, .xhtml).

Every name, address, telephone number and amount is invented. Needs LibreOffice (Writer), poppler-utils
and pypdf (for making the file only); none is a new speechqa dependency. A re-run gives the same text;
the bytes differ (time stamps, ids).
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
    write_docx,
    write_legacy_form,
    write_merged_letters,
)

AUTHOR = "中共霁川县委老干部局"

# --- 1. mail-merged letters ---------------------------------------------------------------------

MERGE_FIELDS = (
    # name, post, visit date, leader, amount, gift, contact, phone
    (
        "钟岳明",
        "原县水利局局长",
        "2031年1月13日上午",
        "县委副书记路云帆",
        "1500",
        "一套保暖护膝和一箱脐橙",
        "卢晓岚",
        "0831-7326015",
    ),
    (
        "蒯淑贞",
        "原县妇联主席",
        "2031年1月14日下午",
        "县委组织部部长冼家齐",
        "1200",
        "一条羊毛围巾和一盒芝麻糖",
        "卢晓岚",
        "0831-7326015",
    ),
    (
        "晏启东",
        "原县供销社主任",
        "2031年1月15日上午",
        "县委老干部局局长甘泽民",
        "1000",
        "一个电热暖手宝和一箱脐橙",
        "褚明远",
        "0831-7326027",
    ),
    (
        "喻兰芳",
        "原县第一中学校长",
        "2031年1月16日上午",
        "县委老干部局局长甘泽民",
        "800",
        "一本大字版《霁川县志》",
        "褚明远",
        "0831-7326027",
    ),
)


def _letter(record: tuple[str, ...]) -> list[tuple[str, object]]:
    name, post, date, leader, amount, gift, contact, phone = record
    return [
        ("title", "2031年春节走访慰问通知书"),
        ("body", f"尊敬的{name}同志（{post}）："),
        (
            "body",
            f"值此2031年春节来临之际，中共霁川县委、县人民政府向您致以节日的问候和美好的祝愿。"
            f"经研究，定于{date}由{leader}带队到您家中走访慰问，送上慰问金{amount}元和{gift}。",
        ),
        (
            "body",
            f"走访当天如您不在家或身体不便接待，请提前一天致电县委老干部局联系人{contact}（电话{phone}），"
            "另行约定时间。",
        ),
        ("body", "慰问金由县财政老干部专项经费列支，走访组当面交付，请您本人或家属签收。"),
        ("right", "中共霁川县委老干部局"),
        ("right", "2031年1月6日"),
    ]


MERGED = tuple(part for record in MERGE_FIELDS for part in _letter(record))


def write_merged(path: Path) -> None:
    """Each record's letter a section of its own on a new page, as Word's 「合并到新文档」 writes them."""
    write_merged_letters([_letter(record) for record in MERGE_FIELDS], path, author=AUTHOR)


# --- 2. a form with legacy form fields, saved again by Writer -----------------------------------

FORM_INTRO = (
    ("title", "霁川县老年大学2030年秋季学员报名表"),
    (
        "body",
        "填表说明：本表用于霁川县老年大学2030年秋季学期新学员报名，请在灰色框内填写，打勾处单击选择。"
        "填好后于2030年8月25日前发送至县老年大学教务科邮箱jclndx@163.com，或打印后交到教务科一楼105室。",
    ),
    ("body", "每位学员本学期最多报两个班，学费每班每学期200元，开学第一周内到教务科缴纳。"),
)
# label, value (a FORMTEXT's result) or a tuple of (choice, ticked) checkboxes
FORM_FIELDS = (
    ("姓名", "邵秉文"),
    ("性别", (("男", True), ("女", False))),
    ("出生年月", "1953年4月"),
    ("原工作单位及职务", "霁川县交通运输局副局长"),
    ("联系电话", "13908317642"),
    ("家庭住址", "霁川县城关镇望江路36号"),
    ("第一志愿班级", "书法提高班（周二上午）"),
    ("第二志愿班级", "葫芦丝入门班（周四下午）"),
    ("是否需要学校班车接送", (("是", True), ("否", False))),
    ("健康状况", "良好，有轻度高血压，按时服药"),
    ("紧急联系人", "邵雨桐（女儿）13808315590"),
)
FORM_CLOSING = (
    ("body", "本人承诺以上信息真实，自愿遵守县老年大学学员管理规定。"),
    ("right", "填表日期：2030年8月18日"),
)
FORM = (
    *FORM_INTRO,
    ("table", tuple((label, value if isinstance(value, str) else "") for label, value in FORM_FIELDS)),
    *FORM_CLOSING,
)


def write_form(path: Path) -> None:
    write_legacy_form(FORM_INTRO, FORM_FIELDS, FORM_CLOSING, path, author=AUTHOR)


# --- 3. an attachment page split off by pdfseparate ---------------------------------------------

CLIMB_NOTICE = (
    ("title", "关于组织离退休干部重阳节登高健身活动的通知"),
    ("body", "各乡镇（街道）老干部工作站，县直各单位："),
    (
        "body",
        "为庆祝2030年重阳节，县委老干部局定于10月5日组织离退休干部到凤栖山登高健身。"
        "活动日程安排见附件。请各单位于9月28日前报送参加人数。",
    ),
    ("body", "附件：重阳节登高健身活动日程安排"),
    ("right", "中共霁川县委老干部局"),
    ("right", "2030年9月20日"),
)
CLIMB_SCHEDULE = (
    ("body", "附件"),
    ("title", "重阳节登高健身活动日程安排"),
    (
        "table",
        (
            ("时间", "内容", "地点"),
            ("7:30", "乘车出发", "县老干部活动中心门前广场"),
            ("8:20", "集合、热身操", "凤栖山南门游客中心"),
            ("8:40", "分组登高", "南门至揽月亭步道（约3公里）"),
            ("10:30", "重阳茶话会、赠送重阳糕", "揽月亭茶社"),
            ("11:30", "下山返程", "凤栖山南门停车场"),
        ),
    ),
    (
        "body",
        "一、登高分两组进行：75周岁以下的同志走全程步道，75周岁以上或腿脚不便的同志乘景区观光车到半山腰的听泉台，"
        "再步行至揽月亭。",
    ),
    ("body", "二、县人民医院派出医生护士各一名随队，配备急救药箱和两台氧气袋。"),
    ("body", "三、请穿运动鞋，自带水杯和雨具；山上气温比县城低4至5度，请适当添衣。"),
    ("body", "四、活动现场负责人：县委老干部局文体科科长戴一鸣，手机13981730266。"),
)


def write_separated(path: Path) -> None:
    from docx import Document

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "climb.docx"
        write_docx((*CLIMB_NOTICE, *CLIMB_SCHEDULE), source, author=AUTHOR)
        doc = Document(str(source))
        start = next(p for p in doc.paragraphs if p.text == "附件")
        start.paragraph_format.page_break_before = True
        doc.save(str(source))
        pdf = Path(tmp) / "climb.pdf"
        soffice_convert(source, "pdf", pdf)
        pages = Path(tmp) / "page-%d.pdf"
        subprocess.run(["pdfseparate", "-f", "2", "-l", "2", str(pdf), str(pages)], check=True)
        path.write_bytes((Path(tmp) / "page-2.pdf").read_bytes())


# --- 4. a draft with FreeText annotations -------------------------------------------------------

PARTY_DAY = (
    ("title", "霁川县委老干部局离退休干部党支部2031年主题党日活动计划"),
    ("body", "（征求意见稿）"),
    (
        "body",
        "为加强离退休干部党支部建设，丰富组织生活内容，根据县委组织部关于规范开展主题党日活动的要求，"
        "结合离退休干部实际，制定本计划。",
    ),
    ("heading1", "一、活动时间"),
    ("body", "每月第二个星期三上午9:00开始，一般不超过两小时；遇法定节假日顺延一周。"),
    ("heading1", "二、全年安排"),
    ("body", "3月：学习全国两会精神，由支部书记丁怀远领学，地点在县老干部活动中心三楼党员活动室。"),
    ("body", "5月：参观霁川县廉政教育基地，重温入党誓词，县纪委派员讲解。"),
    ("body", "7月：庆祝建党110周年座谈会，为党龄满50年的老党员颁发“光荣在党50年”纪念章。"),
    ("body", "9月：到城关镇柑橘产业园实地察看乡村振兴成果，听取镇党委情况介绍。"),
    ("body", "11月：开展“银发志愿服务日”，组织身体条件允许的党员到社区协助开展防诈骗宣传。"),
    ("heading1", "三、有关要求"),
    (
        "body",
        "行动不便的党员可通过“霁川老干部”微信群视频参加学习，支部委员每季度至少上门送学一次。"
        "活动所需经费从党费返还部分和老干部活动经费中列支，每次不超过1500元。",
    ),
    ("right", "霁川县委老干部局离退休干部党支部"),
    ("right", "2030年12月22日"),
)
REMARKS = (  # a reviewer's FreeText remarks, in the right margin
    "建议5月改为6月，避开五一假期",
    "纪念章由县委组织部统一制发，请核实",
    "经费标准请财务科确认",
)


def write_annotated(path: Path) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import FreeText
    from pypdf.generic import NameObject, TextStringObject

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "plan.docx"
        write_docx(PARTY_DAY, source, author=AUTHOR)
        pdf = Path(tmp) / "plan.pdf"
        soffice_convert(source, "pdf", pdf)
        writer = PdfWriter(clone_from=PdfReader(str(pdf)))
        for i, remark in enumerate(REMARKS):
            box = FreeText(
                text=remark,
                rect=(430, 560 - 150 * i, 585, 600 - 150 * i),
                font="Helvetica",
                font_size="10pt",
                font_color="ff0000",
                border_color="ff0000",
                background_color="ffffcc",
            )
            box[NameObject("/T")] = TextStringObject("审核人 蒋文澜")
            writer.add_annotation(page_number=0, annotation=box)
        with path.open("wb") as out:
            writer.write(out)


# --- 5. Writer's XHTML export -------------------------------------------------------------------

SUMMER = (
    ("title", "霁川县老干部活动中心2031年暑期开放安排"),
    ("body", "各位老同志："),
    (
        "body",
        "为方便离退休干部在高温季节就近活动、避暑纳凉，经局务会研究，县老干部活动中心2031年暑期"
        "（7月1日至8月31日）开放安排调整如下：",
    ),
    ("heading1", "一、开放时间"),
    ("body", "每天上午7:30至11:30，下午3:00至9:00开放，中午闭馆清洁；每周一上午闭馆检修空调。"),
    ("heading1", "二、开放场所"),
    (
        "table",
        (
            ("场所", "楼层", "说明"),
            ("阅览室", "一楼", "新增大字版图书300册，提供老花镜借用"),
            ("棋牌室", "二楼", "每人每次不超过三小时"),
            ("乒乓球室", "二楼", "需提前在前台登记预约"),
            ("纳凉休息厅", "一楼", "免费提供绿豆汤和凉茶"),
        ),
    ),
    ("heading1", "三、注意事项"),
    (
        "body",
        "中午12点至下午3点室外温度高，请尽量不要出门；活动中心一楼服务台备有藿香正气水、清凉油等防暑药品，"
        "身体不适请及时告诉值班人员。",
    ),
    ("body", "暑期值班负责人：活动中心副主任欧阳静，值班电话0831-7326088。"),
    ("right", "霁川县老干部活动中心"),
    ("right", "2031年6月24日"),
)


def write_xhtml(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        write_docx(SUMMER, source, author=AUTHOR)
        soffice_convert(source, "xhtml:XHTML Writer File:UTF8", path, suffix="xhtml")


WRITERS = {
    "霁川县2031年春节走访慰问通知书（邮件合并）.docx": write_merged,
    "霁川县老年大学2030年秋季学员报名表（邵秉文）.docx": write_form,
    "附件：重阳节登高健身活动日程安排.pdf": write_separated,
    "霁川县委老干部局离退休干部党支部2031年主题党日活动计划（征求意见稿）.pdf": write_annotated,
    "霁川县老干部活动中心2031年暑期开放安排.xhtml": write_xhtml,
}


if __name__ == "__main__":
    sys.exit(run_makers(WRITERS, sys.argv, HERE))
