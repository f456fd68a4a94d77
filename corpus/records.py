"""Small typed records that flow out of the corpus layer."""

from __future__ import annotations

from dataclasses import dataclass

BLOCK_KINDS = ("title", "subtitle", "heading", "paragraph", "line", "table_row", "note", "equation")


@dataclass(frozen=True)
class Block:
    """One structural unit of a document whose format says what each paragraph is (Word styles).

    kind is one of BLOCK_KINDS; level is the heading level (1 = Heading 1) when kind == "heading",
    else 0. A table_row's text labels each cell by its header cell: 「项目：健康体检；标准：每年一次」.
    A note is a footnote or endnote, placed after what references it: a paragraph of its own.
    An equation is a row of a display equation (Word's Office Math): a line of its own, never joined to
    the lines around it.
    """

    text: str
    # "title" | "subtitle" | "heading" | "paragraph" | "line" (set on its own in table cells: a 文号 beside
    # its 签发人, a signature, read as such; in the body, a table row) | "table_row" | "note"
    kind: str
    level: int = 0
    # plain text that opens a paragraph of its own, never the rest of the text before it (a chat's message)
    parted: bool = False


@dataclass(frozen=True)
class Document:
    """A file's text, decoded, before any cleaning.

    text is always filled (one line per paragraph / table row). blocks is filled only when the format
    carries structure (Word; a PDF's table rows): the same content in order, each unit with its kind
    ("" for plain text the parser reads as it reads a .txt line). reference, when the
    format allows a second extraction independent of the one that made text (Word: every w:t of the
    body, one line per paragraph; a .txt: the file's own lines, before hard wraps were joined and page
    furniture dropped), is that text: conservation checks the passages against it. notes: what the
    user must be told about a file that was read in part (scanned pages of a PDF no OCR engine could
    read) or read doubtfully (scanned pages OCR read with low confidence), one Chinese line each; the file
    is still added.
    """

    name: str  # file name, used as the speech's source
    text: str
    encoding: str  # what it was decoded from: "utf-8", "gb18030", "big5", "docx", "pdf", "ocr", …
    blocks: tuple[Block, ...] = ()
    reference: str = ""
    path: str | None = None  # the resolved path it was read from (None: uploaded bytes)
    digest: str = ""  # SHA-256 of the file's bytes
    size: int = 0  # the file's bytes
    notes: tuple[str, ...] = ()  # for the user: what of the file could not be read
    pictures: bool = False  # a Word or ODF file holding pictures, which are not read (a scan pasted in?)
    # a notice saved from an e-mail: the day the message was sent (2026-04-28), each speech's date when
    # its text names none (corpus.mail)
    sent: str | None = None
    # a recording's transcript: the speaker its host introduced (「下面，请蒲正言局长讲话」, corpus.transcript),
    # each speech's speaker when its text names none
    introduced: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """One cleaned paragraph of a speech body, with the heading path it sits under."""

    text: str
    section: str | None
    # "text"; "table_row" for one row of a table (kept as its own passage); "note" for a footnote or
    # endnote (a paragraph of its own, which a passage may take after a finished sentence); "equation" for a
    # row of a display equation (a line of its own in its passage)
    kind: str = "text"


@dataclass(frozen=True)
class ImprintField:
    """One labelled field of an official document's 版记: 「抄送」 「市委组织部组织一处」, 「印发日期」 「2026年3月2日」."""

    label: str
    value: str


@dataclass(frozen=True)
class Speech:
    """One speech: its metadata and its body paragraphs (headings are metadata, not paragraphs)."""

    title: str
    subtitle: str | None
    date: str | None  # ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when that is all the text says)
    speaker: str | None
    source: str  # the file it came from
    ordinal: int  # 1-based position of the speech inside its file
    label: str | None  # a compilation's marker, e.g. "第二篇：2024在全市老干部工作会议上讲话"
    paragraphs: tuple[Paragraph, ...]
    doc_number: str | None = None  # an official document's number, e.g. "江政办发〔2020〕12号"
    issuer: str | None = None  # the issuing body (letterhead or signature), e.g. "江州市委老干部局"
    # the bodies an official document is sent to (主送), without the colon: "各区县人民政府，市政府各部门"
    addressee: str | None = None
    # its 版记, labelled as printed: 「抄送」 (抄报, 分送; a 简报's 报, 送, 发) and the bodies, 「印发机关」 and
    # 「印发日期」 of its 印发 line; read into the 「文件信息」 passage, never into the body
    imprint: tuple[ImprintField, ...] = ()

    @property
    def shown_title(self) -> str:
        """The title users see and find: an official document's number follows it,
        「关于做好重阳节走访慰问工作的通知（温老干〔2024〕12号）」, unless the title already holds it."""
        number = self.doc_number
        if not number or "".join(number.split()) in "".join(self.title.split()):
            return self.title
        return f"{self.title}（{number}）"

    @property
    def shown_issuer(self) -> str | None:
        """The issuing bodies as citations name them: a joint document's several, 「、」 between them
        (「中共江州市委老干部局、江州市财政局」), as its 「文件信息」 passage writes them. None when unknown."""
        return "、".join(self.issuer.split()) if self.issuer and self.issuer.strip() else None


@dataclass(frozen=True)
class PassageDraft:
    """A retrievable unit cut from a speech: a paragraph, or a sentence-aligned part of a long one."""

    text: str
    section: str | None
    paragraph: int  # index of the paragraph in its speech
    part: int  # 0 for a whole paragraph; 0, 1, … for the parts of a split one
