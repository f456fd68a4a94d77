"""Make the fourth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold2/make_corpus.py

Five documents of a city veteran-cadre bureau (临江市 is invented; so are all names, numbers and
amounts), written for this set only, after and apart from everything speechqa was tuned on:

- ``2023年度工作总结讲话.docx`` — a deputy director's year-end speech (python-docx, Title and
  Heading 1/2 styles, typed-in numbers 「一、」「（一）」「1.」);
- ``春节走访慰问通知.pdf`` — a notice with amounts and dates, written as .docx and exported to PDF by
  LibreOffice (``soffice --headless --convert-to pdf``);
- ``老年大学招生简章.docx`` — enrolment rules with a fee and timetable table;
- ``组织关系转接通知.txt`` — a notice saved as GBK plain text, as an office PC would;
- ``重阳节座谈会讲话.docx`` — a speech at a 重阳节 forum.

Needs python-docx, LibreOffice (``soffice``) and the Noto CJK fonts.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
SERIF = "Noto Serif CJK SC"

# Each document is a list of (kind, text): kind is title, subtitle, speaker, date, heading1, heading2,
# body, right (a right-aligned signature or date line) or table (text is a list of rows).

SUMMARY_SPEECH = [
    ("title", "在全市老干部工作2023年度总结会议上的讲话"),
    ("speaker", "市委老干部局副局长  郑淑芬"),
    ("date", "（2023年12月28日）"),
    ("body", "同志们："),
    (
        "body",
        "今天我们召开全市老干部工作年度总结会议，主要任务是回顾总结2023年全市老干部工作，分析存在的问题，"
        "部署2024年重点任务。受局党组委托，我先讲三点意见。",
    ),
    ("heading1", "一、2023年工作回顾"),
    (
        "body",
        "一年来，在市委的坚强领导和市委组织部的具体指导下，全市老干部工作系统坚持以政治建设为统领，"
        "扎实做好服务管理各项工作，各项任务完成情况良好。",
    ),
    ("heading2", "（一）政治引领不断加强"),
    (
        "body",
        "全年组织离退休干部党员开展主题教育专题学习42场次，参学离退休干部党员3860人次。"
        "举办“银龄讲堂”宣讲活动18场，邀请市委党校教授为老同志解读党的二十大精神。"
        "全市离退休干部党支部按期换届率达到100%，新选派党建工作指导员35名。",
    ),
    ("heading2", "（二）待遇落实精准到位"),
    (
        "body",
        "全年为全市612名离休干部和1.2万余名退休干部落实各项待遇。离休干部医药费实行实报实销，"
        "全年报销医药费共计2870万元，没有发生一起拖欠。为87名80周岁以上的高龄离休干部签约了家庭医生，"
        "上门服务一千二百余次。春节、重阳节期间走访慰问老同志2360人次。",
    ),
    ("heading2", "（三）阵地建设提质增效"),
    (
        "body",
        "投入资金460万元完成市老干部活动中心改造，新增阅览室、康复理疗室各1间，"
        "活动中心于2023年9月15日重新开放。新建镇（街道）老干部活动室11个，"
        "全市老干部活动室总数达到137个。",
    ),
    ("heading2", "（四）作用发挥亮点纷呈"),
    (
        "body",
        "组建“银发先锋”志愿服务队56支，注册志愿者2100余人，在社区治理、关心下一代、"
        "文明城市创建等方面开展志愿服务1300余次。退休干部张德明同志被评为全省离退休干部先进个人。",
    ),
    ("heading1", "二、存在的主要问题"),
    (
        "body",
        "在肯定成绩的同时，我们也要清醒看到存在的不足：一是部分县（市、区）退休干部党组织设置还不够规范，"
        "“空壳”支部仍有存在；二是服务管理手段比较单一，信息化水平不高；"
        "三是老干部工作队伍年龄偏大，全市专职老干部工作人员平均年龄52岁。",
    ),
    ("heading1", "三、2024年重点工作"),
    ("heading2", "（一）抓实离退休干部党建"),
    (
        "body",
        "1. 2024年6月底前，实现离退休干部党组织应建尽建、党的工作全面覆盖。",
    ),
    (
        "body",
        "2. 每个离退休干部党支部每季度至少开展1次主题党日活动，支部书记每年至少讲1次党课。",
    ),
    ("heading2", "（二）提升服务保障水平"),
    (
        "body",
        "1. 建设智慧养老服务点5个，推广“一键呼叫”紧急救助服务。",
    ),
    (
        "body",
        "2. 局机关干部每人每季度至少走访联系离休干部1次，做到情况清、底数明。",
    ),
    (
        "body",
        "3. 将离休干部健康体检时间统一安排在每年4月至5月，体检结果建立电子健康档案。",
    ),
    ("heading2", "（三）加强自身建设"),
    (
        "body",
        "开展老干部工作人员轮训，2024年计划举办培训班2期，培训120人次，"
        "着力打造一支让党放心、让老同志满意的老干部工作队伍。",
    ),
    (
        "body",
        "同志们，新的一年任务艰巨、责任重大。让我们以更加饱满的热情、更加务实的作风，"
        "奋力开创全市老干部工作新局面！",
    ),
]

SPRING_NOTICE = [
    ("title", "关于做好2024年春节期间走访慰问离退休干部工作的通知"),
    ("docnum", "临老干通〔2024〕3号"),
    ("body", "各县（市、区）委老干部局，市直各单位："),
    (
        "body",
        "2024年春节即将到来，为把党和政府的关怀送到老同志心坎上，经市委同意，现就做好春节期间"
        "走访慰问离退休干部工作通知如下：",
    ),
    ("heading1", "一、慰问对象"),
    ("body", "（一）全市离休干部、建国前入党的老党员；"),
    ("body", "（二）退休的原副市级以上领导干部；"),
    ("body", "（三）生活困难、患重大疾病的退休干部；"),
    ("body", "（四）无工作单位的离休干部遗孀（遗属）。"),
    (
        "body",
        "对长期居住在外地的离休干部，由原单位委托其居住地老干部工作部门代为走访，"
        "或通过电话、视频等方式送去节日问候，慰问金通过银行转账发放。",
    ),
    ("heading1", "二、慰问时间"),
    (
        "body",
        "集中走访慰问时间为2024年1月22日至2月7日（农历腊月十二至腊月二十八）。"
        "市级领导同志走访慰问安排在2月1日至2月4日，具体日程另行通知。",
    ),
    ("heading1", "三、慰问标准"),
    ("body", "（一）离休干部每人慰问金2000元，并送慰问品一份，慰问品价值不超过300元。"),
    ("body", "（二）年满90周岁的离休干部每人另加发慰问金1000元。"),
    ("body", "（三）建国前入党的老党员每人慰问金1000元。"),
    ("body", "（四）生活困难的退休干部每人慰问金1500元，患重大疾病的每人另加500元。"),
    ("body", "（五）离休干部遗属每人慰问金800元。"),
    (
        "body",
        "慰问金由原工作单位列支；原单位已撤销或无工作单位的，由市委老干部局统一发放。",
    ),
    ("heading1", "四、工作要求"),
    (
        "body",
        "1. 各单位要认真摸清底数，于2024年1月19日前将慰问对象名单报市委老干部局老干部服务科。",
    ),
    (
        "body",
        "2. 走访时要面对面听取老同志的意见建议，对反映的困难和问题，能当场解决的当场解决，"
        "不能当场解决的要登记建账、限期办结。",
    ),
    (
        "body",
        "3. 严格执行中央八项规定及其实施细则精神，不得用公款购买烟酒、高档礼品，不得组织宴请。",
    ),
    (
        "body",
        "4. 各县（市、区）委老干部局和市直各单位于2月20日前将走访慰问工作总结报送市委老干部局。",
    ),
    (
        "body",
        "5. 节日期间要做好老同志安全稳定工作，对独居、空巢的高龄老同志要落实专人联系，"
        "遇有老同志病重、去世等情况，要及时看望慰问并报告市委老干部局。",
    ),
    ("heading1", "五、其他事项"),
    (
        "body",
        "春节期间住院治疗的离休干部，由原单位领导到医院探望。市委老干部局将于2024年2月5日"
        "在市老干部活动中心举办迎新春文艺演出，邀请老同志观看，各单位要做好组织和接送工作。",
    ),
    ("body", "联系人：老干部服务科  陈晓燕，电话：0576-88123456。"),
    ("right", "中共临江市委老干部局"),
    ("right", "二〇二四年一月十日"),
]

COLLEGE_RULES = [
    ("title", "临江市老年大学2024年秋季招生简章"),
    (
        "body",
        "为丰富离退休老同志的精神文化生活，满足老年人学习需求，临江市老年大学2024年秋季学期面向社会招生。"
        "现将有关事项公布如下。",
    ),
    ("heading1", "一、招生对象"),
    (
        "body",
        "具有本市户籍或在本市居住满一年，年龄在50周岁至80周岁之间，身体健康、能坚持正常学习的离退休人员。"
        "离休干部、市级以上劳动模范优先录取。",
    ),
    ("heading1", "二、报名时间和方式"),
    (
        "body",
        "（一）现场报名：2024年8月19日至8月30日（双休日除外），每天上午8:30至11:30，下午2:30至5:00，"
        "地点在市老年大学一楼教务处（临江市东湖路18号）。报名时须携带身份证、退休证和近期一寸照片2张。",
    ),
    (
        "body",
        "（二）网上报名：关注“临江老年大学”微信公众号，于8月26日上午9:00起在线报名，名额满即止。",
    ),
    ("body", "（三）每人每学期最多报2个专业，老学员续读的须在8月16日前办理续报手续。"),
    ("heading1", "三、开设专业、上课时间和学费"),
    ("body", "本学期开设6个专业，每学期16周，每周上课1次，每次2课时。具体如下："),
    (
        "table",
        [
            ["专业", "上课时间", "学费（每学期）", "招生人数"],
            ["书法（楷书）", "星期二上午", "300元", "40人"],
            ["国画（花鸟）", "星期三下午", "350元", "30人"],
            ["智能手机应用", "星期四上午", "200元", "50人"],
            ["太极拳", "星期一上午", "250元", "60人"],
            ["声乐合唱", "星期三上午", "280元", "80人"],
            ["摄影", "星期五下午", "380元", "30人"],
        ],
    ),
    (
        "body",
        "离休干部免收学费；享受低保的老年人凭有效证明减半收取学费。教材费按实际收取，"
        "摄影班外出采风的交通费用由学员自理。",
    ),
    ("heading1", "四、学籍管理"),
    (
        "body",
        "学制为两年，修满四个学期、考勤合格的，由学校颁发结业证书。一个学期内无故旷课累计4次以上的，"
        "取消其下学期续读资格。学费一经缴纳，开学两周后不予退还。",
    ),
    ("heading1", "五、开学时间"),
    (
        "body",
        "2024年9月9日（星期一）正式开学，开学典礼当天上午9时在学校多功能厅举行。",
    ),
    ("heading1", "六、其他事项"),
    (
        "body",
        "（一）年满75周岁的学员报名时须由家属陪同，并签订《安全承诺书》。",
    ),
    (
        "body",
        "（二）学校统一为学员办理团体意外伤害保险，每人每年30元，随学费一并收取。",
    ),
    (
        "body",
        "（三）学校不提供机动车停车位，请学员尽量乘坐公共交通，可乘3路、12路公交车在东湖路站下车。",
    ),
    ("body", "咨询电话：0576-88235678（教务处），联系人：李老师。"),
    ("right", "临江市老年大学"),
    ("right", "二〇二四年七月二十二日"),
]

ORG_NOTICE_LINES = [
    "中共临江市委老干部局",
    "中共临江市委组织部",
    "关于规范离退休干部党员组织关系转接工作的通知",
    "",
    "临老干组〔2024〕7号",
    "",
    "各县（市、区）委组织部、老干部局，市直各单位党组（党委）：",
    "",
    "　　为进一步加强离退休干部党员教育管理，解决部分离退休干部党员组织关系“挂空挡”、"
    "长期不转接等问题，根据《中国共产党党员教育管理工作条例》和有关规定，"
    "现就规范离退休干部党员组织关系转接工作通知如下。",
    "",
    "　　一、转接原则",
    "　　离退休干部党员的组织关系，可以保留在原单位离退休干部党支部，也可以转入经常居住地的社区党组织。"
    "本人自愿、就近就便、便于管理是转接工作的基本原则，不得强制转接，也不得拒绝接收。",
    "",
    "　　二、办理程序",
    "　　（一）本人申请。党员本人向所在党支部提出书面申请，说明转接原因和拟转入的党组织。"
    "本人因病不能书写的，可由直系亲属代为提出，并经本人签字或按手印确认。",
    "　　（二）审核开具介绍信。原单位党组织收到申请后，应在5个工作日内完成审核，"
    "通过全国党员管理信息系统开具组织关系介绍信。",
    "　　（三）接收报到。接收党组织应在收到介绍信后10个工作日内办理接收手续，"
    "党员本人应在介绍信有效期内报到。介绍信有效期一般为3个月。",
    "",
    "　　三、异地居住党员的管理",
    "　　到外省（区、市）居住满6个月以上、且居住地相对固定的，原则上将组织关系转入居住地党组织；"
    "居住不满6个月或居住地不固定的，组织关系保留在原单位，原单位党组织要每季度至少联系1次。"
    "出国（境）定居的，按照出国（境）定居党员的有关规定办理。",
    "",
    "　　四、党费交纳",
    "　　组织关系转接后，党员从转入的下一个月起在新的党支部交纳党费。"
    "离退休干部党员以实际领取的离退休费总额为计算基数，5000元以下（含5000元）的按0.5%交纳，"
    "5000元以上的按1%交纳。",
    "",
    "　　五、工作要求",
    "　　1．各单位要在2024年4月30日前完成离退休干部党员组织关系摸底排查，建立工作台账。",
    "　　2．二〇二四年六月三十日前，集中完成应转接党员的组织关系转接工作。",
    "　　3．组织关系转接工作中遇到的问题，请及时与市委老干部局组织处联系。"
    "联系人：刘建军，电话：0576-88127788。",
    "",
    "　　　　　　　　　　　　　　　　中共临江市委老干部局　　　中共临江市委组织部",
    "　　　　　　　　　　　　　　　　　　　　　2024年3月5日",
]

FORUM_SPEECH = [
    ("title", "在2024年重阳节离退休干部座谈会上的讲话"),
    ("speaker", "市委常委、组织部部长  王立新"),
    ("date", "（二〇二四年十月十一日）"),
    ("body", "各位老领导、老同志："),
    (
        "body",
        "金秋十月，丹桂飘香。今天是农历九月初九重阳节，我们在这里召开离退休干部座谈会，"
        "与大家共度佳节、共叙情谊。首先，我代表市委，向在座的各位老领导、老同志，"
        "并通过你们向全市广大离退休干部致以节日的祝福和崇高的敬意！",
    ),
    ("heading1", "一、老同志是党和国家的宝贵财富"),
    (
        "body",
        "目前全市共有离退休干部1.35万人，其中离休干部548人，90周岁以上的有103人，百岁老人4位。"
        "刚才，几位老同志作了很好的发言，提出了不少有见地的意见建议。"
        "比如，退休干部赵国庆同志建议在老城区增设老年食堂，市委高度重视，已请民政部门研究落实。",
    ),
    (
        "body",
        "这些年来，老同志们虽然离开了工作岗位，但始终心系临江发展。去年以来，全市老同志围绕乡村振兴、"
        "基层治理等课题开展调研32项，形成的建议有19条被市委、市政府采纳。"
        "退休老教师孙玉兰同志坚持义务辅导留守儿童十余年，被授予“全国关心下一代工作先进个人”称号。"
        "大家用实际行动诠释了“退休不褪色、离岗不离党”的政治品格。",
    ),
    ("heading1", "二、用心用情做好服务保障"),
    (
        "body",
        "做好老干部工作，是党的组织工作的重要组成部分。各级党委、政府要把老同志的冷暖放在心上，"
        "把服务保障的各项工作做实做细。",
    ),
    ("heading2", "（一）提高高龄离休干部生日慰问标准"),
    (
        "body",
        "经市委研究，从2024年起，将80周岁以上离休干部的生日慰问标准由每人500元提高到800元，"
        "由市委老干部局在老同志生日当月送达。",
    ),
    ("heading2", "（二）完善就医绿色通道"),
    (
        "body",
        "市人民医院、市中医院已为离休干部开设就医绿色通道，实行挂号、就诊、取药“一站式”服务。"
        "年内还将在市第二人民医院增设老干部病房20张。对行动不便的高龄离休干部，"
        "继续由家庭医生每月上门巡诊1次。",
    ),
    ("heading2", "（三）办好老年大学"),
    (
        "body",
        "今年市老年大学秋季学期在校学员达到3200人，比去年增加了600人。"
        "明年将在城东新区开设老年大学分校，进一步缓解“一座难求”的问题。",
    ),
    ("heading1", "三、希望老同志继续发挥作用"),
    (
        "body",
        "希望大家在保重身体的前提下，继续发挥政治优势、经验优势和威望优势，"
        "在关心下一代、基层社会治理、传承红色基因等方面贡献智慧和力量。"
        "市委组织部将于11月份组织“银发先锋”事迹报告会，宣传一批老同志发挥作用的先进典型。",
    ),
    (
        "body",
        "最后，祝各位老同志节日快乐、身体健康、阖家幸福！",
    ),
]


def _font(run, size: float | None = None) -> None:
    run.font.name = SERIF
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), SERIF)
    if size is not None:
        run.font.size = Pt(size)


def write_docx(parts: list[tuple[str, object]], path: Path) -> None:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = SERIF
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), SERIF)
    normal.font.size = Pt(14)
    for kind, text in parts:
        if kind == "table":
            header, *rows = text
            table = doc.add_table(rows=len(rows) + 1, cols=len(header))
            table.style = "Table Grid"
            for r, row in enumerate([header, *rows]):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        style = {"title": "Title", "heading1": "Heading 1", "heading2": "Heading 2"}.get(kind)
        paragraph = doc.add_paragraph(style=style)
        run = paragraph.add_run(text)
        _font(run)
        if kind in ("speaker", "date", "docnum"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "body":
            paragraph.paragraph_format.first_line_indent = Pt(28)
    doc.core_properties.author = "临江市委老干部局办公室"
    doc.save(path)


def write_pdf(parts: list[tuple[str, object]], path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("需要 LibreOffice（soffice）来导出 PDF")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        write_docx(parts, source)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
        )
        shutil.copyfile(Path(tmp) / (path.stem + ".pdf"), path)


def main() -> None:
    write_docx(SUMMARY_SPEECH, HERE / "2023年度工作总结讲话.docx")
    write_pdf(SPRING_NOTICE, HERE / "春节走访慰问通知.pdf")
    write_docx(COLLEGE_RULES, HERE / "老年大学招生简章.docx")
    (HERE / "组织关系转接通知.txt").write_bytes("\r\n".join(ORG_NOTICE_LINES).encode("gbk") + b"\r\n")
    write_docx(FORUM_SPEECH, HERE / "重阳节座谈会讲话.docx")


if __name__ == "__main__":
    main()
