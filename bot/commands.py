"""The bot's commands: the menus Telegram shows (everyone's, and the admins' extra ones), and their names,
which are also the only words a full-width slash makes a command (「／ask 问题」, see `said`)."""

from __future__ import annotations

from telegram import BotCommand

COMMANDS = (
    BotCommand("start", "开始使用"),
    BotCommand("help", "使用说明"),
    BotCommand("ask", "提问（群里用 /ask 问题）"),
    BotCommand("speeches", "讲话列表"),
    BotCommand("speech", "查看一篇讲话：/speech 编号"),
)
ADMIN_COMMANDS = (
    BotCommand("reindex", "重建索引（管理员）"),
    BotCommand("stats", "使用统计（管理员）"),
    BotCommand("pins", "标准答案列表（管理员）"),
    BotCommand("synonyms", "同义词：列出、添加、删除（管理员）"),
)
COMMAND_NAMES = frozenset(c.command for c in (*COMMANDS, *ADMIN_COMMANDS))
