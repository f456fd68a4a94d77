"""Make the nineteenth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold17/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are shared with the other sets' makers: ``tests/fixtures/corpus_writers.py``.

Five documents of a city veteran-cadre bureau (泷江市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches, the
notice fixtures nor ``corpus-cold2`` … ``corpus-cold16`` treat, each made by a different producer with a
quirk the earlier sets lacked:

- ``春季义务植树活动通知.eml`` — a notice on a tree-planting morning **sent by e-mail and saved as .eml**:
  the notice is the mail's body (GB2312, quoted-printable, as text and as HTML), the groups' table a
  **Word file attached** (its name an RFC 2047 word), the mail as Foxmail writes it (email package,
  python-docx);
- ``赴港交流参访行程安排.txt`` — a Hong Kong partner's itinerary for a study visit, saved by a Hong Kong
  PC's Notepad: **Big5 with HKSCS characters** (埗, 鰂, 邨: outside Big5, so the bytes do not decode as
  Big5), traditional script, CRLF;
- ``助行器具免费借用服务通知.pdf`` — a notice on lending walking aids, **scanned double-sided**: each
  printed page followed by its sheet's blank back, on which the print shows through mirrored (reportlab,
  ``pdftoppm``, Pillow; an image-only PDF of four pages);
- ``中医针灸理疗室开诊.mht`` — the bureau's **WeChat official account article saved by the browser as a
  single-file web page**: the account's page furniture, 「阅读原文」, 「继续滑动看下一个」 and readers'
  comments (「留言」) around the article (lxml, email package);
- ``银龄护河志愿巡河活动通知.pdf`` — a notice on the city's site **printed to PDF from the browser with
  its headers and footers on**: the print time and the page's title across every page's top, its address
  and 「1/2」 across the foot, the site's menu, breadcrumb, info line, 相关链接 and footer printed with
  the notice (reportlab).

Needs python-docx, reportlab, fontTools, lxml, Pillow, ``pdftoppm`` and the Noto CJK fonts.
``benchmarks/check_questions.py cold17`` imports the texts below to check
``benchmarks/cold17-questions.jsonl``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    mail_message,
    mht,
    wechat_page,
    write_browser_print_pdf,
    write_crlf_text,
    write_docx,
    write_duplex_scan,
)

OFFICE = "中共泷江市委老干部局"
AUTHOR = "泷江市委老干部局"

# --- 1. the e-mail: its body and its attachment -----------------------------------------------------

PLANTING_SUBJECT = "关于组织离退休干部参加2027年春季义务植树活动的通知"
PLANTING_LINES = [
    "各区老干部局，市直各单位老干部工作部门：",
    "",
    "为迎接第49个全国植树节，市委老干部局定于2027年3月12日（星期五）上午组织离退休干部到鹭洲湿地公园参加"
    "义务植树活动，栽种“银龄林”。现将有关事项通知如下：",
    "",
    "一、活动时间和地点",
    "2027年3月12日上午8时30分至11时，鹭洲湿地公园北门“银龄林”地块。如遇中雨以上天气，活动顺延至3月19日，"
    "顺延通知在前一天下午5点前发出。",
    "",
    "二、参加人员",
    "身体健康、年龄在75周岁以下的离退休干部，每个单位限报5人，全市共约120人。患有高血压、心脏病等慢性病的"
    "同志不宜参加。",
    "",
    "三、树种和任务",
    "本次共栽种香樟、桂花、红叶石楠三个树种，每组负责栽种20棵，树苗、铁锹和水桶由市园林绿化中心统一提供。"
    "每棵树挂一块纪念牌，写上栽种人的姓名。",
    "",
    "四、交通和保障",
    "活动当天上午7时50分在市老干部活动中心门口统一乘坐大巴前往，自行前往的可以把车停在公园北门停车场。"
    "现场设医疗点，由市第二人民医院派医生值守。请穿运动鞋，带好手套和饮用水。",
    "",
    "五、报名方式",
    "请各单位于3月5日前将报名回执发送到本邮箱，分组安排见附件。",
    "",
    "联系人：组织宣传处  邝嘉宁  电话：0719-3826617",
    "",
    OFFICE,
    "2027年2月24日",
]
PLANTING_GROUPS = [
    ("title", "2027年春季义务植树活动分组安排表"),
    (
        "table",
        [
            ["组别", "来源单位", "栽种树种", "带队人"],
            ["第一组", "市直机关第一片区", "香樟", "聂泽川"],
            ["第二组", "市直机关第二片区", "香樟", "苗慧贞"],
            ["第三组", "鹭洲区、临港区", "桂花", "申屠晓岚"],
            ["第四组", "江北区、清溪县", "桂花", "骆开宇"],
            ["第五组", "市属企业和高校", "红叶石楠", "祁婉仪"],
            ["第六组", "离休干部和老党员代表", "红叶石楠", "邝嘉宁"],
        ],
    ),
    ("body", "第六组的老同志只参加培土、浇水和挂牌环节，不安排挖坑等重体力劳动。"),
    ("body", "各组到达后先在北门签到处领取工具和手套，植树结束后由带队人清点工具，统一归还园林绿化中心。"),
]

# --- 2. the Hong Kong partner's itinerary (Big5-HKSCS) -----------------------------------------------

HONGKONG_LINES = [
    "瀧江市離退休幹部赴港交流參訪行程安排",
    "",
    "瀧江市委老幹部局：",
    "",
    "　　承蒙貴局信任，本會謹將2027年5月赴港交流參訪團的行程安排如下，請審閱。參訪團共20人，"
    "由貴局副局長聞人靜帶隊，在港五天四晚，住宿安排在九龍旺角的銀禧酒店，兩人一間。",
    "",
    "　　第一天（5月10日）：上午經深圳灣口岸入境，下午參觀石硤尾邨美荷樓生活館，了解香港公共房屋的發展歷史。",
    "　　第二天（5月11日）：上午到深水埗長者地區中心交流，了解「長者社區照顧服務券」的使用辦法；下午"
    "探訪區內獨居長者。",
    "　　第三天（5月12日）：上午參觀鰂魚涌的長者學苑，觀摩電腦班和粵劇班上課；下午自由活動。",
    "　　第四天（5月13日）：上午到屯門醫院老人科座談，交流長者出院後的家居支援；晚上由本會設宴送別。",
    "　　第五天（5月14日）：上午整理行裝，中午經深圳灣口岸返回。",
    "",
    "　　注意事項：",
    "　　一、每位團員須持有效期在六個月以上的往來港澳通行證，並辦妥團隊旅遊簽注。",
    "　　二、請每位團員自行購買境外旅遊意外保險，保額不低於三十萬元人民幣。",
    "　　三、香港電壓為220伏，插座為英式三腳插座，請自備轉換插頭。",
    "　　四、在港期間的交通和午餐由本會安排，早餐包含在酒店房費內，晚餐除送別宴外自理。",
    "　　五、行程中步行較多，年滿八十歲或行動不便的團員請提前告知，本會可安排輪椅。",
    "",
    "　　如有疑問，請聯絡本會項目主任梁嘉蔚，電話：（852）2385 6614。",
    "",
    "香港銀齡服務協會",
    "2027年4月6日",
]

# --- 3. the double-sided scan ------------------------------------------------------------------------

AIDS_NOTICE = [
    ("title", "关于为离退休干部提供助行器具免费借用服务的通知"),
    ("docnum", "泷老干发〔2027〕8号"),
    ("body", "各区老干部局，市直各单位老干部工作部门："),
    (
        "body",
        "为方便术后康复和行动不便的离退休干部出行，市委老干部局与市残疾人联合会合作，自2027年4月1日起为全市"
        "离退休干部提供助行器具免费借用服务。现将有关事项通知如下：",
    ),
    ("heading1", "一、可借用的器具"),
    (
        "body",
        "可借用的器具有手动轮椅、四脚助行器、多功能拐杖和坐便椅四类，共计260件，均由市残联辅具中心统一消毒后"
        "出借。电动轮椅暂不出借。",
    ),
    ("heading1", "二、借用条件"),
    (
        "body",
        "因骨折、关节置换等手术后需要康复的，或者经医院诊断行走困难的离退休干部，凭本人身份证和医院出具的病历"
        "即可申请借用。每人同一时间限借两件。",
    ),
    ("heading1", "三、借用期限"),
    (
        "body",
        "每次借用期限最长为三个月，期满仍需使用的，可以续借一次，续借期限不超过两个月。借用期间不收取押金和"
        "租金，借用人须签订借用协议。",
    ),
    ("heading1", "四、借用地点"),
    (
        "body",
        "市老干部活动中心一楼服务台、鹭洲区老干部活动室和江北区残疾人服务中心三处设有借用点，每周一至周五"
        "上午8时30分至下午5时办理。年满80周岁或者独居的，可以电话预约送货上门。",
    ),
    ("heading1", "五、归还和损坏"),
    (
        "body",
        "器具用完后归还到任意一个借用点即可。正常使用造成的磨损不需要赔偿，人为损坏或者遗失的，按器具购置价的"
        "三成赔偿。",
    ),
    ("body", "联系人：离退休干部服务处  芮书雯  电话：0719-3826642"),
    ("right", OFFICE),
    ("right", "2027年3月22日"),
]

# --- 4. the WeChat article saved as .mht -----------------------------------------------------------

CLINIC_TITLE = "好消息！老干部活动中心中医针灸理疗室3月18日开诊"
CLINIC_HEAD = ["点击蓝字 关注我们"]
CLINIC_SECTIONS = [
    (
        "",
        [
            "不少老同志反映，腰腿痛、肩周炎去医院做理疗排队时间长、来回跑不方便。为此，市委老干部局与市中医院"
            "合作，在市老干部活动中心三楼开设中医针灸理疗室，3月18日起正式开诊。",
        ],
    ),
    (
        "🌿 坐诊医生",
        [
            "理疗室由市中医院针灸推拿科派出两名主治医师轮流坐诊，带队的是有二十多年临床经验的副主任医师费明澈。",
        ],
    ),
    (
        "🌿 服务项目",
        [
            "理疗室提供针灸、推拿、艾灸和拔罐四项服务，主要针对颈椎病、腰椎间盘突出、膝关节骨性关节炎和中风后遗症"
            "的康复调理。",
            "每次理疗时间约40分钟，首次就诊前医生会先做问诊和评估，再制定理疗方案。",
        ],
    ),
    (
        "🌿 开诊时间",
        [
            "每周一、周三、周五上午8点半至11点半开诊，法定节假日停诊。",
        ],
    ),
    (
        "🌿 怎么预约",
        [
            "理疗室实行预约制，可以拨打预约电话0719-3826655，也可以在“泷江老干部”公众号菜单栏点击“理疗预约”。"
            "每人每周最多预约两次，预约后不能按时到达的，请提前一天取消。",
        ],
    ),
    (
        "🌿 收费标准",
        [
            "离休干部免费；退休干部针灸每次收费15元，推拿、艾灸和拔罐每次收费10元，费用可以用医保个人账户支付。",
        ],
    ),
    (
        "🌿 温馨提示",
        [
            "患有严重心脏病、凝血功能障碍或者装有心脏起搏器的老同志，请在就诊前如实告诉医生。理疗后两小时内不要"
            "洗澡，注意保暖。",
        ],
    ),
]
CLINIC_FOOT = ["END", "来源：市老干部活动中心", "编辑：阎语桐", "审核：卓世衡"]
CLINIC_COMMENTS = [
    ("老周头", "浙江", "3月6日", 23, "太好了，以后扎针不用跑到中医院排队了。"),
    ("夕阳红", "江苏", "3月6日", 11, "周二周四能不能也开诊？"),
    ("泷江老干部", "浙江", "3月7日", 5, "作者：谢谢建议，我们会根据预约情况考虑增加开诊时间。"),
]

# --- 5. the notice printed from the site ------------------------------------------------------------

RIVER_NOTICE = [
    ("title", "关于招募离退休干部“银龄护河”志愿者的通知"),
    ("body", "各区老干部局，市直各单位老干部工作部门："),
    (
        "body",
        "为发挥离退休干部在河湖长制工作中的作用，市委老干部局、市治水办决定联合招募“银龄护河”志愿者，"
        "协助各级河长开展日常巡河。现将有关事项通知如下：",
    ),
    ("heading1", "一、招募对象和人数"),
    (
        "body",
        "身体健康、热心公益、居住在河道附近的离退休干部，年龄一般不超过72周岁。全市计划招募150名，"
        "分配到鹭江、清溪、白沙河、望仙河和运粮河五条河道。",
    ),
    ("heading1", "二、巡河任务"),
    (
        "body",
        "志愿者每月巡河不少于两次，每次巡河不少于1小时。巡河时重点查看河面漂浮垃圾、岸边乱堆乱放、"
        "可疑排污口和违章搭建四类问题，发现问题通过“泷江智慧治水”APP拍照上报，由属地河长在三个工作日内处理。",
    ),
    ("heading1", "三、保障措施"),
    (
        "body",
        "市治水办为每名志愿者配发红色马甲、遮阳帽和巡河记录本，统一购买志愿服务意外保险，每次巡河发放交通"
        "补贴20元，按季度汇总发放。年度巡河满20次的，评为“优秀护河志愿者”。",
    ),
    ("heading1", "四、培训和报名"),
    (
        "body",
        "3月26日上午9时在市治水办二楼会议室举办巡河培训，讲解巡河路线、APP使用和安全注意事项。"
        "有意参加的离退休干部请于4月10日前向所在单位报名，由单位汇总后报市委老干部局组织宣传处。",
    ),
    ("body", "联系人：组织宣传处  邝嘉宁  电话：0719-3826617"),
    ("right", OFFICE),
    ("right", "2027年3月15日"),
]
RIVER_SITE = "泷江市委老干部局"
RIVER_MENU = ["首页", "机构概况", "工作动态", "通知公告", "政策法规", "老干部风采", "互动交流"]
RIVER_RELATED = [
    "市委老干部局召开2027年全市老干部工作会议",
    "关于开展离退休干部“银发生辉”志愿服务项目评选的通知",
    "我市老同志积极参与“五水共治”监督",
]
RIVER_FOOTER = [
    "主办单位：中共泷江市委老干部局　地址：泷江市鹭洲区滨江路188号",
    "网站标识码：3312000017　浙ICP备17020436号-2",
]


def main(folder: Path = HERE) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        groups = Path(tmp) / "groups.docx"
        write_docx(PLANTING_GROUPS, groups, author=AUTHOR)
        mail_message(
            PLANTING_LINES,
            folder / "春季义务植树活动通知.eml",
            sender="泷江市委老干部局组织宣传处 <zzxcc@ljlgj.gov.cn>",
            to="市直单位老干部工作联络员 <lgblly@ljlgj.gov.cn>",
            subject=PLANTING_SUBJECT,
            date="Wed, 24 Feb 2027 16:12:08 +0800",
            attachments=[("植树活动分组安排表.docx", groups.read_bytes())],
        )
    write_crlf_text(HONGKONG_LINES, folder / "赴港交流参访行程安排.txt", "big5hkscs")
    write_duplex_scan(AIDS_NOTICE, folder / "助行器具免费借用服务通知.pdf", author=AUTHOR, size=14.5)
    page = wechat_page(
        title=CLINIC_TITLE,
        account="泷江老干部",
        author="银龄服务",
        published="2027年03月06日 17:30",
        region="浙江",
        head=CLINIC_HEAD,
        sections=CLINIC_SECTIONS,
        foot=CLINIC_FOOT,
        comments=CLINIC_COMMENTS,
    )
    (folder / "中医针灸理疗室开诊.mht").write_bytes(
        mht(page, "utf-8", location="https://mp.weixin.qq.com/s/Lj7Qx2PzK0c3nVbW9mYrTg")
    )
    write_browser_print_pdf(
        RIVER_NOTICE,
        folder / "银龄护河志愿巡河活动通知.pdf",
        site=RIVER_SITE,
        menu=RIVER_MENU,
        related=RIVER_RELATED,
        footer=RIVER_FOOTER,
        url="https://www.ljlgj.gov.cn/art/2027/3/15/art_1229431_58820173.html",
        printed="2027/4/2 09:47",
        published="2027-03-15 10:26",
        source="组织宣传处",
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
