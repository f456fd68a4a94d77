"""Make the trial-38 documents: pairs that share much of their text, some of them versions of one document
and some of them documents of one template — what `speechqa add` must tell apart before it advises deleting.

Usage: python scripts/trial/make_trial38_docs.py OUTDIR
Needs python-docx. Texts written for this trial (not from benchmarks/, tests/ or the other trials).

OUTDIR/模板/   documents cut from one template, all to be kept:
    老年大学课程安排/2025年3月 … 6月   the 老年大学's monthly timetable: the same opening, rules and contact lines,
                                       another month's courses and dates
    主题党日/一季度 … 四季度          the retirees' party branch's quarterly notice, each under its own 文号
                                       (温老干党〔2025〕N号), the same boilerplate, another quarter's theme
OUTDIR/版本/   versions of one document, the older to be removed:
    读书会通知.docx · 读书会通知（修改稿）.docx                 the venue moved, the date line a week later
    老年大学课程安排2025年5月（修改稿）.docx                     May's timetable with one course moved (a 修改稿
                                                               inside a template: the same title)
    门球比赛通知.docx · 门球比赛通知（更正）.docx                 a figure and the title's typo corrected, same day
    在离退休干部座谈会上的讲话（征求意见稿）.docx · （定稿）.docx   a speech, two paragraphs rewritten, dated a
                                                               month apart
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

Paras = list[tuple[str, str]]
UNIVERSITY = "温州市老年大学"
BRANCH = "中共温州市委老干部局离退休干部党总支"
BUREAU = "中共温州市委老干部局"

COURSES = {
    3: [
        ("书法班", "每周二上午", "二楼书画室", "楷书基本笔画"),
        ("太极拳班", "每周四上午", "体育馆", "二十四式太极拳"),
    ],
    4: [
        ("国画班", "每周二上午", "二楼书画室", "写意花鸟"),
        ("合唱班", "每周五下午", "音乐厅", "春天主题曲目排练"),
    ],
    5: [
        ("摄影班", "每周三上午", "多媒体教室", "手机摄影构图"),
        ("养生保健班", "每周四下午", "一楼报告厅", "夏季饮食调养"),
    ],
    6: [
        ("智能手机班", "每周一下午", "电脑室", "移动支付与防诈骗"),
        ("舞蹈班", "每周五上午", "舞蹈房", "广场舞基本步法"),
    ],
}
THEMES = {
    1: ("学习贯彻全国两会精神", "市图书馆报告厅", "3月18日"),
    2: ("重温入党誓词", "红色教育基地", "6月24日"),
    3: ("走访社区老党员", "各社区党群服务中心", "9月16日"),
    4: ("年度组织生活会", "局机关三楼会议室", "12月9日"),
}


def write_docx(path: Path, title: str, paras: Paras) -> None:
    doc = Document()
    doc.add_paragraph(title, style="Title")
    for style, text in paras:
        if style == "Right":
            p = doc.add_paragraph(text)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            doc.add_paragraph(text, style=style)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


def timetable(month: int, courses: list[tuple[str, str, str, str]], day: int = 25) -> tuple[str, Paras]:
    title = f"温州市老年大学2025年{month}月课程安排"
    paras: Paras = [("Normal", "各位学员：")]
    paras.append(("Normal", f"现将{month}月份各班课程安排通知如下，请各位学员按时到校上课。"))
    for k, (course, when, room, topic) in enumerate(courses, 1):
        paras.append(("Heading 1", f"{'一二三'[k - 1]}、{course}"))
        paras.append(("Normal", f"{course}{when}在{room}上课，本月学习{topic}。"))
    paras.append(("Heading 1", "三、注意事项"))
    paras.append(("Normal", "上课期间请将手机调至静音状态，不在教室内吸烟、喧哗。"))
    paras.append(("Normal", "遇恶劣天气停课的，学校将通过班级群另行通知，请学员留意。"))
    paras.append(("Normal", "学员因病因事不能上课的，请提前向班长请假。"))
    paras.append(("Normal", "教务处联系电话：0577-88963021，联系人：教务处林老师。"))
    return title, [*paras, ("Right", UNIVERSITY), ("Right", f"2025年{month - 1}月{day}日")]


def party_day(quarter: int) -> tuple[str, Paras]:
    theme, where, when = THEMES[quarter]
    title = f"关于开展2025年第{'一二三四'[quarter - 1]}季度主题党日活动的通知"
    paras: Paras = [
        ("Normal", f"温老干党〔2025〕{quarter * 3 + 2}号"),
        ("Normal", "各离退休干部党支部："),
        ("Normal", f"经研究，定于{when}开展本季度主题党日活动，主题为「{theme}」，地点在{where}。"),
        ("Normal", "请各党支部认真组织，支部书记带头参加，确保活动取得实效。"),
        ("Normal", "行动不便的老党员可由支部委员上门送学，做到学习教育全覆盖。"),
        ("Normal", "活动结束后一周内，请各党支部将活动情况和照片报送党总支办公室。"),
        ("Normal", "联系人：党总支办公室王老师，电话0577-88962107。"),
    ]
    month = int(when.split("月")[0])
    return title, [*paras, ("Right", BRANCH), ("Right", f"2025年{month}月{2}日")]


def reading_club(revised: bool) -> tuple[str, Paras]:
    venue = "市图书馆三楼多功能厅" if revised else "老干部活动中心二楼阅览室"
    title = "关于举办老干部读书会的通知" + ("（修改稿）" if revised else "")
    paras: Paras = [
        ("Normal", "各位老同志："),
        (
            "Normal",
            f"为丰富老干部精神文化生活，定于2025年4月{22 if revised else 15}日上午9时在{venue}举办读书会。",
        ),
        ("Normal", "本期读书会的主题是「读好书、话发展」，请报名的老同志提前阅读推荐书目。"),
        ("Normal", "推荐书目为《浙江改革开放四十年》和《温州模式的历史变迁》，活动中心阅览室可借阅。"),
        ("Normal", "每位老同志可作五分钟左右的读书交流发言，发言提纲请于活动前两天交活动中心。"),
        ("Normal", "报名截止时间为4月10日，报名电话0577-88965318。"),
    ]
    return title, [
        *paras,
        ("Right", "温州市老干部活动中心"),
        ("Right", f"2025年3月{28 if revised else 20}日"),
    ]


def gateball(corrected: bool) -> tuple[str, Paras]:
    title = "关于举办2025年老干部门球比赛的通知" if corrected else "关于举办2025年老干部门求比赛的通知"
    if corrected:
        title += "（更正）"
    teams = 16 if corrected else 12
    paras: Paras = [
        ("Normal", "各县（市、区）老干部局，市直各单位："),
        (
            "Normal",
            f"为推动老干部体育健身活动，经研究，定于2025年10月下旬举办全市老干部门球比赛，共设{teams}支参赛队。",
        ),
        ("Normal", "参赛队员须为离退休干部，年龄在六十周岁以上，身体健康，经医院体检适宜参加比赛。"),
        ("Normal", "比赛采用分组循环赛和淘汰赛相结合的办法，具体赛程在领队会上抽签确定。"),
        ("Normal", f"请各单位于9月30日前将参赛报名表报市老干部局文体处，每队限报{8 if corrected else 7}人。"),
        ("Normal", "联系人：文体处陈老师，电话0577-88961745。"),
    ]
    return title, [*paras, ("Right", BUREAU), ("Right", "2025年9月8日")]


def forum_speech(final: bool) -> tuple[str, Paras]:
    title = "在离退休干部座谈会上的讲话" + ("（定稿）" if final else "（征求意见稿）")
    body = [
        "同志们：",
        "今天我们召开离退休干部座谈会，主要是听取大家对老干部工作的意见建议，共商发展大计。",
        "一年来，全市老干部工作坚持以人民为中心，在落实政治待遇和生活待遇方面做了大量工作。",
        (
            "特别是在医疗保障方面，我们开通了离休干部就医绿色通道，建立了家庭医生签约服务制度，全年上门服务三千余人次。"
            if final
            else "在医疗保障方面，我们开通了离休干部就医绿色通道，全年上门服务两千余人次。"
        ),
        "老同志们政治坚定、经验丰富，是党和国家的宝贵财富，希望大家继续发挥余热。",
        (
            "下一步，我们将重点做好三件事：一是完善走访慰问制度，二是办好老年大学，三是推进智慧养老服务平台建设。"
            if final
            else "下一步，我们将重点做好两件事：一是完善走访慰问制度，二是办好老年大学。"
        ),
        "最后，祝各位老同志身体健康、家庭幸福、万事如意！",
    ]
    paras: Paras = [
        ("Subtitle", "周建华"),
        ("Subtitle", "（2025年11月20日）" if final else "（2025年10月16日）"),
    ]
    return title, [*paras, *(("Normal", t) for t in body)]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[1])
    for month, courses in COURSES.items():
        write_docx(out / "模板/老年大学课程安排" / f"2025年{month}月.docx", *timetable(month, courses))
    for quarter in THEMES:
        write_docx(out / "模板/主题党日" / f"{'一二三四'[quarter - 1]}季度.docx", *party_day(quarter))
    write_docx(out / "版本/读书会通知.docx", *reading_club(False))
    write_docx(out / "版本/读书会通知（修改稿）.docx", *reading_club(True))
    moved = list(COURSES[5])
    moved[1] = ("养生保健班", "每周五下午", "一楼报告厅", "夏季饮食调养")
    title, paras = timetable(5, moved, day=29)
    write_docx(out / "版本/老年大学课程安排2025年5月（修改稿）.docx", title, paras)
    write_docx(out / "版本/门球比赛通知.docx", *gateball(False))
    write_docx(out / "版本/门球比赛通知（更正）.docx", *gateball(True))
    write_docx(out / "版本/在离退休干部座谈会上的讲话（征求意见稿）.docx", *forum_speech(False))
    write_docx(out / "版本/在离退休干部座谈会上的讲话（定稿）.docx", *forum_speech(True))
    print(f"wrote {sum(1 for _ in out.rglob('*.docx'))} files under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
