"""Three shapes of office file no reader had met (cold32): mail-merged letters, Word's legacy form fields,
LibreOffice Writer's XHTML export.

- A mail merge (「邮件合并 › 合并到新文档」) writes one letter per record, each greeting its addressee by name
  (「尊敬的孟庆和同志（原县林业局局长）：」). The greeting was dropped as a salutation, so the letters read
  alike but for their sums and dates, none saying whom it is for: 「孟庆和的慰问金多少」 found nothing. A
  greeting to one named person now leads the letter's first paragraph.
- Word's legacy check boxes (FORMCHECKBOX) are drawn from the field's data and hold no text: a filled-in
  form read 「能否参加周三排练：能不能」, the choice lost. Now a ticked box reads ☑, an empty one ☐.
- An ``.xhtml`` page (Writer's 「导出 › XHTML」) was refused as a format speechqa does not read; it is read
  as a web page.

The files: ``tests/fixtures/letters_forms/``, made by ``make_letters_forms.py`` there (python-docx; the form
saved again by LibreOffice Writer; the page exported by Writer).
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from tests.fixtures.corpus_writers import write_legacy_form
from tests.fixtures.letters_forms.make_letters_forms import (
    FORM_FIELDS,
    LETTERS,
    NOTICE,
    RECORDS,
)

FIXTURES = Path(__file__).parent / "fixtures" / "letters_forms"
SENTENCE = re.compile(r"[^。！？]+[。！？]")


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _speeches(path: Path):  # type: ignore[no-untyped-def]
    return parse_document(read_bytes(path.name, path.read_bytes()))


# --- mail-merged letters --------------------------------------------------------------------------


def test_the_file_is_a_merge_each_letter_a_section_on_a_new_page() -> None:
    xml = zipfile.ZipFile(FIXTURES / "letters.mail-merge.docx").read("word/document.xml").decode()
    assert xml.count('w:type w:val="nextPage"') + xml.count("<w:sectPr") >= len(LETTERS)


def test_each_merged_letter_names_its_addressee_with_its_sum() -> None:
    """main: every letter's first passage began 「国庆节将至，…」, no name in any of them."""
    speeches = _speeches(FIXTURES / "letters.mail-merge.docx")
    assert len(speeches) == len(RECORDS)
    for speech, (name, post, day, _grade, sum_) in zip(speeches, RECORDS, strict=True):
        first = _squeezed(speech.paragraphs[0].text)
        assert first.startswith(f"尊敬的{name}同志（{post}）：国庆节将至")
        assert f"慰问金{sum_}元" in first and day in first


def test_each_merged_letter_keeps_every_sentence_once_in_order() -> None:
    for speech, letter in zip(_speeches(FIXTURES / "letters.mail-merge.docx"), LETTERS, strict=True):
        body = "".join(_squeezed(p.text) for p in speech.paragraphs)
        expected = [s for kind, text in letter if kind == "body" for s in SENTENCE.findall(str(text))]
        assert all(body.count(s) == 1 for s in expected)
        places = [body.index(s) for s in expected]
        assert places == sorted(places)


NAMES = ("孟庆和", "齐秀云", "欧阳德", "钟岳明", "黎丹青", "宋志远", "韩淑兰")
CROWDS = ("同志们：", "各位老同志：", "尊敬的各位老领导、老同志：", "各离退休干部党支部：")


@settings(max_examples=40, deadline=None)
@given(
    name=st.sampled_from(NAMES),
    form=st.sampled_from(
        ("尊敬的{}同志：", "{}同志：", "尊敬的{}同志（原县水利局局长）：", "亲爱的{}女士：")
    ),
    crowd=st.sampled_from(CROWDS),
    one=st.booleans(),
)
def test_a_greeting_to_one_person_leads_the_body_one_to_many_is_dropped(
    name: str, form: str, crowd: str, one: bool
) -> None:
    """Under a title, a greeting to one named person leads the first paragraph; a greeting to many does not
    (as before), and no sentence is lost or doubled either way."""
    greeting = form.format(name) if one else crowd
    lines = [
        "关于走访慰问的告知书",
        greeting,
        "县委老干部局定于下周二上门看望。",
        "如有不便请提前告知联络员。",
        "中共某县委老干部局",
        "2029年9月20日",
    ]
    [speech] = parse_document(read_bytes("告知书.txt", "\n".join(lines).encode()))
    body = "".join(_squeezed(p.text) for p in speech.paragraphs)
    assert (
        body.count("县委老干部局定于下周二上门看望。") == 1 and body.count("如有不便请提前告知联络员。") == 1
    )
    assert speech.title == "关于走访慰问的告知书"
    if one:
        assert body.startswith(greeting + "县委老干部局定于")
    else:
        assert greeting not in body


# --- legacy form fields ---------------------------------------------------------------------------


def _choices(value) -> str:  # type: ignore[no-untyped-def]
    return "".join(("☑" if ticked else "☐") + choice for choice, ticked in value)


def test_the_form_holds_legacy_fields_as_writer_saves_them() -> None:
    xml = zipfile.ZipFile(FIXTURES / "application.legacy-fields.docx").read("word/document.xml").decode()
    assert "FORMCHECKBOX" in xml and "FORMTEXT" in xml and "<w:checked/>" in xml


def test_legacy_check_boxes_read_ticked_or_not_typed_values_kept() -> None:
    """main: 「声部：女高音女中音男高音男低音」, 「能否参加周三排练：能不能」."""
    [speech] = _speeches(FIXTURES / "application.legacy-fields.docx")
    text = _squeezed("\n".join(p.text for p in speech.paragraphs))
    for label, value in FORM_FIELDS:
        shown = value if isinstance(value, str) else _choices(value)
        assert f"{label}：{shown}" in text


@settings(max_examples=8, deadline=None)
@given(ticks=st.lists(st.booleans(), min_size=2, max_size=4))
def test_any_ticks_of_legacy_boxes_read_as_set(ticks: list[bool]) -> None:
    """Legacy check boxes as Word writes them (python-docx, ``w:default``), any of them ticked."""
    choices = tuple((f"选项{i}", tick) for i, tick in enumerate(ticks))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "表.docx"
        fields = (("姓名", "黎丹青"), ("选择", choices))
        write_legacy_form((("title", "登记表"),), fields, (), path, author="某县委老干部局", resave=False)
        [speech] = _speeches(path)
    text = _squeezed("\n".join(p.text for p in speech.paragraphs))
    assert f"选择：{_choices(choices)}" in text and "姓名：黎丹青" in text


# --- Writer's XHTML export ------------------------------------------------------------------------


def test_the_page_is_writers_xhtml_export() -> None:
    page = (FIXTURES / "notice.writer.xhtml").read_text(encoding="utf-8")
    assert page.startswith("<?xml") and "converted to xhtml by LibreOffice" in page


def test_a_writer_xhtml_page_is_read_as_a_web_page() -> None:
    """main: refused, 「支持 .txt、.md、…」 (no .xhtml)."""
    [speech] = _speeches(FIXTURES / "notice.writer.xhtml")
    assert speech.title == NOTICE[0][1]
    assert speech.date == "2029-11-28" and speech.issuer == "中共青岚县委老干部局"
    body = "".join(_squeezed(p.text) for p in speech.paragraphs)
    expected = [s for kind, text in NOTICE if kind == "body" for s in SENTENCE.findall(str(text))]
    assert [s for s in SENTENCE.findall(body) if s in expected] == expected
    sections = [p.section for p in speech.paragraphs]
    assert "一、检查内容" in sections and "二、工作要求" in sections
