"""Check ``benchmarks/cold8-questions.jsonl`` against the documents' own text, without speechqa.

    /work/main/.venv/bin/python benchmarks/corpus-cold8/check_questions.py

Written and run before the set was ever measured (the ninth set's check, for this set's documents). For
every answerable question, each gold phrase must be 4–25 characters long and occur verbatim in the text of
exactly the document it was written from (and in no other document of this set, nor in the bundled
speeches); for every near miss, none of the words naming the detail asked may occur in any of the five
documents; off-topic questions have no answers.

The text of each document is read as follows: the .docx with python-docx (paragraphs and table cells),
the GB18030 .txt decoded from its bytes (which must not decode as GBK: the contact's name is outside it),
the two PDFs and the .doc from the source parts in ``make_corpus.py`` that produced them. As a second
check the PDFs are also read back with pypdf, and the .doc with antiword, and every gold phrase of theirs
must be found there once whitespace is removed (LibreOffice puts spaces between digits and Chinese; the scorer, ``retrieval/evaluate.py``,
compares with whitespace removed too).
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

QUESTIONS = REPO / "benchmarks" / "cold8-questions.jsonl"

LEGAL = "离退休干部法律援助服务实施办法.docx"
RECORDS = "离退休干部基本信息采集核对通知.pdf"
BAND = "智能呼叫手环配发通知.pdf"
CHECK = "待遇领取资格认证通知.txt"
SPEECH = "老干部合唱团成立十周年讲话.doc"

# The document each answerable question was written from (ids inclusive).
WRITTEN_FROM = {
    LEGAL: (1, 15),
    RECORDS: (16, 30),
    BAND: (31, 45),
    CHECK: (46, 60),
    SPEECH: (61, 75),
}

# For each near miss, the words a document would have to use to give the detail asked.
ABSENT = {
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

    return subprocess.run(
        ["antiword", "-m", "UTF-8.txt", str(path)], check=True, capture_output=True, text=True
    ).stdout


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def main() -> int:
    raw = (HERE / CHECK).read_bytes()
    try:
        raw.decode("gbk")
    except UnicodeDecodeError:
        pass
    else:
        print(f"{CHECK}: 能按 GBK 读出，应含 GBK 之外的字")
        return 1
    texts = {
        LEGAL: _docx_text(HERE / LEGAL),
        RECORDS: _parts_text(mc.RECORDS_NOTICE),
        BAND: _parts_text(mc.BAND_NOTICE),
        CHECK: raw.decode("gb18030"),
        SPEECH: _parts_text(mc.CHOIR_SPEECH),
    }
    if texts[CHECK] != mc.check_text():
        print(f"{CHECK}: 文件内容与 make_corpus.py 不一致，请重新生成")
        return 1
    printed = {name: _squash(_pdf_text(HERE / name)) for name in (RECORDS, BAND)}
    printed[SPEECH] = _squash(_doc_text(HERE / SPEECH))
    bundled = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus" / "data").glob("*.txt"))
    )
    written_from = {f"r{i:03d}": name for name, (a, b) in WRITTEN_FROM.items() for i in range(a, b + 1)}

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
