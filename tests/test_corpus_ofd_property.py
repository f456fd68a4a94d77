"""Conservation as a property for OFD: notices generated at random (title, headings, paragraphs of
sentences, a signature and a date), written as OFD, come back with every sentence once and in order,
and nothing of their page numbers; the header on their page template at most once.

Two producers: the standard's page layout (``write_layout_ofd``: runs per line, per character, scaled by
a CTM, placed by DeltaY too), and easyofd converting reportlab's PDF of the same notice — run when easyofd
is installed (``EASYOFD_PYTHON`` names a Python that has it; else this one)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.layout import is_page_number
from tests.fixtures.corpus_writers import write_layout_ofd, write_ofd, write_reportlab_pdf

from .test_corpus_documents_property import ALPHABET, ENDS, assert_conserved

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
HEADER = "某某市老干部工作简报"

sentence = st.builds(
    lambda body, end: body + end, st.text(alphabet=ALPHABET, min_size=8, max_size=40), st.sampled_from(ENDS)
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map("".join)
heading_number = st.sampled_from("一二三四五六七八")
heading = st.builds(
    lambda n, text: f"{n}、{text}",
    heading_number,
    st.text(alphabet=ALPHABET, min_size=4, max_size=12),
)
body = st.builds(  # a notice opens with a paragraph, then headings and paragraphs in any order
    lambda first, rest: [("body", first), *rest],
    paragraph,
    st.lists(
        st.one_of(st.tuples(st.just("body"), paragraph), st.tuples(st.just("heading1"), heading)),
        min_size=1,
        max_size=18,
    ),
)
notices = st.builds(
    lambda title, items, month, day: [
        ("title", f"关于{title}的通知"),
        ("body", "各区县委老干部局，市直各单位："),
        *items,
        ("right", "某某市委老干部局办公室"),
        ("right", f"2025年{month}月{day}日"),
    ],
    st.text(alphabet=ALPHABET, min_size=4, max_size=14),
    body,
    st.integers(1, 12),
    st.integers(1, 28),
)


def sentences_of(parts: list[tuple[str, object]]) -> list[str]:
    out: list[str] = []
    for kind, value in parts:
        if kind == "body":
            out.extend(re.findall(rf"[^{ENDS}]*[{ENDS}]|[^{ENDS}]+$", str(value)))
        elif kind == "heading1":
            out.append(str(value))
    return out


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notices, st.sampled_from(["line", "char", "ctm", "dy"]))
def test_an_ofd_keeps_every_sentence_once_in_order_and_drops_its_page_numbers(
    parts: list[tuple[str, object]], split: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "生成.ofd"
        write_layout_ofd(parts, path, split=split, header=HEADER)
        document = read_bytes(path.name, path.read_bytes())
    assert_conserved(sentences_of(parts), document.text.replace(HEADER, ""))
    assert document.text.count(HEADER) <= 1
    assert [line for line in document.text.splitlines() if is_page_number(line)] == []
    assert not re.search(r"[—-]\s*\d+\s*[—-]", document.text)
    (speech,) = parse_document(document)
    assert speech.title == parts[0][1]
    assert speech.date == re.sub(
        r"(\d+)年(\d+)月(\d+)日", lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", str(parts[-1][1])
    )


def _easyofd() -> bool:
    python = os.environ.get("EASYOFD_PYTHON", sys.executable)
    done = subprocess.run([python, "-c", "import easyofd"], capture_output=True, check=False)
    return done.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not _easyofd(), reason="easyofd not installed (pip install easyofd; EASYOFD_PYTHON)")
@settings(max_examples=max(3, EXAMPLES // 5), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notices)
def test_an_ofd_easyofd_made_from_a_pdf_keeps_every_sentence_once_in_order(
    parts: list[tuple[str, object]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf, ofd = Path(tmp) / "生成.pdf", Path(tmp) / "生成.ofd"
        write_reportlab_pdf(parts, pdf, author="测试")
        write_ofd(pdf, ofd)
        document = read_bytes(ofd.name, ofd.read_bytes())
    assert_conserved(sentences_of(parts), document.text)
    assert not re.search(r"第\s*\d+\s*页", document.text)
