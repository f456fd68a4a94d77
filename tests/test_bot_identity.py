"""Admin uploads and speech identity, through the real bot and the fake Bot API over real HTTP: two
different files of one name are two speeches; the same bytes under another name are the same file."""

from __future__ import annotations

import pytest

from retrieval import SpeechService

from .bot_harness import ADMIN, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

CENTRE = """在全区老干部活动中心建设推进会上的讲话
同志们：
活动中心要建立开放时间公示制度，每周开放不少于六天，节假日安排专人值班。
活动中心适老化改造要按标准推进，地面防滑、走廊扶手、无障碍卫生间一项不少。
"""

CLINIC = """在离休干部医疗保障工作座谈会上的讲话
同志们：
离休干部医药费要按规定及时足额报销，不得拖欠，定点医院要开设优先就诊窗口。
各单位要为行动不便的离休干部提供上门巡诊服务，建立一人一档健康档案。
"""


async def test_two_different_uploads_of_one_name_are_both_kept(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service, progress_interval=0) as app:
        await feed(app, api.make_document_update("讲话.txt", CENTRE.encode(), user_id=ADMIN))
        assert "新增 #6 《在全区老干部活动中心建设推进会上的讲话》" in api.last_message(ADMIN).plain_text
        await feed(app, api.make_document_update("讲话.txt", CLINIC.encode(), user_id=ADMIN))
        assert "新增 #7 《在离休干部医疗保障工作座谈会上的讲话》" in api.last_message(ADMIN).plain_text
        # the first upload's bytes again, under another name: the same file, nothing stored twice
        await feed(app, api.make_document_update("活动中心（副本）.txt", CENTRE.encode(), user_id=ADMIN))
        assert "未变化（与 #6 相同）" in api.last_message(ADMIN).plain_text
        # re-typed with other spacing: a duplicate of #7, not a new speech
        retyped = CLINIC.replace("，", "， ").replace("\n", "\n\n").encode("gbk")
        await feed(app, api.make_document_update("座谈会.txt", retyped, user_id=ADMIN))
        assert "重复（与 #7 相同，未重复存储）" in api.last_message(ADMIN).plain_text
    titles = [s.title for s in seed_service.library.store.speeches()]
    assert titles[5:] == ["在全区老干部活动中心建设推进会上的讲话", "在离休干部医疗保障工作座谈会上的讲话"]
