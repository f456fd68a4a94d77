"""Measure `speechqa add`'s near-copy advice on real folders: how often it advises deleting a document that
is not an earlier version (false advice) and how often it keeps silent about one that is (missed).

Usage: PYTHONPATH=. python scripts/near_copy_advice.py [--list] NAME=FOLDER…

Each folder is added, file by file in path order, to a new library holding the bundled speeches, through the
real `Library.add_document` (no embedder: the store only, as the identity rule needs nothing else). Every
speech added beside a stored one that `identity.most_similar` finds (5-gram overlap ≥ 0.5) is a *pair*, and
`add` either advises deleting the older (「如果这是它的更正版，请删除旧版」) or, since trial 38, calls it another
document of one template. The truth is benchmarks/near-copy-pairs.json (file names of each pair, "version"
or "template"), written by reading each pair; a pair it does not hold is printed as 「未标注」 and counted
apart. Images are left out (OCR is slow and beside the point). `--list`: every pair with its reason, and for
a version which of the two `add` names as the one to delete (「删除新加的」: the file added second, 「删除已有的」:
the one stored before it; trial 60).

The same script measures the code before trial 38: run it with that checkout first on PYTHONPATH
(`PYTHONPATH=/path/to/older/checkout:. python scripts/near_copy_advice.py …`): there every pair is advised.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from corpus import CorpusError, NotASpeech, read_document
from index import Library
from retrieval import kinship_reason

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "benchmarks" / "near-copy-pairs.json"
IMAGES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".heic", ".py"}


def pairs_of(folder: Path) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as home:
        library = Library(Path(home))
        try:
            library.add_bundled()
            names = {s.id: s.path or s.source for s in library.store.speeches()}
            for file in sorted(
                p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() not in IMAGES
            ):
                try:
                    outcome = library.add_document(read_document(file))
                except (CorpusError, NotASpeech):
                    continue
                for s in outcome.speeches:
                    if s.status in ("added", "updated"):
                        names[s.speech_id] = str(file.relative_to(folder))
                    template_of = getattr(
                        s, "template_of", None
                    )  # (None before trial 38: every pair advised)
                    other = s.similar_to if s.similar_to is not None else template_of
                    if other is None:
                        continue
                    found.append(
                        {
                            "new": str(file.relative_to(folder)),
                            "old": Path(str(names.get(other, other))).name
                            if str(names.get(other, "")).startswith("bundled:")
                            else str(names.get(other, other)),
                            "overlap": s.similarity,
                            "advised": s.similar_to is not None,
                            "why": kinship_reason(s.kinship) if s.kinship else "",
                            "older": getattr(s, "older", False),  # the new one named as the one to delete
                        }
                    )
        finally:
            library.close()
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="near_copy_advice.py",
        description="Measure `speechqa add`'s near-copy advice on real folders (see the module docstring).",
    )
    parser.add_argument("sets", nargs="+", metavar="NAME=FOLDER", help="a set's name and the folder to add")
    parser.add_argument("--list", action="store_true", help="every pair with its reason")
    args = parser.parse_args(argv[1:])
    listing = args.list
    sets = [a.split("=", 1) for a in args.sets]
    if any(len(s) != 2 for s in sets):
        parser.error("each set is NAME=FOLDER")
    labels = json.loads(LABELS.read_text(encoding="utf-8")) if LABELS.exists() else {}
    print(
        "| set | pairs ≥ 0.5 | versions among them | advised | false advice | missed versions | unlabelled |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, folder in sets:
        truth = {(p["new"], p["old"]): p["kind"] for p in labels.get(name, [])}
        pairs = pairs_of(Path(folder))
        kinds = [truth.get((p["new"], p["old"])) for p in pairs]
        versions = sum(1 for kind in truth.values() if kind == "version")
        advised = sum(1 for p in pairs if p["advised"])
        false = sum(1 for p, kind in zip(pairs, kinds, strict=True) if kind == "template" and p["advised"])
        found = sum(1 for p, kind in zip(pairs, kinds, strict=True) if kind == "version" and p["advised"])
        unlabelled = sum(1 for kind in kinds if kind is None)
        print(
            f"| {name} | {len(pairs)} | {versions} | {advised} | {false} | {versions - found} | {unlabelled} |"
        )
        if listing:
            for p, kind in zip(pairs, kinds, strict=True):
                verdict = ("删除新加的" if p["older"] else "删除已有的") if p["advised"] else "同一模板"
                print(
                    f"    {kind or '未标注':8} {verdict}  {p['overlap']:.2f}  {p['new']}  ~  {p['old']}  {p['why']}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
