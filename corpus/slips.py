"""A received document filed behind its routing slip (收文处理笺, 处理单, 阅办单, 办文单).

An office that receives a document prints a form for it on the first page — 来文单位, 来文字号, 文件标题,
收文日期, 拟办意见, 领导批示, 办理结果, usually in a ruled table — and files the document itself behind it.
The form names the document it carries: its 文件标题 is the document's title, its 来文字号 the document's
number and its 来文单位 its issuer. Its own rows (the 拟办意见 and 批示 are the receiving office's) are a part
of their own, under the form's heading; neither its heading nor its rows are the document's title or its
first sentence.

A slip is told from a form that *is* the document (a 呈批件 or a 发文稿纸, whose rows are the text) by what
a receiving office writes: a row naming where the document came from (来文单位, 来文字号, 收文日期, …), a row
naming the document (文件标题, 来文标题, …), and a document behind the rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

# a slip's heading: the unit's name, then the kind of form (「中共某县委老干部局收文处理笺」, 「文件阅办单」, 「办文单」)
_HEADING = re.compile(
    r"^[^。！？；，,：:]{0,30}?(?:(?:收文|来文|文件|公文|阅文|办文)(?:阅办|处理|办理|批办|阅处|运转|承办|传阅|登记)?"
    r"|阅办|处理|批办|阅处|传阅)(?:笺|单|签|卡|表)$"
)
_TITLE_LABELS = ("文件标题", "来文标题", "文件名称", "来文名称", "文件题目", "来文题目", "标题", "题目")
_NUMBER_LABELS = ("来文字号", "来文文号", "原文字号", "原文文号", "来文编号", "文号", "字号")
_ISSUER_LABELS = ("来文单位", "来文机关", "来文机构", "来文部门", "发文单位", "发文机关", "来文处室")
# what only a receiving office writes (a 发文稿纸's 文号 and 标题 name the document it drafts: no slip)
_RECEIVING_LABELS = (
    *(label for label in (*_NUMBER_LABELS, *_ISSUER_LABELS) if label.startswith(("来文", "原文"))),
    "收文日期",
    "收文时间",
    "收文编号",
    "收文号",
    "来文日期",
)
_KNOWN = tuple(
    sorted(
        {
            *_TITLE_LABELS,
            *_RECEIVING_LABELS,
            "拟办意见",
            "拟办",
            "领导批示",
            "批示",
            "阅办意见",
            "办理结果",
            "办理情况",
            "承办单位",
            "承办意见",
            "处理意见",
            "阅示",
            "密级",
            "紧急程度",
            "缓急",
            "份数",
            "页数",
            "备注",
            "传阅",
        },
        key=len,
        reverse=True,
    )
)
_LABELLED = re.compile(r"^([\u3400-\u9fff]{2,9})\s*[：:]\s*(.*)$")
_KNOWN_SPACED = re.compile(rf"^({'|'.join(_KNOWN)})\s+(\S.*)$")
# a known label with at most three characters before it (「局领导批示」, 「分管领导意见」 is not known: 「意见」 is
# too common a word to start a value with), its value run on
_KNOWN_RUN = re.compile(rf"^([\u3400-\u9fff]{{0,3}}(?:{'|'.join(k for k in _KNOWN if len(k) >= 2)}))")
# where a row's next 「label：value」 pair may start: after a table's cell joiner 「；」 (any label), or after a
# gap (a typed line's or a scan's, a known label only — 「青州市 老年大学」 is one value)
_PAIR_GAP = re.compile(r"[；;]\s*|\s+")
# a known label with up to three characters before it and a gap after (a scan's 「局领导批示 同意。」)
_KNOWN_GAP = re.compile(rf"^([\u3400-\u9fff]{{0,3}}(?:{'|'.join(_KNOWN)}))\s+\S")
_CLOSED = re.compile(r"[。！？!?；;）)」』”]$")
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_MAX_HEADING = 40


@dataclass(frozen=True)
class SlipRow:
    """One field of a slip, as printed: its label and its value (a value wrapped over lines joined)."""

    label: str
    value: str
    # between them as read: 「：」 for a table's row or a typed colon; a space where the line had none (a scan's
    # 「局领导批示同意转发。」), so that the row's text is the line's, a word apart
    sep: str = "："
    # what follows the value on its printed line when another pair does (a four-column row's 「；」, a typed
    # line's gap); empty for a line's last pair
    after: str = ""

    @property
    def text(self) -> str:
        return f"{self.label}{self.sep}{self.value}"


@dataclass(frozen=True)
class RoutingSlip:
    """A routing slip at the head of a document's lines: its heading (None when it has none), its rows, and
    the index of the first line after it (the document it carries)."""

    heading: str | None
    rows: tuple[SlipRow, ...]
    end: int

    def _value(self, labels: tuple[str, ...]) -> str | None:
        for label in labels:  # the labels in order of preference: 文件标题 before 标题
            for row in self.rows:
                if _known(row.label) == label and row.value.strip():
                    return row.value.strip()
        return None

    @property
    def lines(self) -> tuple[str, ...]:
        """The slip's rows as printed, a line each: a four-column row's two pairs one line
        (「来文单位：青州市老年大学；来文字号：青老大字〔2031〕9号」), as a passage cites it."""
        lines, line = [], ""
        for row in self.rows:
            line += row.text + row.after
            if not row.after:
                lines.append(line)
                line = ""
        return (*lines, line) if line else tuple(lines)

    @property
    def title(self) -> str | None:
        """The document's title as the slip names it (its 文件标题)."""
        return self._value(_TITLE_LABELS)

    @property
    def doc_number(self) -> str | None:
        """The document's number as the slip names it (its 来文字号)."""
        number = self._value(_NUMBER_LABELS)
        return "".join(number.split()) if number else None

    @property
    def issuer(self) -> str | None:
        """The body that sent the document, as the slip names it (its 来文单位)."""
        return self._value(_ISSUER_LABELS)


def _bare(label: str) -> str:
    return "".join(label.split())


def _row(text: str, kind: str) -> SlipRow | None:
    """The label and value of a slip's line: 「来文单位：棠樾县文化馆」 (a table's row as the readers give it, or a
    typed line), or a known label before spaces (「来文单位  棠樾县文化馆」, a scan's text)."""
    found = _LABELLED.match(text) or _KNOWN_SPACED.match(text)
    if found is None:  # a scan's text loses the gap: 「局领导批示同意转发。」
        bare = _KNOWN_RUN.match(text)
        if bare is None or len(text) == bare.end():
            return None
        rest = text[bare.end() :]
        value = rest.lstrip(" \u3000：:")
        return SlipRow(
            bare.group(1), value, "：" if any(c in "：:" for c in rest[: len(rest) - len(value)]) else " "
        )
    label, value = found.group(1), found.group(2)
    if kind != "table_row" and _known(label) not in _KNOWN:
        return None
    colon = kind == "table_row" or text[len(label) :].lstrip()[:1] in "：:"
    return SlipRow(label, value, "：" if colon else " ")


def _rows(text: str, kind: str) -> list[SlipRow]:
    """The 「label：value」 pairs of a slip's line, any number of them: a two-column row holds one
    (「来文单位：青州市老年大学」), a four-column row two (「来文单位：青州市老年大学；来文字号：青老大字〔2031〕9号」),
    a typed line or a scan's as many as it prints (「来文单位 青州市老年大学 来文字号 青老大字〔2031〕9号」)."""
    first = _row(text, kind)
    if first is None:
        return []
    rows = [first]
    while (split := _next_pair(rows[-1].value, kind)) is not None:
        value, after, row = split
        rows[-1] = replace(rows[-1], value=value, after=after)
        rows.append(row)
    return rows


def _next_pair(value: str, kind: str) -> tuple[str, str, SlipRow] | None:
    """The value before a second pair inside `value`, what stands between them, and that pair; None when the
    value is one."""
    for gap in _PAIR_GAP.finditer(value):
        head, tail = value[: gap.start()].rstrip(), value[gap.end() :]
        if not head or not tail:
            continue
        found = _LABELLED.match(tail) or _KNOWN_SPACED.match(tail) or _KNOWN_GAP.match(tail)
        if found is None:
            continue
        label = found.group(1)
        # a label after a table's cell joiner may be any; after a gap, one a slip uses
        if not (kind == "table_row" and gap.group().lstrip()[:1] in "；;") and _known(label) not in _KNOWN:
            continue
        row = _row(tail, kind)
        if row is not None and row.value.strip():
            return head, value[len(head) : gap.end()], row
    return None


def _known(label: str) -> str:
    """A row's label as the slip's known labels name it (「局领导批示」 → 「领导批示」)."""
    bare = _bare(label)
    return next((k for k in _KNOWN if bare.endswith(k)), bare)


def _open_brackets(text: str) -> int:
    return sum(text.count(c) for c in "（(") - sum(text.count(c) for c in "）)")


def _wraps_onto(value: str, above: str, text: str, kind: str) -> bool:
    """Whether the line after a slip's last row is that row's value wrapped (a scan's text, a typed form):
    the value leaves a bracket open, or it stops unfinished and the line, at most half as long as the one
    above it (a wrap fills the line before it; the tail is short), finishes it. A document's first line (its masthead, title or
    addressee) finishes nothing."""
    if kind == "table_row" or is_slip_heading(text):
        return False
    if _open_brackets(value) > 0:
        return True
    return not _CLOSED.search(value) and 2 * len(text) <= len(above) and bool(_CLOSED.search(text))


def is_slip_heading(text: str) -> bool:
    """Whether a line is a routing slip's heading (「中共棠樾县委老干部局收文处理笺」, 「文件阅办单」)."""
    return len(text) <= _MAX_HEADING and bool(_HEADING.match("".join(text.split())))


def routing_slip(texts: Sequence[str], kinds: Sequence[str]) -> RoutingSlip | None:
    """The routing slip the lines `texts` (each with its block kind) open with, or None.

    A slip is an optional heading, then labelled rows (a table's, or typed 「label：value」 lines of labels a
    slip uses; an unlabelled line between two rows is the row's value wrapped), at least one naming the
    document (文件标题 …) and one only a receiving office writes (来文单位, 来文字号, 收文日期 …), then the
    document: lines holding a sentence. Without a heading, three labels at least."""
    at = 0
    heading = None
    if texts and is_slip_heading(texts[0]) and kinds[0] != "table_row":
        heading, at = texts[0], 1
    rows: list[SlipRow] = []
    end = at
    pending: list[str] = []
    while at < len(texts):
        found = _rows(texts[at], kinds[at])
        if found:
            if pending and rows:  # the last row's value wrapped onto the lines between
                rows[-1] = replace(rows[-1], value=rows[-1].value + "".join(pending))
            elif pending:
                return None
            pending = []
            rows += found
            end = at + 1
        elif rows and len(pending) < 3 and kinds[at] != "table_row" and not is_slip_heading(texts[at]):
            pending.append(texts[at])
        else:
            break
        at += 1
    while rows and end < len(texts) and _wraps_onto(rows[-1].value, texts[end - 1], texts[end], kinds[end]):
        rows[-1] = replace(rows[-1], value=rows[-1].value + texts[end])
        end += 1
    labels = {_known(row.label) for row in rows}
    if not labels & set(_TITLE_LABELS) or not labels & set(_RECEIVING_LABELS):
        return None
    if len(labels) < (2 if heading else 3) or not any(_SENTENCE_END.search(text) for text in texts[end:]):
        return None
    return RoutingSlip(heading=heading, rows=tuple(rows), end=end)
