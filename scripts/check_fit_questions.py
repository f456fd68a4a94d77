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
- no question duplicates another fit question or one of the dev, cold, cold2, policy or pin sets
  once punctuation and spaces are removed;
- no question is close to one a score is reported on (the held-out halves of the dev and policy sets,
  the cold and fourth sets): a character-sequence similarity of NEAR or more, in simplified script, is
  a near copy (「五心服務品牌的熱心是指什麼」 of 「…細心…」) or the same topic asked again, which would
  teach the model the answer to a reported question.

Usage: python scripts/check_fit_questions.py
"""

from __future__ import annotations

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
OTHER_SETS = ["dev", "cold", "cold2", "policy", "pin"]
REPORTED = {"dev": {"heldout"}, "policy": {"held-out", "heldout"}, "cold": None, "cold2": None}  # None: whole
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
    "f121": {"anchor": ["临时救助"], "absent": ["材料"]},
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
            if norm(q) in own:
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
