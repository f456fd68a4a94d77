"""Make the sixth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold4/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are shared with the other sets' makers: ``tests/fixtures/corpus_writers.py``.

Five documents of a city veteran-cadre bureau (青溪市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches nor
``corpus-cold2`` / ``corpus-cold3`` cover, each made by a different producer:

- ``离退休干部党支部换届选举工作方案.docx`` — a work plan for the 2026 branch elections (python-docx:
  Title, Heading 1, a timetable table in 「Table Grid」, a page header and a PAGE-field footer);
- ``离休干部护理费标准调整通知.pdf`` — a joint notice raising the nursing allowance, with a four-row
  table of old and new amounts, typeset by reportlab with Noto Serif CJK (converted to TrueType outlines
  with fontTools, since reportlab embeds only TrueType) and a 「第 N 页」 footer drawn on every page;
- ``银发人才座谈会讲话.doc`` — the bureau director's speech at a 银发人才 forum with a question-and-answer
  part (问/答 lines), written as .docx and saved as Word 97–2003 .doc by LibreOffice
  (``soffice --headless --convert-to doc``);
- ``夏季休养活动通知.png`` — a one-page notice printed to PDF by reportlab, rendered by ``pdftoppm`` at
  200 dpi, turned 0.6° and speckled with Pillow, as a scanner would leave it (the product reads it by OCR);
- ``口述历史征集通知.txt`` — a notice in traditional characters saved as Big5 plain text with CRLF line
  ends, as an old office PC would (○ for 〇, which Big5 lacks).

Needs python-docx, reportlab, fontTools, Pillow, LibreOffice (``soffice``), ``pdftoppm`` and the Noto CJK
fonts.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.fixtures.corpus_writers import (  # noqa: E402
    bureau_rules,
    bureau_speech,
    font_characters,
    run_makers,
    write_crlf_text,
    write_reportlab_pdf,
    write_scan,
)

# Each document is a list of (kind, text): kind is title, speaker, date, docnum, heading1, heading2,
# body, right (a right-aligned signature or date line) or table (text is a list of rows, the first the
# header).

ELECTION_PLAN = [
    ("title", "青溪市委老干部局离退休干部党支部换届选举工作方案"),
    ("docnum", "青老干党〔2026〕3号"),
    (
        "body",
        "根据《中国共产党基层组织选举工作条例》和市委组织部有关要求，局属离退休干部党支部（以下简称"
        "“离退休支部”）任期已满三年，经局党组研究，决定于2026年上半年集中开展换届选举。"
        "现制定工作方案如下：",
    ),
    ("heading1", "一、换届范围"),
    (
        "body",
        "局机关离退休干部第一、第二、第三党支部和市老年大学离退休干部党支部，共4个支部、党员216名。"
        "其中，80周岁以上党员97名，行动不便、长期卧床的党员14名。",
    ),
    ("heading1", "二、委员职数和人选条件"),
    (
        "body",
        "党员50名以上的支部设委员会，委员职数为5名，设书记1名、副书记1名；"
        "党员不足50名的支部设委员会，委员职数为3名。"
        "委员候选人按照不少于应选人数20%的差额比例提出。",
    ),
    (
        "body",
        "委员人选应当政治坚定、身体健康、热心为老同志服务，一般在75周岁以下，"
        "书记人选一般由曾任处级以上领导职务的党员担任。",
    ),
    ("heading1", "三、工作步骤"),
    ("body", "换届选举分四个阶段进行，各阶段的时间和主要任务如下："),
    (
        "table",
        [
            ["阶段", "时间", "主要任务"],
            ["准备阶段", "3月16日至3月31日", "成立换届工作小组，摸清党员底数，制定选举办法"],
            ["推荐提名阶段", "4月1日至4月24日", "召开党员大会酝酿推荐，确定候选人预备人选并报局机关党委审查"],
            ["选举阶段", "4月27日至5月15日", "召开党员大会，无记名投票选举产生新一届支部委员会"],
            ["总结报告阶段", "5月18日至5月29日", "上报选举结果，整理换届档案，做好新老委员交接"],
        ],
    ),
    ("heading1", "四、特殊情况的处理"),
    (
        "body",
        "对因病卧床、行动不便不能到会的党员，可以设立流动票箱，由2名以上监票人携带上门投票。"
        "党员在外地居住无法到会的，可以书面委托其他党员代为投票，每名党员接受委托不得超过2人。",
    ),
    (
        "body",
        "选举时，有选举权的到会人数超过应到会人数的五分之四，会议有效；被选举人获得的赞成票超过"
        "实到会有选举权的人数的一半，始得当选。",
    ),
    ("heading1", "五、工作要求"),
    (
        "body",
        "各支部要严肃换届纪律，严禁拉票贿选，严禁借换届之机请客送礼。局机关纪委全程监督，"
        "发现违规违纪问题的，一经查实，严肃处理。",
    ),
    ("body", "附件：1.离退休干部党支部委员会委员候选人推荐表"),
    ("body", "2.换届选举工作流程图"),
    ("body", "联系人：局机关党委  许文静，电话：0597-8812 4406。"),
    ("right", "中共青溪市委老干部局机关党委"),
    ("right", "2026年3月9日"),
]

NURSING_NOTICE = [
    ("title", "关于调整离休干部护理费标准的通知"),
    ("docnum", "青人社发〔2025〕41号"),
    ("body", "各县（市、区）人力资源和社会保障局、财政局、党委老干部局，市直各单位："),
    (
        "body",
        "为进一步做好离休干部生活待遇保障工作，经市政府同意，决定自2026年1月1日起调整我市离休干部"
        "护理费标准。现将有关事项通知如下：",
    ),
    ("heading1", "一、调整范围"),
    (
        "body",
        "本市行政区域内经青溪市离休干部护理等级评定委员会（以下简称“评定委员会”）评定为需要护理的"
        "离休干部，以及年满90周岁的离休干部。",
    ),
    ("heading1", "二、调整后的标准"),
    ("body", "护理费按照护理等级分档发放，调整前后的标准如下："),
    (
        "table",
        [
            ["护理等级", "认定条件", "原标准（元/月）", "新标准（元/月）"],
            ["一级护理", "生活完全不能自理", "1200", "1800"],
            ["二级护理", "生活大部分不能自理", "800", "1300"],
            ["三级护理", "生活部分不能自理", "500", "850"],
            ["高龄护理", "年满90周岁、未评定护理等级", "—", "400"],
        ],
    ),
    (
        "body",
        "同时符合护理等级和高龄护理条件的，按就高原则享受一项，不重复计发。",
    ),
    ("heading1", "三、申请和评定"),
    (
        "body",
        "离休干部或其亲属向原工作单位提出申请，提交二级以上医院出具的诊断证明和日常生活能力评估表，"
        "由原工作单位汇总后报评定委员会。评定委员会每季度集中评定一次，评定结果在原工作单位公示5个工作日。",
    ),
    (
        "body",
        "护理等级每两年复核一次；身体状况发生明显变化的，可随时申请重新评定。",
    ),
    ("heading1", "四、经费来源和发放"),
    (
        "body",
        "护理费由原工作单位按原渠道解决，财政全额拨款单位所需经费由同级财政负担。"
        "护理费按月随离休费一并发放，不计入离休费基数。",
    ),
    ("heading1", "五、其他"),
    (
        "body",
        "本通知自2026年1月1日起执行，《关于提高离休干部护理费标准的通知》（青人社发〔2019〕18号）同时废止。"
        "执行中遇到的问题，请及时向市人力资源和社会保障局养老保险科反映。",
    ),
    ("body", "联系电话：0597-8830 2217（市人社局），0597-8812 4410（市委老干部局待遇保障科）。"),
    ("right", "青溪市人力资源和社会保障局    青溪市财政局    中共青溪市委老干部局"),
    ("right", "2025年12月15日"),
]

TALENT_SPEECH = [
    ("title", "在全市“银发人才”座谈会上的讲话"),
    ("speaker", "市委老干部局局长  沈国栋"),
    ("date", "（二〇二六年三月十二日）"),
    ("body", "同志们："),
    (
        "body",
        "今天，我们在这里召开全市“银发人才”座谈会，主要是听取老同志们的意见建议，"
        "研究部署今年发挥离退休干部人才作用的工作。刚才，六位老同志作了很好的发言，我都认真记下来了。"
        "下面，我讲三点意见。",
    ),
    ("heading1", "一、充分肯定银发人才工作取得的成效"),
    (
        "body",
        "2023年以来，我们建立了青溪市离退休干部人才信息库（以下简称“人才库”），目前入库2316人，"
        "其中具有高级职称的874人，涵盖教育、医疗、农业、法律、工程等18个领域。",
    ),
    (
        "body",
        "去年一年，“银发讲师团”深入机关、学校、社区宣讲412场，听众超过5万人次；"
        "“银发技术服务队”为企业和农户解决技术难题136个；“银发智库”向市委、市政府报送调研报告23篇，"
        "其中9篇得到市领导批示。",
    ),
    ("heading1", "二、清醒看到存在的短板"),
    (
        "body",
        "一是人才库信息更新不及时，有的老同志入库后联系方式变了，找不到人；二是供需对接不够精准，"
        "基层需要的人才请不来，老同志想发挥作用又找不到平台；三是激励保障不够，部分县区至今没有落实讲课补贴。",
    ),
    ("heading1", "三、今年要重点抓好的工作"),
    (
        "body",
        "第一，扩容人才库。今年新增入库人才不少于500人，重点吸纳刚退休的专业技术干部，"
        "每年6月底前完成一次信息核对。",
    ),
    (
        "body",
        "第二，建好服务站。在每个县（市、区）建立1个“银发人才”服务站，全市共12个，"
        "9月30日前全部挂牌运行。市老干部服务中心一楼开设人才服务窗口，每周四下午专门受理供需对接。",
    ),
    (
        "body",
        "第三，落实激励保障。老同志应邀讲课的，按每半天200元的标准发放讲课补贴，所需经费从老干部工作经费中列支；"
        "年底评选“银发人才之星”20名，在全市老干部工作会议上予以表扬。",
    ),
    ("heading1", "四、互动交流"),
    (
        "body",
        "问（退休教师 周玉兰）：我们这些退休多年的老同志，还能不能进人才库？怎么报名？",
    ),
    (
        "body",
        "答：能。人才库不设退休年限，年龄在75周岁以下、身体健康、有一技之长的都可以报名。"
        "可以向原单位离退休干部工作部门报名，也可以通过“青溪老干部”微信公众号在线填报。",
    ),
    (
        "body",
        "问（退休工程师 陆振华）：我们到企业搞技术服务，出了安全问题谁负责？",
    ),
    (
        "body",
        "答：这个问题提得好。今年起，局里统一为参加服务的老同志购买人身意外伤害保险，"
        "每人保额30万元；同时与用人单位签订服务协议，明确双方的责任。",
    ),
    (
        "body",
        "同志们，老同志是党和人民的宝贵财富。希望大家老有所为、量力而行，在推动青溪高质量发展中贡献银发力量！",
    ),
]

RETREAT_NOTICE = [
    ("title", "关于组织2026年离退休干部夏季休养活动的通知"),
    ("docnum", "青老干服〔2026〕11号"),
    ("body", "局属各单位、各离退休干部党支部："),
    (
        "body",
        "为丰富老同志晚年生活，经研究，今年继续组织离退休干部夏季休养活动。有关事项通知如下：",
    ),
    (
        "body",
        "一、休养地点：青溪市石湖疗养院（东山镇湖滨路8号），两人一间，提供一日三餐。",
    ),
    (
        "body",
        "二、休养时间：2026年7月6日至7月31日，分四批进行，每批6天。",
    ),
    (
        "body",
        "三、参加对象：年满65周岁、生活能够自理的离退休干部，近三年已参加过的原则上不再安排。"
        "每批限额40人，原则上不安排家属随行。",
    ),
    (
        "body",
        "四、费用：食宿费每人每批2600元，由局里统一承担；往返由疗养院派车接送，个人不负担交通费。",
    ),
    (
        "body",
        "五、报名方式：请于6月12日（星期五）前向所在党支部报名，填写《休养人员健康情况表》，"
        "由党支部汇总后报老干部服务科。",
    ),
    ("body", "联系人：老干部服务科  蔡明辉，电话：0597-8812 4425。"),
    ("right", "中共青溪市委老干部局"),
    ("right", "2026年5月20日"),
]

# Traditional characters, as the text was typed on a Big5 machine; ○ stands for 〇, which Big5 lacks.
ORAL_HISTORY_LINES = [
    "",
    "                    中共青溪市委老幹部局",
    "",
    "        關於徵集離退休幹部口述歷史資料的通知",
    "",
    "                                  青老幹辦〔2026〕5號",
    "",
    "局屬各單位、各縣（市、區）委老幹部局：",
    "    為搶救和保存老同志的珍貴記憶，留存青溪改革發展的第一手資料，局黨組決定開展"
    "「青溪記憶」離退休幹部口述歷史徵集工作（以下簡稱「口述歷史工作」）。現將有關事項通知如下：",
    "    一、徵集對象",
    "    重點徵集1949年10月1日前參加革命工作的離休幹部和曾任縣處級以上領導職務的退休幹部，"
    "優先安排85周歲以上的老同志。",
    "    二、徵集內容",
    "    （一）親身經歷的重大事件、重要工作和典型人物；",
    "    （二）本單位、本行業發展變化的歷史片段；",
    "    （三）老照片、日記、手稿、證書等實物資料。",
    "    三、工作方式",
    "    口述採訪由市檔案館派出專業人員上門進行，每位老同志採訪時長一般不超過3小時，全程錄音錄影。"
    "整理形成的文字稿須經本人或其親屬審閱簽字後方可歸檔。",
    "    實物資料原則上以借用掃描方式徵集，掃描完成後10個工作日內原件歸還；自願捐贈的，"
    "由市檔案館頒發捐贈證書。",
    "    四、時間安排",
    "    各單位於2026年4月30日前報送推薦名單，採訪工作於11月底前完成。"
    "優秀口述史料將編入《青溪記憶》叢書，計劃於二○二七年出版。",
    "",
    "    聯繫人：局辦公室  何曉梅，電話：0597-8812 4401；",
    "    市檔案館徵集編研科  唐建國，電話：0597-8856 1123。",
    "",
    "                                          中共青溪市委老幹部局",
    "                                          二○二六年四月十日",
]


CITY = "青溪"
WRITERS = {
    "离退休干部党支部换届选举工作方案.docx": bureau_rules(ELECTION_PLAN, CITY),
    # one font for both reportlab documents: reportlab keeps the first one registered
    "离休干部护理费标准调整通知.pdf": partial(
        write_reportlab_pdf,
        NURSING_NOTICE,
        author="青溪市委老干部局",
        characters=font_characters(NURSING_NOTICE + RETREAT_NOTICE),
    ),
    "夏季休养活动通知.png": partial(write_scan, RETREAT_NOTICE, author="青溪市委老干部局"),
    "银发人才座谈会讲话.doc": bureau_speech(TALENT_SPEECH, CITY),
    "口述历史征集通知.txt": partial(write_crlf_text, ORAL_HISTORY_LINES, encoding="big5"),
}


if __name__ == "__main__":
    sys.exit(run_makers(WRITERS, sys.argv, HERE))
