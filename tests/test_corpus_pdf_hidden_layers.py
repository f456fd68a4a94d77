"""A PDF's layers switched off (corpus.layers): optional content a viewer does not show is not read.

The blind set's notice was written by PyMuPDF (``add_ocg(on=False)``: a draft's figures and a reviewer's
remark in a hidden layer 「修改稿」); the property's PDFs are reportlab pages whose second page's drawing is
moved by pypdf into the first inside ``/OC … BDC … EMC``, the group off in the default view (``/OFF``, or
``/BaseState /OFF``, or a membership dictionary ``/OCMD`` over it), as a design program exports a page whose
review layer is hidden."""

from __future__ import annotations

import functools
import io
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold38"
STAR = SET / "关于组织离退休干部参加天文观星科普活动的通知.pdf"

TITLE = "关于组织离退休干部参加天文观星科普活动的通知"
BODY = (
    "各离退休干部党支部：",
    "一、活动时间。2035年8月28日晚7时至10时。",
    "二、活动地点。凤鸣山天文台观测平台。",
    "三、参加名额。名额40人，按报名先后确定。",
)
SIGN = ("中共蔚桥县委老干部局", "2035年8月12日")
HIDDEN = ("（初稿：名额30人，8月25日晚举行）", "审核意见：请核实开放时间。局办公室俞", "样稿")


@functools.cache
def _face() -> str:
    """Noto Serif CJK SC cut to this module's characters, registered with reportlab once."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from tests.fixtures.corpus_writers import truetype_font

    with tempfile.TemporaryDirectory() as tmp:
        characters = "".join([TITLE, *BODY, *SIGN, *HIDDEN, "0123456789"])
        font = truetype_font(characters, Path(tmp) / "LayerSerif.ttf", name="LayerSerif")
        pdfmetrics.registerFont(TTFont("LayerSerif", str(font)))
    return "LayerSerif"


def _pages(hidden: list[tuple[str, float, float]]) -> bytes:
    """Two reportlab pages in one font: the notice, and the lines to hide, each at (x, y) in points."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    face = _face()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.setFont(face, 18)
    pdf.drawCentredString(A4[0] / 2, 760, TITLE)
    pdf.setFont(face, 14)
    y = 710.0
    for line in BODY:
        pdf.drawString(72, y, line)
        y -= 28
    y -= 28
    for line in SIGN:
        pdf.drawRightString(A4[0] - 100, y, line)
        y -= 28
    pdf.showPage()
    pdf.setFont(face, 14)
    for text, x, y in hidden:
        pdf.drawString(x, y, text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _layered(hidden: list[tuple[str, float, float]], how: str) -> bytes:
    """The notice with the hidden lines drawn into its page inside ``/OC /L0 BDC … EMC`` (pypdf), the group
    off in the default view: `how` "off" (``/OFF [group]``), "base" (``/BaseState /OFF``), "ocmd" (the page
    refers to a membership dictionary over the group), or "on" (the layer shown: it is read)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        ContentStream,
        DictionaryObject,
        NameObject,
        TextStringObject,
    )

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pages(hidden))))
    page, extra = writer.pages[0], writer.pages[1]
    # pypdf has no public call adding an indirect object (its own add_* methods use _add_object): a layer
    # is one, as every producer writes it
    group = writer._add_object(
        DictionaryObject(
            {NameObject("/Type"): NameObject("/OCG"), NameObject("/Name"): TextStringObject("修改稿")}
        )
    )
    target = group
    if how == "ocmd":
        target = writer._add_object(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/OCMD"),
                    NameObject("/OCGs"): ArrayObject([group]),
                    NameObject("/P"): NameObject("/AnyOn"),
                }
            )
        )
    view = DictionaryObject({NameObject("/Order"): ArrayObject([group])})
    if how == "base":
        view[NameObject("/BaseState")] = NameObject("/OFF")
    elif how in ("off", "ocmd"):
        view[NameObject("/OFF")] = ArrayObject([group])
    else:
        view[NameObject("/ON")] = ArrayObject([group])
    writer.root_object[NameObject("/OCProperties")] = DictionaryObject(
        {NameObject("/OCGs"): ArrayObject([group]), NameObject("/D"): view}
    )
    resources = page["/Resources"].get_object()
    resources[NameObject("/Properties")] = DictionaryObject({NameObject("/L0"): target})
    fonts = resources["/Font"].get_object()
    for name, font in extra["/Resources"].get_object()["/Font"].get_object().items():
        fonts.setdefault(NameObject(name), font)
    own = ContentStream(page.get_contents(), writer)
    drawn = ContentStream(extra.get_contents(), writer)
    own.operations = [
        *own.operations,
        ([NameObject("/OC"), NameObject("/L0")], b"BDC"),
        *drawn.operations,
        ([], b"EMC"),
    ]
    page.replace_contents(own)
    writer.remove_page(1)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _read(data: bytes) -> tuple[str, object]:
    document = read_bytes("通知.pdf", data)
    return document.text, parse_document(document)[0]


def test_the_blind_sets_hidden_layer_is_not_read() -> None:
    # PyMuPDF's layer 「修改稿」 off: before, 「（初稿：名额30人…）」 ran into the lead's sentence and the remark
    # under the date joined the signature and the date to the last paragraph — the notice had no date
    document = read_document(STAR)
    assert "初稿" not in document.text and "审核意见" not in document.text
    speech = parse_document(document)[0]
    assert speech.date == "2035-08-12"
    assert speech.issuer == "中共蔚桥县委老干部局"
    assert "现将有关事项通知如下：" in document.text


def test_a_layer_shown_in_the_default_view_is_read() -> None:
    text, _ = _read(_layered([("审核意见：请核实开放时间。局办公室俞", 72, 120)], "on"))
    assert "审核意见：请核实开放时间。局办公室俞" in text


def test_a_pdf_without_layers_is_read_untouched() -> None:
    from corpus.layers import without_hidden_layers

    data = _pages([("样稿", 72, 120)])
    assert without_hidden_layers(data) is data


_PLACES = st.lists(
    st.tuples(
        st.sampled_from(HIDDEN),
        st.floats(min_value=60, max_value=400),
        st.floats(min_value=60, max_value=780),
    ),
    min_size=1,
    max_size=3,
)


@settings(max_examples=25, deadline=None)
@given(hidden=_PLACES, how=st.sampled_from(["off", "base", "ocmd"]))
def test_a_hidden_layer_anywhere_on_the_page_leaves_the_reading_as_without_it(
    hidden: list[tuple[str, float, float]], how: str
) -> None:
    # over the text, between its lines or in the margin: the page reads exactly as the notice alone
    plain_text, plain = _read(_layered([], "off"))
    text, speech = _read(_layered(hidden, how))
    assert text == plain_text
    assert speech == plain
    assert speech.date == "2035-08-12"  # type: ignore[attr-defined]
