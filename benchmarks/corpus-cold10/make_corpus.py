"""Make the twelfth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold10/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are shared with the other sets' makers: ``tests/fixtures/corpus_writers.py``.

Five documents of a city veteran-cadre bureau (澄溪市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches, the
notice fixtures nor ``corpus-cold2`` … ``corpus-cold9`` treat, each made by a different producer with a
quirk the earlier sets lacked:

- ``离退休领导干部在社会组织兼职管理办法.docx`` — rules for retired leading cadres holding posts in
  social organisations, as the reviewer left them (python-docx: **tracked changes not yet accepted** —
  ``w:ins`` / ``w:del`` runs, a whole paragraph inserted and one deleted, Word's 「修订」 still on — and a
  reviewer's **comment**; what prints with the changes accepted is the text the questions are written
  from: deletions gone, insertions kept, the comment not part of it);
- ``离退休干部个人著作出版审核工作指引.pdf`` — a guide to having a retired cadre's book checked before
  publication, written with python-docx (a **table of contents** on its first page: a TOC field, entries
  with dot leaders to page numbers) and printed to PDF by LibreOffice with its export **watermark**
  「内部资料 注意保存」 drawn across every page;
- ``离退休干部居家安全隐患排查通知.txt`` — a notice on checking retired cadres' homes for gas, electrical
  and fire hazards, saved by Windows Notepad as 「Unicode」: **UTF-16 LE with a byte-order mark**, CRLF,
  indented with two ideographic spaces;
- ``老年人免费乘车卡办理通知.jpg`` — a notice on free bus passes, printed by reportlab and **photographed
  with a phone** (Pillow: the sheet seen at a slant on a desk, lit unevenly, a little out of focus, JPEG);
- ``光荣在党50年纪念章颁发仪式讲话.pdf`` — the deputy director's speech presenting the 「光荣在党50年」
  medals, drawn by reportlab's canvas **one character at a time** (each its own ``drawString``, lines
  justified by spreading the slack between the characters, punctuation kerned half a character narrower,
  the title letter-spaced).

Needs python-docx, reportlab, fontTools, Pillow, numpy, LibreOffice (``soffice``), ``pdftoppm`` and the
Noto CJK fonts. ``benchmarks/check_questions.py cold10`` imports the texts below to check
``benchmarks/cold10-questions.jsonl``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.fixtures.corpus_writers import (  # noqa: E402
    font_characters,
    write_charwise_pdf,
    write_converted,
    write_docx,
    write_photo,
    write_unicode_text,
)

# Each document is a list of (kind, text): kind is title, speaker, date, docnum, heading1, body, right
# (a right-aligned signature or date line), table (rows, the first the header), revised (segments: a
# string, ("ins", s), ("del", s) or ("comment", s, note)), inserted / deleted (a whole tracked
# paragraph) or contents ((entry, page) pairs).

POSTS_RULES = [
    ("title", "澄溪市离退休领导干部在社会组织兼职管理办法"),
    ("docnum", "澄老干发〔2026〕11号"),
    (
        "body",
        "为规范离退休领导干部在社会组织兼职行为，发挥老同志政治优势和经验优势，根据有关规定，"
        "中共澄溪市委老干部局与澄溪市民政局结合我市实际制定本办法。",
    ),
    ("heading1", "一、适用范围"),
    (
        "body",
        "本办法所称离退休领导干部，是指原任副处级以上职务的离休干部和退休干部。本办法所称社会组织，"
        "是指在民政部门登记的社会团体、基金会和民办非企业单位。",
    ),
    ("heading1", "二、兼职条件"),
    (
        "revised",
        [
            "离退休领导干部在社会组织兼职，年龄一般不超过",
            ("del", "75"),
            ("ins", "70"),
            "周岁，身体健康，能坚持正常工作，所兼职社会组织的业务应当与本人原工作经历相关。",
        ],
    ),
    (
        "revised",
        [
            "兼职数量",
            ("del", "一般不超过2个"),
            ("ins", "不得超过1个"),
            "，兼任社会组织职务的任期不得超过两届。",
            ("ins", "任期届满拟连任的，须重新履行审批手续。"),
        ],
    ),
    ("heading1", "三、审批程序"),
    (
        "revised",
        [
            "兼职须事先申报，不得先任职后补办手续。本人填写《离退休领导干部社会组织兼职审批表》，"
            "经原单位党组织同意后，",
            ("comment", "报市委老干部局审批", "建议写明审批时限，避免老同志长时间等待。"),
            "。申报时需提交以下材料：",
        ],
    ),
    (
        "table",
        [
            ["材料名称", "份数", "提供方"],
            ["兼职审批表", "一式三份", "本人填写"],
            ["社会组织章程", "1份", "拟兼职的社会组织"],
            ["拟任职务及职责说明", "1份", "拟兼职的社会组织"],
            ["近6个月内的体检报告", "1份", "本人提供"],
        ],
    ),
    ("inserted", "市委老干部局应当自收到齐全的申报材料之日起20个工作日内作出是否同意的书面答复。"),
    ("heading1", "四、兼职待遇"),
    (
        "revised",
        [
            "兼职的离退休领导干部不得领取社会组织的薪酬、奖金、津贴等报酬，不得获取股权和其他额外利益"
            "。因公务发生的交通、通讯费用，可以按照社会组织财务制度据实报销",
            ("del", "，每月不超过1000元"),
            "。",
        ],
    ),
    ("deleted", "兼职人员每年可以参加一次由社会组织统一安排的外出考察活动。"),
    ("heading1", "五、日常管理"),
    (
        "revised",
        [
            "兼职期间，本人应当于每年1月底前向原单位和市委老干部局书面报告上一年度履职情况",
            ("ins", "和是否领取报酬的情况"),
            "。",
        ],
    ),
    (
        "body",
        "兼职期满、达到年龄界限或者因身体原因不能坚持正常工作的，应当及时辞去所兼职务。"
        "对违反规定兼职或者领取报酬的，由原单位责令限期辞去兼职、退还所得报酬。",
    ),
    ("heading1", "六、附则"),
    (
        "revised",
        [
            "本办法由市委老干部局负责解释，自2026年",
            ("del", "7"),
            ("ins", "6"),
            "月1日起施行。2019年印发的《澄溪市离退休干部社会团体兼职审批暂行规定》同时废止。",
        ],
    ),
    ("right", "中共澄溪市委老干部局    澄溪市民政局"),
    ("right", "2026年5月20日"),
]

BOOK_GUIDE = [
    ("title", "澄溪市离退休干部个人著作出版审核工作指引"),
    ("docnum", "澄老干办〔2026〕27号"),
    ("chapter", "目  录"),
    (
        "contents",
        [
            ("一、适用范围", 2),
            ("二、审核内容", 2),
            ("三、办理程序", 2),
            ("四、出版费用", 2),
            ("五、赠阅与备案", 3),
        ],
    ),
    ("heading1", "一、适用范围"),
    (
        "body",
        "本指引适用于我市离退休干部出版回忆录、诗词集、书画作品集和文史研究等个人著作。"
        "在报刊上发表单篇文章、内部印制家谱的，不适用本指引。",
    ),
    ("heading1", "二、审核内容"),
    (
        "body",
        "审核重点包括：是否泄露党和国家秘密，是否涉及未公开的工作秘密和敏感信息，是否有损害他人名誉的内容，"
        "引用的史料和数据是否准确。涉及重大历史事件的，还应当征求市委党史研究室的意见。",
    ),
    ("heading1", "三、办理程序"),
    (
        "body",
        "（一）本人提出申请。书稿定稿后，本人填写《离退休干部个人著作出版申报表》，"
        "连同书稿电子版和打印稿一份，报原单位初审。",
    ),
    (
        "body",
        "（二）原单位初审。原单位应当在15个工作日内完成初审，签署意见后报市委老干部局。",
    ),
    (
        "body",
        "（三）市委老干部局审核。市委老干部局会同有关部门在30个工作日内完成审核，出具书面审核意见。"
        "审核通过后，方可与出版社签订出版合同。",
    ),
    ("heading1", "四、出版费用"),
    (
        "body",
        "个人著作出版所需费用由本人承担，不得使用公款，不得向原单位、下属企业或者管理服务对象摊派、"
        "拉赞助。经审核具有较高史料价值的，可以申请市老干部活动经费资助，每部资助不超过8000元。",
    ),
    ("heading1", "五、赠阅与备案"),
    (
        "body",
        "著作出版后，本人应当向市委老干部局赠送样书5册，其中2册交市档案馆收藏。"
        "出版的著作可以赠送亲友和有关单位，不得在原单位内部推销。",
    ),
    ("body", "联系人：宣传教育科  裴一苇，电话：0752-3361 4420。"),
    ("right", "中共澄溪市委老干部局办公室"),
    ("right", "2026年9月10日"),
]

BOOK_WATERMARK = "内部资料 注意保存"

# Typed in Windows Notepad and saved as 「Unicode」: indented with two ideographic spaces, CRLF line ends.
SAFETY_LINES = [
    "中共澄溪市委老干部局",
    "关于开展离退休干部居家安全隐患排查的通知",
    "澄老干办〔2026〕35号",
    "",
    "各县（市、区）委老干部局，市直各单位：",
    "　　入冬以来，因燃气、用电和取暖引发的居家安全事故时有发生。为保障老同志冬春季节居家安全，"
    "市委老干部局决定于2026年11月10日至12月20日，对离退休干部家庭开展一次居家安全隐患排查。",
    "　　一、排查对象",
    "　　重点排查年满85周岁、独居或者患有失智症的离退休干部家庭，其他老同志家庭可以自愿申请排查。",
    "　　二、排查内容",
    "　　（一）燃气。检查燃气软管是否老化、是否超过使用年限，灶具是否带有熄火保护装置。",
    "　　（二）用电。检查电线是否私拉乱接，插座是否超负荷使用，电热毯和取暖器是否有过热保护。",
    "　　（三）消防。检查家中是否配备灭火器和烟雾报警器，楼道和逃生通道是否堆放杂物。",
    "　　三、整改措施",
    "　　排查发现的隐患，能当场整改的当场整改。需要更换燃气软管、加装烟雾报警器的，"
    "费用由市委老干部局承担，每户不超过300元；需要改造线路的，由原单位协助联系专业电工上门。",
    "　　四、工作要求",
    "　　排查人员由社区网格员和燃气公司、供电公司工作人员组成，上门前须提前一天电话预约，"
    "进门时出示工作证件，不得向老同志推销任何产品。",
    "",
    "　　联系人：老干部服务科  龚若溪，电话：0752-3361 4436。",
    "",
    "　　　　　　　　　　　　　　　　中共澄溪市委老干部局办公室",
    "　　　　　　　　　　　　　　　　　　2026年11月2日",
]

BUS_NOTICE = [
    ("title", "关于为离退休干部办理老年人免费乘车卡的通知"),
    ("docnum", "澄老干办〔2026〕21号"),
    ("body", "各离退休干部党支部、各位老同志："),
    (
        "body",
        "为方便老同志出行，经与市交通运输局协商，我局统一为离退休干部办理老年人免费乘车卡。"
        "现将有关事项通知如下：",
    ),
    (
        "body",
        "一、办理对象。年满65周岁、户籍在本市的离退休干部。已经办理过老年卡的，不再重复办理。",
    ),
    (
        "body",
        "二、所需材料。本人身份证原件和复印件、近期一寸免冠彩色照片1张。委托他人代办的，"
        "还需提供代办人的身份证。",
    ),
    (
        "body",
        "三、办理时间和地点。7月13日至7月24日（周一至周五）上午9:00至11:30，在市老干部活动中心"
        "二楼服务大厅集中办理，现场拍照、当场制卡。",
    ),
    (
        "body",
        "四、使用规定。持卡在本市乘坐公交车和地铁免费，每天7:00至9:00早高峰时段除外。"
        "乘车卡仅限本人使用，借给他人使用的，一经发现收回乘车卡。",
    ),
    (
        "body",
        "五、挂失补办。乘车卡遗失的，拨打公交服务热线96520挂失，补办收取工本费20元。",
    ),
    ("body", "联系电话：0752-3361 4418。"),
    ("right", "中共澄溪市委老干部局办公室"),
    ("right", "2026年7月6日"),
]

MEDAL_SPEECH = [
    ("title", "在“光荣在党50年”纪念章颁发仪式上的讲话"),
    ("speaker", "市委老干部局副局长  钟予宁"),
    ("date", "（2026年6月28日）"),
    ("body", "同志们："),
    (
        "body",
        "在中国共产党成立105周年即将到来之际，我们在这里隆重举行“光荣在党50年”纪念章颁发仪式，"
        "为全市今年新符合条件的136名老党员颁发纪念章。首先，我代表市委老干部局，"
        "向受到颁授的老党员们致以崇高的敬意！",
    ),
    ("heading1", "一、五十年党龄是一份沉甸甸的荣誉"),
    (
        "body",
        "今天受颁纪念章的老同志，都是1975年7月1日至1976年6月30日之间入党、今年党龄满50年的。"
        "年龄最大的是原市粮食局的杭德馨同志，今年已经91岁，至今每月按时交纳党费、参加支部学习。"
        "原市第二中学的鲁秀英同志退休后义务辅导留守儿童十八年，被孩子们称为“鲁奶奶”。",
    ),
    ("heading1", "二、把纪念章送到每一位老党员手中"),
    (
        "body",
        "对因身体原因不能到场的41名老党员，会后由各单位党组织负责同志登门颁发，确保7月1日前全部送到。"
        "住院治疗的，要把纪念章送到病床前，同时送上组织的问候。",
    ),
    ("heading1", "三、继续发挥老党员的示范作用"),
    (
        "body",
        "希望老党员们保重身体，继续关心党的事业，多讲党的故事。下半年，我们将组织老党员开展"
        "“初心故事进校园”活动，计划走进全市20所中小学。今后每年七一前，市委老干部局都将举行一次"
        "纪念章集中颁发仪式。",
    ),
    ("body", "最后，祝老同志们身体健康、生活幸福！谢谢大家！"),
]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    office = "澄溪市委老干部局办公室"
    write_docx(POSTS_RULES, out / "离退休领导干部在社会组织兼职管理办法.docx", author=office)
    write_converted(
        BOOK_GUIDE,
        out / "离退休干部个人著作出版审核工作指引.pdf",
        "pdf",
        author=office,
        footer=True,
        watermark=BOOK_WATERMARK,
    )
    write_unicode_text(SAFETY_LINES, out / "离退休干部居家安全隐患排查通知.txt")
    # one font for both reportlab documents: reportlab keeps the first one registered
    characters = font_characters(BUS_NOTICE + MEDAL_SPEECH)
    write_photo(BUS_NOTICE, out / "老年人免费乘车卡办理通知.jpg", author=office, characters=characters)
    write_charwise_pdf(
        MEDAL_SPEECH,
        out / "光荣在党50年纪念章颁发仪式讲话.pdf",
        author="澄溪市委老干部局",
        characters=characters,
    )


if __name__ == "__main__":
    main()
