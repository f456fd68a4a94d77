"""The staff sets' halves as `speechqa eval --mode hybrid` scores them, one line per question (docs/miss69.md).

    /work/main/.venv/bin/python scripts/miss69_halves.py dump LIBS OUT [asks40 … asks56 dev]
    /work/main/.venv/bin/python scripts/miss69_halves.py compare OUT_BEFORE OUT_AFTER …
    /work/main/.venv/bin/python scripts/miss69_halves.py misses OUT [tune|heldout]

LIBS: the libraries `scripts/eval_all_sets.sh LIBS` builds (`asksNN`, and `home` for the dev set); each is copied to
a temporary folder first, so LIBS is never written. `dump` writes OUT/SET.jsonl with, per question: its half,
whether answerable, the rank of its first relevant passage (null beyond 10), answered, level, probability and the
top passage, searched as `speechqa eval --mode hybrid` searches it (`bench.search_as_evaluated`) with this
checkout's code. `compare` prints, per half, each set's false 「未找到」 (answerable told low), those of them whose right
passage is first, answered unanswerable and R@1, from one OUT to the next. `misses` lists the answerable questions
of a half whose right passage is first and which are told 「未找到」 — the questions docs/miss69.md classifies.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

SETS = [f"asks{n}" for n in range(40, 57)] + ["dev"]
ROOT = Path(__file__).resolve().parent.parent


def dump(libs: Path, out: Path, sets: list[str]) -> None:
    import os

    from bench.evaluate import MRR_DEPTH, is_relevant, load_questions, search_as_evaluated
    from cli.main import Context
    from cli.settings import load_settings

    out.mkdir(parents=True, exist_ok=True)
    for name in sets:
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(libs / ("home" if name == "dev" else name), tmp, dirs_exist_ok=True)
            service = Context(load_settings({**os.environ, "SPEECHQA_HOME": tmp})).service(
                tell_seeded=False, seed=False
            )
            rows = []
            for q in load_questions(ROOT / "benchmarks" / f"{name}-questions.jsonl"):
                a = search_as_evaluated(service.retriever, q.question)
                first = next((h.rank for h in a.hits[:MRR_DEPTH] if is_relevant(h.passage, q)), None)
                top = a.hits[0].passage if a.hits else None
                rows.append(
                    {
                        "id": q.id,
                        "q": q.question,
                        "split": q.split,
                        "kind": q.kind,
                        "answerable": q.answerable,
                        "first": first,
                        "answered": a.answered,
                        "level": a.level,
                        "prob": a.probability,
                        "top_text": top.text if top else None,
                    }
                )
            (out / f"{name}.jsonl").write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
            )
        print(name, "done", flush=True)


def load(out: Path, name: str) -> list[dict] | None:
    path = out / f"{name}.jsonl"
    return (
        [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()] if path.exists() else None
    )


def figures(rows: list[dict], half: str) -> dict[str, int]:
    rows = [r for r in rows if r["split"] == half]
    ans = [r for r in rows if r["answerable"]]
    un = [r for r in rows if not r["answerable"]]
    return {
        "n": len(ans),
        "fa": sum(not r["answered"] for r in ans),
        "fa1": sum(not r["answered"] and r["first"] == 1 for r in ans),
        "nu": len(un),
        "au": sum(r["answered"] for r in un),
        "r1": sum(r["first"] == 1 for r in ans),
    }


def compare(outs: list[Path]) -> None:
    for half in ("tune", "heldout"):
        print(
            f"\n{half} halves: set | answerable | false 「未找到」 | of them right passage first | answered unanswerable | R@1"
        )
        total = [dict.fromkeys(("n", "fa", "fa1", "nu", "au", "r1"), 0) for _ in outs]
        for name in SETS:
            runs = [load(o, name) for o in outs]
            if any(r is None for r in runs):
                continue
            fs = [figures(r, half) for r in runs]
            if not fs[0]["n"]:
                continue
            if name == "dev":  # the dev set is reported beside the staff sets, not in their total
                print(
                    "dev",
                    *(" → ".join(str(f[k]) for f in fs) for k in ("n", "fa", "fa1", "au", "r1")),
                    sep=" | ",
                )
                continue
            for t, f in zip(total, fs, strict=True):
                for k in t:
                    t[k] += f[k]
            print(
                name, *(" → ".join(str(f[k]) for f in fs) for k in ("n", "fa", "fa1", "au", "r1")), sep=" | "
            )
        print(
            "asks40–56",
            *(" → ".join(str(t[k]) for t in total) for k in ("n", "fa", "fa1", "au", "r1")),
            sep=" | ",
        )
        print(f"(unanswerable: {total[0]['nu']})")


def misses(out: Path, half: str) -> None:
    for name in SETS:
        for r in load(out, name) or []:
            if r["split"] == half and r["answerable"] and not r["answered"] and r["first"] == 1:
                print(f"{name} {r['id']} {r['q']} | p {r['prob']} | {(r['top_text'] or '')[:80]}")


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "dump":
        dump(Path(args[0]), Path(args[1]), args[2:] or SETS)
    elif command == "compare":
        compare([Path(a) for a in args])
    elif command == "misses":
        misses(Path(args[0]), args[1] if len(args) > 1 else "tune")
    else:
        sys.exit(__doc__)
