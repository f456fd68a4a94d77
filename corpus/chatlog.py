"""A group chat's messages copied out of WeChat for PC (or QQ) and saved as text: the app's lines taken off.

Staff pass on what a WeChat group was told by selecting its messages in WeChat for PC, copying them and
pasting them into Notepad. Each message comes under a line naming its sender and when it was sent
(「苗振华 2036/3/10 9:02:15」; QQ writes the time first, 「2036-03-10 9:02:15 苗振华」), its stickers as codes
(「收到[强]」「[玫瑰]」), a picture as 「[图片]」, and the app's own notices among them (「“顾瑞琴”撤回了一条消息」,
「以下为新消息」). Read as text, every sender's line ran into the message above it (「…食堂安排。史家栋
2036/3/10 9:05:41收到[强]」) and the stickers' codes into the sentences.

`read_chat_log` gives the text as the messages read: one paragraph each (a blank line between), each
opening with its sender's name (「苗振华：如遇下雨，比赛顺延…」 — a reply's 「我」 says nothing without it, and
no message reads as another's), the sender and time lines, the apps' sticker codes (「[强]」, from the apps'
own set: 「[待定]」「[自理]」 are a notice's words and stay), pictures' marks and the app's notices gone; and
the day the first message was sent (2036-03-10), which is the document's date only when the messages name
none.

A text is taken for a chat only on the apps' evidence: three or more sender lines of the apps' form (a
name and then 「2036/3/10 9:02:15」 alone on a line, or QQ's time with seconds and then the name), each
followed by a line of message, their times in order, at least two senders and one of them sending again,
and — unless every time has its seconds, as the apps write them — a sticker code, a picture's mark or an
app's notice among the messages. A programme (「2036.3.10 9:00 开幕式」 over what happens then), a duty log
(「值班员张三 2036/3/10 8:00」, each on duty once) or a timetable is read as it is.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

_STAMP = r"(?P<y{n}>\d{{4}})[/\-](?P<m{n}>\d{{1,2}})[/\-](?P<d{n}>\d{{1,2}})\s+(?P<t{n}>\d{{1,2}}:\d{{2}}{seconds})"
_NAME = r"(?P<name{n}>[^\s:：，,。！？!?；;“”\"]{{1,24}}(?:\(\d+\))?)"
_ANY_SECONDS, _SECONDS = r"(?::\d{2})?", r":\d{2}"
_SENDER_LINE = re.compile(
    rf"^\s*(?:{_NAME.format(n=1)}\s+{_STAMP.format(n=1, seconds=_ANY_SECONDS)}"
    rf"|{_STAMP.format(n=2, seconds=_SECONDS)}\s+{_NAME.format(n=2)})\s*$"
)
# the app's own lines: a message withdrawn, the new-messages mark, a day's divider, a 「拍了拍」
_APP_LINE = re.compile(
    r"^\s*(?:(?:“[^”]{1,24}”|你)\s*撤回了一条消息|[-—─\s]*以下[为是]新消息[-—─\s]*"
    r"|[-—─]{2,}\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*[-—─]{2,}"
    r"|(?:“[^”]{1,24}”|我)\s*拍了拍\s*(?:“[^”]{1,24}”|我|自己).{0,20})\s*$"
)
# The codes WeChat and QQ write for their stickers (「[强]」「[玫瑰]」「[抱拳]」) and for what is not text
# (「[图片]」「[语音]」「[文件]」): the apps' own, a finite set — a notice's 「[待定]」 or 「[自理]」 is no sticker.
_STICKERS = frozenset(
    """微笑 撇嘴 色 发呆 得意 流泪 害羞 闭嘴 睡 大哭 尴尬 发怒 调皮 呲牙 惊讶 难过 酷 冷汗 抓狂 吐 偷笑 愉快 可爱
    白眼 傲慢 饥饿 困 惊恐 流汗 憨笑 悠闲 大兵 奋斗 咒骂 疑问 嘘 晕 疯了 折磨 衰 骷髅 敲打 再见 擦汗 抠鼻 鼓掌 糗大了
    坏笑 左哼哼 右哼哼 哈欠 鄙视 委屈 快哭了 阴险 亲亲 吓 可怜 菜刀 西瓜 啤酒 篮球 乒乓 咖啡 饭 猪头 玫瑰 凋谢 嘴唇
    示爱 爱心 心碎 蛋糕 闪电 炸弹 刀 足球 瓢虫 便便 月亮 太阳 礼物 拥抱 强 弱 握手 胜利 抱拳 勾引 拳头 差劲 爱你
    爱情 飞吻 跳跳 发抖 怄火 转圈 磕头 回头 跳绳 投降 激动 乱舞 献吻 左太极 右太极 嘿哈 捂脸 奸笑 机智 皱眉 耶 吃瓜
    加油 汗 天啊 社会社会 旺柴 打脸 哇 翻白眼 让我看看 叹气 苦涩 裂开 福 鞭炮 烟花 红包 發 合十 庆祝 破涕为笑
    笑脸 生病 脸红 恐惧 失望 无语 嘿嘿 点赞 比心 蜡烛 OK NO 666 Emm
    图片 语音 视频 文件 动画表情 表情 链接 位置 名片 聊天记录 小程序 语音通话 视频通话""".split()
)
_CODE = re.compile(r"\[([^\[\]\s]{1,6})\]")
_MIN_MESSAGES = 3


@dataclass(frozen=True)
class ChatLog:
    """A text read as a chat's copied messages: `text` as the messages read (see `read_chat_log`), and
    `posted`, the day (2036-03-10) the first message was sent, or None (no chat)."""

    text: str
    posted: str | None = None
    messages: tuple[str, ...] = ()  # the messages (their lines), one each, as `text` holds them


@dataclass(frozen=True)
class _Sender:
    line: int
    name: str
    when: tuple[int, int, int, int, int]
    day: str
    seconds: bool  # the time has its seconds, as the apps write it


def _senders(lines: list[str]) -> list[_Sender]:
    found = []
    for n, line in enumerate(lines):
        if match := _SENDER_LINE.match(line):
            k = "1" if match["name1"] else "2"
            hour, minute = (int(x) for x in match[f"t{k}"].split(":")[:2])
            year, month, day = int(match[f"y{k}"]), int(match[f"m{k}"]), int(match[f"d{k}"])
            if 1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and minute < 60:
                name = re.sub(r"\(\d+\)$", "", match[f"name{k}"])
                stamp = (year, month, day, hour, minute)
                found.append(
                    _Sender(
                        n, name, stamp, f"{year:04d}-{month:02d}-{day:02d}", match[f"t{k}"].count(":") == 2
                    )
                )
    return found


def _is_chat(lines: list[str], senders: list[_Sender]) -> bool:
    if len(senders) < _MIN_MESSAGES:
        return False
    if any(later.when < earlier.when for earlier, later in itertools.pairwise(senders)):
        return False
    names = Counter(s.name for s in senders)
    if len(names) < 2 or names.most_common(1)[0][1] < 2:
        return False
    ends = [s.line for s in senders[1:]] + [len(lines)]
    if not all(
        any(line.strip() for line in lines[s.line + 1 : end]) for s, end in zip(senders, ends, strict=True)
    ):
        return False
    said = lines[senders[0].line :]
    return all(s.seconds for s in senders) or any(
        _APP_LINE.match(line) or any(code in _STICKERS for code in _CODE.findall(line)) for line in said
    )


def _without_codes(line: str) -> str:
    return _CODE.sub(lambda code: "" if code[1] in _STICKERS else code[0], line)


def read_chat_log(text: str) -> ChatLog:
    """`text` read as a group chat's copied messages, or unchanged (`posted` None) when it is none."""
    lines = text.splitlines()
    senders = _senders(lines)
    if not _is_chat(lines, senders):
        return ChatLog(text)
    messages: list[tuple[str, list[str]]] = []
    if before := [line for line in lines[: senders[0].line] if line.strip()]:
        messages.append(("", before))  # what was pasted above the first message (a note of the copier's)
    ends = [s.line for s in senders[1:]] + [len(lines)]
    for sender, end in zip(senders, ends, strict=True):
        said = []
        for line in lines[sender.line + 1 : end]:
            if _APP_LINE.match(line):
                continue
            line = _without_codes(line).rstrip()
            if line.strip():
                said.append(line)
        if said:
            messages.append((sender.name, said))
    paragraphs = [
        "\n".join([f"{name}：{said[0].strip()}", *said[1:]] if name else said) for name, said in messages
    ]
    return ChatLog("\n\n".join(paragraphs) + "\n", senders[0].day, tuple(paragraphs))
