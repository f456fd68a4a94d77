"""Check ``benchmarks/cold6-questions.jsonl`` against the documents' own text, without speechqa.

    /work/main/.venv/bin/python benchmarks/corpus-cold6/check_questions.py

Written and run before the set was ever measured. For every answerable question, each gold phrase must
be 4–25 characters long and occur verbatim in the text of exactly the document it was written from (and
in no other document of this set, nor in the bundled speeches); for every near miss, none of the words
naming the detail asked may occur in any of the five documents; off-topic questions have no answers.

The text of each document is read as follows: the .docx with python-docx (paragraphs and table cells),
the GBK .txt decoded from its bytes, the two PDFs and the .doc from the source parts in
``make_corpus.py`` that produced them. As a second check the PDFs are also read back with pypdf, and the
.doc with antiword, and every gold phrase of theirs must be found there once whitespace is removed
(LibreOffice puts spaces between digits and Chinese; the scorer, ``retrieval/evaluate.py``, compares with
whitespace removed too).
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

QUESTIONS = REPO / "benchmarks" / "cold6-questions.jsonl"

SURVIVORS = "离休干部遗属生活困难补助实施办法.docx"
VISIT = "离退休干部参观考察活动通知.pdf"
HOUSING = "离休干部住房维修补助通知.pdf"
CLINIC = "门诊就医绿色通道通知.txt"
SPEECH = "读书会成立暨网上阅览室开通仪式讲话.doc"

# The document each answerable question was written from (ids inclusive).
WRITTEN_FROM = {
    SURVIVORS: (1, 15),
    VISIT: (16, 30),
    HOUSING: (31, 44),
    CLINIC: (45, 58),
    SPEECH: (59, 73),
}

# For each near miss, the words a document would have to use to give the detail asked.
ABSENT = {
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


def _doc_text(path: Path) -> str:
    import subprocess

    return subprocess.run(["antiword", str(path)], check=True, capture_output=True, text=True).stdout


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def main() -> int:
    texts = {
        SURVIVORS: _docx_text(HERE / SURVIVORS),
        VISIT: _parts_text(mc.VISIT_NOTICE),
        HOUSING: _parts_text(mc.HOUSING_NOTICE),
        CLINIC: (HERE / CLINIC).read_bytes().decode("gbk"),
        SPEECH: _parts_text(mc.READING_SPEECH),
    }
    if texts[CLINIC] != mc.clinic_text():
        print(f"{CLINIC}: 文件内容与 make_corpus.py 不一致，请重新生成")
        return 1
    printed = {name: _squash(_pdf_text(HERE / name)) for name in (VISIT, HOUSING)}
    printed[SPEECH] = _squash(_doc_text(HERE / SPEECH))
    bundled = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus" / "data").glob("*.txt"))
    )
    written_from = {f"o{i:03d}": name for name, (a, b) in WRITTEN_FROM.items() for i in range(a, b + 1)}

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
                    problems.append(f"{qid}: 「{phrase}」在 {home} 读出的文字（pypdf / antiword）中找不到")
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
