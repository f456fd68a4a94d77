"""Web pages (.html/.htm): a notice saved from a government site, or a document saved as a web page.

Staff save a 「通知公告」 page with the browser (「网页，仅 HTML」), or get a Word/WPS/LibreOffice document
saved as a web page. Only the page's body text is the document: its navigation, breadcrumb, the site's
header and footer, 「打印本页」「关闭窗口」「分享到」, related-links lists and everything a browser does not
show (scripts, styles, hidden elements) are not.

How it is read (lxml's HTML parser, which reads any tag soup a browser reads):

- the bytes are decoded by the charset the page declares (a BOM, ``<meta charset>``, ``http-equiv
  Content-Type``, an XML declaration; GB2312 and GBK as their superset GB18030), else — no declaration,
  or one the bytes contradict — by the plain-text reader's verified detection (corpus.encoding);
- what is never shown or never body goes first: script, style, noscript, template, forms' controls,
  comments, elements hidden by ``hidden``/``display:none``/``visibility:hidden``, ``nav``, ``aside``, the
  page's ``header``/``footer`` (not an article's own), and the page header/footer an office program writes
  into its web page (LibreOffice's ``<div title="header">``, Word's ``mso-element:header``);
- the main content is found by its text, not by a site's class names: the weight of an element is the
  characters of its text runs that hold Chinese or Latin sentence punctuation (，。；！？) and are not link
  text — menus, breadcrumbs, footers and link lists hold almost none — and the content is the deepest
  element holding at least three quarters of the page's weight (an ``<article>`` or ``<main>`` holding
  half of it or more is taken as it is);
- inside it: h1–h6 are headings of their level; a short line set wholly in bold (no sentence mark) is a
  heading; p, div, li, blockquote… are paragraphs, ``<br>`` ends a line as Word's manual break does
  (corpus.layout.broken_lines); a data table is read row by row, its cells labelled by its header
  (corpus.tables), while a layout table (one column, or a cell holding a table or paragraphs) is read as
  the paragraphs its cells hold; a list of links (a 「相关链接」 list) and the page's function lines
  (「打印本页」「关闭窗口」「分享到：」「上一篇」…) are not body;
- the title is the page's own heading: the h1–h6 (anywhere on the page) whose text is the ``<title>``'s,
  else a single h1 of the content before its first sentence, else the content's largest-type short line
  before its first sentence (a document saved as a web page sets its title so), else the ``<title>``
  without the site's name (「…_某某市人民政府」「… - 市委老干部局」);
- the page's info line (「发布时间：2024-03-05　来源：…　浏览次数：…　字号：大 中 小」) is not body; its date
  is the document's date when the notice names none of its own (a 落款 date always wins), as a saved
  e-mail's sending date is. A footer's copyright year is never a date.

The reference text `add --check` compares the passages with is a second, separate walk of the content
element (every shown text node, a line per block element or ``<br>``), so text the block walk loses is
reported; what lies outside the content — the boilerplate removed on purpose — is in neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .clean import HAN
from .encoding import decode_text
from .errors import CorpusError, EmptyDocument, UnreadableFile, damaged
from .layout import broken_lines, join
from .notes import NotePlacement
from .records import Block
from .tables import table_blocks

__all__ = [
    "HtmlText",
    "page_tables",
    "printed_page_lines",
    "published_day",
    "read_html",
    "read_mht",
    "sheet_page_tables",
]


@dataclass(frozen=True)
class HtmlText:
    """What a web page holds: its body as blocks, a second extraction of the body's text, the encoding it
    was read in, and the date of its 「发布时间」 line (ISO, or None)."""

    blocks: tuple[Block, ...]
    reference: str
    encoding: str
    published: str | None


# Never shown, or never the page's body wherever they are.
_DROPPED = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "nav",
    "aside",
    "map",
    "head",
    "del",  # a tracked deletion an office program writes into its web page, shown struck through
)
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tbody thead tfoot tr td th caption blockquote section "
    "article main header footer pre center address figure figcaption form fieldset hr body html".split()
)
# Elements that hold a page's blocks (the others are blocks themselves or inline)
_CONTAINERS = frozenset("div td th article main section blockquote center form body".split())
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_SENTENCE_MARKS = re.compile(r"[，。；！？,;!?]")
_ENDS_SENTENCE = re.compile(r"[。！？；!?;][”’）)」』]*$")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_OFFICE_FURNITURE = re.compile(r"mso-element\s*:\s*(?:header|footer)", re.I)
# A page's function lines: printing, closing, sharing, paging between notices, the type-size switch.
_FUNCTION_LINE = re.compile(
    r"^[\s【\[『（(]*(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|分享到|分享|收藏本页|收藏|返回顶部|返回首页|返回|"
    r"上一篇|下一篇|上一条|下一条|相关链接|相关阅读|相关文章|相关新闻|扫一扫|字号|字体)"
)
# A breadcrumb: 「当前位置：首页 > 通知公告 > 正文」「首页 » 工作动态」
_BREADCRUMB = re.compile(r"^\s*(?:(?:当前|您的|您现在的|您当前的|所在)位置\s*[：:]|首页\s*[>»›→/＞])")
# The info line over a notice: 发布时间 / 来源 / 浏览次数 / 字号… (two or more such fields, or a 发布时间 one).
_INFO_FIELD = re.compile(
    r"(?:发布时间|发布日期|发文日期|成文日期|更新时间|时间|日期|来源|信息来源|作者|编辑|责任编辑|浏览次数|浏览量|"
    r"点击数|点击量|点击次数|阅读次数|访问次数|字号)\s*[：:]"
)
_PUBLISHED = re.compile(
    rf"(?<![{HAN}])(?:发布时间|发布日期|发文日期|成文日期|更新时间|日期)\s*[：:]\s*"
    r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
# The lines of a site's footer (Chinese government sites must show their 网站标识码 and ICP filing):
# never body, wherever they are, even when one ends as a sentence (「建议使用1024×768分辨率浏览。」).
# Not 「主办单位：」 alone: a notice of an event names its 主办单位 and 承办单位 in its body.
_SITE_LINE = re.compile(
    r"版权所有|copyright|©|ICP备|ICP证|网站标识码|公网安备|技术支持|"
    r"建议使用.{0,40}(?:浏览|分辨率)|最佳浏览|网站地图|网站纠错",
    re.I,
)
_MAX_SITE_LINE = 120
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
_HTML_MARK = re.compile(
    r"<(?:!doctype\s+html|html|head|body|title|meta|p|div|table|br|h[1-6]|span|font)\b", re.I
)
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
}
_TITLE_SEPARATORS = re.compile(r"\s*(?:_|——|--|\s-\s|\s–\s|\s—\s|\||｜)\s*")
_MAX_HEADING = 40  # a bold line longer than this is a paragraph set in bold, not a heading
_CONTENT_SHARE = 0.75
_ARTICLE_SHARE = 0.5


def read_mht(name: str, data: bytes) -> HtmlText:
    """A 「单个文件」 web page (.mht/.mhtml, what browsers and Word save as one file): the MIME message's
    HTML part (the one its root names, else the first), decoded from quoted-printable or base64 and read
    in the charset its part declares, as `read_html` reads a page. Pictures and style sheets are not read."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.is_multipart() and message.get_content_type() != "text/html":
        raise damaged(f"{name} 不是有效的单个文件网页（.mht）：其中没有网页内容")
    parts = [p for p in message.walk() if p.get_content_type() == "text/html"]
    root = message.get_param("start") if message.is_multipart() else None
    part = next((p for p in parts if root and p.get("Content-ID", "").strip() == str(root).strip()), None)
    part = part or (parts[0] if parts else None)
    payload = part.get_payload(decode=True) if part is not None else None
    if not isinstance(payload, bytes) or not payload.strip():
        raise damaged(f"{name} 不是有效的单个文件网页（.mht）：其中没有网页内容")
    charset = part.get_content_charset() if part is not None else None
    return read_html(name, payload, charset=charset)


def read_html(name: str, data: bytes, *, charset: str | None = None) -> HtmlText:
    """The body of a web page as blocks, with its reference text; a page that is no web page, or that
    holds no body text, is refused with one line naming the file. `charset`: what the page's transport
    declares (an .mht part's header), which wins over what the page itself says, as in a browser."""
    from lxml import etree, html

    text, encoding = decoded_page(name, data, charset)
    if not _HTML_MARK.search(text[:65536]):
        raise UnreadableFile(f"{name} 不是网页文件（HTML）：其中没有网页标记")
    # control characters are no text (LibreOffice leaves a content control's marks, \x04 \x05, in its page)
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", re.sub(r"^\s*<\?xml[^>]*\?>", "", text))
    try:
        root = html.document_fromstring(text, parser=html.HTMLParser(no_network=True, remove_comments=True))
    except (etree.ParserError, ValueError) as e:
        raise damaged(f"{name} 不是有效的网页文件（HTML）") from e
    page_title = _page_title(root)
    classes = _class_sizes(root)
    _drop_furniture(root)
    posted = _drop_account_frame(root)
    notes = _footnotes(root)
    content = _content(root)
    if content is None:
        raise EmptyDocument(f"{name} 中没有找到正文：网页里只有栏目、导航等内容，没有通知或讲话的文字")
    published = _published(root) or posted
    reader = _Reader(notes)
    blocks = list(reader.read(content))
    blocks = _with_title(blocks, root, content, page_title, classes)
    if not any(
        _ENDS_SENTENCE.search(b.text) or len(b.text) > _MAX_HEADING or b.kind == "table_row" for b in blocks
    ):
        raise EmptyDocument(f"{name} 中没有找到正文：网页里只有栏目、导航等内容，没有通知或讲话的文字")
    reference = "\n".join(
        [reference_text(content), *(reference_text(n) for held in notes.values() for n in held)]
    ).strip("\n")
    return HtmlText(tuple(blocks), reference, f"html/{encoding}", published)


_NOTE_MARK = re.compile(r"\[?(?:\d{1,3}|[ivxlc]{1,6})\]?|[*†‡]")  # 「1」「[2]」; an endnote's 「i」


def _footnotes(root) -> dict:  # type: ignore[no-untyped-def, type-arg]
    """The footnotes and endnotes an office program writes at the end of its web page, taken out of the
    page: {the block element holding a note's mark: [its notes]}. A note mark is a link whose text is a
    number (「1」「[1]」) to an element of the page from which the note links back to the mark
    (LibreOffice's sdfootnote divs, Word's ftn divs); the note is the div holding that element. The marks
    and the back links' numbers are no text."""
    from lxml import etree

    targets: dict[str, etree._Element] = {}
    for element in root.iter():
        for key in (element.get("id"), element.get("name")):
            if key:
                targets.setdefault(key, element)
    found: dict = {}  # type: ignore[type-arg]
    for mark in list(root.iter("a")):
        href, own = mark.get("href", ""), mark.get("name") or mark.get("id")
        if not href.startswith("#") or not own or not _NOTE_MARK.fullmatch(_clean(mark.text_content())):
            continue
        target = targets.get(href[1:])
        note = next(
            (a for a in (target.iterancestors() if target is not None else ()) if a.tag == "div"), None
        )
        if note is None or note.getparent() is None or any(note is a for a in mark.iterancestors()):
            continue
        backs = [a for a in note.iter("a") if a.get("href") == f"#{own}"]
        if not backs:
            continue
        holder = next((a for a in mark.iterancestors() if a.tag in _BLOCKS), None)
        if holder is None:
            continue
        for back in backs:
            if _NOTE_MARK.fullmatch(_clean(back.text_content())):
                back.drop_tree()
        note.getparent().remove(note)
        _drop_mark(mark)
        found.setdefault(holder, []).append(note)
    return found


def _drop_mark(mark) -> None:  # type: ignore[no-untyped-def]
    """Remove a note mark, and the sup it was set in when that holds nothing else."""
    parent = mark.getparent()
    mark.drop_tree()
    if parent is not None and parent.tag == "sup" and not parent.text_content().strip() and not len(parent):
        parent.drop_tree()


def decoded_page(name: str, data: bytes, charset: str | None = None) -> tuple[str, str]:
    """The page's text and encoding: as declared when the bytes agree, else as corpus.encoding detects."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.removesuffix("-sig")
            except UnicodeDecodeError:
                break
    head = data[:4096]
    declared = _XML_ENCODING.search(head) or _CHARSET.search(head)
    labels = [charset] if charset else []
    if declared is not None:
        labels.append(declared.group(1).decode("ascii", "replace"))
    for label in (label.lower() for label in labels):
        codec = _SUPERSETS.get(label, label)
        try:
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: the bytes decide
    try:
        return decode_text(name, data)
    except CorpusError as e:
        raise damaged(f"{name} 不是有效的网页文件（HTML）：无法识别其中的文字") from e


def _page_title(root) -> str:  # type: ignore[no-untyped-def]
    """The ``<title>``'s text without the site's name: the longest of its parts (「关于…的通知_某某市人民政府」)."""
    element = root.find(".//title")
    if element is None:
        return ""
    parts = [p for p in _TITLE_SEPARATORS.split(_clean(element.text_content())) if p]
    return max(parts, key=len) if parts else ""


def _drop_furniture(root) -> None:  # type: ignore[no-untyped-def]
    """Remove what is never shown and never the body, keeping each removed element's tail text."""
    doomed = []
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        style = element.get("style", "")
        if (
            not tag
            or tag in _DROPPED
            or element.get("hidden") is not None
            or _HIDDEN_STYLE.search(style)
            or _OFFICE_FURNITURE.search(style)
            or (tag == "div" and element.get("title") in ("header", "footer"))
            or (tag in ("header", "footer") and not _inside(element, ("article", "main")))
        ):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


# The blocks a line of text is set in, and the day in a WeChat page's 「发布时间」 (2027年03月06日 17:30).
_LINE_TAGS = frozenset(("p", "section", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"))
_POSTED = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


def _drop_account_frame(root) -> str | None:  # type: ignore[no-untyped-def]
    """A WeChat official account's article saved from the browser (mp.weixin.qq.com's markup: the article
    in ``#js_content``, the day posted in ``#publish_time``): remove the account's lines inside the
    article — the invitation to follow over it, the end mark, credits and links under it
    (`corpus.wechat.account_lines`, the rule for such an article pasted as text) — from both walks, and
    return the day it was posted (YYYY-MM-DD), the document's date when the article names none of its
    own. Any other page: nothing done, None."""
    from .wechat import account_lines

    content = root.get_element_by_id("js_content", None)
    if content is None:
        return None
    lines = [
        element
        for element in content.iter()
        if isinstance(element.tag, str)
        and element.tag in _LINE_TAGS
        and element.text_content().strip()
        and not any(isinstance(d.tag, str) and d.tag in _LINE_TAGS for d in element.iterdescendants())
    ]
    for n in sorted(account_lines([element.text_content() for element in lines])):
        if lines[n].getparent() is not None:
            lines[n].drop_tree()
    stamp = root.get_element_by_id("publish_time", None)
    found = _POSTED.search(stamp.text_content()) if stamp is not None else None
    if found is None:
        return None
    year, month, day = (int(g) for g in found.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _inside(element, tags: tuple[str, ...]) -> bool:  # type: ignore[no-untyped-def]
    return any(a.tag in tags for a in element.iterancestors())


def _weights(root) -> dict:  # type: ignore[no-untyped-def, type-arg]
    """Each element's weight: the characters of the sentence-bearing, non-link text runs it holds."""
    weights: dict = {}  # type: ignore[type-arg]

    def add(element, run: str | None) -> None:  # type: ignore[no-untyped-def]
        if not run or not _SENTENCE_MARKS.search(run) or is_site_line(run):
            return
        if element.tag == "a" or _inside(element, ("a",)):
            return
        size = len(re.sub(r"\s+", "", run))
        for holder in (element, *element.iterancestors()):
            weights[holder] = weights.get(holder, 0) + size

    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        add(element, element.text)
        parent = element.getparent()
        if parent is not None:
            add(parent, element.tail)
    return weights


def _content(root):  # type: ignore[no-untyped-def]
    """The element holding the page's body: an article or main holding half its weight or more, else the
    deepest element holding three quarters of it (a block holding it gives its container; a cell of a data
    table gives the table's); a page without a sentence (a 通讯录 or 值班表 exported as a web page) is the
    container of its data tables; None when the page holds neither."""
    weights = _weights(root)
    total = weights.get(root, 0)
    if not total:
        tables = _data_tables(root)
        return _container(_common_ancestor(tables)) if tables else None
    for tag in ("article", "main"):
        found = [e for e in root.iter(tag) if weights.get(e, 0) >= _ARTICLE_SHARE * total]
        if found:
            return found[-1]
    best = root
    while True:
        heavy = [c for c in best if isinstance(c.tag, str) and weights.get(c, 0) >= _CONTENT_SHARE * total]
        if not heavy:
            break
        best = heavy[0]
    # a cell of a data table holding the weight (its one row of sentences: a note under a roster) is part of
    # the table, which is read whole: the rest of its rows were lost
    cell = next((e for e in (best, *best.iterancestors()) if e.tag in ("td", "th")), None)
    table = next(cell.iterancestors("table"), None) if cell is not None else None
    if table is not None and not _layout_table(table):
        best = table
    return _container(best)


def _container(best):  # type: ignore[no-untyped-def]
    """A paragraph, a list or a table holding the weight is part of the content, not all of it (a notice of
    one paragraph: its headings and signature are beside it): the element that holds such blocks is."""
    while best.tag not in _CONTAINERS and best.getparent() is not None:
        best = best.getparent()
    return best


def _data_tables(root) -> list:  # type: ignore[no-untyped-def, type-arg]
    """The page's data tables (two rows of two filled cells or more, not laying the page out, not a menu)."""
    return [
        table
        for table in root.iter("table")
        if not _layout_table(table)
        and not _mostly_links(table)
        and sum(1 for r in _rows(table) if not isinstance(r, str) and sum(1 for c in r if c) >= 2) >= 2
    ]


def _common_ancestor(elements: list):  # type: ignore[no-untyped-def, type-arg]
    """The deepest element holding all of `elements` (the one element itself when there is one)."""
    first, *rest = elements
    for holder in (first, *first.iterancestors()):
        if all(holder is e or any(holder is a for a in e.iterancestors()) for e in rest):
            return holder
    return first


def _published(root) -> str | None:  # type: ignore[no-untyped-def]
    """The date of the page's 「发布时间：…」 line (its first), as YYYY-MM-DD."""
    return next((day for line in _lines(root) if (day := published_day(line)) is not None), None)


def published_day(line: str) -> str | None:
    """The day a page's info line says it was published (「发布时间：2024-03-05 10:26」), as YYYY-MM-DD, or None."""
    if (found := _PUBLISHED.search(line)) is not None:
        year, month, day = (int(g) for g in found.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _lines(element) -> Iterator[str]:  # type: ignore[no-untyped-def]
    for raw in reference_text(element).split("\n"):
        if raw:
            yield raw


def is_site_line(text: str) -> bool:
    """Whether a line is one of a site's footer lines (主办单位, 版权所有, ICP备…号, 网站标识码…)."""
    return len(text.strip()) <= _MAX_SITE_LINE and bool(_SITE_LINE.search(text))


def is_info_line(text: str) -> bool:
    """Whether a line is a page's info line (「发布时间：2024-03-05　来源：市委老干部局　浏览次数：12」), its
    breadcrumb (「当前位置：首页 > 通知公告」) or one of its function lines (「【打印本页】【关闭窗口】」「分享到：」),
    not body text."""
    if _ENDS_SENTENCE.search(text):
        return False
    if len(_INFO_FIELD.findall(text)) >= 2 or _PUBLISHED.match(text.strip()):
        return True
    if len(text) <= _MAX_SITE_LINE and _BREADCRUMB.match(text) and not _SENTENCE_MARKS.search(text):
        return True
    return len(text) <= _MAX_HEADING and bool(_FUNCTION_LINE.match(text))


_PRINTED_HEAD = 12  # a printed page's breadcrumb is among its first lines
_PRINTED_INFO = 4  # and its info line a few lines under the breadcrumb (the title between)


def printed_page_lines(lines: list[str]) -> set[int]:
    """In the lines of a document read from print (a PDF a browser printed a site's page to), the indices
    of the site's lines around the notice: a page printed so shows its breadcrumb (「当前位置：首页 > 通知公告
    > 正文」) among its first lines and its info line (「发布时间：… 来源：… 浏览次数：…」) a few lines under
    it, the notice's title between them. When both are there, what stands above the breadcrumb (the site's
    name, its menu), the breadcrumb and the info line are the site's; so is, after the info line, the
    first function line (「【打印本页】【关闭窗口】」「分享到：」「相关链接」) and everything after it when no
    line from there on ends a sentence (link titles, the site's footer). Else (any other document) none."""
    stripped = [line.strip() for line in lines]
    crumbs = [
        i
        for i, line in enumerate(stripped[:_PRINTED_HEAD])
        if len(line) <= _MAX_SITE_LINE and _BREADCRUMB.match(line) and not _SENTENCE_MARKS.search(line)
    ]
    if not crumbs:
        return set()
    crumb = crumbs[0]
    infos = [
        i
        for i in range(crumb + 2, min(len(lines), crumb + 2 + _PRINTED_INFO))
        if not _ENDS_SENTENCE.search(stripped[i])
        and (len(_INFO_FIELD.findall(stripped[i])) >= 2 or _PUBLISHED.match(stripped[i]))
    ]
    if not infos:
        return set()
    dropped = {*range(crumb + 1), infos[0]}
    for i in range(infos[0] + 1, len(lines)):
        if len(stripped[i]) <= _MAX_HEADING and _FUNCTION_LINE.match(stripped[i]):
            if not any(_ENDS_SENTENCE.search(line) for line in stripped[i:]):
                dropped |= set(range(i, len(lines)))
            break
    return dropped


class _Reader:
    """The block walk of the content element; `notes`: the footnotes to read after the block holding
    their mark (those whose mark no walked block holds are read at the end, never lost)."""

    def __init__(self, notes: dict) -> None:  # type: ignore[type-arg]
        self.notes = notes
        self.placed: set = set()  # type: ignore[type-arg]

    def read(self, element) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        """The content's blocks, each note after the block referencing it (corpus.notes: a note of the
        title or the header lines waits for the first sentence, as in a .docx)."""
        placement = NotePlacement()
        last: Block | None = None
        waiting: list[Block] = []
        for block in self._walk(element):
            if block.kind == "note":
                waiting.append(block)
                continue
            if block.kind != "table_row" and (is_info_line(block.text) or is_site_line(block.text)):
                continue
            if last is not None:
                yield from placement.after(last, waiting)
            elif waiting:
                yield from placement.after(None, waiting)
            waiting = []
            last = block
            yield block
        if last is not None or waiting:
            yield from placement.after(last, waiting)
        yield from placement.rest()

    def _walk(self, element) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        yield from self.container(element)
        for holder in list(self.notes):
            if holder not in self.placed:
                yield from self.notes_of(holder)

    def notes_of(self, holder) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        self.placed.add(holder)
        for note in self.notes.get(holder, ()):
            for line in _lines(note):
                yield Block(text=line, kind="note")

    def container(self, element) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        """An element's blocks: its inline runs as paragraphs, its block children each in turn."""
        parts: list[str] = [element.text or ""]
        inline: list = []  # type: ignore[type-arg]
        plain: list[str] = [element.text or ""]  # the text outside inline elements
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _BLOCKS:
                yield from self.paragraph(parts, inline, plain)
                parts, inline, plain = [], [], []
                yield from self.block(child)
            elif tag == "br":
                parts.append("\n")
            else:
                parts.append(_inline_text(child))
                inline.append(child)
            parts.append(child.tail or "")
            plain.append(child.tail or "")
        yield from self.paragraph(parts, inline, plain)

    def paragraph(self, parts: list[str], inline: list, plain: list[str]) -> Iterator[Block]:  # type: ignore[type-arg]
        """A run of inline text as paragraphs, one per line; a short line wholly in bold is a heading."""
        lines = broken_lines("".join(parts), _clean)
        if not lines:
            return
        bold = bool(inline) and all(_bold(e) for e in inline) and not "".join(plain).strip()
        if (
            bold
            and len(lines) == 1
            and len(lines[0]) <= _MAX_HEADING
            and not _SENTENCE_MARKS.search(lines[0][-1:])
            and not lines[0].endswith(("：", ":"))
        ):
            yield Block(text=lines[0], kind="heading", level=2)
            return
        for line in lines:
            yield Block(text=line, kind="paragraph")

    def block(self, element) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        yield from self._block(element)
        if not self.notes:
            return
        for holder in [e for e in (element, *element.iterdescendants()) if e in self.notes]:
            if holder not in self.placed:
                yield from self.notes_of(holder)

    def _block(self, element) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        tag = element.tag
        if tag in _HEADINGS:
            text = _clean(_inline_text(element))
            if text:
                yield Block(text=text, kind="heading", level=_HEADINGS[tag])
        elif tag == "table":
            if _layout_table(element):
                for cell in element.iter("td", "th"):
                    if not _inside_below(cell, element, ("td", "th")):
                        yield from self.container(cell)
            else:
                yield from table_blocks(_rows(element))
        elif tag in ("ul", "ol") and _link_list(element):
            return
        elif tag == "ol":
            yield from self.numbered(element)
        elif tag == "hr":
            return
        else:
            yield from self.container(element)

    def numbered(self, element) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        """An ordered list's items with the numbers a browser shows in front of them (「1.」「b.」「iii.」)."""
        number = _int(element.get("start"), 1)
        kind = element.get("type", "1")
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if child.tag != "li":
                yield from self.block(child)
                continue
            number = _int(child.get("value"), number)
            blocks = list(self.container(child))
            if blocks and blocks[0].kind in ("paragraph", "heading"):
                first = blocks[0]
                blocks[0] = Block(
                    text=f"{_list_number(number, kind)}. {first.text}", kind=first.kind, level=first.level
                )
            yield from blocks
            number += 1


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _list_number(n: int, kind: str) -> str:
    """A list item's number as a browser draws it for ``<ol type>``."""
    if kind in ("a", "A") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter.upper() if kind == "A" else letter
    if kind in ("i", "I") and 1 <= n < 40:
        roman = ""
        for value, digits in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
            while n >= value:
                roman, n = roman + digits, n - value
        return roman.upper() if kind == "I" else roman
    return str(n)


def _inside_below(element, top, tags: tuple[str, ...]) -> bool:  # type: ignore[no-untyped-def]
    """Whether an element lies in one of `tags` that is itself under `top` (a nested cell)."""
    for ancestor in element.iterancestors():
        if ancestor is top:
            return False
        if ancestor.tag in tags:
            return True
    return False


def _inline_text(element) -> str:  # type: ignore[no-untyped-def]
    """An inline element's text, its ``<br>``s as line ends."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append("\n" if child.tag == "br" else _inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _bold(element) -> bool:  # type: ignore[no-untyped-def]
    """Whether an inline element is set in bold (b, strong, font-weight bold/600+), or holds only bold."""
    if element.tag in ("b", "strong") or re.search(
        r"font-weight\s*:\s*(?:bold|[6-9]00)", element.get("style", "")
    ):
        return True
    children = [c for c in element if isinstance(c.tag, str) and c.tag != "br"]
    own = (element.text or "").strip() or any((c.tail or "").strip() for c in element)
    return bool(children) and not own and all(_bold(c) for c in children)


def _rows(table) -> list[list[str] | str]:  # type: ignore[no-untyped-def]
    """A table's rows as grids of cell text: a cell spanning rows (rowspan) shows its text on each of them,
    one spanning columns (colspan) fills its first column; a row of one cell across the whole table is
    its text (a caption or 「备注」 row, corpus.tables)."""
    grid: list[list[str]] = []
    spanned: dict[tuple[int, int], str] = {}
    across: list[bool] = []
    for tr in table.iter("tr"):
        if _inside_below(tr, table, ("table",)):
            continue
        row: list[str] = []
        cells = [c for c in tr if c.tag in ("td", "th")]
        for cell in cells:
            while (len(grid), len(row)) in spanned:
                row.append(spanned.pop((len(grid), len(row))))
            text = " ".join(broken_lines(_inline_text(cell), _clean))
            rows, columns = _int(cell.get("rowspan"), 1), max(_int(cell.get("colspan"), 1), 1)
            for below in range(1, min(max(rows, 1), 1000)):
                spanned[len(grid) + below, len(row)] = text
            row.extend([text] + [""] * (columns - 1))
        while (len(grid), len(row)) in spanned:
            row.append(spanned.pop((len(grid), len(row))))
        across.append(len(cells) == 1 and _int(cells[0].get("colspan"), 1) > 1)
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    return [
        row[0] if whole and width > 1 and len(row) >= width else row
        for row, whole in zip(grid, across, strict=True)
    ]


def _layout_table(table) -> bool:  # type: ignore[no-untyped-def]
    """A table used to lay the page out (old sites), not data: one column, or a cell holding a table or
    paragraphs of sentences."""
    rows = [r for r in _rows(table) if not isinstance(r, str)]
    if not rows or max(len(r) for r in rows) < 2:
        return True
    for cell in table.iter("td", "th"):
        if any(e.tag == "table" for e in cell.iterdescendants()):
            return True
        blocks = [e for e in cell.iterdescendants() if e.tag in ("p", "div")]
        if len(blocks) >= 2 and len(_SENTENCE_MARKS.findall(cell.text_content())) >= 4:
            return True
    return False


def _page_root(name: str, data: bytes, holding: str | None = None):  # type: ignore[no-untyped-def]
    """The web page in `data` parsed as `read_html` parses it (its XML declaration and control characters
    left out, comments dropped, nothing fetched); None when the bytes are no web page, its text does not hold
    `holding` (a pattern), or lxml cannot parse it."""
    from lxml import etree, html

    try:
        text, _ = decoded_page(name, data)
    except CorpusError:
        return None
    if not _HTML_MARK.search(text[:65536]) or (holding is not None and not re.search(holding, text)):
        return None
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", re.sub(r"^\s*<\?xml[^>]*\?>", "", text))
    try:
        return html.document_fromstring(text, parser=html.HTMLParser(no_network=True, remove_comments=True))
    except (etree.ParserError, ValueError):
        return None


def page_tables(name: str, data: bytes) -> tuple[str, list[list[list[str] | str]]] | None:
    """A web page's data tables, each as its rows (a cell spanning rows on each, one row across the table its
    text), and the page's ``<title>`` — what an office system's 「导出Excel」 writes under a .xls name: an HTML
    table Excel and WPS open as a sheet. None when the bytes are no web page; no tables when the page holds
    none with two rows of two filled cells (a site's error or login page)."""
    root = _page_root(name, data)
    if root is None:
        return None
    title = _page_title(root)
    if any((e.get("type") or "").lower() == "password" for e in root.iter("input")):
        return title, []  # a login page, whatever its tables lay out
    _drop_furniture(root)
    tables = []
    for table in root.iter("table"):
        if any(e.tag == "table" for e in table.iterdescendants()):
            continue  # a table laying out others: they are read themselves
        if _mostly_links(table):
            continue  # a site's menu or footer laid out in a table
        rows = _rows(table)
        if sum(1 for r in rows if not isinstance(r, str) and sum(1 for c in r if c) >= 2) >= 2:
            tables.append(rows)
    return title, tables


# The heading LibreOffice Calc's 「导出为网页」 puts over each sheet's table: the sheet's number in the suite's
# language (「Sheet 1: 」, 「工作表 1: 」) and its name in <em>, in an anchor <a name="table0"> the page's
# 「Overview」 list links to.
_SHEET_ANCHOR = re.compile(r"^table\d+$", re.IGNORECASE)


def sheet_page_tables(name: str, data: bytes) -> list[tuple[str, list[list[str] | str]]] | None:
    """A workbook saved as one web page by LibreOffice Calc: each sheet's name and its table's rows (every
    table, however few its filled cells: each is a sheet), in the page's order; the overview of sheet names
    at the top is no text. None for any other page (one whose tables are not each under a sheet's heading)."""
    root = _page_root(name, data, r"(?i)<a\s+name=\"?table\d")
    if root is None:
        return None
    names: dict[int, str] = {}  # a heading's place in the page's order → its sheet's name
    order = {element: n for n, element in enumerate(root.iter())}
    for anchor in root.iter("a"):
        heading = next(anchor.iter("h1", "h2", "h3"), None)
        named = next(heading.iter("em"), None) if heading is not None else None
        if _SHEET_ANCHOR.match(anchor.get("name") or "") and named is not None:
            names[order[anchor]] = _clean(named.text_content())
    tables = [t for t in root.iter("table") if not any(e.tag == "table" for e in t.iterdescendants())]
    if not names or len(names) != len(tables):
        return None
    out = []
    for table in tables:
        above = [n for n in names if n < order[table]]
        if not above:
            return None
        out.append((names.pop(max(above)), _rows(table)))
    return out


def _mostly_links(table) -> bool:  # type: ignore[no-untyped-def]
    """Half or more of a table's filled cells are nothing but link text (「首页」「新闻中心」「通知公告」)."""
    filled = linked = 0
    for cell in table.iter("td", "th"):
        text = re.sub(r"\s+", "", cell.text_content())
        if not text:
            continue
        filled += 1
        links = re.sub(r"\s+", "", "".join(a.text_content() for a in cell.iter("a")))
        linked += links == text
    return filled > 0 and linked * 2 >= filled


def _link_list(element) -> bool:  # type: ignore[no-untyped-def]
    """A list whose text is mostly links and no sentence: a 「相关链接」 list, a menu."""
    text = re.sub(r"\s+", "", element.text_content())
    links = sum(len(re.sub(r"\s+", "", a.text_content())) for a in element.iter("a"))
    return bool(text) and links >= 0.6 * len(text) and not _ENDS_SENTENCE.search(text)


def _class_sizes(root) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """The type size (pt) the page's style sheets give each class (``.ft12{font-size:39px;…}``, as poppler's
    pdftohtml writes a class per font; ``p.MsoTitle{font-size:22.0pt}``, as Word does): read before the
    style elements are dropped."""
    sizes: dict[str, float] = {}
    for style in root.iter("style"):
        # rule by rule (selectors, then the body between braces): one pass, however long an inlined font's
        # data or a list of selectors is — a single pattern over both backtracked on them for seconds
        for found in _CSS_RULE.finditer(style.text_content()):
            selectors, body = found.group(1), found.group(2)
            size = _SIZE_DECLARATION.search(body)
            if size is None or "." not in selectors:
                continue
            value = float(size.group(1))
            for name in _CLASS_NAME.findall(selectors):
                sizes[name] = value * 0.75 if size.group(2) == "px" else value
    return sizes


_CSS_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")
_SIZE_DECLARATION = re.compile(r"font-size\s*:\s*([\d.]+)\s*(pt|px)")
_CLASS_NAME = re.compile(r"\.([A-Za-z_][\w-]*)")


def _font_size(element, classes: dict[str, float] | None = None) -> float:  # type: ignore[no-untyped-def]
    """The largest type size (pt) set on an element or in it: style font-size (pt or px), <font size>, and
    the size the page's style sheets give its classes (`classes`, see `_class_sizes`)."""
    sizes = [0.0]
    for e in element.iter():
        if not isinstance(e.tag, str):
            continue
        if classes:
            sizes.extend(classes.get(name, 0.0) for name in e.get("class", "").split())
        if found := re.search(r"font-size\s*:\s*([\d.]+)\s*(pt|px)", e.get("style", "")):
            value = float(found.group(1))
            sizes.append(value * 0.75 if found.group(2) == "px" else value)
        if e.tag == "font" and (size := e.get("size", "")).isdigit():
            sizes.append({1: 7.5, 2: 10, 3: 12, 4: 13.5, 5: 18, 6: 24, 7: 36}.get(int(size), 12))
    return max(sizes)


# The parts of a page's <title>: its heading and the site's (or a column's) name joined by a dash or a bar,
# spaced or not; a dash between digits (「2027-2028年度」) parts nothing.
_TITLE_PARTS = re.compile(r"(?<![0-9０-９])\s*[-_|｜—–]+\s*(?![0-9０-９])")
# A site's name: 「…工作网」「…政府网站」「…门户」「…平台」.
_SITE_NAME = re.compile(r"(?:网|网站|门户|平台|官网|在线)$")


def _site_named(heading: str, title: str, chrome: set[str]) -> bool:
    """Whether a page's raw ``<title>`` is its heading and the site's name, or a column's, joined by a
    dash or a bar (「关于…的通知-栾坪县老干部工作网」, as Chrome saves many a county site's page): the heading
    is then the title's longest part, and every other part is a site's name or the text of the page's
    own chrome (a logo or column heading, a navigation link, in ``chrome``). A logo 「栾坪县老干部工作网」 or
    a column's 「…通知公告」 is never taken for the title, and a title whose parts are both the document's
    (「栾坪县老干部局-县人民医院健康体检合作协议」) is not cut."""
    parts = [re.sub(r"\s+", "", part) for part in _TITLE_PARTS.split(title.strip())]
    if len(heading) < 8 or len(parts) < 2 or heading not in parts:
        return False
    rest = [part for part in parts if part != heading]
    return all(len(part) < len(heading) and (_SITE_NAME.search(part) or part in chrome) for part in rest)


def _with_title(  # type: ignore[no-untyped-def]
    blocks: list[Block], root, content, page_title: str, classes: dict[str, float] | None = None
) -> list[Block]:
    """The blocks with the page's title first, as a title block (see the module's docstring). A title
    broken over lines by ``<br>`` (pdftohtml's page sets each printed line so; sites break a long title
    the same way) is one title, its lines read once."""
    head = []  # the blocks before the first sentence
    for block in blocks:
        if _ENDS_SENTENCE.search(block.text):
            break
        head.append(block)
    squeezed = re.sub(r"\s+", "", page_title)
    # a heading anywhere on the page that is the <title>'s text
    if squeezed:
        headings = list(root.iter("h1", "h2", "h3", "h4", "h5", "h6"))
        chrome = {re.sub(r"\s+", "", _inline_text(element)) for element in [*headings, *root.iter("a")]}
        for element in headings:
            text = _clean(_inline_text(element))
            flat = re.sub(r"\s+", "", text)
            if flat and (
                flat == squeezed
                or (len(squeezed) >= 8 and squeezed in flat)
                or _site_named(flat, page_title, chrome - {flat})
            ):
                return _titled(blocks, head, text)
    h1 = [b for b in blocks if b.kind == "heading" and b.level == 1]
    if len(h1) == 1 and any(b is h1[0] for b in head):
        return _titled(blocks, head, h1[0].text)
    # a head line, or a run of up to three, that is the <title>'s text: before type sizes, which a page's
    # style sheet may give a subtitle or an issuer line but not the body
    if squeezed:
        for n in range(len(head)):
            joined = ""
            for block in head[n : n + _TITLE_LINES]:
                joined += re.sub(r"\s+", "", block.text)
                if joined == squeezed:
                    return _titled(blocks, head, page_title)
                if not squeezed.startswith(joined):
                    break
    # the largest type among the lines before the first sentence (an office program's Title style)
    sizes = {}
    for element in content.iter("p", "div", "center"):
        text = _clean(_inline_text(element))
        if text and not any(c.tag in ("p", "div") for c in element.iterdescendants()):
            size = _font_size(element, classes)
            sizes[text] = size
            for line in broken_lines(_inline_text(element), _clean):  # its lines, as the blocks hold them
                sizes.setdefault(line, size)
    # the body's type: the size most of the sentences' characters are set in
    counted: dict[float, int] = {}
    for text, size in sizes.items():
        if _ENDS_SENTENCE.search(text):
            counted[size] = counted.get(size, 0) + len(text)
    if counted:
        body = max(counted, key=lambda size: counted[size])
        big = [b for b in head if sizes.get(b.text, 0) > body + 2 and len(b.text) <= 80]
        if big:
            largest = max(big, key=lambda b: sizes[b.text])
            # the head's run of lines in that type around it: a title over two or three lines
            at = next(n for n, b in enumerate(head) if b is largest)
            start, end = at, at + 1
            while start > 0 and sizes.get(head[start - 1].text, 0) == sizes[largest.text]:
                start -= 1
            while end < len(head) and sizes.get(head[end].text, 0) == sizes[largest.text]:
                end += 1
            run = head[start:end]
            title = "".join(b.text for b in run) if len(run) <= _TITLE_LINES else largest.text
            return _titled(blocks, head, title)
    if squeezed:
        for block in head:
            if re.sub(r"\s+", "", block.text) == squeezed:
                return _titled(blocks, head, block.text)
        return [Block(text=page_title, kind="title"), *blocks]
    return blocks


def _titled(blocks: list[Block], head: list[Block], title: str) -> list[Block]:
    """The blocks with `title` as a title block: in place of the head line of that text, or of the run of
    up to `_TITLE_LINES` head lines that makes it up (a title broken over lines), else first."""
    flat = re.sub(r"\s+", "", title)
    for n, block in enumerate(blocks):
        if not any(block is h for h in head):
            continue
        joined = ""
        for end in range(n, min(n + _TITLE_LINES, len(blocks))):
            if not any(blocks[end] is h for h in head):
                break
            joined += re.sub(r"\s+", "", blocks[end].text)
            if joined == flat:
                text = blocks[n].text if end == n else _joined_lines([b.text for b in blocks[n : end + 1]])
                return [*blocks[:n], Block(text=text, kind="title"), *blocks[end + 1 :]]
            if not flat.startswith(joined):
                break
    return [Block(text=title, kind="title"), *blocks]


# A title is set over at most this many lines.
_TITLE_LINES = 3


def _joined_lines(lines: list[str]) -> str:
    """Lines of one title joined as printed lines are (corpus.layout.join: nothing between Chinese)."""
    text = lines[0]
    for line in lines[1:]:
        text = join(text, line)
    return text


def reference_text(element) -> str:  # type: ignore[no-untyped-def]
    """Every text node under an element, one line per block element and ``<br>``: a walk of its own,
    deliberately simple and separate from the block walk."""
    parts: list[str] = []

    def walk(e) -> None:  # type: ignore[no-untyped-def]
        block = e.tag in _BLOCKS
        if block:
            parts.append("\n")
        parts.append(e.text or "")
        for child in e:
            if isinstance(child.tag, str):
                if child.tag == "br":
                    parts.append("\n")
                else:
                    walk(child)
            parts.append(child.tail or "")
        if block:
            parts.append("\n")

    walk(element)
    lines = (_clean(raw) for raw in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line and not is_site_line(line))


def _clean(text: str) -> str:
    """A line as the other readers give it: no-break spaces and runs of spaces as one space, full-width
    indents and the line's outer spaces gone (a full-width space inside the line stays)."""
    return re.sub(r"[ \t\r\n\u00a0\u2002\u2003\u200b\ufeff]+", " ", text).strip(" \u3000")
