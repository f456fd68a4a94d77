"""Make the thirteenth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold11/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are shared with the other sets' makers: ``tests/fixtures/corpus_writers.py``.

Five documents of a city veteran-cadre bureau (枫潭市 is invented; so are all names, numbers, addresses,
telephone numbers, web addresses and amounts), written for this set only, on topics neither the bundled
speeches, the notice fixtures nor ``corpus-cold2`` … ``corpus-cold10`` treat, each made by a different
producer with a quirk the earlier sets lacked:

- ``离退休干部意见建议征集办理办法.docx`` — rules for collecting and answering retired cadres'
  suggestions, written with python-docx, its text partly inside **hyperlinks** (a ``w:hyperlink`` 「详见
  …网站…专栏」, an 附件 name linked by a **HYPERLINK field**: its code in ``w:instrText``, its shown
  result the name), a **DATE field** (``w:fldSimple``) for the signing date and two **content controls**
  (``w:sdt`` fill-in fields holding the contact's name and telephone number): what prints is read once,
  the field codes never;
- ``离退休干部红色讲解员培训班通知.pdf`` — a notice of a course for retired cadres as volunteer guides,
  written with python-docx (a **different first-page header** — none on page 1, a running header on the
  others — and **section breaks to a landscape page** holding the wide timetable, then back to
  portrait) and printed to PDF by LibreOffice;
- ``防汛防台风工作紧急通知.tif`` — an urgent notice on floods and a typhoon, **received by fax**: a
  reportlab page rendered by ``pdftoppm`` at 204×196 dpi (pixels not square), 1-bit, the sending
  machine's header line across the top of each page, a two-page **Group 4 TIFF**;
- ``高龄津贴发放名册报送通知.txt`` — a notice on returning the list of cadres drawing the old-age
  allowance, as a **forwarded e-mail** saved as text in **GB2312**: the forwarder's note, the
  「-----原始邮件-----」 header (发件人 / 发送时间 / 收件人 / 抄送 / 主题) and the notice **quoted** line by
  line with 「> 」;
- ``银龄助学结对帮扶启动仪式讲话.rtf`` — the director's speech launching retired cadres' mentoring of
  pupils, written with python-docx (two **endnotes**, a three-column table) and saved as **RTF by
  LibreOffice**.

Needs python-docx, reportlab, fontTools, Pillow, LibreOffice (``soffice``), ``pdftoppm`` and the Noto CJK
fonts. ``benchmarks/check_questions.py cold11`` imports the texts below to check
``benchmarks/cold11-questions.jsonl``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.fixtures.corpus_writers import (  # noqa: E402
    write_converted,
    write_crlf_text,
    write_docx,
    write_fax,
)

# Each document is a list of (kind, text): kind is title, speaker, date, docnum, heading1, body, right
# (a right-aligned signature or date line), table / landscape (rows, the first the header; landscape:
# alone on a landscape page), endnoted ((paragraph, note)) or linked (segments: a string,
# ("link", s, url), ("field", code, s), ("simple", code, s) or ("control", alias, s)).

SUGGESTION_RULES = [
    ("title", "枫潭市离退休干部意见建议征集办理办法"),
    ("docnum", "枫老干发〔2026〕14号"),
    (
        "body",
        "为畅通离退休干部反映意见建议的渠道，更好发挥老同志参谋咨询作用，中共枫潭市委老干部局结合工作实际制定本办法。",
    ),
    ("heading1", "一、征集渠道"),
    (
        "linked",
        [
            "离退休干部可以通过书面信函、当面反映、电话和网上留言四种方式提出意见建议。网上留言的，",
            ("link", "详见市委老干部局网站“银发心声”专栏", "https://lgbj.fengtan.example.gov.cn/yfxs/"),
            "，留言需实名填写，匿名留言不予受理。",
        ],
    ),
    (
        "body",
        "市委老干部局每年3月和9月各召开一次离退休干部情况通报会，在会上当面听取老同志的意见建议。",
    ),
    ("heading1", "二、受理范围"),
    (
        "body",
        "受理的意见建议包括：对全市经济社会发展的建议，对老干部工作的意见，以及涉及离退休干部"
        "生活待遇、医疗保障等方面的具体诉求。",
    ),
    (
        "body",
        "应当通过诉讼、仲裁、行政复议等法定途径解决的事项，以及已经依法作出结论的信访事项，不予受理，"
        "但应当告知本人通过相应渠道办理。",
    ),
    ("heading1", "三、办理时限"),
    ("body", "市委老干部局收到意见建议后，应当在3个工作日内登记并分送承办单位。"),
    (
        "body",
        "承办单位应当在15个工作日内办结并书面答复本人；情况复杂的，经分管领导批准可以延长10个工作日，"
        "并告知本人延期理由。",
    ),
    ("heading1", "四、回访和表扬"),
    (
        "linked",
        [
            "答复后，市委老干部局通过电话回访本人，了解其对办理结果是否满意。回访不满意的，由承办单位"
            "重新办理一次。回访记录的格式见",
            (
                "field",
                ' HYPERLINK "https://lgbj.fengtan.example.gov.cn/files/hfjlb.docx" ',
                "附件：意见建议办理回访记录表",
            ),
            "。",
        ],
    ),
    (
        "body",
        "对被采纳并取得明显成效的意见建议，年终由市委老干部局予以通报表扬，并向提出人颁发“金点子”荣誉证书。",
    ),
    ("heading1", "五、附则"),
    ("body", "本办法自印发之日起施行，由市委老干部局负责解释。"),
    (
        "linked",
        [
            "联系人：",
            ("control", "联系人", "离退休干部服务科  谭书屿"),
            "，电话：",
            ("control", "联系电话", "0763-5208 1730"),
            "。",
        ],
    ),
    ("right", "中共枫潭市委老干部局"),
    ("right", [("simple", ' DATE \\@ "yyyy年M月d日" ', "2026年8月12日")]),
]

GUIDE_COURSE = [
    ("title", "关于举办离退休干部红色讲解员培训班的通知"),
    ("docnum", "枫老干办〔2026〕31号"),
    ("body", "各离退休干部党支部："),
    (
        "body",
        "为组建一支由老同志组成的红色讲解员队伍，市委老干部局定于2026年10月12日至10月16日举办"
        "离退休干部红色讲解员培训班。现将有关事项通知如下：",
    ),
    ("heading1", "一、培训对象"),
    (
        "body",
        "身体健康、普通话较好、热心讲解工作的离退休干部，年龄原则上不超过72周岁，全市共招收40名。"
        "各支部推荐1至2名，择优录取。",
    ),
    ("heading1", "二、培训地点"),
    (
        "body",
        "培训在市委党校（枫潭市滨江路88号）进行，学员走读，不安排住宿。午餐由党校食堂统一提供，不收取费用。",
    ),
    ("heading1", "三、课程安排"),
    ("body", "培训共五天，课程安排见下表。"),
    (
        "landscape",
        [
            ["日期", "上午（9:00—11:30）", "下午（14:30—16:30）", "授课人", "地点"],
            ["10月12日", "开班式、枫潭党史概述", "讲解员礼仪", "市委党史研究室  邹闻笛", "党校一号教室"],
            ["10月13日", "讲解词写作", "普通话发音训练", "市广播电视台  殷白露", "党校一号教室"],
            [
                "10月14日",
                "现场教学：烈士陵园",
                "现场教学：老城区革命旧址",
                "烈士陵园讲解员  韦小禾",
                "市烈士陵园",
            ],
            ["10月15日", "讲解技巧与应急处置", "分组模拟讲解", "市博物馆  卢晓岚", "党校三号教室"],
            ["10月16日", "结业考核", "结业式", "市委老干部局", "党校报告厅"],
        ],
    ),
    ("heading1", "四、报名方式"),
    (
        "body",
        "请各支部于9月30日前将推荐人员名单报市委老干部局宣传教育科，名单需注明本人联系电话和原工作单位。",
    ),
    ("heading1", "五、有关要求"),
    (
        "body",
        "学员须全程参加培训，因病因事请假累计超过一天的，不予结业。考核合格的学员颁发结业证书，"
        "纳入市红色讲解员人才库，优先安排到各纪念馆、革命旧址开展志愿讲解。",
    ),
    ("body", "联系人：宣传教育科  柯望舒，电话：0763-5208 1745。"),
    ("right", "中共枫潭市委老干部局办公室"),
    ("right", "2026年9月18日"),
]

TYPHOON_NOTICE = [
    ("title", "关于切实做好离退休干部防汛防台风工作的紧急通知"),
    ("docnum", "枫老干电〔2026〕6号"),
    ("body", "各县（市、区）委老干部局，市直各单位："),
    (
        "body",
        "据市气象台预报，今年第8号台风“海葵”预计于7月16日夜间在我市沿海登陆，届时全市将出现大风和"
        "特大暴雨。为确保离退休干部生命财产安全，现将有关要求紧急通知如下：",
    ),
    (
        "body",
        "一、逐户摸排。7月15日18时前，各单位要对居住在低洼地带、危旧房屋和山边的离退休干部逐户摸排，"
        "建立工作台账。",
    ),
    (
        "body",
        "二、提前转移。对居住在危旧房屋和地质灾害隐患点的老同志，要在台风登陆前全部转移到亲友家中"
        "或者安置点，不得留人。",
    ),
    (
        "body",
        "三、保持联络。台风期间，各单位要安排专人每天至少两次电话联系独居和高龄老同志，确保联络畅通；"
        "电话联系不上的，要及时上门查看。",
    ),
    (
        "body",
        "四、严格值班。各单位实行24小时值班和领导带班制度，发生险情及时报告。因防御不力造成人员伤亡的，"
        "严肃追究有关人员责任。",
    ),
    (
        "body",
        "请各单位于7月17日12时前将摸排和转移情况报市委老干部局，报送传真：0763-5208 1709。",
    ),
    ("right", "中共枫潭市委老干部局"),
    ("right", "2026年7月14日"),
]

TYPHOON_SENDER = "枫潭市委老干部局 0763 5208 1700"
TYPHOON_SENT = "2026-07-14 16:42"

# A forwarded notice as the mail program shows it, saved as text (GB2312, CRLF): the forwarder's note,
# the original message's header, the notice quoted with 「> 」.
ALLOWANCE_LINES = [
    "各位支部书记：",
    "",
    "    市委老干部局的通知转给大家，请按要求把名册报到局办公室，纸质件和电子表格都要。"
    "为了汇总，请各支部比通知要求提前一周、于10月23日前报给我。有问题找我。",
    "",
    "局离退休干部党总支  汤若谷",
    "电话：0763-5208 1762",
    "",
    "-----原始邮件-----",
    "发件人: 枫潭市委老干部局办公室 <lgbj_bgs@fengtan.example.gov.cn>",
    "发送时间: 2026年10月9日 15:32",
    "收件人: 各离退休干部党支部",
    "抄送: 离退休干部服务科",
    "主题: 关于报送2027年度高龄津贴发放名册的通知",
    "",
    "> 各离退休干部党支部：",
    ">",
    "> 　　根据《枫潭市高龄老人津贴发放办法》，现就报送2027年度离退休干部高龄津贴发放名册有关事项通知如下：",
    "> 　　一、发放对象。2027年12月31日前年满80周岁的离退休干部，按年龄段发放高龄津贴："
    "80至89周岁每人每月100元，90至99周岁每人每月300元，100周岁以上每人每月800元。",
    "> 　　二、报送材料。各支部填写《2027年度高龄津贴发放名册》，新增人员还需附身份证复印件；"
    "去世人员要注明去世时间，津贴从次月起停发。",
    "> 　　三、发放方式。津贴按季度发放，每季度第一个月的15日前打入本人社会保障卡账户，不再发放现金。",
    "> 　　四、报送时间。请于10月30日前报送纸质名册一份（加盖党支部印章）和电子表格。",
    ">",
    "> 　　联系人：离退休干部服务科  潘子衿，电话：0763-5208 1736。",
    ">",
    "> 　　　　　　　　　　　　　　　　　　枫潭市委老干部局办公室",
    "> 　　　　　　　　　　　　　　　　　　　　2026年10月9日",
]

MENTOR_SPEECH = [
    ("title", "在“银龄助学”结对帮扶启动仪式上的讲话"),
    ("speaker", "市委老干部局局长  冉知秋"),
    ("date", "（2026年9月1日）"),
    ("body", "同志们、同学们："),
    (
        "body",
        "今天是新学期开学的第一天。我们在这里举行“银龄助学”结对帮扶启动仪式，首批68名离退休干部"
        "与112名家庭困难的中小学生结成对子。",
    ),
    ("heading1", "一、为什么要开展结对帮扶"),
    (
        "endnoted",
        (
            "去年，我们对全市农村中小学作了一次摸底，家庭经济困难、父母长期在外务工的学生有1300多名，"
            "他们最缺的不是钱，而是有人陪伴、有人指点。",
            "数据来源：2025年11月市教育局与市委老干部局联合开展的农村中小学困难学生情况调查。",
        ),
    ),
    (
        "body",
        "老同志们有知识、有经验、有时间，很多同志退休前就是教师、医生和工程师，由他们来当孩子们的"
        "“银龄导师”，再合适不过。",
    ),
    ("heading1", "二、结对帮扶帮什么"),
    (
        "body",
        "结对帮扶以“三帮”为主：帮学业，每月至少辅导两次功课；帮成长，多和孩子谈心，关注心理健康；"
        "帮生活，逢年过节到孩子家里走一走。",
    ),
    (
        "endnoted",
        (
            "市委老干部局从老干部活动经费中安排专项资金，为每名结对学生每学期发放500元学习用品补助。",
            "补助标准经2026年8月20日局党组会议研究确定，由各县（市、区）委老干部局按学期发放。",
        ),
    ),
    ("body", "结对帮扶不搞捐款摊派。老同志自愿资助的，要通过学校转交，不直接给孩子现金。"),
    ("heading1", "三、首批结对情况"),
    (
        "table",
        [
            ["县（市、区）", "参加人数", "结对学生"],
            ["枫城区", "27名老同志", "45名学生"],
            ["临溪县", "22名老同志", "38名学生"],
            ["白沙县", "19名老同志", "29名学生"],
        ],
    ),
    ("body", "下一步，我们将在总结经验的基础上扩大结对范围，力争到2027年底结对人数达到300对。"),
    ("body", "最后，祝同学们学习进步，祝老同志们身体健康！"),
]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    office = "枫潭市委老干部局办公室"
    write_docx(SUGGESTION_RULES, out / "离退休干部意见建议征集办理办法.docx", author=office, footer=True)
    write_converted(
        GUIDE_COURSE,
        out / "离退休干部红色讲解员培训班通知.pdf",
        "pdf",
        author=office,
        header="枫潭市委老干部局  红色讲解员培训班",
        first_header="",
        footer=True,
    )
    write_fax(
        TYPHOON_NOTICE,
        out / "防汛防台风工作紧急通知.tif",
        author=office,
        sender=TYPHOON_SENDER,
        sent=TYPHOON_SENT,
        size=17,
    )
    write_crlf_text(ALLOWANCE_LINES, out / "高龄津贴发放名册报送通知.txt", "gb2312")
    write_converted(MENTOR_SPEECH, out / "银龄助学结对帮扶启动仪式讲话.rtf", "rtf", author=office)


if __name__ == "__main__":
    main()
