"""A 红头文件 whose issuer is named only by its red masthead (docs60): its 落款 a seal's picture over the date,
or the date alone. Two mastheads lost it: one set in the first page's header, as 套红 templates keep it
(a .docx's headers were not read: no issuer; Writer's PDF prints it and read it), and a letter's (信函格式)
organ name alone over the 文号, which was glued to the title (「中共澄溪县委老干部局关于开展…的通知」, no
issuer). Now each names the issuer, in the .docx and its PDF alike; a 落款 naming an organ is kept over a
letter's masthead.

The files: ``tests/fixtures/masthead/``, made by ``make_masthead_notices.py`` there (python-docx →
LibreOffice Writer's PDF).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from tests.fixtures.masthead.make_masthead_notices import (
    ADDRESSEE,
    BODY,
    DATE,
    DOC_NUMBER,
    ISSUER,
    JOINT_SIGNED,
    LETTER_MASTHEAD,
    SIGNED,
    TITLE,
)

FIXTURES = Path(__file__).parent / "fixtures" / "masthead"
ISSUERS = {
    "sealed": ISSUER,
    "header": ISSUER,
    "letter": LETTER_MASTHEAD,
    "joint": " ".join(JOINT_SIGNED),  # docs61: the masthead names the lead organ, the 落款 both
    "fullname": LETTER_MASTHEAD,  # docs61: the masthead's short name, the 落款's full one
}


def _speech(path: Path):  # type: ignore[no-untyped-def]
    speeches = parse_document(read_bytes(path.name, path.read_bytes()))
    assert len(speeches) == 1
    return speeches[0]


@pytest.mark.parametrize("kind", ["sealed", "header", "letter", "joint", "fullname"])
@pytest.mark.parametrize("producer", ["python-docx.docx", "writer.pdf"])
def test_the_masthead_names_the_issuer_and_the_title_stands_alone(kind: str, producer: str) -> None:
    speech = _speech(FIXTURES / f"{kind}.{producer}")
    assert (speech.title, speech.doc_number, speech.date) == (TITLE, DOC_NUMBER, DATE)
    assert speech.issuer == ISSUERS[kind]
    body = [p.text for p in speech.paragraphs if p.section != "文件信息"]
    sentences = [t for t in BODY if t.endswith("。")]
    assert [s for s in sentences if any(s in b for b in body)] == sentences
    assert not any(ISSUERS[kind] in b or "文件" in b for b in body)  # the masthead is no passage's text
    assert not any(name in b for name in ISSUERS[kind].split() for b in body)  # nor is the 落款


ORGANS = (
    "中共澄溪县委老干部局",
    "澄溪县老干部活动中心",
    "澄溪县老年大学",
    "澄溪县民政局",
    "中共澄溪县委组织部",
)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(ORGANS),
    st.one_of(st.none(), st.sampled_from(ORGANS)),
    st.lists(st.sampled_from([t for t in BODY if t.endswith("。")]), min_size=1, max_size=4, unique=True),
)
def test_a_letters_masthead_is_the_issuer_unless_the_signature_names_one(masthead, signed, body) -> None:  # type: ignore[no-untyped-def]
    lines = [masthead, DOC_NUMBER, TITLE, ADDRESSEE, *body, *([signed] if signed else []), SIGNED]
    speech = parse_document(read_bytes("通知.txt", "\n".join(lines).encode()))[0]
    assert (speech.title, speech.doc_number, speech.date) == (TITLE, DOC_NUMBER, DATE)
    assert speech.issuer == (signed or masthead)
    text = "".join(p.text for p in speech.paragraphs if p.section != "文件信息")
    for sentence in body:
        assert len(re.findall(re.escape(sentence), text)) == 1


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(ORGANS), min_size=1, max_size=3, unique=True),
    st.lists(st.sampled_from(ORGANS), min_size=0, max_size=3, unique=True),
    st.booleans(),
    st.lists(st.sampled_from([t for t in BODY if t.endswith("。")]), min_size=1, max_size=4, unique=True),
)
def test_a_masthead_and_a_signature_give_one_consistent_issuer(masthead, signed, short, body) -> None:  # type: ignore[no-untyped-def]
    """docs61: a 「…文件」 masthead (its bodies stacked, perhaps by their short names without 「中共」) and a 落款
    naming bodies side by side, or none: the issuer is the 落款's bodies when they name every body of the
    masthead, in full or as written; else the masthead's. Never a mix, every sentence once."""
    shown = [name.removeprefix("中共") if short else name for name in masthead]
    head = [f"{name}文件" for name in shown] if len(shown) == 1 else [*shown, "文件"]
    lines = [
        *head,
        DOC_NUMBER,
        TITLE,
        ADDRESSEE,
        *body,
        *(["\u3000\u3000".join(signed)] if signed else []),
        SIGNED,
    ]
    speech = parse_document(read_bytes("通知.txt", "\n".join(lines).encode()))[0]
    assert (speech.title, speech.doc_number, speech.date) == (TITLE, DOC_NUMBER, DATE)
    names_each = (
        bool(signed) and len(signed) >= len(shown) and all(any(s.endswith(m) for s in signed) for m in shown)
    )
    assert speech.issuer == (" ".join(signed) if names_each else " ".join(shown))
    text = "".join(p.text for p in speech.paragraphs if p.section != "文件信息")
    for sentence in body:
        assert len(re.findall(re.escape(sentence), text)) == 1
