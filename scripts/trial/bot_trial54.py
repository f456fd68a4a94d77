"""Trial 54: the bot end to end as staff use it (docs/trial54.md), after the command line's.

Usage (from the repository root):
    PYTHONPATH=$PWD python scripts/trial/make_trial54_docs.py DOCS
    PYTHONPATH=$PWD python scripts/trial/bot_trial54.py HOME DOCS
HOME: a data home holding the bundled speeches (a copy) and the pin 「离休干部每年体检几次」 → 段落 #54. The real `speechqa bot` process talks over real HTTP to
the fake Bot API of the tests; every reply is printed as its reader sees it, with its buttons and the time it took.

Private chat: /start, a question, 更多结果, 上下文, 出处, 导出 Word, 👍; the admin uploads a .docx and asks about
it; /stats, /pins. Group: /ask, a mention, 上下文, 👍, /stats from a member.
"""

from __future__ import annotations

import sys

from scripts.trial.bot_day import BotDay, main

TRIAL = BotDay(
    admin=5401,
    staff=5402,
    group=-1005454,
    upload="春节慰问方案.docx",
    admin_question="春节慰问离休干部给多少钱",
    group_mention="疗休养的地方离市区多远",
    staff_questions=(
        ("离休干部体检一次要几个小时", "同事问另一个量（有标准答案）"),
        ("离休干部每年体检几次", "同事问标准问题"),
        ("离休干部体减规定是什么", "同事口误"),
    ),
)

if __name__ == "__main__":
    main(TRIAL, sys.argv)
