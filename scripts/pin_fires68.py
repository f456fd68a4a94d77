"""How often session pins68's vetoes fire over the pin set: each paraphrase and near miss against its own group's
pin, the pinned passage's document (`document_text`: title, heading, text) read from the libraries — `time_added`
as pins67 read it (times only) and with years, and `qualifier_dropped`; the pairs each newly fires on are listed.

    HF_HUB_OFFLINE=1 python scripts/pin_fires68.py LIBS [LAST]

LIBS: a folder of data homes as scripts/eval_all_sets.sh keeps them (`home`, `cN`); groups whose library is not
built there yet are left out (the counts say how many pairs were read). LAST: the last batch read (default 25:
batch 26 is judged blind by scripts/pin_batch26.py and read nowhere else before).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pin_batch23 as p23

import bench.pins as b
from retrieval.pins import QuestionSide, document_text, qualifier_dropped, time_added
from retrieval.slots import times_added, without_asked_times
from retrieval.vocabulary import bundled_lexicon


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("libs", type=Path, help="data homes as scripts/eval_all_sets.sh keeps them")
    parser.add_argument("last", type=int, nargs="?", default=25, help="the last batch read (default 25)")
    args = parser.parse_args()
    libs, last = args.libs, args.last
    if not libs.is_dir():
        sys.exit(f"找不到文件夹：{libs}")
    items = b.load_pin_questions(b.PIN_QUESTIONS)
    built = [
        i
        for i in items
        if int(i.batch or 1) <= last
        and (not i.library or (b.cold_home(libs, i.library) / "speechqa.db").exists())
    ]
    documents = p23.passage_texts(built, libs / "home", libs, document_text)
    pinned = {i.group: i.question for i in items if i.kind == "pinned"}
    lexicon = bundled_lexicon()
    count: Counter[tuple[str, str]] = Counter()
    for i in built:
        if i.kind not in ("paraphrase", "near-miss") or i.group not in documents:
            continue
        new, pin, document = QuestionSide.of(i.question), QuestionSide.of(pinned[i.group]), documents[i.group]
        named = without_asked_times(new.text)
        before = times_added(
            new.times if named == new.text else QuestionSide.of(named).times, pin.times, document
        )
        fired = {
            "time_added (pins67: times only)": before,
            "time_added (with years)": time_added(new, pin, document),
            "qualifier_dropped": qualifier_dropped(new, pin, document, lexicon),
        }
        count[("read", i.kind)] += 1
        for name, hit in fired.items():
            count[(name, i.kind)] += hit
            if hit and not name.startswith("time_added (pins67") and not (name.startswith("time") and before):
                print(f"{name}: batch {i.batch} {i.kind} 「{i.question}」 on 「{pinned[i.group]}」")
    for (name, kind), n in sorted(count.items()):
        print(f"{name}, {kind}: {n} of {count[('read', kind)]}")


if __name__ == "__main__":
    main()
