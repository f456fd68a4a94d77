"""Check ``benchmarks/cold5-questions.jsonl`` against the documents' own text, without speechqa.

    /work/main/.venv/bin/python benchmarks/corpus-cold5/check_questions.py

Written and run before the set was ever measured. For every answerable question, each gold phrase must
be 4–25 characters long and occur verbatim in the text of exactly the document it was written from (and
in no other document of this set, nor in the bundled speeches); for every near miss, none of the words
naming the detail asked may occur in any of the five documents; off-topic questions have no answers.

The text of each document is read as follows: the .docx with python-docx (paragraphs and table cells),
the GB18030 .txt decoded from its bytes, the two PDFs and the .doc from the source parts in
``make_corpus.py`` that produced them. As a second check the PDFs are also read back with pypdf and every
gold phrase of theirs must be found there once whitespace is removed (LibreOffice puts spaces between
digits and Chinese; the scorer, ``retrieval/evaluate.py``, compares with whitespace removed too).
Exit status 1 and a line per problem when anything fails.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

import make_corpus as mc  # noqa: E402

QUESTIONS = REPO / "benchmarks" / "cold5-questions.jsonl"

MEDICAL = "离休干部医药费报销办理规程.docx"
RESETTLEMENT = "退休干部异地安置工作通知.pdf"
EXHIBITION = "书画摄影作品展征稿通知.pdf"
PHONE = "智能手机培训班通知.txt"
SPEECH = "老干部工作座谈会讲话.doc"

# The document each answerable question was written from (ids inclusive).
WRITTEN_FROM = {
    MEDICAL: (1, 13),
    RESETTLEMENT: (14, 25),
    EXHIBITION: (26, 38),
    PHONE: (39, 52),
    SPEECH: (53, 64),
}

# For each near miss, the words a document would have to use to give the detail asked.
ABSENT = {
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


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def main() -> int:
    texts = {
        MEDICAL: _docx_text(HERE / MEDICAL),
        RESETTLEMENT: _parts_text(mc.RESETTLEMENT_NOTICE),
        EXHIBITION: _parts_text(mc.EXHIBITION_CALL),
        PHONE: (HERE / PHONE).read_bytes().decode("gb18030"),
        SPEECH: _parts_text(mc.DIRECTOR_SPEECH),
    }
    if texts[PHONE] != mc.phone_course_text():
        print(f"{PHONE}: 文件内容与 make_corpus.py 不一致，请重新生成")
        return 1
    printed = {name: _squash(_pdf_text(HERE / name)) for name in (RESETTLEMENT, EXHIBITION)}
    bundled = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus" / "data").glob("*.txt"))
    )
    written_from = {f"n{i:03d}": name for name, (a, b) in WRITTEN_FROM.items() for i in range(a, b + 1)}

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
                    problems.append(f"{qid}: 「{phrase}」在 {home} 用 pypdf 读出的文字中找不到")
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
