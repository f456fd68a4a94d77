"""Check ``benchmarks/cold7-questions.jsonl`` against the documents' own text, without speechqa.

    /work/main/.venv/bin/python benchmarks/corpus-cold7/check_questions.py

Written and run before the set was ever measured (the eighth set's check, for this set's documents). For
every answerable question, each gold phrase must be 4–25 characters long and occur verbatim in the text of
exactly the document it was written from (and in no other document of this set, nor in the bundled
speeches); for every near miss, none of the words naming the detail asked may occur in any of the five
documents; off-topic questions have no answers.

The text of each document is read as follows: the .docx with python-docx (paragraphs and table cells),
the GBK .txt decoded from its bytes, the two PDFs and the .odt from the source parts in
``make_corpus.py`` that produced them. As a second check the PDFs are also read back with pypdf, and the
.odt from its ``content.xml``, and every gold phrase of theirs must be found there once whitespace is
removed (LibreOffice puts spaces between digits and Chinese; the scorer, ``retrieval/evaluate.py``,
compares with whitespace removed too).
Exit status 1 and a line per problem when anything fails.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

import make_corpus as mc  # noqa: E402

QUESTIONS = REPO / "benchmarks" / "cold7-questions.jsonl"

HEATING = "离退休干部冬季取暖补贴发放办法.docx"
INSURANCE = "离退休干部团体意外伤害保险通知.pdf"
GAMES = "离退休干部健身运动会通知.pdf"
PRESS = "报刊征订通知.txt"
SPEECH = "金婚纪念集体庆典讲话.odt"

# The document each answerable question was written from (ids inclusive).
WRITTEN_FROM = {
    HEATING: (1, 15),
    INSURANCE: (16, 30),
    GAMES: (31, 45),
    PRESS: (46, 60),
    SPEECH: (61, 74),
}

# For each near miss, the words a document would have to use to give the detail asked.
ABSENT = {
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
}


def _parts_text(parts: list[tuple[str, object]]) -> str:
    out = []
    for kind, text in parts:
        if kind == "table":
            out.extend("\t".join(row) for row in text)
        else:
            out.append(str(text))
    return "\n".join(out)


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines.extend("\t".join(cell.text for cell in row.cells) for row in table.rows)
    return "\n".join(lines)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _odt_text(path: Path) -> str:
    with zipfile.ZipFile(path) as odt:
        xml = odt.read("content.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", " ", xml)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def main() -> int:
    texts = {
        HEATING: _docx_text(HERE / HEATING),
        INSURANCE: _parts_text(mc.INSURANCE_NOTICE),
        GAMES: _parts_text(mc.GAMES_NOTICE),
        PRESS: (HERE / PRESS).read_bytes().decode("gbk"),
        SPEECH: _parts_text(mc.GOLDEN_SPEECH),
    }
    if texts[PRESS] != mc.press_text():
        print(f"{PRESS}: 文件内容与 make_corpus.py 不一致，请重新生成")
        return 1
    printed = {name: _squash(_pdf_text(HERE / name)) for name in (INSURANCE, GAMES)}
    printed[SPEECH] = _squash(_odt_text(HERE / SPEECH))
    bundled = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus" / "data").glob("*.txt"))
    )
    written_from = {f"p{i:03d}": name for name, (a, b) in WRITTEN_FROM.items() for i in range(a, b + 1)}

    problems = []
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        problems.append("id 有重复")
    counts = {"answerable": 0, "near_miss": 0, "off_topic": 0}
    for row in rows:
        qid, answers = row["id"], row["answers"]
        if row.get("split") != "heldout":
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
                found = [name for name, text in texts.items() if phrase in text]
                if found != [home]:
                    problems.append(f"{qid}: 「{phrase}」出现在 {found or '无'}，应只在 {home}")
                if phrase in bundled:
                    problems.append(f"{qid}: 「{phrase}」也出现在内置讲话中")
                if home in printed and _squash(phrase) not in printed[home]:
                    problems.append(f"{qid}: 「{phrase}」在 {home} 读出的文字（pypdf / content.xml）中找不到")
        else:
            kind = row.get("kind")
            if kind not in counts or kind == "answerable":
                problems.append(f"{qid}: 无答案题的 kind 应是 near_miss 或 off_topic")
                continue
            counts[kind] += 1
            if kind == "near_miss":
                words = ABSENT.get(qid)
                if not words:
                    problems.append(f"{qid}: 近似题没有登记所问细节的词")
                    continue
                for word in words:
                    hits = [name for name, text in texts.items() if word in text]
                    if hits:
                        problems.append(f"{qid}: 所问细节「{word}」出现在 {hits}")
    for line in problems:
        print(line)
    print(
        f"{len(rows)} 题：可答 {counts['answerable']}，近似不可答 {counts['near_miss']}，"
        f"无关 {counts['off_topic']}；问题 {len(problems)} 处"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
