"""Turn a document's text into speeches: split compilations, find metadata, keep headings as sections.

The header of a speech or an official document is read line by line until the body starts: a title
(one line however long, or two lines when the first does not end the title), a subtitle (——在…上的讲话,
or a 关于…的通知 line under a headline), the issuing body (a letterhead 「…文件」 or a line naming an
organisation), the document number (〔2020〕12号), a date in any common form, and a speaker only where a
person's name stands. A news dateline (新华社北京2月6日电) starts the body; the rest of its line is body
text.

What follows an official document's 正文 is read as GB/T 9704 lays it out: the 附件说明 (「附件：1．……」
and its further items) is never body text nor headings: it is one passage of its own under 「附件说明」
when the attachments are not in the file (when they are, each carries its own title); the
signature (发文机关署名 and 成文日期) is metadata, and the 成文日期 is the document's date; the 附注
(「（此件公开发布）」) goes under 「附注」; each attachment (from its 「附件1」 line) is read under
「附件1 <its title>」; the 版记 at the very end (「抄送：……」 and 「……2024年10月9日印发」, whose date is
not the document's) is dropped.

A numbered line that is a whole sentence (「三、……一律暂停举办。」) opens a section AND is body text:
only a heading that is not a sentence is lifted out of the body. Numbers counting sentences in running
text (「第1条，……。第2条，……。」 in one paragraph, 「一是……；二是……。」) open no section at all, nor do the
items of a list (「1. ……。」「2. ……；」 in a row, Word's 「List Number」): see _list_item.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

from .clean import HAN, clean_line, clean_title, is_complete, split_lines
from .dates import CN_YEAR, DAY, NUM, YEAR, is_date_line, parse_date, read_date
from .errors import EmptyDocument
from .invitations import INVITATION_LABEL
from .layout import ATTACHMENT_LABEL, is_page_number
from .mail import QUOTED_SIGNATURE_LABEL, SIGNATURE_LABEL, card_unit
from .names import (
    COMPOUND_SURNAMES,
    ORG_SUFFIX,
    is_dictionary_word,
    is_person_name,
    is_sign_off,
    name_parts,
    pos_tags,
)
from .notes import REMARKS_HEADING
from .numerals import numeral_value
from .records import Block, Document, ImprintField, Paragraph, Speech
from .script import to_simplified
from .slips import routing_slip


class _Folded:
    """A pattern matched on a line's simplified fold, so that a header or signature in traditional script
    (「同志們：」, 「發布時間：」, 「組織部部長 劉曉東」, 「新華社北京2月6日電」, 「印發」) reads as the same line in
    simplified script does. The fold has the line's length: a match's spans hold for the original line."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled = re.compile(pattern)

    def match(self, text: str) -> re.Match[str] | None:
        return self._compiled.match(to_simplified(text))

    def search(self, text: str) -> re.Match[str] | None:
        return self._compiled.search(to_simplified(text))


# "第二篇：title" — a compilation's marker that starts a new speech.
_COMPILATION_MARKER = re.compile(rf"^第[{NUM}\d]+篇\s*[：:]\s*(.*)$")
# An approval or issue line under a title: 「（2025年2月18日局务会议审议通过）」, 「（2024年3月1日印发）」,
# 「2024年3月1日市委老干部局第5次局务会议通过」. Its date is the document's when nothing else dates it.
_ADOPTED = re.compile(
    rf"^[（(]?\s*(?P<when>(?:{YEAR}|{CN_YEAR})\s*年\s*(?:[{NUM}\d]{{1,3}}\s*月\s*(?:[{NUM}\d]{{1,3}}\s*{DAY})?)?)"
    r"[^。！？；;（）()]{0,40}?(?:审议通过|通过|印发|发布|批准|公布|修订|修正)\s*[）)]?$"
)
# 〔2020〕12号, [2020]12号, （2020）12号 after an issuer's short code: 江政办发〔2020〕12号.
_DOC_NUMBER = re.compile(
    rf"^[{HAN}]{{0,12}}[〔\[［【（(]\s*\d{{4}}\s*[〕\]］】）)]\s*第?\s*\d{{1,5}}\s*[号號]$"
)
# The signer an upward document (上行文) prints on its number's line, at the right: 「签发人：张为民」.
_SIGNER = re.compile(rf"\s*签\s*发\s*人\s*[：:]\s*[{HAN}·、，,\s]{{2,30}}$")


def _doc_number(text: str) -> str | None:
    """The document number a header line gives, alone or with its signer after it
    (「临老干发〔2024〕15号　签发人：张为民」)."""
    number = _SIGNER.sub("", text).strip()
    return number if _DOC_NUMBER.match(number) else None


# The marks GB/T 9704 prints above a letterhead, each on its own line at the left (or several on one):
# the copy number (份号, six digits), the secrecy level with its term (「机密★1年」) or an internal mark
# (「内部」, 「内部资料★注意保存」), and the urgency (「特急」, 「加急」). They are no title, issuer or body.
_HEAD_MARK = (
    r"(?:份号\s*[：:]?\s*)?\d{6}"
    r"|(?:绝密|机密|秘密|絕密|機密)(?:\s*[★☆*]\s*(?:\d{1,2}\s*(?:年|个月|個月)|长期|長期))?"
    r"|内部(?:资料|文件)?(?:\s*[★☆*]?\s*注意保[存密])?|內部(?:資料|文件)?"
    r"|特急|加急|特提|平急|急件"
)
_HEAD_MARKS = re.compile(rf"(?:{_HEAD_MARK})(?:[\s　]*(?:{_HEAD_MARK}))*")
# A letterhead: 「江州市人民政府办公室文件」.
_LETTERHEAD = re.compile(r"^(.{2,30}?)\s*文件$")
# 新华社北京2月6日电, 新华社12月3日电（记者 周明）, 本报讯（记者…）: a news item's opening words.
DATELINE = _Folded(
    rf"^(?:[{HAN}]{{1,10}}?(?:[{NUM}\d]{{1,2}})月(?:[{NUM}\d]{{1,3}})日电|本报讯|[{HAN}]{{2,6}}讯)"
    r"\s*(?:[（(][^）)]{0,20}[）)])?\s*"
)
# (a 代表队 or 代表团 is a body a notice is sent to, 「各代表队：」 its 主送, not a greeting to delegates)
_SALUTATION = _Folded(
    r"^(各位|尊敬的)?[^。！？]{0,12}(同志们|朋友们|来宾|代表(?![队团])|同学们|老同志们)[^。！？]{0,6}[：:，,！!]$"
)
# An addressee (主送) or salutation line: 「各区县人民政府，市政府各部门：」, 「各位老领导、老同志：」.
_ADDRESSEE = re.compile(r"^[^。！？；;!?]{2,60}[：:]$")
# A line addressing people: 「各位支部书记：」「尊敬的老同志们：」「王局长：」「各支部：」.
_ADDRESSING = re.compile(
    r"^(?:各|尊敬的|亲爱的)[^。！？；;!?：:]{1,30}[：:]$"
    r"|^[^。！？；;!?：:]{0,20}(?:同志|书记|领导|老师|主任|局长|处长|科长|部长|主席|们)[：:]$"
)
# What the bodies an official document is sent to are called besides their names: 市直各单位, 各有关部门.
_ADDRESSED = re.compile(r"(?:单位|部门|机关|企业|单位党组织|机构|單位|部門|機關|機構)$")
# The section of the passage that holds an official document's head (GB/T 9704 版头 and 主送机关): its
# 文号, its issuing bodies and the bodies it is sent to, each labelled, one sentence each.
HEAD_SECTION = "文件信息"
# The section of a 会议纪要's 出席/列席/记录 lines: who attended, under none of the items agreed.
ATTENDANCE_SECTION = "参会人员"
ATTACHMENT_SECTION = "附件说明"  # the heading of the passage listing an official document's attachments
HEAD_LABELS = ("文号", "发文机关", "主送")
# The 版记's labels as the 「文件信息」 passage holds them (_imprint_fields): its lists, then its 印发 line.
IMPRINT_LABELS = ("抄报", "抄送", "分送", "抄发", "印送", "报", "送", "发", "印发机关", "印发日期")
_SUBTITLE = re.compile(r"^(——|—|－－|--)\s*")
# A draft's or a trial rule's status on the line under its title (GB/T 9704 sets it there, in brackets):
# 「（征求意见稿）」「（送审稿）」「（讨论稿）」「（草案）」「（试行）」「（第二稿）」 — part of what the document is
# called (its file name says 「…方案（征求意见稿）」), never a section of its own
_STATUS_MARK = re.compile(
    r"^[（(]\s*(?:征求意见稿|送审稿|讨论稿|审议稿|代拟稿|修订稿|修改稿|初稿|定稿|草稿|试行|暂行|"
    r"(?:修订)?草案(?:修改稿|征求意见稿)?|第[一二三四五六七八九十\d]{1,3}稿)\s*[）)]$"
)
# A labelled field on a line of its own: a short label of characters, a colon, its value (「填表单位：中共…陈列室」,
# 「联系人：李明」) — under a title it starts the body: a title never runs on into it.
_LABELLED_LINE = re.compile(rf"^[{HAN}]{{2,8}}\s*[：:]\s*\S")
# A form's row or line giving a date under a label naming one (「填表日期；2026年9月10日」, 「接收日期：…」,
# 「报名时间：…」): what dates a form that has no date line or signature. Not a person's dates (出生日期,
# 入党时间, 离休时间: a cadre's record, not the form's).
_DATE_LABEL = re.compile(r"^[^；;：:，,。]{0,10}(?:日期|时间)$")
_LIFE_EVENT = re.compile(
    r"^(?:出生|生日|入党|入团|参加工作|参军|入伍|离休|退休|离退休|逝世|去世|病故|毕业|入学|结婚)"
)
# Labelled header fields of web-published documents: 「发布时间：2022-08-15」, 「来源：江州市医疗保障局」.
_FIELD = _Folded(
    r"^(?P<label>发布时间|发布日期|成文日期|印发日期|日期|时间|来源|发布机构|发文机关|发布单位|文号|发文字号|索引号|主题分类)"
    r"\s*[：:]\s*(?P<value>.*)$"
)
# A speaker line with the speaker's post in front: 「县委副书记 李明」.
_POST = _Folded(r"(?:书记|长|主任|委员|秘书|主席|部长|局长|厅长|司长|处长|科长|干事|代表|顾问)$")
# Document kinds a title ends with; a 关于… title that has not reached one runs on in the next line.
_DOC_KIND = _Folded(
    r"(?:通知|意见|办法|决定|通报|报告|方案|规定|细则|公告|通告|批复|函|讲话|致辞|解读|纪要|规划|要点|问答|决议|"
    r"条例|规则|章程|指引|指南|倡议书|公报|说明|答记者问|通知书|實施意見|通知書|意見|辦法|決定|規定)[》”」]?$"
)
_CONNECTOR_END = re.compile(r"[的和与及、“《（(，,]$")
# Heading levels: 第一章 and 一、 (1); 第一节 and （一） (2); 第一条 and numbered points (3, or 4 nested).
# 「第一部分的具体事项……」「第一章是……」 are sentences about a part, not a part's number: read as one, a paragraph
# under a Word heading left its section (its heading lost from every passage under it)
_OF_A_PART = r"(?![的是])"
_CHAPTER = re.compile(rf"^第[{NUM}\d]+(?:[章编]|部分){_OF_A_PART}")
_SECTION_PART = re.compile(rf"^第[{NUM}\d]+节{_OF_A_PART}")
_HEADING_1 = re.compile(rf"^[{NUM}]+、")
_HEADING_2 = re.compile(rf"^[（(][{NUM}]+[）)]")
_ARTICLE = re.compile(rf"^第[{NUM}\d]+条")
_POINT_MARK = (
    rf"(?:[{NUM}]+(?:是|要|则|来|方面)|第[{NUM}]+[，,、]|(?:首先|其次|再次|最后)[，,]"
    r"|[（(]\d{1,2}[）)]|\d{1,2}[．.、](?!\d)|\d{1,2}[）)]|[\u2460-\u2473\u2776-\u277f])"
)
_POINT = re.compile(rf"^{_POINT_MARK}")
# A point mark where a point can start: a line's start, or after a sentence, clause or quote mark (「……。二是
# ……」, 「……；三要……」); 「另一方面」 answers 「一方面」.
_POINT_ANYWHERE = re.compile(
    rf"(?:^|(?<=[。；;：:！？!?，,、\s“”‘’「」]))(?:另一方面|{_POINT_MARK})", re.MULTILINE
)
_ORDINAL_WORDS = ("首先", "其次", "再次", "最后")
# Point marks that are words too (一则消息, 一来二去, 三要素, 一方面): points only where the text counts on.
_WORDLIKE_POINTS = frozenset({"则", "来", "要", "方面"})
_MAX_HEADING = 80
_MAX_HEADER_LINE = 60
_MAX_TITLE = 150
_MAX_LABEL = 8
_MAX_SECTION_LABEL = 40
_MAX_LEAD = 50  # a numbered one-sentence heading up to this long leads the paragraph after it
_MAX_UNNUMBERED = 22  # an unnumbered heading line is this short at most
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_LEADS_IN = re.compile(r"[：:][”’」』）)]*$")  # a line introducing what follows (「讲话题目是：」)
_ONE_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;][”’」』）)]*")
# One sentence whose clauses a semicolon may part (「请穿运动鞋，自带水杯和雨具；山上气温低，请适当添衣。」)
_ONE_FULL_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?][”’」』）)]*")
_TABLE_ROW = "table_row"
_SLIP_SECTION = "收文处理笺"  # a routing slip's rows when it has no heading of its own
_NOTE = "note"
_EQUATION = "equation"  # a row of a display equation (corpus.equations)
_LINE = "line"  # set on its own in table cells: a line of the head or signature, else a table row
_PLAIN = ("", "paragraph", _LINE)


@dataclass(frozen=True)
class ParsedLine:
    """One line of a document as the parser reads it (`parsed_lines`)."""

    text: str  # cleaned
    title_text: str  # cleaned, keeping a single space between words (for titles and issuers)
    kind: str  # a Block kind, or "" for plain text
    level: int = 0
    # a blank line stands above it in a plain text (`blank_breaks`): an unfinished paragraph does not run on
    # into it, nor a fragment before it fold into it
    after_blank: bool = False
    # of a block the reader gave as one of its own (a chat's message, `Block.parted`)
    parted: bool = False
    # two blank lines or more stand above it, more than its text parts paragraphs by (`wide_breaks`: where a
    # mail's quoting goes a level deeper or back out): no fragment is folded across, either way
    after_gap: bool = False


def parse_document(document: Document) -> list[Speech]:
    """Split a document into its speeches (one, or several for a `第N篇：` compilation, or a Word file whose
    speeches each have a title in the Title style)."""
    groups: list[tuple[str | None, list[ParsedLine]]] = [(None, [])]
    for line in parsed_lines(document):
        marker = _COMPILATION_MARKER.match(line.title_text)
        if marker and line.kind not in ("heading", _TABLE_ROW):
            groups.append((line.title_text, []))
        elif (
            line.kind == "title"
            and _has_body(groups[-1][1])
            and not _part_heading(line.text)
            and not _opens_attachment(line.text)
        ):
            groups.append((None, [line]))
        else:
            groups[-1][1].append(line)
    for n in range(len(groups) - 1, 0, -1):  # a title over no body of its own is the speech's before it
        label, lines = groups[n]
        if label is None and not _holds_sentence(lines[1:]):
            groups[n - 1][1].extend(lines)
            del groups[n]
    speeches: list[Speech] = []
    for label, group in groups:
        for n, lines in enumerate(_split_at_headers(group)):
            speech = _parse_speech(
                document.name,
                len(speeches) + 1,
                label if n == 0 else None,
                lines,
                sent=document.sent,
                introduced=document.introduced,
            )
            if speech is not None:
                speeches.append(speech)
    if not speeches:
        if document.pictures:  # a title typed over a scanned page pasted in: the page is a picture
            raise EmptyDocument(
                f"{document.name} 中没有找到讲话正文；文中有图片，正文可能是粘贴进文档的扫描件："
                "请在 Word 或 WPS 中右键图片「另存为图片」，再添加存出的图片，扫描件会自动识别文字"
            )
        raise EmptyDocument(f"{document.name} 中没有找到讲话正文")
    return _titled_by_file(speeches, document.name)


def _has_body(lines: Sequence[ParsedLine]) -> bool:
    """Whether a title set in the Title style after these lines starts another speech: they hold body text
    (a sentence outside the title, subtitle and headings) and no attachment's label (an attachment's title
    is the notice's, 「附件1」 over 「2024年重阳节走访慰问对象名单」).

    A Word file of collected speeches (讲话汇编) sets each speech's title in the Title style, with no
    「第N篇：」 marker; before, the second speech's title, speaker and date were read as a paragraph of the
    first, and its passages were cited under the first speech's title, date and speaker.
    """
    if any(line.kind != _TABLE_ROW and ATTACHMENT_LABEL.match(line.text) for line in lines):
        return False
    return _holds_sentence(lines)


def _part_heading(text: str) -> bool:
    """A numbered part of the speech it is in (「第一部分　工作回顾」, 「一、…」, 「（二）…」), set in the
    Title style as some offices set a speech's parts: no other speech's title. Read as one, each part was a
    speech of its own, with no date and no speaker."""
    return _heading_level(text) in (1, 2)


def _opens_attachment(text: str) -> bool:
    """An attachment's label (「附件1」) or its label and title on one line (「附件：离休干部体检实施办法」), set in
    the Title style as some offices set it: the notice's attachment, read as in any other style, never
    another speech (before, the attachment was a speech of its own, with no date, issuer or notice)."""
    return bool(ATTACHMENT_LABEL.match(text) or _ATTACHMENT_HEADING.match(text))


def _holds_sentence(lines: Sequence[ParsedLine]) -> bool:
    """Whether these lines hold a sentence outside a title, subtitle or heading: a speech's body (a title
    over none, 「谢谢大家！」 set in the Title style at the end, starts no speech: it would be lost)."""
    return any(
        line.kind not in ("title", "subtitle", "heading") and _SENTENCE_END.search(line.text)
        for line in lines
    )


def _split_at_headers(lines: list[ParsedLine]) -> list[list[ParsedLine]]:
    """The speeches of collected speeches printed one after another (a 讲话汇编 exported to PDF, typed
    without Word's Title style): after body text, a title naming its kind (「…上的讲话」, 「…的通知」; one
    line, or two when it wraps) with a speaker after a post (「市委老干部局局长　李红梅」) and a date line
    right under it, in either order, starts another speech. Before, that header was read as a paragraph
    of the speech before it, whose title, date and speaker its passages were cited under."""
    starts = [0]
    for at in range(1, len(lines) - 2):
        line = lines[at]
        if line.kind not in ("", "paragraph") or not _header_over(lines, at):
            continue
        start = at - 1 if _title_wraps_onto(lines[at - 1].text, line.text) else at
        if (
            start > starts[-1]
            and not _LEADS_IN.search(lines[start - 1].text)  # 「讲话题目是：」 quotes the title under it
            and _has_body(lines[starts[-1] : start])
            and _has_body(lines[starts[-1] : at])
            and _holds_sentence(lines[at + 1 :])
        ):
            starts.append(start)  # (an attachment's label over the title makes it the attachment's)
    return [lines[a:b] for a, b in pairwise([*starts, len(lines)])]


def _title_wraps_onto(first: str, text: str) -> bool:
    """Whether the line before a speech's title line `text` is the title's first part, wrapped: a wrap
    fills the first line, so it is no shorter than the part wrapped, and it is no date and no lead-in.
    A speech's closing line (「谢谢大家」, 「（根据录音整理）」, its issuer or its date) before the next one's
    title was read into that title — and the date, as the next speech's date."""
    return (
        len(first) >= len(text)
        and not is_date_line(first)
        and not _LEADS_IN.search(first)
        and _wrapped_title(first, text)
    )


def _header_over(lines: list[ParsedLine], at: int) -> bool:
    """Whether lines[at] ends a speech's title with its speaker and date in the two lines under it."""
    text = lines[at].text
    if len(text) > _MAX_HEADING or _SENTENCE_END.search(text) or not _DOC_KIND.search(text):
        return False
    under = [line.title_text for line in lines[at + 1 : at + 3]]
    return any(_speaker_with_post(u) for u in under) and any(is_date_line(u) for u in under)


def parsed_lines(document: Document) -> list[ParsedLine]:
    """The document's non-empty lines, cleaned, each with the kind of the block it is in (every block's
    lines, or the text's when the reader gave no blocks)."""
    blocks: Sequence[Block] = document.blocks or (Block(text=document.text, kind=""),)
    out = []
    for block in blocks:
        raws = split_lines(block.text)
        apart = blank_breaks(raws) if block.kind == "" else set()
        gaps = wide_breaks(raws, apart)
        if block.parted and out:
            apart.add(0)
        for at, raw in enumerate(raws):
            text = clean_line(raw)
            if text:
                out.append(
                    ParsedLine(
                        text=text,
                        title_text=clean_title(raw),
                        kind=block.kind,
                        level=block.level,
                        after_blank=at in apart,
                        parted=block.parted,
                        after_gap=at in gaps,
                    )
                )
    return out


def blank_breaks(lines: Sequence[str]) -> set[int]:
    """The lines of a plain text (raw, in order) that a blank line stands above: where paragraphs part (a
    mail's cover note from the notice pasted under it, a signature from the title after it). A double-spaced
    text's blank lines, which say nothing, are gone before (`corpus.plaintext.plain_lines`)."""
    apart: set[int] = set()
    blank = False
    before = ""
    for at, line in enumerate(lines):
        if not line.strip():
            blank = True
            continue
        text = clean_line(line)
        if not text:  # a page marker: no line of the text, nor a blank one
            continue
        if before and blank and _may_end_paragraph(before):
            apart.add(at)
        before, blank = text, False
    return apart


def wide_breaks(lines: Sequence[str], apart: Collection[int]) -> set[int]:
    """Of the lines a blank line parts from the one before (`apart`, `blank_breaks`), those with two blank
    lines or more above them: a wider gap than paragraphs part by — a plain text keeps one so only where
    its quoting goes a level deeper or back out (`corpus.mail.read_mail`, `corpus.plaintext.plain_lines`)."""
    return {at for at in apart if at >= 2 and not lines[at - 1].strip() and not lines[at - 2].strip()}


# A line a blank line may close a paragraph after: one that ends a sentence (「。」「！」「……」, a closing quote
# after one) or introduces what follows (「各离退休干部党支部：」)
_CLOSES = re.compile(r"(?:[。！？!?；;：:]|…|\.\.\.)[”’」』）)]*$")


def _may_end_paragraph(line: str) -> bool:
    """Whether a blank line under this line of a plain text may end a paragraph: the line ends a sentence, or
    is short with no clause mark (a title, a signature, a name); never a line ending in 「，」「、」 or mid-word —
    a stray blank line inside a sentence, or a double-spaced text's, says nothing."""
    if _CLOSES.search(line):
        return True
    if re.search(r"[，,、；;（(《“‘]", line) or _CONNECTOR_END.search(line):
        return False
    return len(line) <= _MAX_UNNUMBERED or (len(line) <= _MAX_HEADING and bool(_DOC_KIND.search(line)))


def stands_alone(line: str, points: frozenset[tuple[str, int]] | None = None) -> int:
    """How firmly a plain-text line stands on its own, for joining hard-wrapped lines: 2 for a line that
    never continues the one before (a new speech 「第二篇：」, a date, a salutation, a 「——」 subtitle, a 版记's
    labelled list 「抄送：…」), 1 for a
    heading or numbered point (it may be a wrapped sentence's next line — 「一方面…」 — but not after a
    sentence's end), 0 for any other line. `points`: the text's `counted_points`, so that a line opening
    with a numeral that counts nothing (「一则消息…」) is an ordinary line."""
    text = clean_line(line)
    if (
        _COMPILATION_MARKER.match(text)
        or parse_date(text)
        or _SALUTATION.match(text)
        or _SUBTITLE.match(text)
        or _distribution(text)  # a 版记 list 「送：…，…」: wrapped lists ending without 。 run together else
        or is_cut_line(text)  # 「✂- - - 沿此线剪下 - - -」 between a notice and its 回执
    ):
        return 2
    return 1 if _heading_level(text, points) else 0


@dataclass
class _Header:
    title: str | None = None
    title_from_block: bool = False
    title_wrapped: bool = False
    subtitle: str | None = None
    date: str | None = None
    speaker: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    letterhead: str | None = None  # a letter's masthead, the organ's name alone over the 文号 (信函格式)
    adopted: str | None = None  # the date of an approval or issue line (「（…年…月…日…审议通过）」)
    label: str | None = None  # a label line after the title (内容摘要) that heads the first paragraphs
    addressee: str | None = None  # the 主送 line, without its colon: 「各区县人民政府，市政府各部门」
    masthead: str | None = None  # a periodical's name over its issue (「老干部工作简报」 over 「第5期」)
    issue: str | None = None  # that issue (「2027年第6期（总第58期）」)
    article: bool = False  # the title is an article's headline under the periodical's name and issue
    body_start: int = 0
    first_line: str | None = None  # the body's first line when the header took part of it (a dateline)
    gongwen: bool = False  # the head is a Taiwan 公文's labelled lines (受文者, 發文日期, 發文字號 …)
    head_fields: list[ImprintField] = field(default_factory=list)  # its other lines: 速別, 密等…, 附件
    contacts: list[str] = field(default_factory=list)  # its address and contact lines (地址, 聯絡人, 電話 …)


def _read_header(
    lines: list[ParsedLine], marker_title: str | None, points: frozenset[tuple[str, int]] | None = None
) -> _Header:
    marks = 0  # 份号, 密级, 紧急程度 above the letterhead
    while marks < len(lines) and lines[marks].kind != _TABLE_ROW and _HEAD_MARKS.fullmatch(lines[marks].text):
        marks += 1
    skip, bodies, filed = _letterhead_stack(lines[marks:])
    if bodies:
        h = _read_header_from(lines, marker_title, marks + skip, points)
        if h.title is not None:
            h.issuer = " ".join(bodies)
            if not filed and h.title.startswith("关于"):
                h.title = f"{h.issuer}{h.title}"  # 「A B关于…的通知」, as a one-line joint letterhead reads
            return h
    return _read_header_from(lines, marker_title, marks, points)


def _letterhead_stack(lines: list[ParsedLine]) -> tuple[int, list[str], bool]:
    """A joint document's letterhead: its issuing bodies stacked one per line at the top
    (「中共某市委老干部局」 over 「中共某市委组织部」), each perhaps followed by 「文件」, or with 「文件」 on a
    line of its own beside them. Returns how many lines it takes, the bodies, and whether it said 文件.
    Two or more bodies, or one over a lone 「文件」: a single body over a title is read as before (it may be
    the title's first line, 「某局关于…」 wrapped)."""
    bodies: list[str] = []
    filed = False
    taken = 0
    for line in lines:
        if line.kind in ("heading", "subtitle", _TABLE_ROW):
            break
        text = line.title_text
        if bodies and re.fullmatch(r"文\s*件", text):
            filed, taken = True, taken + 1
            break
        letterhead = _LETTERHEAD.match(text)
        if letterhead and _is_issuer(letterhead.group(1)):
            bodies.append(letterhead.group(1).strip())
            filed = True
        elif _is_issuer(text):
            bodies.append(text)
        else:
            break
        taken += 1
    if len(bodies) >= 2 or (bodies and filed and not _LETTERHEAD.match(lines[0].title_text)):
        return taken, bodies, filed
    return 0, [], False


def _read_header_from(
    lines: list[ParsedLine],
    marker_title: str | None,
    start: int,
    points: frozenset[tuple[str, int]] | None = None,
) -> _Header:
    h = _Header()
    position = start
    gongwen = _is_gongwen(lines[start : start + _GONGWEN_REACH])
    for position, line in enumerate(lines[start:], start=start):
        text = line.text
        if (
            gongwen
            and (labelled := _gongwen_field(line.title_text))
            and (h.title is not None or to_simplified(labelled[0]) in _ABOVE_TITLE)
        ):
            # 「受文者：…」「發文字號：…」 under the title, 「檔　　號：…」「保存年限：…」 above it: the 公文's head, not
            # its body nor its title
            _read_gongwen_field(h, *labelled)
            continue
        if line.kind == "title":
            if h.title is not None and h.speaker is None and (name := _speaker_line(line.title_text)):
                h.speaker = name  # a speaker line set in the title's type (a PDF's big font): not the title
                continue
            joined = h.title is not None and h.title_from_block
            h.title = _join_title(h.title, line.title_text) if h.title and joined else line.title_text
            h.title_from_block = True
            continue
        if line.kind == "subtitle":
            _read_subtitle(h, line)
            continue
        if h.title is not None and line.kind != "heading" and _STATUS_MARK.match(line.title_text.strip()):
            h.title = h.title + re.sub(r"\s+", "", line.title_text)  # 「…活动方案（征求意见稿）」
            continue
        if h.title is None and _salutes_over_title(lines, position):
            h.addressee = h.addressee or addressee(text)
            continue
        if h.title is None and _merged_title_row(lines, position):
            h.title, h.body_start = line.title_text, position + 1  # 「…2031年度…台账」 over the table's rows
            return h
        if line.kind in ("heading", _TABLE_ROW):
            h.body_start = position
            return h
        if (dateline := DATELINE.match(text)) and (h.title is not None or dateline.end() < len(text)):
            # a line that is nothing but 「…讯」 over everything is a periodical's name (「银龄简讯」,
            # 「老干部工作通讯」), not a report's dateline (「本报讯（记者 王平）6月12日，…」)
            h.body_start, h.first_line = position, text[dateline.end() :] or None
            if h.first_line is None:
                h.body_start = position + 1
            return h
        if _heading_level(text, points) or (len(text) > _MAX_HEADER_LINE and h.title is not None):
            h.body_start = position
            return h
        if h.title is not None and greets_one_person(text):
            # 「尊敬的钟岳明同志：」: whom the letter is for, read as the lead of its first paragraph
            h.body_start = position
            following = lines[position + 1] if position + 1 < len(lines) else None
            if (
                following is not None
                and following.kind not in ("heading", _TABLE_ROW)
                and not _heading_level(following.text, points)
            ):
                h.body_start, h.first_line = position + 1, text + following.text
            return h
        if h.title is not None and (sent := _labelled_addressee(line.title_text)):
            h.addressee, h.body_start = sent, position + 1  # 「主送：各离退休干部党支部」
            return h
        if (
            _SALUTATION.match(text)
            or (h.title is not None and (_ADDRESSEE.match(text) or _bodies_addressed(h.title, text)))
            or (h.title is None and _addresses(text))  # 「各单位：」 over a body with no title: never one
        ):
            if not _SALUTATION.match(text) or _greets_after_bodies(text):
                # 「各区县人民政府，市政府各部门：」, not 「各位老同志：」; 「各党支部，同志们：」 names its bodies
                h.addressee = addressee(text)
            h.body_start = position + 1
            return h
        if (presented := _presenter_line(line.title_text)) is not None:
            h.speaker, h.date = (
                h.speaker or presented[0],
                h.date or presented[1],
            )  # 「汇报人：殷鹤年　2035年1月18日」
        elif h.title is not None and (unit := _presenting_unit(line.title_text)) is not None:
            h.issuer = h.issuer or unit  # 「汇报单位：县委老干部局」 beside 「汇报人：…」, in either order
        elif is_field_line(line.title_text) and not _SENTENCE_END.search(text):
            _read_fields(h, line.title_text)
        elif (
            (byline := _BYLINE.search(text))
            and not _SENTENCE_END.search(text)
            and len(text) <= _MAX_HEADER_LINE
        ):
            h.date = h.date or parse_date(byline["when"])  # 「原创 … 青山老干部 2025-04-02 08:30 发表于浙江」
        elif (signed := _SIGNED.match(line.title_text)) and (
            (who := _speaker_in_place(signed.group("who"))) and (when := parse_date(signed.group("when")))
        ):
            h.speaker, h.date = h.speaker or who, h.date or when  # 「钱文斌（2025年5月5日）」
        elif (issue := _issue_line(line.title_text)) is not None:
            # 「第5期」「〔2024〕第7期」: a periodical's issue, under its name; perhaps with the office that edits
            # it and the day it came out beside it (「2027年第6期（总第58期）　…老干部局编　2027年6月18日」)
            h.masthead, h.issue = h.title, issue.issue
            h.issuer, h.date = h.issuer or issue.office, h.date or issue.date
        elif edited := _issuer_dated(line.title_text):
            h.issuer, h.date = h.issuer or edited[0], h.date or edited[1]  # 「…老干部局编　2024年6月18日」
        elif signed_side_by_side := _date_beside_name(line.title_text):
            who, when = signed_side_by_side  # 「2024年5月6日 张建国」, 「张建国 2024年5月6日」
            h.speaker, h.date = h.speaker or who, h.date or when
        elif (date := parse_date(text)) is not None:
            h.date = h.date or date
        elif (
            h.title is not None
            and (adopted := _ADOPTED.match(text))
            and (date := parse_date(adopted["when"]))
        ):
            h.adopted = h.adopted or date
        elif number := _doc_number(text):
            if h.doc_number is None and h.title is not None and not h.title_wrapped and _is_issuer(h.title):
                # an organ's name over the 文号 is the masthead (信函格式: 「中共某县委老干部局」 in red over its
                # rule, no 「文件」): the title comes under the 文号, never joined to the organ's name; it is
                # the issuer when the 落款 names none (a seal, or the date alone)
                h.letterhead, h.title, h.title_from_block = h.title, None, False
            h.doc_number = h.doc_number or number
        elif _SIGNER.fullmatch(text) or _HEAD_MARKS.fullmatch(text):
            pass  # the signer on a line of its own, or a 份号/密级/紧急程度 mark: neither title nor speaker
        elif _SUBTITLE.match(text) and not _SENTENCE_END.search(text):
            _read_subtitle(h, line)  # 「——在…上的讲话」, 「——（2024年5月20日）」
        elif (
            _SENTENCE_END.search(text)
            or (h.title is not None and is_complete(text))
            or len(text) > _MAX_TITLE
        ):
            h.body_start = position  # a sentence, not a header line: the body starts here
            return h
        elif letterhead := _LETTERHEAD.match(line.title_text):
            h.issuer = h.issuer or letterhead.group(1)
        elif h.title is None:
            h.title = line.title_text
        elif h.speaker is None and (
            name := _speaker_alone(lines, position, h.title) or _speaker_with_post(line.title_text)
        ):
            h.speaker = name
        elif _is_issuer(line.title_text) and not (
            h.issuer and h.masthead is not None and h.title == h.masthead
        ):
            # (under a periodical's name and issue whose office is read, a line ending as a body's name does
            # is the first article's headline: 「县委召开老干部情况通报会」)
            h.issuer = h.issuer or line.title_text
        elif _same(text, h.title) or (marker_title and _same(text, marker_title)):
            pass  # a repeated title line
        elif _LABELLED_LINE.match(text) and not h.title_wrapped and not _runs_on(h.title):
            h.body_start = (
                position  # 「填表单位：…」 under a form's title: a labelled field, never the title's end
            )
            return h
        elif h.masthead is not None and h.title == h.masthead:
            h.title = line.title_text  # a bulletin's article under the bulletin's name and issue
            h.article = True
        elif not h.title_from_block and (_runs_on(h.title) or _wrapped_title(h.title, text)):
            h.title = _join_title(h.title, line.title_text, space=False)
            h.title_wrapped = True
        elif len(text) <= _MAX_LABEL and len(h.title) > _MAX_LABEL and not h.title_from_block:
            h.label = text  # 内容摘要, 政策解读 under the title: it heads what follows
            h.body_start = position + 1
            return h
        elif h.title_from_block:
            h.body_start = position
            return h
        elif len(h.title) <= _MAX_LABEL and len(text) > len(h.title):
            h.title = line.title_text  # the first line was a label over the title (政策解读)
        elif _runs_on(h.title) or _wrapped_title(h.title, text):
            h.title = _join_title(h.title, line.title_text, space=False)
            h.title_wrapped = True
        elif h.subtitle is None and not h.title_wrapped and _over_title(h.title, text):
            h.issuer = h.issuer or (h.title if _is_issuer(h.title) else None)
            h.title = line.title_text  # the first line was a label or an office over the title
        elif h.subtitle is None and (text.startswith("关于") or _DOC_KIND.search(text)):
            h.subtitle = line.title_text
        elif marker_title:
            h.title = line.title_text  # the marker held a compilation label, this is the real title
        else:
            h.title = _join_title(h.title, line.title_text)
    h.body_start = len(lines)
    return h


# A Taiwan 公文's head as 文書處理手冊 sets it under 「<機關> 函」: labelled lines, each read as GB/T 9704's
# field it is (受文者 → 主送, 發文日期 → the date, 發文字號 → 文号), kept in the 「文件信息」 passage as it is
# labelled (速別, 密等及解密條件或保密期限, 附件, 檔號, 保存年限), or — the organ's address and contact lines —
# a passage of the document, as a mainland notice's 「联系人：…　电话：…」 is (a 附注): whom to ask is searched
# for, and 「文件信息」 is in no index. Compared in simplified script. 「主旨：」 under them starts the body.
_GONGWEN_LABELS = frozenset(
    {
        "受文者",
        "发文日期",
        "发文字号",
        "速别",
        "密等及解密条件或保密期限",
        "密等及解密条件",
        "密等",
        "附件",
        "地址",
        "机关地址",
        "联络人",
        "联络方式",
        "联络电话",
        "承办人",
        "电话",
        "传真",
        "电子信箱",
        "电子邮件",
        "档号",
        "保存年限",
    }
)
_GONGWEN_CONTACT_LABELS = frozenset(
    {"地址", "机关地址", "联络人", "联络方式", "联络电话", "承办人", "电话", "传真", "电子信箱", "电子邮件"}
)
_GONGWEN_REACH = 16  # the lines from the top a 公文's 受文者 line is looked for in
# a label spaced out to the width of the longest (「檔　　號」, as Taiwan's 文書處理手冊 sets it) is still one
_GONGWEN_FIELD = re.compile(
    r"^\s*(?P<label>[^\s：:](?:[^\s：:]|[ \u3000]){0,14}?[^\s：:])\s*[：:]\s*(?P<value>.*?)\s*$"
)
# The head lines a 公文 sets above its title, on the right (文書處理手冊): 「檔　　號：…」「保存年限：…」
_ABOVE_TITLE = frozenset({"档号", "保存年限"})
# The kind a Taiwan 公文's title names after its organ: 「臺中市銀髮族休閒協會　函」.
_GONGWEN_KIND = _Folded(r"^(?P<organ>\S.{1,40}?)\s*(?:书函|函|开会通知单|公告|令)$")
# The lines under a Taiwan 公文's 說明 that say whom it went to: 「正本：…」「副本：…」.
_GONGWEN_COPIES = _Folded(r"^\s*(?P<label>正\s*本|副\s*本)\s*[：:]\s*(?P<value>.*?)\s*$")


def _gongwen_field(title_text: str) -> tuple[str, str] | None:
    """A Taiwan 公文's head line as (its label as written, the spaces in it left out; its value), or None."""
    found = _GONGWEN_FIELD.match(title_text)
    label = re.sub(r"\s+", "", found["label"]) if found else ""
    if found is None or to_simplified(label) not in _GONGWEN_LABELS:
        return None
    return label, found["value"]


def _is_gongwen(lines: Sequence[ParsedLine]) -> bool:
    """Whether a document's head is a Taiwan 公文's: a 「受文者：」 line among its first lines (a term of
    Taiwan's 公文 alone; the mainland's is 主送)."""
    return any(
        (labelled := _gongwen_field(line.title_text)) and to_simplified(labelled[0]) == "受文者"
        for line in lines
    )


def _read_gongwen_field(h: _Header, label: str, value: str) -> None:
    h.gongwen = True
    plain = to_simplified(label)
    if plain == "受文者":
        h.addressee = h.addressee or value or None
    elif plain == "发文日期":
        h.date = h.date or parse_date(value)
    elif plain == "发文字号":
        h.doc_number = h.doc_number or value or None
    elif value and plain in _GONGWEN_CONTACT_LABELS:
        h.contacts.append(f"{label}：{value}")
    elif value:
        h.head_fields.append(ImprintField(label, value))


def _gongwen_tail(body: list[ParsedLine]) -> tuple[list[ParsedLine], str | None, tuple[ImprintField, ...]]:
    """A Taiwan 公文's foot: its 正本 and 副本 lines and its signer — the head of the organ, by post and name
    (「理事長　葉淑媛」, 「局長　王大明」) — taken off the body's end: the body, the signer's name (None when
    the last line names none) and the 正本/副本 fields."""
    body = list(body)
    speaker = None
    copies: list[ImprintField] = []
    while body:
        last = body[-1]
        if last.kind == _TABLE_ROW:
            break
        if copied := _GONGWEN_COPIES.match(last.title_text):  # (the fold's spans hold for the line)
            label = "".join(last.title_text[copied.start("label") : copied.end("label")].split())
            if value := last.title_text[copied.start("value") : copied.end("value")]:
                copies.insert(0, ImprintField(label, value))
        elif speaker is None and (name := _speaker_with_post(last.title_text)):
            speaker = name
        else:
            break
        body.pop()
    return body, speaker, tuple(copies)


# A letter's salutation to one person by name: 「尊敬的钟岳明同志：」, 「喻兰芳女士（原县第一中学校长）：」.
_ONE_PERSON = re.compile(
    r"^(?:尊敬的|敬爱的|亲爱的)?(?P<name>[^\W\d_]{2,5}?)(?:同志|先生|女士)(?:[（(][^（）()]{1,24}[）)])?\s*[：:]$"
)


def greets_one_person(text: str) -> bool:
    """Whether a line under a title greets one person by name (「尊敬的钟岳明同志（原县水利局局长）：」), as a
    letter does — a 慰问信, 通知书 or 贺信 to one cadre, each letter of a mail merge: whom the letter is for,
    which the letter's passages must say (dropped as a salutation, four merged letters read alike but for
    their sums, none naming its addressee). A greeting to many (「同志们：」, 「各位老同志：」) is no such line."""
    m = _ONE_PERSON.match(text.strip())
    if not m:
        return False
    # a compound surname (欧阳德) is enough: jieba tags few such names as names
    parts = name_parts(to_simplified(m.group("name")))
    return is_person_name(m.group("name")) or (parts is not None and len(parts[0]) == 2)


def _addresses(text: str) -> bool:
    """Whether a line ending in 「：」 addresses people or bodies (「各单位：」「各位支部书记：」「市直各单位，各区县
    老干部局：」「王局长：」): a salutation, which opens a body and is never its title, even with no title above
    it (a mail sent without a subject, a notice pasted without its heading)."""
    return bool(_ADDRESSEE.match(text)) and (addressee(text) is not None or bool(_ADDRESSING.match(text)))


def addresses(text: str) -> bool:
    """Whether a line is a salutation or a 主送 — 「各单位：」「各位老同志：」「同志们：」, or bodies named as a 主送
    names them with its colon lost (「各支部」「县委老干部局」): a line opening a body, never a title over it."""
    line = text.strip()
    return _addresses(line) or bool(_SALUTATION.match(line)) or addressee(line) is not None


def _bodies_addressed(title: str, text: str) -> bool:
    """An addressee line that lost its closing colon (OCR misses it, a typist forgets it) under a title
    that has ended (「……的通知」): bodies listed with commas, each named as a body is (「各县（市、区）委老干部局，
    市直各单位」), never a title's continuation."""
    if not _DOC_KIND.search(title) or _SENTENCE_END.search(text) or len(text) > _MAX_HEADER_LINE:
        return False
    parts = [part for part in re.split(r"[，,]", text) if part]
    return len(parts) >= 2 and all(
        ORG_SUFFIX.search(to_simplified(part)) or _ADDRESSED.search(part) for part in parts
    )


def _greets(part: str) -> bool:
    """Whether a part of a 主送 line after its bodies greets people (「各位老同志」「全体同志们」), not names one
    more body: 「全体离退休干部党支部」 ends as an organisation does."""
    return bool(_GREETING.match(part)) and not (
        ORG_SUFFIX.search(re.sub(r"[（(][^（）()]*[）)]$", "", part)) and not part.endswith(_PEOPLE)
    )


# a part ending so names people, not an organisation (「全体离退休干部」, though 部 ends 组织部 too)
_PEOPLE = ("干部", "同志", "党员", "职工", "老干部")


def _greets_after_bodies(text: str) -> bool:
    """Whether a salutation line (`_SALUTATION`) names bodies before its greeting (「各党支部，同志们：」,
    「县委老干部局，亲爱的老同志们：」): those are the 主送, whatever the line's length."""
    found = addressee(text)
    return found is not None and found != re.sub(r"\s*[：:]$", "", text.strip())


def addressee(text: str) -> str | None:
    """The bodies a 主送 line names, without its colon (「各县（市、区）老干部局，市直各单位：」 →
    「各县（市、区）老干部局，市直各单位」), or None for a line that is no such list (a salutation
    「各位老同志：」, a lead-in 「会议议定以下事项：」). Each part between commas is named as a body is: by an
    organisation's ending (局, 部, 政府, 厅（局）), as those sent to are (市直各单位, 各定点医疗机构), or as
    「各…」 (「各县（市、区）」; not 「各位…」). A greeting after the bodies (「各离退休干部党支部，各位老同志：」)
    is a salutation's, as a line of its own would be: the bodies before it are the 主送."""
    bodies = re.sub(r"\s*[：:]$", "", text.strip())
    if not bodies or len(bodies) > _MAX_HEADER_LINE or _SENTENCE_END.search(bodies):
        return None
    parts = re.split(r"([，,])", bodies)
    named = 0  # the parts (bodies) read so far
    for at in range(0, len(parts), 2):
        part = re.sub(
            r"[（(][^（）()]*[）)]$", "", to_simplified(parts[at]).strip()
        )  # 民政厅（局）, 各乡镇（街道）
        body = part.startswith("各") and not part.startswith("各位") and len(part) >= 2
        if named and all(_greets(to_simplified(rest).strip()) for rest in parts[at::2]):
            return "".join(parts[: at - 1]).strip()  # the bodies, their greeting after them left
        if ORG_SUFFIX.search(part) or _ADDRESSED.search(part) or body:
            named += 1
        else:
            return None
    return bodies


# A greeting to people, as a salutation names them: 「各位老同志」「老同志们」「同志们」「全体离退休干部」
_GREETING = re.compile(
    r"^(?:各位|全体|尊敬的|亲爱的)[^，,：:]{1,12}$|^[^，,：:]{0,10}(?:同志们|朋友们|来宾们?|同学们)$"
)


def head_paragraph(speech: Speech) -> Paragraph | None:
    """An official document's head as a passage of its own, under 「文件信息」: its title, then its 文号, its
    issuing bodies (several for a joint document, 「、」 between them) and its 主送, each a labelled sentence
    (「《关于调整离休干部护理费标准的通知》文号：青人社发〔2025〕41号。发文机关：…。主送：各县（市、区）老干部局，
    市直各单位。」): the title names the document whose number it is. Its 版记 follows, as labelled
    (「抄送：市委组织部组织一处。印发机关：…办公室。印发日期：2026年3月2日。」). None when the document gives
    none of a number, an addressee or a 版记 (a speech, a news item)."""
    if not speech.doc_number and not speech.addressee and not speech.imprint:
        return None
    values = (
        speech.doc_number,
        speech.shown_issuer,
        speech.addressee,
    )
    fields = "".join(f"{label}：{value}。" for label, value in zip(HEAD_LABELS, values, strict=True) if value)
    fields += "".join(f"{f.label}：{f.value}。" for f in speech.imprint)
    return Paragraph(text=fields, section=HEAD_SECTION)


_HEAD_ISSUER = re.compile(r"(?:^|(?<=。))发文机关：([^。]*)。")


def head_issuer(text: str) -> str | None:
    """The issuing bodies a 「文件信息」 passage names (head_paragraph's 「发文机关：…。」 sentence), or None."""
    found = _HEAD_ISSUER.search(text)
    return (found.group(1).strip() or None) if found else None


def with_head_issuer(text: str, issuer: str | None) -> str:
    """A 「文件信息」 passage's text naming `issuer` as its issuing bodies (joint ones apart by 「、」): its
    「发文机关：…。」 sentence replaced, or put where head_paragraph puts it (after the 文号, else first) when it
    had none; taken out when `issuer` is None or empty (`speechqa edit --issuer ""`)."""
    sentence = f"发文机关：{issuer}。" if issuer else ""
    if _HEAD_ISSUER.search(text):
        return _HEAD_ISSUER.sub(lambda _: sentence, text, count=1)
    number = re.match(r"文号：[^。]*。", text)
    at = number.end() if number else 0
    return text[:at] + sentence + text[at:]


def head_labels(texts: Iterable[str]) -> tuple[str, ...]:
    """The labels the 「文件信息」 passages hold between them (「文号」「发文机关」「主送」「抄送」「印发日期」…), in
    the order head_paragraph writes them: what the front ends name beside the count of those passages."""
    held = {label for text in texts for label in re.findall(r"(?:^|。)([^。：]{1,4})：", text)}
    return tuple(label for label in (*HEAD_LABELS, *IMPRINT_LABELS) if label in held)


def _salutes_over_title(lines: list[ParsedLine], at: int) -> bool:
    """Whether lines[at] greets or addresses the readers (「各位联络员：」, 「各离退休干部党支部：」, 「尊敬的各位
    老同志：」) over the document's title on the next line (「关于领取…的通知」), as a notice is passed on in a
    message: the greeting was read as the title's first part (「各位联络员：关于领取…的通知」)."""
    text = lines[at].text
    if at + 1 >= len(lines) or not re.search(r"[：:]$", text) or len(text) > _MAX_HEADER_LINE:
        return False
    if not (_SALUTATION.match(text) or addressee(text) or text.startswith(("各", "尊敬的"))):
        return False
    under = lines[at + 1].text
    return len(under) <= _MAX_HEADING and not _SENTENCE_END.search(under) and bool(_DOC_KIND.search(under))


def _read_subtitle(h: _Header, line: ParsedLine) -> None:
    """A subtitle line (in Word's Subtitle style, or opening with a dash) is a header line like any
    other: it may give the occasion (「——在…上的讲话」, the subtitle), the date (「——（2024年5月20日）」),
    the speaker, or one of them with the date in brackets after it (「——在…上的讲话（2024年5月20日）」)."""
    title_text = _SUBTITLE.sub("", line.title_text).strip()
    text = _SUBTITLE.sub("", line.text).strip()
    if (presented := _presenter_line(title_text)) is not None:
        h.speaker, h.date = h.speaker or presented[0], h.date or presented[1]
        return
    if is_field_line(title_text) and not _SENTENCE_END.search(text):
        _read_fields(h, title_text)
        return
    if (date := parse_date(text)) is not None:
        h.date = h.date or date
        return
    if number := _doc_number(text):
        h.doc_number = h.doc_number or number
        return
    if (signed := _SIGNED.match(title_text)) and (when := parse_date(signed.group("when"))):
        h.date = h.date or when
        title_text = signed.group("who").strip()
    if h.speaker is None and (name := _speaker_in_place(title_text)):
        h.speaker = name  # a line in the Subtitle style is where a speaker line stands
    elif h.subtitle is None and title_text:
        h.subtitle = title_text


# The labels of a web page's line about a notice (「发布时间：2024-05-06　来源：市委老干部局　浏览次数：1024」).
_META_LABEL = re.compile(
    r"(?P<label>发布时间|发布日期|成文日期|印发日期|日期|时间|信息来源|来源|发布机构|发文机关|发布单位|文号|发文字号"
    r"|索引号|主题分类|浏览次数|点击数|阅读次数|访问次数|作者|责任编辑|编辑|字号)\s*[：:]"
)


def is_field_line(text: str) -> bool:
    """A line of labelled fields, one of them a date, source or number (「浏览次数：1024　发布时间：……」)."""
    if _FIELD.match(text):
        return True
    labels = list(_META_LABEL.finditer(to_simplified(text)))
    return bool(labels) and labels[0].start() == 0 and any(_FIELD.match(m[0]) for m in labels)


def _read_fields(h: _Header, text: str) -> None:
    """A line of labelled fields: one (「发布日期：2024年5月6日」) or several side by side, as a web page sets
    them over a notice (「发布时间：2024-05-06　来源：市委老干部局　浏览次数：1024」)."""
    labels = list(_META_LABEL.finditer(to_simplified(text)))  # (its spans hold for `text`: 「發布時間：」)
    for n, label in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        _read_field(h, label.group("label"), text[label.end() : end].strip())


def _read_field(h: _Header, label: str, value: str) -> None:
    if label in ("来源", "信息来源", "发布机构", "发文机关", "发布单位"):
        h.issuer = h.issuer or value or None
    elif label in ("文号", "发文字号"):
        h.doc_number = h.doc_number or value or None
    elif "日期" in label or "时间" in label:
        h.date = h.date or parse_date(value.split()[0] if value else "")


def _speaker_with_post(title_text: str) -> str | None:
    """「县委副书记 李明」 or 「市委老干部局局长王建国」 → the name: a post, then a person's name (with a
    space between them or none: a PDF or a typist may drop it). A two-character name padded to a
    three-character one's width (「组织部部长　王　芳」) is one name."""
    parts = title_text.split()
    if len(parts) == 3 and len(parts[1]) == len(parts[2]) == 1:
        parts = [parts[0], parts[1] + parts[2]]
    if len(parts) == 2 and _POST.search(parts[0]) and len(parts[0]) <= 20 and _named_after_post(parts[1]):
        return parts[1]
    if len(parts) == 1 and not re.search(r"[，。：；！？,.:;!?（）()]", title_text):  # 、 may join two posts
        sizes = (3, 2, 4)  # Chinese names are mostly 3 characters, then 2, rarely 4
        compound = [n for n in (3, 4) if to_simplified(title_text[-n:][:2]) in COMPOUND_SURNAMES]
        for size in (*compound, *sizes):  # a compound surname first: 「副局长长孙佩兰」 is 长孙佩兰
            post, name = title_text[:-size], title_text[-size:]
            if 2 <= len(post) <= 20 and _POST.search(post) and _named_after_post(name):
                return name
    return None


# What a given name is never made of: pronouns, particles, prepositions, conjunctions, modal particles,
# interjections, onomatopoeia, punctuation and non-words (jieba's tags).
_NOT_IN_NAMES = ("r", "u", "p", "c", "y", "e", "o", "w", "x")
# Of those, what a given name's character may still be read as, beside a word that is no function word.
_NAME_FUNCTION_WORDS = ("c", "p", "r")


def _named_after_post(text: str) -> bool:
    """A person's name where a post says one follows (「市委老干部局局长　韩立新」): a surname and a given
    name of one or two characters that are not function words. jieba's name tag alone misses common names
    whose given name is a word (韩立新, 张和平, 黄建国: 韩/j 立新/d), so after a post it is not required."""
    if is_person_name(text):
        return True
    text = to_simplified(text)
    parts = None if "·" in text else name_parts(text)
    if parts is None or not 1 <= len(parts[1]) <= 2:
        return False
    words = pos_tags(text)
    # one word of the dictionary is no name (高标准, 时间表), unless it is a proper noun: jieba's dictionary
    # holds some common names as places (马建国/ns); a word jieba's HMM made of an unknown name (燕书航/nt) is
    # none of its dictionary's
    if len(words) == 1 and len(text) >= 3 and is_dictionary_word(words[0]):
        return False
    given = pos_tags(parts[1])
    if all(not pair.flag.startswith(_NOT_IN_NAMES) for pair in given):
        return True
    # A given name may hold one character jieba reads as a conjunction, preposition or pronoun beside a
    # word that is none (致和: 致/v 和/c; 以宁, 其昌): 「市委老干部局副局长  宁致和」 was no speaker line, and the
    # line ran into the title. A given name made of such words alone (和/c, 我们/r), or holding a particle,
    # an interjection or punctuation (的/uj, 啊/y), is still none.
    return (
        len(given) == 2
        and any(not pair.flag.startswith(_NOT_IN_NAMES) for pair in given)
        and all(
            not pair.flag.startswith(_NOT_IN_NAMES) or pair.flag.startswith(_NAME_FUNCTION_WORDS)
            for pair in given
        )
    )


_SIGNED = re.compile(r"^(?P<who>[^（(]{2,24}?)\s*[（(](?P<when>[^）)]{4,24})[）)]$")

# The label a deck's title slide, a report's cover or a lecture notice puts before the person who speaks
# (「汇报人：殷鹤年」, 「主讲人：县委党校教授 万星辰」), the date beside the name or not.
_PRESENTER = _Folded(
    r"^\s*(?:汇\s*报|报\s*告|主\s*讲|宣\s*讲|讲\s*话|发\s*言|演\s*讲)\s*人\s*[：:]\s*(?P<value>\S.*?)\s*$"
)


# A 主送 written with its label (「主送：各离退休干部党支部」, 「主　　送：…」 spaced or stretched to four characters'
# width with Word's 「调整宽度」, 「主送机关：…」), as some offices' templates set it under the title.
_LABELLED_ADDRESSEE = _Folded(r"^\s*主\s*送(?:\s*机\s*关)?\s*[：:]\s*(?P<value>\S.*?)\s*[：:]?\s*$")


def _labelled_addressee(text: str) -> str | None:
    """The bodies a labelled 主送 line names (「主送：各离退休干部党支部」 → 「各离退休干部党支部」), or None. Before,
    the line, no 主送 for want of its closing colon, ran into the first paragraph under it."""
    found = _LABELLED_ADDRESSEE.match(text)
    if found is None:
        return None
    return addressee(text[found.start("value") : found.end("value")])


# The label a report's cover or a deck's title slide puts before the body that reports (「汇报单位：县委老干部局」),
# beside its 汇报人 line: a head line, never the body's start (a form's 「填报单位：」 is not one).
_PRESENTING_UNIT = _Folded(
    r"^\s*(?:汇\s*报|报\s*告|宣\s*讲|主\s*讲)\s*(?:单\s*位|部\s*门|机\s*关)\s*[：:]\s*(?P<value>\S.*?)\s*$"
)


def _presenting_unit(text: str) -> str | None:
    """The office a labelled 汇报单位 head line names (「汇报单位：县委老干部局」 → 「县委老干部局」), or None.
    Before, the line was taken for the body's first line: the 汇报人 and date lines under it ran into the
    first paragraph and the report had neither speaker nor date."""
    found = _PRESENTING_UNIT.match(text)
    if found is None or len(text) > 50 or _SENTENCE_END.search(found["value"]):
        return None
    value = text[found.start("value") : found.end("value")].strip()
    return value if _is_issuer(value) else None


def _presenter_line(text: str) -> tuple[str, str | None] | None:
    """The speaker (and the date, when the line gives one beside the name) of a header line that names the
    person by a label: 「汇报人：殷鹤年　2035年1月18日」, 「主讲人：市委党校教授 万星辰」. Before, such a line on
    a deck's title slide was read as a line of the body: the report had neither speaker nor date."""
    found = _PRESENTER.match(text)
    if found is None or len(text) > 50 or _SENTENCE_END.search(found["value"]):
        return None
    value = text[found.start("value") : found.end("value")]
    if (beside := _date_beside_name(value)) is not None:
        return beside[0], beside[1]
    name = _speaker_in_place(value)
    return (name, None) if name else None


# What an editing office adds to its name on a bulletin's or minutes' masthead: 「…老干部局编」.
_EDITED_BY = re.compile(r"(?:编印|编发|印发|主办|编)$")


def _issuer_dated(text: str) -> tuple[str, str] | None:
    """The office and the date of a masthead line that gives both side by side, the date last
    (「中共临江市委老干部局编　　2024年6月18日」 under a 简报's issue, 「市委老干部局办公室　2024年7月17日」 under a
    纪要's): before, it was read into the title and the bulletin or minutes had no date."""
    if len(text) > 50 or _SENTENCE_END.search(text):
        return None
    for size in range(min(len(text) - 2, 20), 5, -1):
        who, when = text[:-size].strip(), text[-size:].strip()
        if (date := parse_date(when)) is not None:
            office = _EDITED_BY.sub("", who).strip()
            return (office, date) if office and _is_issuer(office) else None
    return None


def _date_beside_name(text: str) -> tuple[str, str] | None:
    """The speaker and the date of a header line that gives both side by side, in either order
    (「2024年5月6日 张建国」, 「市委副书记 张建国 2024年5月6日」): before, such a line was read into the title
    and the speech had neither date nor speaker. A space between them is not needed (「张建国2024年5月6日」,
    「2024年5月6日张建国」): the date is read at either end of the line, the longest first, so that
    「2024年5月6日市委副书记张建国」 is of 2024-05-06 and not of 2024 by 「5月6日市委副书记张建国」."""
    if len(text) > 40 or not any(c.isdigit() or c in NUM for c in text):
        return None
    for size in range(len(text) - 2, 1, -1):  # the rest, the speaker, is two characters or more
        for when, who in ((text[:size], text[size:]), (text[-size:], text[:-size])):
            if (date := parse_date(when.strip())) is not None and (name := _speaker_in_place(who.strip())):
                return name, date
    return None


# A title that names its speaker before the occasion: 「赵立新同志在全市老干部工作会议上的讲话」,
# 「市委书记王建国在…开幕式上的致辞」 (as compilations and newspapers print a speech, with no speaker line).
_TITLE_SPEAKER = re.compile(
    r"^(?P<who>[^\s，。：；“”《》（）()]{2,24}?)(?:同志)?在"
    r"[^。！？]{2,60}?(?:上|时|中|前)的(?:[^。！？的]{0,6})(?:讲话|致辞|发言|报告|主持词|讲稿)$"
)


def _speaker_in_title(title: str) -> str | None:
    """The speaker a title names before 「在…上的讲话」: a person's name, alone or after a post."""
    simplified = to_simplified(title.strip())
    if len(simplified) != len(title.strip()) or not (m := _TITLE_SPEAKER.match(simplified)):
        return None
    who = title.strip()[: m.end("who")]
    return _speaker_in_place(who)


def _speaker_line(text: str) -> str | None:
    """The speaker a header line names: a person's name alone, or after their post."""
    compact = text.strip()
    if is_person_name("".join(compact.split())):
        return "".join(compact.split())
    return _speaker_with_post(compact)


def _speaker_in_place(text: str) -> str | None:
    """The speaker a header line names where the layout says a speaker stands — beside the date on its line
    (「奚佩兰（二〇二六年十一月八日）」), under the title beside the date line, in the Subtitle style, before
    「在…上的讲话」 in a title: a person's name alone, 「…同志」, or after a post. There a known surname (any of
    corpus/data/names/surnames.txt) and a given name of one or two characters that are no function words
    make a name, tagged as one by jieba or not (jieba tags 蔺书航 蔺书/n 航/n, 上官婉 上官/n 婉/a)."""
    compact = re.sub(r"\s*同\s*志$", "", text.strip())  # 「奚佩兰同志」, 「市委书记王建国同志」
    if not compact:
        return None
    if name := _speaker_line(compact):
        return name
    joined = "".join(compact.split())
    return joined if _named_after_post(joined) else None


def _speaker_alone(lines: list[ParsedLine], at: int, title: str | None) -> str | None:
    """The speaker of a header line that is a name and nothing else (「沈伟」, 「奚佩兰同志」): anywhere in the
    header when jieba tags it as a person's name; where the layout puts a speaker (right under the title,
    or over or under the date line) when it is name-shaped with a known surname (see _speaker_in_place)."""
    text = lines[at].text
    if is_person_name(text):
        return text
    neighbours = [lines[i].text for i in (at - 1, at + 1) if 0 <= i < len(lines)]
    under_title = at > 0 and title is not None and title.endswith(lines[at - 1].title_text)
    if not under_title and not any(is_date_line(n) for n in neighbours):
        return None
    name = _speaker_in_place(lines[at].title_text)
    if name is not None and name == "".join(text.split()) and len(name) == 2:
        words = pos_tags(to_simplified(name))
        if len(words) == 1 and is_dictionary_word(words[0]):
            return None  # a word alone on its line (初稿, 代表), which jieba does not read as a name
    return name


_MAX_TITLE_ROW = 60


def _merged_title_row(lines: list[ParsedLine], position: int) -> bool:
    """A table's first row merged across every column over its labelled rows, with nothing titling the
    document above it: the title of a document that is only a table (a 台账, 花名册 or 值班表 as Word, a web
    page or a PDF holds it). A merged row reads as its one cell (no 「：」 labelling it, no 「；」 between
    cells) and holds no sentence; the rows under it (the first two) are rows of the table labelled alike, by
    its header (「姓名：…；金额：…」). Not a form of label and value cells (a 发文稿纸 or 呈批件: 「拟稿单位：…；拟稿人：…」,
    then 「签发：…」 — each row its own labels): its merged first row names the kind of form, not the document,
    which the form's 标题 cell or else its file's name titles."""
    line = lines[position]
    rows = list(itertools.takewhile(lambda r: r.kind == _TABLE_ROW, lines[position + 1 : position + 3]))
    text = line.title_text
    return (
        line.kind == _TABLE_ROW
        and len(rows) >= 1
        and _row_labels(rows[0].text) != ()
        and (len(rows) == 1 or _row_labels(rows[0].text) == _row_labels(rows[1].text))
        and 2 <= len(text) <= _MAX_TITLE_ROW
        and not re.search(r"[：:；;，,。！？!?]", text)
    )


def _row_labels(text: str) -> tuple[str, ...]:
    """The labels of a table row read 「标签：值；标签：值」, in order (none for a row not labelled)."""
    return tuple(part.split("：", 1)[0].strip() for part in re.split(r"[；;]", text) if "：" in part)


def _wrapped_title(title: str, text: str) -> bool:
    """A title wrapped onto a second line: the first does not end a title, the second does
    (「在2023年全市离退休干部党建工作」 + 「推进会上的讲话」, or even 「…会上的讲」 + 「话」: the word that
    names the document cut by the wrap), and neither holds a sentence."""
    kind = _DOC_KIND.search(title + text)
    return (
        not _DOC_KIND.search(title)
        and kind is not None
        and (bool(_DOC_KIND.search(text)) or kind.start() < len(title))
        and len(text) <= 30
        and not _SENTENCE_END.search(title + text)
        and not title.endswith((" ", "　"))
    )


def _over_title(first: str, text: str) -> bool:
    """The first header line was a label or an office's name over the real title (a PDF's running
    header on a one-page file, 「市委老干部局内部资料」): it names no document kind and is not itself a
    title's beginning, while the line under it begins one (关于…, 在…)."""
    return (
        not _DOC_KIND.search(first)
        and not first.startswith(("关于", "在"))
        and not _runs_on(first)
        and text.startswith(("关于", "在"))
        and (bool(_DOC_KIND.search(text)) or _runs_on(text) or "会议" in text)
    )


def _join_title(first: str, second: str, *, space: bool = True) -> str:
    return f"{first} {second}" if space else f"{first}{second}"


def _runs_on(title: str) -> bool:
    """A title line that does not end the title: 「关于开展…党组织」, or one ending in 的/和/《."""
    if _CONNECTOR_END.search(title):
        return True
    return "关于" in title and not _DOC_KIND.search(title)


def _is_issuer(title_text: str) -> bool:
    """An organisation line (or several, space-separated): short, no punctuation, an organisation's ending,
    and not a title's first line (「关于开展…离退休干部」 ends as a body's name does: 干部, 部)."""
    parts = title_text.split()
    return (
        0 < len(parts) <= 4
        and not title_text.startswith(("关于", "關於"))
        and all(2 <= len(p) <= 30 and ORG_SUFFIX.search(to_simplified(p)) for p in parts)
        and not re.search(r"[，。、：；！？,.:;!?]", title_text)
    )


@dataclass
class _Tail:
    """What follows an official document's 正文 (GB/T 9704): the 附件说明, the signature (发文机关署名
    and 成文日期), the 附注, the attachments themselves and the 版记 (抄送, 印发)."""

    body: list[ParsedLine]
    issuer: str | None = None
    date: str | None = None  # the 成文日期 under the signature, never the 印发 date of the 版记
    attachment_list: list[ParsedLine] = field(default_factory=list)  # 「附件：1．……」 and its further items
    notes: list[ParsedLine] = field(default_factory=list)  # 「（此件公开发布）」, 「（联系人：……）」
    attachments: list[list[ParsedLine]] = field(default_factory=list)  # each from its 「附件1」 line on
    imprint: list[ParsedLine] = field(default_factory=list)  # the 版记 (抄送, 印发), from imprint_start on
    signature: tuple[int, int] | None = None  # where the signature's lines are, in the lines read
    signer: str | None = (
        None  # the person a letter or a speech is signed by (「市委老干部局局长　沈伟」 → 沈伟)
    )
    closing: str | None = None  # that signature's lines, its parts apart by 「　」: a passage of its own


# 附件说明: 「附件：1．2024年重阳节走访慰问对象名单」, 「附件：重阳节活动报名表」, or 「附件：」 over its items.
_ATTACHMENT_LIST = re.compile(r"^附\s*件\s*[：:]")
# An attachment's label and title on one line, over the attachment itself after the signature:
# 「附件：离休干部体检实施办法」, 「附件2：走访慰问对象名单」 (before the signature, the same line is the 附件说明).
_ATTACHMENT_HEADING = re.compile(
    r"^(?P<label>附\s*件\s*(?:[0-9０-９一二三四五六七八九十百零〇]{1,3})?)\s*[：:]\s*(?P<title>(?![0-9０-９]{1,2}\s*[．.、])[^。！？!?；;]{2,60})$"
)
# An item of it on a line of its own: 「2．走访慰问情况统计表」 (a name, not a sentence).
_LIST_ITEM = re.compile(r"^(?:\d{1,2}\s*[．.、]|[（(]\d{1,2}[）)])\s*\S")
# 附注 under the signature: 「（此件公开发布）」, 「（联系人：陈晓燕，电话：88961234）」, 「联系人：……」 (「聯繫人：……」
# in traditional script).
_ANNOTATION = _Folded(r"^(?:[（(][^（）()]{1,60}[）)]|(?:联系人|联系电话|联系方式)[：:].*)$")
_CONTACT = _Folded(r"^(?:联系人|联系电话|联系方式)[：:]")
# A further contact under it: a name or an office and a number, one short line.
_CONTACT_MORE = _Folded(
    r"^[^。：:]{1,40}(?:电话|手机|座机|邮箱|传真)\s*[：:]?\s*[0-9０-９(（+][^。]{0,40}[。；;，,]?$"
)
# 版记: 「抄送：市委办公室，……。」 and 「中共温州市委老干部局办公室 2024年10月9日印发」.
_COPIED = _Folded(r"^(?:抄\s*送|抄\s*报|分\s*送)\s*[：:]")
_IMPRINT = _Folded(rf"{_COPIED.pattern}|年\s*[{NUM}\d]{{1,3}}\s*月\s*[{NUM}\d]{{1,3}}\s*日\s*印\s*发$")
# A 简报's or 纪要's distribution at its foot: 「报：市委办公室，市政府办公室。」「送：各区县委老干部局。」「发：局机关各处室。」
# (报 to those above, 送 to those alongside, 发 to those below), each a list of bodies.
_DISTRIBUTED = _Folded(r"^(?:报|送|发|抄发|印送)\s*[：:]\s*(?P<names>\S.*)$")
_MAX_LIST_ITEM = 60
# The copies printed, after a distribution list's end: 「。（共印60份）」.
_COPIES_RUN_ON = re.compile(
    r"(?<=[。.；;])\s*[（(]\s*共\s*印\s*[\d０-９一二三四五六七八九十百]+\s*份\s*[）)]$"
)


def _distribution(text: str) -> bool:
    """A 简报's 「报：」「送：」「发：」 line: its label over a list of bodies (no sentence in it), or several such
    lists run together on one line (「报：…。送：…。」, as a PDF's layout may join them), perhaps with the
    copies printed run on after the last (「发：…单位。（共印60份）」: a line as wide as the 报 line above it
    is joined to the next)."""
    listed = _COPIES_RUN_ON.sub("", to_simplified(text.strip()))
    parts = re.split(r"(?<=[。.；;])\s*(?=(?:报|送|发|抄发|印送|抄送|抄报|分送)\s*[：:])", listed)
    for part in parts:
        if found := _DISTRIBUTED.match(part):
            names = found.group("names")
        elif found := _COPIED.match(part):
            names = part[found.end() :]
        else:
            return False
        if not _is_name_list(names):
            return False
    return True


def _imprint(text: str) -> bool:
    return bool(_IMPRINT.search(text)) or _distribution(text)


def imprint_start(texts: Sequence[str]) -> int:
    """Where the 版记 at the end of an official document starts (len(texts) when there is none): the
    抄送 lines (one may wrap onto the next) and the 印发 line, with anything under the latter such as
    「（共印50份）」. Its 印发 date is not the document's date, and none of it is body text."""
    start = len(texts)
    for i in range(len(texts) - 1, max(len(texts) - 8, -1), -1):
        if _imprint(texts[i]):
            start = i
    if start == len(texts):
        return start
    # Lines after the first 版记 line must be 版记 too, a short note, or the rest of a wrapped 抄送 list.
    copied = _COPIED.match(texts[start]) is not None or _distribution(texts[start])
    for text in texts[start + 1 :]:
        if _imprint(text):
            copied = _COPIED.match(text) is not None or _distribution(text)
        elif not (_ANNOTATION.match(text) or is_page_number(text) or (copied and _is_name_list(text))):
            return len(texts)  # (the last page's number under the 版记, in a text pasted from a PDF, is none)
    return start


def _is_name_list(text: str) -> bool:
    """A wrapped 抄送 line: names of bodies separated by 、 or ，, ending in 。 at most."""
    return len(text) <= 120 and not _SENTENCE_END.search(text.rstrip("。."))


# A cut-off line (剪切线) between a notice and the slip to be cut off and sent back (回执, 报名表): a run of
# dashes or dots with scissors on it or words telling where to cut (「✂- - - 沿此线剪下 - - -」,
# 「………………（请沿虚线剪下）………………」, 「✄------------」).
_SCISSORS = "✂✁✃✄"
_CUT_RULE = set(_SCISSORS + "-－—–_＿.。·…‥・•=＝~～")  # 。: a 「.」 after Chinese, as cleaned
_CUT_WORDS = re.compile(r"[（(]?请?(?:沿(?:此|虚|该)?线)?(?:剪开|剪下|裁开|裁下|撕下)(?:此联|此页)?[）)]?")


def is_cut_line(text: str) -> bool:
    """Whether a line is a cut-off line: only rule characters around scissors or 「沿此线剪下」, and rule enough
    to be seen as one (three characters beside scissors, six beside words)."""
    squashed = "".join(text.split())
    words = _CUT_WORDS.search(squashed)
    rule = squashed[: words.start()] + squashed[words.end() :] if words else squashed
    if not rule or not set(rule) <= _CUT_RULE:
        return False
    scissors = sum(rule.count(c) for c in _SCISSORS)
    drawn = len(rule) - scissors
    return (scissors > 0 and drawn >= 3) or (words is not None and drawn >= 6)


# the sections a saved e-mail's reader puts after its text: its sender's card, a quoted original's, its event
_MAIL_LABELS = (SIGNATURE_LABEL, QUOTED_SIGNATURE_LABEL, INVITATION_LABEL)


def _read_tail(lines: list[ParsedLine]) -> _Tail:
    """Split the 正文 from what follows it. A document with none of these parts is all body."""
    end = imprint_start([line.text for line in lines])
    cut = next((i for i in range(end) if lines[i].kind != _TABLE_ROW and is_cut_line(lines[i].text)), end)
    if cut + 1 < end and not any(
        ATTACHMENT_LABEL.match(line.text) for line in lines[:cut] if line.kind != _TABLE_ROW
    ):
        # a slip to cut off after the signature (a 回执): the notice ends at the cut-off line, which is no
        # text, and the slip is read as an attachment under its first line, 「回执」
        signed = _read_signature(lines[:cut])
        if signed.date or signed.issuer:
            signed.attachments = [lines[cut + 1 : end]]
            signed.imprint = lines[end:]
            return signed
    # a saved e-mail: its cards and event are read after its text, then the messages attached to it, each under
    # its heading 「附件：…」 (signed by its own sender, whether or not the mail's is)
    mailed = any(line.kind != _TABLE_ROW and line.text.strip() in _MAIL_LABELS for line in lines[:end])
    first_label = next(
        (
            i
            for i in range(end)
            if lines[i].kind != _TABLE_ROW
            and (
                ATTACHMENT_LABEL.match(lines[i].text)
                or _heads_attachment(lines, i, end)
                # a saved e-mail's sender's card, its meeting invitation's event
                or lines[i].text.strip() in _MAIL_LABELS
                or (mailed and lines[i].kind == "heading" and _ATTACHMENT_HEADING.match(lines[i].text))
            )
        ),
        end,
    )
    tail = _read_signature(lines[:first_label])
    # a sender's card and an invitation's event are sections of their own whether or not a 落款 is over them
    carded = first_label < end and mailed
    if first_label < end and (tail.date or tail.issuer or tail.attachment_list or carded):
        tail.attachments = _split_attachments(lines[first_label:end], tail.attachment_list)
    elif first_label < end:  # a 「附件」 line with no signature or list before it: ordinary body
        tail = _read_signature(lines[:end])
    tail.imprint = lines[end:]
    return tail


# The 印发 line of a 版记: 「中共温州市委老干部局办公室　2024年10月9日印发」 (the office may be left out).
_PRINTED = _Folded(
    rf"^(?P<office>.*?)\s*(?P<date>(?:{YEAR}|{CN_YEAR})\s*年\s*[{NUM}\d]{{1,3}}\s*月\s*[{NUM}\d]{{1,3}}\s*日)\s*印\s*发$"
)
_LIST_LABEL = re.compile(r"^(?P<label>抄\s*送|抄\s*报|分\s*送|抄\s*发|印\s*送|报|送|发)\s*[：:]\s*")


def _imprint_fields(lines: Sequence[ParsedLine]) -> tuple[ImprintField, ...]:
    """The 版记 as labelled fields for the 「文件信息」 passage: each list under its own label (「抄送」, or a
    简报's 「报」「送」「发」), a list wrapped over two lines as one, and the 印发 line's office and date
    (「印发机关」, 「印发日期」). A note under it (「（共印50份）」) and a page number are none."""
    fields: list[ImprintField] = []
    listing = False  # the last field is a list a next line may continue
    for line in lines:
        text = line.text.strip()
        if printed := _PRINTED.match(text):
            office = " ".join(text[printed.start("office") : printed.end("office")].split())
            date = "".join(text[printed.start("date") : printed.end("date")].split())
            fields += [ImprintField("印发机关", office)] if office else []
            fields.append(ImprintField("印发日期", date))
            listing = False
            continue
        if _ANNOTATION.match(text) or is_page_number(text):
            listing = False
            continue
        parts = re.split(r"(?<=[。.；;])\s*(?=(?:报|送|发|抄发|印送|抄送|抄报|分送)\s*[：:])", text)
        for part in parts:
            if labelled := _LIST_LABEL.match(to_simplified(part)):
                label = "".join(labelled.group("label").split())
                fields.append(ImprintField(label, _list_value(part[labelled.end() :])))
            elif listing and _is_name_list(part):  # the rest of a list wrapped onto this line
                fields[-1] = ImprintField(fields[-1].label, _list_value(fields[-1].value + part))
            else:
                listing = False
                continue
            listing = not re.search(r"[。.；;]$", part.strip())  # a list ended by its 。 takes no more
    return tuple(f for f in fields if f.value)


def _list_value(text: str) -> str:
    return text.strip().rstrip("。.；;").strip()


def _heads_attachment(lines: list[ParsedLine], at: int, end: int) -> bool:
    """Whether line `at`, 「附件：离休干部体检实施办法」, heads the attachment printed under it: it follows the
    signature (before it, the line is the 附件说明) and sentences follow it. Before, such a line was body
    text, and the signature above it with it: the notice lost its date and issuer. (Under the 附件说明
    alone, with no signature, it heads the attachment too, as 「附件1」 does.)

    So does the label set before the title with a space or nothing between (「附件　课程安排」: a PDF's text
    keeps no space between Chinese, 「附件课程安排」) when the title is one the 附件说明 above the signature
    lists, over anything (a table alone too): before, the attachment ran into the signature, and the notice
    lost its date (cold28's notice put together by pdfunite)."""
    text = lines[at].text
    if _ATTACHMENT_HEADING.match(text) and _holds_sentence(lines[at + 1 : end]):
        signature = _read_signature(lines[:at])
        return bool(signature.date or signature.issuer or signature.attachment_list)
    if at + 1 >= end or not text.lstrip().startswith("附"):
        return False
    signature = _read_signature(lines[:at])
    return bool(signature.date or signature.issuer) and bool(_listed_heading(text, signature.attachment_list))


# An attachment's label over the rest of its line: 「附件」, 「附件2」, then a colon, a space or nothing.
_LABEL_GLUED = re.compile(r"^(?P<label>附件(?:[0-9０-９一二三四五六七八九十]{1,3})?)[：:]?(?P<title>\S.*)$")
_LIST_NUMBER = re.compile(r"^(?:附件[：:])?(?:\d{1,2}[．.、]|[（(]\d{1,2}[）)])?")


def _listed_titles(attachment_list: Sequence[ParsedLine]) -> set[str]:
    """The titles a 附件说明 lists (「附件：1．课程安排」 and its further items), spaces and end marks removed."""
    titles = set()
    for line in attachment_list:
        text = re.sub(r"\s+", "", line.text)
        title = _LIST_NUMBER.sub("", text, count=1).rstrip("。.；;")
        if len(title) >= 2:
            titles.add(title)
    return titles


def _listed_heading(text: str, attachment_list: Sequence[ParsedLine]) -> tuple[str, str] | None:
    """The label and title of a line 「附件 课程安排」 / 「附件课程安排」 whose title the 附件说明 lists; None
    for any other line."""
    found = _LABEL_GLUED.match(re.sub(r"\s+", "", text))
    if found is None or found["title"] not in _listed_titles(attachment_list):
        return None
    return found["label"], found["title"]


def _read_signature(lines: list[ParsedLine]) -> _Tail:
    """The signature at the end of `lines` (organisation lines and a date), with the 附件说明 before it
    and the 附注 after it. Footnotes printed at the foot of the signature's page (a PDF puts them there,
    after the date) are passed over to find it and stay body text, after it."""
    notes_at = len(lines)
    while notes_at > 0 and lines[notes_at - 1].kind == _NOTE:
        notes_at -= 1
    remarks = 0 < notes_at < len(lines) and lines[notes_at - 1].kind == "heading"
    if remarks and lines[notes_at - 1].text.strip() == REMARKS_HEADING:  # reviewers' remarks, after the body
        notes_at -= 1
    if 0 < notes_at < len(lines):
        tail = _read_signature(lines[:notes_at])
        tail.body = tail.body + lines[notes_at:]
        return tail
    after = _after_body(lines, len(lines))
    end = after.start
    start = end
    issuers: list[str] = []
    date = None
    while start > 0 and lines[start - 1].kind in _PLAIN:
        line = lines[start - 1]
        signed = _signed_line(line.title_text)
        if (
            date is None
            and not issuers
            and (found := _signature_date(line.text) or _transcribed_on(line.text))
        ):
            date = found
        elif (
            signed is not None and signed.issuer and len(issuers) < 4 and (signed.date is None or not issuers)
        ):
            if signed.date is not None:
                if date is not None:
                    break  # a name and a date over the date already read: body text
                date = signed.date
            issuers.insert(0, signed.issuer)
        elif signed is not None and not signed.issuer:
            pass  # the seal's own line (「（印章）」, the seal's text read by OCR): part of the signature
        elif date is None and issuers and (found := _signature_date(line.text)):
            date = found  # the date over the body's name (「2024年3月5日」 then 「中共…老干部局」)
            start -= 1
            break
        else:
            break
        start -= 1
    # a letter, a speech or a 倡议书 signed by a person (「沈伟」 or 「市委老干部局局长　沈伟」, over its date or
    # standing last) right under its last sentence: the person is its speaker, the line no part of its last
    # paragraph
    signer = None
    if (
        not issuers
        and (date is not None or start == end)
        and (found := _signer(lines, start - 1, dated=date is not None))
    ):
        signer, start = found, start - 1
    if date is None and not issuers and signer is None:
        if not after.listed:
            return _Tail(body=lines)  # notes alone, with no signature or 附件说明: they stay body text
        start = end
    before = _after_body(lines, start)
    closing = None
    if signer is not None:
        closing = "　".join(
            part
            for n, line in enumerate(lines[start:end])
            for part in (
                _signer_parts(line.title_text, signer) if n == 0 else _signature_parts(line.title_text)
            )
        )
    return _Tail(
        body=lines[: before.start],
        issuer=" ".join(issuers) or None,
        date=date,
        attachment_list=before.listed + after.listed,
        notes=before.notes + after.notes,
        signature=(start, end) if issuers or date or signer else None,
        signer=signer,
        closing=closing,
    )


_ENDS_SENTENCE = re.compile(r"[。！？!?…”」]$")
# a line of classical verse: clauses of five or seven characters, each closed by its mark (「莫道桑榆晚，为霞尚满天。」)
_VERSE_LINE = re.compile(
    rf"^(?:[{HAN}]{{5}}[，。！？；、,.!?;]){{1,4}}$|^(?:[{HAN}]{{7}}[，。！？；、,.!?;]){{1,4}}$"
)


def _signer(lines: list[ParsedLine], at: int, *, dated: bool) -> str | None:
    """The person lines[at] signs a letter, a speech or a 倡议书 as, at its end: a person's name alone
    (「沈伟」) or after a post (「市委老干部局局长　沈伟」), a plain line right under a sentence's end or a
    letter's close (「此致」「敬礼！」). None for any other line: a name under a list's lines, a heading or a
    colon is one of a list, not a signer, and a sign-off (`is_sign_off`) none; nor is a name under quoted
    verse with no date under it (the poet's: `_under_verse`)."""
    if at < 1 or lines[at].kind not in _PLAIN or lines[at - 1].kind not in _PLAIN:
        return None
    above = lines[at - 1].text.strip()
    if not (_ENDS_SENTENCE.search(above) or is_sign_off(above)):
        return None
    text = lines[at].title_text.strip()
    compact = "".join(text.split())
    if is_sign_off(compact) or (not dated and _under_verse(lines, at)):
        return None  # 「谢谢」「敬礼」 close the text; 「刘禹锡」 under a quoted poem is its poet
    if is_person_name(compact):
        return compact
    return _speaker_with_post(text)


def _under_verse(lines: list[ParsedLine], at: int) -> bool:
    """Whether lines[at] stands right under quoted verse: lines of five- or seven-character clauses (at most
    eight) under a line ending in a colon (「我用一首诗与大家共勉：」) — the line is the poet's name, not a signer."""
    above = at - 1
    while above >= 0 and at - above <= 8 and _VERSE_LINE.match("".join(lines[above].text.split())):
        above -= 1
    return above < at - 1 and above >= 0 and lines[above].text.rstrip().endswith(("：", ":"))


def _signer_parts(title_text: str, signer: str) -> list[str]:
    """A signer's line as its parts: the post and the name apart (「市委老干部局局长沈伟」, its space lost in
    reading, as 「市委老干部局局长」「沈伟」)."""
    compact = "".join(title_text.split())
    post = compact[: -len(signer)] if compact.endswith(signer) else ""
    return [post, signer] if post else title_text.split()


# The seal over a signature as a line says it: 「（盖章）」「（章）」「（印章）」 after the body's name or on a line of
# its own, and the seal's own text as OCR reads it (「临江市委老干部局专用章」, 「…公章」).
_SEAL_MARK = re.compile(r"\s*[（(]\s*(?:盖章|签章|公章|印章|章|印|签字盖章|盖\s*章)\s*[）)]\s*$")
_SEAL_TEXT = re.compile(r"^(?P<body>.+?)(?:专用章|公章|印章|之章|之印)$")
# A date's weekday in brackets after it: 「2024年3月5日（星期二）」.
_WEEKDAY = re.compile(r"\s*[（(]\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[）)]\s*$")


@dataclass(frozen=True)
class _Signed:
    """What one line of a signature gives: the body's name (None: the seal's own line) and a date set on
    the same line after it (「中共临江市委老干部局　2024年3月5日」)."""

    issuer: str | None
    date: str | None = None


def _signature_date(text: str) -> str | None:
    """A line that is a date and nothing else, a weekday after it allowed (「2024年3月5日（星期二）」)."""
    return parse_date(text) or (parse_date(_WEEKDAY.sub("", text)) if _WEEKDAY.search(text) else None)


def _signed_line(title_text: str) -> _Signed | None:
    """A signature line that is not a date alone: a body's name (a seal mark after it dropped: 「中共临江市委
    老干部局（盖章）」), a body's name and the date after it on one line, or the seal's own line — 「（印章）」
    alone, or the seal's text as OCR reads it when it names a body (「临江市委老干部局专用章」). None for
    any other line."""
    text = _SEAL_MARK.sub("", title_text).strip()
    if not text:
        return _Signed(issuer=None) if title_text.strip() else None
    if _is_issuer(text):
        return _Signed(issuer=text)
    seal = _SEAL_TEXT.match(text.replace(" ", ""))
    if seal is not None and _is_issuer(seal.group("body")):
        return _Signed(issuer=None)
    if len(text) > 60:
        return None
    # the date at the line's end, after the body's name (apart by spaces or not)
    for at in range(len(text) - 4, 1, -1):
        if text[at - 1] != " " and not text[at].isdigit() and text[at] not in NUM + "〇○Ｏ０１２":
            continue
        date = _signature_date(text[at:])
        name = text[:at].strip()
        if date is not None and name and _is_issuer(_SEAL_MARK.sub("", name).strip()):
            return _Signed(issuer=_SEAL_MARK.sub("", name).strip(), date=date)
    return None


# A transcribed speech's closing line: its date and the editor's note in brackets, in either order
# (「（2025年1月15日，根据录音整理）」, 「（根据讲话录音整理，2025年1月15日）」).
_TRANSCRIBED = re.compile(r"(?:根据|据)?(?:讲话)?录音整理|有删节|略有删节|未经本人审阅|经本人审阅")


def _transcribed_on(text: str) -> str | None:
    """The date of a closing line that gives nothing but a date and an editor's note, in brackets."""
    inner = re.fullmatch(r"\s*[（(](.+)[）)]\s*", text)
    if inner is None or not _TRANSCRIBED.search(inner[1]):
        return None
    rest = re.sub(r"[，,；;\s]+", " ", _TRANSCRIBED.sub(" ", inner[1])).strip()
    return parse_date(rest) if rest and " " not in rest else None


@dataclass
class _AfterBody:
    start: int
    listed: list[ParsedLine]
    notes: list[ParsedLine]


def _after_body(lines: list[ParsedLine], end: int) -> _AfterBody:
    """The 附件说明 (its 「附件：」 line and the items under it) and 附注 lines that end `lines[:end]`."""
    start = position = end
    noted: set[int] = set()  # the 附注 lines among them
    while position > 0 and lines[position - 1].kind in _PLAIN:
        text = lines[position - 1].text
        if _is_annotation(text) or _continues_contact(lines, position - 1):
            start = position - 1
            noted.add(start)
        elif _ATTACHMENT_LIST.match(text):
            start = position - 1
        elif not (_LIST_ITEM.match(text) and len(text) <= _MAX_LIST_ITEM and not _SENTENCE_END.search(text)):
            break
        position -= 1
    if start > 0 and _is_heading_line(lines[start - 1]):
        # 「四、联系方式」 over 「联系人：…」 before the signature: the contact is that section's text, not a
        # 附注 (taken as one, it left its heading over nothing: heading lost, the contact cited as 附注)
        while start < end and start in noted:
            noted.discard(start)
            start += 1
    notes = [lines[i] for i in range(start, end) if i in noted]
    return _AfterBody(
        start, [line for i, line in enumerate(lines[start:end], start) if i not in noted], notes
    )


def _is_heading_line(line: ParsedLine) -> bool:
    """A heading: a heading block, or a plain line numbered as a first- or second-level heading
    (「四、联系方式」「（二）报名方式」) that holds no sentence."""
    if line.kind == "heading":
        return True
    text = line.text
    return (
        line.kind in _PLAIN
        and bool(_HEADING_1.match(text) or _HEADING_2.match(text))
        and len(text) <= _MAX_LIST_ITEM
        and not _SENTENCE_END.search(text)
    )


def _is_annotation(text: str) -> bool:
    # 「（2024年3月13日）」 and 「（2024年3月13日，根据录音整理）」 are dates
    return bool(_ANNOTATION.match(text)) and parse_date(text) is None and _transcribed_on(text) is None


def _continues_contact(lines: list[ParsedLine], at: int) -> bool:
    """Whether line `at` is a further contact of a 「联系人：」 line above it: 「市档案馆征集编研科  唐建国，电话：…。」
    under 「联系人：局办公室  何晓梅，电话：…；」 (only such lines between them)."""
    while at > 0 and _CONTACT_MORE.match(lines[at].text) and not _CONTACT.match(lines[at].text):
        at -= 1
        if lines[at].kind not in _PLAIN:
            return False
        if _CONTACT.match(lines[at].text):
            return True
    return False


def _split_attachments(lines: list[ParsedLine], listed: Sequence[ParsedLine] = ()) -> list[list[ParsedLine]]:
    """The attachments, each from the line heading it (`listed`: the 附件说明's lines, whose titles a label
    may run into: 「附件2名单」). A mail's own cards and event, read before its attachments, are each a section
    of their own; an attached message's card (「发件人签名」 under 「附件：…」) stays in its attachment."""
    groups: list[list[ParsedLine]] = []
    attached = False  # an attachment opened: a mail label below it is the attached message's own
    for line in lines:
        label = line.kind != _TABLE_ROW and line.text.strip() in _MAIL_LABELS
        opens = not label and (
            not groups
            or (
                line.kind != _TABLE_ROW
                and (_opens_attachment(line.text) or _listed_heading(line.text, listed))
            )
        )
        if opens or (label and not attached):
            groups.append([])
        attached = attached or opens
        groups[-1].append(line)
    return groups


def _attachment_paragraphs(lines: list[ParsedLine], listed: Sequence[ParsedLine] = ()) -> list[Paragraph]:
    """An attachment's paragraphs under its label and title: 「附件1 2024年重阳节走访慰问对象名单」 (`listed`:
    the 附件说明's lines, naming the titles a label may run into: 「附件课程安排」)."""
    label, rest = re.sub(r"\s+", "", lines[0].text).rstrip("：:"), lines[1:]
    if label in (SIGNATURE_LABEL, QUOTED_SIGNATURE_LABEL):  # a sender's card: its lines one paragraph
        return [Paragraph(text="　".join(line.text.strip() for line in rest), section=label)] if rest else []
    if heading := _ATTACHMENT_HEADING.match(lines[0].title_text):  # 「附件：离休干部体检实施办法」
        label = f"{''.join(heading['label'].split())} {heading['title'].strip()}"
        if not rest:
            return [Paragraph(text=heading["title"].strip(), section=label)]
    elif named := _listed_heading(lines[0].text, listed):  # 「附件　课程安排」, read 「附件课程安排」
        label = f"{named[0]} {named[1]}"
    elif rest and rest[0].kind != _TABLE_ROW and _is_attachment_title(rest[0].text):
        if len(rest) == 1:  # an attachment of a title only
            return [Paragraph(text=rest[0].title_text, section=label)]
        label, rest = f"{label} {rest[0].title_text}", rest[1:]
    signed = _read_signature(rest).signature
    if signed is None or not _holds_sentence(rest[: signed[0]]) or _under_heading(rest, signed[0]):
        return _under_label(_paragraphs(rest), label)
    # the attachment's own 落款 (「溧岚县志愿服务联合会」 over 「2034年4月25日」): its closing lines, one passage
    # under the attachment's label, never run into its last section's sentence; what follows it (a 附注)
    # after it
    start, end = signed
    closing = "　".join(part for line in rest[start:end] for part in _signature_parts(line.title_text))
    return [
        *_under_label(_paragraphs(rest[:start]), label),
        Paragraph(text=closing, section=label),
        *(_under_label(_paragraphs(rest[end:]), label) if end < len(rest) else []),
    ]


def _under_heading(lines: Sequence[ParsedLine], at: int) -> bool:
    """Whether line `at` stands straight under a heading (「二、联合主办单位」 over 「县委老干部局」, 「三、活动时间：」
    over 「2034年6月18日」): it is that section's content, never the attachment's 落款 (read as one, the
    heading was lost and its content cited as the attachment's closing)."""
    if at == 0:
        return False
    above = lines[at - 1]
    if above.kind == "heading":
        return True
    text = above.text.strip()
    # a numbered heading alone (「二、联合主办单位」, 「三、活动时间：」); not a sentence under its number
    # (「四、联系方式。…」) nor a field holding its value (「二、联系人：祁文斌」)
    return bool(_heading_level(text)) and not _SENTENCE_END.search(text) and not re.search(r"[：:].", text)


def _signature_parts(title_text: str) -> list[str]:
    """A 落款 line's parts as written apart: 「溧岚县书画协会　2034年5月26日」 (the spaces between them perhaps lost
    in reading: the body's name and the date after it told apart as the signature rule reads them)."""
    parts = title_text.split()
    signed = _signed_line(title_text) if len(parts) == 1 else None
    if signed is not None and signed.issuer and signed.date and parts[0].startswith(signed.issuer):
        return [signed.issuer, parts[0][len(signed.issuer) :]]
    return parts


def _under_label(paragraphs: Sequence[Paragraph], label: str) -> list[Paragraph]:
    """An attachment's paragraphs, each section under the attachment's label (「附件1 … › 一、…」)."""
    return [
        Paragraph(text=p.text, section=f"{label} › {p.section}" if p.section else label, kind=p.kind)
        for p in paragraphs
    ]


def _is_attachment_title(text: str) -> bool:
    """A title over an attachment: short, no sentence, no heading, no label waiting for its value (「姓名：」)."""
    return (
        len(text) <= _MAX_HEADING
        and not _SENTENCE_END.search(text)
        and not _heading_level(text)
        and not text.rstrip().endswith(("：", ":"))
        and not _LABELLED_LINE.match(text)  # 「是否参会：是　否」: a field, not a title
    )


@dataclass
class _Sections:
    """The heading path the current paragraph sits under: 一、, （一）, then up to two levels of points.

    Points of one kind (一是, 二是…) can hold points of another (一要, 二要…): the first kind met under
    a heading is the outer level, another kind nests inside it, so neither replaces the other.
    """

    path: list[str | None] = field(default_factory=lambda: [None, None, None, None])
    point_kinds: list[str | None] = field(default_factory=lambda: [None, None])
    caption: int | None = None  # the slot of `path` a numbered caption (「表1…」) holds, if one is open

    def enter(self, level: int, heading: str, *, caption: bool = False) -> None:
        """Open a section at `level` (1-4); a numbered `caption` titles its table's rows and is the parent of
        nothing: whatever heading or caption comes after it ends it, at any level."""
        self.end_caption()
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
        self.caption = level - 1 if caption else None

    def end_caption(self) -> None:
        """Close the numbered caption that is open, if one is: the sections around it stay as they were."""
        if self.caption is not None:
            self.path[self.caption] = None
            self.caption = None

    def leave(self, kind: str) -> None:
        """Close the point of this kind that is open (and what is under it): an item of a list that is no
        heading ends its sibling's section."""
        for index, open_kind in enumerate(self.point_kinds):
            if open_kind == kind:
                for deeper in range(index + 2, 4):
                    self.path[deeper] = None
                    self.point_kinds[deeper - 2] = None
                return

    def close(self, level: int, kind: str) -> None:
        """End the section a numbered line of this level (a point of this kind) would replace, and what is
        under it: a numbered sentence is body text of the section above it."""
        if level >= 3:
            self.leave(kind)
            return
        for deeper in range(level - 1, 4):
            self.path[deeper] = None
            if deeper >= 2:
                self.point_kinds[deeper - 2] = None

    def current(self) -> str | None:
        parts = [p for p in self.path if p]
        return " › ".join(parts) if parts else None


# A printed title naming only the kind of document — 「通　　知」 letter-spaced over a short notice, 「通报」,
# 「函」 — says nothing of which one it is; the file's name, when it names that kind together with what it
# is about (「春节走访慰问通知（定稿）.docx」), does. What the name says beyond the kind word counts only when it
# is the notice's own content (a run of three Han characters of it found in the body): 「副本 通知」, 「最新通知」,
# 「微信通知」, 「第3号通知」 say something of the file, not of the notice. Bracketed notes and numbering or dates
# at either end of the name (「（定稿）」「(1)」「01-」「20360110」) are the file's; a bracket holding words of the
# notice (「春节走访慰问通知（关于做好春节走访）」) is not a note, and such a name is not used.
_KIND_ONLY = re.compile(
    r"(?:紧急|补充|重要)?(?:通知|通报|公告|通告|请示|报告|批复|函|决定|意见|启事|倡议书|公函|便函|复函)"
)
_NAME_NOTE = re.compile(r"\s*[（(【\[〔]([^（(【\[〔）)】\]〕]{1,10})[）)】\]〕]\s*$")
_NAME_LEAD_NOTE = re.compile(r"^\s*[（(【\[〔]([^（(【\[〔）)】\]〕]{1,10})[）)】\]〕]\s*")
_NAME_LEAD_NUMBER = re.compile(r"^\s*[0-9０-９]+(?:[-_.、．\s]+|(?=[^0-9０-９年月日号]))")
_CONTENT_RUN = 3  # Han characters in a row that make a name's words the notice's own


def _said_in(text: str, body: str) -> bool:
    """Whether `text` holds a run of ``_CONTENT_RUN`` Han characters found in `body`."""
    return any(
        run[i : i + _CONTENT_RUN] in body
        for run in re.findall(f"[{HAN}]{{{_CONTENT_RUN},}}", text)
        for i in range(len(run) - _CONTENT_RUN + 1)
    )


def _named_by_file(title: str, source: str, body: str, issuer: str | None = None) -> str:
    """`title`, or the name of the file `source` when `title` names only the kind of document and the
    name names that kind with what the notice `body` (sent by `issuer`) is about (see ``_KIND_ONLY``)."""
    bare = re.sub(r"\s+", "", title)
    if not _KIND_ONLY.fullmatch(bare):
        return title
    stem, notes = Path(source).stem.strip(), []
    while True:
        if note := _NAME_NOTE.search(stem) or _NAME_LEAD_NOTE.match(stem):
            notes.append(note.group(1))
            stem = (stem[: note.start()] + stem[note.end() :]).strip()
        elif number := _NAME_LEAD_NUMBER.match(stem):
            stem = stem[number.end() :].strip()
        else:
            break
    compact = re.sub(r"\s+", "", body)
    if issuer:  # the issuer's name says who sent the notice, not which notice it is (「老干部局通知」)
        compact = compact.replace(re.sub(r"\s+", "", issuer), "")
    # a bracket of more than a short note's words (「定稿」「最终版」), or of the notice's, is not the file's note
    if any(re.search(f"[{HAN}]{{{_CONTENT_RUN + 1},}}", note) or _said_in(note, compact) for note in notes):
        return title
    named = re.sub(r"\s+", "", stem)
    if named.endswith(bare) and _said_in(named[: -len(bare)], compact):
        return stem
    return title


def _titled_by_file(speeches: list[Speech], source: str) -> list[Speech]:
    """A document's one speech titled by its file's name (see ``_named_by_file``); a file of several
    speeches names none of them."""
    if len(speeches) != 1:
        return speeches
    [speech] = speeches
    body = "".join(p.text for p in speech.paragraphs)
    title = _named_by_file(speech.title, source, body, speech.issuer)
    if title == speech.title:
        return speeches
    paragraphs = tuple(
        replace(p, section=title) if p.section == speech.title else p for p in speech.paragraphs
    )
    return [replace(speech, title=title, paragraphs=paragraphs)]


def _parse_speech(
    source: str,
    ordinal: int,
    label: str | None,
    lines: list[ParsedLine],
    *,
    sent: str | None = None,
    introduced: str | None = None,
) -> Speech | None:
    if not lines and not label:
        return None
    marker_match = _COMPILATION_MARKER.match(label) if label else None
    marker_title = marker_match.group(1).strip() if marker_match else None
    lines = _title_in_heading([line for line in lines if not _SITE_PATH.match(line.text)])
    while lines and (_SITE_FOOTER.match(lines[-1].text) or _POST_COUNTERS.fullmatch(lines[-1].text.strip())):
        lines = lines[:-1]
    points = counted_points("\n".join(line.text for line in lines))
    cover = _cover_end(lines, points)
    cover_date = next((d for line in lines[:cover] if (d := parse_date(line.text))), None)
    lines = lines[cover:]
    # a received document behind its routing slip (收文处理笺): the slip names the document, its rows a part
    slip = routing_slip([line.title_text for line in lines], [line.kind for line in lines])
    if slip is not None:
        lines = lines[slip.end :]
    header = _read_header(lines, marker_title, points)
    # the page's own printed title wins, as its 文号 does; the slip's 文件标题 (kept in the slip's rows) when it has none
    title = header.title or (slip.title if slip else None)
    if title is None:
        title = marker_title or Path(source).stem
    elif marker_title and _same(title, marker_title):
        title = marker_title
    body = lines[header.body_start :]
    if header.first_line is not None and body:
        body[0] = ParsedLine(text=header.first_line, title_text=header.first_line, kind=body[0].kind)
    signer, copies = None, ()
    if header.gongwen:
        body, signer, copies = _gongwen_tail(body)
    tail = _read_tail(body)
    minutes = any(_MINUTES.search(name) for name in (title, header.masthead or "", marker_title or ""))
    paragraphs = _paragraphs(tail.body, header.label, points, minutes=minutes)
    if not paragraphs:
        return None
    if tail.closing:  # a letter's or a speech's signer over its date: a passage of its own, the post kept
        paragraphs.append(Paragraph(text=tail.closing, section=None))
    if header.article and header.masthead and header.issue and _holds_articles(paragraphs):
        # an issue of several articles, each under its headline: titled by the periodical's name and issue
        # (「银龄简讯 2027年第3期」), the first headline heading its article's paragraphs as the others do
        lead = next((n for n, p in enumerate(paragraphs) if p.section is not None), len(paragraphs))
        paragraphs[:lead] = [replace(p, section=title) for p in paragraphs[:lead]]
        title = f"{header.masthead} {header.issue}"
    if tail.attachment_list and not tail.attachments:  # attachments in the file carry their own titles
        listed = " ".join(line.text for line in tail.attachment_list)
        paragraphs.append(Paragraph(text=listed, section=ATTACHMENT_SECTION))
    paragraphs += [Paragraph(text=line.text, section="附注") for line in tail.notes]
    if header.contacts:  # a Taiwan 公文's address and contact lines, one passage as a mainland 联系人 line is
        paragraphs.append(Paragraph(text="；".join(header.contacts), section="附注"))
    for attachment in tail.attachments:
        paragraphs += _attachment_paragraphs(attachment, tail.attachment_list)
    issuer, date = tail.issuer, tail.date
    # a form (its body mostly a table's rows): its rows under no heading (「捐赠人姓名；于振声」) are cited under
    # the form's title, as a table's rows are under their heading
    if 2 * sum(p.kind == "table_row" for p in paragraphs) > len(paragraphs):
        paragraphs = [
            replace(p, section=title) if p.kind == "table_row" and p.section is None else p
            for p in paragraphs
        ]
    paragraphs = _under_form_subject(paragraphs)
    if slip is not None:  # the slip's rows, under its heading, before the document it carries
        section = slip.heading or _SLIP_SECTION
        paragraphs[:0] = [Paragraph(text=line, section=section, kind=_TABLE_ROW) for line in slip.lines]
    speech = Speech(
        title=title,
        subtitle=header.subtitle,
        # a date line, the signature's, an approval's, the cover's, then the day a saved e-mail was sent
        date=header.date or date or header.adopted or cover_date or _field_date(paragraphs, title) or sent,
        speaker=header.speaker or signer or tail.signer or _speaker_in_title(title) or introduced,
        source=source,
        ordinal=ordinal,
        label=label,
        paragraphs=tuple(paragraphs),
        doc_number=header.doc_number or (slip.doc_number if slip else None),
        issuer=_issuers_apart(header.issuer, issuer)
        or header.letterhead
        or _gongwen_organ(header, title)
        or (slip.issuer if slip else None)
        or _card_issuer(paragraphs),
        addressee=header.addressee,
        imprint=(*header.head_fields, *copies, *_imprint_fields(tail.imprint)),
    )
    head = head_paragraph(speech)
    return speech if head is None else replace(speech, paragraphs=(head, *speech.paragraphs))


def _card_issuer(paragraphs: Sequence[Paragraph]) -> str | None:
    """The unit a saved e-mail's sender signed with (its 「发件人签名」: 「中共溧岚县委老干部局组织科　宁海燕」 →
    「中共溧岚县委老干部局组织科」): the mail's issuer when the notice it carries names none."""
    card = next((p.text for p in paragraphs if p.section == SIGNATURE_LABEL), None)
    return card_unit(card) if card else None


def _gongwen_organ(header: _Header, title: str) -> str | None:
    """The organ a Taiwan 公文 names in its title, before its kind (「臺中市銀髮族休閒協會　函」 → the 協會)."""
    found = _GONGWEN_KIND.match(title) if header.gongwen else None
    return " ".join(title[found.start("organ") : found.end("organ")].split()) if found else None


_NAME_LABEL = re.compile(rf"^[{HAN}]{{0,6}}姓名$")  # 「姓名」「捐赠人姓名」「申请人姓名」


def form_subject(rows: Sequence[str]) -> str | None:
    """The person a form is about: the value of its first field labelled …姓名 (「捐赠人姓名；于振声」, or in a
    row of several fields 「姓名；赵桂兰；性别；女」, or as a form's labels and values are read, 「姓名：赵桂兰；
    性别：女」) when it is shaped as a name (a surname, 2–5 characters). A form's rows are fields, each label
    in one row only (a table whose head labels its cells — 「姓名：赵桂兰；体检日期：…」 in every row, one
    person a row — is no form: each row names its own person)."""
    split = [[cell.strip() for cell in row.split("；")] for row in rows]
    labels = [cell.split("：", 1)[0] for cells in split for cell in set(cells) if "：" in cell]
    if len(set(labels)) != len(labels):
        return None
    for cells in split:
        pairs = [tuple(cell.split("：", 1)) for cell in cells if "：" in cell]
        if not pairs:
            pairs = list(pairwise(cells))
        for label, value in pairs:
            if _NAME_LABEL.match(label) and name_parts(to_simplified(value)) is not None:
                return value
    return None


def _under_form_subject(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A form's rows, each a passage of its own, cited under the person the form is about as well as their
    section: 「物品名称；搪瓷茶缸、工作笔记本、水文测量皮尺」 under 「…捐赠登记表 › 于振声」. A row said nothing of
    whose it is, and a question naming the person (「于振声捐赠了哪些老物件？」) found no row but the name's.
    The rows stay apart (merging them was measured worse, docs/cold15.md); the lexical index reads the
    section with the text, the dense one the text alone, so the row's text and vector are unchanged."""
    out = list(paragraphs)
    start = 0
    while start < len(out):
        if out[start].kind != "table_row":
            start += 1
            continue
        end = start
        while end < len(out) and out[end].kind == "table_row" and out[end].section == out[start].section:
            end += 1
        subject = form_subject([p.text for p in out[start:end]])
        if subject is not None and end - start >= 2:
            section = out[start].section
            under = f"{section} › {subject}" if section else subject
            out[start:end] = [replace(p, section=under) for p in out[start:end]]
        start = end
    return out


def _issuers_apart(masthead: str | None, signed: str | None) -> str | None:
    """The issuing bodies: the masthead's, or the signature's when it names the same bodies apart. A joint
    masthead set in Word's 「双行合一」 prints its two names squeezed into one run, split at its middle by Word
    and LibreOffice (「黛川市委老干部局黛 / 川市卫生健康委员会」): where one name ends is not on the page, and
    the two were read as one body. The signature under the text names them with a space between
    (「黛川市委老干部局 黛川市卫生健康委员会」): the same characters, now two bodies (「、」 apart when cited)."""
    if (
        masthead
        and signed
        and len(signed.split()) > len(masthead.split())
        and "".join(masthead.split()) == "".join(signed.split())
    ):
        return signed
    if masthead and signed and _names_each(signed, masthead):
        # the 落款 names every body of the masthead, in full (GB/T 9704 lets a masthead use a body's short
        # name: 「汀岚县委老干部局文件」 signed 「中共汀岚县委老干部局」) or with the bodies a joint document's
        # masthead left out (联合行文 under the lead body's masthead alone: signed by each body)
        return signed
    return masthead or signed


def _names_each(signed: str, masthead: str) -> bool:
    """Whether each body the masthead names is one the signature names, as written or in a longer form
    ending in it (「中共汀岚县委老干部局」 for 「汀岚县委老干部局」), the signature naming no fewer bodies. A name
    going on past it is another body (「…老干部局办公室」, the bureau's office): the masthead's stays."""
    names = [to_simplified(name) for name in signed.split()]
    heads = [to_simplified(name) for name in masthead.split()]
    return len(names) >= len(heads) and all(any(name.endswith(head) for name in names) for head in heads)


def _field_date(paragraphs: Sequence[Paragraph], title: str = "") -> str | None:
    """The date of a form with neither a date line nor a signature: the last of its fields whose label names a
    date (ending 日期 or 时间: 「填表日期」「接收日期」「申请时间」) and whose value is a date and nothing else —
    a line 「填表日期：2026年9月10日」, or in a table's row a cell so labelled and the cell after it
    (「核稿；邵雨桐；拟稿日期；2026年4月7日」), a form's own date standing at its foot; a person's dates
    (出生日期, 入党时间) are not the form's. A line or cell of several fields is read field by field
    (「制表人：王丽 制表日期：2027年4月26日」). Nor is a list's column: a label heading a cell among others in
    two rows running, or in a row numbered by its 序号 (「体检日期：2027-05-08」 in every row of a 体检名单, even a
    list of one person; 「上课日期」 in a course table's) dates each
    row, not the list — before, a workbook of rows was dated by its last row. A list with no such field is
    dated by a bare date under its rows (its 落款's, 「2027年4月25日」), else by a full date its title gives
    (「离休干部体检安排（2027年6月1日）」), else not at all."""
    found = None
    # each row's 「label：value」 fields, and its cells two by two (a label cell, the value beside it)
    rows: list[tuple[list[tuple[str, str]], list[tuple[str, str]]]] = []
    bare = None  # a bare date under a list's rows: its 落款's
    for paragraph in paragraphs:
        if paragraph.kind == "table_row":
            cells = [c.strip() for c in re.split(r"[；;]", paragraph.text)]
        elif _LABELLED_LINE.match(paragraph.text.strip()):
            cells = [paragraph.text.strip()]
        else:
            continue
        labelled = [field for cell in cells for field in _fields(cell)]
        values = [value for _, value in labelled] if labelled else cells
        if len(values) == 1 and is_date_line(values[0]):
            bare = read_date(values[0]) or bare
        # (a foot row read under the table's head: 「序号：制表人；姓名：王丽；体检日期：制表日期；…：2027年4月26日」)
        rows.append((labelled, [*itertools.pairwise(cells), *itertools.pairwise(values)]))
    heads = [{label.strip() for label, _ in labelled} if len(labelled) > 1 else set() for labelled, _ in rows]
    columns = {  # a label among others in a row: a column when it heads two rows running
        label for above, below in itertools.pairwise(heads) for label in above & below
    } | {  # or a row numbered by a 序号 column (a list of one person; a form's foot row has no number)
        label for row in heads if row & _ROW_NUMBER_LABELS for label in row
    }
    listed = False  # whether a column of dates was passed over: the document is a list
    for labelled, paired in rows:
        for label, value in [*labelled, *paired]:
            label = label.strip()
            if _DATE_LABEL.match(label) and not _LIFE_EVENT.match(label):
                if label not in columns:
                    found = read_date(value) or found
                else:
                    listed = True
    if found is None and listed:
        titled = _FULL_DATE.search(title)
        return bare or (read_date(titled.group()) if titled else None)
    return found


def _fields(cell: str) -> list[tuple[str, str]]:
    """A cell's or line's 「label：value」 fields, several in one (「制表人：王丽 制表日期：2027年4月26日」)."""
    marks = list(re.finditer(r"([^\s：:；;，,。]{0,11}[^\s：:；;，,。\d])\s*[：:]\s*", cell))
    return [
        (mark.group(1), cell[mark.end() : after.start() if after else len(cell)].strip())
        for mark, after in itertools.zip_longest(marks, marks[1:])
        if mark is not None
    ]


# a list's numbering column
_ROW_NUMBER_LABELS = frozenset({"序号", "编号", "序"})
# a full date in a title: 「（2027年6月1日）」
_FULL_DATE = re.compile(rf"{YEAR}\s*年\s*[{NUM}\d]{{1,2}}\s*月\s*[{NUM}\d]{{1,3}}\s*日")


# A periodical's issue on its cover: 「（2024年第3期）」, 「第3期」, 「2024年第3期（总第45期）」.
_ISSUE = re.compile(
    rf"^[（(〔［\[]?\s*(?:{YEAR}\s*(?:年|[〕］\]）)])\s*)?(?:总\s*)?第\s*[{NUM}\d]+\s*期"
    rf"(?:\s*[（(]\s*总\s*第\s*[{NUM}\d]+\s*期\s*[）)])?\s*[）)〕］\]]?$"
)
_MAX_COVER = 10  # lines a cover page holds at most
_ISSUE_OPENS = re.compile(_ISSUE.pattern.removesuffix("$"))


@dataclass(frozen=True)
class _Issue:
    issue: str  # 「2027年第6期（总第58期）」
    office: str | None  # 「中共桐溪市委老干部局」 of 「…老干部局编」
    date: str | None


def _issue_line(text: str) -> _Issue | None:
    """A periodical's issue line: the issue (「第5期」, 「2027年第6期（总第58期）」), then perhaps, side by side,
    the office that edits it and the day the issue came out (「中共桐溪市委老干部局编　2027年6月18日」) or the
    day alone (「第12期　2027年3月」). None for any other line (「第3期简报」)."""
    found = _ISSUE_OPENS.match(text)
    if found is None:
        return None
    issue, rest = found.group().strip(), text[found.end() :].strip()
    if not rest:
        return _Issue(issue, None, None)
    if (date := read_date(rest)) is not None:
        return _Issue(issue, None, date)
    if (edited := _issuer_dated(rest)) is not None:
        return _Issue(issue, *edited)
    office = _EDITED_BY.sub("", rest).strip()
    if office != rest and _is_issuer(office):
        return _Issue(issue, office, None)
    return None


def _holds_articles(paragraphs: Sequence[Paragraph]) -> bool:
    """Whether a periodical's body goes on to other articles: a section under a headline that is not
    numbered (「春季义诊走进老干部活动中心」), as the first article's headline was — not a numbered part
    (「一、」「（二）」) of the one article."""
    return any(p.section and not _heading_level(p.section.split(" › ")[0]) for p in paragraphs)


def _cover_end(lines: list[ParsedLine], points: frozenset[tuple[str, int]]) -> int:
    """How many lines at the top are a cover page over the speech (0 when there is none): lines holding no
    sentence, among them a date, an issue (「（2024年第3期）」) or a mark (「内部资料」), over a speech's own
    head — a title with its speaker or date in the lines under it. The last such title is the speech's
    (a bulletin's name over its issue and date is one too), or the line before it when the title wraps.
    Before, the cover was read as the speech's header: the bulletin's name was the title, the cover's
    date the speech's, and the speech's own title, speaker and date ran into its first paragraph."""
    end = 0
    marked = [False]  # whether lines[:n] hold a date, an issue or a mark
    for at, line in enumerate(lines[: _MAX_COVER + 1]):
        if at and marked[at] and _opens_speech_head(lines, at, points):
            end = at
        if not _on_cover(line, points):
            break
        text = line.text
        marked.append(
            marked[at] or bool(is_date_line(text) or _ISSUE.match(text) or _HEAD_MARKS.fullmatch(text))
        )
    if end > 1 and _title_wraps_onto(lines[end - 1].text, lines[end].text) and marked[end - 1]:
        end -= 1
    return end


def _on_cover(line: ParsedLine, points: frozenset[tuple[str, int]]) -> bool:
    """A line a cover page may hold: short, no sentence, and none of a speech's or a notice's own head
    (a letterhead 「…文件」, a 文号, a speaker, a salutation or addressee, a subtitle, a heading)."""
    text = line.text
    return (
        line.kind in ("", "paragraph", _LINE, "title")
        and len(text) <= _MAX_HEADER_LINE
        and not _SENTENCE_END.search(text)
        and not _heading_level(text, points)
        and not _LEADS_IN.search(text)
        and not _SUBTITLE.match(text)
        and not _LETTERHEAD.match(line.title_text)
        and _doc_number(text) is None
        and not is_field_line(line.title_text)
        and not DATELINE.match(text)
        and _speaker_line(line.title_text) is None
    )


def _opens_speech_head(lines: list[ParsedLine], at: int, points: frozenset[tuple[str, int]]) -> bool:
    """Whether lines[at] is a speech's title with its speaker or date under it (a title wrapped onto the next
    line, or a subtitle, may come between): in the Title style, or naming its kind (「…上的讲话」), or right
    over its speaker."""
    line = lines[at]
    text = line.text
    if (
        line.kind not in ("", "paragraph", "title")
        or not _on_cover(line, points)
        or is_date_line(text)
        or _ISSUE.match(text)
        or _HEAD_MARKS.fullmatch(text)
        or _is_issuer(line.title_text)
        # 「汇报单位：县民政局」 over 「报告人：…」 is the report's own head under its title, never a title itself
        # (a cover may hold it: 「汇报单位：县委老干部局」 over the cover's date, the report's title after them)
        or _presenting_unit(line.title_text) is not None
    ):
        return False
    under = lines[at + 1 : at + 5]
    titled = line.kind == "title" or bool(_DOC_KIND.search(text)) or text.startswith(("在", "关于"))
    if not titled and not (under and _speaker_line(under[0].title_text)):
        return False
    for below in under:
        if _speaker_line(below.title_text) or parse_date(below.text) or _date_beside_name(below.title_text):
            return True
        if _SENTENCE_END.search(below.text) or _heading_level(below.text, points) or below.kind == "heading":
            return False
    return False


# A web page's navigation path over a notice copied from a site (「首页 > 通知公告」, 「当前位置：首页 > 信息公开 >
# 正文」): neither title nor body.
_SITE_PATH = re.compile(
    r"^(?:(?:当前位置|您的位置|您现在的位置|所在位置|位置)\s*[：:]\s*)?(?:首页|主页|网站首页)"
    r"(?:\s*[>＞»›→]\s*[^>＞»›→。！？；]{1,20}){1,6}$"
)


# The foot of a web page under a notice copied with it (「版权所有：中共某某市委老干部局　地址：……」).
# (Not 「主办单位：」: an event's notice may end with its organisers.)
# A post's byline under its title (a WeChat article, a news site): whatever names the author and the
# account, then the date with the time of posting, 「原创 市委老干部局 青山老干部 2025-04-02 08:30 发表于浙江」.
_BYLINE = re.compile(
    r"(?<![0-9])(?P<when>(?:19|20)\d{2}(?:[-./]\d{1,2}[-./]\d{1,2}|年\d{1,2}月\d{1,2}日))\s*[0-2]?\d[:：][0-5]\d(?![0-9])"
)
# What WeChat prints under an article, copied with it: 「阅读 1234」, 「在看 12」, 「赞 8」, 「写留言」.
_POST_COUNTERS = re.compile(
    r"(?:(?:阅读|在看|点赞|赞|分享|推荐|收藏|留言|写留言|喜欢此内容的人还喜欢)\s*(?:\d[\d,]*|\d+(?:\.\d+)?万\+?|10万\+)?\s*)+"
)
_SITE_FOOTER = re.compile(r"^(?:版权所有|copyright|©|技术支持[：:]|网站标识码|.{0,12}ICP备)", re.I)


def _title_in_heading(lines: list[ParsedLine]) -> list[ParsedLine]:
    """A Word file with no Title whose first line is a heading above all the others (its level the only
    one of its kind, the rest lower: the title set in 「标题 1」 over 「标题 2」 sections, as a web page's
    h1 over its h2s converts) has its title there, not a section named by it over the whole text. A
    numbered heading (「一、总体要求」) is a section still, and a compilation's titles are many."""
    first = next((n for n, line in enumerate(lines) if line.text), None)
    if first is None or lines[first].kind != "heading" or any(line.kind == "title" for line in lines):
        return lines
    top = lines[first]
    if _heading_level(top.text) or any(
        line.kind == "heading" and line.level <= top.level for line in lines[first + 1 :]
    ):
        return lines
    return [*lines[:first], replace(top, kind="title"), *lines[first + 1 :]]


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s", "", a) == re.sub(r"\s", "", b)


# A 会议纪要 (minutes), by its title or its masthead: 「局长办公会议纪要」, 「党组会议记录」.
_MINUTES = _Folded(r"纪\s*要|会议记录|记\s*要$")
# Who attended a meeting, a line each: 「出席：周卫东、李红梅」「列席人员：张晓燕（离休干部服务处）」「记录：陈静」.
_ATTENDANCE = _Folded(
    r"^(?:出\s*席|列\s*席|缺\s*席|请\s*假|记\s*录|主\s*持|参\s*会)(?:人员|人|同志|领导)?\s*[：:]\s*(?P<names>\S.*)$"
)


def _attendance(text: str) -> bool:
    found = _ATTENDANCE.match(text)
    return bool(found and _is_name_list(found.group("names")))


def _paragraphs(
    lines: list[ParsedLine],
    label: str | None = None,
    points: frozenset[tuple[str, int]] | None = None,
    *,
    minutes: bool = False,
) -> list[Paragraph]:
    """Rejoin broken paragraphs, lift headings into section metadata, drop salutations.

    A numbered heading that is one short sentence (「（一）加强离退休干部党的建设。」) is body text: it
    leads the paragraph that follows it in its section, or stands alone when the next line starts
    another section (numbered one-sentence items in a row).

    In minutes, the 出席/列席/记录 lines (a block of them, wherever it stands) are one paragraph under
    ATTENDANCE_SECTION, 「；」 between them: before, they ran into one another under the last item agreed.
    """
    sections = _Sections()
    if label:
        sections.enter(1, label)
    out: list[Paragraph] = []
    apart: set[int] = set()  # the paragraphs of `out` (their ids) that a blank line stands above
    gapped: set[int] = set()  # of those, the ones a wider gap stands above (`ParsedLine.after_gap`)
    pending = ""  # a paragraph that has not ended yet (broken across a page)
    pending_section: str | None = None
    pending_leads = False  # the pending paragraph is a one-sentence numbered heading
    pending_apart = False  # a blank line stands above the pending paragraph
    pending_gap = False  # a wider gap stands above it
    lead: Paragraph | None = None

    def emit(paragraph: Paragraph | None, *, after_blank: bool = False) -> None:
        nonlocal lead
        if lead is not None:
            if paragraph is not None and paragraph.kind == "text" and paragraph.section == lead.section:
                after_blank = id(lead) in apart
                merged = Paragraph(text=lead.text + paragraph.text, section=paragraph.section)
                if id(lead) in gapped:
                    gapped.add(id(merged))
                paragraph = merged
            else:
                out.append(lead)
            lead = None
        if paragraph is not None:
            if after_blank:
                apart.add(id(paragraph))
            out.append(paragraph)

    def flush() -> None:
        nonlocal pending, lead
        if pending:
            paragraph = Paragraph(text=pending, section=pending_section)
            if pending_apart:
                apart.add(id(paragraph))
            if pending_gap:
                gapped.add(id(paragraph))
            if pending_leads and is_complete(pending):
                emit(None)
                lead = paragraph
            else:
                emit(paragraph, after_blank=pending_apart)
            pending = ""

    attending: list[str] = []  # the 出席/列席/记录 lines of minutes met last

    def attended() -> None:
        if attending:
            text = "".join(
                line if at + 1 == len(attending) or _SENTENCE_END.search(line) else line + "；"
                for at, line in enumerate(attending)
            )
            emit(Paragraph(text=text, section=ATTENDANCE_SECTION))
            attending.clear()

    lone = _lone_ordinals(lines)
    labelled = _labelled_items(lines, points)
    numbered_top = False  # a numbered top-level heading (一、, 第一章) has been met
    # How long a line of body text is here: a heading is far shorter (a piece of a wrapped sentence is not)
    sentence_lines = sorted(len(line.text) for line in lines if _SENTENCE_END.search(line.text))
    typical = sentence_lines[len(sentence_lines) // 2] if sentence_lines else 0
    for position, line in enumerate(lines):
        text = line.text
        if minutes and line.kind in ("", "paragraph"):
            if _attendance(text):
                flush()
                attending.append(text)
                continue
            if attending and attending[-1].endswith(("、", "，", ",")) and _is_name_list(text):
                attending[-1] += text  # a list of names wrapped onto the next line
                continue
        attended()
        if line.kind == "heading":
            flush()
            emit(None)
            sections.enter(min(max(line.level, 1), 3), _heading_label(line.title_text.strip()))
            continue
        if line.kind in (_TABLE_ROW, _LINE):  # a table's cells, labelled or as the line they print
            flush()
            emit(Paragraph(text=text, section=sections.current(), kind=_TABLE_ROW))
            continue
        if line.kind == _NOTE:  # a footnote: never joined to an unfinished paragraph or a fragment
            flush()
            emit(Paragraph(text=text, section=sections.current(), kind=_NOTE))
            continue
        if line.kind == _EQUATION:  # a display equation's row: a line of its own, joined to no neighbour
            flush()
            emit(Paragraph(text=text, section=sections.current(), kind=_EQUATION))
            continue
        level = numbered = _heading_level(text, points)
        if level and _enumerates(text, points):
            level = 0  # 「第1条，……。第2条，……。」: numbered sentences running on, not a heading
        if position in lone:
            level = 0  # 「最后，祝老同志们新春愉快！」 closing a speech: no series, so no point
        if (
            pending
            and level == 0
            and not line.after_blank
            and position not in labelled
            and not _SALUTATION.match(text)
            and not (_DOC_KIND.search(pending) and _addresses(text))  # a title's 主送 or salutation under it
            and not _another_field(lines, position, pending)
        ):
            pending += text
            pending_leads = False
            if is_complete(pending):
                flush()
            continue
        flush()
        if _SALUTATION.match(text):
            continue
        following = lines[position + 1] if position + 1 < len(lines) else None
        item = bool(level) and _list_item(lines, position, points)
        if item:
            # an item of a list (「1. ……。」「2. ……；」, Word's 「List Number」): body text under the section
            # the list is in, never a section of its own
            sections.leave(_point_kind(text))
            level = 0
        elif level and _is_standalone_heading(text) and not _heads_nothing(lines, position, points):
            emit(None)
            sections.enter(level, _heading_label(text))
            numbered_top = numbered_top or level == 1
            continue
        if not level and following is not None and _table_caption(text, following):
            # 「附表：2027年度建议采纳情况一览表」 over a table: its rows' section, not a line of the section before
            # (its label's colon kept it text, run into that section's last passage, the rows cited under it).
            # An appended table (附表) stands beside the sections; a numbered one (表2) within its own — never
            # above the heading it is under: under Word's 「标题 2」 headings (「一、…」 at level 2, none at 1)
            # a caption at level 1 held every later heading as a part of it (「§ 表1… › 二、名额分配」, cold35).
            # A numbered caption is the parent of nothing, wherever it falls (before the first heading too):
            # the next heading or caption ends it (「§ 表1… › 表2…」, review61b).
            emit(None)
            appended = text.startswith("附")
            level = 1 if appended or not numbered_top else 2
            if not appended:
                sections.end_caption()
                level = max([level, *(n + 1 for n in range(2) if sections.path[n] is not None)])
            sections.enter(min(level, 2), _heading_label(text), caption=not appended)
            continue
        if (
            not level
            and not item
            and following is not None
            and 2 * len(text) <= typical
            and _unnumbered_heading(text, following, points)
        ):
            emit(None)  # under numbered top-level headings, an unnumbered one is a part of its section
            sections.enter(2 if numbered_top else 1, _heading_label(text))
            continue
        if (
            level and (_sentence_item(lines, position, points) or _heads_nothing(lines, position, points))
        ) or (numbered and not level and position not in lone):
            # 「（二）每家医院安排2名导医，……。」 among its like, 「一是……，……。二是……」, 「第一，希望……，……。第二，
            # ……」: numbered sentences are body text of the section above them; they end the section a
            # sibling opened, and open none
            sections.close(numbered, _point_kind(text))
            if label and numbered == 1:
                sections.enter(1, label)
            level = 0
        elif level:
            # A run-in heading: the paragraph opens with its own heading sentence, and stays body text.
            sections.enter(level, _run_in_label(text))
        pending, pending_section, pending_apart = text, sections.current(), line.after_blank
        pending_gap = line.after_gap
        if not level and not numbered and position in labelled:
            # A label-led item (「🥬地块情况：……」 among its like): its label is its section, under the section it
            # is in, for this paragraph only — it is an item, not a heading over what follows it.
            emit(None)
            label_section = labelled[position]
            pending_section = f"{pending_section} › {label_section}" if pending_section else label_section
        pending_leads = bool(level) and len(text) <= _MAX_LEAD and len(_SENTENCE_END.findall(text)) == 1
        # a Word paragraph is whole: an item with no end mark does not run into what follows it
        if is_complete(pending) or ((item or position in labelled) and line.kind == "paragraph"):
            flush()
    flush()
    attended()
    emit(None)
    after = {n for n, paragraph in enumerate(out) if id(paragraph) in apart}
    hard = {n for n, paragraph in enumerate(out) if id(paragraph) in gapped}
    return _merge_fragments(out, apart=after, whole=_blocks_of_their_own(out, after, lines), hard=hard)


def _blocks_of_their_own(paragraphs: list[Paragraph], apart: set[int], lines: list[ParsedLine]) -> set[int]:
    """The paragraphs (their places) that stand as blocks of their own, however short: a blank line above
    each and above the next (or none after it in its section), in a text spaced that way throughout — a
    chat's messages (every line of the text the reader gave as blocks of their own), or a plain text whose
    every paragraph after the first has a blank line above it. A short message (「史家栋：收到」) is one, not a
    fragment folded into the message before it; a hard-wrapped line, with no blank line about it, is none."""
    text = [n for n, p in enumerate(paragraphs) if p.kind == "text"]
    plain = [line for line in lines if line.kind == ""]
    if len(text) < 2 or not plain:
        return set()
    if not all(line.parted for line in plain) and not all(n in apart for n in text[1:]):
        return set()
    whole = set()
    for n in text:
        following = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        ends = following is None or following.section != paragraphs[n].section or following.kind != "text"
        if n in apart and (ends or n + 1 in apart):
            whole.add(n)
    return whole


# Points counted in words: 首先，…其次，…最后， or 第一，…第二，…
_ORDINAL = re.compile(rf"^(?:首先|其次|再次|最后|第[{NUM}]+)[，,]")


def _lone_ordinals(lines: list[ParsedLine]) -> set[int]:
    """The lines opening with 首先/其次/再次/最后 that no other such line (nor 第二，…) answers between
    the same headings: 「最后，祝各位老同志节日快乐！」 ending a speech, 「首先，我代表市委…」 opening it.
    Those are running text, not points: a word only counts a point in a series."""
    lone: set[int] = set()
    group: list[int] = []

    def close() -> None:
        if len(group) == 1 and not lines[group[0]].text.startswith("第"):
            lone.add(group[0])
        group.clear()

    for position, line in enumerate(lines):
        if line.kind == "heading" or _heading_level(line.text) in (1, 2):
            close()
        elif line.kind != _TABLE_ROW and _ORDINAL.match(line.text):
            group.append(position)
    close()
    return lone


def _heading_level(line: str, points: frozenset[tuple[str, int]] | None = None) -> int:
    """1 for 第一章 and 一、, 2 for 第一节 and （一）, 3 for 第一条 and a numbered point; 0 for a line that is
    not numbered. A Chinese numeral and 则, 来, 要 or 方面 also make ordinary words (一则消息, 一来二去, 三要素,
    一方面): with `points` (the document's `counted_points`), such a line opens a point only when the
    document counts on with the same mark (一则……二则……), else it is a sentence like any other."""
    if _CHAPTER.match(line) or _HEADING_1.match(line):
        return 1
    if _SECTION_PART.match(line) or _HEADING_2.match(line):
        return 2
    if _ARTICLE.match(line):
        return 3
    if point := _POINT.match(line):
        key = _point_key(point.group())
        return 3 if points is None or key[0] not in _WORDLIKE_POINTS or key in points else 0
    return 0


def counted_points(text: str) -> frozenset[tuple[str, int]]:
    """The point marks of `text` that count: those whose neighbour in the count (二是 for 一是 or 三是, 其次 for
    首先, 另一方面 for 一方面, ② for ①) also opens a point somewhere in the text, at a line's start or
    after a sentence or clause mark. A Chinese numeral opening a line is otherwise a word (一则消息, 一来二去,
    三要素), and a lone 1. or （1） no list."""
    keys = {_point_key(mark.group()) for mark in _POINT_ANYWHERE.finditer(text)}
    return frozenset(
        (kind, n)
        for kind, n in keys
        if ((kind, n - 1) in keys or (kind, n + 1) in keys)
        or (kind == "序" and any(k == "序" and m != n for k, m in keys))
    )


def _point_key(mark: str) -> tuple[str, int]:
    """A point mark's kind and place in its count: 二是 → (是, 2), 第三， → (第, 3), （2） → ((1), 2),
    ② → (①, 2), 另一方面 → (方面, 2); 首先/其次/再次/最后 → (序, 0…3), whose order is not checked."""
    if mark.startswith(_ORDINAL_WORDS):
        return "序", _ORDINAL_WORDS.index(mark[:2])
    if mark.startswith("另"):
        return "方面", 2
    kind = _point_kind(mark)
    first = mark[0]
    if "\u2460" <= first <= "\u2473":
        return kind, ord(first) - 0x245F
    if "\u2776" <= first <= "\u277f":
        return kind, ord(first) - 0x2775
    if digits := re.search(r"\d+", mark):
        return kind, int(digits.group())
    numeral = re.search(rf"[{NUM}]+", mark)
    return kind, (numeral_value(numeral.group()) or 0) if numeral else 0


def _marker_kind(line: str) -> str:
    """What numbers a heading line: 第一章 → 章, 一、 → 、, （一） → （）, 第一节 → 节, else its point kind."""
    for kind, pattern in (("章", _CHAPTER), ("、", _HEADING_1), ("节", _SECTION_PART), ("（）", _HEADING_2)):
        if pattern.match(line):
            return kind
    return _point_kind(line)


_AFTER_SENTENCE = re.compile(r"(?<=[。！？!?；;])")


def _enumerates(line: str, points: frozenset[tuple[str, int]] | None = None) -> bool:
    """A numbered line that is running text, not a heading over what follows: an article number followed
    by a comma (「第1条，……」, how prose counts, where a rule book puts a space), or a line whose first
    sentence is too long to be a heading or runs in clauses (「一是各定点医疗机构要明确……，公布服务专线。
    二是……」, 「第一，希望老同志们多读书、读好书，……。第二，……」) and that holds a later sentence numbered the
    same way, or whose points are clauses of one sentence (「一是……；二是……。」). A short numbered sentence
    opening a paragraph of points (「二要细化实化精准化服务。……三要……」) still leads it, as in the bundled
    speeches."""
    if (article := _ARTICLE.match(line)) and line[article.end() : article.end() + 1] in ("，", ","):
        return True
    parts = _AFTER_SENTENCE.split(line)
    kind = _marker_kind(line)
    # points as clauses of one sentence (「一是……；二是……。」), or after a first sentence too long to be a
    # heading, are running text; a short point leading a paragraph of points (「二要细化实化精准化服务。……
    # 三要……」) still leads it
    return any(
        _heading_level(part, points)
        and _marker_kind(part) == kind
        and (before.endswith(("；", ";")) or len(parts[0]) > _MAX_LEAD or _clause_head(parts[0]))
        for before, part in pairwise(parts)
    )


def _point_kind(line: str) -> str:
    """What numbers a point: 一是 → 是, 第三， and 其次， → 第, 1. → 1, （1） → (1), ① → ①, 第一条 → 条."""
    if _ARTICLE.match(line):
        return "条"
    match = _POINT.match(line)
    marker = match.group() if match else ""
    if marker.startswith(("第", "首先", "其次", "再次", "最后")):
        return "第"
    if marker.startswith(("（", "(")):
        return "(1)"
    if marker and "\u2460" <= marker[0] <= "\u277f":
        return "①"  # before digits: str.isdigit() holds for ① too
    if any(ch.isdigit() for ch in marker):
        return "1)" if marker.endswith((")", "）")) else "1"
    return marker.lstrip(NUM)


def _list_item(lines: list[ParsedLine], position: int, points: frozenset[tuple[str, int]] | None) -> bool:
    """A numbered point (「1.」「（2）」「③」「二是」; not 一、, （一）, 第一条) that is an item of a list, body text
    and no heading (Word's 「List Number」 items are such lines).

    One sentence is an item when it is a clause of the list (ending in 「；」), too long for a heading, or
    in a row of points of its kind with no text between them. A line that is no sentence is an item when
    it is too long for a heading, when it heads nothing (the next line is a point of its kind, a heading
    above it, or the end), when it ends a row of such points (the point before it is a phrase of its kind:
    what follows closes the list), or when a point of its kind next to it is a sentence (an item whose mark was
    left off). A short one-sentence point over the paragraph it leads (「1. 加强组织领导。」), a short
    phrase over its paragraph (「4. 加强组织领导」) and a point opening a paragraph of several sentences
    (「一要持续深化学习教育。坚持学习不松劲。」) stay headings.
    """
    text = lines[position].text
    if _heading_level(text, points) != 3 or _ARTICLE.match(text):
        return False
    kind = _point_kind(text)

    def same_kind(line: ParsedLine | None) -> bool:
        return (
            line is not None
            and line.kind not in ("heading", _TABLE_ROW, _NOTE)
            and _heading_level(line.text, points) == 3
            and not _ARTICLE.match(line.text)
            and _point_kind(line.text) == kind
        )

    before = lines[position - 1] if position > 0 else None
    after = lines[position + 1] if position + 1 < len(lines) else None
    if _SENTENCE_END.search(text):
        if not _ONE_SENTENCE.fullmatch(text):
            return False  # a paragraph of sentences, or a sentence running on: a run-in heading or text
        return text.endswith(("；", ";")) or len(text) > _MAX_LEAD or same_kind(before) or same_kind(after)
    if text.endswith(("，", ",")):
        return False  # the first line of a wrapped sentence
    if len(text) > _MAX_LEAD:
        return True
    return (
        after is None
        or after.kind == "heading"
        or same_kind(after)
        or _heading_level(after.text, points) in (1, 2)
        # the last of a row of phrase points, before the text that closes the list (「3. 健康养生讲座」
        # then 「以上培训请……。」): the phrase before it heads nothing either
        or (before is not None and same_kind(before) and not _SENTENCE_END.search(before.text))
        or any(same_kind(n) and _ONE_SENTENCE.fullmatch(n.text) for n in (before, after) if n is not None)
    )


def _is_standalone_heading(line: str) -> bool:
    """A heading paragraph: short, and not a sentence (a numbered sentence is body text too)."""
    if len(line) > _MAX_HEADING or _SENTENCE_END.search(line):
        return False
    if _POINT.match(line) and not (_HEADING_1.match(line) or _HEADING_2.match(line)):
        return len(line) <= 50 and not line.endswith(("，", ","))
    return True


def _unnumbered_heading(text: str, following: ParsedLine, points: frozenset[tuple[str, int]] | None) -> bool:
    """A heading with no number, in a document that gives one paragraph a line (Word, PDF, a scan, an
    unwrapped text): a short line (at most half as long as the document's typical line of body text: a
    piece of a sentence wrapped at a width the reader did not recognise is as long as the lines around it)
    that is no sentence, after a paragraph that has ended, over body text
    longer than itself, or a numbered heading (「充分肯定过去一年的工作成绩」, a 「一、」 that OCR missed).
    Without this it was run into the first sentence under it. A date, a line ending in a connector or a
    comma (a sentence's first words), a label with a colon stay text."""
    if len(text) > _MAX_UNNUMBERED or _SENTENCE_END.search(text) or re.search(r"[：:]", text):
        return False
    if _CONNECTOR_END.search(text) or text.endswith(("，", ",", "、", "—", "…")) or parse_date(text):
        return False
    if following.kind == _TABLE_ROW or _heading_level(following.text, points):
        return True
    # Body text under it, longer than it: a piece of a sentence wrapped at a narrow width the reader did not
    # recognise is followed by the rest of its paragraph, never longer than itself, and stays joined to it.
    return bool(_SENTENCE_END.search(following.text)) and len(following.text) > len(text)


# A table's caption: 「附表」「附表2」「续表」 or 「表1」 (a number needed: 「表彰……」 is a word), then its title —
# after a colon, a space, or nothing (cleaning takes out the space between 「附表」 and 「2027年…」).
_TABLE_CAPTION = re.compile(rf"^(?:附表|续表|表\s*[{NUM}\d]+)")
_MAX_CAPTION = 40


def _table_caption(text: str, following: ParsedLine) -> bool:
    """A line that captions the table under it: a caption's label and number, no sentence, right over the
    table's first row."""
    return (
        following.kind == _TABLE_ROW
        and len(text) <= _MAX_CAPTION
        and bool(_TABLE_CAPTION.match(text))
        and not _SENTENCE_END.search(text)
    )


def _heading_label(line: str) -> str:
    """A standalone heading as a section label: 「第一章 总则」 keeps the space after its number."""
    return re.sub(rf"^(第[{NUM}\d]+(?:[章节编]|部分))(?=\S)", r"\1 ", line.rstrip("：: "))


# A numbered item headed by a short label before a colon (「三、参加对象：年满65周岁…」, 「（一）征集内容：…」,
# 「1. 报名方式：…」): the label (no sentence or clause mark in it) names the section. A colon between digits
# is a time's (「三、观演当晚6:40在…集合」), no label's: the item was headed 「三、观演当晚6」 (cold35).
_MAX_ITEM_LABEL = 10
_LABELLED_ITEM = re.compile(
    rf"^(?P<head>(?:[{NUM}]+、|[（(][{NUM}]+[）)]|{_POINT_MARK})\s*"
    rf"[^\s。！？!?；;，,、：:“”\"‘’「」（）()《》]{{2,{_MAX_ITEM_LABEL}}})\s*[：:]"
    r"(?<![0-9０-９][：:](?=[0-9０-９]))\s*\S"
)


# What numbers a line that can open a section, up to its first word (「第一，」's comma is the mark's).
_SECTION_MARK = re.compile(
    rf"^(?:第[{NUM}\d]+(?:[章编节]|部分)|[{NUM}]+、|[（(][{NUM}]+[）)]|{_POINT_MARK})[\s　]*"
)
_CLAUSE = re.compile(r"[，,]")


def _clause_head(line: str) -> bool:
    """Whether a numbered line's first sentence reads as a sentence of the text, not a heading: its words
    after the number run in clauses (「（二）每家医院安排2名导医，为高龄……提供全程陪同就诊服务。」, 「第一，
    希望老同志们多读书、读好书，把读书作为……。」) or run longer than a section label. A heading is short and
    has none (「（一）申报。」, 「（一）实行挂号、就诊、检查、取药“四优先”。」); a label before a colon
    (「（一）征集内容：……，……。」) and an article's number (「第三条 ……，……。」) name their section whatever
    follows."""
    if _ARTICLE.match(line) or _LABELLED_ITEM.match(line):
        return False
    end = _SENTENCE_END.search(line)
    if end is None:
        return False  # no sentence: a standalone heading (「一、提高政治站位，切实增强责任感」) or a wrap
    mark = _SECTION_MARK.match(line)
    head = line[mark.end() if mark else 0 : end.start()]
    return bool(_CLAUSE.search(head)) or len(head) > _MAX_SECTION_LABEL


def _sentence_item(lines: list[ParsedLine], position: int, points: frozenset[tuple[str, int]] | None) -> bool:
    """A numbered paragraph that is one sentence of the text, not a heading over what follows: a sentence
    in clauses (_clause_head) next to a numbered line of its kind and level (「（一）参观考察所需交通……
    由市委老干部局统一承担，个人不承担费用。」 then 「（二）每辆车配备……。」), or heading nothing (the end, or
    a heading of its level or above next). One over the text it leads (「三是进一步完善“三个机制”，落实好
    离休干部的生活待遇。」 over its paragraphs, 「1. 离休干部医疗费用全额保障，按时足额报销。」 over its
    ①②) stays a heading. The next line ends the list when it is a heading or a numbered line of a level
    above, heading or paragraph."""
    text = lines[position].text
    one = bool(_ONE_SENTENCE.fullmatch(text) or _ONE_FULL_SENTENCE.fullmatch(text))
    level, kind = _heading_level(text, points), _marker_kind(text)
    after = lines[position + 1] if position + 1 < len(lines) else None
    if (
        one
        and not _LABELLED_ITEM.match(text)
        and not _ARTICLE.match(text)
        and (
            after is None
            or (after.kind == "heading" and min(max(after.level, 1), 3) <= level)
            or _closes_list(lines, position, points)
        )
    ):
        # the last item of a list at the body's end (「三、參訪期間之交通及膳宿費用由本會自理。」 under a 說明
        # whose first item ran on from its label), or one over a heading of its level, or over a numbered
        # line of a level above read as a paragraph (「（三）胸部CT检查。」 then 「三、请各支部于…报送…。」, an
        # item that is a sentence itself, so no heading, yet it closes the list: _closes_list): it heads nothing, so
        # it is a sentence of the text however short, never a section of itself (an item led by a label,
        # 「四、联系方式：…」, and an article, 「第十三条　本办法自…施行。」, are still named by their label)
        return True
    # a sentence whose first part, before a 「；」, already runs in clauses is one sentence of the text too
    # (「三、请穿运动鞋，自带水杯和雨具；山上……，请适当添衣。」): its head is no section's name
    if not one or not _clause_head(text):
        return False

    def sibling(line: ParsedLine) -> bool:
        return (
            line.kind not in ("heading", _TABLE_ROW, _NOTE)
            and _heading_level(line.text, points) == level
            and _marker_kind(line.text) == kind
        )

    before = lines[position - 1] if position > 0 else None
    if (before is not None and sibling(before)) or after is None or sibling(after):
        return True
    return after.kind == "heading" or 0 < _heading_level(after.text, points) < level


# A number that counts a run of numbers, not a paragraph: 「一、二、三等奖获奖者…」, 「一、二等奖…」
_NUMBER_RUN = re.compile(rf"[{NUM}]+(?:、|等|至|到|和|及)")


def _closes_list(lines: list[ParsedLine], position: int, points: frozenset[tuple[str, int]] | None) -> bool:
    """Whether the line after a numbered item is a paragraph numbered a level above it (「（三）胸部CT检查。」
    then 「三、请各支部于…报送…。」), which ends the item's list. "Above" is the order the document uses: the
    kind of number that comes first in it is the upper one (a notice may number 「（一）组织领导。」 over
    「一、…」 items). A number counting a run of numbers (「一、二、三等奖获奖者均颁发证书。」) numbers no
    paragraph."""
    after = lines[position + 1] if position + 1 < len(lines) else None
    if after is None or after.kind in (_TABLE_ROW, _NOTE) or not _heading_level(after.text, points):
        return False
    mark = _SECTION_MARK.match(after.text)
    if mark and _NUMBER_RUN.match(after.text, mark.end()):
        return False
    upper, lower = _marker_kind(after.text), _marker_kind(lines[position].text)
    if upper == lower:
        return False
    for line in lines[:position]:
        if line.kind in (_TABLE_ROW, _NOTE) or not _heading_level(line.text, points):
            continue
        kind = _marker_kind(line.text)
        if kind in (upper, lower):
            return kind == upper
    return False


def _heads_nothing(lines: list[ParsedLine], position: int, points: frozenset[tuple[str, int]] | None) -> bool:
    """A numbered line in clauses with no sentence mark that heads nothing: the next line is a numbered
    line of its kind and level, a heading of its level or above, or there is none. Taken for a heading, its section
    held no paragraph and its words were in no passage: an item whose 「。」 the scan or the typist dropped
    among items that are sentences (「二、使用燃气热水器洗澡时要打开窗户通风，每次洗澡时间不宜超过二十分钟」
    between 「一、……。」 and 「三、……。」, cold33's hOCR page) was lost whole. It is body text, as its
    siblings are."""
    text = lines[position].text
    level, kind = _heading_level(text, points), _marker_kind(text)
    # a line in clauses (a comma in it) is a sentence that lost its mark; a phrase (「一、适用范围……2」, a
    # table of contents' entry) is not
    if not level or _SENTENCE_END.search(text) or not ("，" in text or "," in text):
        return False
    after = next((line for line in lines[position + 1 :] if line.kind != _NOTE), None)
    if after is None:
        return True
    if after.kind == "heading":
        return min(max(after.level, 1), 3) <= level
    if after.kind in (_TABLE_ROW, _LINE):
        return False
    following = _heading_level(after.text, points)
    return (following == level and _marker_kind(after.text) == kind) or 0 < following < level


def _run_in_label(line: str) -> str:
    if article := _ARTICLE.match(line):
        return article.group()
    if labelled := _LABELLED_ITEM.match(line):
        return labelled.group("head")
    match = _SENTENCE_END.search(line)
    head = line[: match.start()] if match else line
    return head if len(head) <= _MAX_SECTION_LABEL else head[:_MAX_SECTION_LABEL] + "…"


# Items led by a label, with no number (「🥬地块情况：“银发田园”共有60块地块……」, 「■活动时间：5月20日上午9点」,
# 「【报名方式】……」, 「活动地点：市老干部活动中心……」 in bold in Word): a WeChat article's, a poster's or a notice's
# paragraphs, each an item of the text as 「一、」「（一）」 items are. The label is 2–8 Han characters; a mark may
# lead it (an emoji, ■●▲◆★, 【】 round it); text follows it on the same line.
_ITEM_MARK = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u25a0-\u25ff\u2022\u203b\u2192"
_LABEL_LED = re.compile(
    rf"^(?P<mark>[{_ITEM_MARK}][{_ITEM_MARK}\ufe0f\u200d\U0001f3fb-\U0001f3ff]*)?\s*"
    rf"(?:【\s*(?P<bracketed>[{HAN}]{{2,8}})\s*】\s*[：:]?|(?P<label>[{HAN}]{{2,8}})\s*[：:])\s*(?P<rest>\S.*)$"
)
_MIN_ITEM_TEXT = 6  # characters after the label: a form's 「性别：男」「姓名：张三」 is no item
# A label that is someone speaking or a turn of a dialogue (「他说：」「局长强调：」「沈国栋：」), or a line the
# head and foot of a document already read (联系人：, 附件：, 抄送：), is no item. Words that also end an item's
# label are not taken for speaking: 活动名称 (称), 报名渠道 (道), 工作要求, 活动介绍, 法律顾问 (问).
_SPEAKS = re.compile(
    r"(?:说|[写说问答笑]道|指出|强调|表示|认为|提出|回忆|坦言|感慨|提到|谈到|告诉|透露|发言|致辞)$"
)
_NOT_ITEM_LABEL = _Folded(r"^(?:联系人|联系电话|联系方式|附件|抄送|抄报|出席|列席|缺席|记录|主持人?|记者)$")


@dataclass(frozen=True)
class _LabelLed:
    label: str
    marked: bool  # an emoji, a symbol or 【】 leads it
    named: bool = (
        False  # the label reads as a person's name (「沈国栋：」, but also 「高息理财：」, 高 a surname)
    )


def _label_led(text: str, *, names: bool = False) -> _LabelLed | None:
    """The label a paragraph opens with, read alone (`_labelled_items` judges it among its neighbours); with
    `names`, also a label that reads as a person's name (marked `named`)."""
    match = _LABEL_LED.match(text)
    if match is None or len(match.group("rest")) < _MIN_ITEM_TEXT:
        return None
    label = match.group("bracketed") or match.group("label")
    if _NOT_ITEM_LABEL.match(label):
        return None
    marked = bool(match.group("mark") or match.group("bracketed"))
    if not marked and _SPEAKS.search(label):
        return None
    named = not marked and is_person_name(label)
    if named and not names:
        return None
    return _LabelLed(label, marked, named)


def _another_field(lines: list[ParsedLine], at: int, pending: str) -> bool:
    """Whether lines[at] is a field of its own after an unfinished one: two paragraphs of a Word, OpenDocument,
    RTF or web document, each opening with a label (「时间：…上午9时30分」 over 「地点：…」, content controls or a
    diagram's nodes ending without 「。」). The author ended the first; read as one paragraph, 「9时30分地点」
    ran together. Lines of a plain text or a PDF may be a sentence wrapped before a label-like 「指出：」, and
    still join."""
    return (
        at > 0
        and lines[at].kind == lines[at - 1].kind == "paragraph"
        and _label_led(lines[at].text) is not None
        and _label_led(pending) is not None
    )


def _heading_line(line: ParsedLine) -> bool:
    """Whether a paragraph of a Word, OpenDocument, RTF or web document is a short line with no punctuation at
    all (a bold 「常见陷阱」 over a bulleted list): a heading the paragraph after it does not continue. Its first
    label-led item was read as its text while the items after it were items of their own."""
    return (
        line.kind == "paragraph" and len(line.text) <= _MAX_HEADING_LINE and not _ANY_MARK.search(line.text)
    )


_MAX_HEADING_LINE = 15
_ANY_MARK = re.compile(r"[，,。.！!？?；;：:、（）()“”‘’《》「」…—]")


def _labelled_items(lines: list[ParsedLine], points: frozenset[tuple[str, int]] | None) -> dict[int, str]:
    """The lines that open a label-led item, by position, with their labels: paragraphs of the same shape
    between the same headings — two at least led by a mark (an emoji, ■, 【】), or three plain labels
    before a colon — with no label said twice (a dialogue's 「记者：」「沈国栋：」 turns) and no 问/答 line
    among them. A lone 「我强调三点：……」, a quote 「他说：……」, a salutation 「同志们：」 (no text after it)
    and a wrapped line that happens to start with a label (the line before it has not ended) are no items."""
    found: dict[int, str] = {}
    block: list[tuple[int, _LabelLed]] = []
    dialogue = False

    def close() -> None:
        nonlocal dialogue
        labels = [led.label for _, led in block]
        if not dialogue and len(set(labels)) == len(labels):
            marked = [(at, led.label) for at, led in block if led.marked]
            plain = [(at, led.label) for at, led in block if not led.marked and not led.named]
            for run, least in ((marked, 2), (plain, 3)):
                if len(run) >= least:
                    found.update(run)
            if (
                len(plain) >= 3
            ):  # among three items or more, a label that reads as a name (「高息理财：」) is one
                found.update((at, led.label) for at, led in block if led.named)
        block.clear()
        dialogue = False

    previous: ParsedLine | None = None
    for position, line in enumerate(lines):
        if line.kind == "heading" or _heading_level(line.text, points) in (1, 2):
            close()
        elif line.kind in ("", "paragraph"):
            dialogue = dialogue or _ASKS_OR_ANSWERS.match(line.text) is not None
            led = _label_led(line.text, names=True) if _heading_level(line.text, points) == 0 else None
            begins = (
                previous is None
                or previous.kind not in ("", "paragraph")
                or is_complete(previous.text)
                or _label_led(previous.text) is not None
                or _heading_line(previous)
            )
            if led is not None and begins:
                block.append((position, led))
        previous = line
    close()
    return found


# A question or answer line by its label (as corpus.chunk reads them): a page of 问/答 holds no items.
_ASKS_OR_ANSWERS = re.compile(
    r"^\s*(?:问|問|提问|提問|记者|記者|主持人|Q|答|A)\s*\d{0,3}\s*(?:[（(][^（）()]{0,30}[）)])?\s*[：:]"
)


def _merge_fragments(
    paragraphs: list[Paragraph],
    min_chars: int = 12,
    apart: Collection[int] = (),
    whole: Collection[int] = (),
    hard: Collection[int] = (),
) -> list[Paragraph]:
    """Fold a tiny paragraph (a stray fragment) into the next one of its section, else the one before;
    table rows are never folded. `apart`: the paragraphs (their places) a blank line stands above — a
    fragment goes into the one before it rather than one of those (a mail's signature, not into the notice
    pasted under it); with none before it in its section, into the next as ever (a 主送 line over a body).
    A short title (「关于健步走活动的通知」) is never folded into a 主送 or salutation line under it. `whole`:
    the paragraphs that are blocks of their own (`_blocks_of_their_own`): never folded, however short. `hard`:
    the paragraphs a wider gap stands above (a mail's quote level beginning or ending, `wide_breaks`): no
    fragment is folded across one, either way — a quoted notice's 「县委老干部局」 stays with the notice, the
    sign-off 「倪科长」 of the reply quoting it is not folded into it."""
    out: list[Paragraph] = []
    carry: Paragraph | None = None
    carry_hard = False  # a wider gap stands above the fragment carried: it goes into nothing before it
    for at, p in enumerate(paragraphs):
        if (
            carry is not None
            and p.kind == "text"
            and p.section == carry.section
            and at not in hard
            and (at not in apart or carry_hard or not _folds_back(out, carry))
            and not (_DOC_KIND.search(carry.text) and _addresses(p.text))
        ):
            p = Paragraph(text=carry.text + p.text, section=p.section)
            carry = None
        if carry is not None:
            if (_DOC_KIND.search(carry.text) and p.kind == "text" and _addresses(p.text)) or carry_hard:
                out.append(carry)  # a pasted title over its 主送, or a fragment under a wider gap: its own
            else:
                _fold_back(out, carry)
            carry = None
        if p.kind == "text" and len(p.text) < min_chars and at not in whole:
            carry, carry_hard = p, at in hard
            continue
        out.append(p)
    if carry is not None:
        if carry_hard:
            out.append(carry)
        else:
            _fold_back(out, carry)
    return out


def _folds_back(out: list[Paragraph], fragment: Paragraph) -> bool:
    """Whether the paragraph before a fragment is one it may be folded into: text of its section."""
    last = out[-1] if out else None
    return last is not None and last.kind == "text" and last.section == fragment.section


def _fold_back(out: list[Paragraph], fragment: Paragraph) -> None:
    if _folds_back(out, fragment):
        out[-1] = Paragraph(text=out[-1].text + fragment.text, section=out[-1].section)
    else:
        out.append(fragment)
