"""Make the twenty-eighth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold26/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). It needs,
besides main's venv and LibreOffice: Debian's ``latex-cjk-chinese`` and ``latex-cjk-chinese-arphic-gbsn00lp``
(pdfLaTeX's CJK package and the Arphic 宋体 in Type 1), ``img2pdf``, ``pandoc`` and ``poppler-utils``
(``apt-get install -y latex-cjk-chinese latex-cjk-chinese-arphic-gbsn00lp img2pdf``), and ``weasyprint``
from PyPI in a venv of its own (``python -m venv /tmp/me/cold26/venv && /tmp/me/cold26/venv/bin/pip install
weasyprint``; ``COLD26_VENV=/tmp/me/cold26/venv``, that path by default). None is a speechqa dependency.

Six files of a county veteran-cadre bureau (桐岚县 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, each made by a **producer or in a shape no
earlier set used**, on topics neither the bundled speeches, the fixtures nor ``corpus-cold2`` …
``corpus-cold25`` treat:

- ``关于举办桐岚县第二届离退休干部风筝节的通知.pdf`` — a web notice typeset by **WeasyPrint** (HTML and CSS
  paged media: a running header from ``@top-center``, 「第 N 页 共 M 页」 from ``@bottom-right``, a table);
- ``桐岚县老干部桥牌协会章程.pdf`` — a charter typeset by **pdfLaTeX with the CJK package** (``CJKutf8``,
  the Arphic 宋体 ``gbsn`` as Type 1 fonts split in subfonts of 256 characters each, no ``cmap`` package);
- ``在桐岚县老干部银韵口琴乐团成立大会上的讲话.rtf`` — a speech written in Markdown and turned into RTF by
  **pandoc** (``-s -t rtf``: its own font table, headings as bold larger paragraphs, ``\\u`` escapes);
- ``桐岚县离退休干部异地旅居康养服务工作方案.fodt`` — a plan saved by **LibreOffice Writer as flat ODF text**
  (``.fodt``: one XML file, no zip), with a running header, a 「— N —」 footer, a table and a footnote;
- ``关于举办离退休干部茶艺培训班的通知.pdf`` — a notice printed, scanned (``pdftoppm`` in grey, JPEG) and put
  into a PDF by **img2pdf** (the JPEGs embedded as they are, no text layer);
- ``关于全县离退休干部柔力球展演活动情况的通报.pdf`` — a 通报 exported by **LibreOffice as PDF/A-2b, tagged**
  (``SelectPdfVersion`` 2, ``UseTaggedPDF``: structure tree, marked content, XMP metadata), with a table.

``benchmarks/check_questions.py cold26`` imports the sources below to check
``benchmarks/cold26-questions.jsonl``.
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import soffice_convert, write_converted, write_docx  # noqa: E402
from tests.fixtures.producers import typeset_with_pdflatex  # noqa: E402

AUTHOR = "中共桐岚县委老干部局"
VENV = Path(os.environ.get("COLD26_VENV", "/tmp/me/cold26/venv"))

# --- 1. a web notice typeset by WeasyPrint -------------------------------------------------------------

KITE_TITLE = "关于举办桐岚县第二届离退休干部风筝节的通知"
KITE_HEAD = ("项目", "时间", "地点")
KITE_ROWS = (
    ("放飞表演", "8:30—10:00", "东草坪"),
    ("创意风筝评比", "10:00—11:30", "湖心亭广场"),
    ("亲子扎制体验", "13:30—15:30", "游客服务中心二楼"),
)
KITE = (
    ("title", KITE_TITLE),
    ("body", "各乡镇老干部工作站，县直各单位离退休干部党支部："),
    (
        "body",
        "为丰富离退休干部春季文体生活，展示传统风筝技艺，县委老干部局定于2029年4月举办第二届离退休干部风筝节。"
        "现将有关事项通知如下：",
    ),
    ("heading1", "一、时间地点"),
    (
        "body",
        "2029年4月14日（星期六）上午8:30开幕，地点在县城南郊的白鹭洲湿地公园东草坪。如遇四级以上大风或降雨，"
        "活动顺延至4月21日。",
    ),
    ("heading1", "二、活动项目"),
    (
        "body",
        "风筝节设放飞表演、创意风筝评比和亲子扎制体验三个项目。创意风筝评比分传统软翅、硬翅和板子三类，"
        "由县非遗保护中心专家现场评分。各项目安排如下：",
    ),
    ("table", (KITE_HEAD, *KITE_ROWS)),
    ("heading1", "三、参加对象"),
    (
        "body",
        "全县离退休干部均可报名，年龄在八十岁以上的须由家属陪同参加。每个单位限报放飞表演队员6名。",
    ),
    ("heading1", "四、奖项设置"),
    (
        "body",
        "创意风筝评比设一等奖3名、二等奖6名、三等奖10名，获奖作品将在县老干部活动中心展出一个月。",
    ),
    ("heading1", "五、报名办法"),
    (
        "body",
        "请于4月7日前将报名表报送县委老干部局文体科，联系人：霍青禾，电话：0736-5218846。报名表可在县老干部"
        "工作网“下载中心”栏目下载。",
    ),
    ("heading1", "六、注意事项"),
    (
        "body",
        "放飞时请远离高压线和道路，不得使用金属线作风筝线。活动现场设医疗服务点，由县中医院派出医护人员值守。",
    ),
    ("right", AUTHOR),
    ("right", "2029年3月20日"),
)


def _kite_html() -> str:
    body = []
    for kind, text in KITE[1:]:
        if kind == "heading1":
            body.append(f"<h2>{html.escape(str(text))}</h2>")
        elif kind == "table":
            head, *rows = text  # type: ignore[misc]
            cells = "".join(f"<th>{html.escape(c)}</th>" for c in head)
            lines = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
            )
            body.append(f"<table><thead><tr>{cells}</tr></thead><tbody>{lines}</tbody></table>")
        elif kind == "right":
            body.append(f'<p class="sign">{html.escape(str(text))}</p>')
        else:
            body.append(f"<p>{html.escape(str(text))}</p>")
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{KITE_TITLE}</title>
<style>
@page {{ size: A4; margin: 2.6cm 2.4cm;
  @top-center {{ content: "桐岚县老干部工作网 · 通知公告"; font-size: 9pt; color: #666; }}
  @bottom-right {{ content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 9pt; color: #666; }} }}
body {{ font-family: "Noto Serif CJK SC", serif; font-size: 14pt; line-height: 1.8; }}
h1 {{ text-align: center; font-family: "Noto Sans CJK SC", sans-serif; font-size: 20pt; margin: 0 0 18pt; }}
h2 {{ font-family: "Noto Sans CJK SC", sans-serif; font-size: 14pt; margin: 6pt 0 0; }}
p {{ text-indent: 2em; margin: 0; text-align: justify; }}
p.sign {{ text-align: right; }}
table {{ border-collapse: collapse; margin: 8pt auto; font-size: 12pt; }}
th, td {{ border: 1px solid #333; padding: 3pt 10pt; }}
</style></head>
<body><h1>{KITE_TITLE}</h1>
{"".join(body)}
</body></html>
"""


def write_kite(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "t20290320_7712.html"
        source.write_text(_kite_html(), encoding="utf-8")
        subprocess.run(
            [str(VENV / "bin" / "weasyprint"), str(source), str(path)], check=True, capture_output=True
        )


# --- 2. a charter typeset by pdfLaTeX with the CJK package ----------------------------------------------

BRIDGE_TITLE = "桐岚县老干部桥牌协会章程"
BRIDGE = (
    ("title", BRIDGE_TITLE),
    ("right", "（2029年2月26日第一次会员大会通过）"),
    ("heading1", "第一章　总则"),
    (
        "body",
        "第一条　本会名称为桐岚县老干部桥牌协会，是由全县离退休干部桥牌爱好者自愿组成的群众性文体组织，"
        "业务上接受县委老干部局指导。",
    ),
    ("body", "第二条　本会宗旨是普及桥牌知识，提高竞技水平，以牌会友，促进离退休干部身心健康。"),
    ("body", "第三条　本会活动地点设在县老干部活动中心三楼棋牌室。"),
    ("heading1", "第二章　会员"),
    (
        "body",
        "第四条　凡本县离退休干部，热爱桥牌运动，承认本章程，经本人申请、理事会审批，即可成为会员。",
    ),
    (
        "body",
        "第五条　会员每年须参加不少于十次集体活动。连续一年不参加活动又不说明理由的，视为自动退会。",
    ),
    ("heading1", "第三章　组织机构"),
    (
        "body",
        "第六条　会员大会是本会最高权力机构，每两年召开一次。理事会由九名理事组成，设会长一名、副会长二名、"
        "秘书长一名。",
    ),
    (
        "body",
        "第七条　首届会长由县人大常委会原副主任庞允谦担任，秘书长由县委老干部局干部欧阳晓棠兼任。",
    ),
    ("heading1", "第四章　活动"),
    (
        "body",
        "第八条　本会每周三下午举行定期训练，每季度举办一次会内双人赛，每年秋季举办一次全县老干部桥牌邀请赛。",
    ),
    (
        "body",
        "第九条　本会积极选派优秀牌手参加市级以上比赛，参赛所需交通费由县委老干部局按规定报销。",
    ),
    ("heading1", "第五章　经费"),
    ("body", "第十条　本会经费来源为县委老干部局活动经费补助和社会捐赠，本会不向会员收取会费。"),
    ("body", "第十一条　本会经费专款专用，每年向会员大会报告一次收支情况。"),
    ("heading1", "第六章　附则"),
    ("body", "第十二条　本章程自会员大会通过之日起施行，解释权属于本会理事会。"),
)


def _tex_escape(text: str) -> str:
    return text.replace("\\", r"\textbackslash{}").replace("%", r"\%").replace("&", r"\&").replace("#", r"\#")


def _bridge_tex() -> str:
    out = [
        r"\documentclass[a4paper,12pt]{article}",
        r"\usepackage[margin=2.6cm]{geometry}",
        r"\usepackage{CJKutf8}",
        r"\pagestyle{plain}",
        r"\setlength{\parindent}{2em}",
        r"\begin{document}",
        r"\begin{CJK}{UTF8}{gbsn}",
        r"\begin{center}{\LARGE " + _tex_escape(BRIDGE_TITLE) + r"}\\[6pt]",
        _tex_escape(str(BRIDGE[1][1])) + r"\end{center}",
        "",
    ]
    for kind, text in BRIDGE[2:]:
        if kind == "heading1":
            out += [r"\begin{center}\large " + _tex_escape(str(text)) + r"\end{center}", ""]
        else:
            out += [_tex_escape(str(text)), ""]
    out += [r"\end{CJK}", r"\end{document}"]
    return "\n".join(out) + "\n"


def write_bridge(path: Path) -> None:
    typeset_with_pdflatex(_bridge_tex(), path)


# --- 3. a speech written in Markdown and turned into RTF by pandoc -------------------------------------

HARMONICA_TITLE = "在桐岚县老干部银韵口琴乐团成立大会上的讲话"
HARMONICA = (
    ("title", HARMONICA_TITLE),
    ("right", "县委老干部局局长　俞清川"),
    ("right", "（2029年3月8日）"),
    ("body", "同志们："),
    (
        "body",
        "今天，银韵口琴乐团正式成立了。首先，我代表县委老干部局，向乐团的成立表示热烈祝贺！向关心支持乐团组建的"
        "县文化馆表示衷心感谢！",
    ),
    (
        "body",
        "乐团从去年十月开始筹备，经过报名和试奏，首批吸收团员三十二名，其中年龄最大的是八十一岁的退休教师"
        "姜慕白同志。乐团聘请县文化馆音乐干部蓝若溪担任指挥。",
    ),
    ("body", "下面，我讲三点意见。"),
    ("heading1", "一、要坚持勤学苦练"),
    (
        "body",
        "口琴看起来简单，吹好却不容易。乐团每周一、周四上午在县老干部活动中心合奏排练，大家要珍惜排练时间，"
        "坚持每天在家练习半小时。",
    ),
    ("heading1", "二、要注重团结协作"),
    (
        "body",
        "合奏讲究声部配合，复音口琴、半音阶口琴和低音口琴要互相倾听。乐团分成三个声部，每个声部选一名声部长，"
        "负责组织分声部练习。",
    ),
    ("heading1", "三、要热心服务群众"),
    (
        "body",
        "乐团成立后，要走进社区、敬老院和乡村文化礼堂开展义务演出。今年计划演出不少于十二场，年底前录制一张"
        "乐团合奏专辑。",
    ),
    (
        "body",
        "县委老干部局将为乐团购置十把低音口琴和一套扩音设备，并安排专项经费两万元支持乐团日常活动。",
    ),
    ("body", "同志们，口琴声声传真情。希望乐团早日奏出桐岚老干部的新风采！"),
    ("body", "谢谢大家！"),
)


def _harmonica_markdown() -> str:
    out = [f"# {HARMONICA_TITLE}", ""]
    for kind, text in HARMONICA[1:]:
        if kind == "heading1":
            out += [f"## {text}", ""]
        else:
            out += [str(text), ""]
    return "\n".join(out)


def write_harmonica(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "speech.md"
        source.write_text(_harmonica_markdown(), encoding="utf-8")
        subprocess.run(
            ["pandoc", "-s", "-f", "markdown", "-t", "rtf", "-o", str(path), str(source)],
            check=True,
            capture_output=True,
        )


# --- 4. a plan saved by LibreOffice Writer as flat ODF text (.fodt) -------------------------------------

STAY_TITLE = "桐岚县离退休干部异地旅居康养服务工作方案"
STAY_HEAD = ("基地", "所在地", "适宜季节", "每人每天费用")
STAY_ROWS = (
    ("椰风康养中心", "海南省万宁市", "冬季", "180元"),
    ("和顺颐养园", "云南省腾冲市", "春秋季", "150元"),
    ("松涛疗养院", "吉林省安图县", "夏季", "160元"),
)
STAY_NOTE = "生活能够自理，以近三个月内二级以上医院出具的健康证明为准。"
STAY = (
    ("title", STAY_TITLE),
    (
        "body",
        "为满足离退休干部冬季避寒、夏季避暑的需求，县委老干部局与外地康养机构合作，开展异地旅居康养服务。"
        "现制定如下工作方案。",
    ),
    ("heading1", "一、合作基地"),
    ("body", "首批确定三个合作基地，基本情况如下表。"),
    ("table", (STAY_HEAD, *STAY_ROWS)),
    ("heading1", "二、参加条件"),
    (
        "noted",
        (
            "年满六十周岁、生活能够自理的离退休干部可自愿报名，每期旅居时间为二十天至三十天。",
            STAY_NOTE,
        ),
    ),
    ("heading1", "三、费用承担"),
    (
        "body",
        "旅居期间的食宿费用由个人承担，县委老干部局对每人每年补助往返交通费一次，最高不超过1200元。",
    ),
    ("heading1", "四、组织管理"),
    (
        "body",
        "每期旅居团由县委老干部局派一名工作人员随团服务，并为每位参加人员购买旅居期间的意外伤害保险。",
    ),
    ("body", "旅居团成立临时党小组，组织学习和活动每周不少于一次。"),
    ("heading1", "五、报名时间"),
    (
        "body",
        "冬季旅居团于每年10月15日前报名，夏季旅居团于每年5月15日前报名，报名地点在县委老干部局服务管理科，"
        "联系人：尹子衿，电话：0736-5218853。",
    ),
    ("right", AUTHOR),
    ("right", "2029年4月2日"),
)


def write_stay(path: Path) -> None:
    write_converted(STAY, path, "fodt", author=AUTHOR, header="桐岚县委老干部局", footer=True)


# --- 5. a notice scanned and put into a PDF by img2pdf --------------------------------------------------

TEA_TITLE = "关于举办离退休干部茶艺培训班的通知"
TEA = (
    ("title", TEA_TITLE),
    ("body", "县直各单位："),
    (
        "body",
        "为弘扬传统茶文化，丰富老同志精神生活，县委老干部局与县茶叶产业协会联合举办离退休干部茶艺培训班。"
        "现将有关事项通知如下：",
    ),
    (
        "body",
        "一、培训时间：2029年5月7日至5月18日，每周一、三、五下午2:30至4:30，共六次课。",
    ),
    ("body", "二、培训地点：县老干部活动中心一楼茶艺室。"),
    (
        "body",
        "三、培训内容：茶叶基础知识、绿茶和红茶的冲泡技法、茶席布置、茶与养生。由县茶叶产业协会高级茶艺师"
        "殷若兰授课。",
    ),
    ("body", "四、招收人数：本期招收学员24名，额满为止。培训所需茶叶和茶具由协会免费提供。"),
    ("body", "五、报名方式：即日起电话报名，联系人：祁晚晴，电话：0736-5218861。"),
    ("right", AUTHOR),
    ("right", "2029年4月22日"),
)


def write_tea(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        printed = Path(tmp) / "printed.pdf"
        write_converted(TEA, printed, "pdf", author=AUTHOR)
        subprocess.run(
            [
                "pdftoppm",
                "-gray",
                "-r",
                "200",
                "-jpeg",
                "-jpegopt",
                "quality=80",
                str(printed),
                f"{tmp}/page",
            ],
            check=True,
        )
        pages = sorted(Path(tmp).glob("page*.jpg"))
        subprocess.run(["img2pdf", "--output", str(path), *map(str, pages)], check=True)


# --- 6. a 通报 exported by LibreOffice as tagged PDF/A-2b ----------------------------------------------

BALL_TITLE = "关于全县离退休干部柔力球展演活动情况的通报"
BALL_HEAD = ("奖项", "规定套路", "自选套路")
BALL_ROWS = (
    ("一等奖", "青梧镇代表队", "县教育系统代表队"),
    ("二等奖", "县卫健系统代表队", "石泉乡代表队"),
    ("三等奖", "县供销系统代表队", "白鹭街道代表队"),
)
BALL = (
    ("title", BALL_TITLE),
    ("body", "各乡镇老干部工作站，县直各单位："),
    (
        "body",
        "2029年5月26日，全县离退休干部柔力球展演活动在县体育馆举行。来自14个乡镇和县直单位的18支代表队、"
        "共216名老同志参加展演。",
    ),
    ("body", "本次展演分规定套路和自选套路两个项目。经评委评议，现将结果通报如下："),
    ("table", (BALL_HEAD, *BALL_ROWS)),
    (
        "body",
        "县教育系统代表队的自选套路《茉莉花》动作优美、配合默契，获得评委一致好评。年龄最大的参赛队员是石泉乡"
        "代表队的七十九岁老同志季松年。",
    ),
    (
        "body",
        "展演中也发现一些问题：部分队伍热身不足，有两名队员出现轻微肌肉拉伤。各单位今后组织练习时，要安排"
        "不少于十分钟的热身活动。",
    ),
    (
        "body",
        "希望各单位以此次展演为契机，进一步普及柔力球运动。县委老干部局将于今年秋季举办柔力球教练员培训班。",
    ),
    ("right", AUTHOR),
    ("right", "2029年6月3日"),
)


def write_ball(path: Path) -> None:
    options = {
        "SelectPdfVersion": {"type": "long", "value": "2"},  # PDF/A-2b
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
    }
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        write_docx(BALL, source, author=AUTHOR, footer=True)
        soffice_convert(source, "pdf:writer_pdf_Export:" + json.dumps(options), path)


MAKERS = {
    "关于举办桐岚县第二届离退休干部风筝节的通知.pdf": write_kite,
    "桐岚县老干部桥牌协会章程.pdf": write_bridge,
    "在桐岚县老干部银韵口琴乐团成立大会上的讲话.rtf": write_harmonica,
    "桐岚县离退休干部异地旅居康养服务工作方案.fodt": write_stay,
    "关于举办离退休干部茶艺培训班的通知.pdf": write_tea,
    "关于全县离退休干部柔力球展演活动情况的通报.pdf": write_ball,
}


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    for name, make in MAKERS.items():
        make(out / name)
        print(name, (out / name).stat().st_size)


if __name__ == "__main__":
    main(sys.argv[1:])
