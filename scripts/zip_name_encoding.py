"""How often a zip's names without the UTF-8 flag are read as written: `corpus.open_archive` (the encoding whose
reading is made of name characters) against the first encoding that decodes them (validity alone), over real
Chinese file names. Each name is written alone in an archive (the hardest case: one name's evidence) and, per
folder, all of a folder's names in one archive, in GBK (Windows' compressed folders, cp936) and in UTF-8
(Info-ZIP, macOS), the flag not set.

Names: the files under benchmarks/corpus-*/ and tests/fixtures/ (none was looked at while writing the rule:
held out), the archives' own members (tests/fixtures/archives: the examples it was written against) apart;
with --titles HOME…, also each stored speech's title as a file name 「title.docx」 and each stored source's
file name (read-only); and, the hard case, each two-character word of all those names alone (「通知.docx」).

    PYTHONPATH=. python scripts/zip_name_encoding.py [--titles /tmp/me/f37/c2 … /tmp/me/f37/c21]
"""

from __future__ import annotations

import argparse
import io
import re
import sqlite3
import zipfile
from collections import defaultdict
from pathlib import Path

from corpus import open_archive

ROOT = Path(__file__).resolve().parent.parent
CHINESE = re.compile(r"[\u4e00-\u9fff]")
NOT_IN_NAMES = re.compile(r'[/\\:*?"<>|\s]')  # what Windows does not allow in a file name, and line breaks
TUNED = [
    "通知.txt",
    "关于做好2027年离休干部健康体检工作的通知.docx",
    "体检须知.txt",
    "在重阳节离退休干部座谈会上的讲话.pdf",
]


def unflagged(names: list[str], encoding: str) -> bytes:
    """An archive of these names in `encoding`, the UTF-8 flag not set (see tests/fixtures/archives)."""
    out, swaps = io.BytesIO(), []
    with zipfile.ZipFile(out, "w") as archive:
        for n, name in enumerate(names):
            raw = name.encode(encoding)
            stand_in = f"{n:05d}".encode() + b"_" * (len(raw) - 5)
            swaps.append((stand_in, raw))
            archive.writestr(stand_in.decode(), "讲话。".encode())
    data = out.getvalue()
    for stand_in, raw in swaps:
        data = data.replace(stand_in, raw)
    return data


def read_back(data: bytes) -> list[str]:
    with open_archive("a.zip", data) as archive:
        return [m.inner for m in archive.members]


def validity_only(data: bytes) -> list[str]:
    names = [info.filename.encode("cp437") for info in zipfile.ZipFile(io.BytesIO(data)).infolist()]
    for encoding in ("utf-8", "gb18030", "big5"):
        try:
            return [name.decode(encoding) for name in names]
        except UnicodeDecodeError:
            continue
    return []


def gathered(titles: list[Path]) -> dict[str, list[str]]:
    """Folder -> its Chinese file names (a title's home counts as one folder)."""
    folders: dict[str, list[str]] = defaultdict(list)
    for path in sorted([*ROOT.glob("benchmarks/corpus-*/**/*"), *ROOT.glob("tests/fixtures/**/*")]):
        if path.is_file() and CHINESE.search(path.name) and "archives" not in path.parts:
            folders[str(path.parent.relative_to(ROOT))].append(path.name)
    for home in titles:
        with sqlite3.connect(f"file:{home / 'speechqa.db'}?mode=ro", uri=True) as db:
            rows = db.execute("SELECT DISTINCT title FROM speeches").fetchall()
            sources = [name for (name,) in db.execute("SELECT DISTINCT name FROM sources").fetchall()]
        names = [NOT_IN_NAMES.sub("", t)[:60] + ".docx" for (t,) in rows if t and CHINESE.search(t)]
        folders[f"titles of {home.name}"] = names
        folders[f"files of {home.name}"] = [n for n in sources if CHINESE.search(n) and ":" not in n]
    return {folder: sorted(set(names)) for folder, names in folders.items() if names}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--titles", nargs="*", type=Path, default=[])
    args = parser.parse_args()
    held_out = gathered(args.titles)
    sets = {
        "held out (repository files, titles)": held_out,
        "held out, short (two-character words of those names)": short_names(held_out),
        "written against": {"tuned": TUNED},
    }
    print("| names | encoding | archives | read as written: open_archive | validity alone |")
    print("|---|---|---|---|---|")
    for label, folders in sets.items():
        names = sorted({n for group in folders.values() for n in group})
        for encoding in ("gbk", "utf-8"):
            usable = [n for n in names if _encodes(n, encoding)]
            alone = [unflagged([n], encoding) for n in usable]
            ours = sum(read_back(a) == [n] for a, n in zip(alone, usable, strict=True))
            base = sum(validity_only(a) == [n] for a, n in zip(alone, usable, strict=True))
            print(
                f"| {label}: {len(usable)} names | {encoding} | one name each | {ours}/{len(usable)} | {base}/{len(usable)} |"
            )
            groups = [[n for n in group if _encodes(n, encoding)] for group in folders.values()]
            groups = [g for g in groups if g]
            whole = [unflagged(g, encoding) for g in groups]
            ours = sum(read_back(a) == g for a, g in zip(whole, groups, strict=True))
            base = sum(validity_only(a) == g for a, g in zip(whole, groups, strict=True))
            print(
                f"| {label}: {len(groups)} folders | {encoding} | a folder each | {ours}/{len(groups)} | {base}/{len(groups)} |"
            )


def short_names(folders: dict[str, list[str]]) -> dict[str, list[str]]:
    """The hard case: a short name. Each two-character Chinese word (jieba) of these names as 「word.docx」
    (通知.docx, 讲话.docx, 名单.docx…), each alone in a folder of its own."""
    import jieba

    words = {
        word
        for names in folders.values()
        for name in names
        for word in jieba.cut(Path(name).stem)
        if len(word) == 2 and all(CHINESE.match(c) for c in word)
    }
    return {word: [f"{word}.docx"] for word in sorted(words)}


def _encodes(name: str, encoding: str) -> bool:
    try:
        name.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


if __name__ == "__main__":
    main()
