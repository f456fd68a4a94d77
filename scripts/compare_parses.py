"""Whether a change to ``corpus/`` makes any document read differently: every document under the given
folders read and parsed by two trees' ``corpus`` packages, each speech laid out as ``speechqa show``
prints it (title, date, speaker, 文号, issuer, 主送, then every paragraph under its section) — a .zip's or
a .mbox's members each under its citation, as `add` opens them —, and the differences printed file by file.

    /work/main/.venv/bin/python scripts/compare_parses.py [--no-ocr] BEFORE_TREE AFTER_TREE [FOLDER ...]

The folders default to the bundled speeches (``corpus/data``), ``benchmarks/corpus-cold*`` and
``tests/fixtures`` of AFTER_TREE. Each tree is imported in its own process (PYTHONPATH=TREE), so the
before tree is simply another checkout or worktree, e.g. ``/work/main``. A file one tree refuses is laid
out as its error line. OCR'd images and scans are read too (slow: a minute or more on a loaded machine).
Prints 「N 个文件，解析不同 K 个」 last; exit status 1 when K > 0.

``--no-ocr`` compares every typed document and skips the files read by OCR, quick and the same on any
machine (an OCR engine's reading is neither): a file is skipped when either tree's reader asks for an OCR
engine while reading it — a picture, a scanned PDF or OFD page (with a text layer or not), a Word file of
pasted scans — whatever its extension says; they are counted on the last line (「另有 S 个要 OCR 的文件未比较」).
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

_CHILD = r"""
import json, sys
from pathlib import Path
import corpus.ocr
from corpus import CorpusError, open_archive, parse_document, read_document

class WouldOcr(BaseException):  # not an Exception: no reader's fallback swallows it
    pass

def no_engine():
    raise WouldOcr

def laid_out(speeches):
    lines = []
    for s in speeches:
        lines += [f"标题：{s.title}", f"日期：{s.date}", f"讲话人：{s.speaker}", f"文号：{s.doc_number}",
                  f"发文机关：{s.issuer}", f"主送：{s.addressee}"]
        lines += [f"  [{p.section or ''}] {p.kind} {p.text}" for p in s.paragraphs]
    return lines

def members(path):  # a .zip or a .mbox: each member laid out under its citation, as `add` reads it
    lines = []
    with open_archive(path.name, path) as archive:
        for m in archive.members:
            if m.passed_over is not None:
                lines.append(f"跳过 {m.shown}：{m.passed_over}")
                continue
            lines.append(f"== {m.shown}")
            try:
                lines += laid_out(parse_document(archive.read(m)))
            except CorpusError as error:
                lines.append(f"错误：{error}")
    return lines

asked = json.load(sys.stdin)
if asked["no_ocr"]:  # every reader asks corpus.ocr.engine() for the engine before it reads a page by OCR
    corpus.ocr.engine = no_engine
out = {}
for name in asked["names"]:
    try:
        if name.lower().endswith((".zip", ".mbox")):
            out[name] = members(Path(name))
        else:
            out[name] = laid_out(parse_document(read_document(Path(name))))
    except WouldOcr:
        out[name] = None
    except CorpusError as error:
        out[name] = [f"错误：{error}"]
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def _documents(folders: list[Path], tree: Path) -> list[str]:
    sys.path.insert(0, str(tree))
    from corpus import iter_speech_files

    return [str(path.resolve()) for path in iter_speech_files(folders)]


def _parse(tree: Path, names: list[str], no_ocr: bool) -> dict[str, list[str] | None]:
    """Each file laid out as `speechqa show` prints it, by `tree`'s corpus (None: read by OCR, `no_ocr`)."""
    env = {**os.environ, "PYTHONPATH": str(tree), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps({"names": names, "no_ocr": no_ocr}),
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
        check=True,
    )
    return json.loads(done.stdout)


def main(argv: list[str]) -> int:
    no_ocr = "--no-ocr" in argv
    argv = [a for a in argv if a != "--no-ocr"]
    if len(argv) < 2:
        print("用法：compare_parses.py [--no-ocr] 改动前的目录 改动后的目录 [文件夹 ...]")
        return 1
    before, after = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    folders = [Path(f).resolve() for f in argv[2:]] or [
        after / "corpus" / "data",
        *sorted((after / "benchmarks").glob("corpus-cold*")),
        after / "tests" / "fixtures",
    ]
    for path in [before, after, *folders]:  # one line, exit 1 (each tree's corpus is imported by a child)
        if not path.exists():
            print(f"找不到：{path}", file=sys.stderr)
            return 1
    names = _documents(folders, after)
    old, new = _parse(before, names, no_ocr), _parse(after, names, no_ocr)
    skipped = [name for name in names if old[name] is None or new[name] is None]
    compared = [name for name in names if name not in skipped]
    changed = 0
    for name in compared:
        before_lines, after_lines = old[name] or [], new[name] or []
        if before_lines != after_lines:
            changed += 1
            print(f"== {name}")
            for line in difflib.unified_diff(before_lines, after_lines, "改动前", "改动后", lineterm="", n=1):
                print(line)
    ocr_note = f"（另有 {len(skipped)} 个要 OCR 的文件未比较）" if no_ocr else ""
    print(f"{len(compared)} 个文件，解析不同 {changed} 个{ocr_note}")
    return 1 if changed else 0


if __name__ == "__main__":
    if {"-h", "--help"} & set(sys.argv[1:]):  # its usage, and nothing done
        print(__doc__)
        sys.exit(0)
    raise SystemExit(main(sys.argv[1:]))
