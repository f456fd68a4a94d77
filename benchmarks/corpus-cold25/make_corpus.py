"""Make the twenty-seventh, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold25/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). It needs,
besides main's venv and LibreOffice: Debian's ``chromium``, ``texlive-xetex`` and ``texlive-lang-chinese``
(XeLaTeX, ctex and the Fandol fonts) and ``abiword`` (``apt-get install -y --no-install-recommends chromium
texlive-xetex texlive-lang-chinese abiword``), and ``fpdf2`` and ``ebooklib`` from PyPI in a venv of their
own (``python -m venv /tmp/me/cold25/venv && /tmp/me/cold25/venv/bin/pip install fpdf2 ebooklib``;
``COLD25_PYTHON=/tmp/me/cold25/venv/bin/python``, that path by default). None is a speechqa dependency.

Six files of a county veteran-cadre bureau (枫溪县 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, each made by a **producer or in a shape no
earlier set used**, on topics neither the bundled speeches, the fixtures nor ``corpus-cold2`` …
``corpus-cold24`` treat:

- ``关于举办离退休干部冬季防范一氧化碳中毒安全讲座的通知.pdf`` — a notice on the bureau's web site saved as
  HTML and printed by **headless Chromium** (``--print-to-pdf``, Skia's PDF), with the browser's own
  header and footer on every page (the time printed, the page's title, its address, 「1/2」);
- ``枫溪县银龄戏曲票友社2027年度工作总结.pdf`` — a report typeset by **XeLaTeX with ctex** (``ctexart``,
  the Fandol fonts, ``\\section`` numbered 「一、」, ``fancyhdr`` running header, a footnote, a ``booktabs``
  table with a caption);
- ``银发观鸟护鸟志愿队招募公告.pdf`` — a notice written by **fpdf2** (``multi_cell`` text in Noto Sans CJK,
  a header and 「第 N 页」 footer from ``header()``/``footer()``, a table by ``FPDF.table``);
- ``第三届离退休干部气排球比赛竞赛规程.doc`` — a draft with **tracked changes and reviewers' comments**
  (python-docx ``w:ins``/``w:del``, ``add_comment``) saved by **LibreOffice as Word 97–2003**: a date and a
  venue replaced, a sentence inserted, a sentence on an entry fee deleted, two comments;
- ``在枫溪县银龄护林志愿服务队授旗仪式上的讲话.docx`` — a speech typed in **AbiWord** (its own ``.abw``
  XML: the title, speaker and date centred by direct formatting, the points in 「Heading 2」) and saved as
  Word by ``abiword --to=docx``;
- ``老年人家庭应急小药箱使用手册.epub`` — a handbook as an **EPUB 3** e-book written by **ebooklib**
  (five XHTML chapters, a navigation document, Dublin Core title, creator and date).

``benchmarks/check_questions.py cold25`` imports the sources below to check
``benchmarks/cold25-questions.jsonl``.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import write_converted  # noqa: E402
from tests.fixtures.producers import print_with_chromium, typeset_with_xelatex  # noqa: E402

AUTHOR = "中共枫溪县委老干部局"
VENV_PYTHON = os.environ.get("COLD25_PYTHON", "/tmp/me/cold25/venv/bin/python")
SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SANS_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"

# --- 1. a web notice printed by headless Chromium -------------------------------------------------------

CO_TITLE = "关于举办离退休干部冬季防范一氧化碳中毒安全讲座的通知"
CO_DATE = "2028-11-03"
CO = (
    ("title", CO_TITLE),
    ("body", "各乡镇（街道）老干部工作站，县直各单位："),
    (
        "body",
        "入冬以来，我县山区乡镇仍有不少老同志使用煤炉、炭火盆取暖，一氧化碳中毒风险明显上升。为帮助离退休干部"
        "掌握防范知识，县委老干部局决定联合县消防救援大队举办专题安全讲座。现将有关事项通知如下：",
    ),
    ("heading1", "一、讲座时间和地点"),
    (
        "body",
        "2028年11月15日上午9:00至10:30，在县老干部活动中心二楼多功能厅举办。同日下午2:30在青檀镇文化站"
        "加开一场，方便山区老同志就近参加。",
    ),
    ("heading1", "二、讲座内容"),
    (
        "body",
        "主讲人为县消防救援大队防火监督员程远航。讲座内容包括：煤炉、炭火盆和燃气热水器的安全使用，一氧化碳"
        "中毒的早期症状识别，发现有人中毒后的现场处置。讲座现场将演示一氧化碳报警器的安装和测试方法。",
    ),
    ("heading1", "三、报警器免费发放"),
    (
        "body",
        "参加讲座的老同志每户可免费领取一氧化碳报警器一台，凭本人退休证登记领取，共备有报警器400台，发完为止。"
        "因身体原因不能到场的，可委托家属代领，须出示老同志本人退休证。",
    ),
    ("heading1", "四、报名方式"),
    (
        "body",
        "请各单位于11月10日前将参加人员名单报县委老干部局服务管理科，联系人：葛晓岚，联系电话：0579-68123357。",
    ),
    ("heading1", "五、有关要求"),
    (
        "body",
        "各单位要安排专人陪同行动不便的老同志参加讲座。讲座结束后，各乡镇老干部工作站要在12月底前对辖区内"
        "独居老干部家中的取暖设施逐户上门检查一遍。",
    ),
    ("right", "中共枫溪县委老干部局"),
    ("right", "2028年11月3日"),
)
SITE_NAME = "枫溪县老干部工作网"
SITE_MENU = ("网站首页", "走进老干部局", "政策文件", "通知公告", "老干部风采", "服务指南", "联系我们")
SITE_RELATED = ("关于做好2028年冬季离退休干部走访慰问工作的通知", "枫溪县老干部活动中心冬季开放时间调整公告")
SITE_FOOTER = (
    "主办单位：中共枫溪县委老干部局　地址：枫溪县县府路18号",
    "网站标识码：3307990018　浙ICP备28004417号",
)
SITE_URL = "http://www.fxlgb.gov.cn/tzgg/202811/t20281103_5162.html"


def _co_html() -> str:
    menu = "".join(f'<li><a href="/c{i}/">{name}</a></li>' for i, name in enumerate(SITE_MENU))
    body = []
    for kind, text in CO[1:]:
        if kind == "heading1":
            body.append(f"<p><strong>{text}</strong></p>")
        elif kind == "right":
            body.append(f'<p style="text-align: right">{text}</p>')
        else:
            body.append(f'<p style="text-indent: 2em">{text}</p>')
    related = "".join(f'<li><a href="#">{name}</a></li>' for name in SITE_RELATED)
    footer = "".join(f"<p>{line}</p>" for line in SITE_FOOTER)
    return f"""<!DOCTYPE html>
<!-- saved from url=(0059){SITE_URL} -->
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{CO_TITLE}-{SITE_NAME}</title>
<style>
body {{ font-family: "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 0; color: #222; }}
.top {{ background: #0b4f8a; color: #fff; padding: 16px 36px; font-size: 26px; font-weight: bold; }}
.menu ul {{ margin: 0; padding: 0 36px; background: #08396a; list-style: none; }}
.menu li {{ display: inline-block; padding: 8px 16px; }}
.menu a {{ color: #fff; text-decoration: none; font-size: 15px; }}
.position {{ padding: 10px 36px; font-size: 13px; color: #555; }}
.detail {{ padding: 4px 56px; }}
.detail h2 {{ text-align: center; font-size: 22px; color: #0b4f8a; }}
.attr {{ text-align: center; font-size: 13px; color: #777; border-bottom: 1px solid #ccc; padding-bottom: 8px; }}
.TRS_Editor p {{ font-size: 16px; line-height: 2; margin: 0; }}
.share {{ text-align: right; font-size: 13px; color: #555; margin-top: 12px; }}
.related {{ font-size: 14px; border-top: 2px solid #0b4f8a; margin-top: 12px; }}
.foot {{ background: #f0f0f0; text-align: center; font-size: 12px; color: #666; padding: 8px; margin-top: 16px; }}
</style></head>
<body>
<div class="top">{SITE_NAME}</div>
<div class="menu"><ul>{menu}</ul></div>
<div class="position">您当前的位置：<a href="/">网站首页</a> &gt; <a href="/c3/">通知公告</a> &gt; 正文</div>
<div class="detail">
<h2>{CO_TITLE}</h2>
<div class="attr">发布时间：{CO_DATE}　信息来源：县委老干部局　阅读次数：418　【字体：<a href="#">大</a> \
<a href="#">中</a> <a href="#">小</a>】</div>
<div class="TRS_Editor">{"".join(body)}</div>
<div class="share">【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</div>
<div class="related"><p>相关链接：</p><ul>{related}</ul></div>
</div>
<div class="foot">{footer}</div>
</body></html>
"""


def write_co(path: Path) -> None:
    print_with_chromium(_co_html(), path, name="t20281103_5162.html")


# --- 2. a report typeset by XeLaTeX with ctex ----------------------------------------------------------

OPERA_TITLE = "枫溪县银龄戏曲票友社2027年度工作总结"
OPERA_AUTHOR = "枫溪县银龄戏曲票友社"
OPERA_DATE = "2028年1月18日"
OPERA_NOTE = "婺剧是金华一带的地方戏曲，俗称“金华戏”，已列入国家级非物质文化遗产名录。"
OPERA_HEAD = ("季度", "场次", "主要剧目", "观众人次")
OPERA_ROWS = (
    ("第一季度", "5", "《五女拜寿》选段", "1500"),
    ("第二季度", "8", "《三请梨花》选段", "2800"),
    ("第三季度", "6", "《打金枝》", "1900"),
    ("第四季度", "9", "《红灯记》选段", "3400"),
)
OPERA_CAPTION = "2027年度送戏下乡演出情况"  # LaTeX prints it 「表 1: …」
OPERA = (
    ("title", OPERA_TITLE),
    ("right", OPERA_AUTHOR),
    ("right", OPERA_DATE),
    ("heading1", "一、基本情况"),
    (
        "noted",
        (
            "票友社成立于2019年，现有社员86人，其中离休干部3人，平均年龄71岁。社员中越剧爱好者最多，"
            "其次是婺剧和京剧。",
            OPERA_NOTE,
        ),
    ),
    ("heading1", "二、主要工作"),
    (
        "body",
        "（一）坚持常态化排练。每周二、周五下午在县老干部活动中心排练厅开展排练，全年共排练92次。"
        "聘请县婺剧团退休演员邵春燕担任艺术指导，重点打磨唱腔和身段。",
    ),
    (
        "body",
        "（二）开展送戏下乡。全年深入12个乡镇的村文化礼堂演出28场，观众累计约9600人次，各季度情况见表1。",
    ),
    ("body", OPERA_CAPTION),
    ("table", (OPERA_HEAD, *OPERA_ROWS)),
    (
        "body",
        "（三）培养戏曲后备人才。与县实验小学合作开设“小小票友”兴趣班，每月授课两次，全年培训学生45名。",
    ),
    ("heading1", "三、存在的问题"),
    (
        "body",
        "排练场地紧张，服装道具老化，部分戏服已使用十年以上；社员年龄偏大，乐队中能熟练演奏板胡的只有2人。",
    ),
    ("heading1", "四、2028年工作打算"),
    (
        "body",
        "计划新排婺剧折子戏两出，争取参加市老年戏曲汇演；申请专项经费添置戏服20套；举办一期板胡、二胡培训班，"
        "面向社员招收学员15名。",
    ),
)


def _tex_escape(text: str) -> str:
    return text.replace("\\", r"\textbackslash{}").replace("%", r"\%").replace("&", r"\&").replace("#", r"\#")


def _opera_tex() -> str:
    out = [
        r"\documentclass[a4paper,12pt]{ctexart}",
        r"\usepackage[margin=2.6cm]{geometry}",
        r"\usepackage{booktabs,fancyhdr}",
        r"\ctexset{section={name={,、},number=\chinese{section},format=\heiti\large\raggedright}}",
        r"\pagestyle{fancy}\fancyhf{}",
        r"\fancyhead[C]{\small " + _tex_escape(OPERA_AUTHOR) + r"\quad 2027年度工作总结}",
        r"\fancyfoot[C]{— \thepage\ —}",
        r"\title{\heiti " + _tex_escape(OPERA_TITLE) + "}",
        r"\author{" + _tex_escape(OPERA_AUTHOR) + "}",
        r"\date{" + _tex_escape(OPERA_DATE) + "}",
        r"\begin{document}",
        r"\maketitle\thispagestyle{fancy}",
    ]
    for kind, text in OPERA[3:]:
        if kind == "heading1":
            out.append(r"\section{" + _tex_escape(str(text)[2:]) + "}")
        elif kind == "noted":
            out.append(_tex_escape(text[0]) + r"\footnote{" + _tex_escape(text[1]) + "}")  # type: ignore[index]
            out.append("")
        elif kind == "table":
            head, *rows = text  # type: ignore[misc]
            out += [
                r"\begin{table}[h]\centering",
                r"\caption{" + _tex_escape(OPERA_CAPTION) + "}",
                r"\begin{tabular}{cclr}\toprule",
                " & ".join(head) + r" \\ \midrule",
                *(" & ".join(row) + r" \\" for row in rows),
                r"\bottomrule\end{tabular}\end{table}",
                "",
            ]
        elif text == OPERA_CAPTION:
            continue
        else:
            out += [_tex_escape(str(text)), ""]
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


def write_opera(path: Path) -> None:
    typeset_with_xelatex(_opera_tex(), path)


# --- 3. a notice written by fpdf2 ----------------------------------------------------------------------

BIRD_TITLE = "银发观鸟护鸟志愿队招募公告"
BIRD_HEAD = ("月份", "地点", "活动内容")
BIRD_ROWS = (
    ("3月", "白沙湖", "春季候鸟迁徙观测"),
    ("5月", "鹭鸶洲", "白鹭繁殖期巡护"),
    ("10月", "白沙湖", "秋季候鸟迁徙监测"),
    ("12月", "鹭鸶洲", "中华秋沙鸭越冬调查"),
)
BIRD = (
    ("title", BIRD_TITLE),
    (
        "body",
        "为引导离退休干部在生态保护中发挥余热，县委老干部局联合县林业局组建“银发观鸟护鸟志愿队”，现面向全县"
        "离退休干部公开招募队员。",
    ),
    ("heading1", "一、招募条件"),
    (
        "body",
        "身体健康、热爱自然的离退休干部，年龄一般不超过72周岁，能适应野外徒步两小时以上。有摄影特长或熟悉"
        "本地鸟类的优先。",
    ),
    ("heading1", "二、招募名额"),
    ("body", "首批招募队员40名，分为白沙湖、鹭鸶洲两个分队，每个分队设队长一名。"),
    ("heading1", "三、主要任务"),
    ("body", "（一）每月开展一次鸟类观测记录，重点关注白鹭、苍鹭和中华秋沙鸭等越冬水鸟。"),
    (
        "body",
        "（二）在候鸟迁徙季节协助林业部门巡护，发现捕鸟网、投毒等违法行为及时报告县森林公安，举报电话"
        "0579-68130110。",
    ),
    ("body", "（三）进学校、进社区开展爱鸟护鸟宣传，每年不少于4次。2028年活动安排如下："),
    ("table", (BIRD_HEAD, *BIRD_ROWS)),
    ("heading1", "四、保障措施"),
    (
        "body",
        "县林业局为每名队员配发双筒望远镜一副、志愿服务马甲一件，并为队员购买野外活动意外伤害保险。每次野外"
        "活动安排车辆接送，提供午餐。",
    ),
    ("heading1", "五、报名办法"),
    (
        "body",
        "报名时间为2028年3月1日至3月20日。报名表交所在单位老干部工作人员，或直接送县委老干部局活动科"
        "（县府路18号行政中心4楼412室）。联系人：孟清禾，电话0579-68123372。",
    ),
    ("right", "中共枫溪县委老干部局　枫溪县林业局"),
    ("right", "2028年2月20日"),
)

_FPDF_SCRIPT = r"""
import json, sys
from fpdf import FPDF

parts, sans, bold, out = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]


class Notice(FPDF):
    def header(self):
        self.set_font("sans", size=9)
        self.cell(0, 8, "中共枫溪县委老干部局", align="R", new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)

    def footer(self):
        self.set_y(-15)
        self.set_font("sans", size=9)
        self.cell(0, 10, f"第 {self.page_no()} 页", align="C")


pdf = Notice(format="A4")
pdf.set_margins(25, 20, 25)
pdf.add_font("sans", fname=sans, collection_font_number=2)
pdf.add_font("sans", style="B", fname=bold, collection_font_number=2)
pdf.set_creator("中共枫溪县委老干部局")
pdf.set_title(parts[0][1])
pdf.add_page()
for kind, text in parts:
    if kind == "title":
        pdf.set_font("sans", "B", 18)
        pdf.multi_cell(0, 12, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    elif kind == "heading1":
        pdf.set_font("sans", "B", 12.5)
        pdf.multi_cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
    elif kind == "table":
        pdf.set_font("sans", size=11)
        with pdf.table(col_widths=(20, 30, 60), text_align="CENTER") as table:
            for row in text:
                cells = table.row()
                for cell in row:
                    cells.cell(cell)
        pdf.ln(3)
    elif kind == "right":
        pdf.set_font("sans", size=12)
        pdf.multi_cell(0, 8, text, align="R", new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.set_font("sans", size=12)
        pdf.multi_cell(0, 8, "\u3000\u3000" + text, align="J", new_x="LMARGIN", new_y="NEXT")
pdf.output(out)
"""


def write_bird(path: Path) -> None:
    import json

    subprocess.run(
        [VENV_PYTHON, "-c", _FPDF_SCRIPT, json.dumps(BIRD, ensure_ascii=False), SANS, SANS_BOLD, str(path)],
        check=True,
    )


# --- 4. a draft with tracked changes and comments, saved as .doc by LibreOffice -------------------------

VOLLEY_TITLE = "第三届离退休干部气排球比赛竞赛规程"
VOLLEY = (
    ("title", VOLLEY_TITLE),
    ("heading1", "一、主办单位"),
    ("body", "中共枫溪县委老干部局、枫溪县文化广电旅游体育局。"),
    ("heading1", "二、比赛时间和地点"),
    (
        "revised",
        (
            "2028年",
            ("del", "4月20日至21日"),
            ("ins", "4月27日至28日"),
            "，在",
            ("comment", "县全民健身中心", "请体育局再确认场馆是否已预订。"),
            "气排球馆举行。",
        ),
    ),
    ("heading1", "三、参赛单位"),
    ("body", "各乡镇（街道）、县直各系统组队参加，每个单位限报一队。"),
    ("heading1", "四、参赛办法"),
    (
        "revised",
        (
            "（一）每队报领队1人、教练1人、队员8人。",
            ("ins", "每队可另报替补队员2名。"),
        ),
    ),
    ("body", "（二）男队员年龄须在55周岁以上，女队员须在50周岁以上，每队场上须有女队员至少2名。"),
    (
        "revised",
        (
            "（三）参赛队员须提供县级以上医院出具的近三个月体检证明。",
            ("del", "每队交报名费200元，用于购买比赛用球。"),
        ),
    ),
    ("heading1", "五、竞赛办法"),
    (
        "body",
        "执行国家体育总局社会体育指导中心审定的《气排球竞赛规则》。比赛分小组循环赛和交叉淘汰赛两个阶段，"
        "每局21分，三局两胜。",
    ),
    ("heading1", "六、录取名次和奖励"),
    (
        "revised",
        (
            ("comment", "录取前六名，颁发奖杯和证书", "奖杯的预算是否够？请财务科核一下。"),
            "；另设“体育道德风尚奖”三名。",
        ),
    ),
    ("heading1", "七、报名"),
    ("body", "各单位于4月10日前将报名表报县委老干部局文体科，联系人：汤若溪，电话0579-68123369。"),
    ("heading1", "八、其他"),
    ("body", "本规程解释权属中共枫溪县委老干部局，未尽事宜另行通知。"),
)


def write_volley(path: Path) -> None:
    write_converted(VOLLEY, path, "doc", author=AUTHOR)


# --- 5. a speech typed in AbiWord, saved as .docx ------------------------------------------------------

FOREST_TITLE = "在枫溪县银龄护林志愿服务队授旗仪式上的讲话"
FOREST = (
    ("title", FOREST_TITLE),
    ("speaker", "县委老干部局局长　钟慕远"),
    ("date", "（2028年3月12日）"),
    ("body", "同志们："),
    (
        "body",
        "今天是植树节，我们在这里举行银龄护林志愿服务队授旗仪式。首先，我代表县委老干部局，向报名参加护林"
        "志愿服务的42名老同志表示衷心的感谢！",
    ),
    ("heading2", "一、护林是一件功在当代、利在千秋的好事"),
    (
        "body",
        "我县森林覆盖率达到78.6%，是全省重点生态县。全县有古树名木1260株，其中树龄五百年以上的有37株。"
        "这些古树大多分布在偏远山村，光靠专职护林员巡护力量不足，老同志熟悉山情村情，正好可以补上这个短板。",
    ),
    ("heading2", "二、护林志愿服务要突出三个重点"),
    (
        "body",
        "第一，守好古树。每名队员认领古树3至5株，每季度至少巡查一次，发现病虫害、雷击损伤及时报告。",
    ),
    (
        "body",
        "第二，防好山火。清明、冬至等祭扫高峰期间，协助村里在重点路口劝导文明祭扫，不带火种上山。",
    ),
    (
        "body",
        "第三，讲好故事。把古树背后的村史、家风故事整理出来，今年要编印一本《枫溪古树故事》。",
    ),
    ("heading2", "三、各方面要为老同志做好服务保障"),
    (
        "body",
        "县林业局要为队员配备巡护记录本和急救包，每年组织一次林业知识培训。乡镇老干部工作站要掌握队员身体"
        "状况，巡护一律结伴而行，两人以上同行，雨雪天气暂停上山。",
    ),
    (
        "body",
        "同志们，青山常在，贵在守护。希望大家量力而行、安全第一，在护林志愿服务中老有所为、老有所乐！",
    ),
)


def _abw() -> str:
    props = {
        "title": "text-align:center; font-size:20pt; font-weight:bold; margin-bottom:12pt",
        "speaker": "text-align:center; font-size:14pt",
        "date": "text-align:center; font-size:14pt; margin-bottom:12pt",
        "body": "text-indent:0.4in",
    }
    paragraphs = []
    for kind, text in FOREST:
        if kind == "heading2":
            paragraphs.append(f'<p style="Heading 2">{html.escape(text)}</p>')
        else:
            paragraphs.append(f'<p style="Normal" props="{props[kind]}">{html.escape(text)}</p>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE abiword PUBLIC "-//ABISOURCE//DTD AWML 1.0 Strict//EN" '
        '"http://www.abisource.com/awml.dtd">\n'
        '<abiword template="false" xmlns="http://www.abisource.com/awml.dtd" '
        'xmlns:awml="http://www.abisource.com/awml.dtd" version="3.0.5" fileformat="1.1" '
        'styles="unlocked" xml:space="preserve" props="lang:zh-CN; dom-dir:ltr">\n'
        f'<metadata><m key="dc.title">{FOREST_TITLE}</m><m key="dc.creator">{AUTHOR}</m>'
        '<m key="dc.language">zh-CN</m></metadata>\n'
        "<styles>\n"
        '<s type="P" name="Normal" followedby="Current Settings" props="font-family:Noto Serif CJK SC; '
        'font-size:14pt; line-height:1.5; lang:zh-CN"/>\n'
        '<s type="P" name="Heading 2" basedon="Normal" followedby="Normal" props="font-family:Noto Sans CJK SC; '
        'font-size:15pt; font-weight:bold; margin-top:12pt; margin-bottom:6pt; keep-with-next:1"/>\n'
        "</styles>\n"
        '<pagesize pagetype="A4" orientation="portrait" width="210.000000" height="297.000000" units="mm" '
        'page-scale="1.000000"/>\n'
        '<section props="page-margin-left:1.1in; page-margin-right:1.1in">\n'
        + "\n".join(paragraphs)
        + "\n</section>\n</abiword>\n"
    )


def write_forest(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "forest.abw"
        source.write_text(_abw(), encoding="utf-8")
        out = Path(tmp) / "forest.docx"
        subprocess.run(
            ["abiword", "--to=docx", f"--to-name={out}", str(source)],
            check=True,
            capture_output=True,
            env={**os.environ, "HOME": tmp},
        )
        shutil.copyfile(out, path)


# --- 6. a handbook as an EPUB e-book written by ebooklib -----------------------------------------------

KIT_TITLE = "老年人家庭应急小药箱使用手册"
KIT_AUTHOR = "枫溪县委老干部局　枫溪县人民医院"
KIT_DATE = "2028-05-10"
KIT_CHAPTERS = (
    (
        "第一章　药箱里放什么",
        (
            "常备内服药有退烧药、止泻药和助消化药；外用药有碘伏、创可贴、医用纱布和胶布；器具有电子体温计和"
            "电子血压计。",
            "有心脏病史的老同志，应按医嘱常备硝酸甘油片，放在固定位置并告诉家人。",
        ),
    ),
    (
        "第二章　药品怎样存放",
        (
            "药箱放在阴凉干燥、孩子够不着的地方，不要放在厨房和卫生间。药品保留原包装和说明书。",
            "硝酸甘油见光易分解，要放在棕色玻璃瓶里避光保存，开封后一般三个月就要更换。",
        ),
    ),
    (
        "第三章　定期清理过期药品",
        (
            "每半年清点一次药箱，建议定在每年6月和12月。",
            "过期药品不要扔进垃圾桶，可送到县人民医院门诊药房旁的过期药品回收箱。",
        ),
    ),
    (
        "第四章　用药安全提醒",
        (
            "服药前看清名称和剂量，不要凭经验自行加量。",
            "同时服用五种以上药物的老同志，要请医生或药师帮助检查药物之间有没有冲突。县人民医院药学门诊每周四"
            "上午免费提供用药咨询。",
        ),
    ),
    (
        "第五章　配发和补充",
        (
            "县委老干部局为80周岁以上离退休干部每户免费配发一个应急小药箱，药箱内药品每年免费补充一次，补充"
            "时间为每年10月。",
            "咨询电话：县委老干部局服务管理科0579-68123361。",
        ),
    ),
)
KIT = (
    ("title", KIT_TITLE),
    ("right", KIT_AUTHOR),
    *(
        (kind, text)
        for heading, paragraphs in KIT_CHAPTERS
        for kind, text in (("heading1", heading), *(("body", p) for p in paragraphs))
    ),
)

_EPUB_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[2])
from tests.fixtures.producers import write_epub
title, creators, date, chapters, out = json.loads(sys.argv[1])
write_epub(title, creators, date, chapters, out, identifier="urn:uuid:6f1c2a0e-2028-4b5d-9c3e-fx0000000510")
"""


def write_kit(path: Path) -> None:
    import json

    arguments = json.dumps([KIT_TITLE, [KIT_AUTHOR], KIT_DATE, KIT_CHAPTERS, str(path)], ensure_ascii=False)
    subprocess.run([VENV_PYTHON, "-c", _EPUB_SCRIPT, arguments, str(HERE.parent.parent)], check=True)


MAKERS = {
    "关于举办离退休干部冬季防范一氧化碳中毒安全讲座的通知.pdf": write_co,
    "枫溪县银龄戏曲票友社2027年度工作总结.pdf": write_opera,
    "银发观鸟护鸟志愿队招募公告.pdf": write_bird,
    "第三届离退休干部气排球比赛竞赛规程.doc": write_volley,
    "在枫溪县银龄护林志愿服务队授旗仪式上的讲话.docx": write_forest,
    "老年人家庭应急小药箱使用手册.epub": write_kit,
}


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    for name, make in MAKERS.items():
        make(out / name)
        print(name, (out / name).stat().st_size)


if __name__ == "__main__":
    main(sys.argv[1:])
