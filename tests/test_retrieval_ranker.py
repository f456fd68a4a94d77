"""The learned ranker: its file format, its fallback, and its features."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
import pytest

from bench.ranking import choose_c, first_right, fit_ranker
from retrieval import RANKER_FEATURES, Ranker, WeightedTerm, load_ranker, parse_ranker
from retrieval.ranker import RANKER_VERSION, beyond_title, bundled_ranker, names_title, passage_features


def ranker(weights: tuple[float, ...]) -> Ranker:
    n = len(RANKER_FEATURES)
    return Ranker(RANKER_FEATURES, weights, (0.0,) * n, (1.0,) * n, 0.0)


def test_a_ranker_survives_its_json_round_trip() -> None:
    original = ranker(tuple(float(i) for i in range(len(RANKER_FEATURES))))
    assert parse_ranker(original.to_json()) == original


def test_scores_are_the_weighted_standardised_features() -> None:
    weights = (1.0,) + (0.0,) * (len(RANKER_FEATURES) - 1)
    rest = len(RANKER_FEATURES) - 1
    rows = [(0.2,) + (0.9,) * rest, (0.8,) + (0.1,) * rest]
    assert list(ranker(weights).scores(rows)) == pytest.approx([0.2, 0.8])
    assert len(ranker(weights).scores([])) == 0


def test_a_stale_or_missing_ranker_is_not_used_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stale = json.loads(ranker((1.0,) * len(RANKER_FEATURES)).to_json())
    stale["version"] = RANKER_VERSION + 1
    (tmp_path / "stale.json").write_text(json.dumps(stale), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert load_ranker(tmp_path / "stale.json") is None
        assert load_ranker(tmp_path / "missing.json") is None
    assert caplog.text.count("learned ranker not used") == 2


def test_the_shipped_ranker_loads() -> None:
    assert bundled_ranker() is not None


def test_features_see_coverage_section_and_the_answer_sentence() -> None:
    terms = [WeightedTerm("体检", 2.0), WeightedTerm("规定", 1.0)]
    features = dict(
        zip(
            RANKER_FEATURES,
            passage_features(
                "要落实好体检的规定。其他。", "一、体检", terms, 0.7, 0.8, 5.0, 10.0, "体检会议"
            ),
            strict=True,
        )
    )
    assert features["fused"] == 0.7 and features["dense"] == 0.8 and features["lexical"] == 0.5
    assert features["coverage"] == 1.0 and features["section"] == pytest.approx(2 / 3)
    assert features["sentence"] > 0.9 and features["source"] == pytest.approx(2 / 3)
    assert features["title"] == 0.0  # no question given


def test_a_question_naming_the_title_whole_is_told_apart_from_a_longer_title() -> None:
    question = "前肛鳗属于什么科？"
    assert names_title(question, "前肛鳗 [DEV_1173]") == 1.0  # a bracketed qualifier is not part of the name
    assert names_title(question, "异齿前肛鳗 [DEV_1174]") == 0.0
    assert names_title("大曲车站的地址是哪里？", "大曲车站 (秋田县)") == 1.0
    assert names_title("在全省老干部工作会议上的讲话里说了什么", "在全省老干部工作会议上的讲话") == 1.0
    assert names_title("鱼是什么", "鱼") == 0.0  # a one-character title names nothing reliably
    terms = [WeightedTerm("前肛鳗", 3.0)]
    row = passage_features(
        "前肛鳗以小鱼为食。", None, terms, 0.5, 0.8, 5.0, 5.0, "前肛鳗", "前肛鳗", question
    )
    assert dict(zip(RANKER_FEATURES, row, strict=True))["title"] == 1.0


def test_what_the_title_does_not_say_tells_a_documents_passages_apart() -> None:
    title = "关于举办2027年老干部书画展的通知"
    terms = [
        WeightedTerm("报名", 3.0),
        WeightedTerm("作品", 1.0),
        WeightedTerm("书画", 2.0),
        WeightedTerm("老干部", 2.0),
    ]
    opening = "为展示老同志晚年风采，经研究，决定举办老干部书画展。现将有关事项通知如下："
    answer = "请于5月10日前向所在支部报名。"
    assert beyond_title(opening, "", title, terms) == 0.0  # it restates the title, nothing more
    assert beyond_title(answer, "三、报名方式", title, terms) == pytest.approx(3 / 4)  # 报名, not 作品
    assert beyond_title("每人限报作品2件。", "二、作品要求", title, terms) == pytest.approx(1 / 4)
    assert beyond_title("报名时请附作品照片。", "", title, terms) == 1.0
    # in traditional script too, and a question the title answers whole leaves nothing to tell apart
    assert beyond_title("請於5月10日前向所在支部報名。", "", title, terms) == pytest.approx(3 / 4)
    assert beyond_title(answer, "", title, terms[2:]) == 0.0
    row = passage_features(
        answer, "三、报名方式", terms, 0.5, 0.8, 5.0, 5.0, title, title, "书画展怎么报名，交几件作品"
    )
    assert dict(zip(RANKER_FEATURES, row, strict=True))["beyond_title"] == pytest.approx(3 / 4)


def _groups(seed: int, informative: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Questions of ten candidates each, one relevant; feature `informative` is higher on the relevant one,
    the others are noise."""
    rng = np.random.default_rng(seed)
    groups = []
    for _ in range(30):
        x = rng.normal(size=(10, len(RANKER_FEATURES)))
        marks = np.zeros(10, dtype=bool)
        marks[rng.integers(10)] = True
        x[marks, informative] += 4.0
        groups.append((x, marks))
    return groups


def test_a_ranker_fitted_on_sets_that_agree_puts_the_relevant_candidate_first() -> None:
    sets = [_groups(seed, informative=2) for seed in range(3)]
    c, counts = choose_c(sets, (0.01, 1.0))
    assert set(counts) == {0.01, 1.0} and c in counts
    ranker = fit_ranker(sets, "three agreeing sets", c=c)
    assert max(range(len(ranker.weights)), key=lambda i: ranker.weights[i]) == 2
    held_out = _groups(99, informative=2)
    assert first_right(ranker, held_out) >= 25  # of 30 (chance: 3): the fitted feature carries over
    # a set that rewards another feature is served worse by this ranker than by its own
    other = _groups(7, informative=5)
    assert first_right(ranker, other) < first_right(fit_ranker([other], "", c=c), other)
