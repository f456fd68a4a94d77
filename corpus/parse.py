"""Turn a document's text into speeches: split compilations, find metadata, keep headings as sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .clean import clean_line, clean_title, is_complete, split_lines
from .errors import EmptyDocument
from .records import Document, Paragraph, Speech

_NUM = "一二三四五六七八九十百零〇"
# "第二篇：title" — a compilation's marker that starts a new speech.
_COMPILATION_MARKER = re.compile(rf"^第[{_NUM}\d]+篇\s*[：:]\s*(.*)$")
_DATE = re.compile(r"^[（(]?\s*(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?\s*[）)]?$")
_SALUTATION = re.compile(
    r"^(各位|尊敬的)?[^。！？]{0,12}(同志们|朋友们|来宾|代表|同学们|老同志们)[^。！？]{0,6}[：:，,！!]$"
)
_SUBTITLE = re.compile(r"^(——|—|－－|--)\s*")
_SPEAKER = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
# Heading levels: 一、 (1), （一） (2). Numbered points that open a paragraph (一要… 二是… 第三，… 首先，…)
# are 3, or 4 when nested in a point of another kind (see _Sections).
_HEADING_1 = re.compile(rf"^[{_NUM}]+、")
_HEADING_2 = re.compile(rf"^[（(][{_NUM}]+[）)]")
_POINT = re.compile(
    rf"^(?:[{_NUM}]+(?:是|要|则|来|方面)|第[{_NUM}]+[，,、]|(?:首先|其次|再次|最后)[，,]|[（(]?\d{{1,2}}[）)．.、])"
)
# A standalone heading is short and is not a run of sentences.
_MAX_HEADING = 80
_MAX_HEADER_LINE = 60
_MAX_SECTION_LABEL = 40
_SENTENCE_END = re.compile(r"[。！？!?；;]")


def parse_document(document: Document) -> list[Speech]:
    """Split a document into its speeches (one, or several for a `第N篇：` compilation)."""
    lines = [raw for raw in split_lines(document.text)]
    blocks: list[tuple[str | None, list[str]]] = [(None, [])]
    for raw in lines:
        marker = _COMPILATION_MARKER.match(clean_title(raw))
        if marker:
            blocks.append((clean_title(raw), []))
        else:
            blocks[-1][1].append(raw)
    speeches: list[Speech] = []
    for label, block in blocks:
        speech = _parse_speech(document.name, len(speeches) + 1, label, block)
        if speech is not None:
            speeches.append(speech)
    if not speeches:
        raise EmptyDocument(f"{document.name} 中没有找到讲话正文")
    return speeches


@dataclass
class _Sections:
    """The heading path the current paragraph sits under: 一、, （一）, then up to two levels of points.

    Points of one kind (一是, 二是…) can hold points of another (一要, 二要…): the first kind met under
    a heading is the outer level, another kind nests inside it, so neither replaces the other.
    """

    path: list[str | None] = field(default_factory=lambda: [None, None, None, None])
    point_kinds: list[str | None] = field(default_factory=lambda: [None, None])

    def enter(self, level: int, heading: str) -> None:
        if level == 3:
            kind = _point_kind(heading)
            if self.point_kinds[0] not in (None, kind):
                level = 4
            self.point_kinds[level - 3] = kind
        self.path[level - 1] = heading
        for deeper in range(level, 4):
            self.path[deeper] = None
            if deeper >= 2:
                self.point_kinds[deeper - 2] = None

    def current(self) -> str | None:
        parts = [p for p in self.path if p]
        return " › ".join(parts) if parts else None


def _parse_speech(source: str, ordinal: int, label: str | None, raw_lines: list[str]) -> Speech | None:
    titles = [clean_title(line) for line in raw_lines]
    cleaned = [clean_line(line) for line in raw_lines]
    indices = [i for i, line in enumerate(cleaned) if line]
    if not indices and not label:
        return None
    marker_title = _COMPILATION_MARKER.match(label).group(1).strip() if label else None

    title: str | None = None
    subtitle = date = speaker = None
    body_start = 0
    for position, i in enumerate(indices):
        line = cleaned[i]
        if _HEADING_1.match(line) or _HEADING_2.match(line) or len(line) > _MAX_HEADER_LINE:
            body_start = position
            break
        if _SALUTATION.match(line):
            body_start = position + 1
            break
        if date is None and (m := _DATE.match(line)):
            date = "-".join(part.zfill(2) for part in m.groups() if part)
        elif subtitle is None and _SUBTITLE.match(line):
            subtitle = _SUBTITLE.sub("", titles[i]).strip()
        elif speaker is None and title is not None and _SPEAKER.match(line):
            speaker = line
        elif title is None and "。" not in line:
            title = titles[i]
        elif title is None:
            body_start = position  # a sentence, not a title: the body starts here
            break
        elif _same(titles[i], title) or (marker_title and _same(titles[i], marker_title)):
            pass  # a repeated title line
        elif is_complete(line):
            body_start = position
            break
        else:
            # A second title-like line: the marker held a compilation label, this is the real title;
            # or the title ran over two lines.
            title = f"{title} {titles[i]}" if not marker_title else titles[i]
        body_start = position + 1
    if title is None:
        title = marker_title or Path(source).stem
    elif marker_title and _same(title, marker_title):
        title = marker_title

    paragraphs = _paragraphs([cleaned[i] for i in indices[body_start:]])
    if not paragraphs:
        return None
    return Speech(
        title=title,
        subtitle=subtitle,
        date=date,
        speaker=speaker,
        source=source,
        ordinal=ordinal,
        label=label,
        paragraphs=tuple(paragraphs),
    )


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s", "", a) == re.sub(r"\s", "", b)


def _paragraphs(lines: list[str]) -> list[Paragraph]:
    """Rejoin broken paragraphs, lift headings into section metadata, drop salutations."""
    sections = _Sections()
    out: list[Paragraph] = []
    pending = ""  # a paragraph that has not ended yet (broken across a page)
    pending_section: str | None = None

    def flush() -> None:
        nonlocal pending
        if pending:
            out.append(Paragraph(text=pending, section=pending_section))
            pending = ""

    for line in lines:
        level = _heading_level(line)
        if pending and level == 0 and not _SALUTATION.match(line):
            pending += line
            if is_complete(pending):
                flush()
            continue
        flush()
        if _SALUTATION.match(line):
            continue
        if level and _is_standalone_heading(line):
            sections.enter(level, line.rstrip("。 "))
            continue
        if level:
            # A run-in heading: the paragraph opens with its own heading sentence.
            sections.enter(level, _first_sentence(line))
        pending, pending_section = line, sections.current()
        if is_complete(pending):
            flush()
    flush()
    return _merge_fragments(out)


def _heading_level(line: str) -> int:
    if _HEADING_1.match(line):
        return 1
    if _HEADING_2.match(line):
        return 2
    if _POINT.match(line):
        return 3
    return 0


def _point_kind(line: str) -> str:
    """What numbers a point: 一是 → 是, 二要 → 要, 第三， and 其次， → 第 (one series), （1） → 1."""
    match = _POINT.match(line)
    marker = match.group() if match else ""
    if marker.startswith(("第", "首先", "其次", "再次", "最后")):
        return "第"
    if any(ch.isdigit() for ch in marker):
        return "1"
    return marker.lstrip(_NUM)


def _is_standalone_heading(line: str) -> bool:
    """A heading paragraph: short, and at most one sentence."""
    if len(line) > _MAX_HEADING:
        return False
    ends = _SENTENCE_END.findall(line.rstrip("。！？!?；; "))
    if _POINT.match(line) and not _HEADING_1.match(line) and not _HEADING_2.match(line):
        return len(line) <= 50 and not ends
    return not ends


def _first_sentence(line: str) -> str:
    match = _SENTENCE_END.search(line)
    head = line[: match.start()] if match else line
    return head if len(head) <= _MAX_SECTION_LABEL else head[:_MAX_SECTION_LABEL] + "…"


def _merge_fragments(paragraphs: list[Paragraph], min_chars: int = 12) -> list[Paragraph]:
    """Fold a tiny paragraph (a stray fragment) into the next one of the same section."""
    out: list[Paragraph] = []
    carry = ""
    for p in paragraphs:
        text = carry + p.text
        if len(text) < min_chars:
            carry = text
            continue
        carry = ""
        out.append(Paragraph(text=text, section=p.section))
    if carry and out:
        last = out[-1]
        out[-1] = Paragraph(text=last.text + carry, section=last.section)
    elif carry:
        out.append(Paragraph(text=carry, section=None))
    return out
