"""Re-verify every label of benchmarks/fit-questions.jsonl; exit 1 on any problem.

The fit set is used only to FIT the confidence model (whether the system says 「没有找到」). It was
written cold, from reading the documents, without running speechqa on any of its questions; it is
never used to report a score.

Checks:
- the schema (fields, styles, kinds, split "fit", a notice stem exactly for notice questions);
- every answer phrase occurs verbatim in its corpus: the bundled speeches, or the one named notice;
- every unanswerable question has a probe below: its anchors (the topic the question is about) occur
  in its document, and the words that would carry the asked detail do not, either anywhere in the
  document (`absent`) or in the sentences holding an anchor (`near`); off-topic probes are checked
  against the speeches and all notices;
- no question duplicates another fit question or one of the dev, cold to cold18 (every blind set in the tree), policy or pin sets
  once punctuation and spaces are removed — of the pin set, its paraphrases, near misses and unrelated
  questions (what `bench pins` scores); a *pinned* question is what an admin pins, never asked or scored,
  and may be worded as a fit question is (the fifth pin batch, written cold, words two pins so: g06 as f230
  and g08 as f243, the natural question of one sentence written twice);
- no question is close to one a score is reported on (the held-out halves of the dev and policy sets,
  the cold sets cold to cold18): a character-sequence similarity of NEAR or more, in simplified script, is
  a near copy (「五心服務品牌的熱心是指什麼」 of 「…細心…」) or the same topic asked again, which would
  teach the model the answer to a reported question.

Usage: python scripts/check_fit_questions.py
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus import to_simplified  # noqa: E402

FIT = ROOT / "benchmarks" / "fit-questions.jsonl"
SPEECHES = ROOT / "corpus" / "data" / "speeches-2024-laoganbu.txt"
NOTICES = ROOT / "tests" / "fixtures" / "notices"
# every blind set in the tree: cold, cold2, cold3 … (a new one is compared as soon as its file is there)
COLD_SETS = [
    "cold",
    *(f"cold{n}" for n in range(2, 100) if (ROOT / "benchmarks" / f"cold{n}-questions.jsonl").exists()),
]
OTHER_SETS = ["dev", *COLD_SETS, "policy", "pin"]
REPORTED = {
    "dev": {"heldout"},
    "policy": {"held-out", "heldout"},
    **{f"cold{n}": None for n in ("", 2, 3, 4, 5, 6, 7, 8)},
}
# None: the whole set is reported on
NEAR = 0.7

STYLES = {"question", "keywords", "colloquial", "traditional", "numerals", "year"}
KINDS = {"answerable", "near-miss", "off-topic"}

DATE = r"\d+月|[一二三四五六七八九十〇]+月|\d+日"
MONEY = r"\d[\d.]*万?元|[一二三四五六七八九十百千万]+元"

# id -> anchors (literal, must occur), absent (regexes that must not occur in the document),
# near (regexes that must not occur in a sentence holding an anchor).
PROBES: dict[str, dict[str, list[str]]] = {
    # speech 1
    "f052": {"anchor": ["城市社区离退休干部党建"], "absent": ["试点社区"]},
    "f053": {"anchor": ["特色支部创建活动"], "absent": ["评选标准", "评分"]},
    "f054": {"anchor": ["综合平台"], "absent": ["上线时间"], "near": [DATE]},
    "f055": {"anchor": ["考核的重要内容"], "absent": ["分值", "权重", r"\d+分"]},
    "f056": {"anchor": ["陈希同志强调"], "near": ["会议", "会上"]},
    "f057": {"anchor": ["机构改革"], "absent": ["老干部局编制", "人员编制", "编制数"]},
    "f058": {"anchor": ["开展好系列庆祝活动"], "near": [DATE]},
    "f059": {"anchor": ["双先"], "absent": ["每[两三四五]年", "年评选一次", "年表彰一次"]},
    # speech 2
    "f060": {"anchor": ["瓯海老干部局用两个月时间"], "near": [MONEY, "慰问金"]},
    "f061": {"anchor": ["高龄老干部服务管理经验交流会"], "near": [DATE]},
    "f062": {"anchor": ["123456"], "absent": ["六项"]},
    "f063": {"anchor": ["陈敏傍"], "near": [r"\d{4}年", "任职"]},
    "f065": {"anchor": ["创办20周年"], "near": [DATE]},
    "f066": {"anchor": ["先进集体和先进个人"], "absent": ["申报", "材料"]},
    "f069": {"anchor": ["委托当地社保局代管"], "absent": ["协议"]},
    # speech 3
    "f072": {"anchor": ["党建指导员"], "near": ["补贴", "补助", "报酬"]},
    "f073": {"anchor": ["先进个人表彰大会的召开"], "near": [DATE]},
    "f074": {"anchor": ["老干部教育网络集群"], "absent": ["网址", "http", "www"]},
    "f075": {"anchor": ["全市作风建设大会"], "near": [DATE]},
    # speech 4
    "f076": {"anchor": ["贵池"], "near": [MONEY]},
    "f077": {"anchor": ["对事迹突出的老同志进行表彰"], "near": [r"\d+名", r"\d+位", r"\d+人"]},
    "f078": {"anchor": ["王明方副书记"], "near": ["会议", "会上"]},
    "f079": {"anchor": ["离休费"], "absent": ["上调", "提高离休费", "增加离休费"]},
    # speech 5
    "f081": {"anchor": ["夕阳风采"], "absent": ["电话", "客服"]},
    "f082": {"anchor": ["全省离退休干部党支部书记培训班"], "near": [r"\d+期", "在[\u4e00-\u9fa5]{2,3}举办"]},
    "f083": {"anchor": ["信息化二期项目"], "absent": ["承建", "公司"]},
    "f085": {"anchor": ["省老年大学（活动中心）新址"], "absent": ["启用", "投入使用"]},
    "f086": {"anchor": ["标准化先进党支部"], "near": [r"\d+个"]},
    "f087": {"anchor": ["“四先”表彰大会"], "absent": [r"\d+个先进集体"]},
    # off-topic, checked against every document
    "f089": {"absent": ["公章", "登报"]},
    "f090": {"absent": ["返聘"]},
    "f091": {"absent": ["讣告", "訃告"]},
    "f092": {"absent": ["部门预算"]},
    "f093": {"absent": ["贵宾", "飞机"]},
    "f094": {"absent": ["报刊"]},
    "f095": {"absent": ["重阳"]},
    # notices
    "f117": {"anchor": ["一律暂停开放"], "absent": ["恢复"]},
    "f118": {"anchor": ["2021年3月12日"], "absent": ["召开地点", "会场", r"在[\u4e00-\u9fa5]{2,6}召开"]},
    "f119": {"anchor": ["15分钟活动圈"], "absent": ["首批", r"\d+个"]},
    "f120": {"anchor": ["凭本人证件免费"], "absent": ["家属", "配偶"]},
    "f122": {"anchor": ["双报到"], "absent": ["小时"]},
    "f124": {"anchor": ["迎新春座谈会"], "absent": ["会场", "礼堂", "宾馆", "会议中心"]},
    "f125": {"anchor": ["防暑降温物品"], "absent": ["元"]},
    "f126": {"anchor": ["问卷"], "absent": ["满意度"]},
    "f127": {"anchor": ["军队离休干部"], "absent": ["补贴", "每月"]},
    "f128": {"anchor": ["规定限值"], "absent": ["元"]},
    "f129": {"anchor": ["原则上由退休干部党员担任"], "absent": ["年龄", "周岁"]},
    "f131": {"anchor": ["意外伤害保险"], "absent": ["补贴", "补助"]},
    "f132": {"anchor": ["2023年度"], "absent": ["2022"]},
    "f133": {"anchor": ["书法"], "near": ["每周", "周[一二三四五六日]"]},
    "f135": {"anchor": ["异地居住的退休干部党员"], "absent": [r"每[年季月周]", r"\d+次"]},
    # second batch (conf10): speeches
    "f262": {"anchor": ["高华公寓"], "near": ["平方米", "面积"]},
    "f263": {"anchor": ["中国象棋赛"], "near": ["在[\u4e00-\u9fa5]{2,6}举办", "地点", "场馆"]},
    "f265": {"anchor": ["服务品牌活动推进会"], "near": [DATE]},
    "f266": {"anchor": ["陈敏傍"], "near": ["奖金", MONEY]},
    "f268": {"anchor": ["全面检查"], "near": ["牵头", "组织部", "财政"]},
    "f269": {"anchor": ["城市社区离退休干部党建"], "absent": ["考核办法", "考核细则", "考评"]},
    "f272": {"anchor": ["老干部服务信息平台"], "absent": ["注册", "账号", "下载"]},
    "f273": {"anchor": ["担任党建指导员"], "near": ["任期", r"\d+年"]},
    "f274": {"anchor": ["七军会"], "near": [r"\d+人", r"\d+名", "志愿者"]},
    "f275": {"anchor": ["陈欠"], "near": [MONEY, "金额"]},
    "f276": {"anchor": ["王东明副部长"], "near": ["会议", "会上"]},
    "f277": {"anchor": ["全省离退休干部文艺汇演"], "near": ["在[\u4e00-\u9fa5]{2,4}举办", "地点"]},
    "f278": {"anchor": ["红色教育基地"], "near": [r"\d+个"]},
    "f279": {"anchor": ["老干部局（处）长培训班"], "near": [DATE, "开班"]},
    "f280": {"anchor": ["省老年大学（活动中心）新址"], "near": ["路", "街"]},
    "f282": {"anchor": ["6场线上线下专题报告会"], "near": ["专家", "教授"]},
    "f283": {
        "anchor": ["赵一德副书记"],
        "absent": ["赵一德副书记指出", "赵一德副书记强调", "赵书记指出", "赵书记强调"],
    },
    "f284": {"anchor": ["全国老年大学文艺汇演"], "near": ["奖", "名次"]},
    "f285": {"anchor": ["进一步办好老年大学"], "near": ["招收", "招生", r"\d+名"]},
    # off-topic, checked against every document
    "f286": {"absent": ["异地就医"]},
    "f287": {"absent": ["办公地址", "地址"]},
    "f288": {"absent": ["公交"]},
    "f289": {"absent": ["就业"]},
    "f290": {"absent": ["护照", "護照"]},
    "f291": {"absent": ["电动车", "上牌"]},
    "f292": {"absent": ["养老金"]},
    "f293": {"absent": ["加班"]},
    "f387": {"anchor": ["争做老干部贴心人"], "near": [r"\d{4}年", "启动"]},
    "f388": {"anchor": ["助力乡村振兴暨基层治理"], "near": [r"\d+名", r"\d+人", "万"]},
    "f390": {"anchor": ["党建工作经费使用管理办法"], "near": [MONEY, "每名", "每人"]},
    "f391": {"anchor": ["关注率超过37%"], "near": [r"第[一二三四五六七八九十\d]+"]},
    "f392": {"anchor": ["李建国"], "absent": ["书记", "市长"]},
    "f394": {"anchor": ["有效问卷2216份"], "near": ["退休", "占"]},
    "f395": {"anchor": ["绿色通道"], "absent": ["窗口"]},
    # second batch (conf10): notices
    "f340": {"anchor": ["定点医院"], "absent": ["人民医院", "中心医院", "医院名单", "第[一二三四五]医院"]},
    "f341": {"anchor": ["封闭管理"], "absent": ["解除", "结束", "恢复"]},
    "f342": {"anchor": ["320万元"], "near": [r"\d+名", r"\d+人"]},
    "f343": {"anchor": ["信息管理系统"], "absent": ["开发", "公司", "承建"]},
    "f344": {"anchor": ["急救培训"], "absent": ["学时", "小时"]},
    "f345": {"anchor": ["困难帮扶办法"], "absent": ["施行", "实施", "起执行"]},
    "f346": {"anchor": ["“双报到”活动"], "absent": ["表彰", "奖励", "评选"]},
    "f348": {"anchor": ["迎新春座谈会"], "absent": [r"\d+位", r"\d+名", r"\d+人"]},
    "f349": {"anchor": ["防暑降温"], "absent": ["结束", "截止", r"[89九八]月"]},
    "f350": {"anchor": ["调研报告"], "absent": ["课题组", "委托", "研究院", "研究中心"]},
    "f351": {"anchor": ["军队离休干部的医疗待遇"], "absent": ["退休干部的医疗"]},
    "f352": {"anchor": ["署公告"], "absent": ["解释"]},
    "f353": {"anchor": ["主题党日活动"], "near": [r"\d+日", "号"]},
    "f354": {"anchor": ["老红军"], "absent": ["老红军每人", "老红军.{0,6}元"]},
    "f355": {"anchor": ["首批1200名"], "absent": ["第二批", "下一批"]},
    "f356": {"anchor": ["推进会"], "absent": ["会议室", "礼堂", "会议中心", r"在[\u4e00-\u9fa5]{2,6}召开"]},
    "f357": {"anchor": ["考核结果"], "absent": ["不合格", "较差", "不达标"]},
    "f358": {"anchor": ["太极拳"], "near": ["每周", "周[一二三四五六日]"]},
    "f359": {"anchor": ["国画"], "absent": ["老师", "教师", "授课"]},
    "f360": {"anchor": ["医政科"], "absent": ["电话", r"\d{7,}"]},
    "f361": {"anchor": ["居住地社区党组织"], "absent": ["介绍信", "手续"]},
    "f362": {"anchor": ["春節期間"], "absent": ["開始", "开始", "截止", "起至"]},
    "f363": {"anchor": ["印发通知"], "absent": ["〔", "号文", "发〔"]},
    # third batch (fitcol22): colloquial near misses and off-topic questions
    "f630": {"anchor": ["体检项目"], "absent": ["空腹", "禁食"]},
    "f631": {"anchor": ["体检对象"], "absent": ["配偶", "家属", "老伴"]},
    "f632": {"anchor": ["活动中心"], "absent": ["食堂", "就餐", "午餐", "餐"]},
    "f633": {"anchor": ["活动中心"], "absent": ["停车", "车位"]},
    "f634": {"anchor": ["审批时限"], "absent": ["到账", "银行", "卡", "发放"]},
    "f635": {"anchor": ["护理费"], "absent": ["工资", "离休费", "发放"]},
    "f636": {"anchor": ["护理费"], "absent": ["申请", "申报", "办理"]},
    "f637": {"anchor": ["纳凉点"], "near": [r"\d+时", "[一二三四五六七八九十]+时", "晚上"]},
    "f638": {"anchor": ["慰问金标准"], "absent": ["财政", "经费", "列支", "承担"]},
    "f639": {"anchor": ["慰问金"], "absent": ["现金", "银行", "卡"]},
    "f640": {"anchor": ["志愿服务"], "absent": ["餐", "饭", "补贴", "补助"]},
    "f641": {"anchor": ["志愿服务"], "absent": ["元", "补贴", "报酬"]},
    "f642": {"anchor": ["老年大学"], "absent": ["校区", "地址", "路"]},
    "f643": {"anchor": ["声乐"], "absent": ["老师", "教师", "授课"]},
    "f645": {"anchor": ["网上报名"], "near": [DATE]},
    "f646": {"anchor": ["单独统筹"], "absent": ["垫付", "先行支付", "记账"]},
    "f647": {"anchor": ["绿色通道"], "absent": ["病房", "单间", "住院"]},
    "f648": {"anchor": ["每名报到党员"], "absent": ["年老", "体弱", "免除", "行动不便"]},
    "f649": {"anchor": ["党支部书记"], "absent": ["任期", "换届", "届"]},
    "f650": {"anchor": ["集中学习"], "absent": ["小时", "学时", "半天"]},
    "f651": {"anchor": ["离休费"], "absent": ["上调", "提高", "增加", "调整"]},
    "f652": {"anchor": ["定期走访制度"], "absent": ["慰问品", "慰问金", "礼品"]},
    "f653": {"anchor": ["智能手机进课堂"], "absent": ["地点", "地址", "社区学校"]},
    "f654": {"anchor": ["出境定居"], "absent": ["旅游", "短期"]},
    "f655": {"anchor": ["优秀等次"], "absent": ["奖金", "奖励", "元"]},
    "f656": {"anchor": ["组织关系"], "absent": ["手续", "介绍信", "材料"]},
    "f657": {"anchor": ["走訪慰問"], "absent": ["米", "油", "物品", "慰問品"]},
    "f658": {"anchor": ["基本生活保障制度"], "absent": ["养老金", "%", "元"]},
    "f659": {"anchor": ["高华公寓"], "near": ["时", "开放"]},
    "f661": {"anchor": ["外地的离休干部进行一次慰问"], "near": [MONEY, "慰问金"]},
    "f662": {"anchor": ["每年一次体检"], "near": ["医院"]},
    "f666": {"anchor": ["门球赛"], "near": [DATE]},
    "f667": {"anchor": ["我为温州第三次跨越建言献策作贡献"], "near": ["奖"]},
    "f669": {"anchor": ["志愿服务团队476个"], "near": ["小时"]},
    "f670": {"anchor": ["特殊护理费"], "near": [MONEY]},
    "f671": {"anchor": ["信息化二期项目"], "near": [DATE, "年底", "完工"]},
    "f672": {"absent": ["食堂"]},
    "f673": {"absent": ["医保卡", "补办"]},
    "f674": {"absent": ["高铁", "火车", "铁路"]},
    "f675": {"absent": ["护工", "陪护"]},
    "f676": {"absent": ["周末", "双休"]},
    "f677": {"absent": ["游泳"]},
    "f678": {"absent": ["股票", "炒股"]},
    "f679": {"absent": ["临时工", "招聘"]},
    "f680": {"absent": ["公租房", "廉租"]},
    "f681": {"absent": ["电视"]},
}


def norm(text: str) -> str:
    """Drop punctuation, symbols and spaces, fold width and case."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def simple(text: str) -> str:
    """`norm` in simplified script (the sets mix scripts)."""
    return norm(to_simplified(text))


def sentences(doc: str, anchor: str) -> list[str]:
    return [s for s in re.split(r"[。；！？\n]", doc) if anchor in s]


def main() -> int:
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    problems: list[str] = []
    speeches = SPEECHES.read_text(encoding="utf-8")
    notices = {p.stem: p.read_text(encoding="utf-8") for p in sorted(NOTICES.glob("*.txt"))}
    everything = "\n".join([speeches, *notices.values()])
    rows = [json.loads(line) for line in FIT.read_text(encoding="utf-8").splitlines() if line.strip()]

    seen_ids: set[str] = set()
    for r in rows:
        rid = r.get("id", "?")
        where = f"{rid} {r.get('question', '')}"
        if rid in seen_ids:
            problems.append(f"{where}: id repeated")
        seen_ids.add(rid)
        if r.get("style") not in STYLES:
            problems.append(f"{where}: style {r.get('style')!r}")
        if r.get("kind") not in KINDS:
            problems.append(f"{where}: kind {r.get('kind')!r}")
        if r.get("split") != "fit":
            problems.append(f"{where}: split must be 'fit'")
        answers = r.get("answers")
        if not isinstance(answers, list) or (r.get("kind") == "answerable") != bool(answers):
            problems.append(f"{where}: answers do not match kind {r.get('kind')}")
            continue
        if r.get("corpus") == "speeches":
            if "notice" in r:
                problems.append(f"{where}: speech question names a notice")
            doc = speeches
        elif r.get("corpus") == "notices":
            if r.get("notice") not in notices:
                problems.append(f"{where}: unknown notice {r.get('notice')!r}")
                continue
            if r.get("kind") == "off-topic":
                problems.append(f"{where}: notice questions are answerable or near misses")
            doc = notices[r["notice"]]
        else:
            problems.append(f"{where}: corpus {r.get('corpus')!r}")
            continue
        for a in answers:
            if a not in doc:
                problems.append(f"{where}: answer not verbatim in its document: {a}")
        if answers:
            if rid in PROBES:
                problems.append(f"{where}: answerable question has an absence probe")
            continue
        probe = PROBES.get(rid)
        if probe is None:
            problems.append(f"{where}: unanswerable question has no probe")
            continue
        scope = everything if r["kind"] == "off-topic" else doc
        if r["kind"] == "near-miss" and not probe.get("anchor"):
            problems.append(f"{where}: near miss without an anchor in its document")
        for anchor in probe.get("anchor", []):
            if anchor not in doc:
                problems.append(f"{where}: anchor missing from its document: {anchor}")
        for pattern in probe.get("absent", []):
            m = re.search(pattern, scope)
            if m:
                problems.append(f"{where}: asked detail may be present ({pattern!r} matched {m.group(0)!r})")
        for pattern in probe.get("near", []):
            for anchor in probe.get("anchor", []):
                for s in sentences(doc, anchor):
                    m = re.search(pattern, s)
                    if m:
                        problems.append(f"{where}: {pattern!r} matched {m.group(0)!r} next to {anchor!r}")
    stale = set(PROBES) - {r.get("id") for r in rows}
    problems += [f"{pid}: probe for a question that is not in the set" for pid in sorted(stale)]

    own: dict[str, str] = {}
    for r in rows:
        key = norm(r.get("question", ""))
        if key in own:
            problems.append(f"{r.get('id')}: same question as {own[key]}")
        own.setdefault(key, r.get("id", "?"))
    for name in OTHER_SETS:
        path = ROOT / "benchmarks" / f"{name}-questions.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            q = row["question"]
            if norm(q) in own and not (name == "pin" and row.get("kind") == "pinned"):
                problems.append(f"{own[norm(q)]}: duplicates {name} question {q!r}")
            splits = REPORTED.get(name, set())
            if splits is None or row.get("split") in (splits or ()):
                for r in rows:
                    ratio = SequenceMatcher(None, simple(r.get("question", "")), simple(q)).ratio()
                    if ratio >= NEAR:
                        problems.append(f"{r.get('id')}: {ratio:.2f} close to reported {name} question {q!r}")

    counts = Counter((r.get("corpus"), r.get("kind")) for r in rows)
    styles = Counter((r.get("corpus"), r.get("style")) for r in rows)
    print(f"{len(rows)} questions")
    for key, n in sorted(counts.items()):
        print(f"  {key[0]:9} {key[1]:10} {n}")
    for key, n in sorted(styles.items()):
        print(f"  {key[0]:9} {key[1]:11} {n}")
    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print("all labels check out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
