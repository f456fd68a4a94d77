"""Whether a change to ``corpus/`` makes any document read differently: every document under the given
folders read and parsed by two trees' ``corpus`` packages, each speech laid out as ``speechqa show``
prints it (title, date, speaker, 文号, issuer, 主送, then every paragraph under its section), and the
differences printed file by file.

    /work/main/.venv/bin/python scripts/compare_parses.py BEFORE_TREE AFTER_TREE [FOLDER ...]

The folders default to the bundled speeches (``corpus/data``), ``benchmarks/corpus-cold*`` and
``tests/fixtures`` of AFTER_TREE. Each tree is imported in its own process (PYTHONPATH=TREE), so the
before tree is simply another checkout or worktree, e.g. ``/work/main``. A file one tree refuses is laid
out as its error line. OCR'd images and scans are read too (slow: a minute or more on a loaded machine).
Prints 「N 个文件，解析不同 K 个」 last; exit status 1 when K > 0.
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
from corpus import CorpusError, parse_document, read_document

out = {}
for name in json.load(sys.stdin):
    try:
        speeches = parse_document(read_document(Path(name)))
    except CorpusError as error:
        out[name] = [f"错误：{error}"]
        continue
    lines = []
    for s in speeches:
        lines += [f"标题：{s.title}", f"日期：{s.date}", f"讲话人：{s.speaker}", f"文号：{s.doc_number}",
                  f"发文机关：{s.issuer}", f"主送：{s.addressee}"]
        lines += [f"  [{p.section or ''}] {p.kind} {p.text}" for p in s.paragraphs]
    out[name] = lines
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def _documents(folders: list[Path], tree: Path) -> list[str]:
    sys.path.insert(0, str(tree))
    from corpus import iter_speech_files

    return [str(path.resolve()) for path in iter_speech_files(folders)]


def _parse(tree: Path, names: list[str]) -> dict[str, list[str]]:
    env = {**os.environ, "PYTHONPATH": str(tree), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps(names),
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
        check=True,
    )
    return json.loads(done.stdout)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("用法：compare_parses.py 改动前的目录 改动后的目录 [文件夹 ...]")
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
    old, new = _parse(before, names), _parse(after, names)
    changed = 0
    for name in names:
        if old[name] != new[name]:
            changed += 1
            print(f"== {name}")
            for line in difflib.unified_diff(old[name], new[name], "改动前", "改动后", lineterm="", n=1):
                print(line)
    print(f"{len(names)} 个文件，解析不同 {changed} 个")
    return 1 if changed else 0


if __name__ == "__main__":
    if {"-h", "--help"} & set(sys.argv[1:]):  # its usage, and nothing done
        print(__doc__)
        sys.exit(0)
    raise SystemExit(main(sys.argv[1:]))
