"""A joint notice printed to PDF with its masthead in Word's 「双行合一」 (blind set cold13, LibreOffice's PDF of a
python-docx file), through `speechqa add` / `speeches` / `ask --json` on a copy of the indexed seed home."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli_library import Run, ok

pytestmark = pytest.mark.slow

JOINT = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold13" / "家庭医生签约服务通知.pdf"
ISSUERS = "黛川市委老干部局、黛川市卫生健康委员会"


def test_a_joint_pdf_notice_is_cited_with_both_its_issuers(run: Run) -> None:
    """Its masthead squeezes the two names into one run; its signature names them apart. It was cited as issued
    by one body 「黛川市委老干部局黛川市卫生健康委员会」; now by both, as a Word joint notice is."""
    added = ok(run("add", str(JOINT)))
    assert f"发文：{ISSUERS}" in added
    assert f"发文：{ISSUERS}" in ok(run("speeches"))
    answer = json.loads(ok(run("ask", "--json", "家庭医生签约服务的通知是哪个单位发的？")))
    assert answer["results"][0]["issuer"] == ISSUERS
