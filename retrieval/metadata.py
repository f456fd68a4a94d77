"""A question about a document rather than in it: its date, speaker, issuer, 文号 or title.

「这个体检通知是哪天发的」「老年大学那篇讲话是谁讲的」「关于护理费的规定是哪个文件」「…的文号是多少」 ask what the
library stores about a document — read from its head, its 落款 or its title when it was added, or set with
`speechqa edit` — and what no passage need state: a notice does not say 「本通知于2月6日印发」. The search
finds the document by what the question says of it; the asked fact is then shown from the stored record
(`RecordFact`), the document's best passage first, so the answer stays extractive and cited.

The ask is read from the question's end (or a 文号/发文日期 word anywhere), by the verb of issuing or speaking
and the interrogative of time, person or body; 「体检是什么时候开始的」 asks what a passage says, not the
document's date, and is no metadata question. Which document it names: of the speeches the best passages
come from, the one whose title holds most of the question's words, weighted by how rare each is among the
library's titles (the search ranks passages; a title names the document). A document that does not record
the asked fact is said so (「没有记下讲话人」), and the question is not answered by it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index import PassageRecord, SpeechRecord

_ISSUE = r"(?:印发|下发|发布|发出|出台|颁布|公布|签发|转发|制定|制发|发文|发|出)"
_SPEAK = r"(?:讲|说|作|做|写|发言|致辞)"
_WHEN = r"(?:哪一?天|哪一?年|哪个月|几月几[号日]|几号|什么时候|啥时候|何时|什么时间|啥时间|什么日子|哪个日子)"
# what a question names when it names a document: the kinds of 公文 (GB/T 9704's fifteen and the rules
# and plans issued as their attachments) and of speeches and reports — 「交通补助啥时候发」 asks when money
# is paid, 「表彰大会什么时候开」 when a meeting is held: what passages say, not a document's record
_DOCUMENT = (
    r"(?:决议|决定|命令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|纪要|办法|规定|方案|细则|规范|条例|规则|"
    r"准则|制度|要点|规划|计划|简章|提示|解读|问答|讲话|发言|致辞|讲稿|报道|消息|新闻|通讯|文章|文件|材料|简报|稿子|篇|份)"
)
_NAMES_DOCUMENT = re.compile(rf"{_DOCUMENT}[”」》\s]*(?:的|那个|这个|那篇|这篇|那份|这份)?$")
_AT_MEETING = re.compile(r"会(?:议)?上(?:的)?$")  # 「…推进会上是谁讲的话」: the speech given there
_TAIL = r"(?:的|出来的)?(?:话|讲话|报告)?[吗呢啊呀]?$"
# (kind, the ask, whether it may stand anywhere: a record's field named, 文号 or 发文日期; else it closes the question)
_ASKS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    (
        "doc_number",
        re.compile(r"(?:文号|发文字号|文件号|发文编号)(?:是|为)?(?:多少|什么|啥|几号|哪个)?"),
        True,
    ),
    (
        "date",
        re.compile(
            r"(?:发文|发布|印发|落款|成文|签发)(?:日期|时间)(?:是|为)?(?:哪天|什么时候|多少|几号|什么)?"
        ),
        True,
    ),
    (
        "date",
        re.compile(rf"(?:是|在|于)?{_WHEN}(?:{_ISSUE}|{_SPEAK}|开|召开){_TAIL}|(?:是|在)?{_WHEN}的$"),
        False,
    ),
    (
        "speaker",
        re.compile(rf"(?:是)?(?:谁|哪位(?:领导)?){_SPEAK}的{_TAIL}|讲话人是谁|(?:是)?(?:谁|哪位领导)的讲话$"),
        False,
    ),
    (
        "issuer",
        re.compile(
            rf"(?:是)?(?:哪个|哪家|哪几个|哪些|什么|啥)(?:单位|部门|机关|机构)(?:联合|一起)?{_ISSUE}{_TAIL}|(?:是)?谁{_ISSUE}的{_TAIL}"
        ),
        False,
    ),
    ("issuer", re.compile(r"发文(?:机关|单位)(?:是|为)?(?:哪个|哪家|谁|什么)?"), True),
    (
        "title",
        re.compile(
            rf"(?:是|在)?(?:哪个|哪份|哪一个|哪一份|什么)文件(?:里)?(?:{_ISSUE}|规定|讲|说)?的?$"
            r"|的?(?:标题|题目|全称)(?:是|叫)(?:什么|啥)$"
        ),
        False,
    ),
)
LABELS = {
    "date": "发布日期",
    "speaker": "讲话人",
    "issuer": "发文机关",
    "doc_number": "文号",
    "title": "文件标题",
}
SPEECH_DATE_LABEL = "讲话日期"  # the date of a speech (a record with a speaker), not a notice's
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号")
_CUT = re.compile(r"[?？!！。,，、\s]+$")
_THANKS = re.compile(r"(?:[,，\s]*(?:谢谢|多谢|感谢)(?:你|您|了)?)+$")


@dataclass(frozen=True)
class FactAsked:
    """What a question asks about a document, and what it says of the document (the rest of it)."""

    kind: str  # "date" | "speaker" | "issuer" | "doc_number" | "title"
    description: str  # the question without its ask: 「这个体检通知」


def fact_asked(question: str) -> FactAsked | None:
    """The fact a question asks about a document (simplified text, as searched), or None."""
    text = _CUT.sub("", _THANKS.sub("", _CUT.sub("", question)))
    for kind, pattern, anywhere in _ASKS:
        for m in pattern.finditer(text):
            if not anywhere and m.end() < len(text):  # the ask closes the question
                continue
            description = (text[: m.start()] + " " + text[m.end() :]).strip()
            before = text[: m.start()].strip()
            if not anywhere and not (
                _NAMES_DOCUMENT.search(before) or (kind == "speaker" and _AT_MEETING.search(before))
            ):
                return None  # what a passage says (「体检什么时候开始」「补助啥时候发」), not a record's
            if len(re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", description)) < 2:
                return None  # 「是哪天发的」 alone names no document
            return FactAsked(kind, description)
    return None


def _bigrams(text: str) -> set[str]:
    runs = re.findall(r"[\u4e00-\u9fffA-Za-z0-9]+", text)
    return {run[i : i + 2] for run in runs for i in range(len(run) - 1)}


def title_text(speech: SpeechRecord) -> str:
    """What names a document: its title and subtitle, and who gave or issued it (「沈伟的讲话」「民政部那个通知」)."""
    return " ".join(part for part in (speech.title, speech.subtitle, speech.speaker, speech.issuer) if part)


@dataclass(frozen=True)
class TitleWeights:
    """How rare each character bigram is among the library's titles (an IDF over titles), and each title's
    bigrams (by speech id): read once per library revision, not per question."""

    idf: dict[str, float]
    grams: dict[int, frozenset[str]]

    @classmethod
    def of(cls, speeches: Iterable[SpeechRecord]) -> TitleWeights:
        grams = {speech.id: frozenset(_bigrams(title_text(speech))) for speech in speeches}
        counts: dict[str, int] = {}
        for held in grams.values():
            for gram in held:
                counts[gram] = counts.get(gram, 0) + 1
        n = len(grams)
        return cls({gram: math.log((n + 1) / (c + 0.5)) for gram, c in counts.items()}, grams)

    def match(self, description: str, speech_id: int) -> float:
        """The weight of the description's bigrams the speech's title holds (bigrams in no title weigh nothing)."""
        held = self.grams.get(speech_id, frozenset())
        return sum(self.idf.get(g, 0.0) for g in _bigrams(description) if g in held)


def named_document(
    asked: FactAsked, kept: Sequence[PassageRecord], speeches: dict[int, SpeechRecord], weights: TitleWeights
) -> int | None:
    """The id of the document the question names: the one whose title holds most of the description's
    words, of all the library's; on a tie, the one whose passage ranks best. When no title holds any, the
    best passage's document."""
    rank: dict[int, int] = {}
    for at, record in enumerate(kept):
        rank.setdefault(record.speech_id, at)
    asked_grams = [g for g in _bigrams(asked.description) if g in weights.idf]
    scores = {
        s: sum(weights.idf[g] for g in asked_grams if g in weights.grams.get(s, frozenset()))
        for s in speeches
    }
    best = max(scores, key=lambda s: (scores[s], -rank.get(s, len(kept))), default=None)
    if best is None or scores[best] <= 0:
        return kept[0].speech_id if kept and kept[0].speech_id in speeches else None
    return best


def format_date(value: str) -> str:
    """「2020-02-06」 as 「2020年2月6日」 (a month or a year alone as such)."""
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return value
    return "".join(f"{n}{unit}" for n, unit in zip(numbers, ("年", "月", "日"), strict=False))


def doc_number(speech: SpeechRecord, head: PassageRecord | None) -> str | None:
    """A document's 文号: its 「文件信息」 passage's, else the one its title carries in brackets."""
    if head is not None and (m := re.search(r"文号[:：]\s*([^。；;，,\s]+)", head.text)):
        return m.group(1)
    found = _DOC_NUMBER.search(speech.title)
    return found.group().strip() if found else None


@dataclass(frozen=True)
class StoredFact:
    label: str
    value: str | None  # None: the record does not hold it
    basis: str


def stored_fact(kind: str, speech: SpeechRecord, head: PassageRecord | None) -> StoredFact:
    """The asked fact from the document's stored record, how the front ends label it, and its basis."""
    if kind == "date":
        label = SPEECH_DATE_LABEL if speech.speaker else LABELS["date"]
        return StoredFact(label, format_date(speech.date) if speech.date else None, "据资料库记录的文件日期")
    if kind == "speaker":
        return StoredFact(LABELS["speaker"], speech.speaker or None, "据资料库记录")
    if kind == "issuer":
        return StoredFact(LABELS["issuer"], speech.issuer or None, "据资料库记录")
    if kind == "doc_number":
        number = doc_number(speech, head)
        basis = "据文件信息" if head is not None and number and number in head.text else "据文件标题"
        return StoredFact(LABELS["doc_number"], number, basis)
    title = speech.title + (f"（{speech.subtitle.lstrip('—- ')}）" if speech.subtitle else "")
    return StoredFact(LABELS["title"], title, "据资料库记录")
