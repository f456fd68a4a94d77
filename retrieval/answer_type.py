"""What kind of answer a question asks for, and whether a text holds one: an amount (多少, 几个, 比例) or a
time (什么时候, 哪一年, 几点). A passage whose answer sentence holds no amount when the question asks
「…有多少名成员」 talks about the topic, not about what was asked: one of the confidence signals.
Another: a figure the question names itself (「2025年…」, 「18.36万…」) that the passage does not hold.

Numbers written in Chinese numerals (六十一, 二〇二四) are read as their value (`numeral_value`), so a
question can name 「中办六十一号文件」 of a library that writes 61号.

The kinds are asked by closed classes of words (interrogatives and units), so they hold for any
corpus. An amount can be more specific — a sum of money (「…费每月发多少」, 「多少钱」), a number of people
(「多少名成员」), a share (「比例」) — and so can a time: a year (「哪一年」), a day (「几月几号」), an hour
(「几点」). A specific kind needs its own unit in the text: 「两项经费」 is an amount but no sum of money,
「85周年期间」 a time but no year. Ordinals (第六届) and 「每一名」 count nothing. Other kinds (谁, 哪些,
怎么, 第几) are left alone. "Which ones" (哪几个, 哪几条) asks for an enumeration, not an amount.
Redacted figures (「XXX人」, common in published speeches) count as amounts.

A question may also ask whom to contact — 「…有事找谁」, 「…找哪个科」, 「…打哪个电话」, 「联系人 电话」 — and is answered by a
contact line (「联系人：宣传教育科  柯望舒，电话：0763-5208 1745。」), which shares no word with it: a label (联系人：,
联系电话：, 咨询电话：, 热线…), a telephone number, or an office (…科, …处, …办公室, …中心) with a person's name
beside it or asked to be contacted (「请与…医政科联系」). 「联系实际」, 「2024年」 or 「第75条」 are none.

`interrogative_kinds` is the coarser reading pinned answers compare two questions by: the broad kind
(time, number, person, place, reason) a question's interrogative asks for.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Literal

from corpus import NUMERAL_CHARS, to_simplified
from corpus import numeral_value as chinese_numeral_value
from index import STOPWORDS, dictionary_words, jieba_cut, query_terms

from .figures import held_as_figure
from .vocabulary import INTERROGATIVE

AnswerKind = Literal["amount", "money", "people", "share", "time", "year", "day", "hour", "contact"]
# Which kinds answer which: a specific kind (a sum of money, a year) is also of its general kind.
GENERAL: dict[AnswerKind, AnswerKind] = {
    "money": "amount",
    "people": "amount",
    "share": "amount",
    "year": "time",
    "day": "time",
    "hour": "time",
}

_NUMBER = r"[0-9０-９][0-9０-９.,，]*|[〇○零一二三四五六七八九十百千万两几数半壹贰叁肆伍陆柒捌玖拾佰仟萬]+|X+"
_ABOUT = r"(?:余|多)?"  # 「三十多个」, 「5000余元」, 「20多亿元」
# 「三点意见」: 点 counts points of a speech, not an hour, before these
_POINTS = r"(?:要求|意见|建议|希望|体会|看法|考虑|启示|经验|措施|做法|打算|原则|任务|内容|认识|思考|想法)"
_ASKS_AMOUNT = re.compile(
    r"多少|(?<!哪)几[个名人次天年岁所项位条家批种件份倍元块月周成点]|比例|多大|多高|多长|多久|多重|多远|百分之"
)
_ASKS_TIME = re.compile(
    rf"什么时候|啥时候|何时|几时|哪一?年|哪一?天|几月|几号|什么时间|几点(?!{_POINTS})|哪个月"
)
# A share or a sum is asked only with a word asking for a number: 「报销比例是多少」, not 「如何提高比重」.
_ASKS_NUMBER = re.compile(r"多少|(?<!哪)几(?!乎)|多大|多高|百分之几|几成")
# The specific kinds, asked by the unit the question names (most specific first).
_ASKS: tuple[tuple[AnswerKind, re.Pattern[str]], ...] = (
    ("year", re.compile(r"哪一?年(?!级)|何年|什么年份|哪个年份")),
    ("day", re.compile(r"哪一?天|几月|几号|哪个月|哪一?日|什么日期")),
    ("hour", re.compile(rf"几点(?!{_POINTS})|什么时段|哪个时段")),
    ("share", re.compile(r"比例|占比|比重|百分之几|百分比|几成|多少%|(?:比|概|增长)率")),
    ("money", re.compile(r"多少钱|多少元|几元|多少[万亿千百]元|多少块|多少(?:美元|港元)|金额|数额")),
    ("people", re.compile(r"(?:多少|几)个?(?:人|名|位)(?![额称单字置])")),
)
_NEEDS_NUMBER: frozenset[AnswerKind] = frozenset({"share", "money"})
# a contact's label asked with a count (「紧急联系人要填几个」) asks the count
_ASKS_AMOUNT_ELSE = re.compile(r"几[个名位人]|多少[个名位人]")
# Whom to contact: a contact asked for by who or which office to go to or ask (找谁, 问谁, 联系谁, 找哪个科,
# 找哪个科室哪位同志) — not who does a thing (「找谁修」, 「找谁办」: who is responsible, said by the items) —, by the
# number to call (打哪个电话, 电话是多少, 联系方式), or by the label itself in a keyword question (「联系人 电话」).
_OFFICE = r"(?:科室?|处室?|办公室|站|中心)"
# The words of contacting, as read after folding to simplified script (to_simplified: 聯絡 → 联络): the mainland's
# 联系 and Taiwan's 联络 (联络人, 联络电话, 找谁联络), and a notice's case officer, 承办人 (「承辦人：○○○ 分機 123」).
_CONTACT = r"(?:联系|联络)"
_CONTACT_PERSON = rf"(?:{_CONTACT}人|承办人)"
_ASKS_CONTACT = re.compile(
    rf"(?:找|问|{_CONTACT}|咨询|请教|打给|去找)(?:谁|哪位|哪一?个人|(?:哪一?个|哪一?家|哪|什么){_OFFICE}(?:的?哪位(?:同志|老师)?)?)"
    rf"(?=$|[？?。.！!，,、\s]|{_CONTACT}|咨询|反映|问|了解|呢|啊|呀|好|比较|合适|才)"
    r"|(?:打|拨打?|找)(?:哪一?个|什么|啥|哪)(?:号码|电话|热线|专线)"
    rf"|(?:电话|热线|专线|号码|{_CONTACT}方式)(?:号码)?(?:是|是个)?(?:多少|什么|啥|几号|哪个)"
    rf"|{_CONTACT_PERSON}(?:是谁|是哪位|和|及|电话|\s|[？?]|$)|{_CONTACT}(?:电话|方式)|咨询电话"
)
# …and held by a contact line: a label followed by what it labels, a telephone number (0763-5208 1745, 8826 3105,
# 0576-88123456, a mobile 13812345678; a service number after 电话/热线/专线: 96110), or an office beside a name
# (「宣传教育科  柯望舒」) or to be contacted (「请与市卫生健康委医政科联系」, 「联系社区卫生服务中心」). A figure with a unit, a year or an
# article (「2024年」, 「第75条」, 「5000元」) is no number to call; 「联系实际」 labels nothing.
_PHONE = (
    r"(?<![0-9.])(?!(?:19|20)[0-9]{2}\s*[-－—–~～]\s*(?:19|20)[0-9]{2})(?:0[0-9]{2,3}\s*[-－—–]\s*)?[0-9]{3,4}[-\s]?[0-9]{4}(?![0-9.]|\s*[元万亿人名个年岁次件户%％])"
    r"|(?<![0-9])1[3-9][0-9]{9}(?![0-9])"
)
_HOLDS_CONTACT = re.compile(
    rf"(?:{_CONTACT_PERSON}|{_CONTACT}电话|咨询电话|{_CONTACT}方式|服务电话|值班电话|办公电话|电话|热线|专线|手机|传真)"
    r"\s*[：:]\s*\S"
    r"|(?:电话|热线|专线)\s*[0-9]{3,}"
    rf"|{_PHONE}"
    rf"|[\u4e00-\u9fff]{_OFFICE}[ \u3000]+[\u4e00-\u9fff]{{2,4}}(?![\u4e00-\u9fff])"
    rf"|(?:与|向)[\u4e00-\u9fff]{{1,16}}?{_OFFICE}(?:{_CONTACT}|咨询|反映|反馈)"
    rf"|{_CONTACT}[\u4e00-\u9fff]{{1,16}}?{_OFFICE}(?![\u4e00-\u9fff])"
)
# A question in keywords asks for an amount by the noun it ends on: 「全市离休干部人数」, 「老干部活动室 总数」,
# 「先进个人 评选名额」 — the last word names what is asked, as 多少 would (「人数逐年递增」 in the middle does not).
_ASKS_BY_NOUN = re.compile(r"(?:人数|总数|数量|数目|名额|人次|户数|件数|次数)\s*[？?。.！!]*\s*$")
# …unless another word asks — an interrogative (vocabulary.INTERROGATIVE: 「如何减少会议次数」 asks how, 「哪些单位
# 增加了名额」 which ones, 「是否限制人数」 whether, 「有啥名额」, 「收不收人数」), a choice (还是) — or the count is
# what is changed or limited (「精简文件数量」, 「控制参会人数」): the topic, not the answer.
_ALSO_ASKS = re.compile(
    r"还是|么"
    r"|(?:减少|增加|控制|限制|压缩|精简|扩大|提高|降低|确定|调整|核定|分配|统计|上报|填报|核实)\s*\S{0,6}$"
)
# Money is also asked by naming what is paid: 「补助费每月发多少」, 「发多少慰问金」 — a whole word of the
# question (not a piece of a longer one: 黄金 of 黄金周) that ends in one of these, the thing 多少 asks about.
_PAID = re.compile(r"(?:费|费用|金|钱|款|工资|资金|投资|补贴|补助|津贴|薪酬|薪水|奖金|价|价格|预算|收入)$")
# …unless the question counts something else: 「医药费报销要多少天」 asks a duration.
# Between what is paid and its 多少 only verbs and measures of the payment may stand (「每月发」, 「标准是」):
# 「资金惠及多少群众」 counts people, 「投资项目有多少」 projects.
_PAID_GAP = re.compile(
    r"(?:用|额|是|为|有|发|给|交|付|拨|补|每[月人年天户次位名]|一共|总共|共计|共|大约|约|大概|达到|标准|需要|要|能|可以|的|了|都"
    r"|就|还|应|该|按|得|一般|平均|一?年|一?个月|合计)*"
)
_COUNTED = re.compile(
    r"(?:多少|几)\s*(?:个|次|天|年|岁|所|项|条|家|批|种|件|份|倍|月|周|小时|分钟|平方|公里|米|吨|户|支|场|届|期"
    r"|门|班|台|辆|座|张|本|篇|套)|多久|多长|多大|多高|多重|多远"
)
_AMOUNT = re.compile(
    rf"(?:{_NUMBER})\s*{_ABOUT}\s*(?:%|％|‰|元|万|亿|千|百|人|名|个|次|天|日|年|岁|周岁|所|项|位|条|家|批|种|件|份|倍|成"
    r"|平方|公里|米|吨|小时|分钟|月|周|户|支|场|届|期|门|班|台|辆|座|亩|栋|幢|间|套|处|段|张|本|册|篇|首|部|集|页"
    rf"|公顷|公斤|千克|斤|克|升)|(?:{_NUMBER})\s*点\s*{_POINTS}|百分之|[0-9０-９]"
)
# Holidays answer 「什么时候」 and 「哪天」: 「春节前发放到位」
_HOLIDAY = (
    r"(?:春节|元旦|国庆|中秋|清明|端午|除夕|重阳|元宵|五一|七一|八一|十一|[正腊]月|初[一二三四五六七八九十])"
)
_TIME = re.compile(
    rf"(?:周|星期)[一二三四五六日天]|(?:{_NUMBER})\s*(?:年|月|日|号|时|点|世纪|年代)"
    r"|[春夏秋冬][季天]|上午|下午|年底|年初|年末|年中|年内|月内|月底|月初|今年|去年|明年|以来|之前|之后|期间|时期"
    rf"|季度|即日|之日|{_HOLIDAY}"
)
_HOLDS: dict[AnswerKind, re.Pattern[str]] = {
    "money": re.compile(
        rf"(?:{_NUMBER})\s*{_ABOUT}\s*(?:[万亿千百]\s*)?{_ABOUT}\s*(?:元|圆|块|美元|港元|欧元|英镑|日元)"
        rf"|(?:{_NUMBER})\s*{_ABOUT}\s*个?\s*[万亿]{_ABOUT}(?![人名户次个位家所项条件座台辆只头倍])"
        r"|[￥¥$]\s*[0-9]|人民币\s*[0-9]"
    ),
    "people": re.compile(rf"(?:{_NUMBER})\s*{_ABOUT}\s*个?\s*(?:[万千百]\s*)?{_ABOUT}\s*(?:人|名|位)"),
    "share": re.compile(
        rf"%|‰|百分之|百分点|(?:{_NUMBER})\s*(?:成|分之)|[半全]数|一半|过半|大半|(?:全|足)额|[0-9]\s*[:比]\s*[0-9]"
    ),
    "year": re.compile(
        r"(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年|[今去明前后上当同次翌本]年(?!龄|级|轻)|大前年|本年度"
        r"|(?<![0-9])(?:19|20)[0-9]{2}[./-](?:1[0-2]|0?[1-9])(?![0-9])"
    ),
    "day": re.compile(
        rf"(?:{_NUMBER})\s*(?:月|日|号(?![文令楼线院房门字码]))|(?:周|星期|礼拜)[一二三四五六日天]"
        r"|[今明昨后前当次翌]天|[今明昨当次翌]日|月[底初中末]|[上中下]旬|[上下本这]周|[上下本这]个?月"
        r"|(?<![0-9.])(?:1[0-2]|0?[1-9])[/-](?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
        r"|(?<![0-9])(?:19|20)[0-9]{2}[./-](?:1[0-2]|0?[1-9])[./-](?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
        rf"|[今明昨当]晚|{_HOLIDAY}"
    ),
    # 「三点意见」, 「一时难以解决」 are no hours: a clock time is a digit's 点/时, or one with what follows a
    # time (半, 分, 整, 至…), or after 上午/下午…
    "hour": re.compile(
        rf"[0-9]{{1,2}}\s*[点时](?!期|代|候|间|{_POINTS})|[0-9]{{1,2}}\s*:\s*[0-9]{{2}}"
        r"|[〇零一二三四五六七八九十两]+\s*[点时](?:钟|半|整|许|左右|前|后|至|到|[—–\-~～]|[〇零一二三四五六七八九十]+分|[，。、；]|$"
        r"|开始|召开|举行|出发|集合|报到|截止|起|以前|开门|关门|开馆|闭馆|结束|准时)"
        r"|[早晚]\s*[0-9〇零一二三四五六七八九十两]+\s*[点时]|[上下中]午|早上|早晨|晚上|[今明昨当]晚|凌晨|傍晚|夜间"
    ),
}
# Numbers that count nothing: ordinals (第六届), 「每一名」, 「这一项」 (one of a kind), 「一批」, 「一大批」
# (「评选表彰一批先进个人」: "a number of", no figure; 「两批」 does count), and the halves of a period
# (「下半年」, 「前半年」, 「上半月」, 「下半天」: when, not how long; 「会期半天」 is a duration).
_NOT_AN_AMOUNT = re.compile(
    r"第\s*(?:[0-9０-９]+|[〇零一二三四五六七八九十百千两]+)|[每这那某同单][一]"
    r"|(?<![0-9〇零一二三四五六七八九十百千两])一大?批|[上下前后]半(?=[年月天])"
)


def _names_money(question: str) -> bool:
    """Whether 多少 asks about a word of what is paid: one just before it with only verbs or measures of
    the payment between (「补助费每月发多少」, 「费用标准是多少」), or one right after it (「发多少慰问金」)."""
    words = query_terms(question)
    whole = [w for w in words if _PAID.search(w) and not any(w != o and w in o for o in words)]
    for asked in re.finditer(r"多少", question):
        before, after = question[: asked.start()], question[asked.end() :]
        for word in whole:
            at = before.rfind(word)
            if (at >= 0 and _PAID_GAP.fullmatch(before[at + len(word) :])) or after.startswith(word):
                return True
    return False


@lru_cache(maxsize=1024)  # asked by the candidates' search and again by the confidence signal
def asks_for(question: str) -> AnswerKind | None:
    """The kind of answer a question (in either script) asks for — the most specific one its words name (a year,
    a sum of money, a number of people…) — or None (another kind: who, which ones, how)."""
    question = to_simplified(question)
    if _ASKS_CONTACT.search(question) and not _ASKS_AMOUNT_ELSE.search(question):
        return "contact"
    if "第几" in question:  # an ordinal (第几位, 第几届): neither an amount nor a time
        return None
    for kind, pattern in _ASKS:
        if pattern.search(question) and (kind not in _NEEDS_NUMBER or _ASKS_NUMBER.search(question)):
            return kind
    if _ASKS_TIME.search(question):
        return "time"
    if _ASKS_AMOUNT.search(question):
        if _COUNTED.search(question):
            return "amount"
        return "money" if _names_money(question) else "amount"
    if _ASKS_BY_NOUN.search(question) and not (INTERROGATIVE.search(question) or _ALSO_ASKS.search(question)):
        return "amount"
    return None


# What kind of answer a question asks for, by its interrogative (a closed class of the language): a
# paraphrase asks for the same kind, a near miss often for another (「什么时候完成移交」 against
# 「移交后要做到什么」). Open "what/how/whether" questions are left untyped: paraphrases swap them freely.
_MEASURES = frozenset("个名位种项件家张次条份支场门所类批套台辆座本篇间")
_UNITS = frozenset(
    "天年月周日岁时分秒里米元块斤克升亩万亿千百"
)  # 「多少天内」「多少万元」: a figure's unit, not a thing
# 周几 / 星期几 / 礼拜几 ask a day of the week — a time, not a number (session pins47) — unless a measure word, a unit or another count follows (「每周几次」,
# 「每周几顿」, 「一周几公里」 ask how many), 几号 / 几日 ask a date (「这周几号」) and 几乎 is no question at all.
_NOT_WEEKDAY = "".join(sorted(_MEASURES | _UNITS | set("回遍趟顿餐堂课节小人公号乎")))
WEEKDAY = re.compile(rf"(?:周|星期|礼拜)几(?![{_NOT_WEEKDAY}])")
_INTERROGATIVES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "time",
        re.compile(
            r"什么时候|什么时间|何时|何年|哪一?年|哪一?天|几周?[月号点年]|多少周?年|多久|多长时间"
            rf"|{WEEKDAY.pattern}"
        ),
    ),
    ("number", re.compile(r"多少(?!周?年)|几(?!周?[月号点年])|多大|多高|多长(?!时间)|比例|占比")),
    ("person", re.compile(r"谁|哪位|哪些人|什么人")),
    ("place", re.compile(r"哪里|哪儿|在哪|何处|什么地方|哪个地方")),
    ("reason", re.compile(r"为什么|为何|为啥|什么原因")),
)


# A question about an official document itself rather than what it says: its number (文号), who issued it
# (发文机关, 「哪个单位发的」, 落款), whom it is sent to (主送, 「发给哪些单位」) or copied to (抄送, from its 版记).
# Only these read a document's
# 「文件信息」 passage (corpus.HEAD_SECTION) as an answer.
_ASKS_DOCUMENT = re.compile(
    r"文号|字号|文件号|几号文|发文|主送|抄送|抄报|落款|署名|联合发"
    # sent to whom: the document's 主送 only when what is sent is the document (「这个通知发给谁」) or the
    # question asks for bodies (「发给哪些单位」); 「智能呼叫手环发给哪些人」 asks who receives a thing the
    # document is about, which its items say
    r"|(?:通知|文件|公文|函|意见|办法|方案|决定|纪要|简报)[^，。！？,.!?]{0,3}(?:发给|发往|发送)"
    r"|(?:发给|发往|发送)(?:了)?(?:哪些|哪个|哪几个|什么|哪几|哪)?(?:单位|部门|机关|机构|地方|地区)"
    r"|(?:单位|部门|机关|机构|谁|哪家|哪里)(?:发|印发|下发|出台|制定)的"
    # which bodies, asked of the document — issuing it (「哪个单位转发的」) or as its owner (「这个通知是哪个
    # 部门的」); which bodies asked of what the document says (「跟哪个单位联合办的」「由哪些单位主办」「报给
    # 哪个部门」「在哪个单位任职」) its passages answer, not its 「文件信息」 (docs/asks42.md)
    r"|(?:哪些|什么|哪几个|哪个|哪家)(?:单位|部门|机关|机构)(?:联合|共同)?(?:发(?![放给到])|印发|转发|下发|出台|制定|发布)"
    r"|(?:通知|文件|公文|函|意见|办法|方案|决定|纪要|简报|通报|公告)(?:是|的)?"
    r"(?:哪些|什么|哪几个|哪个|哪家)(?:单位|部门|机关|机构)"
)


def asks_about_document(question: str) -> bool:
    """Whether the question (simplified) asks about a document itself — its 文号, its issuers, its 主送 —
    as 「这个通知的文号是多少」「通知发给哪些单位」「是哪个部门发的」 do."""
    return _ASKS_DOCUMENT.search(question) is not None


# A question typed as a noun phrase names no interrogative: staff write 「90岁生日慰问标准」 for 「…慰问金是多少」,
# 「银龄旧物交换集市的举办时间」 for 「…什么时候举办」, 「排练地点」 for 「到哪里排练」. The noun it ends on names the
# kind it asks for — read only when nothing in it asks (no interrogative, no 吗/呢: 「有哪些收费标准」 asks which
# ones, 「要满六十岁吗」 whether). A requirement on a thing (「年龄要求」「次数限制」「年龄条件」「年龄范围」) asks for
# that thing's kind; one on nothing a kind names (「报名条件」) asks for none. 位置 is left out: speeches place
# work 「摆在突出位置」, no place.
_NOUN_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "number",
        re.compile(
            r"(?:标准|上限|下限|数量|数额|数目|金额|总额|总数|人数|人次|名额|次数|场次|天数|门数|件数|户数|课时"
            r"|面积|单价|价格|年龄|岁数|年纪|费用|(?<![浪消])费|补贴|补助|津贴|距离|里程)$"
        ),
    ),
    ("time", re.compile(r"(?:时间|日期|期限|时长|时段|年限)$")),
    ("place", re.compile(r"(?:地点|地址|场所|场地)$")),
    ("person", re.compile(rf"(?:{_CONTACT_PERSON}|负责人)$")),
    ("reason", re.compile(r"(?:原因|缘由|理由)$")),
)
_REQUIREMENT = re.compile(r"的?(?:要求|限制|条件|范围)$")
_END = re.compile(r"[\s？?。.！!，,、~…]+$")
# Spoken interrogatives the written classes miss: 「啥时候」 asks what 「什么时候」 asks, 「啥地方」 「什么地方」.
_SPOKEN_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("time", re.compile(r"啥时候?|啥时间|啥日子")),
    ("place", re.compile(r"啥地方")),
)


def asked_kinds(folded: str) -> frozenset[str]:
    """The broad kinds of answer a question asks for, as `interrogative_kinds` reads them, the spoken
    interrogatives (啥时候, 啥地方) among them — and, for a question typed as a noun phrase, the kind the noun
    it ends on names (标准, 上限, 人数 → number; 时间, 期限 → time; 地点 → place; see `_NOUN_KINDS`)."""
    kinds = set(interrogative_kinds(folded)) | {k for k, p in _SPOKEN_KINDS if p.search(folded)}
    if kinds or INTERROGATIVE.search(folded):
        return frozenset(kinds)
    noun = _END.sub("", folded)
    noun = _REQUIREMENT.sub("", noun) or noun
    return frozenset(k for k, p in _NOUN_KINDS if p.search(noun))


def interrogative_kinds(folded: str) -> frozenset[str]:
    """The broad kinds of answer a question asks for by its interrogative — time, number, person, place,
    reason — empty for open questions. Coarser than `asks_for`, and read from the question alone: pinned
    answers compare two questions by it (a paraphrase asks for the same kind)."""
    kinds = set()
    weekdays = {m.end() - 1 for m in WEEKDAY.finditer(folded)}  # the 几 of 周几 / 星期几 / 礼拜几
    for kind, pattern in _INTERROGATIVES:
        for m in pattern.finditer(folded):
            # 「几」 inside 「哪几」 asks which ones, not how many; inside 「礼拜几」 a day
            if kind == "number" and (
                folded[max(m.start() - 1, 0) : m.start() + 1] == "哪几" or m.start() in weekdays
            ):
                continue
            kinds.add(kind)
    return frozenset(kinds)


# A house number is no day: 「学院路88号」「解放街3号」 (an address's 号 after the road it numbers) answers where, not when.
_ADDRESS = re.compile(
    r"(?:路|街|巷|弄|胡同|大道)\s*(?:[0-9]+|[〇零一二三四五六七八九十百]+)\s*(?:之[0-9一二三四五六七八九十]+\s*)?号"
)


_DATE = re.compile(
    r"(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年(?:\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"(?:\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?)?"
)


def holds(kind: AnswerKind, text: str, besides: str = "") -> bool:
    """Whether a text holds an answer of that kind: a figure with its unit (a calendar date,
    「二〇二〇年七月一日」, is not an amount; an ordinal, 第六届, is none), or a date or time. A specific
    kind needs its own unit: a sum of money needs 元, a year needs a year.

    A figure `besides` holds too (the question) is no answer to it: 「今年夏季休养什么时候开始」 is not
    answered by a passage whose only times are its 今年 and 夏季 — but 「党员20名」 still answers
    「报名的120名老同志中党员有多少人」 (figures are compared whole, not as pieces of the question)."""
    if kind == "contact":  # a contact line is no figure the question could name itself
        return _HOLDS_CONTACT.search(unicodedata.normalize("NFKC", to_simplified(text))) is not None
    found = _figures(kind, text)
    return bool(found - _figures(kind, besides)) if besides and found else bool(found)


@lru_cache(maxsize=16384)  # a search asks it of its candidates, their sentences, and of the same ones again
def _figures(kind: AnswerKind, text: str) -> frozenset[str]:
    """The figures of that kind a text holds (`holds`), each as written, spaces left out."""
    # 八時, 三號: a passage may be in traditional script; ８：３０ in full-width forms
    text = unicodedata.normalize("NFKC", to_simplified(text))
    if kind in _HOLDS:
        text = _NOT_AN_AMOUNT.sub(" ", text) if GENERAL[kind] == "amount" else text
        text = _ADDRESS.sub(" ", text) if kind == "day" else text
        # a sum is also given as a share of something (「拿出财政收入的十分之一」)
        patterns = [_HOLDS[kind], *([_HOLDS["share"]] if kind == "money" else [])]
    elif kind == "amount":
        text = _NOT_AN_AMOUNT.sub(" ", _DATE.sub(" ", text))
        patterns = [_AMOUNT]
    else:  # a time: any date or time, or a year, a day or an hour
        text = _ADDRESS.sub(" ", text)
        patterns = [_TIME, _HOLDS["year"], _HOLDS["day"], _HOLDS["hour"]]
    return frozenset("".join(m.group().split()) for p in patterns for m in p.finditer(text))


def kind_missing(question: str, text: str) -> float:
    """1.0 when the question asks for an amount or a time and the text holds none (but those the question
    names itself), else 0.0."""
    kind = asks_for(question)
    return 1.0 if kind is not None and not holds(kind, text, question) else 0.0


NUMERAL_RUN = re.compile(f"[{''.join(sorted(NUMERAL_CHARS))}]{{2,}}")  # a candidate for `numeral_value`


def numeral_value(word: str) -> int | None:
    """The value of a number of two or more Chinese numerals (六十一 → 61, 二〇二四 → 2024), or None. A
    single numeral (一, 十) is left alone: in running text it is mostly part of a word (统一, 十分)."""
    return chinese_numeral_value(word) if len(word) >= 2 else None


_CHINESE_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def _fold_figures(text: str) -> str:
    """Full-width digits to ASCII, and years written in Chinese numerals to digits (二〇二〇年 → 2020年)."""
    text = unicodedata.normalize("NFKC", text)
    return _CHINESE_YEAR.sub(lambda m: str(numeral_value(m.group()) or m.group()), text)


def named_figures(question: str) -> set[str]:
    """The figures of two or more digits a question names (years, counts, amounts)."""
    return {f for f in _FIGURE.findall(_fold_figures(question)) if len(f.replace(".", "")) >= 2}


def figure_missing(question: str, text: str) -> float:
    """1.0 when the question names a figure (2025年, 476个) the text does not hold, else 0.0 — held as written,
    or as the same value with the same unit written otherwise (18次 by 十八次: `figures.held_as_figure`). The
    text should be what a reader sees of the passage: its words, heading, and the speech's title and date."""
    figures = named_figures(question)
    if not figures:
        return 0.0
    haystack = _fold_figures(text)
    lowered = text.lower()
    missing = (f for f in figures if f not in haystack)
    return 1.0 if any(not held_as_figure(f, question, lowered) for f in missing) else 0.0


# The thing a question asks about, named by the word its interrogative is said of: 「旗袍班**学费**多少钱」,
# 「**报名费**多少」, 「**裁判长**是谁」, 「**讲解员**叫什么名字」, 「有多少**补贴**」, 「有几个**名额**」. A passage that
# never says that word (the class's timetable, which names no fee; a notice naming no referee) talks about the
# topic, not about what was asked (docs/asks43.md). Three forms are read (and a fourth below), each naming a thing, not an
# action: a word before 是谁 / 是哪位 (「报给谁」「由谁」 say who does something: a verb), before 叫什么名字,
# or before 多少 — after 是 / 为, or right before it when the word names a sum, a code or a rate (费, 金, 钱,
# 价, 码, 率, 额…: 「学费多少」, not 「超过多少」); and a word after 多少 / 几 and a measure (多少补贴, 几个名额;
# 「周几训练」 asks a day). 「哪些 / 什么 + a noun」 is left alone: it names a class whose members a passage lists
# without naming it (「带哪些证件」 → 身份证、医保卡). Nor does a word that names no particular thing count —
# a category (单位, 时间, 材料, 标准), a time or frequency (现在, 每月), a measure (人次) — nor any word of
# one character.
_ASKED_GAP = frozenset({"的", "是", "为"})  # not 有: 「乐队有多少人」 asks of 人, 乐队 is the whole
_ASKED_PERSON = frozenset({"谁", "哪位", "哪一位"})
_ASKED_SUM = re.compile(r"[费金钱价码率额贴租息薪酬资]$")
_GENERIC = frozenset(
    {
        "单位",
        "部门",
        "机构",
        "机关",
        "地方",
        "场地",
        "地点",
        "时候",
        "时间",
        "日子",
        "人员",
        "东西",
        "内容",
        "事情",
        "问题",
        "方面",
        "方式",
        "办法",
        "情况",
        "作用",
        "意思",
        "原因",
        "名字",
        "条件",
        "要求",
        "规定",
        "材料",
        "手续",
        "程序",
        "流程",
        "途径",
        "渠道",
        "措施",
        "待遇",
        "政策",
        "标准",
        "数量",
        "人数",
        "金额",
        "费用",
        "数字",
        "数目",
        "总数",
        "次数",
        "比例",
        "现在",
        "目前",
        "一共",
        "总共",
        "大概",
        "大约",
        "每月",
        "每年",
        "每人",
        "每天",
        "每次",
        "一年",
        "今年",
        "去年",
        "明年",
        "最多",
        "最少",
        "至少",
        "一般",
        "平均",
        "人次",
        "文件",
        "通知",
        "活动",
        "工作",
        "项目",
        "同志",
        "老师",
        "领导",
        "负责人",
        "钱数",
        "价格",
        "价钱",
        "老同志",
        "老干部",
        "干部",
        "老人",
        "对象",
        "合适",
        "适合",
        "为宜",
        "比较",
        "左右",
        "以上",
        "以下",
        "以内",
        "分别",
        "各自",
        "到底",
        "究竟",
        "具体",
        "主要",
        "一下",
    }
)
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
# A yes/no question whether a thing is had or given names it too (docs/asks46.md): the word right after 有没有 /
# 有无 or a giving verb asked as 「V不V」 (「一卡通有没有年费」, 「结业发不发证书」), and in 「有 X 吗」 the word X
# right after 有 (「队员每月有补贴吗」, 「读书笔记有奖金吗」) — either after a numeral with its measure too
# (「有一百二十个座位吗」) — when it ends the question. 「有 X 能… 吗」 asks of the verb, not of X.
_HAS_OR_NOT = frozenset(
    {"有没有", "有无", "发不发", "给不给", "送不送", "配不配", "管不管", "包不包", "供不供"}
)
_YES_NO_END = frozenset({"吗", "嘛", "么", "没有", "没", "不"})
_GIVE_OR_NOT = re.compile(r"([发给送配管包供])不\1")
_ANY_OF_A_KIND = ("其他", "其它", "额外", "别的", "另外")  # 「有没有其他费用」 asks of any, names none
_HAN = re.compile(r"[\u4e00-\u9fff]")
_COUNTED_TOKEN = re.compile(f"[0-9{''.join(sorted(NUMERAL_CHARS))}几]+[{''.join(sorted(_MEASURES))}]?")


def _asked_word(word: str) -> bool:
    return bool(_HAN_WORD.fullmatch(word)) and word not in _GENERIC and word not in STOPWORDS


def _said_of(tokens: list[str], at: int, sum_only: bool) -> str | None:
    """The word before tokens[at] that an interrogative is said of, past 的 / 是 / 为 (at most two); with
    none between, only a word naming a sum (`sum_only`: 「学费多少」)."""
    j = at - 1
    while j >= 0 and tokens[j] in _ASKED_GAP and at - j <= 2:
        j -= 1
    if j < 0 or not _asked_word(tokens[j]):
        return None
    if j == at - 1 and sum_only and not _ASKED_SUM.search(tokens[j]):
        return None
    return tokens[j]


@lru_cache(maxsize=1024)
def asked_words(question: str) -> tuple[str, ...]:
    """The words naming what a question asks about (see above), in simplified script, in order; empty
    for a question of another form, or one asking whom to contact (`asks_for` "contact": a contact line
    answers it) or about a document itself (`asks_about_document`: its 「文件信息」 does)."""
    simple = to_simplified(question).lower()
    if asks_about_document(simple) or asks_for(question) == "contact":
        return ()
    tokens = [t for t in jieba_cut(simple) if t.strip()]
    found: list[str] = []
    for i, token in enumerate(tokens):
        counted = token == "多少" or (len(token) == 2 and token[0] == "几" and token[1] in _MEASURES)
        after = None
        # 「哪几条理由」 asks which ones (an enumeration), as 哪些 does
        if counted and not (i > 0 and tokens[i - 1].endswith("哪")):
            k = i + 1
            if token == "多少" and k < len(tokens) and tokens[k] in _MEASURES:
                k += 1
            if k < len(tokens) and _asked_word(tokens[k]) and tokens[k][0] not in _UNITS:
                after = tokens[k]
        word = None
        person = token in _ASKED_PERSON and i > 0 and tokens[i - 1] == "是"  # 「裁判长是谁」, not 「报给谁」
        name = (token == "叫" and tokens[i + 1 : i + 2] == ["什么"]) or token == "叫什么"
        if person or name:
            word = _said_of(tokens, i, sum_only=False)
        elif token == "多少" and after is None:  # 「球会的多少股份」 asks of 股份, not of 球会
            word = _said_of(tokens, i, sum_only=True)
        found.extend(w for w in (word, after) if w is not None)
        if tokens[i] in _HAS_OR_NOT or tokens[i] == "有":
            found.extend(
                w for w in (_had_or_given(tokens[i + 1 :], tokens[i] in _HAS_OR_NOT),) if w is not None
            )
    # 「V不V」 as jieba seldom cuts it (给/不/给, 旅游包/不包): read on the question itself
    for m in _GIVE_OR_NOT.finditer(simple):
        rest = [t for t in jieba_cut(simple[m.end() :]) if t.strip()]
        found.extend(w for w in (_had_or_given(rest, True),) if w is not None)
    return tuple(dict.fromkeys(found))


def _had_or_given(after: list[str], has: bool) -> str | None:
    """The thing a yes/no question asks whether it is had or given (see `_HAS_OR_NOT`), read in the tokens
    `after` 有 (`has` False) or after 有没有 / 「V不V」 (`has` True), past a numeral with its measure: the word that
    ends the question — only 吗 / 没有 / 不, punctuation, Latin letters or (after a dictionary word) single
    characters after it (「有没有年龄要求」 asks of 要求, 「有没有医生跟着」 of 跟着, 「有没有人送书」 of no thing) — and
    names a thing, not a kind of things (其他费用)."""
    counted = bool(after) and _COUNTED_TOKEN.fullmatch(after[0]) is not None
    k = int(counted)  # 「有一百二十个座位吗」, not 「有七千多平方米吗」 (a figure's unit)
    if (
        k >= len(after)
        or not _asked_word(after[k])
        or after[k].startswith(_ANY_OF_A_KIND)
        or (counted and (after[k][0] in _UNITS or after[k][0] in "多余"))
    ):
        return None
    rest = after[k + 1 :]
    if not has and not (rest and rest[0] in _YES_NO_END):  # 「有 X」 not asked as a yes/no question
        return None
    # a single character may follow a word of the dictionary (「有没有游泳课」, 「有没有讲解员带着看」), not one jieba
    # guessed by gluing the next character on (「有没有人送书」 → 人送, 「有没有车来接」 → 车来)
    tail = [t for t in rest if t not in _YES_NO_END and _HAN.search(t)]
    if tail and (any(_HAN_WORD.search(t) for t in tail) or not dictionary_words([after[k]])):
        return None
    return after[k]


def asked_missing(
    question: str,
    texts: Sequence[str],
    synonyms: Callable[[str], Iterable[str]] = lambda word: (),
) -> bool:
    """Whether a word naming what the question asks about (`asked_words`) is named by none of the texts — the
    passages as a reader sees them (heading, words, title): the best ones and the best one's neighbours —,
    neither as asked nor as a word the library uses for the same thing (`synonyms`: 费用 for 钱). A near miss
    asks for a thing no passage of its topic names (学费 of a class whose notice names none); a question
    answered in other words usually finds its word, or a synonym of it, in one of the best passages or
    beside the best one (docs/asks44.md)."""
    haystacks = [to_simplified(t).lower() for t in texts]
    words: list[frozenset[str]] = []  # each text's words, cut only when a word is not found as asked

    def named(word: str) -> bool:
        variants = (word, *(to_simplified(x).lower() for x in synonyms(word)))
        if any(v in h for v in variants for h in haystacks):
            return True
        if not words:
            words.extend(frozenset(t for t in jieba_cut(h) if len(t) > 2) for h in haystacks)
        return any(shortened_in(word, t) for cut in words for t in cut)

    return any(not named(w) for w in asked_words(question))


def shortened_in(word: str, longer: str) -> bool:
    """Whether `word` is `longer` with characters left out: it begins as `longer` does and holds the rest of its
    characters in the same order (电子书 of 电子图书, 医保 of 医疗保险; not 会长 of 长会). Staff shorten the document's
    word; a passage holding the long form as one word (jieba's: 电子图书, never 学员 + 自费 read as one) names the
    thing asked (docs/asks45.md)."""
    if len(longer) <= len(word) or longer[0] != word[0]:
        return False
    rest = iter(longer[1:])
    return all(c in rest for c in word[1:])
