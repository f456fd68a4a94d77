"""Questions about a document rather than in it, and dictated questions, through `speechqa add` / `ask` on a copy
of the indexed seed home: an OFD notice from LibreOffice (tests/fixtures/ofd), and two of the policy notices."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli_library import Run, ok

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OFD = FIXTURES / "ofd" / "health_notice.libreoffice.ofd"
NURSING = FIXTURES / "notices" / "n08-hanzi-riqi.txt"  # 关于调整离休干部护理费标准的通知: no 文号
CENTRE = FIXTURES / "notices" / "n05-banfa-tiaokuan.txt"  # 活动中心管理办法: 「周一闭馆维护」


@pytest.fixture
def library(run: Run) -> Run:
    ok(run("add", str(OFD), str(NURSING), str(CENTRE)))
    return run


def test_a_notices_date_is_answered_from_its_record_with_its_passage(library: Run) -> None:
    answer = json.loads(ok(library("ask", "--json", "这个体检通知是哪天发的")))
    fact = answer["record_fact"]
    assert answer["answered"] is True
    assert (fact["kind"], fact["label"], fact["value"]) == ("date", "发布日期", "2024年4月2日")
    assert fact["line"] == "发布日期：2024年4月2日（据资料库记录的文件日期）"
    assert answer["results"][0]["speech_id"] == fact["speech_id"]
    assert answer["results"][0]["passage_id"] == fact["passage_id"]
    assert "关于做好2024年离休干部健康体检工作的通知" in answer["results"][0]["speech_title"]
    shown = ok(library("ask", "-k", "1", "这个体检通知是哪天发的"))
    assert "发布日期：2024年4月2日（据资料库记录的文件日期）" in shown


def test_a_document_number_is_shown_with_the_passage_that_states_it(library: Run) -> None:
    answer = json.loads(ok(library("ask", "--json", "体检通知的文号是多少？")))
    assert answer["record_fact"]["value"] == "某老干发〔2024〕12号"
    assert "某老干发〔2024〕12号" in answer["results"][0]["text"]


def test_a_fact_the_record_lacks_is_said_and_not_answered(library: Run) -> None:
    answer = json.loads(ok(library("ask", "--json", "护理费标准调整通知的文号是多少")))
    assert answer["answered"] is False and answer["confidence"] == "low"
    assert answer["record_fact"]["value"] is None
    assert answer["record_fact"]["line"] == "资料库没有记下《关于调整离休干部护理费标准的通知》的文号。"
    assert "资料库没有记下《关于调整离休干部护理费标准的通知》的文号。" in ok(
        library("ask", "护理费标准调整通知的文号是多少")
    )


def test_a_document_the_library_lacks_gets_no_fact_of_another(library: Run) -> None:
    answer = json.loads(ok(library("ask", "--json", "关于垃圾分类的通知是哪天发的")))
    assert answer["answered"] is False
    assert answer["record_fact"] is None


def test_a_question_about_what_a_document_says_is_answered_as_before(library: Run) -> None:
    answer = json.loads(ok(library("ask", "--json", "离休干部体检是什么时候开始的")))
    assert answer["record_fact"] is None


def test_a_dictated_weekday_is_read_as_the_library_writes_it(library: Run) -> None:
    answer = json.loads(ok(library("ask", "--json", "嗯活动中心礼拜一开不开门")))
    assert answer["answered"] is True
    assert "周一闭馆维护" in answer["results"][0]["text"]
    assert answer["query"] == "嗯活动中心礼拜一开不开门"  # shown as dictated
