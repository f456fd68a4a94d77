"""scripts/rank39_misses.py's held-out part: which sets are held out whole is read from the sets' files (their
`split` fields), so a new set needs no edit of the script (cold33…cold35 were left out of a hand-kept list)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.pin_scripts import script

REPO = Path(__file__).resolve().parent.parent


def _write_set(folder: Path, name: str, splits: list[str | None]) -> None:
    rows = [
        {"id": f"{name}-{n}", "question": "问题", **({"split": s} if s else {})} for n, s in enumerate(splits)
    ]
    (folder / f"{name}-questions.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )


def test_every_set_whose_page_says_it_is_held_out_whole_is_counted_with_the_blind_sets() -> None:
    rank39 = script("rank39_misses")
    for name in rank39.all_sets():
        page = REPO / "docs" / f"{name}.md"
        if name.startswith("cold") and page.is_file():
            whole = re.search(r"whole set is held out|held out whole", page.read_text(encoding="utf-8"))
            if whole:
                assert name in rank39.WHOLE, name
    assert {"cold", "cold16", "cold32", "cold33", "cold34", "cold35"} <= rank39.WHOLE
    assert not rank39.WHOLE & (rank39.HALVED | {"dev", "styles", "asks38", "asks49"})


def test_a_new_set_is_held_out_whole_by_its_file_alone(tmp_path: Path) -> None:
    rank39 = script("rank39_misses")
    _write_set(tmp_path, "dev", ["tune", "heldout"])
    _write_set(tmp_path, "cold", [None, None])  # the third set marks nothing: held out whole
    _write_set(
        tmp_path, "cold5", ["heldout", "heldout"]
    )  # halved by bench.blind_split, as earlier sessions did
    _write_set(tmp_path, "cold99", ["heldout", "heldout", "heldout"])
    _write_set(tmp_path, "asks99", ["tune", "heldout", "heldout"])
    _write_set(tmp_path, "asks98", ["heldout"])
    assert rank39.all_sets(tmp_path) == ["dev", "cold", "asks98", "asks99", "cold5", "cold99"]
    whole = [n for n in rank39.all_sets(tmp_path) if rank39.held_out_whole(n, tmp_path)]
    assert whole == ["cold", "asks98", "cold99"]


def test_blind_confidence_reads_the_sets_held_out_whole_from_their_files_as_rank39_misses_does() -> None:
    """scripts/blind_confidence.py kept its own list (16 and 17); it now halves and holds out by rank39_misses'
    functions, so its cold2…cold17 are split as every other script splits them."""
    rank39, blind = script("rank39_misses"), script("blind_confidence")
    assert blind.halves_of is rank39.halves_of and blind.held_out_whole is rank39.held_out_whole
    assert not hasattr(blind, "WHOLE")
    assert [n for n in blind.BLIND if blind.held_out_whole(f"cold{n}")] == [16, 17]
