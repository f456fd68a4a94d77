"""No sentence lost, none read twice, through the real producers: speeches and notices generated at random
with the structure staff's files have (tests/generated_speeches.py: a title, date and speaker lines,
headings 「一、」「（一）」「1.」 styled or typed bold, paragraphs of up to twenty sentences running over pages,
items 「（1）」, footnotes, tables with a cell merged down and a 「备注」 row across, Chinese mixed with digits,
Latin words, full-width and half-width forms, a page header and a 「— N —」 footer on every page), written
by python-docx, converted by LibreOffice to .pdf, .odt, .rtf and .wps (Word 97, as WPS saves it), and
typeset by reportlab, then read by `corpus`: the title, every heading and every body sentence come back
once and in order, every note once, every table cell, no page header or number; Word's styled headings
stay headings (Word, OpenDocument, RTF, WPS); and after parsing and chunking (passages merged to 200
characters, and not merged) every body sentence and note is whole in exactly one passage.

LibreOffice runs once per example for a batch of generated files (a start costs seconds); those tests are
marked slow and skip without `soffice`, and do not shrink a failure (each shrinking step would start
LibreOffice again): hypothesis prints the failing batch; write its specs with `docx_of` and
`libreoffice` and cut them down by hand (tests/fixtures/property_findings/ holds what was found so).
`SPEECHQA_PROPERTY_EXAMPLES` (default 25) sets the python-docx and reportlab examples; LibreOffice's are
a twelfth of it, at least two.
"""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from corpus import read_bytes

from .generated_speeches import Spec, docx_of, libreoffice, problems, reportlab_of, speeches
from .test_corpus_documents_property import EXAMPLES

LIBREOFFICE_EXAMPLES = max(2, EXAMPLES // 12)
BATCH = 3
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
through_libreoffice = settings(
    max_examples=LIBREOFFICE_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
batches = st.lists(speeches(), min_size=BATCH, max_size=BATCH)


def assert_whole(specs: list[Spec], files: dict[str, bytes], *, structured: bool) -> None:
    found = {}
    for spec, (name, data) in zip(specs, files.items(), strict=True):
        if wrong := problems(spec, read_bytes(name, data), structured=structured):
            found[name] = wrong
    assert not found, found


def word_files(specs: list[Spec]) -> dict[str, bytes]:
    return {f"生成{n}.docx": docx_of(spec) for n, spec in enumerate(specs)}


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(speeches(), st.sampled_from([200, None]))
def test_generated_word_files_come_back_whole_and_each_sentence_in_one_passage(
    spec: Spec, merge_to: int | None
) -> None:
    assert problems(spec, read_bytes("生成.docx", docx_of(spec)), structured=True, merge_to=merge_to) == []


@settings(max_examples=max(5, EXAMPLES // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(speeches(spaced=False))
def test_generated_reportlab_pdfs_come_back_whole_and_each_sentence_in_one_passage(spec: Spec) -> None:
    assert problems(spec, read_bytes("生成.pdf", reportlab_of(spec)), structured=False) == []


@pytest.mark.slow
@needs_soffice
@through_libreoffice
@given(batches)
def test_libreoffice_pdfs_of_generated_word_files_come_back_whole(specs: list[Spec]) -> None:
    assert_whole(specs, libreoffice(word_files(specs), "pdf"), structured=False)


@pytest.mark.slow
@needs_soffice
@through_libreoffice
@given(batches)
def test_libreoffice_odt_and_rtf_of_generated_word_files_come_back_whole(specs: list[Spec]) -> None:
    files = word_files(specs)
    assert_whole(specs, libreoffice(files, "odt"), structured=True)
    assert_whole(specs, libreoffice(files, "rtf"), structured=True)


@pytest.mark.slow
@needs_soffice
@settings(through_libreoffice, max_examples=1)
@given(st.lists(speeches(), min_size=2, max_size=2))
def test_wps_files_of_generated_word_files_come_back_whole(specs: list[Spec]) -> None:
    # WPS Office saves .wps in Word 97's format; reading one converts it with LibreOffice again
    files = libreoffice(word_files(specs), "doc:MS Word 97", suffix="wps")
    assert_whole(specs, files, structured=True)
