"""When two speeches are the same speech: the identity rule, as pure functions.

A *source* is a file (its resolved path, size and SHA-256) holding an ordered list of speeches. A
speech's identity is its body text, normalised (Unicode NFKC, no whitespace): two speeches with the
same normalised text are the same speech, and so are two whose texts differ only by short runs of
digits put in or left out (a re-export's page numbers, footnote marks). Two whose character 5-gram
sets overlap by at least NEAR_DUPLICATE (Jaccard) but that differ in what they say — one figure
changed, a corrected typo — are versions of one speech: an edited file replaces its earlier version,
another file holding such a version is added beside it with a warning, never thrown away. Metadata (title, date, speaker) is not part of the identity: staff correct
it with `speechqa edit`, and the correction is keyed by the text hash.

`match_versions` pairs the speeches of a file being added with the stored speeches of its earlier
version: equal texts first, then near-equal ones, then (for files read from a path) equal titles; what
is left over is new, or gone.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

EDITED = 0.5  # shingle overlap of a speech's edited version with its earlier one, same file
NEAR_DUPLICATE = 0.95
SHINGLE = 5


def normalise(text: str) -> str:
    """The text a speech is compared by: NFKC, letters and digits only. Whitespace, line breaks and
    punctuation differ between exports of one text (a PDF's text layer moves quotation marks, a
    re-typed copy uses half-width commas) without changing what the speech says."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c)[0] in "LN")


def speech_text(passages: Iterable[tuple[str | None, str]]) -> str:
    """A speech's normalised text from its (section heading, passage text) pairs in reading order: each
    heading once, where it starts, then the text. Headings count because exports disagree on which
    lines are headings (a wrapped heading in a PDF becomes heading plus paragraph)."""
    parts: list[str] = []
    section: str | None = None
    for heading, text in passages:
        if heading and heading != section:
            parts.append(heading)
        section = heading
        parts.append(text)
    return normalise("".join(parts))


def text_hash(normalised: str) -> str:
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def shingles(normalised: str, size: int = SHINGLE) -> frozenset[str]:
    if len(normalised) <= size:
        return frozenset([normalised]) if normalised else frozenset()
    return frozenset(normalised[i : i + size] for i in range(len(normalised) - size + 1))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two shingle sets (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


NOISE_DIGITS = 4  # a run of at most this many digits put in or left out is a page number or a note mark


def same_content(a: str, b: str) -> bool:
    """Whether two normalised texts say the same: equal, or differing only by runs of at most
    NOISE_DIGITS digits inserted or deleted between the same words (「…意义1二、…」: a page number or a
    footnote mark a PDF export keeps). A replaced character — 1.8万 for 1.9万 — is a change of content,
    and so, to be safe, is a digit run put right beside other digits. One pass over both texts."""
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i, j = i + 1, j + 1
            continue
        run_a, run_b = _digits_at(a, i), _digits_at(b, j)
        if run_a and not run_b and run_a <= NOISE_DIGITS and not _after_digit(a, i):
            i += run_a
        elif run_b and not run_a and run_b <= NOISE_DIGITS and not _after_digit(b, j):
            j += run_b
        else:
            return False
    rest_a, rest_b = a[i:], b[j:]
    return all(not r or (r.isdigit() and len(r) <= NOISE_DIGITS) for r in (rest_a, rest_b))


def _digits_at(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    return end - start


def _after_digit(text: str, at: int) -> bool:
    return at > 0 and text[at - 1].isdigit()


def could_overlap(chars_a: int, chars_b: int, threshold: float = NEAR_DUPLICATE) -> bool:
    """A cheap bound: sets of sizes m <= n overlap by at most m / n, so lengths far apart cannot match."""
    small, large = sorted((chars_a, chars_b))
    return large == 0 or small / large >= threshold - 0.02


def same_title(a: str, b: str) -> bool:
    return normalise(a) == normalise(b) and bool(normalise(a))


@dataclass(frozen=True)
class Fingerprint:
    """What identity needs of one speech: its normalised text, hash and title."""

    key: int  # the caller's handle: a stored speech id, or the position of a speech being added
    title: str
    normalised: str

    @functools.cached_property
    def hash(self) -> str:
        return text_hash(self.normalised)

    @functools.cached_property
    def shingles(self) -> frozenset[str]:
        return shingles(self.normalised)


@dataclass(frozen=True)
class Pairing:
    """How the speeches of a file being added relate to the stored speeches of its earlier version."""

    exact: tuple[tuple[int, int], ...]  # (new key, old key): the same text
    near: tuple[tuple[int, int], ...]  # (new key, old key): an edited version of the same speech
    new: tuple[int, ...]  # new keys matching no old speech
    gone: tuple[int, ...]  # old keys matching no new speech


def match_versions(
    new: Sequence[Fingerprint], old: Sequence[Fingerprint], *, by_title: bool = True
) -> Pairing:
    """Pair new speeches with old ones, each at most once: equal texts, then the closest overlap
    ≥ NEAR_DUPLICATE, then (when `by_title`) equal titles in order. A compilation that lost or gained
    a speech keeps every other speech paired with itself."""
    free_new = {f.key: f for f in new}
    free_old = {f.key: f for f in old}
    exact: list[tuple[int, int]] = []
    near: list[tuple[int, int]] = []
    for f in new:
        hit = next((o for o in free_old.values() if o.hash == f.hash), None)
        if hit is not None:
            exact.append((f.key, hit.key))
            del free_new[f.key], free_old[hit.key]
    candidates = sorted(
        (
            (overlap(f.shingles, o.shingles), f.key, o.key)
            for f in free_new.values()
            for o in free_old.values()
            if could_overlap(len(f.normalised), len(o.normalised))
        ),
        key=lambda c: -c[0],
    )
    for score, new_key, old_key in candidates:
        if score >= NEAR_DUPLICATE and new_key in free_new and old_key in free_old:
            near.append((new_key, old_key))
            del free_new[new_key], free_old[old_key]
    if by_title:
        for f in list(free_new.values()):
            hit = next((o for o in free_old.values() if same_title(o.title, f.title)), None)
            if hit is not None:
                near.append((f.key, hit.key))
                del free_new[f.key], free_old[hit.key]
        # The same file, edited: a speech that still shares much of its text with one it held before is
        # that speech's new version (a short speech changes many shingles with one word; its title may
        # have been corrected with `speechqa edit`); and a file that held one speech and still holds one
        # holds its new version.
        for score, new_key, old_key in candidates:
            if score >= EDITED and new_key in free_new and old_key in free_old:
                near.append((new_key, old_key))
                del free_new[new_key], free_old[old_key]
        if len(free_new) == 1 and len(free_old) == 1 and len(new) == 1 and len(old) == 1:
            near.append((next(iter(free_new)), next(iter(free_old))))
            free_new.clear()
            free_old.clear()
    return Pairing(tuple(exact), tuple(near), tuple(free_new), tuple(free_old))


def most_similar(
    speech: Fingerprint, stored: Sequence[Fingerprint], low: float = EDITED
) -> tuple[int, float] | None:
    """(key, overlap) of the stored speech closest to this one when they overlap at least `low` but do
    not say the same (see `find_duplicate`): most likely another version of it — a corrected copy saved
    under another name — which the user should be told about, as both would be served."""
    best: tuple[int, float] | None = None
    for other in stored:
        if not could_overlap(len(speech.normalised), len(other.normalised), low):
            continue
        score = overlap(speech.shingles, other.shingles)
        if score >= low and (best is None or score > best[1]):
            if score >= NEAR_DUPLICATE and same_content(speech.normalised, other.normalised):
                continue
            best = (other.key, score)
    return best


def find_duplicate(speech: Fingerprint, stored: Sequence[Fingerprint]) -> int | None:
    """The key of a stored speech saying the same as this one (`same_content`), the closest first."""
    for other in stored:
        if other.hash == speech.hash:
            return other.key
    close: list[tuple[float, int, Fingerprint]] = []
    mine = speech.shingles
    for other in stored:
        if not could_overlap(len(speech.normalised), len(other.normalised)):
            continue
        score = overlap(mine, other.shingles)
        if score >= NEAR_DUPLICATE:
            close.append((score, other.key, other))
    for _, key, other in sorted(close, key=lambda c: (-c[0], c[1])):
        if same_content(speech.normalised, other.normalised):
            return key
    return None


# -- another version, or another notice of one template? -------------------------------------------------
#
# `most_similar` finds a stored speech that shares at least EDITED of its 5-grams with one being added. Such
# a pair is either two versions of one document (a 修改稿 beside its original, a 定稿 beside its 征求意见稿:
# both would answer side by side, the older one wrongly) or two documents cut from one template (a monthly
# activity notice and the month before's: both are meant to stay). The share alone cannot tell them apart —
# monthly notices of one template share half their text — so `kinship` decides from what differs: the 文号,
# the title with its version marks (「（修改稿）」) taken off, the month of the date, and the overlap of what
# is not the library's boilerplate (sentences that stand in TEMPLATE_DOCUMENTS or more documents).

TEMPLATE_DOCUMENTS = (
    3  # a sentence found in this many documents (the one being added included) is a template's
)
_SENTENCE_END = re.compile(r"[。！？!?；;\n]+")
_VERSION_WORD = (
    r"(?:修改|修订|更正|征求意见|讨论|送审|审定|定|草|初|终|正式|最终|打印|排版|校对|"
    r"第?[一二三四五六七八九十\d]+)(?:稿|版)|更正|存档|会议材料|修改后"
)
_VERSION_MARK = re.compile(
    rf"[（(【\[〔]\s*[^）)】\]〕]{{0,6}}?(?:{_VERSION_WORD})[^）)】\]〕]{{0,4}}?\s*[）)】\]〕]|(?:{_VERSION_WORD})$"
)
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号")
# marks of a later and of an earlier version in a file's name or its own folder (「修改稿/」, 「…（定稿）.docx」,
# 「征求意见稿/」): which of two versions dated alike is the corrected one. Whole marks only — 修改 or 最终 alone
# is any word (「关于修订…的说明」, 「领导修改意见/」, 「最终归档/」) — and a later mark negated (「未定稿」「待修改稿」)
# or said of the time before it (「修改稿前」「定稿意见」) is none; 「修改前」「更正前」 mark the earlier version.
_LATER_WORDS = (
    r"(?:修改|修订|更正)(?:稿|版|后)|改后|(?:审)?定稿|最终(?:稿|版)|终稿|正式(?:稿|版)"
    r"|[（(【\[〔]\s*(?:修改|修订|更正)\s*[）)】\]〕]|^(?:修改|修订|更正)$"
)
_LATER_MARK = re.compile(rf"(?<![未待不非])(?:{_LATER_WORDS})(?!前|意见)")
_EARLIER_MARK = re.compile(
    r"征求意见(?:稿|版)|讨论(?:稿|版)|送审(?:稿|版)|草稿|初稿|底稿|草案|未定稿|(?:修改|修订|更正|改|定稿)前"
)
MIN_SENTENCE = 6  # shorter 「sentences」 (「特此通知」, a date line) are no template's evidence either way


@dataclass(frozen=True)
class Particulars:
    """What a speech says it is, beside its text: its title (as shown: an official document's 文号 after it),
    its date (ISO, or YYYY-MM / YYYY) and its 文号 when it has one."""

    title: str
    date: str | None = None
    number: str | None = None
    path: str | None = None  # the file it was read from: its folders and name may mark a version (修改稿/)


class KinshipBy(StrEnum):
    """What decided `kinship` (a front end words it; the value is what the library stores)."""

    SAME_NUMBER = "same_number"  # the same 文号: a version
    OTHER_NUMBER = "other_number"  # two different 文号: two documents
    SAME_TITLE = "same_title"  # the same title, version marks taken off: a version
    OTHER_MONTH = "other_month"  # a title that differs and a date in another month: another month's notice
    OWN_TEXT = "own_text"  # what is not the library's boilerplate is mostly the same: a version
    TEMPLATE_TEXT = "template_text"  # what they share is mostly the template's: two documents


@dataclass(frozen=True)
class Kinship:
    """How a speech being added relates to the stored one `most_similar` found.

    kind: "version" — another version of one document (the user is told, and advised to remove the older);
    "template" — another document of one template (another month's notice): both stay, nothing to advise.
    why: what decided it (a front end words it: retrieval.kinship_reason)."""

    kind: str
    overlap: float  # the 5-gram overlap most_similar measured
    own_overlap: float  # the overlap of what is not boilerplate shared with other documents
    why: KinshipBy
    older: bool = False  # a version dated before the stored one: most likely its earlier version
    by_date: bool = True  # older was told by the dates (else, dated alike, by the files' 修改稿 marks)


def sentences(texts: Iterable[str]) -> list[str]:
    """The normalised sentences of some passage texts, those long enough to say something (MIN_SENTENCE)."""
    found = []
    for text in texts:
        for part in _SENTENCE_END.split(text):
            sentence = normalise(part)
            if len(sentence) >= MIN_SENTENCE:
                found.append(sentence)
    return found


@dataclass(frozen=True)
class Difference:
    """Where two versions of a speech differ: how many places, and the first of them as written, each side
    cut to the changed words with a few characters around them (「」 for a sentence one side has not)."""

    places: int
    mine: str
    theirs: str


_CONTEXT = 8  # characters kept on each side of a changed stretch
SHOWN = 40  # at most this many characters of each side are shown (and the 「…」 marking a cut)


def _written_sentences(texts: Iterable[str]) -> list[str]:
    return [part.strip() for text in texts for part in _SENTENCE_END.split(text) if part.strip()]


def _shown(text: str, left: int, right: int) -> str:
    """text[left:right], at most SHOWN characters of it, 「…」 where cut."""
    right = min(right, left + SHOWN)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def _shared_ends(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """How many items two sequences (two sentences' characters, two lists of sentences) share at their head, and
    then at their tail, the two never overlapping."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def _around_change(mine: str, theirs: str) -> tuple[str, str]:
    """Both sentences cut to what changed with _CONTEXT characters either side, 「…」 where cut."""
    start, end = _shared_ends(mine, theirs)

    def cut(text: str) -> str:
        return _shown(text, max(0, start - _CONTEXT), len(text) - end + _CONTEXT)

    return cut(mine), cut(theirs)


_ALIGNED_AT_MOST = (
    250_000  # sentence pairs weighed by the exact alignment (beyond: difflib's, not the fewest)
)


def _changed_stretches(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """The stretches (a[i1:i2] became b[j1:j2]) where two sentence lists differ, in order, as the fewest sentence
    edits make them (a sentence rewritten, put in or left out counts one: the Levenshtein alignment over
    sentences, a rewrite preferred where it ties), so a sentence both sides have is never shown as changed
    because an equal neighbour repeats it (difflib's longest-block matching does: [A, B, A, A] → [A, A, A, A]
    came out as two sentences left out and two put in). The shared head and tail are set aside first."""
    head, tail = _shared_ends(a, b)
    x, y = a[head : len(a) - tail], b[head : len(b) - tail]
    if (len(x) + 1) * (len(y) + 1) > _ALIGNED_AT_MOST:
        matcher = difflib.SequenceMatcher(None, list(x), list(y), autojunk=False)
        return [
            (head + i1, head + i2, head + j1, head + j2)
            for op, i1, i2, j1, j2 in matcher.get_opcodes()
            if op != "equal"
        ]
    # cost[i][j]: the fewest edits turning x[i:] into y[j:], each weighing `edit`; of as few, the one that keeps
    # most sentences (a rewrite weighs one more: [A, B, C] → [A, C, D] is B left out and D put in, not two rewrites)
    edit = len(x) + len(y) + 1
    cost = [[0] * (len(y) + 1) for _ in range(len(x) + 1)]
    for i in range(len(x), -1, -1):
        for j in range(len(y), -1, -1):
            if i == len(x) or j == len(y):
                cost[i][j] = edit * ((len(x) - i) + (len(y) - j))
            elif x[i] == y[j]:
                cost[i][j] = cost[i + 1][j + 1]
            else:
                cost[i][j] = min(edit + 1 + cost[i + 1][j + 1], edit + cost[i + 1][j], edit + cost[i][j + 1])
    stretches: list[tuple[int, int, int, int]] = []
    i = j = 0
    start: tuple[int, int] | None = None
    while i < len(x) or j < len(y):
        if i < len(x) and j < len(y) and x[i] == y[j] and cost[i][j] == cost[i + 1][j + 1]:
            if start is not None:
                stretches.append((head + start[0], head + i, head + start[1], head + j))
                start = None
            i, j = i + 1, j + 1
            continue
        if start is None:
            start = (i, j)
        if i < len(x) and j < len(y) and cost[i][j] == edit + 1 + cost[i + 1][j + 1]:
            i, j = i + 1, j + 1
        elif i < len(x) and (j == len(y) or cost[i][j] == edit + cost[i + 1][j]):
            i += 1
        else:
            j += 1
    if start is not None:
        stretches.append((head + start[0], head + len(x), head + start[1], head + len(y)))
    return stretches


def difference(mine: Iterable[str], theirs: Iterable[str]) -> Difference | None:
    """Where a speech's passages (`mine`) differ from another version's (`theirs`), sentence by sentence in
    order (spacing and punctuation do not count: normalise); None when they say the same. Places are counted
    by sentences (a paragraph of five rewritten sentences is five); the first is shown as its first pair of
    differing sentences, each side at most SHOWN characters and 「…」."""
    a, b = _written_sentences(mine), _written_sentences(theirs)
    changed = _changed_stretches([normalise(x) for x in a], [normalise(x) for x in b])
    if not changed:
        return None
    places = sum(max(i2 - i1, j2 - j1) for i1, i2, j1, j2 in changed)
    i1, i2, j1, j2 = changed[0]
    first_mine, first_theirs = a[i1] if i2 > i1 else "", b[j1] if j2 > j1 else ""
    if first_mine and first_theirs:
        first_mine, first_theirs = _around_change(first_mine, first_theirs)
    else:
        first_mine, first_theirs = (
            _shown(first_mine, 0, len(first_mine)),
            _shown(first_theirs, 0, len(first_theirs)),
        )
    return Difference(places, first_mine, first_theirs)


def template_sentences(documents: Iterable[Iterable[str]], least: int = TEMPLATE_DOCUMENTS) -> frozenset[str]:
    """The sentences found in at least `least` of these documents (each given as its sentences)."""
    counts: dict[str, int] = {}
    for document in documents:
        for sentence in set(document):
            counts[sentence] = counts.get(sentence, 0) + 1
    return frozenset(s for s, n in counts.items() if n >= least)


def own_overlap(a: Sequence[str], b: Sequence[str], template: frozenset[str]) -> float:
    """The 5-gram overlap of two documents' sentences with the template's sentences left out of both."""
    mine = [s for s in a if s not in template]
    theirs = [s for s in b if s not in template]
    return overlap(shingles("".join(mine)), shingles("".join(theirs)))


def core_title(title: str) -> str:
    """A title without its version marks (「（修改稿）」「（征求意见稿）」「【更正】」「（第二版）」) nor its 文号: what
    two versions of one document share."""
    text = _DOC_NUMBER.sub("", title)
    previous = None
    while previous != text:
        previous, text = text, _VERSION_MARK.sub("", text.strip())
    return normalise(text)


def version_rank(path: str | None) -> int:
    """1 when a file's name or its own folder (not its title, nor the folders above: 「/srv/最终归档/」 says
    nothing of the file) marks it a later version (修改稿, 定稿, 更正稿…), -1 an earlier one (征求意见稿, 草稿,
    修改前…), else 0 (and for none, or both)."""
    if not path:
        return 0
    *folders, name = [p for p in re.split(r"[/\\]", path) if p] or [""]
    stem = name.rsplit(".", 1)[0] if "." in name.strip(".") else name
    parts = [stem.strip(), *(folders[-1:])]
    later = any(_LATER_MARK.search(part) for part in parts)
    earlier = any(_EARLIER_MARK.search(part) for part in parts)
    return int(later) - int(earlier)


class OlderBy(StrEnum):
    """Why a speech kept beside another version of itself is taken for the older one (a front end words it)."""

    DATE = "date"  # it is dated before the other
    MARKS = (
        "marks"  # dated alike, its file's name or folder marks it earlier or the other's later (version_rank)
    )

    @classmethod
    def told(cls, by_date: bool) -> OlderBy:
        """The reason as a record keeps it (`by_date`: told by the dates)."""
        return cls.DATE if by_date else cls.MARKS


class ToldOlder:
    """What a record of one version beside another (index.AddOutcome, index.NearCopy) says of why it is the
    older one: it keeps `by_date` (True: told by the dates), `older_by` words it as an OlderBy."""

    by_date: bool

    @property
    def older_by(self) -> OlderBy:
        """Why `older` holds: the dates, or the files' marks (a front end words it)."""
        return OlderBy.told(self.by_date)


# marks of a copy kept beside the original, in a folder's name (「备份/」, 「副本」, 「backup/」) or a file's (「（备份）」,
# Windows' 「X - 副本」 and 「复件 X」, macOS's 「X copy」 and 「X 副本」, a browser's second download 「X (1)」): of two files
# with the same bytes, the one cited is the other (a false mark costs nothing: the files are identical)
_LATIN = r"(?<![A-Za-z])(?:copy|copies|backups?|bak)(?![A-Za-z])"
_COPY_WORD = rf"备份|副本|拷贝|复件|{_LATIN}"
_COPY_FOLDER = re.compile(_COPY_WORD, re.IGNORECASE)
_COPY_NAME = re.compile(
    rf"[（(【\[〔]\s*(?:{_COPY_WORD}|复制|另存)[^）)】\]〕]{{0,6}}[）)】\]〕]"  # 「（备份）」「(副本2)」
    rf"|(?:{_COPY_WORD})\s*(?:[（(]?\d{{1,3}}[）)]?)?$"  # 「X - 副本」「X copy 2」「X副本」
    r"|^(?:复件|副本|拷贝|copy of)\s*"  # 「复件 X」「Copy of X」
    r"|[（(]\d{1,3}[）)]$",  # 「X (1)」
    re.IGNORECASE,
)


def marks_copy(path: str) -> bool:
    """Whether a file's folders or name (without its extension) mark it a copy kept beside an original."""
    parts = [p for p in re.split(r"[/\\]", path) if p]
    if not parts:
        return False
    *folders, name = parts
    stem = name.rsplit(".", 1)[0].strip() if "." in name.strip(".") else name
    return any(_COPY_FOLDER.search(f) for f in folders) or bool(_COPY_NAME.search(stem))


def rather_cited(candidate: str, cited: str) -> bool:
    """Whether a file with the same speeches as the one `cited` should be cited instead: the cited one is
    marked a copy (`marks_copy`) and the candidate is not, judged below the folders they share (under a
    「备份2026/」 both are marked, neither is preferred)."""
    a, b = [p for p in re.split(r"[/\\]", candidate) if p], [p for p in re.split(r"[/\\]", cited) if p]
    shared = 0
    while shared < min(len(a), len(b)) - 1 and a[shared] == b[shared]:
        shared += 1
    return marks_copy("/".join(b[shared:])) and not marks_copy("/".join(a[shared:]))


def doc_number(particulars: Particulars) -> str | None:
    """A document's 文号, normalised: its own, or one its title ends with."""
    number = particulars.number
    if number is None and (found := _DOC_NUMBER.search(particulars.title)):
        number = found.group(0)
    return normalise(number) if number else None


def kinship(
    new: Particulars,
    old: Particulars,
    overlap_found: float,
    new_sentences: Sequence[str],
    old_sentences: Sequence[str],
    template: frozenset[str],
) -> Kinship:
    """Whether a speech being added is another version of a stored one it overlaps (`overlap_found` ≥ EDITED)
    or another document of their template. In order: the 文号 (the same: a version; two different ones: two
    documents); the title without version marks (the same: a version); a title that differs and a date in
    another month (another month's notice); else the overlap of what the two do not share with the rest of
    the library (at least EDITED: a version — a corrected text under a corrected title)."""
    own = own_overlap(new_sentences, old_sentences, template)

    by_date = bool(new.date and old.date and len(new.date) == len(old.date) and new.date != old.date)
    if by_date:
        older = bool(new.date and old.date and new.date < old.date)
    else:  # dated alike (or not): a file kept as the 修改稿 is the later one
        older = version_rank(new.path) < version_rank(old.path)

    def said(kind: str, why: KinshipBy) -> Kinship:
        return Kinship(kind, overlap_found, round(own, 3), why, older and kind == "version", by_date)

    numbers = doc_number(new), doc_number(old)
    if numbers[0] and numbers[1]:
        return (
            said("version", KinshipBy.SAME_NUMBER)
            if numbers[0] == numbers[1]
            else said("template", KinshipBy.OTHER_NUMBER)
        )
    if core_title(new.title) == core_title(old.title) and core_title(new.title):
        return said("version", KinshipBy.SAME_TITLE)
    if new.date and old.date and len(new.date) >= 7 and len(old.date) >= 7 and new.date[:7] != old.date[:7]:
        return said("template", KinshipBy.OTHER_MONTH)
    if own >= EDITED:
        return said("version", KinshipBy.OWN_TEXT)
    return said("template", KinshipBy.TEMPLATE_TEXT)
