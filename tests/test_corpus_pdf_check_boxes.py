"""Check boxes and radio buttons of a PDF form filled in on a computer (报名表: the courses ticked, 性别 and
人员类别 chosen). Which boxes were ticked lives in the widgets only (``/AS``, the field's ``/V``) and a viewer
draws the tick: the form was read as its labels alone, 「报名课程；书法 太极拳 合唱」, saying nothing of what
was chosen. Each box now reads as a character where it stands — ☑ or ☐, a radio button ◉ or ○.

The forms: drawn by reportlab with AcroForm check boxes and radio groups beside printed labels, filled in by
pypdf as a PDF program's 「填写表单」 saves them (each box's ``/AS`` and ``/V`` its on-state or ``/Off``, a radio
group's ``/V`` the chosen button's state).
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import read_bytes

COURSES = ("书法", "太极拳", "合唱", "国画", "摄影", "葫芦丝")
KINDS = ("离休干部", "退休干部", "其他")
_FACES: dict[str, str] = {}


def _face() -> str:
    """Noto Serif CJK SC cut to the labels' characters, registered with reportlab once."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from tests.fixtures.corpus_writers import truetype_font

    if "face" not in _FACES:
        characters = "报名表课程人员类别姓赵桂兰：" + "".join(COURSES) + "".join(KINDS)
        with tempfile.TemporaryDirectory() as tmp:
            font = truetype_font(characters, Path(tmp) / "CheckBoxSerif.ttf", name="CheckBoxSerif")
            pdfmetrics.registerFont(TTFont("CheckBoxSerif", str(font)))
        _FACES["face"] = "CheckBoxSerif"
    return _FACES["face"]


def _form(ticked: list[bool], kind: int) -> bytes:
    """A one-page 报名表: a name line, a row of course check boxes (each box left of its label), a row of
    人员类别 radio buttons; filled in by pypdf with `ticked` courses and the `kind`-th category chosen."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    face = _face()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.setFont(face, 16)
    pdf.drawString(72, 780, "报名表")
    pdf.setFont(face, 11)
    pdf.drawString(72, 740, "姓名：赵桂兰")
    pdf.drawString(72, 700, "课程：")
    for number, course in enumerate(COURSES[: len(ticked)]):
        x = 120 + number * 70
        pdf.acroForm.checkbox(name=f"course{number}", checked=False, x=x, y=697, size=13, buttonStyle="check")
        pdf.drawString(x + 16, 700, course)
    pdf.drawString(72, 660, "人员类别：")
    for number, label in enumerate(KINDS):
        x = 140 + number * 90
        pdf.acroForm.radio(name="kind", value=f"k{number}", selected=False, x=x, y=657, size=13)
        pdf.drawString(x + 16, 660, label)
    pdf.showPage()
    pdf.save()

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    for ref in writer.pages[0]["/Annots"]:
        widget = ref.get_object()
        parent = widget.get("/Parent")
        owner = parent.get_object() if parent is not None else widget
        name = str(owner["/T"])
        on = next(state for state in widget["/AP"]["/N"] if state != "/Off")
        if name == "kind":
            chosen = on == f"/k{kind}"
            widget[NameObject("/AS")] = NameObject(on if chosen else "/Off")
            if chosen:
                owner[NameObject("/V")] = NameObject(on)
        else:
            state = NameObject(on if ticked[int(name.removeprefix("course"))] else "/Off")
            widget[NameObject("/AS")] = state
            widget[NameObject("/V")] = state
    filled = io.BytesIO()
    writer.write(filled)
    return filled.getvalue()


def test_the_ticked_courses_and_the_chosen_category_are_read_where_they_stand() -> None:
    text = read_bytes("报名表.pdf", _form([True, False, True], kind=1)).text
    assert "课程：☑书法☐太极拳☑合唱" in text.replace(" ", "")
    assert "人员类别：○离休干部◉退休干部○其他" in text.replace(" ", "")
    assert "姓名：赵桂兰" in text


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ticked=st.lists(st.booleans(), min_size=1, max_size=len(COURSES)), kind=st.integers(0, len(KINDS) - 1))
def test_every_box_reads_once_before_its_label_in_the_state_it_was_saved_in(
    ticked: list[bool], kind: int
) -> None:
    text = read_bytes("报名表.pdf", _form(ticked, kind)).text.replace(" ", "")
    courses = "".join(("☑" if on else "☐") + course for on, course in zip(ticked, COURSES, strict=False))
    kinds = "".join(("◉" if n == kind else "○") + label for n, label in enumerate(KINDS))
    assert f"课程：{courses}" in text
    assert f"人员类别：{kinds}" in text
    assert text.count("☑") + text.count("☐") == len(ticked)
    assert text.count("◉") == 1 and text.count("○") == len(KINDS) - 1
