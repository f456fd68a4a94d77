"""Trial 53: the bot end to end as staff use it (docs/trial53.md), after the command line's.

Usage (from the repository root):
    PYTHONPATH=$PWD python scripts/trial/make_trial53_docs.py DOCS
    PYTHONPATH=$PWD python scripts/trial/bot_trial53.py HOME DOCS
HOME: a data home holding the bundled speeches (a copy). The real `speechqa bot` process talks over real HTTP to
the fake Bot API of the tests; every reply is printed as its reader sees it, with its buttons and the time it took.

Private chat: /start, a question, 更多结果, 上下文, 出处, 导出 Word, 👍; the admin uploads a .docx and asks about
it; /stats, /pins. Group: /ask, a mention, 上下文, 👍, /stats from a member.
"""

from __future__ import annotations

import sys

from scripts.trial.bot_day import BotDay, main

TRIAL = BotDay(
    admin=5301,
    staff=5302,
    group=-1005353,
    upload="重阳节慰问方案.docx",
    admin_question="重阳节离休干部慰问多少钱",
    group_mention="异地安置的老干部怎么管理",
)

if __name__ == "__main__":
    main(TRIAL, sys.argv)
