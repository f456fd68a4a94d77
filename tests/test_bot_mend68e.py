"""Review fixes of trial68's lying-extension reading (docs/trial68.md, 「Review fixes (mend68e)」): files whose names
lie in ways trial68's tests did not try, sent to the real bot over real HTTP to the fake Bot API, and the reader's
property that `read_as_sent` reads whatever `read_bytes` reads exactly as it does."""

from __future__ import annotations

import csv
import io

import pytest

from corpus import Misnamed, read_as_sent, read_bytes
from retrieval import SpeechService

from .bot_harness import ADMIN, feed, running_bot
from .fake_telegram import FakeBotAPI

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROWS = [
    ["单位", "活动", "人数", "成效"],
    [
        "市委老干部局",
        "走访慰问离退休干部",
        "三百二十人",
        "为老同志解决实际困难四十余件，老同志普遍表示满意。",
    ],
    [
        "区老干部活动中心",
        "书画展览和摄影比赛",
        "一百五十人",
        "展出作品两百余幅，丰富了老同志的精神文化生活。",
    ],
    ["市老年大学", "开设智能手机应用课程", "九十人", "帮助老同志学会网上挂号和视频通话，跨越数字鸿沟。"],
]


def table(delimiter: str = ",", encoding: str = "gbk") -> bytes:
    """A table as Python's csv module writes it (an office system's 「导出Excel」 saves the same under .xlsx)."""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(ROWS)
    return out.getvalue().encode(encoding)


def test_a_csv_under_a_workbooks_name_is_read_as_the_table_it_is() -> None:
    """A GBK CSV or a TSV under 「表.xlsx」「表.xls」「表.et」: `speechqa add`'s refusal names .csv (not .txt), and the
    bot's reading gives the same text as the file under 「表.csv」, with a note saying how it was read."""
    for suffix in (".xlsx", ".xls", ".et"):
        for data in (table(), table("\t", "utf-8")):
            with pytest.raises(Misnamed) as refused:
                read_bytes(f"表{suffix}", data)
            assert refused.value.kind == ".csv" and "请把扩展名改为 .csv 再添加" in str(refused.value)
            sent = read_as_sent(f"表{suffix}", data)
            assert (sent.name, sent.text) == (f"表{suffix}", read_bytes("表.csv", data).text)
            assert sent.notes[0].startswith(f"表{suffix} 其实是 CSV 表格（.csv），已按 .csv 文件的内容读取")


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_csv_sent_as_a_workbook_is_added_by_the_bot(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """An admin sends 「表.xlsx」 that is a GBK CSV (as office systems export): it is added and cited as sent, the
    report saying it was read as a CSV — it was lost as 「表.xlsx 中没有找到讲话正文。」."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("表.xlsx", table(), XLSX, user_id=ADMIN))
        report = api.last_message(ADMIN).plain_text
    assert "📥 表.xlsx" in report and "新增" in report, report
    assert "⚠️ 表.xlsx 其实是 CSV 表格（.csv），已按 .csv 文件的内容读取，出处仍用发来的文件名。" in report, (
        report
    )
