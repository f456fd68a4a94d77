"""The answer sentence: the sentence (or two adjacent ones) of a passage that best answers the question.

Extractive only: the sentence is a span of the passage, never rewritten. A span is scored by the query's
content words it contains, each weighted by its inverse document frequency in the corpus (a rare word
is strong evidence, a common one weak), by how close together those words stand, and, when sentence
vectors are available, by the dense similarity of the sentence to the question. A best sentence that
only names the point asked about — it opens a numbered point (一是…, 其次，…) or holds little besides the
question's own words — is shown with the sentence after it, where speeches and notices say the point.
Pure functions, so the choice can be tested and measured on its own (`speechqa eval`, `speechqa bench
cmrc`).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from corpus import asks

from . import compiled
from .answer_type import AnswerKind, holds
from .span_weights import PARTIAL_CREDIT, PROXIMITY_WEIGHT

SENTENCE_ENDS = "。！？!?…\n；;"
_CLOSERS = "”’」』）)】》\"'"
_FULL_STOPS = "。！？!?…"
_NO_SEMICOLON = SENTENCE_ENDS.replace("；", "").replace(";", "")
_SPACE = re.compile(r"\s+")
_ASCII_ENDS = "!?;"
# An ASCII ? ! or ; between a web address's or a code's characters on both sides stands inside that
# address or code (「登录网站https://example.org/a?x=1&y=2填写」), not at a sentence's end: the answer
# sentence shown as 「要点」 was cut there, beginning 「x=1&y=2 填写表格…」. After a Chinese character it
# still ends one (「…1990年;2004年…」, as text typed with ASCII punctuation has it).
_INSIDE_A_WORD = "(?!(?<=[A-Za-z0-9_/.=&%#-][!?;])[A-Za-z0-9_=&%/#])"


def _cut(ends: str) -> re.Pattern[str]:
    """A sentence ends after a run of sentence ends, with the closing quotes and brackets that follow it."""
    wide = "".join(c for c in ends if c not in _ASCII_ENDS)
    ascii_ = "".join(c for c in ends if c in _ASCII_ENDS)
    end = f"(?:[{re.escape(wide)}]|[{re.escape(ascii_)}]{_INSIDE_A_WORD})"
    return re.compile(f"{end}(?:{end}|[{re.escape(_CLOSERS)}])*")


_CUT = _cut(SENTENCE_ENDS)
_CUT_NO_SEMICOLON = _cut(_NO_SEMICOLON)
PAIR_GAIN = 1.25  # two sentences are shown only when together they score this much more than one
TOPIC_WEIGHT = 0.3
SHORT_SENTENCE = 8  # characters; a sentence this short is shown with its better neighbour
KIND_BONUS = 0.1  # added to a span holding the kind of answer the question asks for (fitted on CMRC trial)
RESTATEMENT = 0.4  # a sentence whose letters are at most this share outside the question's words says
# nothing the question does not: the answer is what follows it
# A sentence opening a numbered point of a speech or notice (一是… 二要… 第三，… 其次，…) names the
# point; what the point says follows it.
POINT_OPENER = re.compile(
    r"^[\s“\"]*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[是要、．.]"
    r"|第[一二三四五六七八九十]+[，,、是要]|\d+[、．.](?!\d)|首先|其次|再次|最后)"
)
LETTERS = re.compile(r"[\w]", re.UNICODE)
# A question: a sentence ending in ？ (closing quotes after it), or one opening with a question line's label
# (「问：」「问（退休教师周玉兰）：」「記者：」: `corpus.asks`), as an interview, an FAQ or a 问答 page asks it.
_QUESTION_END = re.compile(f"[？?][{re.escape(_CLOSERS)}]*$")


@dataclass(frozen=True)
class AnswerSentence:
    """A span of a passage's text: `text == passage.text[start:end]`."""

    text: str
    start: int
    end: int
    score: float  # in [0, 1]: the share of the question's weighted words found, with proximity (and dense)


@dataclass(frozen=True)
class WeightedTerm:
    text: str
    weight: float  # IDF in the corpus, lowered for synonym expansions


# Picks the sentence to show: (text, sentence spans, the weighted words it is chosen by, their total weight,
# the kind of answer asked, the heading and title, the best scored sentence, the question) -> an index.
Chooser = Callable[
    [str, Sequence[tuple[int, int]], Sequence[WeightedTerm], float, AnswerKind | None, str, int, str], int
]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of `text` (see _split; cached: a search splits a passage for
    its features and again for its answer sentence)."""
    return list(_split(text))


@lru_cache(maxsize=4096)
def _split(text: str) -> tuple[tuple[int, int], ...]:
    """[start, end) spans of the sentences of `text`: cut after 。！？；… and line breaks (closing
    quotes and brackets stay with their sentence), surrounding white space left out, empty ones dropped."""
    # A text with no full stop at all — a table row 「项目：心理关爱；标准：每半年一次；责任单位：…」 —
    # is one statement: its semicolons separate its fields, not sentences.
    cut = _CUT if any(stop in text for stop in _FULL_STOPS) else _CUT_NO_SEMICOLON
    trimmed = []
    start = 0
    for end in [m.end() for m in cut.finditer(text)] + [len(text)]:
        piece = text[start:end]
        kept = piece.strip()  # str.strip() drops what str.isspace() calls white space
        if kept:
            s = start + len(piece) - len(piece.lstrip())
            trimmed.append((s, s + len(kept)))
        start = end
    return tuple(trimmed)


@lru_cache(maxsize=4096)
def lowered_sentences(text: str) -> tuple[str, ...]:
    """The sentences of `text` (as `split_sentences` cuts them), each lower-cased: what the scoring reads
    (cached like the split: a search scores the same passage's sentences for several purposes)."""
    return tuple(text[s:e].lower() for s, e in _split(text))


@lru_cache(maxsize=4096)
def lowered_pieces(text: str) -> tuple[str, ...]:
    """The lowered sentences of `text` (`lowered_sentences`), then each two adjacent ones with what stands
    between them (sentences i and i + 1, i from 0): every span an answer sentence can be, read in one go."""
    spans = _split(text)
    pairs = (text[spans[i][0] : spans[i + 1][1]].lower() for i in range(len(spans) - 1))
    return (*lowered_sentences(text), *pairs)


def span_score(text: str, terms: Sequence[WeightedTerm], total: float | None = None) -> tuple[float, float]:
    """(coverage, proximity) of `terms` in `text`: the weighted share of the terms found, and how tightly
    the found terms cluster (their total length over the shortest window holding one of each; 1 = adjacent).
    `total` is the weight the share is of (default: the terms' own; see `present_terms`)."""
    return span_scores([text], terms, total)[0]


def span_scores(
    texts: Sequence[str], terms: Sequence[WeightedTerm], total: float | None = None
) -> list[tuple[float, float]]:
    """`span_score` of each of `texts` by the same terms, the terms read once (the ranker scores a passage,
    its heading and its speech's title by the question's words)."""
    total = sum(t.weight for t in terms) if total is None else total
    if total <= 0:
        return [(0.0, 0.0) for _ in texts]
    return [(coverage, proximity) for coverage, proximity, _ in _read(texts, term_needles(terms), total)]


def _read(
    texts: Sequence[str], needles: tuple[Needle, ...], total: float
) -> list[tuple[float, float, float]]:
    """(coverage, proximity, `_lexical` score) of each text by the same needles, compiled when it can be
    (one call for all, the same floats); an empty text scores 0 on each, as does every text when `total`
    is not positive."""
    if total <= 0:
        return [(0.0, 0.0, 0.0) for _ in texts]
    if (found := compiled.scores(tuple(text.lower() for text in texts), needles, total)) is not None:
        return list(zip(found.coverage, found.proximity, found.lexical, strict=True))
    read = []
    for text in texts:
        coverage, found_terms = _coverage(text.lower(), needles, total) if text else (0.0, [])
        proximity = proximity_of(found_terms)
        read.append((coverage, proximity, coverage * (1 - PROXIMITY_WEIGHT + PROXIMITY_WEIGHT * proximity)))
    return read


# A term as the scoring reads it: lower-cased, its weight, and its bigrams when it has three characters or
# more (found only in part, such a word earns PARTIAL_CREDIT). Made once per search, not once per sentence.
Needle = tuple[str, float, frozenset[str] | None]
# Each term found: (the term, where it first stands, the lower-cased text it was found in). Its other
# positions are read only when the proximity is needed (`_positions`), which bounds often spare.
Found = list[tuple[str, int, str]]


def term_needles(terms: Sequence[WeightedTerm]) -> tuple[Needle, ...]:
    global _last_needles
    key = tuple(terms)
    last = _last_needles  # one read: searches run in threads
    if last[0] == key:  # a search reads the same words for each candidate and hit
        return last[1]
    needles = tuple(
        (needle, term.weight, _grams(needle) if len(needle) >= 3 else None)
        for term in terms
        for needle in (term.text.lower(),)
    )
    _last_needles = key, needles
    return needles


_last_needles: tuple[tuple[WeightedTerm, ...], tuple[Needle, ...]] = ((), ())


def _coverage(lowered: str, needles: Sequence[Needle], total: float) -> tuple[float, Found]:
    """The weighted share of the terms found in `lowered` (a lower-cased text), and where each found one
    stands (for `proximity_of`)."""
    found_weight = partial = 0.0
    found: Found = []
    for needle, weight, grams in needles:
        at = lowered.find(needle) if needle else -1
        if at < 0:
            if grams is not None:  # the share of its bigrams found (瓯海区 in 瓯海老干部局: 1 of 2)
                partial += weight * (sum(1 for g in grams if g in lowered) / len(grams))
            continue
        found.append((needle, at, lowered))
        found_weight += weight
    return (found_weight + PARTIAL_CREDIT * partial) / total, found


def occurrences(lowered: str, needle: str, first: int) -> list[int]:
    """Where `needle` stands in `lowered`, from its first occurrence `first` on (non-overlapping)."""
    positions = []
    at = first
    while at >= 0:
        positions.append(at)
        at = lowered.find(needle, at + len(needle))
    return positions


def proximity_of(found: Found) -> float:
    if len(found) <= 1:
        return 1.0 if found else 0.0
    window = _shortest_window(_positions(found), len(found))
    covered = sum(len(needle) for needle, _, _ in found)
    return min(1.0, covered / max(window, 1))


def _positions(found: Found) -> list[tuple[int, int, int]]:
    """(start, end, which term) of every occurrence of the found terms."""
    return [
        (p, p + len(needle), i)
        for i, (needle, first, lowered) in enumerate(found)
        for p in occurrences(lowered, needle, first)
    ]


def _lexical(coverage: float, found: Found) -> float:
    return coverage * (1 - PROXIMITY_WEIGHT + PROXIMITY_WEIGHT * proximity_of(found))


@lru_cache(maxsize=4096)
def _grams(word: str) -> frozenset[str]:
    return frozenset(word[i : i + 2] for i in range(len(word) - 1))  # a set: a repeated bigram counts once


def _shortest_window(occurrences: list[tuple[int, int, int]], kinds: int) -> int:
    """Length of the shortest stretch of text containing at least one occurrence of each of `kinds` terms."""
    if len(occurrences) == kinds:  # each term once (most sentences): the stretch from the first to the last
        length = max(end for _, end, _ in occurrences) - min(start for start, _, _ in occurrences)
        return length or 1
    occurrences.sort()
    counts: dict[int, int] = {}
    best = None
    left = 0
    ends: deque[tuple[int, int]] = deque()  # (end, index), ends decreasing: the window's furthest end first
    for right, (_, end, kind) in enumerate(occurrences):
        counts[kind] = counts.get(kind, 0) + 1
        while ends and ends[-1][0] <= end:
            ends.pop()
        ends.append((end, right))
        while len(counts) == kinds:
            while ends[0][1] < left:
                ends.popleft()
            length = ends[0][0] - occurrences[left][0]
            best = length if best is None else min(best, length)
            left_kind = occurrences[left][2]
            counts[left_kind] -= 1
            if not counts[left_kind]:
                del counts[left_kind]
            left += 1
    return best or 1


def present_terms(text: str, terms: Sequence[WeightedTerm]) -> list[WeightedTerm]:
    """The terms that can count anywhere in `text` (found whole, or a longer word in part): scoring the
    sentences of `text` with only these, against the weight of all terms, gives the same scores, faster."""
    return [t for t, present in zip(terms, _present(text, terms), strict=True) if present]


def _present(text: str, terms: Sequence[WeightedTerm]) -> list[bool]:
    """For each term, whether it can count anywhere in `text` (see `present_terms`): found whole, or, a
    word of three or more characters, one of its character pairs found (瓯海区 in 瓯海老干部局)."""
    lowered = text.lower()
    return [
        (word := t.text.lower()) in lowered or (len(word) >= 3 and any(g in lowered for g in _grams(word)))
        for t in terms
    ]


def lexical_sentence_score(text: str, terms: Sequence[WeightedTerm], total: float | None = None) -> float:
    coverage, proximity = span_score(text, terms, total)
    return coverage * (1 - PROXIMITY_WEIGHT + PROXIMITY_WEIGHT * proximity)


def _lexical_score(text: str, needles: Sequence[Needle], total: float) -> float:
    """`lexical_sentence_score` with the terms read already (the same value)."""
    if total <= 0 or not text:
        return 0.0
    return _lexical(*_coverage(text.lower(), needles, total))


def best_sentence_score(text: str, terms: Sequence[WeightedTerm]) -> float:
    """The best `lexical_sentence_score` of a sentence of `text` by all of `terms` (0.0 without sentences).

    A sentence's score is at most its coverage, so sentences are scored in order of coverage, and the
    proximity of one whose coverage cannot beat the best score so far is never computed."""
    spans = split_sentences(text)
    total = sum(t.weight for t in terms)
    if not spans or total <= 0:
        return 0.0
    # every sentence at once, by every term (one absent from the text adds exactly 0.0)
    if (found := compiled.scores(lowered_sentences(text), term_needles(terms), total)) is not None:
        return max(found.lexical)
    needles = term_needles(present_terms(text, terms))
    rows = [_coverage(lowered, needles, total) for lowered in lowered_sentences(text)]
    if any(weight < 0 for _, weight, _ in needles):  # the bound needs weights of one sign
        return max(_lexical(coverage, found) for coverage, found in rows)
    best = None
    for coverage, found in sorted(rows, key=lambda row: -row[0]):
        if best is not None and coverage <= best:
            break
        score = _lexical(coverage, found)
        best = score if best is None else max(best, score)
    return best if best is not None else 0.0


class PassageSpans(NamedTuple):
    """What the ranker reads of a candidate passage by the question's words (retrieval/ranker.py)."""

    coverage: float  # `span_score` of the heading and text together
    proximity: float
    section: float  # the share of the words found in the heading
    source: float  # … in the speech's title, speaker and date
    sentence: float  # `best_sentence_score` of the text


def passage_spans(
    passages: Sequence[tuple[str, str, str]], terms: Sequence[WeightedTerm]
) -> list[PassageSpans]:
    """The `PassageSpans` of each (text, heading, source), the same floats as `span_scores` and
    `best_sentence_score` give; compiled, one call reads every candidate's texts and sentences."""
    total = sum(t.weight for t in terms)
    if total > 0 and compiled.active():
        texts: list[str] = []
        for passage in passages:
            texts += _passage_pieces(*passage)
        found = compiled.scores(tuple(texts), term_needles(terms), total, cache=False)
        if found is not None:
            rows = []
            at = 0
            for text, _, _ in passages:
                sentences = len(lowered_sentences(text))
                best = max(found.lexical[at + 3 : at + 3 + sentences], default=0.0)
                rows.append(
                    PassageSpans(
                        found.coverage[at],
                        found.proximity[at],
                        found.coverage[at + 1],
                        found.coverage[at + 2],
                        best,
                    )
                )
                at += 3 + sentences
            return rows
    rows = []
    for text, section, source in passages:
        (coverage, proximity), (section_share, _), (source_share, _) = span_scores(
            [f"{section}\n{text}", section, source], terms
        )
        rows.append(
            PassageSpans(coverage, proximity, section_share, source_share, best_sentence_score(text, terms))
        )
    return rows


@lru_cache(maxsize=4096)
def _passage_pieces(text: str, section: str, source: str) -> tuple[str, ...]:
    """What `passage_spans` reads of a passage, lower-cased: heading and text, heading, source, and each
    sentence of the text (cached: the same passages are candidates of question after question)."""
    return (f"{section}\n{text}".lower(), section.lower(), source.lower(), *lowered_sentences(text))


def answer_sentence(
    text: str,
    terms: Sequence[WeightedTerm],
    dense: Sequence[float] | None = None,
    dense_weight: float = 0.0,
    topic: str = "",
    *,
    extra: Sequence[WeightedTerm] = (),
    kind: AnswerKind | None = None,
    chooser: Chooser | None = None,
    question: str = "",
) -> AnswerSentence | None:
    """The sentence of `text` that best answers a question with these weighted words, or two adjacent
    sentences when the answer runs across both (or the best is a fragment). `dense`, when given, holds
    each sentence's cosine to the question, in the order of `split_sentences(text)`, and counts with
    `dense_weight`. Words found in `topic` (the section heading and speech title) count TOPIC_WEIGHT as much:
    they tell what the whole passage is about. `extra` words help choose the sentence without counting in
    its score (the question's one-character words: 卒 of 「卒于哪年」); a sentence holding an answer of the
    `kind` the question asks for (an amount, a time; not one the `question` names itself) gets KIND_BONUS.
    The score is the chosen span's by
    `terms` alone. Ties go to the earlier sentence. None only for a passage without text.

    A `chooser` (the learned one: retrieval/sentence_model.py) may show another sentence than the best
    scored one (it reads the `question` too); the score stays the rule's (the best span's), and the
    shown one gets a neighbour by the same rule."""
    spans = split_sentences(text)
    if not spans:
        return None
    answered = _answered(text)
    if topic:  # words the heading or title already names say what the passage is about, not which sentence
        lowered = topic.lower()
        terms, extra = (
            [WeightedTerm(t.text, t.weight * TOPIC_WEIGHT) if t.text.lower() in lowered else t for t in words]
            for words in (terms, extra)
        )
    if dense is not None and len(dense) != len(spans):
        dense = None
    total = sum(t.weight for t in terms)
    # the words that can count in this passage: all of them choose the sentence, the question's own
    # (not `extra`) score it
    present = _present(text, [*terms, *extra])
    choosing = [t for t, p in zip([*terms, *extra], present, strict=True) if p]
    choosing_total = total + sum(t.weight for t in extra)

    choosing_needles = term_needles(choosing)
    # compiled, every sentence and pair of adjacent ones is read at once (one call, not one per widening)
    pieces = (
        compiled.scores(lowered_pieces(text), choosing_needles, choosing_total)
        if dense is None and choosing_total > 0
        else None
    )

    def finish(lexical: float, start: int, end: int, cosine: float) -> float:
        if kind is not None and holds(kind, text[start:end], question):
            lexical += KIND_BONUS
        return (1 - dense_weight) * lexical + dense_weight * cosine if dense is not None else lexical

    def score_of(start: int, end: int, cosine: float) -> float:
        return finish(_lexical_score(text[start:end], choosing_needles, choosing_total), start, end, cosine)

    if dense is None and choosing_total > 0:
        best, score = _best_single(text, spans, choosing_needles, choosing_total, kind, pieces, question)
    else:
        single = [score_of(s, e, dense[i] if dense is not None else 0.0) for i, (s, e) in enumerate(spans)]
        best = max(range(len(spans)), key=lambda i: (single[i], -i))
        score = single[best]

    bounded = dense is None and choosing_total > 0 and all(weight >= 0 for _, weight, _ in choosing_needles)

    def might_gain(read: list[tuple[float, float, float]], score: float) -> bool:
        """Whether a pair of the sentence with a neighbour might score more than PAIR_GAIN times it: a
        span scores at most its coverage at full proximity (plus KIND_BONUS), so when no pair's bound
        reaches that, pairs are not weighed (their kind of answer, their dense cosine)."""
        if not bounded:
            return True
        bonus = KIND_BONUS if kind is not None else 0.0
        return any(
            coverage * (1 - PROXIMITY_WEIGHT + PROXIMITY_WEIGHT * 1.0) + bonus > score * PAIR_GAIN
            for coverage, _, _ in read
        )

    def widen(best: int, score: float) -> tuple[int, int, float]:
        start, end = spans[best]
        neighbours = [j for j in (best - 1, best + 1) if 0 <= j < len(spans) and j not in answered]
        if not neighbours:
            return start, end, score
        short = (end - start) <= SHORT_SENTENCE
        bounds = [(min(start, spans[j][0]), max(end, spans[j][1])) for j in neighbours]
        if pieces is not None:  # the pair of sentences i and i + 1 is piece len(spans) + i
            read = [
                (pieces.coverage[k], pieces.proximity[k], pieces.lexical[k])
                for k in (len(spans) + min(best, j) for j in neighbours)
            ]
        else:
            read = _read([text[s:e] for s, e in bounds], choosing_needles, choosing_total)
        if short or might_gain(read, score):
            pairs = []
            for j, (s, e), (_, _, lexical) in zip(neighbours, bounds, read, strict=True):
                cosine = max(dense[best], dense[j]) if dense is not None else 0.0
                pairs.append((finish(lexical, s, e, cosine), j, s, e))
            pair_score, j, s, e = max(pairs, key=lambda p: (p[0], -p[1]))
            if pair_score > score * PAIR_GAIN or short:
                return s, e, max(score, pair_score)
        if best + 1 < len(spans) and best + 1 not in answered and names_only(text[start:end], choosing):
            # the best sentence only names the point the question asks about: show what follows too
            return start, spans[best + 1][1], score
        return start, end, score

    start, end, score = widen(best, score)
    shown = start, end
    if chooser is not None and dense is None and choosing_total > 0:
        chosen = chooser(text, spans, choosing, choosing_total, kind, topic, best, question)
        if chosen != best:
            shown = widen(chosen, score_of(*spans[chosen], 0.0))[:2]
    if answered and (
        asked := [i for i, (s, e) in enumerate(spans) if i in answered and shown[0] <= s < shown[1]]
    ):
        # the question the passage asks, not its answer: show the answer that follows it instead
        reply = _answer_after(asked[-1], spans, answered)
        reply = max(reply, key=lambda i: (score_of(*spans[i], dense[i] if dense is not None else 0.0), -i))
        shown = widen(reply, score_of(*spans[reply], dense[reply] if dense is not None else 0.0))[:2]
    if extra or kind is not None:  # the score by the question's words alone: the span, or its best sentence
        # zip stops at len(terms): present[: len(terms)], the question's own words without `extra`
        scoring = term_needles([t for t, p in zip(terms, present, strict=False) if p])
        inside = [(s, e) for s, e in spans if start <= s and e <= end and (s, e) != (start, end)]
        lexical = max(
            score for _, _, score in _read([text[s:e] for s, e in [(start, end), *inside]], scoring, total)
        )
        if dense is not None:
            cosine = max(dense[i] for i, (s, e) in enumerate(spans) if start <= s and e <= end)
            lexical = (1 - dense_weight) * lexical + dense_weight * cosine
        score = lexical
    return AnswerSentence(text[slice(*shown)], *shown, round(min(max(score, 0.0), 1.0), 6))


def _best_single(
    text: str,
    spans: Sequence[tuple[int, int]],
    needles: Sequence[Needle],
    total: float,
    kind: AnswerKind | None,
    pieces: compiled.Spans | None = None,
    question: str = "",
) -> tuple[int, float]:
    """The index and score of the best single sentence (the earlier one of equal scores), as `score_of`
    in `answer_sentence` scores them without dense cosines. A sentence's score is at most its coverage
    (plus KIND_BONUS when a kind is asked for), so sentences are scored in order of that bound, and one
    whose bound is below the best score so far is never scored in full (proximity, the kind's figures).
    `pieces`: the compiled read of `lowered_pieces(text)` by the same needles, when made already."""
    found = pieces if pieces is not None else compiled.scores(lowered_sentences(text), needles, total)
    if found is not None:
        coverages, lexicals = found.coverage, found.lexical
    else:
        rows = [_coverage(lowered, needles, total) for lowered in lowered_sentences(text)]
        coverages = [coverage for coverage, _ in rows]
        lexicals = None
    if any(weight < 0 for _, weight, _ in needles):  # the bound needs weights of one sign
        order: list[int] = list(range(len(spans)))
        bonus = float("inf")
    else:
        order = sorted(range(len(spans)), key=lambda i: -coverages[i])
        bonus = KIND_BONUS if kind is not None else 0.0
    best, best_score = -1, 0.0
    for i in order:
        coverage = coverages[i]
        if best >= 0 and coverage + bonus < best_score:
            break
        score = lexicals[i] if lexicals is not None else _lexical(coverage, rows[i][1])
        if kind is not None and holds(kind, text[spans[i][0] : spans[i][1]], question):
            score += KIND_BONUS
        if best < 0 or score > best_score or (score == best_score and i < best):
            best, best_score = i, score
    return best, best_score


def answered_questions(text: str, spans: Sequence[tuple[int, int]]) -> frozenset[int]:
    """The indices of the sentences of `text` that ask a question (end in ？, or open with a question line's
    label 「问：」「记者：」) which a later sentence of the passage answers: such a sentence restates what the
    user asks, and is never the one shown."""
    asking = [bool(_QUESTION_END.search(text[s:e]) or asks(text[s:e])) for s, e in spans]
    answered: set[int] = set()
    run: list[int] = []
    for i, question in enumerate(asking):
        if question:
            run.append(i)
        else:
            answered.update(run)
            run = []
    return frozenset(answered)


@lru_cache(maxsize=4096)
def _answered(text: str) -> frozenset[int]:
    """`answered_questions` of the sentences of `text` (cached with its split: a passage is shown again
    and again)."""
    return answered_questions(text, _split(text))


def _answer_after(question: int, spans: Sequence[tuple[int, int]], answered: frozenset[int]) -> list[int]:
    """The sentences answering the question at index `question`: those after its run of questions, up to
    the next question."""
    first = question + 1
    while first in answered:
        first += 1
    last = first
    while last + 1 < len(spans) and last + 1 not in answered:
        last += 1
    return list(range(first, last + 1))


def names_only(sentence: str, terms: Sequence[WeightedTerm]) -> bool:
    """Whether a sentence names a point rather than says it: it opens a numbered point (一是… 其次，…),
    or its letters are nearly all the question's own words (RESTATEMENT)."""
    if POINT_OPENER.match(sentence):
        return True
    letters = LETTERS.findall(sentence)
    if not letters:
        return False
    lowered = sentence.lower()
    uncovered = list(lowered)  # the words' characters blanked out (a space is no letter)
    for term in terms:
        needle = term.text.lower()
        at = lowered.find(needle) if needle else -1
        while at >= 0:
            uncovered[at : at + len(needle)] = " " * len(needle)
            at = lowered.find(needle, at + len(needle))
    outside = len(LETTERS.findall("".join(uncovered)))
    return outside / len(letters) <= RESTATEMENT


def squash(text: str) -> str:
    return _SPACE.sub("", text)
