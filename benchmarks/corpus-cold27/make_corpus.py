"""Make the twenty-ninth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold27/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). It needs,
besides main's venv: LibreOffice (Writer, Calc and Impress), poppler-utils, Tesseract with ``chi_sim``,
Ghostscript, and ``ocrmypdf`` 17 (with its ``img2pdf``) from PyPI in a venv of its own (``python3 -m venv
/tmp/cold27/venv && /tmp/cold27/venv/bin/pip install ocrmypdf``; ``COLD27_VENV=/tmp/cold27/venv``, that path
by default). None is a speechqa dependency.

Six files of a county veteran-cadre bureau (雁川县 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, each made by a **producer or in a shape no
earlier set used**, on topics neither the bundled speeches, the fixtures nor ``corpus-cold2`` …
``corpus-cold26`` treat:

- ``关于组织离退休干部参观雁川县规划展览馆的通知.pdf`` — a notice printed, scanned and made searchable by
  **ocrmypdf** (Tesseract's text, laid invisibly over the page image by ocrmypdf's own renderer; PDF/A);
- ``雁川县老干部葫芦丝乐队2027年工作汇报.pdf`` — a talk's slides exported by **LibreOffice Impress with its
  notes pages** (the filter's ``ExportNotesPages``: each slide, then a page per slide of its picture and the
  speaker's notes — what the speaker said);
- ``雁川县离退休干部养蜂技术读本.epub`` — a handbook written in Writer and exported by **LibreOffice as EPUB**
  (``--convert-to epub``: Writer's own EPUB 3 writer, one XHTML document per chapter page);
- ``雁川县老干部太极扇展演队管理办法.pdf`` — rules exported by **LibreOffice Writer as a PDF with restricted
  permissions** (``RestrictPermissions``: an owner password, copying and editing not allowed; opens without one);
- ``雁川县老年大学2028年春季旗袍走秀班课程安排表.ods`` — a timetable saved by **LibreOffice Calc as ODF
  spreadsheet** (a merged title, dates formatted 「2028年3月14日」, a merged 备注 row, a second sheet of rules);
- ``关于开展雁川县志老干部工作篇口述史料征集工作的通知.docx`` — a 公文 **saved as .docx by LibreOffice
  Writer** (its own OOXML writer, not python-docx's): 文号, 主送, a footnote, the 附件 line, the 附件 itself
  (a blank form) on a landscape page between section breaks, and the 抄送/印发 版记 after it.

``benchmarks/check_questions.py cold27`` imports the sources below to check
``benchmarks/cold27-questions.jsonl``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import soffice_convert, write_converted, write_docx  # noqa: E402
from tests.fixtures.office_writers import DATE_FORMAT, Sheet, Slide, write_deck, write_workbook  # noqa: E402

AUTHOR = "中共雁川县委老干部局"
VENV = Path(os.environ.get("COLD27_VENV", "/tmp/cold27/venv"))


# --- 1. a notice scanned and made searchable by ocrmypdf ---------------------------------------------

PLAN_TITLE = "关于组织离退休干部参观雁川县规划展览馆的通知"
PLAN = (
    ("title", PLAN_TITLE),
    ("body", "县直各单位离退休干部党支部，各乡镇老干部工作站："),
    (
        "body",
        "为使老同志了解县城发展规划，感受家乡发展变化，县委老干部局定于2028年4月组织离退休干部分批参观"
        "雁川县规划展览馆。现将有关事项通知如下：",
    ),
    (
        "body",
        "一、参观时间：共分三批，第一批4月11日，第二批4月18日，第三批4月25日，均为上午9:00至11:00。",
    ),
    (
        "body",
        "二、集合地点：县老干部活动中心北门停车场，统一乘坐大巴前往，车程约二十分钟。",
    ),
    (
        "body",
        "三、参观内容：观看城市发展宣传片，参观历史沿革厅、总体规划厅和数字沙盘厅，听取县自然资源局规划科"
        "负责人讲解雁西新区建设规划。",
    ),
    (
        "body",
        "四、人员安排：每批限50人，由各支部按分配名额推荐。请于4月4日前将名单报县委老干部局活动科，"
        "联系人：戚蔓青，电话：0739-6218437。",
    ),
    (
        "body",
        "五、注意事项：展览馆内禁止吸烟。数字沙盘厅光线较暗，行动不便的老同志须由工作人员搀扶进出。"
        "患有心脑血管疾病的同志请随身携带常用药品。",
    ),
    ("right", AUTHOR),
    ("right", "2028年3月21日"),
)


def write_plan(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        printed = Path(tmp) / "printed.pdf"
        write_converted(PLAN, printed, "pdf", author=AUTHOR)
        subprocess.run(["pdftoppm", "-gray", "-r", "300", "-png", str(printed), f"{tmp}/page"], check=True)
        pages = sorted(Path(tmp).glob("page*.png"))
        scanned = Path(tmp) / "scanned.pdf"  # the scanner's image-only PDF, 300 dpi
        subprocess.run(
            [str(VENV / "bin" / "img2pdf"), "--output", str(scanned), *map(str, pages)], check=True
        )
        subprocess.run(
            [str(VENV / "bin" / "ocrmypdf"), "-l", "chi_sim", "--quiet", str(scanned), str(path)],
            check=True,
        )


# --- 2. a talk's slides exported by Impress with its notes pages -------------------------------------

HULUSI_TITLE = "雁川县老干部葫芦丝乐队2027年工作汇报"
HULUSI = (
    Slide(
        HULUSI_TITLE,
        subtitle=("汇报人：乐队队长　聂云舒", "2028年1月16日"),
        notes=("各位领导、各位队友：下面我代表乐队，向大家汇报2027年的工作情况。",),
    ),
    Slide(
        "一、队伍建设",
        bullets=(
            "现有队员41名，平均年龄67岁",
            "全年新吸收队员9名",
            "聘请县民族歌舞团演奏员岑晓岚担任艺术指导",
        ),
        notes=(
            "去年乐队新吸收了9名队员，其中有3位是随子女从外地迁来的老同志。",
            "岑晓岚老师每月到队里指导两次，重点纠正大家的气息和指法。",
        ),
    ),
    Slide(
        "二、排练演出",
        table=(("项目", "全年数量"), ("集中排练", "86次"), ("社区演出", "14场"), ("下乡慰问", "6场")),
        notes=(
            "全年集中排练86次，每次两个小时，出勤率保持在九成以上。",
            "下乡慰问演出的足迹到了全县最偏远的岩头乡，乡亲们自发送来了热茶和红薯。",
        ),
    ),
    Slide(
        "三、比赛获奖",
        bullets=("市老年文艺汇演器乐类金奖", "参赛曲目《月光下的凤尾竹》"),
        notes=(
            "去年十月，乐队以一曲《月光下的凤尾竹》参加市老年文艺汇演，获得器乐类金奖，"
            "这是乐队成立以来获得的最高奖项。",
        ),
    ),
    Slide(
        "四、存在的问题",
        bullets=("部分乐器老化，音准不稳", "排练室冬季没有暖气"),
        notes=(
            "乐队有12支葫芦丝已经使用超过八年，竹管开裂，音准不稳，需要更换。",
            "排练室没有暖气，冬天大家只能戴着手套练习，希望局里帮助解决。",
        ),
    ),
    Slide(
        "五、2028年打算",
        bullets=("排练新曲目4首", "举办乐队成立十周年专场音乐会", "开设初级葫芦丝兴趣班"),
        notes=(
            "今年是乐队成立十周年，我们计划在9月举办一场专场音乐会，邀请老队员回来同台演出。",
            "初级兴趣班面向全县离退休干部招生，每期20人，免费教学。谢谢大家！",
        ),
    ),
)


def write_hulusi(path: Path) -> None:
    options = {"ExportNotesPages": {"type": "boolean", "value": "true"}}  # 「导出为 PDF › 导出备注页」
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{path.stem}.pptx"
        write_deck(HULUSI, source)
        soffice_convert(source, "pdf:impress_pdf_Export:" + json.dumps(options), path)


# --- 3. a handbook exported by LibreOffice as EPUB ---------------------------------------------------

BEE_TITLE = "雁川县离退休干部养蜂技术读本"
BEE = (
    ("title", BEE_TITLE),
    ("speaker", "雁川县委老干部局　雁川县农业农村局　编"),
    ("date", "2027年11月"),
    (
        "body",
        "近年来，不少离退休干部在庭院和山林里饲养中华蜜蜂，既锻炼身体，又增加收入。为帮助老同志科学养蜂，"
        "我们编写了这本读本，供大家学习参考。",
    ),
    ("heading1", "第一章　蜂群的组成"),
    (
        "body",
        "一个正常的蜂群由一只蜂王、几千到几万只工蜂和季节性出现的雄蜂组成。蜂王专职产卵，寿命可达三至五年；"
        "工蜂负责采蜜、哺育和守卫，夏季寿命只有一个月左右。",
    ),
    ("heading1", "第二章　蜂箱的放置"),
    (
        "body",
        "蜂箱应放在背风向阳、排水良好的地方，箱口朝向东南，前方开阔。蜂箱距离道路和邻居住宅不少于二十米，"
        "附近三公里内要有充足的蜜源植物。",
    ),
    ("body", "箱底要垫高二十厘米以上，防止蚂蚁和潮气侵入。"),
    ("heading1", "第三章　四季管理"),
    (
        "body",
        "春季要做好保温和奖励饲喂，促进蜂王产卵。夏季要遮阴降温，注意防范胡蜂侵扰。秋季要留足越冬饲料，"
        "每群越冬蜂群要保留封盖蜜八斤以上。冬季要保持蜂箱安静，不要随意开箱检查。",
    ),
    ("heading1", "第四章　蜂蜜的采收与储存"),
    (
        "body",
        "蜂蜜要等蜜脾上三分之二以上的巢房封盖后再摇取，这样的蜂蜜水分低、不易发酵。摇出的蜂蜜经过滤后装入"
        "玻璃瓶或食品级塑料桶，放在阴凉干燥处保存，不要使用铁皮容器。",
    ),
    ("heading1", "第五章　防止蜂蜇与急救"),
    (
        "body",
        "开箱操作时要戴好面网，穿浅色衣服，不要喷香水、不要饮酒。被蜇后要用指甲顺着皮肤刮掉蜇针，"
        "不要用手指捏，再用肥皂水清洗伤口。",
    ),
    (
        "body",
        "如果出现全身皮疹、胸闷或呼吸困难，可能是过敏反应，要立即拨打120急救电话。县农业农村局养蜂技术"
        "指导员蒲成渊的联系电话是0739-6218466，老同志在养蜂中遇到问题可以随时咨询。",
    ),
)


def write_bee(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{path.stem}.docx"
        write_docx(BEE, source, author=AUTHOR)
        soffice_convert(source, "epub", path)


# --- 4. rules exported by Writer as a PDF with restricted permissions ---------------------------------

FAN_TITLE = "雁川县老干部太极扇展演队管理办法"
FAN = (
    ("title", FAN_TITLE),
    ("right", "（2027年12月6日县委老干部局局务会议通过）"),
    ("heading1", "第一章　总则"),
    (
        "body",
        "第一条　为加强雁川县老干部太极扇展演队建设，规范日常管理，展示离退休干部健康向上的精神风貌，"
        "制定本办法。",
    ),
    ("body", "第二条　展演队由县委老干部局主管，日常工作由县老干部活动中心负责。"),
    ("heading1", "第二章　队员"),
    (
        "body",
        "第三条　队员从本县离退休干部中选拔，年龄一般在五十五周岁至七十八周岁之间，身体健康，"
        "有一年以上太极拳或太极扇练习基础。",
    ),
    (
        "body",
        "第四条　展演队编制为三十六人，设队长一名、副队长两名。首任队长由县林业局原局长郁晚秋担任。",
    ),
    ("heading1", "第三章　训练"),
    (
        "body",
        "第五条　展演队每周二、周五上午8:00至9:30在县体育公园南广场集中训练，遇雨雪天气改在县老干部活动中心"
        "二楼多功能厅训练。",
    ),
    (
        "body",
        "第六条　队员一年内无故缺勤超过十次的，由队委会劝其退出展演队。",
    ),
    ("heading1", "第四章　服装和器材"),
    (
        "body",
        "第七条　展演用的太极扇和练功服由县委老干部局统一配发，练功服每三年更换一次。"
        "队员退出时，太极扇和练功服不再收回。",
    ),
    ("heading1", "第五章　展演"),
    (
        "body",
        "第八条　展演队每年参加县级以上展演活动不少于四次。外出展演时，县委老干部局为每名队员办理人身意外"
        "伤害保险，并安排一名医护人员随队。",
    ),
    ("heading1", "第六章　附则"),
    ("body", "第九条　本办法由县委老干部局负责解释，自2028年1月1日起施行。"),
)


def write_fan(path: Path) -> None:
    options = {  # 「导出为 PDF › 安全 › 设置权限」: an owner password; no copying, no changes
        "RestrictPermissions": {"type": "boolean", "value": "true"},
        "PermissionPassword": {"type": "string", "value": "yclgj2027"},
        "EnableCopyingOfContent": {"type": "boolean", "value": "false"},
        "Changes": {"type": "long", "value": "0"},
    }
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{path.stem}.docx"
        write_docx(FAN, source, author=AUTHOR, footer=True)
        soffice_convert(source, "pdf:writer_pdf_Export:" + json.dumps(options), path)


# --- 5. a timetable saved by LibreOffice Calc as an ODF spreadsheet -----------------------------------

QIPAO_TITLE = "雁川县老年大学2028年春季旗袍走秀班课程安排表"
_LESSONS = (
    ("开班仪式、旗袍文化概述", "柏映雪"),
    ("站姿与基本步伐", "柏映雪"),
    ("转身与定点造型", "柏映雪"),
    ("团扇的运用", "温书瑶"),
    ("油纸伞的运用", "温书瑶"),
    ("披肩的运用", "温书瑶"),
    ("旗袍的选择与搭配", "柏映雪"),
    ("形体训练与仪态", "温书瑶"),
    ("队形编排（一）", "柏映雪"),
    ("队形编排（二）", "柏映雪"),
    ("走秀彩排", "柏映雪、温书瑶"),
    ("结业汇报展示", "全体教师"),
)
_DATES = tuple(
    dt.date(2028, 3, 14) + dt.timedelta(weeks=n + (n >= 7)) for n in range(len(_LESSONS))
)  # every Tuesday from March 14, none on May 2 (the May Day holiday)
QIPAO_NOTE = "上课期间学员须自备平底练功鞋一双、旗袍一件，结业汇报展示的服装由老年大学统一租借。"
QIPAO = (
    Sheet(
        "课程安排",
        rows=(
            (QIPAO_TITLE, None, None, None, None, None),
            ("周次", "上课日期", "时间", "教学内容", "授课教师", "地点"),
            *(
                (
                    f"第{n + 1}周",
                    day,
                    "14:30—16:30",
                    lesson,
                    teacher,
                    "县文化馆排练厅" if n == len(_LESSONS) - 1 else "老年大学形体教室",
                )
                for n, ((lesson, teacher), day) in enumerate(zip(_LESSONS, _DATES, strict=True))
            ),
            ("备注", QIPAO_NOTE, None, None, None, None),
        ),
        merges=("A1:F1", f"B{len(_LESSONS) + 3}:F{len(_LESSONS) + 3}"),
        formats={"B": DATE_FORMAT},
    ),
    Sheet(
        "学员须知",
        rows=(
            ("学员须知",),
            ("一、本班招收学员30名，报名时须交近期一寸照片两张。",),
            ("二、学员因事不能上课，须提前向班长苗若晴请假。",),
            ("三、全期缺课超过三次的，不能参加结业汇报展示。",),
            ("四、教室内请勿大声喧哗，课后请将练功垫放回原处。",),
        ),
    ),
)


def write_qipao(path: Path) -> None:
    write_workbook(QIPAO, path)  # openpyxl, opened and saved as .ods by LibreOffice Calc


# --- 6. a 公文 saved as .docx by LibreOffice Writer -----------------------------------------------------

HISTORY_TITLE = "关于开展《雁川县志·老干部工作篇》口述史料征集工作的通知"
HISTORY_NOTE = "访谈录音经本人审阅同意后方可整理使用，本人不愿公开的内容一律不予采用。"
HISTORY_FORM = (
    (
        "姓名",
        "出生年月",
        "原工作单位及职务",
        "亲历事件或工作经历",
        "可提供的实物资料",
        "访谈方式",
        "联系电话",
    ),
    ("", "", "", "", "", "", ""),
    ("", "", "", "", "", "", ""),
    ("", "", "", "", "", "", ""),
)
HISTORY = (
    ("docnum", "雁老干发〔2028〕5号"),
    ("title", HISTORY_TITLE),
    ("body", "县直各单位，各乡镇（街道）党（工）委："),
    (
        "body",
        "为编纂《雁川县志·老干部工作篇》，抢救性保存老干部工作历史资料，县委老干部局决定在全县开展口述史料"
        "征集工作。现将有关事项通知如下：",
    ),
    ("heading1", "一、征集范围"),
    (
        "body",
        "1978年以来在雁川县工作过的离退休干部亲历的重大事件、工作经历和典型事迹，以及相关的照片、日记、"
        "信件、工作笔记等实物资料。",
    ),
    ("heading1", "二、征集方式"),
    (
        "noted",
        (
            "采取访谈录音和本人撰稿两种方式。访谈由县史志办工作人员上门进行，每次访谈时间一般不超过两小时。",
            HISTORY_NOTE,
        ),
    ),
    ("heading1", "三、时间安排"),
    (
        "body",
        "征集工作自2028年3月开始，至2028年10月底结束，分动员摸底、访谈整理、审核汇编三个阶段进行。",
    ),
    ("heading1", "四、工作要求"),
    (
        "body",
        "各单位要确定一名联络员，于3月31日前将联络员名单报县委老干部局。对提供重要史料的同志，将在县志中"
        "署名致谢；实物资料经鉴定后由县档案馆永久保存，本人要求归还的，复制后归还原件。",
    ),
    ("body", "联系人：童若渝，电话：0739-6218452。"),
    ("body", "附件：雁川县老干部口述史料征集登记表"),
    ("right", AUTHOR),
    ("right", "2028年3月6日"),
    ("body", "附件"),
    ("heading1", "雁川县老干部口述史料征集登记表"),
    ("landscape", HISTORY_FORM),
    ("body", "抄送：市委老干部局，县委办公室，县地方志编纂委员会办公室。"),
    ("body", "中共雁川县委老干部局办公室　　2028年3月6日印发"),
)


def write_history(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{path.stem}.docx"
        write_docx(HISTORY, source, author=AUTHOR, footer=True)
        soffice_convert(source, "docx:MS Word 2007 XML", path)  # Writer's own .docx


MAKERS = {
    "关于组织离退休干部参观雁川县规划展览馆的通知.pdf": write_plan,
    "雁川县老干部葫芦丝乐队2027年工作汇报.pdf": write_hulusi,
    "雁川县离退休干部养蜂技术读本.epub": write_bee,
    "雁川县老干部太极扇展演队管理办法.pdf": write_fan,
    "雁川县老年大学2028年春季旗袍走秀班课程安排表.ods": write_qipao,
    "关于开展雁川县志老干部工作篇口述史料征集工作的通知.docx": write_history,
}


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    for name, make in MAKERS.items():
        make(out / name)
        print(name, (out / name).stat().st_size)


if __name__ == "__main__":
    main(sys.argv[1:])
