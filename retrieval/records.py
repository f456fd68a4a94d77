"""What a search returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from index import PassageRecord

from .confidence import Level, Signals
from .filters import FilterReport
from .sentence import AnswerSentence
from .smalltalk import SmallTalk
from .typos import Typo


@dataclass(frozen=True)
class Hit:
    rank: int  # 1-based, across pages
    score: float  # the fused score the ranking is by
    passage: PassageRecord
    dense: float | None  # cosine similarity, when the dense side ran
    lexical: float | None  # BM25 score, when the lexical side found the passage
    highlights: tuple[tuple[int, int], ...]  # [start, end) spans of query words in passage.text
    answer_sentence: AnswerSentence | None = None  # the span of passage.text that best answers the query
    pinned: bool = False  # the agreed answer pinned to this question (or one close to it), shown first
    # The passage holds enough of the question's information (the rule behind Answer.answered, applied
    # to this passage): where this ends, the results stop being worth paging through.
    relevant: bool = True
    # the passage's speech is stored beside a newer version of itself (a corrected notice added under another
    # name, index.identity's 「更正版」, not kept on purpose): that version's id, for the front ends to say
    newer_version: int | None = None


@dataclass(frozen=True)
class PinOffer:
    """A standard question close to the one asked, but not close enough to serve its pin: the front ends
    offer it (「相近的标准问题」); asking it brings its agreed answer."""

    pin_id: int
    question: str  # the pinned question, as pinned
    passage_id: int
    probability: float  # the pin model's estimate that the two ask the same thing


@dataclass(frozen=True)
class RecordFact:
    """What a question about a document rather than in it asks (its date, speaker, issuer, 文号 or title),
    read from the stored record of the document it names (retrieval/metadata.py): the front ends show
    「发布日期：2020年2月6日（据资料库记录）」 above the passages, the document's best passage first."""

    kind: str  # "date" | "speaker" | "issuer" | "doc_number" | "title"
    label: str  # what the front ends call it: 发布日期, 讲话日期, 讲话人, 发文机关, 文号, 文件标题
    value: str | None  # as shown: 2020年2月6日, 沈伟, 江政办发〔2020〕12号; None: the record does not hold it
    speech_id: int
    speech_title: str
    passage_id: int  # the document's passage shown first (hits[0])
    basis: str  # where the value is from, shown after it: 据资料库记录的文件日期, 据文件信息, 据文件标题

    @property
    def line(self) -> str:
        """What the front ends show above the passages: 「发布日期：2020年2月6日（据资料库记录的文件日期）」, or
        that the document does not record it."""
        if self.value is None:
            return f"资料库没有记下《{self.speech_title}》的{self.label}。"
        return f"{self.label}：{self.value}（{self.basis}）"


@dataclass(frozen=True)
class Answer:
    query: str
    answered: bool  # False: nothing in the corpus answers; hits are then only the nearest passages
    hits: tuple[Hit, ...]
    terms: tuple[str, ...]  # the query words that were highlighted
    mode: str
    offset: int
    has_more: bool  # a further page exists and holds a passage that still answers (Hit.relevant)
    latency_ms: float
    # "high" 直接相关, "medium" 可能相关, "low" 未找到直接回答; None when no judge ran (answered then says all)
    confidence: Level | None = None
    probability: float | None = None  # calibrated P(the corpus answers this); None under the fallback rule
    small_talk: SmallTalk | None = None  # thanks, greeting, farewell or acknowledgement: no search was made
    signals: Signals | None = field(default=None, repr=False, compare=False)  # what the judge read
    filters: FilterReport | None = None  # what the search was restricted to; None when unfiltered
    typos: tuple[Typo, ...] = ()  # homophone typos of the question, searched as the library's words
    pin_offer: PinOffer | None = None  # a standard question close to this one, when no pin was served
    # the time the question names (「2025 年」) when no speech is of it and no passage names it: the results
    # are of other times, and the confidence is "low" whatever the passages' words (probability None)
    period_unnamed: str | None = None
    # the time the question names when the library has something of it but the best passages are each
    # from a speech dated at another time and name no year of it (confidence "low" too)
    period_elsewhere: str | None = None
    # the id of the pin whose passage is shown first (the hit marked `pinned`), so a front end can remove it
    served_pin: int | None = None
    # a question about a document (「这个体检通知是哪天发的」): the asked fact from its stored record
    record_fact: RecordFact | None = None
    # a page after the first: how sure this page is (`Retriever._page_level`), not the first page's verdict
    # repeated — the judge read the best passage only. None on the first page and for an unanswered question
    page_confidence: Level | None = None

    @property
    def period_note(self) -> str | None:
        """What the front ends say of `period_unnamed` / `period_elsewhere`, or None (also when a date filter read from the
        question allowed nothing: the filter's own line says it)."""
        if self.filters is not None and self.filters.fallback:
            return None
        if self.period_unnamed is not None:
            return (
                f"资料中没有 {self.period_unnamed}的内容（没有这一时间的讲话，正文也没有提到）："
                "以下段落是其他时间的，仅供参考。"
            )
        if self.period_elsewhere is not None:
            return (
                f"找到的段落都不是 {self.period_elsewhere}的（出自其他时间的讲话，也没有提到这一时间）："
                "仅供参考。"
            )
        return None

    @property
    def level(self) -> Level:
        return self.confidence or ("medium" if self.answered else "low")

    @property
    def page_level(self) -> Level:
        """What this page's heading says: `level` on the first page, `page_confidence` on a later one."""
        return self.page_confidence or self.level
