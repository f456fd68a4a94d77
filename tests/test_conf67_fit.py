"""scripts/conf67_fit.py: the staff fitting group, a verdict re-judged from saved signals, the folds by set, the
candidates' models, and bad input refused in one Chinese line."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict, replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval import FEATURES, ConfidenceModel, Signals, load_judge

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import conf67_fit as c  # noqa: E402

SURE = Signals(**{f: 1.0 for f in FEATURES})  # type: ignore[arg-type]
LOST = Signals(**{f: 0.0 for f in FEATURES})  # type: ignore[arg-type]


def _row(
    set_name: str,
    half: str,
    answerable: bool,
    signals: Signals | None,
    answered: bool,
    rank: int = 1,
    probability: float | None = 0.5,
) -> dict:
    return {
        "set": set_name,
        "id": f"{set_name}-{half}-{answerable}-{answered}",
        "half": half,
        "candidate": "main",
        "answerable": answerable,
        "question": "问",
        "rank": rank,
        "answered": answered,
        "probability": probability,
        "signals": None if signals is None else asdict(signals),
    }


def test_the_staff_group_is_every_tuning_half_but_devs_and_the_blind_sets() -> None:
    rows = [
        _row("asks50", "tune", True, SURE, True),
        _row("asks50", "heldout", True, SURE, True),
        _row("dev", "tune", True, SURE, True),
        _row("cold3", "tune", False, LOST, False),
        _row("cold4", "tune", True, None, True),  # a greeting: no signals, no example
        _row("asks55", "tune", True, SURE, True),  # blind: never fitted on
        _row("cold41", "tune", False, LOST, False),
    ]
    examples = c.staff_examples(rows, ["asks55", "cold41"])
    assert [(e.group, e.answerable) for e in examples] == [(c.STAFF_GROUP, True), (c.STAFF_GROUP, False)]
    assert c.staff_rows(rows, ["asks55", "cold41"]) == [rows[0], rows[3]]
    assert len(c.staff_examples(rows)) == 4  # not blind: fitted on


def test_a_verdict_the_model_did_not_decide_is_kept_and_the_others_are_the_candidates() -> None:
    shipped = load_judge()
    assert isinstance(shipped, ConfidenceModel)
    never = replace(shipped, low=1.1, high=1.1)  # answers nothing
    assert c.answered_by(never, _row("asks50", "heldout", True, SURE, True)) is False  # the candidate decides
    # a document's fact its record lacks, a filter-only question: no probability, the rule's verdict kept
    assert c.answered_by(never, _row("asks50", "heldout", True, SURE, True, probability=None)) is True
    assert c.answered_by(never, _row("asks50", "heldout", True, None, True, probability=None)) is True


def test_the_reproduction_count_counts_a_disagreement() -> None:
    shipped = load_judge()
    sure = shipped.judge(SURE).answered  # type: ignore[union-attr]
    lost = shipped.judge(LOST).answered  # type: ignore[union-attr]
    assert sure and not lost
    rows = [
        _row("asks50", "tune", True, SURE, True),
        _row("asks50", "tune", False, LOST, False),
        _row("asks38", "tune", False, SURE, False, probability=None),  # a fact the record lacks: 未找到
        _row("asks38", "tune", True, SURE, False),  # saved 未找到 by the model: it says otherwise now
        _row("asks38", "tune", True, None, True, probability=None),  # no signals: not counted
    ]
    got = c.reproduced(shipped, rows)
    assert (got.agree, got.with_signals, got.model_agree, got.model_rows) == (2, 4, 2, 3)
    assert got.differ == (rows[2], rows[3])


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_a_set_has_one_fold(name: str) -> None:
    assert c.fold_of_set(name) == c.fold_of_set(name)
    assert 0 <= c.fold_of_set(name) < c.FOLDS


def test_the_folds_split_the_staff_sets() -> None:
    """Each staff set is judged out of fold: every fold holds some of the sets and none most of them (a fold of
    every set would judge each by a model fitted on no staff set at all)."""
    from rank39_misses import all_sets

    names = [n for n in all_sets() if n != "dev"]
    folds = c.fold_sets(names)
    assert sorted(n for part in folds.values() for n in part) == sorted(set(names))
    assert all(part for part in folds.values())
    assert max(len(part) for part in folds.values()) <= len(set(names)) / 2


def test_every_candidate_is_fitted_with_its_features_and_threshold() -> None:
    from bench.confidence import Example

    data = [
        Example(group, "问", answerable, replace(SURE if answerable else LOST, coverage=x, equated=x / 2))
        for group in ("cmrc-trial", "cmrc-trial-removed")
        for answerable in (True, False)
        for x in (0.1, 0.3, 0.5, 0.7, 0.9)
    ]
    staff = [replace(e, group=c.STAFF_GROUP) for e in data[:10]]
    for candidate in c.CANDIDATES:
        model = c.fitted(candidate, data, staff, "e")
        assert ("equated" in model.features) is candidate.equated
        assert model.low <= model.high
        assert ("staff" in model.fitted_on) is candidate.staff


def _script(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "conf67_fit.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
        timeout=300,
    )


def test_judge_without_the_fitting_data_says_so_in_chinese(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps(_row("asks50", "tune", True, SURE, True)) + "\n", encoding="utf-8")
    done = _script("judge", str(rows), str(tmp_path / "nofit"), cwd=tmp_path)
    assert done.returncode == 1 and "没有 fit.jsonl" in done.stderr and "Traceback" not in done.stderr


def test_judge_of_rows_without_signals_says_so_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "fit").mkdir()
    (tmp_path / "fit" / "fit.jsonl").write_text("", encoding="utf-8")
    row = _row("asks50", "tune", True, SURE, True)
    del row["signals"]  # judge_halves.py collect's rows: the verdicts only
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    done = _script("judge", str(rows), str(tmp_path / "fit"), cwd=tmp_path)
    assert done.returncode == 1 and "没有 signals" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_judge_of_a_file_that_is_not_rows_says_so_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "fit").mkdir()
    (tmp_path / "fit" / "fit.jsonl").write_text("", encoding="utf-8")
    bad = tmp_path / "rows.jsonl"
    bad.write_text("不是 JSON\n", encoding="utf-8")
    done = _script("judge", str(bad), str(tmp_path / "fit"), cwd=tmp_path)
    assert done.returncode == 1 and "不是 JSON" in done.stderr and "Traceback" not in done.stderr
