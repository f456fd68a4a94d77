"""`speechqa bench typos`: the figures per set and the questions behind its wrong readings."""

from __future__ import annotations

from pathlib import Path

from bench import make_typos, misread_listing, typos_sets, typos_table
from bench.evaluate import load_questions
from bench.typos import KINDS
from retrieval import Retriever
from retrieval.typos import fuzzy_readings, lookalikes, word_readings

ROOT = Path(__file__).resolve().parent.parent


def test_the_listing_names_each_untouched_question_the_correction_changed(seed_retriever: Retriever) -> None:
    """The dev set's three questions written with a typo are untouched by the bench (it makes no typo in
    them), so their corrections count as false ones, and the listing names each with what was read."""
    questions = [
        q
        for q in load_questions(ROOT / "benchmarks" / "dev-questions.jsonl")
        if q.question in {"双先典形推荐选树要做好吗", "离休干部体检的规定是什么"} or q.id in {"q001", "q002"}
    ]
    [result] = typos_sets([("dev", seed_retriever, questions)])
    assert [m.question for m in result.false_fixes] == ["双先典形推荐选树要做好吗"]
    assert [(t.wrong, t.right) for t in result.false_fixes[0].typos] == [("典形", "典型")]
    assert result.right + result.wrong <= result.made <= result.answerable
    assert f"| {len(result.false_fixes)}/{len(questions)} |" in typos_table([result])
    listing = misread_listing([result]).splitlines()
    assert "dev · untouched question corrected: 双先典形推荐选树要做好吗  [典形 → 典型]" in listing
    assert len(listing) == len(result.false_fixes) + len(result.misread)


def test_a_listing_with_nothing_wrong_says_so() -> None:
    assert misread_listing([]) == "no untouched question corrected, no typo read as another word"


def test_each_kind_of_slip_is_made_of_its_own_kind(seed_retriever: Retriever) -> None:
    """The fuzzy-pinyin slips change one character for one whose usual reading is a 模糊音 neighbour of
    the meant one's; the look-alike slips for one of its group of retrieval/data/lookalikes.txt that
    reads otherwise; each set gets a row per kind."""
    questions = [q for q in load_questions(ROOT / "benchmarks" / "dev-questions.jsonl") if q.answerable][:30]
    for kind in ("fuzzy", "lookalike"):
        made = make_typos(seed_retriever, questions, kind=kind)
        assert made and made == make_typos(seed_retriever, questions, kind=kind)  # seeded
        for t in made:
            [j] = [i for i in range(2) if t.typo[i] != t.meant[i]]
            meant, typed = word_readings(t.meant)[j], word_readings(t.typo[j])[0]
            if kind == "fuzzy":
                assert typed in fuzzy_readings(meant)
            else:
                assert t.typo[j] in lookalikes()[t.meant[j]] and typed != meant
            assert t.typo in t.question.question
    results = typos_sets([("dev", seed_retriever, questions)], KINDS)
    assert [r.kind for r in results] == list(KINDS)
    assert all(f"| dev | {r.kind} |" in typos_table(results) for r in results)
