"""Check a blind question set against its documents' own text, without speechqa.

    /work/main/.venv/bin/python benchmarks/check_questions.py cold20    # or cold5 … cold40

Written and run before each set was ever measured. For every answerable question of
``benchmarks/<set>-questions.jsonl``, each gold phrase must be 4–25 characters long and occur verbatim in
the text of exactly the document it was written from (and in no other document of the set, nor in the
bundled speeches); for every near miss, none of the words naming the detail asked may occur in any of the
set's documents; off-topic questions have no answers.

The text of each document of ``benchmarks/corpus-<set>/`` is read as follows: the .docx with python-docx
(paragraphs, table cells and text boxes; a .docx holding tracked changes, fields or content controls as it
prints: every ``w:t`` — inserted runs, hyperlinks, fields' shown results and controls' text kept, deleted
runs and field codes gone, comments left out), the .txt decoded from its bytes (and it must be the text ``make_corpus.py``
writes, must not decode in the set's ``refused`` encoding when it has one, and must open with a
byte-order mark when the set's encoding is UTF-16), the PDFs, the .doc, the .odt and the .rtf from the source parts in ``make_corpus.py`` that produced them. As
a second check those are also read back — the PDFs with pypdf, the .doc with antiword, the .odt from its
``content.xml``, the .rtf by decoding its ``\\uN`` characters (endnotes included) — and every gold phrase of theirs must be found there once whitespace is removed
(LibreOffice puts spaces between digits and Chinese; the scorer, ``bench/evaluate.py``, compares with
whitespace removed too). A scan (a PDF holding only page images, a photo or a fax) has no text to read back: what OCR makes
of it is what the set measures, so its gold phrases are checked against its source parts only (so are those
of a .docx holding nothing but a scanned page pasted in as a picture). A .txt
pasted out of a PDF (``radicals``) has its gold phrases sought with its Kangxi radicals read as the
characters they stand for; a PDF with pinyin over rare characters (``ruby``) has the readings pypdf
returns removed from its read-back text. A .docx whose body is an altChunk (``chunk``) is read from its
source parts and read back from the HTML page it imports; a filled PDF form (``form``) is read back with
its fields' values (``/V``) after its page text. An OFD is read back from its pages' ``TextCode`` elements
(each page's characters in the order its content lists them); a UOF text (.uot) from its 「字:文本串」
elements. A Markdown file (.md) must be the text ``make_corpus.py`` writes, in UTF-8, and is searched as it
stands (its marks included). A workbook whose text is its number formats' display (cold40's Chinese numerals)
is read, and read back, as LibreOffice Calc shows it (its formatted CSV export); a table pasted into a .docx
as a picture (cold40) has its gold phrases checked against the rows it was drawn from only.
Exit status 1 and a line per problem when anything fails.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fixtures.corpus_writers import PDF_RADICALS, crlf_text, part_strings  # noqa: E402


@dataclass(frozen=True)
class Document:
    """A document of a set: its file, the ids of the questions written from it (inclusive), and the name in
    ``make_corpus.py`` of its source parts (or, for a .txt, of its lines)."""

    name: str
    first: int
    last: int
    source: str
    scan: bool = False  # page images only: nothing to read back but by OCR
    # a .txt broken hard mid-sentence: its gold phrases are sought with its line ends removed
    wrapped: bool = False
    # a .txt pasted out of a PDF whose font maps characters to radicals: its gold phrases (in the
    # characters a reader sees) are sought with those radicals read as the characters they stand for; a
    # PDF whose ToUnicode maps do so (wkhtmltopdf's Qt writes 「⽼⼲部」) is read back the same way
    radicals: bool = False
    # a PDF with pinyin printed over rare characters (Word's 拼音指南): the readings pypdf returns among
    # the characters are removed from the read-back text before gold phrases are sought in it
    ruby: bool = False
    # a .docx whose body is an altChunk importing an HTML page: its text is that of its source parts, read
    # back from the HTML page in the package (python-docx sees no paragraph)
    chunk: bool = False
    # a PDF form filled in: the values are the fields' /V, not page text; they are read back with the page
    form: bool = False
    # a .docx with SmartArt: its text is that of its source parts, read back from the diagrams' data
    # models in the package with the document's own paragraphs (python-docx sees no SmartArt text)
    diagram: bool = False
    # a .docx whose content controls are bound to a custom XML part: its text is that of its source parts
    # as Word shows it (the controls filled from the part), read back with the part's values
    bound: bool = False
    # an e-mail (.eml): its text is its body's lines and the parts of the Word file attached (named by
    # `attached`); read back from the message — the text/plain body decoded, the attachment by python-docx
    attached: str = ""
    # a PDF carrying a Word file as an embedded file (its 附件): its text is its source parts and those of
    # the embedded file (named by `embedded`); read back with pypdf — the pages, then the embedded file
    # by python-docx
    embedded: str = ""
    # a web page saved as .mht whose source is a list of (heading, paragraphs) sections: read back from
    # the HTML part of the message, tags removed
    sections: bool = False
    # a workbook or a slide deck whose source is a tuple of office_writers Sheets or Slides: its text is
    # every visible cell as displayed (every slide's text and notes); read back with openpyxl, xlrd or
    # python-pptx
    office: bool = False
    # a .docx with text python-docx does not see — a legacy WordArt's words (the ``v:textpath``'s
    # ``string``), an embedded workbook (an OLE object: its preview picture in the body, the workbook in
    # ``word/embeddings/``, its source named by `embedded`): its text is its source parts (and the
    # workbook's), read back with python-docx plus every textpath's string and the workbook's cells
    packaged: bool = False
    # a PDF pypdf misreads (XeLaTeX's Fandol fonts carry no ToUnicode map; fpdf2's maps give a NUL before
    # every character): read back with poppler's pdftotext, which reads the fonts' own character maps
    poppler: bool = False
    # a .docx with footnotes (LibreOffice Writer's own .docx, cold27): python-docx reads no note, so the
    # notes part's text (``word/footnotes.xml``) is read with the body
    footnotes: bool = False
    # a PDF put together from pages of several producers, one of them a scan (cold28's pdfunite notice):
    # the name of that page's source parts; its phrases have no text layer to be read back from
    scanned: str = ""
    # a file as a converter left it (cold31: pdf2docx, Writer's PDF import, pdftohtml, pdftotext -layout,
    # Tesseract's text): its text is that of its source parts, read back from the converter's output by
    # the reader named here ("xml": every w:t of word/document.xml, text boxes included; "html": the
    # page's tags removed; "text": the file as it is; "mail": an e-mail's bodies, an HTML one's tags
    # removed); "ocr" for OCR's text, not read back (measured)
    converted: str = ""
    # a .docx with a table pasted in as a picture (cold40): the name of the rows the picture was drawn
    # from; its phrases are in no text of the file (what OCR would make of it is not read back)
    pictured: str = ""


@dataclass(frozen=True)
class QuestionSet:
    prefix: str  # the letter before every question id
    encoding: str  # of the set's .txt
    documents: tuple[Document, ...]
    absent: dict[str, list[str]]  # for each near miss, the words a document would have to use to answer it
    refused: str | None = None  # an encoding the .txt must not decode in (it holds a character outside it)
    # a set split into a tuning half (「tune」) and a held-out half (cold42: by random.Random(42) before its blind run), so
    # that fixes made after the blind run are measured on the half they were not looked for on as well
    halves: bool = False


SETS = {
    "cold5": QuestionSet(
        prefix="n",
        encoding="gb18030",
        documents=(
            Document("离休干部医药费报销办理规程.docx", 1, 13, "MEDICAL_RULES"),
            Document("退休干部异地安置工作通知.pdf", 14, 25, "RESETTLEMENT_NOTICE"),
            Document("书画摄影作品展征稿通知.pdf", 26, 38, "EXHIBITION_CALL"),
            Document("智能手机培训班通知.txt", 39, 52, "PHONE_COURSE_LINES"),
            Document("老干部工作座谈会讲话.doc", 53, 64, "DIRECTOR_SPEECH"),
        ),
        absent={
            "n065": ["牙"],  # 镶牙、种植牙
            "n066": ["下载", "网站", "网上"],  # where to download the form
            "n067": ["遗属", "去世", "逝世"],  # survivors' medical costs
            "n068": ["迁回", "回迁", "返回"],  # moving back
            "n069": ["税"],  # income tax on the allowance
            "n070": ["养老院", "养老机构"],  # a care home abroad
            "n071": ["开幕"],  # the opening ceremony
            "n072": ["奖金", "奖励金"],  # prize money
            "n073": ["报名费", "参展费"],  # an entry fee
            "n074": ["结业证书", "发放证书", "颁发结业"],  # a course certificate
            "n075": ["饭", "餐"],  # lunch
            "n076": ["借"],  # lending a phone
            "n077": ["经费", "资金"],  # who pays for the service stations
            "n078": ["热线电话", "热线号码", "号码"],  # the hotline's number
        },
    ),
    "cold6": QuestionSet(
        prefix="o",
        encoding="gbk",
        documents=(
            Document("离休干部遗属生活困难补助实施办法.docx", 1, 15, "SURVIVOR_RULES"),
            Document("离退休干部参观考察活动通知.pdf", 16, 30, "VISIT_NOTICE"),
            Document("离休干部住房维修补助通知.pdf", 31, 44, "HOUSING_NOTICE"),
            Document("门诊就医绿色通道通知.txt", 45, 58, "CLINIC_LINES"),
            Document("读书会成立暨网上阅览室开通仪式讲话.doc", 59, 73, "READING_SPEECH"),
        ),
        absent={
            "o074": ["丧葬"],  # a funeral allowance when a survivor dies
            "o075": ["下载", "网站"],  # where to download the form
            "o076": ["老伴", "随行", "携带家属"],  # bringing one's spouse on the visit
            "o077": ["改期", "延期", "顺延"],  # postponing for rain
            "o078": ["电梯"],  # installing a lift
            "o079": ["住宿费", "住宿补贴", "租房"],  # rent while the flat is repaired
            "o080": ["周末", "週末", "节假日", "星期六", "星期日"],  # weekends and holidays
            "o081": ["专线电话", "专线号码", "号码"],  # the hospitals' hotline number
            "o082": ["会费"],  # a membership fee
            "o083": ["网址", "电脑版", "网站"],  # the reading room's web address
        },
    ),
    "cold7": QuestionSet(
        prefix="p",
        encoding="gbk",
        documents=(
            Document("离退休干部冬季取暖补贴发放办法.docx", 1, 15, "HEATING_RULES"),
            Document("离退休干部团体意外伤害保险通知.pdf", 16, 30, "INSURANCE_NOTICE"),
            Document("离退休干部健身运动会通知.pdf", 31, 45, "GAMES_NOTICE"),
            Document("报刊征订通知.txt", 46, 60, "PRESS_LINES"),
            Document("金婚纪念集体庆典讲话.odt", 61, 74, "GOLDEN_SPEECH"),
        ),
        absent={
            "p075": ["所得税", "个税", "纳税", "税"],  # income tax on the heating allowance
            "p076": ["地暖"],  # underfloor heating
            "p077": ["预支", "提前发放", "借支"],  # drawing the allowance in advance
            "p078": ["续保", "到期后"],  # renewing the insurance oneself
            "p079": ["鉴定"],  # disability assessment and its fee
            "p080": ["奖金", "现金奖"],  # prize money
            "p081": ["观众", "观赛", "看台", "现场观看"],  # family watching the games
            "p082": ["电子版", "电子报", "电子刊", "手机版", "网络版"],  # electronic editions
            "p083": ["领取", "领到", "寄送"],  # when the photos can be collected
            "p084": ["礼堂", "酒店", "宾馆", "剧院", "会堂", "举办地点"],  # where the celebration was held
        },
    ),
    "cold8": QuestionSet(
        prefix="r",
        encoding="gb18030",
        refused="gbk",  # the contact's name holds 𫖯, outside GBK
        documents=(
            Document("离退休干部法律援助服务实施办法.docx", 1, 15, "LEGAL_AID_RULES"),
            Document("离退休干部基本信息采集核对通知.pdf", 16, 30, "RECORDS_NOTICE"),
            Document("智能呼叫手环配发通知.pdf", 31, 45, "BAND_NOTICE"),
            Document("待遇领取资格认证通知.txt", 46, 60, "CHECK_LINES"),
            Document("老干部合唱团成立十周年讲话.doc", 61, 75, "CHOIR_SPEECH"),
        ),
        absent={
            "r076": ["离婚", "婚姻"],  # a divorce case
            "r077": ["公证"],  # going with the old person to a notary
            "r078": ["照片", "相片", "免冠", "寸"],  # photographs for the records
            "r079": ["下载", "网站", "网址"],  # where to download the form
            "r080": ["防水", "洗澡", "沾水"],  # whether the wristband is waterproof
            "r081": ["牌子", "品牌", "厂家", "型号", "生产"],  # the wristband's make
            "r082": ["安装", "下载", "应用商店", "扫码"],  # installing the app
            "r083": ["翻译", "译文", "公证"],  # translating a certificate from abroad
            "r084": ["团长"],  # the choir's leader
            "r085": ["剧院", "剧场", "礼堂", "会堂", "演出地点"],  # where the concert was held
        },
    ),
    "cold9": QuestionSet(
        prefix="s",
        encoding="big5",
        refused="gbk",  # Big5 bytes that GBK cannot decode (GB18030 decodes them, as other text)
        documents=(
            Document("离退休干部住院陪护服务管理办法.docx", 1, 15, "CARE_RULES"),
            Document("丧葬补助费和一次性抚恤金办理通知.pdf", 16, 30, "FUNERAL_NOTICE"),
            Document("老干部助餐服务通知.pdf", 31, 45, "MEALS_NOTICE"),
            Document("因私出国境证照管理通知.txt", 46, 60, "PASSPORT_LINES"),
            Document("家风家训故事分享会讲话.pdf", 61, 75, "STORY_SPEECH", scan=True),
        ),
        absent={
            "s076": ["性别", "男性", "女性", "男", "指定"],  # a male or female carer
            "s077": ["医保", "医疗保险", "报销", "醫保"],  # the medical insurance paying for the carer
            "s078": ["税", "稅"],  # income tax on the funeral allowance
            "s079": ["追悼", "告别", "悼词", "遗体"],  # the memorial meeting
            "s080": ["周末", "週末", "星期六", "星期日", "节假日", "休息日"],  # weekends
            "s081": ["微信", "支付宝", "现金", "扫码", "付款"],  # paying by WeChat
            "s082": ["入台", "入臺", "签注", "簽注"],  # the entry permit for Taiwan
            "s083": ["签证", "簽證"],  # a visa
            "s084": ["礼堂", "会议室", "报告厅", "会场", "剧院", "举办地点"],  # where the meeting was held
            "s085": ["定价", "售价", "购买", "书店", "多少钱"],  # the book's price
        },
    ),
    "cold10": QuestionSet(
        prefix="t",
        encoding="utf-16",  # Notepad's 「Unicode」: UTF-16 LE after a byte-order mark
        documents=(
            Document("离退休领导干部在社会组织兼职管理办法.docx", 1, 15, "POSTS_RULES"),
            Document("离退休干部个人著作出版审核工作指引.pdf", 16, 30, "BOOK_GUIDE"),
            Document("离退休干部居家安全隐患排查通知.txt", 31, 45, "SAFETY_LINES"),
            Document("老年人免费乘车卡办理通知.jpg", 46, 60, "BUS_NOTICE", scan=True),
            Document("光荣在党50年纪念章颁发仪式讲话.pdf", 61, 75, "MEDAL_SPEECH"),
        ),
        absent={
            "t076": ["考察"],  # study trips (only in the paragraph the reviewer deleted)
            "t077": ["下载", "网站", "网址"],  # where to download the form
            "t078": ["指定", "定点", "推荐"],  # a designated publisher
            "t079": ["书号"],  # the cost of an ISBN
            "t080": ["检查报告", "排查报告", "报告单"],  # a written report after the check
            "t081": ["周末", "週末", "星期六", "星期日", "节假日"],  # weekend visits
            "t082": ["出租", "的士", "网约车"],  # taxis
            "t083": ["外地", "异地", "全国", "外市", "互联互通"],  # using the pass in another city
            "t084": ["材质", "纯金", "金质", "铜", "银质"],  # what the medal is made of
            "t085": ["礼堂", "会议室", "会场", "报告厅", "剧院", "举办地点"],  # where the ceremony was held
        },
    ),
    "cold11": QuestionSet(
        prefix="u",
        encoding="gb2312",  # the forwarded e-mail saved as text
        documents=(
            Document("离退休干部意见建议征集办理办法.docx", 1, 15, "SUGGESTION_RULES"),
            Document("离退休干部红色讲解员培训班通知.pdf", 16, 30, "GUIDE_COURSE"),
            Document("防汛防台风工作紧急通知.tif", 31, 45, "TYPHOON_NOTICE", scan=True),
            Document("高龄津贴发放名册报送通知.txt", 46, 60, "ALLOWANCE_LINES"),
            Document("银龄助学结对帮扶启动仪式讲话.rtf", 61, 75, "MENTOR_SPEECH"),
        ),
        absent={
            "u076": ["微信", "公众号", "小程序"],  # making a suggestion by WeChat
            "u077": ["查询", "进度"],  # following a suggestion's progress
            "u078": ["误工", "补贴", "报酬"],  # pay for the days of the course
            "u079": ["服装", "制服", "工作服"],  # a uniform for the guides
            "u080": ["值班电话", "值班室"],  # the duty telephone during the typhoon
            "u081": ["受损", "损毁", "补偿", "救助"],  # compensation for a damaged home
            "u082": ["税"],  # income tax on the allowance
            "u083": ["外地", "异地", "外省", "外市"],  # cadres living in another city
            "u084": ["挑选", "筛选", "遴选", "评选"],  # how the pupils were chosen
            "u085": ["礼堂", "会场", "会议室", "举办地点", "举行地点"],  # where the launch was held
        },
    ),
    "cold12": QuestionSet(
        prefix="w",
        encoding="utf-8",  # no .txt in this set
        documents=(
            Document("离退休干部疗休养活动实施办法.docx", 1, 15, "TRIP_RULES"),
            Document("春节慰问品领取通知.png", 16, 30, "GIFT_NOTICE", scan=True),
            Document("离退休干部党支部换届选举工作通知.odt", 31, 45, "ELECTION_NOTICE"),
            Document("口述历史采集工作座谈会讲话.pdf", 46, 60, "HISTORY_SPEECH"),
            Document("银龄先锋志愿服务积分兑换通知.pdf", 61, 75, "POINTS_NOTICE", scan=True),
        ),
        absent={
            "w076": ["孙", "儿童", "未成年"],  # taking a grandchild on the trip
            "w077": ["高铁", "大巴", "火车", "飞机", "乘车"],  # how the trip travels
            "w078": ["快递", "邮寄", "寄送"],  # sending the gifts by courier
            "w079": ["牌子", "品牌", "产地", "厂家"],  # the rice's brand
            "w080": ["网上", "线上", "网络", "电子"],  # voting online
            "w081": ["补贴", "津贴", "报酬"],  # pay for a branch secretary
            "w082": ["稿费", "报酬", "酬金", "补贴"],  # a fee for the interviewed
            "w083": ["购买", "購買", "买", "書店", "书店", "定价", "售价"],  # where to buy the book
            "w084": ["小程序", "App", "APP", "系统", "平台"],  # where volunteer hours are recorded
            "w085": ["礼堂", "会议室", "会场", "报告厅", "举办地点", "举行地点"],  # where the forum was held
        },
    ),
    "cold13": QuestionSet(
        prefix="x",
        encoding="utf-8",  # the WeChat article pasted into Notepad
        documents=(
            Document("离退休干部党员党费收缴工作通知.docx", 1, 15, "DUES_NOTICE"),
            Document("家庭医生签约服务通知.pdf", 16, 30, "DOCTOR_NOTICE"),
            Document("银发田园地块认领.txt", 31, 45, "GARDEN_LINES", wrapped=True),
            Document("流感疫苗免费接种通知.jpg", 46, 60, "FLU_NOTICE", scan=True),
            Document("离退休干部人事档案管理办法征求意见稿.pdf", 61, 75, "ARCHIVE_RULES"),
        ),
        absent={
            "x076": ["微信", "支付宝", "扫码"],  # paying dues by WeChat
            "x077": ["补开", "遗失", "丢失", "重新开具"],  # a lost receipt
            "x078": ["血压计", "血糖仪", "设备"],  # a free blood-pressure meter
            "x079": ["夜间", "晚上", "24小时", "值班"],  # calling the doctor at night
            "x080": ["养鸡", "家禽", "养殖", "动物"],  # keeping hens on the plot
            "x081": ["出售", "卖", "销售"],  # selling the vegetables
            "x082": ["厂家", "生产企业", "品牌", "国产", "进口"],  # who makes the vaccine
            "x083": ["不良反应", "不良反應", "赔偿", "补偿"],  # a bad reaction to the jab
            "x084": ["网上", "线上", "在线", "互联网"],  # looking the files up online
            "x085": ["楼层", "房间", "地址", "办公地点"],  # where the archive room is
        },
    ),
    "cold14": QuestionSet(
        prefix="z",
        encoding="utf-8",  # the notice pasted out of a PDF into Notepad
        documents=(
            Document("离休干部助听器配发请示呈批件.docx", 1, 15, "HEARING_FORM"),
            Document("离退休干部寿辰慰问办法.pdf", 16, 30, "BIRTHDAY_RULES"),
            Document("诗词楹联学会成立大会讲话.pdf", 31, 45, "POETRY_SPEECH", scan=True),
            Document("离退休干部党员冬训工作通知.txt", 46, 60, "WINTER_LINES", radicals=True),
            Document("家庭适老化改造补贴通知.pdf", 61, 75, "HOME_NOTICE", ruby=True),
        ),
        absent={
            "z076": ["品牌", "牌子", "厂家", "国产", "进口"],  # the hearing aids' maker
            "z077": ["邮寄", "快递", "寄送"],  # sending them by post
            "z078": ["长寿面", "寿面", "面条"],  # a bowl of longevity noodles
            "z079": ["去世", "逝世", "遗属"],  # the family of one who has died
            "z080": ["诗集", "出书", "作品集", "出版诗"],  # printing the members' poems as a book
            "z081": ["奖金", "奖励", "比赛", "大赛"],  # a competition's prize money
            "z082": ["缺席", "请假", "扣分", "考勤"],  # missing the winter study
            "z083": ["收费", "工本费", "免费领取", "购买"],  # paying for the reader
            "z084": ["马桶", "坐便", "智能"],  # a smart toilet
            "z085": ["指定", "推荐", "施工队", "招标"],  # who picks the builders
        },
    ),
    "cold17": QuestionSet(
        prefix="h",
        encoding="big5hkscs",  # a Hong Kong PC's Notepad: Big5 with HKSCS characters
        refused="big5",  # 埗, 鰂, 邨 are outside Big5
        documents=(
            Document("春季义务植树活动通知.eml", 1, 15, "PLANTING_LINES", attached="PLANTING_GROUPS"),
            Document("赴港交流参访行程安排.txt", 16, 30, "HONGKONG_LINES"),
            Document("助行器具免费借用服务通知.pdf", 31, 45, "AIDS_NOTICE", scan=True),
            Document("中医针灸理疗室开诊.mht", 46, 60, "CLINIC_SECTIONS", sections=True),
            Document("银龄护河志愿巡河活动通知.pdf", 61, 75, "RIVER_NOTICE"),
        ),
        absent={
            "h076": ["午饭", "盒饭", "用餐", "管饭"],  # lunch at the planting
            "h077": ["认养", "認養", "认领"],  # adopting a tree
            "h078": ["团费", "團費", "收費標準", "每人繳"],  # the visit's fee
            "h079": ["体检", "體檢", "健康证明", "健康證明"],  # a medical report for the trip
            "h080": ["邮寄", "快递", "外地"],  # posting the aids
            "h081": ["助听器", "助聽器"],  # hearing aids
            "h082": ["一次性", "针具"],  # disposable needles
            "h083": ["中药", "开药", "处方"],  # herbal medicine
            "h084": ["下雨", "雨天", "暴雨", "大雨"],  # patrolling in the rain
            "h085": ["孙子", "孫子", "家属", "家屬", "孩子"],  # bringing a grandchild
        },
    ),
    "cold19": QuestionSet(
        prefix="j",
        encoding="gbk",  # the .csv, as Excel saves 「CSV」 on a Chinese PC
        documents=(
            Document("钓鱼邀请赛分组安排表.xlsx", 1, 11, "FISHING_SHEETS", office=True),
            Document("插花艺术培训班课程及经费.xls", 12, 20, "FLOWER_SHEETS", office=True),
            Document("重阳节茶话会讲话.pptx", 21, 30, "TEA_PARTY_SLIDES", office=True),
            Document("独居老干部结对帮扶名单.csv", 31, 35, "PAIRING_LINES"),
        ),
        absent={
            "j036": ["报名费", "参赛费", "收费", "交费"],  # an entry fee for the match
            "j037": [
                "结业证",
                "颁发证书",
            ],  # a course certificate (the prizes' 证书 are in the match's workbook)
            "j038": ["礼堂", "会议室", "宾馆", "酒店"],  # where the tea party is held
            "j039": ["补贴", "报酬", "误餐"],  # an allowance for the volunteers
            "j040": ["下雨", "雨天", "顺延", "改期"],  # rain on the match day
        },
    ),
    "cold20": QuestionSet(
        prefix="e",
        encoding="utf-8",  # the .md
        documents=(
            Document("老干部工作通讯2027年第6期.pdf", 1, 9, "NEWSLETTER"),
            Document("老年大学2027年秋季学期选课指南.uot", 10, 17, "COURSE_GUIDE"),
            Document("老干部活动室预约使用说明.md", 18, 25, "ROOMS_MARKDOWN"),
            Document("中医养生健康讲座海报.pdf", 26, 31, "POSTER"),
            Document("离退休干部医疗互助金实施细则.docx", 32, 40, "RULES"),
        ),
        absent={
            "e041": ["购买", "出售", "销售", "义卖", "拍卖"],  # buying the works on show
            "e042": ["考试", "考核", "测验"],  # an examination at the end of the course
            "e043": ["停车", "车位"],  # parking at the centre
            "e044": ["直播", "线上", "回放"],  # the talk streamed online
            "e045": ["代领", "子女", "委托"],  # the aid collected by one's children
        },
    ),
    "cold21": QuestionSet(
        prefix="b",
        encoding="utf-8",  # no .txt in this set
        documents=(
            Document("百岁离休干部寿辰祝贺会致辞.pdf", 1, 8, "VERTICAL_SPEECH"),
            Document("局务会议纪要2027年第9次.pdf", 9, 17, "MINUTES"),
            Document("全市老干部工作会议工作报告.pdf", 18, 27, "REPORT"),
            Document("老干部活动中心维修期间暂停开放通知.docx", 28, 34, "PASTED_NOTICE", scan=True),
            Document("党支部书记培训班开班讲话.pdf", 35, 40, "TWO_UP_SPEECH"),
        ),
        absent={
            "b041": ["酒店", "宴", "饭店"],  # where the birthday banquet was held
            "b042": ["节目", "曲目", "演员"],  # the programme of the Double Ninth show
            "b043": ["健身"],  # the gym during the repairs
            "b044": ["培训费", "学费", "收费"],  # who pays for the course
        },
    ),
    "cold22": QuestionSet(
        prefix="a",
        encoding="utf-8",  # no .txt in this set
        documents=(
            # converted to curves, and a text layer in fonts without character maps: nothing to read back
            Document("春节走访慰问离休干部工作通知.pdf", 1, 8, "CURVES_NOTICE", scan=True),
            Document("银发助老志愿服务总结会讲话.pdf", 9, 16, "GARBLED_SPEECH", scan=True),
            Document("老年大学春季学期报名表.pdf", 17, 24, "FORM", form=True),
            Document("调整离休干部护理费标准的通知.docx", 25, 32, "CANVAS_NOTICE"),
            Document(
                "离退休干部健康体检工作通知.pdf", 33, 40, "CHECKUP_NOTICE", embedded="CHECKUP_ATTACHMENT"
            ),
        ),
        absent={
            "a041": ["银行卡", "转账", "账户", "打卡"],  # the allowance paid into a bank card
            "a042": ["学费", "收费"],  # the university's fee
            "a043": ["体检报告", "报告单", "取报告"],  # when the check-up's report comes
        },
    ),
    "cold23": QuestionSet(
        prefix="ra",
        encoding="utf-8",  # no .txt in this set
        documents=(
            Document("银龄低碳绿色生活倡议书.docx", 1, 8, "PROPOSAL", packaged=True),
            Document("2027年度银发书屋建设工作总结.pdf", 9, 16, "SUMMARY"),
            Document(
                "拨付2028年度离退休干部党支部活动经费的通知.docx",
                17,
                24,
                "FUNDS_NOTICE",
                packaged=True,
                embedded="FUNDS_SHEET",
            ),
            Document("启用离退休干部服务一卡通的通知.pdf", 25, 32, "CARD_NOTICE"),
            Document("网上服务平台账号开通申请表.docx", 33, 40, "ACCOUNT_FORM"),
        ),
        absent={
            "ra041": ["卖", "现金", "出售", "换钱"],  # selling things at the swap market
            "ra042": ["超市", "商场", "消费"],  # paying in shops with the card
            "ra043": ["忘记", "找回", "重置"],  # a forgotten password
        },
    ),
    "cold24": QuestionSet(
        prefix="rb",
        encoding="utf-8",  # no .txt in this set
        documents=(
            Document("离退休干部居家防跌倒安全指南.docx", 1, 10, "GUIDE"),
            # printed by wkhtmltopdf: its ToUnicode maps give Kangxi radicals for 「老干部工作网」's characters
            Document("关于招募离退休干部冬泳健身队队员的公告.pdf", 11, 20, "SWIM", radicals=True),
            Document("银发顾问团2027年度工作报告.pdf", 21, 32, "REPORT"),
            # distilled by Ghostscript: CJK fonts with glyph names /cidNNNNN and no ToUnicode, nothing to
            # read back
            Document("开心农园认种管理办法.pdf", 33, 42, "GARDEN", scan=True),
            Document("在隔代教育家长学校开班仪式上的讲话.odt", 43, 52, "SPEECH"),
        ),
        absent={
            "rb053": ["到账", "到位", "发放时间", "工作日"],  # when the renovation subsidy is paid
            "rb054": ["泳衣", "泳帽", "服装", "装备"],  # swimwear handed out
            "rb055": ["下雨", "雨天", "天气"],  # training on rainy days
            "rb056": ["津贴", "报酬", "误工", "工作补助"],  # an allowance for the advisers
            "rb057": ["养鸡", "养鸭", "家禽", "饲养"],  # keeping poultry in the garden
            "rb058": ["出售", "售卖", "摆摊", "销售"],  # selling the vegetables
            "rb059": ["学费", "收费", "缴费"],  # a fee for the parents' school
        },
    ),
    "cold25": QuestionSet(
        prefix="rc",
        encoding="utf-8",  # no .txt in this set
        documents=(
            # printed by headless Chromium: Type 3 fonts whose ToUnicode maps give Kangxi radicals
            Document("关于举办离退休干部冬季防范一氧化碳中毒安全讲座的通知.pdf", 1, 10, "CO", radicals=True),
            # XeLaTeX + ctex: the Fandol fonts have no ToUnicode map (pypdf reads other scripts' letters)
            Document("枫溪县银龄戏曲票友社2027年度工作总结.pdf", 11, 20, "OPERA", poppler=True),
            # fpdf2: pypdf reads a NUL before every character through its ToUnicode maps
            Document("银发观鸟护鸟志愿队招募公告.pdf", 21, 30, "BIRD", poppler=True),
            # tracked changes saved as Word 97–2003: antiword's read-back shows the deleted text too
            Document("第三届离退休干部气排球比赛竞赛规程.doc", 31, 40, "VOLLEY"),
            Document("在枫溪县银龄护林志愿服务队授旗仪式上的讲话.docx", 41, 50, "FOREST"),
            Document("老年人家庭应急小药箱使用手册.epub", 51, 60, "KIT"),
        ),
        absent={
            "rc061": ["维修", "保修", "换新", "损坏", "坏了"],  # a broken alarm replaced
            "rc062": ["会费", "入社费", "社费", "缴费"],  # a membership fee for the opera club
            "rc063": ["老伴", "配偶", "携带"],  # bringing one's spouse bird-watching
            "rc064": ["报名费", "参赛费"],  # an entry fee (only in the draft's tracked deletion)
            "rc065": ["报酬", "工资", "补贴", "误工"],  # pay for the forest volunteers
            "rc066": ["中药", "饮片"],  # herbal medicine in the kit
            "rc067": ["录像", "回放", "视频", "直播"],  # a recording of the lecture
            "rc068": ["归还", "退还", "交回", "收回"],  # returning the binoculars
        },
    ),
    "cold26": QuestionSet(
        prefix="rd",
        encoding="utf-8",  # no .txt in this set
        documents=(
            Document("关于举办桐岚县第二届离退休干部风筝节的通知.pdf", 1, 10, "KITE"),  # WeasyPrint
            Document(
                "桐岚县老干部桥牌协会章程.pdf", 11, 20, "BRIDGE"
            ),  # pdfLaTeX + CJKutf8 (Type 1 subfonts)
            Document("在桐岚县老干部银韵口琴乐团成立大会上的讲话.rtf", 21, 30, "HARMONICA"),  # pandoc
            Document("桐岚县离退休干部异地旅居康养服务工作方案.fodt", 31, 40, "STAY"),  # LibreOffice flat ODT
            # page images put into a PDF by img2pdf: nothing to read back but by OCR
            Document("关于举办离退休干部茶艺培训班的通知.pdf", 41, 50, "TEA", scan=True),
            Document("关于全县离退休干部柔力球展演活动情况的通报.pdf", 51, 60, "BALL"),  # PDF/A-2b, tagged
        ),
        absent={
            "rd061": ["纪念品", "礼品", "赠送"],  # a keepsake for kite-festival goers
            "rd062": ["老伴", "配偶"],  # a spouse joining the bridge training
            "rd063": ["自购", "自备", "自己买", "自行购买"],  # members buying their own harmonicas
            "rd064": ["宠物", "猫", "狗"],  # pets on the stay
            "rd065": ["证书", "结业"],  # a certificate after the tea course
            "rd066": ["奖金", "现金", "奖励金"],  # prize money for the soft-ball teams
            "rd067": ["停车", "车位"],  # parking at the kite festival
            "rd068": ["演出费", "报酬", "劳务"],  # a fee for the harmonica band's shows
        },
    ),
    "cold27": QuestionSet(
        prefix="re",
        encoding="utf-8",  # no .txt in this set
        documents=(
            # scanned and made searchable by ocrmypdf: its text layer is Tesseract's reading, checked by OCR
            Document("关于组织离退休干部参观雁川县规划展览馆的通知.pdf", 1, 10, "PLAN", scan=True),
            # Impress's PDF with notes pages: the deck's slides and notes, read back with pypdf
            Document("雁川县老干部葫芦丝乐队2027年工作汇报.pdf", 11, 20, "HULUSI", office=True),
            Document("雁川县离退休干部养蜂技术读本.epub", 21, 30, "BEE"),  # LibreOffice's EPUB export
            Document("雁川县老干部太极扇展演队管理办法.pdf", 31, 40, "FAN"),  # owner password, no copying
            Document("雁川县老年大学2028年春季旗袍走秀班课程安排表.ods", 41, 50, "QIPAO", office=True),
            # LibreOffice Writer's own .docx, with a footnote and a landscape 附件
            Document(
                "关于开展雁川县志老干部工作篇口述史料征集工作的通知.docx", 51, 60, "HISTORY", footnotes=True
            ),
        ),
        absent={
            "re061": ["午饭", "午餐", "用餐", "就餐"],  # lunch on the exhibition visit
            "re062": ["补贴", "补助", "报酬", "津贴"],  # an allowance for the hulusi players
            "re063": ["发放", "赠送", "补贴", "购买"],  # hives handed out to beekeepers
            "re064": ["误餐", "补助", "伙食", "餐费"],  # a meal allowance for the fan team's shows
            "re065": ["学费", "收费", "缴费", "费用"],  # a fee for the qipao class
            "re066": ["稿费", "稿酬", "报酬", "酬金"],  # payment for oral history
            "re067": ["领取", "发放", "赠阅"],  # where to get the beekeeping handbook
            "re068": ["家属", "孙", "小孩", "儿童", "随行"],  # bringing a grandchild to the exhibition
        },
    ),
    "cold28": QuestionSet(
        prefix="rf",
        encoding="utf-8",  # no .txt in this set
        documents=(
            # pdfunite: a scanned cover (nothing to read back), Writer's body, reportlab's 附件
            Document(
                "关于举办栖梧县离退休干部盆景艺术研习班的通知.pdf", 1, 10, "BONSAI", scanned="BONSAI_COVER"
            ),
            # a sheet printed to PDF by LibreOffice Calc: its cells as displayed, read back with pypdf
            Document("栖梧县老干部空竹队2028年训练及展演安排表.pdf", 11, 20, "DIABOLO", office=True),
            Document(
                "栖梧县离退休干部陶艺体验活动报名汇总表.xlsx", 21, 30, "CLAY", office=True
            ),  # XlsxWriter
            Document("栖梧县离退休干部健步走活动实施方案.pdf", 31, 40, "WALK"),  # Writer → pdftocairo -pdf
            # a phone photo of the printed notice, saved as WebP: nothing to read back but by OCR
            Document("栖梧县老干部古琴雅集活动通知.webp", 41, 50, "GUQIN", scan=True),
            Document("栖梧县老年大学2028年秋季招生简章.pdf", 51, 60, "COLLEGE"),  # LibreOffice Draw
        ),
        absent={
            "rf061": ["证书", "证明"],  # a certificate after the bonsai course
            "rf062": ["配发", "发放", "领取"],  # diabolos handed out to the team
            "rf063": ["材料费", "费用", "自费"],  # a fee for the pottery day
            "rf064": ["服装", "T恤", "衣服", "帽子"],  # a uniform for the walkers
            "rf065": ["借用", "借琴", "租"],  # borrowing a qin at the gathering
            "rf066": ["住宿", "宿舍"],  # lodging at the college
            "rf067": ["午饭", "午餐", "用餐", "就餐"],  # lunch at the bonsai course
            "rf068": ["保险", "意外险"],  # insurance for the walkers
        },
    ),
    "cold29": QuestionSet(
        prefix="rg",
        encoding="utf-8",  # no .txt in this set
        documents=(
            # a phone photo of the printed notice kept as AVIF, a 1-bit BMP scan: read by OCR only
            Document("关于举办漱玉县老干部二胡演奏培训班的通知.avif", 1, 12, "ERHU", scan=True),
            Document("漱玉县老干部烙画体验课报名通知.bmp", 13, 24, "PYRO", scan=True),
            Document(
                "漱玉县离退休干部红色经典电影观影活动实施方案.pdf", 25, 36, "FILM"
            ),  # Writer → gs /ebook
            # Calc's macro-enabled workbook: read back with openpyxl as a .xlsx is
            Document("漱玉县2029年老干部围棋友谊赛对阵及积分表.xlsm", 37, 48, "GO", office=True),
            # Writer's Word template: read back from word/document.xml (python-docx opens no template)
            Document("关于征集庆祝漱玉建县七十周年老干部书画摄影作品的通知.dotx", 49, 60, "ART"),
        ),
        absent={
            "rg061": ["学费", "收费", "费用", "缴费"],  # a fee for the erhu class
            "rg062": ["证书", "结业证"],  # a certificate after the pyrography class
            "rg063": ["接送", "班车", "车辆", "交通"],  # a bus to the film shows
            "rg064": ["午饭", "午餐", "用餐", "就餐", "管饭"],  # lunch at the go tournament
            "rg065": ["稿费", "稿酬", "报酬", "奖金"],  # payment for works sent in
            "rg066": ["年龄", "周岁"],  # an age limit for pyrography
            "rg067": ["汇报", "演出", "音乐会"],  # a concert at the end of the erhu class
            "rg068": ["纪念品", "参赛奖", "鼓励奖"],  # keepsakes for the losing teams
        },
    ),
    "cold30": QuestionSet(
        prefix="rh",
        encoding="utf-8",  # no .txt in this set
        documents=(
            # a colour scan (a JPEG) with the red seal over its issuer and date: read by OCR only
            Document("关于举办澜屿县离退休干部骨质疏松防治健康讲座的通知.jpg", 1, 12, "BONE", scan=True),
            Document(
                "澜屿县2030年离退休干部读书月活动实施方案.pdf", 13, 24, "READING"
            ),  # Writer's hybrid PDF
            # Writer → gs -dNoOutputFonts (转曲): no font, no text, read by OCR only
            Document("澜屿县老年大学手工编织兴趣班招生通知.pdf", 25, 36, "KNIT", scan=True),
            # a 1-bit page in CCITT G4 (a copier's 黑白 scan to PDF), a two-page multi-page TIFF: OCR only
            Document("关于开展澜屿县离退休干部八段锦健身培训的通知.pdf", 37, 48, "BADUAN", scan=True),
            Document("澜屿县银龄讲堂2030年宣讲工作安排.tif", 49, 60, "LECTURE", scan=True),
        ),
        absent={
            "rh061": ["钙片", "钙剂"],  # calcium tablets handed out at the talk
            "rh062": ["奖品", "纪念品"],  # prizes at the reading session
            "rh063": ["证书", "结业证"],  # a certificate after the knitting class
            "rh064": ["年龄", "周岁"],  # an age limit for baduanjin
            "rh065": ["党费"],  # party dues of the lecturers
            "rh066": ["报销"],  # the bone density test paid by medical insurance
            "rh067": ["班车", "车辆", "校车"],  # a bus to the knitting class
            "rh068": ["午饭", "午餐", "用餐", "就餐", "管饭"],  # lunch at baduanjin training
        },
    ),
    "cold31": QuestionSet(
        prefix="tq",
        encoding="utf-8",
        documents=(
            Document(
                "关于举办苕溪县离退休干部八段锦健身培训班的通知.docx", 1, 12, "BADUANJIN", converted="xml"
            ),  # Writer PDF → pdf2docx
            Document(
                "苕溪县第五届离退休干部门球邀请赛实施方案.docx", 13, 24, "GATEBALL", converted="xml"
            ),  # Writer PDF → Writer's PDF import → .docx
            Document(
                "苕溪县老年大学2030年春季手机摄影班招生简章.html", 25, 36, "PHOTO", converted="html"
            ),  # Writer PDF → pdftohtml
            Document(
                "关于开展苕溪县离退休干部银发读书月活动的通知.txt", 37, 48, "READING", converted="text"
            ),  # Writer PDF → pdftotext -layout
            Document(
                "关于举办离退休干部中医药膳养生讲座的通知.txt", 49, 60, "HERBAL", converted="ocr"
            ),  # a scan → Tesseract's .txt
        ),
        absent={
            "tq061": ["午饭", "午餐", "用餐", "就餐", "管饭"],  # lunch at the baduanjin class
            "tq062": ["接送", "班车", "车辆", "交通"],  # a bus to the gateball games
            "tq063": ["借用", "配发"],  # phones lent at the photography class
            "tq064": ["家属", "家人", "陪同"],  # family at the reading talk
            "tq065": ["品尝", "试吃", "赠送"],  # tasting the dishes at the talk
            "tq066": ["裁判"],  # the gateball referee
            "tq067": ["网课", "线上", "直播"],  # lessons online
            "tq068": ["考试", "考核", "测试"],  # an examination after baduanjin
        },
    ),
    "cold32": QuestionSet(
        prefix="ub",
        encoding="utf-8",  # no .txt in this set
        documents=(
            Document("霁川县2031年春节走访慰问通知书（邮件合并）.docx", 1, 12, "MERGED"),  # mail merge
            # Word's legacy form fields (FORMTEXT, FORMCHECKBOX) filled in, saved again by Writer
            Document("霁川县老年大学2030年秋季学员报名表（邵秉文）.docx", 13, 24, "FORM"),
            # page 2 of a Writer PDF split off by pdfseparate: only the attachment's parts are in it
            Document("附件：重阳节登高健身活动日程安排.pdf", 25, 36, "CLIMB_SCHEDULE"),
            # a Writer PDF with FreeText annotations (pypdf): the page text is the plan's
            Document(
                "霁川县委老干部局离退休干部党支部2031年主题党日活动计划（征求意见稿）.pdf",
                37,
                48,
                "PARTY_DAY",
            ),
            # Writer's XHTML export: read back with its tags removed
            Document("霁川县老干部活动中心2031年暑期开放安排.xhtml", 49, 60, "SUMMER", converted="html"),
        ),
        absent={
            "ub061": ["所得税", "个税", "纳税"],  # income tax on the New Year allowance
            "ub062": ["老师", "教师", "授课"],  # the calligraphy class's teacher
            "ub063": ["午饭", "午餐", "用餐", "就餐", "管饭"],  # lunch at the Double Ninth climb
            "ub064": ["保险"],  # accident insurance for the climb
            "ub065": ["请假"],  # whom to ask for leave from the party day
            "ub066": ["游泳"],  # a swimming pool at the centre
            "ub067": ["退费", "退还", "退学"],  # refunding the college fee
            "ub068": ["借书", "外借", "借阅"],  # taking books home from the reading room
        },
    ),
    "cold33": QuestionSet(
        prefix="wd",
        encoding="utf-8",  # no .txt in this set
        documents=(
            # a Writer PDF with a reportlab letterhead laid over it by pypdf (套红)
            Document("关于组织2031年度离退休干部健康体检的通知（套红）.pdf", 1, 12, "CHECKUP"),
            # a scan as a PDF of JPEG 2000 page images: nothing to read back but by OCR
            Document(
                "关于举办汀岚县离退休干部迎新春书画作品展的通知（扫描）.pdf", 13, 24, "CALLIGRAPHY", scan=True
            ),
            # a Writer PDF printed two pages to a sheet by PyMuPDF (Form XObjects)
            Document("汀岚县银龄志愿服务队2031年招募工作方案（一页两版）.pdf", 25, 36, "VOLUNTEERS"),
            # a scan turned into a web page by Tesseract's hOCR: OCR's text, not read back
            Document("关于做好离退休干部冬季用电用气安全的提示.html", 37, 48, "FIRE", converted="ocr"),
            # a scan saved as a JPEG 2000 image
            Document("关于做好2032年度离退休干部报刊订阅工作的通知.jp2", 49, 60, "NEWSPAPERS", scan=True),
        ),
        absent={
            "wd061": ["报告", "结果"],  # when the check-up report comes
            "wd062": ["出售", "销售", "义卖", "拍卖"],  # selling works at the exhibition
            "wd063": ["午饭", "午餐", "管饭", "就餐"],  # lunch for volunteers (误餐补贴 is a yearly sum)
            "wd064": ["赔偿", "泄漏"],  # compensation for a gas leak
            "wd065": ["家属", "配偶", "子女"],  # family examined free too
            "wd066": ["报名费", "参展费"],  # an entry fee for the exhibition
            "wd067": ["发票", "报销"],  # an invoice for newspapers
            "wd068": ["服装", "马甲", "队服"],  # a uniform for volunteers
        },
    ),
    "cold34": QuestionSet(
        prefix="yc",
        encoding="gb18030",  # the full-width notice, typed on a Chinese PC
        documents=(
            # a Taiwan association's letter in traditional script, dated in 民國 years (python-docx)
            Document("臺中市銀髮族休閒協會函（交流參訪）.docx", 1, 12, "TAIWAN"),
            # a Writer PDF: the notice, a cut-off line 「✂」 and the reply slip (回执) with its table
            Document("关于召开璟川县2031年离退休干部工作会议的通知（附回执）.pdf", 13, 24, "MEETING"),
            # typed in full-width mode (２０３１, ＱＱ), half-width 「,」「.」 among Chinese, GB18030
            Document("璟川县老年大学2031年秋季学期招生简章.txt", 25, 36, "FULLWIDTH"),
            # a workbook of three sheets saved as one web page by LibreOffice Calc: read back, tags removed
            Document("璟川县2031年走访慰问和困难帮扶台账.html", 37, 48, "VISITS", office=True),
            # a scan saved as a GIF: nothing to read back but by OCR
            Document("关于做好离退休干部夏季防暑降温工作的通知.gif", 49, 60, "HEAT", scan=True),
        ),
        absent={
            "yc061": ["签证", "簽證"],  # a visa for the Taiwan group
            "yc062": ["路费", "交通费", "报销"],  # travel costs of the meeting
            "yc063": ["游泳"],  # a swimming class
            "yc064": ["停车"],  # a parking permit at the college
            "yc065": ["所得税", "个税"],  # income tax on the allowance
            "yc066": ["低保"],  # minimum living allowance
            "yc067": ["宠物"],  # pets in the cooling room
            "yc068": ["子女", "家属"],  # children drawing the allowance
        },
    ),
    "cold35": QuestionSet(
        prefix="fz",
        encoding="utf-8",  # no .txt in this set
        documents=(
            # python-docx: 题注 captions numbered by SEQ fields, the body pointing at them with REF fields
            Document("关于举办2032年“银龄讲堂”系列讲座的通知.docx", 1, 12, "LECTURES_PARTS"),
            # a Writer PDF: a 工作简报 in two section columns with a text-box sidebar
            Document("枫渚县老干部工作简报（2032年第3期）.pdf", 13, 24, "BRIEF_PARTS"),
            # a Writer PDF: a table whose merged first-column cells are typed vertically
            Document("枫渚县2032年离退休干部文体活动安排.pdf", 25, 36, "PLAN_PARTS"),
            # a scan made searchable by Tesseract itself: what OCR makes of it is measured
            Document("关于组织离退休干部观看文艺汇演的通知（可搜索扫描件）.pdf", 37, 48, "SHOW", scan=True),
            # an e-mail whose body is HTML only, with inline pictures: read back, tags removed
            Document(
                "关于做好2032年中秋国庆期间走访慰问老干部工作的通知.eml",
                49,
                60,
                "MAIL_PARTS",
                converted="mail",
            ),
        ),
        absent={
            "fz061": ["收费", "交费", "门票"],  # a fee for the lectures
            "fz062": ["订阅"],  # subscribing to the bulletin
            "fz063": ["奖品", "奖金", "奖励"],  # prizes of the gateball match
            "fz064": ["家属", "陪同", "子女"],  # bringing family to the show
            "fz065": ["所得税", "个税"],  # income tax on the allowance
            "fz066": ["补贴", "补助"],  # an allowance for the river patrol
            "fz067": ["回放", "录像"],  # recordings of the lectures
            "fz068": ["午餐", "用餐", "就餐", "管饭"],  # lunch on the visit
        },
    ),
    "cold36": QuestionSet(
        prefix="xn",
        encoding="utf-8",  # no .txt in this set
        documents=(
            # reportlab: headings in the body's type, marked only by the PDF's outline (bookmarks)
            Document("岫宁县银发人才库建设实施方案.pdf", 1, 12, "TALENT_PARTS"),
            # openpyxl: two sheets, cells carrying comments (批注): read back with the comments' text
            Document("岫宁县2033年一季度老年助餐补贴发放明细.xlsx", 13, 24, "MEALS_PARTS", converted="sheet"),
            # a meeting invitation: text/plain and a text/calendar event; read back, the event unfolded
            Document("关于召开候鸟式养老服务座谈会的邀请.eml", 25, 36, "INVITE_PARTS", converted="mail"),
            # python-pptx with native charts: read back with the charts' categories and series names
            Document("岫宁县适老化改造工作推进情况汇报.pptx", 37, 48, "DECK_PARTS", converted="deck"),
            # a notice photographed upside down: nothing to read back but by OCR
            Document("关于防范以养老服务为名实施诈骗的提醒（照片）.jpg", 49, 60, "FRAUD", scan=True),
        ),
        absent={
            "xn061": ["工资", "报酬", "薪酬"],  # pay for the talents
            "xn062": ["打包", "外带"],  # taking meals away
            "xn063": ["午饭", "午餐", "管饭", "工作餐", "用餐"],  # lunch at the meeting
            "xn064": ["路费", "报销", "差旅"],  # travel costs to the meeting
            "xn065": ["保修", "质保"],  # a warranty on the works
            "xn066": ["追回", "退赔", "返还", "挽回"],  # getting the money back
            "xn067": ["奖金", "奖励", "奖品"],  # prize money for 银发先锋
            "xn068": ["现金", "提现"],  # the allowance in cash
        },
    ),
    "cold37": QuestionSet(
        prefix="lj",
        encoding="utf-8",  # no .txt in this set
        documents=(
            # python-docx with Word equations (OMML): read back with every m:t as well as every w:t
            Document("溧岚县离休干部遗属生活困难补助办法.docx", 1, 12, "AID_PARTS", converted="math"),
            # xlsxwriter: a table and a text box drawn on the sheet, read back with the drawing's text
            Document(
                "溧岚县2034年离退休干部意外伤害保险投保汇总表.xlsx",
                13,
                24,
                "INSURE_PARTS",
                converted="drawing",
            ),
            # a mail forwarding another as an attachment (message/rfc822): both bodies read back
            Document(
                "转发：溧岚县银龄志愿服务积分兑换有关事项.eml", 25, 36, "POINTS_PARTS", converted="mail"
            ),
            # a phone photo saved as HEIC: nothing to read back but by OCR
            Document(
                "关于做好2034年重阳节走访慰问老干部工作的通知（手机照片）.heic", 37, 48, "VISIT", scan=True
            ),
            # reportlab: the masthead and headings condensed (Tz), the title letter-spaced (Tc)
            Document("关于启用老干部活动中心场馆预约系统的通知.pdf", 49, 60, "BOOK_PARTS"),
        ),
        absent={
            "lj061": ["本人到场", "亲自", "代领"],  # collecting the allowance in person
            "lj062": ["家属", "亲属"],  # insuring the family too
            "lj063": ["现金", "提现"],  # points for cash
            "lj064": ["慰问品", "礼品", "物品"],  # what to take on the visit
            "lj065": ["收费", "场地费", "使用费"],  # a charge for booking
            "lj066": ["停车", "车位"],  # parking at the centre
            "lj067": ["护理", "住院"],  # a nursing allowance in hospital
            "lj068": ["目的地", "景区", "去哪"],  # where the 疗休养 goes
        },
    ),
    "cold38": QuestionSet(
        prefix="wg",
        encoding="utf-8",  # no .txt in this set
        documents=(
            # python-pptx → LibreOffice Impress (.odp): read back from content.xml's paragraphs
            Document("蔚桥县老干部航模兴趣小组2034年工作汇报.odp", 1, 12, "DECK_PARTS", converted="odp"),
            # PyMuPDF with a hidden optional-content layer: read back with pypdf (which shows the layer too)
            Document("关于组织离退休干部参加天文观星科普活动的通知.pdf", 13, 24, "STAR_PARTS"),
            # python-docx with a Word chart: read back with every w:t and the chart's cached figures
            Document(
                "蔚桥县2034年离退休干部竹编非遗传习工作总结.docx", 25, 36, "WEAVE_PARTS", converted="chart"
            ),
            # Thunderbird's format=flowed; delsp=yes: the body decoded (the soft breaks' spaces squashed)
            Document(
                "关于为高龄离退休干部家庭免费安装燃气报警器的通知.eml", 37, 48, "GAS_PARTS", converted="mail"
            ),
            # python-docx with 调整宽度 labels and a footnote with a custom mark: read back with its notes
            Document(
                "关于开展离退休干部免费洗牙和义齿修复服务的通知.docx", 49, 60, "TOOTH_PARTS", footnotes=True
            ),
        ),
        absent={
            "wg061": ["会费", "年费"],  # a yearly fee for the model-aircraft group
            "wg062": ["报名费", "交钱"],  # a fee for the star-gazing evening
            "wg063": ["证书", "结业证"],  # a certificate for the bamboo class
            "wg064": ["午饭", "午餐", "用餐"],  # lunch at the bamboo class
            "wg065": ["燃气灶", "灶具"],  # checking the cooker too
            "wg066": ["开窗", "通风", "报警器响"],  # what to do when the alarm sounds
            "wg067": ["医保"],  # paying with the medical-insurance card
            "wg068": ["种植"],  # dental implants
        },
    ),
    "cold39": QuestionSet(
        prefix="wh",
        encoding="utf-8",  # no .txt in this set
        documents=(
            # python-docx with words struck through (font.strike): its text is the words in force, read
            # back with python-docx's runs, the struck ones left out
            Document(
                "关于调整全县离退休干部踢毽子比赛时间和地点的通知.docx",
                1,
                12,
                "KICK_PARTS",
                converted="struck",
            ),
            # python-docx on a document grid, 分散对齐 → LibreOffice Writer PDF: read back with pypdf
            Document("关于举办2035年离退休干部元宵灯谜竞猜活动的通知.pdf", 13, 24, "RIDDLE_PARTS"),
            # a Thunderbird local folder (mboxrd): each mail's subject and body, read back with `mailbox`
            Document("老干部局来信.mbox", 25, 36, "INBOX_PARTS", converted="mbox"),
            # openpyxl, the title, maker and date only in the printed header and footer: read back with
            # every cell and each sheet's oddHeader/oddFooter parts (a part with a page field left out)
            Document("扎染体验班报名汇总.xlsx", 37, 48, "DYE_PARTS", converted="margins"),
            # python-docx with the 红头 in the first page's own header: read back with that header's paragraphs
            Document(
                "关于开展离退休干部听评书讲家风系列活动的通知.docx", 49, 60, "STORY_PARTS", converted="header"
            ),
        ),
        absent={
            "wh061": ["午餐", "午饭", "用餐"],  # lunch at the match: only the struck words said 午餐
            "wh062": ["报名费", "收费"],  # an entry fee for the riddles
            "wh063": ["补贴", "津贴"],  # an allowance for the drummers
            "wh064": ["染发"],  # dyeing hair at the haircut
            "wh065": ["材料费", "收费"],  # a material fee for the tie-dye class
            "wh066": ["出书", "汇编", "出版"],  # a book of the family stories
            "wh067": ["裁判"],  # the match's referees
            "wh068": ["拍照", "摄影"],  # photos at the genealogy show
        },
    ),
    "cold40": QuestionSet(
        prefix="tx",
        encoding="gbk",
        documents=(
            # python-docx: the bureau's 收文处理笺 (a ruled table), a page break, the letter as received
            Document("收文处理笺（县文化馆皮影戏专场演出邀请函）.docx", 1, 12, "SLIP_ROWS"),
            # python-docx with the 附件 table pasted in as a picture (Calc's PNG): its phrases are the
            # table's source rows, not read back
            Document(
                "关于举办离退休干部面塑糖画体验活动的通知.docx",
                13,
                24,
                "DOUGH_BODY",
                pictured="DOUGH_PICTURE",
            ),
            # an .odt with a Fontwork title, exported by Writer: read back with pypdf; the title is drawn as
            # outlines, in no text layer
            Document("文明养犬倡议书.pdf", 25, 36, "DOG_PARTS", scanned="DOG_FONTWORK"),
            # tabulate's simple_grid in GBK with CRLF: the file's bytes must be the lines make_corpus.py draws
            Document("离退休干部免费验光配镜服务安排.txt", 37, 48, "eyes_lines"),
            # openpyxl with Excel's Chinese number formats: its text is the sheet as LibreOffice Calc shows it
            # (its formatted CSV export), the numbers and dates in the numerals they print in
            Document("老干部舞龙队端午演出补贴发放表.xlsx", 49, 60, "DRAGON_ROWS", converted="calc"),
        ),
        absent={
            "tx061": ["合影", "拍照", "留念"],  # a photo with the puppeteers
            "tx062": ["午餐", "午饭", "用餐", "管饭"],  # lunch at the dough class
            "tx063": ["登记费", "收费"],  # a dog-licence fee
            "tx064": ["眼压"],  # an eye-pressure test
            "tx065": ["服装"],  # a costume allowance
            "tx066": ["纪念品", "礼品"],  # a souvenir at the show
            "tx067": ["咬伤", "赔偿"],  # compensation for a dog bite
        },
    ),
    "cold42": QuestionSet(
        prefix="jw",
        encoding="utf-8",  # no .txt in this set
        halves=True,
        documents=(
            # python-docx with the procedure in a group of drawing shapes (wpg: four text boxes, arrows)
            Document("关于组织2037年度离退休干部健康体检的通知.docx", 1, 12, "CHECK_PARTS"),
            # python-docx typed WPS-style: one paragraph of manual line breaks, a hidden drafter's note
            Document("春节走访慰问通知（定稿）.docx", 13, 24, "VISIT_PARTS"),
            # a scan (JPEG) with a red 「已阅」 stamp and a blue handwritten 批示 across the body: OCR only
            Document("书法班招生通知（局长批示扫描件）.jpg", 25, 36, "CLASS_PARTS", scan=True),
            # python-docx: the body in a two-column section between continuous section breaks
            Document("关于开展重阳节敬老活动的通知.docx", 37, 48, "DOUBLE_NINTH_PARTS"),
            # reportlab: letterhead and footer one Form XObject drawn on both pages
            Document("筠老干〔2037〕7号 门诊医疗费补助.pdf", 49, 60, "SUBSIDY_PARTS"),
        ),
        absent={
            "jw061": ["治疗费", "复查"],  # who pays for treating what the check finds
            "jw062": ["家属", "配偶"],  # relatives checked along
            "jw063": ["购物卡", "超市卡"],  # a shopping card among the gifts
            "jw064": ["结业", "证书"],  # a certificate at the end of the class
            "jw065": ["网上", "线上", "微信"],  # signing up online
            "jw066": ["纪念品", "奖品", "礼品"],  # a souvenir for the walk
            "jw067": ["家属", "配偶", "子女"],  # relatives using the subsidy
        },
    ),
    "cold15": QuestionSet(
        prefix="y",
        encoding="utf-8",  # no .txt in this set
        documents=(
            Document("上门助浴理发服务通知.docx", 1, 15, "BATH_NOTICE"),
            Document("老物件捐赠登记表.pdf", 16, 30, "DONATION_FORM", form=True),
            Document("白内障免费筛查通知.pdf", 31, 45, "CATARACT_NOTICE", scan=True),
            Document("史料陈列室开馆仪式录音转写.docx", 46, 60, "OPENING_TURNS"),
            Document("机关大院出入证换发通知.docx", 61, 75, "PASS_NOTICE", chunk=True),
        ),
        absent={
            "y076": ["女护理员", "女性", "同性", "指定"],  # asking for a woman to bathe one
            "y077": ["染发", "烫发"],  # dyeing the hair
            "y078": ["奖励", "补贴", "奖金", "报酬"],  # a reward for donating
            "y079": ["拍照", "摄影", "拍摄"],  # taking photos in the history room
            "y080": ["住院", "出院"],  # days in hospital after the operation
            "y081": ["空腹", "早餐", "早饭", "吃饭"],  # fasting before the screening
            "y082": ["讲解员", "讲解", "导览"],  # a guide in the history room
            "y083": ["有效期", "年审", "有效"],  # how long the new pass is valid
            "y084": ["停车费"],  # a parking fee
            "y085": ["拍照", "现场采集", "采集照片"],  # a photo taken at the window
        },
    ),
}


SETS["cold18"] = QuestionSet(
    prefix="i",
    encoding="utf-8",  # no .txt in this set
    documents=(
        Document("防范电信网络诈骗宣讲活动通知.ofd", 1, 10, "FRAUD_NOTICE"),
        Document("口腔健康免费义诊活动通知.ofd", 11, 21, "DENTAL_NOTICE"),
        Document("离退休干部象棋围棋友谊赛通知.ofd", 22, 29, "CHESS_NOTICE", scan=True),
        Document("剪纸非遗传承班招生通知.ofd", 30, 38, "PAPERCUT_NOTICE"),
    ),
    absent={
        "i039": ["纪念品", "礼品", "礼物", "奖品"],  # a gift at the anti-fraud talk
        "i040": ["镶牙", "种植", "种牙", "补牙"],  # free dentures or implants
        "i041": ["报名费", "参赛费"],  # an entry fee for the chess match
        "i042": ["网上", "线上报名", "微信", "电话报名"],  # applying for the class online
        "i043": ["周末", "周六", "周日", "星期六", "星期日"],  # the dental check at weekends
    },
)


SETS["cold16"] = QuestionSet(
    prefix="g",
    encoding="utf-8",  # no .txt in this set
    documents=(
        Document("银发护河志愿服务实施方案.docx", 1, 15, "RIVER_PLAN", diagram=True),
        Document("春节团拜会通知.docx", 16, 30, "GATHERING_NOTICE", bound=True),
        Document("集邮展览开幕式讲话.doc", 31, 45, "STAMP_SPEECH"),
        Document("防范养老理财陷阱提醒.rtf", 46, 60, "FRAUD_NOTICE"),
        Document("离退休干部移居外地服务管理办法.docx", 61, 75, "MOVING_RULES"),
    ),
    absent={
        "g076": ["孙子", "孩子", "儿童", "未成年"],  # bringing a grandchild on patrol
        "g077": ["奖金", "奖品", "奖励", "证书"],  # prize money for the title
        "g078": ["抽奖", "奖品", "纪念品"],  # a lottery at the gathering
        "g079": ["清真", "素食", "忌口"],  # halal food at the lunch
        "g080": ["门票", "票价", "免费参观", "收费"],  # tickets to the exhibition
        "g081": ["拍卖", "转让", "交易"],  # selling the collections on site
        "g082": ["追回", "退赔", "挽回", "返还"],  # getting the money back
        "g083": ["奖励", "奖金", "悬赏"],  # a reward for reporting
        "g084": ["境外", "国外", "出国", "港澳"],  # moving abroad
        "g085": ["慰问金", "慰問金", "慰问品"],  # a yearly allowance
    },
)


def _maker(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"make_corpus_{folder.name}", folder / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _parts_text(parts: list[tuple[str, object]]) -> str:
    out = []
    for kind, text in parts:
        if kind in ("table", "floating", "merged"):  # a merged cell (None) prints once, in the cell above
            out.extend("\t".join(cell for cell in row if cell is not None) for row in text)  # type: ignore[attr-defined]
        else:
            out.extend(part_strings(kind, text))
    return "\n".join(out)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _accepted(paragraph) -> str:  # type: ignore[no-untyped-def]
    """A paragraph's text as it prints with its tracked changes accepted: every ``w:t``, inserted runs'
    included; a deleted run's text is ``w:delText`` and is left out."""
    return "".join(t.text or "" for t in paragraph._p.iter(f"{W}t"))


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    # tracked changes, a content control or a simple field: python-docx's paragraph text leaves out
    # inserted runs, controls and fields' results, so read every w:t as the page prints it
    revised = any(True for _ in doc.element.body.iter(f"{W}ins", f"{W}del", f"{W}sdt", f"{W}fldSimple"))
    lines = [_accepted(p) if revised else p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines.extend(
            "\t".join(
                "".join(t.text or "" for t in cell._tc.iter(f"{W}t")) if revised else cell.text
                for cell in row.cells
            )
            for row in table.rows
        )
    for box in doc.element.body.iter(f"{W}txbxContent"):
        lines.extend("".join(box_paragraph.itertext()) for box_paragraph in box)
    return "\n".join(lines)


def _footnotes_text(path: Path) -> str:
    """The text of a .docx's footnotes, a paragraph a line (``word/footnotes.xml``)."""
    from lxml import etree

    with zipfile.ZipFile(path) as package:
        if "word/footnotes.xml" not in package.namelist():
            return ""
        notes = etree.fromstring(package.read("word/footnotes.xml"))
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in notes.iter(f"{W}p"))


def _packaged_text(path: Path) -> str:
    """A .docx's text as python-docx reads it, every legacy WordArt's words (``v:textpath string``) and
    every embedded workbook's cells, row by row (openpyxl)."""
    import io
    import zipfile

    from lxml import etree
    from openpyxl import load_workbook

    lines = [_docx_text(path)]
    with zipfile.ZipFile(path) as package:
        document = etree.fromstring(package.read("word/document.xml"))
        vml = "{urn:schemas-microsoft-com:vml}"
        lines.extend(t.get("string", "") for t in document.iter(f"{vml}textpath"))
        for name in package.namelist():
            if name.startswith("word/embeddings/") and name.endswith(".xlsx"):
                book = load_workbook(io.BytesIO(package.read(name)), data_only=True)
                for sheet in book.worksheets:
                    for row in sheet.iter_rows(values_only=True):
                        lines.append("\t".join("" if cell is None else str(cell) for cell in row))
    return "\n".join(lines)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _embedded_text(path: Path) -> str:
    """A PDF's page text (pypdf) and the text of each Word file embedded in it (python-docx)."""
    import io

    from docx import Document as WordDocument
    from pypdf import PdfReader

    out = [_pdf_text(path)]
    for name, contents in PdfReader(str(path)).attachments.items():
        if name.endswith(".docx"):
            for data in contents:
                doc = WordDocument(io.BytesIO(data))
                out.extend(p.text for p in doc.paragraphs)
                out.extend("\t".join(c.text for c in row.cells) for t in doc.tables for row in t.rows)
    return "\n".join(out)


def _chunk_text(path: Path) -> str:
    """The text of the HTML pages a .docx imports by ``w:altChunk``, tags removed."""
    import html

    with zipfile.ZipFile(path) as package:
        pages = [package.read(n).decode("utf-8") for n in package.namelist() if n.endswith((".htm", ".html"))]
    return "\n".join(html.unescape(re.sub(r"<[^>]+>", "\n", page)) for page in pages)


def _form_text(path: Path) -> str:
    """A filled PDF form's page text and its fields' values (``/V``), as a viewer shows them."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    values = [str(field.get("/V", "")) for field in (reader.get_fields() or {}).values()]
    return _pdf_text(path) + "\n" + "\n".join(values)


def _diagram_text(path: Path) -> str:
    """A .docx's paragraphs (python-docx) and the text of its SmartArt data models (every ``a:t``)."""
    with zipfile.ZipFile(path) as package:
        models = [
            package.read(n).decode("utf-8") for n in package.namelist() if n.startswith("word/diagrams/data")
        ]
    return (
        _docx_text(path) + "\n" + "\n".join("\n".join(re.findall(r"<a:t>([^<]*)</a:t>", m)) for m in models)
    )


def _bound_text(path: Path) -> str:
    """A .docx's paragraphs (python-docx) and the values of its custom XML parts, one a line."""
    with zipfile.ZipFile(path) as package:
        items = [
            package.read(n).decode("utf-8")
            for n in package.namelist()
            if re.fullmatch(r"customXml/item\d+\.xml", n)
        ]
    return _docx_text(path) + "\n" + "\n".join("\n".join(re.findall(r">([^<]+)</", item)) for item in items)


def _xml2003_text(path: Path) -> str:
    """A Word 2003 XML document's text: its ``w:t`` elements, a paragraph a line."""
    raw = path.read_text(encoding="utf-8")
    return "\n".join("".join(re.findall(r"<w:t>([^<]*)</w:t>", p)) for p in re.split(r"</w:p>", raw))


def _wordpad_rtf_text(path: Path) -> str:
    """The characters of an RTF file as WordPad writes them: runs of ``\\'hh`` bytes decoded as GBK
    (code page 936), ``\\uN?`` as its character, ``\\pntext`` bullets and control words dropped."""
    raw = path.read_bytes().rstrip(b"\x00").decode("ascii")
    raw = re.sub(r"\{\\pntext[^}]*\}|\{\\\*\\pn[^}]*\{[^}]*\}\}", "", raw)
    raw = re.sub(
        r"(?:\\'[0-9a-f]{2})+", lambda m: bytes.fromhex(m.group(0).replace("\\'", "")).decode("gbk"), raw
    )
    raw = re.sub(r"\\u(-?\d+)\?", lambda m: chr(int(m.group(1)) % 65536), raw)
    raw = re.sub(r"\\[a-z]+-?\d* ?", "", raw)
    return re.sub(r"[{}]", "", raw)


def _mail_text(path: Path) -> str:
    """An .eml's text/plain body, decoded (an HTML body's text, tags removed), and the text of each Word
    file attached."""
    import email
    import email.policy
    import io

    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    out = []
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            out.append(part.get_content())
        elif part.get_content_type() == "text/html":
            out.append(_mht_page_text(part.get_content()))
        elif part.get_content_type() == "text/calendar":  # an invitation's event: lines unfolded, unescaped
            event = re.sub(r"\r?\n[ \t]", "", part.get_content())
            out.append(re.sub(r"\\([\\;,])", r"\1", event.replace("\\n", "\n")))
        elif part.get_content_type().endswith("wordprocessingml.document"):
            from docx import Document as WordDocument

            doc = WordDocument(io.BytesIO(part.get_payload(decode=True)))
            out.extend(p.text for p in doc.paragraphs)
            out.extend("\t".join(c.text for c in row.cells) for t in doc.tables for row in t.rows)
    return "\n".join(out)


def _unstruck_docx_text(path: Path) -> str:
    """Every paragraph of a .docx as python-docx reads its runs, a run struck through (``font.strike``,
    ``font.double_strike``) left out: the words in force."""
    from docx import Document as WordDocument

    return "\n".join(
        "".join(run.text for run in paragraph.runs if not (run.font.strike or run.font.double_strike))
        for paragraph in WordDocument(str(path)).paragraphs
    )


def _mbox_text(path: Path) -> str:
    """Each mail of an mbox folder, read by Python's ``mailbox`` module: its subject and its text body."""
    import email.policy
    import mailbox

    out = []
    box = mailbox.mbox(str(path), factory=None, create=False)
    try:
        for key in box.iterkeys():
            raw = box.get_bytes(key)
            message = email.message_from_bytes(raw, policy=email.policy.default)
            out.append(str(message["Subject"]))
            body = message.get_body(preferencelist=("plain",))
            if body is not None:
                out.append(body.get_content())
    finally:
        box.close()
    return "\n".join(out)


def _margins_sheet_text(path: Path) -> str:
    """Every cell of every sheet as openpyxl reads it, and the left, centre and right parts of each sheet's
    printed header and footer (``oddHeader``, ``oddFooter``; a part holding a page field, ``&P`` or ``&N``,
    prints the printing's words: left out)."""
    from openpyxl import load_workbook

    out = []
    for sheet in load_workbook(path).worksheets:
        for margin in (sheet.oddHeader, sheet.oddFooter):
            for part in (margin.left, margin.center, margin.right):
                if part.text and "&P" not in part.text and "&N" not in part.text:
                    out.append(part.text)
        for row in sheet.iter_rows():
            out.extend(str(cell.value) for cell in row if cell.value is not None)
    return "\n".join(out)


def _calc_shown_text(path: Path) -> str:
    """A workbook's cells as LibreOffice Calc displays them — its number formats applied (Excel's
    「[DBNum2][$-804]General"元整"」 prints 「贰佰陆拾元整」) — from Calc's CSV export of the cells as shown."""
    import csv
    import io
    import tempfile

    from tests.fixtures.corpus_writers import soffice_convert

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "shown.csv"
        soffice_convert(
            path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", out, suffix="csv"
        )
        rows = csv.reader(io.StringIO(out.read_text(encoding="utf-8")))
        return "\n".join(cell for row in rows for cell in row if cell.strip())


def _first_header_docx_text(path: Path) -> str:
    """The paragraphs of a .docx's first-page header (「首页不同」), then its body's, as python-docx reads them."""
    from docx import Document as WordDocument

    doc = WordDocument(str(path))
    header = doc.sections[0].first_page_header if doc.sections[0].different_first_page_header_footer else None
    lines = [p.text for p in header.paragraphs] if header is not None else []
    return "\n".join([*lines, _docx_text(path)])


def _commented_sheet_text(path: Path) -> str:
    """Every cell of every sheet of a workbook as openpyxl reads it, and each cell's comment (批注)."""
    from openpyxl import load_workbook

    out = []
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            out.extend(str(cell.value) for cell in row if cell.value is not None)
            out.extend(cell.comment.text for cell in row if cell.comment is not None)
    return "\n".join(out)


def _chart_deck_text(path: Path) -> str:
    """Every text of a deck as python-pptx reads it — shapes, notes — and each chart's categories and
    series names."""
    from pptx import Presentation

    out = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
            if getattr(shape, "has_chart", False):
                plot = shape.chart.plots[0]
                out.extend(str(category) for category in plot.categories)
                out.extend(series.name for series in plot.series)
        if slide.has_notes_slide:
            out.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(out)


def _math_text(path: Path) -> str:
    """Every ``w:t`` and ``m:t`` (an equation's text, Office Math) of a .docx's word/document.xml in order,
    with an equation's delimiter as the brackets Word draws by default and a fraction as 「分子/(分母)」."""
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    xml = re.sub(r"<m:d>(.*?)</m:d>", r"(\1)", xml)
    xml = re.sub(r"<m:den>(.*?)</m:den>", r"/(\1)", xml)
    return "".join(re.findall(r"<[wm]:t(?: [^>]*)?>([^<]*)</[wm]:t>", xml))


def _drawing_sheet_text(path: Path) -> str:
    """Every cell of a workbook as openpyxl reads it, and the text (``a:t``) of the shapes on its sheets."""
    from openpyxl import load_workbook

    out = [
        str(cell.value)
        for sheet in load_workbook(path).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.startswith("xl/drawings/drawing"):
                out.extend(re.findall(r"<a:t>([^<]*)</a:t>", package.read(name).decode("utf-8")))
    return "\n".join(out)


def _odp_text(path: Path) -> str:
    """Every paragraph (``text:p``) of an ODF presentation's content.xml — slides, tables and notes — its
    spans joined, tags removed."""
    with zipfile.ZipFile(path) as package:
        xml = package.read("content.xml").decode("utf-8")
    return "\n".join(re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<text:p[^>]*>(.*?)</text:p>", xml))


def _chart_docx_text(path: Path) -> str:
    """Every ``w:t`` of a .docx, then each chart's title and a row a category (「类别：…；系列：值」) from the
    chart part's cached figures."""
    out = [_docx_text(path)]
    with zipfile.ZipFile(path) as package:
        for name in sorted(n for n in package.namelist() if n.startswith("word/charts/chart")):
            xml = package.read(name).decode("utf-8")
            out.extend(re.findall(r"<a:t>([^<]*)</a:t>", xml))
            caches = re.findall(r"<c:(?:str|num)Cache>(.*?)</c:(?:str|num)Cache>", xml)
            series, categories, values = caches[0], caches[1], caches[2]
            name_ = re.findall(r"<c:v>([^<]*)</c:v>", series)[0]
            for category, value in zip(
                re.findall(r"<c:v>([^<]*)</c:v>", categories),
                re.findall(r"<c:v>([^<]*)</c:v>", values),
                strict=True,
            ):
                out.append(f"类别：{category}；{name_}：{value}")
    return "\n".join(out)


def _mht_text(path: Path) -> str:
    """The HTML part of a single-file web page, decoded, tags removed."""
    import email
    import email.policy

    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    page = next(p for p in message.walk() if p.get_content_type() == "text/html").get_content()
    return _mht_page_text(page)


def _mht_page_text(page: str) -> str:
    """An HTML page's text: its tags removed, its entities decoded."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


def _template_text(path: Path) -> str:
    """A Word template's body text: every ``w:t`` of ``word/document.xml``, a paragraph a line."""
    import zipfile

    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
    return "\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paragraphs)


def _office_text(path: Path) -> str:
    """A workbook's visible cells as displayed (openpyxl for .xlsx, xlrd for .xls; hidden sheets and rows
    left out) or a deck's slide and notes text (python-pptx), one a line."""
    from tests.fixtures.office_writers import shown

    out: list[str] = []
    if path.suffix == ".ods":  # LibreOffice Calc's own: every paragraph of content.xml, tags removed
        return _odt_text(path)
    if path.suffix in (".xlsx", ".xlsm"):  # .xlsm: the same package, macro-enabled (cold29: Calc's)
        import openpyxl

        book = openpyxl.load_workbook(path, data_only=True)
        for ws in book.worksheets:
            if ws.sheet_state != "visible":
                continue
            for row in ws.iter_rows():
                if row and ws.row_dimensions[row[0].row].hidden:
                    continue
                out.extend(shown(c.value, c.number_format) for c in row if c.value is not None)
    elif path.suffix == ".xls":
        import datetime as dt

        import xlrd

        book = xlrd.open_workbook(str(path), formatting_info=True)
        for sheet in book.sheets():
            if sheet.visibility:
                continue
            for r in range(sheet.nrows):
                for c in range(sheet.ncols):
                    cell = sheet.cell(r, c)
                    form = book.format_map[book.xf_list[cell.xf_index].format_key].format_str
                    value = cell.value
                    if cell.ctype == xlrd.XL_CELL_DATE:
                        value = dt.datetime(*xlrd.xldate_as_tuple(value, book.datemode))
                    out.append(shown(value, form))
    else:
        from pptx import Presentation

        for slide in Presentation(str(path)).slides:
            out.extend("".join(t.itertext()) for t in slide.shapes._spTree.iter() if t.tag.endswith("}t"))
            if slide.has_notes_slide:
                out.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(out)


def _doc_text(path: Path) -> str:
    return subprocess.run(["antiword", str(path)], check=True, capture_output=True, text=True).stdout


def _odt_text(path: Path) -> str:
    with zipfile.ZipFile(path) as odt:
        xml = odt.read("content.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", " ", xml)


def _fodt_text(path: Path) -> str:
    """A flat ODF text (.fodt, one XML file): its body's text, tags dropped (the styles before it hold none)."""
    xml = path.read_text(encoding="utf-8")
    return re.sub(r"<[^>]+>", " ", xml[xml.find("<office:body") :])


def _rtf_text(path: Path) -> str:
    """The characters of an RTF file as LibreOffice writes them (``\\uN`` escapes, each followed by a
    one-byte fallback), control words and braces dropped: a crude read, but every paragraph, table cell
    and endnote is in it."""
    raw = path.read_bytes().decode("latin-1")
    text = re.sub(r"\\u(-?\d+) ?(?:\\'[0-9a-f]{2}|\?)?", lambda m: chr(int(m.group(1)) % 65536), raw)
    text = re.sub(r"\\'[0-9a-f]{2}", "", text)
    text = re.sub(r"\\[a-z]+-?\d* ?", "", text)
    return re.sub(r"[{}]", "", text)


# How each printed format is read back, and the name of that reader in a problem line.
def _ofd_text(path: Path) -> str:
    """Every ``TextCode``'s characters of an OFD, in the order its pages and their content list them."""
    with zipfile.ZipFile(path) as package:
        pages = sorted(
            (name for name in package.namelist() if name.endswith("/Content.xml")),
            key=lambda name: [int(d) if d.isdigit() else d for d in re.split(r"(\d+)", name)],
        )
        return "\n".join(
            "".join(
                code.group(1)
                for code in re.finditer(r"<[^>]*TextCode[^>]*>([^<]*)<", package.read(n).decode())
            )
            for n in pages
        )


def _uot_text(path: Path) -> str:
    """A UOF text document's characters: every 「字:文本串」 element's text, in the file's order."""
    from lxml import etree

    strings = etree.parse(str(path)).iter("{http://schemas.uof.org/cn/2003/uof-wordproc}文本串")
    return "\n".join(element.text or "" for element in strings)


def _poppler_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def _epub_text(path: Path) -> str:
    """An EPUB's text: every XHTML part of its package but the navigation document, tags removed."""
    with zipfile.ZipFile(path) as book:
        parts = sorted(n for n in book.namelist() if n.endswith(".xhtml") and not n.endswith("nav.xhtml"))
        return "\n".join(re.sub(r"<[^>]+>", "\n", book.read(n).decode("utf-8")) for n in parts)


PRINTED = {
    ".pdf": (_pdf_text, "pypdf"),
    ".ofd": (_ofd_text, "TextCode"),
    ".doc": (_doc_text, "antiword"),
    ".odt": (_odt_text, "content.xml"),
    ".rtf": (_rtf_text, "RTF"),
    ".uot": (_uot_text, "字:文本串"),
    ".epub": (_epub_text, "XHTML"),
    ".fodt": (_fodt_text, "flat ODF XML"),
}


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _docx_footnotes_text(path: Path) -> str:
    return _docx_text(path) + "\n" + _footnotes_text(path)


# The documents whose text is that of their source parts, read back by a reader of their own: (which
# documents, the reader, its name in a problem line), tried in this order.
_READ_BACK: tuple[tuple[Callable[[Document, Path], bool], Callable[[Path], str], str], ...] = (
    (lambda d, p: p.suffix == ".docx" and d.diagram, _diagram_text, "diagram data"),
    (lambda d, p: p.suffix == ".docx" and d.bound, _bound_text, "custom XML"),
    (lambda d, p: p.suffix == ".docx" and d.packaged, _packaged_text, "python-docx+textpath+workbook"),
    (lambda d, p: p.suffix == ".doc" and p.read_bytes().startswith(b"<?xml"), _xml2003_text, "Word 2003 XML"),
    (
        lambda d, p: p.suffix == ".rtf" and b"Riched20" in p.read_bytes()[:400],
        _wordpad_rtf_text,
        "WordPad RTF",
    ),
    (lambda d, p: bool(d.embedded) and not d.attached, _embedded_text, "pypdf+embedded file"),
    (lambda d, p: p.suffix == ".docx" and d.chunk, _chunk_text, "altChunk"),
    (lambda d, p: p.suffix == ".docx" and d.footnotes, _docx_footnotes_text, "python-docx+footnotes"),
    # a Word template (cold29: Writer's 「另存为模板」)
    (lambda d, p: p.suffix == ".dotx", _template_text, "word/document.xml"),
)


def _read_back(document: Document, path: Path) -> tuple[Callable[[Path], str], str] | None:
    """The reader (and its name) of a document read as its source parts, or None for the others."""
    return next(((read, reader) for test, read, reader in _READ_BACK if test(document, path)), None)


def check(name: str) -> int:
    """Check the set `name` (cold5 … cold40); print a line per problem and the counts; 1 if any."""
    spec = SETS[name]
    folder = REPO / "benchmarks" / f"corpus-{name}"
    maker = _maker(folder)
    texts: dict[str, str] = {}
    printed: dict[str, tuple[str, str]] = {}
    for document in spec.documents:
        path = folder / document.name
        source = getattr(maker, document.source)
        if callable(source):  # lines drawn when the file is made (cold40's box-drawn table: tabulate)
            source = source()
        if document.converted == "calc":  # a sheet's shown text has no source parts: Calc's display is it
            back = _calc_shown_text(path)
            texts[document.name] = back
            printed[document.name] = (_squash(back), "Calc CSV")
        elif document.converted:  # a converter's output (cold31): the source's text, read back from it
            texts[document.name] = _parts_text(source)
            if document.converted != "ocr":
                if document.converted == "xml":
                    back = _template_text(path)
                elif document.converted == "html":
                    back = _mht_page_text(path.read_text(encoding="utf-8"))
                elif document.converted == "mail":  # an HTML-only body (cold35), an invitation (cold36)
                    back = _mail_text(path)
                elif document.converted == "sheet":  # a workbook whose cells carry comments (cold36)
                    back = _commented_sheet_text(path)
                elif document.converted == "deck":  # a deck with native charts (cold36)
                    back = _chart_deck_text(path)
                elif document.converted == "math":  # a .docx with Word equations (cold37)
                    back = _math_text(path)
                elif document.converted == "drawing":  # a workbook with a text box on its sheet (cold37)
                    back = _drawing_sheet_text(path)
                elif document.converted == "odp":  # an Impress presentation (cold38)
                    back = _odp_text(path)
                elif document.converted == "chart":  # a .docx with a Word chart (cold38)
                    back = _chart_docx_text(path)
                elif document.converted == "struck":  # a .docx with words struck through (cold39)
                    back = _unstruck_docx_text(path)
                elif document.converted == "mbox":  # a Thunderbird local folder (cold39)
                    back = _mbox_text(path)
                elif document.converted == "margins":  # a sheet titled in its printed header (cold39)
                    back = _margins_sheet_text(path)
                elif document.converted == "header":  # a 红头 in the first page's header (cold39)
                    back = _first_header_docx_text(path)
                else:
                    back = path.read_text(encoding="utf-8")
                printed[document.name] = (_squash(back), document.converted)
        elif (read_back := _read_back(document, path)) is not None:
            read, reader = read_back
            texts[document.name] = _parts_text(source)
            if document.embedded:  # a file carried inside this one (its 附件): its parts are in the text
                texts[document.name] += "\n" + _parts_text(getattr(maker, document.embedded))
            printed[document.name] = (_squash(read(path)), reader)
        elif document.attached:
            attached = getattr(maker, document.attached)
            texts[document.name] = "\n".join(source) + "\n" + _parts_text(attached)
            printed[document.name] = (_squash(_mail_text(path)), "email")
        elif document.sections:
            texts[document.name] = "\n".join(
                line for heading, paragraphs in source for line in (heading, *paragraphs)
            )
            printed[document.name] = (_squash(_mht_text(path)), "mht")
        elif document.office:
            from tests.fixtures.office_writers import Sheet, deck_texts, sheet_texts

            texts[document.name] = "\n".join(
                [line for sheet in source for line in sheet_texts(sheet)]
                if isinstance(source[0], Sheet)
                else deck_texts(source)
            )
            # a deck exported as PDF by Impress (cold27: with its notes pages), a sheet printed by Calc (cold28)
            if path.suffix == ".pdf":
                printed[document.name] = (_squash(_pdf_text(path)), "pypdf")
            elif path.suffix == ".html":  # a workbook saved as a web page by Calc (cold34)
                page = path.read_text(encoding="utf-8")
                printed[document.name] = (_squash(_mht_page_text(page)), "HTML")
            else:
                printed[document.name] = (
                    _squash(_office_text(path)),
                    path.suffix.lstrip(".") + " read back",
                )
        elif path.suffix == ".docx" and not document.scan:
            texts[document.name] = _docx_text(path)
            if document.pictured:  # a table pasted in as a picture: its source rows, not read back
                texts[document.name] += "\n" + _parts_text(getattr(maker, document.pictured))
        elif path.suffix == ".md":  # the knowledge base's export, UTF-8, exactly as make_corpus.py writes it
            texts[document.name] = path.read_bytes().decode("utf-8")
            if texts[document.name] != source:
                print(f"{document.name}: 文件内容与 make_corpus.py 不一致，请重新生成")
                return 1
        elif path.suffix in (".txt", ".csv"):
            raw = path.read_bytes()
            if spec.refused is not None and _decodes(raw, spec.refused):
                print(
                    f"{document.name}: 能按 {spec.refused.upper()} 读出，应含 {spec.refused.upper()} 之外的字"
                )
                return 1
            if spec.encoding == "utf-16" and not raw.startswith(b"\xff\xfe"):
                print(f"{document.name}: 应以 UTF-16 LE 字节序标记（FF FE）开头")
                return 1
            texts[document.name] = raw.decode(spec.encoding)
            if texts[document.name] != crlf_text(source):
                print(f"{document.name}: 文件内容与 make_corpus.py 不一致，请重新生成")
                return 1
            if document.wrapped:
                texts[document.name] = texts[document.name].replace("\r\n", "")
            if document.radicals:
                back = str.maketrans({radical: c for c, radical in PDF_RADICALS.items()})
                texts[document.name] = texts[document.name].translate(back)
        else:
            texts[document.name] = _parts_text(source)
            if not document.scan:
                read, reader = (
                    (_form_text, "pypdf+/V")
                    if document.form
                    else (_poppler_text, "pdftotext")
                    if document.poppler
                    else PRINTED[path.suffix]
                )
                back = read(path)
                if document.ruby:
                    back = re.sub(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+", "", back)
                if document.radicals:  # Kangxi radicals by their compatibility mapping, the rest by the table
                    kangxi = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
                    # Chromium's maps (cold25) also give ⼾ (NFKC: the traditional 戶) and ⻘ (a supplement radical)
                    back = back.translate({ord("⼾"): "户", ord("⻘"): "青"})
                    back = back.translate(kangxi).translate({ord(r): c for c, r in PDF_RADICALS.items()})
                printed[document.name] = (_squash(back), reader)
    bundled = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus" / "data").glob("*.txt"))
    )
    unread = {
        d.name: _parts_text(getattr(maker, d.scanned or d.pictured))
        for d in spec.documents
        if d.scanned or d.pictured
    }
    written_from = {
        f"{spec.prefix}{i:03d}": d.name for d in spec.documents for i in range(d.first, d.last + 1)
    }

    problems = []
    questions = REPO / "benchmarks" / f"{name}-questions.jsonl"
    rows = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        problems.append("id 有重复")
    counts = {"answerable": 0, "near_miss": 0, "off_topic": 0}
    for row in rows:
        qid, answers = row["id"], row["answers"]
        if spec.halves and row.get("split") not in ("tune", "heldout"):
            problems.append(f"{qid}: split 应为 tune 或 heldout")
        elif not spec.halves and row.get("split") != "heldout":
            problems.append(f"{qid}: split 不是 heldout")
        if answers:
            counts["answerable"] += 1
            if "kind" in row:
                problems.append(f"{qid}: 有答案却标了 kind")
            home = written_from.get(qid)
            if home is None:
                problems.append(f"{qid}: 没有登记出处文档")
                continue
            for phrase in answers:
                if not 4 <= len(phrase) <= 25:
                    problems.append(f"{qid}: 「{phrase}」长度 {len(phrase)} 不在 4–25")
                found = [doc for doc, text in texts.items() if phrase in text]
                if found != [home]:
                    problems.append(f"{qid}: 「{phrase}」出现在 {found or '无'}，应只在 {home}")
                if phrase in bundled:
                    problems.append(f"{qid}: 「{phrase}」也出现在内置讲话中")
                if home in unread and phrase in unread[home]:
                    continue  # on a scanned page of the file: what OCR makes of it is measured
                if home in printed and _squash(phrase) not in printed[home][0]:
                    problems.append(f"{qid}: 「{phrase}」在 {home} 用 {printed[home][1]} 读出的文字中找不到")
        else:
            kind = row.get("kind")
            if kind not in counts or kind == "answerable":
                problems.append(f"{qid}: 无答案题的 kind 应是 near_miss 或 off_topic")
                continue
            counts[kind] += 1
            if kind == "near_miss":
                words = spec.absent.get(qid)
                if not words:
                    problems.append(f"{qid}: 近似题没有登记所问细节的词")
                    continue
                for word in words:
                    hits = [doc for doc, text in texts.items() if word in text]
                    if hits:
                        problems.append(f"{qid}: 所问细节「{word}」出现在 {hits}")
    if spec.halves:  # a split with one half empty measures nothing held out
        problems += [
            f"没有 split 为 {half} 的题"
            for half in ("tune", "heldout")
            if half not in {r.get("split") for r in rows}
        ]
    for line in problems:
        print(line)
    print(
        f"{len(rows)} 题：可答 {counts['answerable']}，近似不可答 {counts['near_miss']}，"
        f"无关 {counts['off_topic']}；问题 {len(problems)} 处"
    )
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in SETS:
        print(f"用法：check_questions.py {{{'|'.join(SETS)}}}")
        return 2
    return check(argv[0])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
