"""Trial 53's four documents of a bureau, made with real producers (docs/trial53.md): a python-docx plan with
heading styles, a table and a page header; a notice typed in Word and exported to PDF by LibreOffice; a GBK
text; a notice printed and scanned (rendered with Noto Serif CJK, turned 1.2°, saved at 200 dpi).

    python scripts/trial/make_trial53_docs.py DOCS
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from scripts.trial.bureau_docs import (
    write_gbk_text,
    write_notice_pdf,
    write_plan,
    write_scanned_notice,
)

docs = Path(sys.argv[1])
docs.mkdir(parents=True, exist_ok=True)

write_plan(
    docs / "重阳节慰问方案.docx",
    title="关于做好2026年重阳节走访慰问离退休干部工作的方案",
    who="全市离休干部、90周岁以上退休干部，以及生活困难的离休干部遗孀（遗属）。",
    rows=[
        ["离休干部", "每人1000元", "市财政"],
        ["90周岁以上退休干部", "每人600元", "原单位"],
        ["困难遗孀（遗属）", "每人800元", "市老干部局"],
    ],
    when="走访慰问于10月20日至10月31日集中开展，各单位要在11月5日前将慰问情况报市委老干部局服务管理处。",
    date="2026年10月12日",
)

write_notice_pdf(
    docs / "开放时间通知.pdf",
    title="关于调整市老干部活动中心开放时间的通知",
    paragraphs=[
        "各离退休干部党支部：",
        "根据冬季作息安排，自2026年11月1日起，市老干部活动中心开放时间调整为每周二至周日上午8:30至11:30、下午14:00至17:00，每周一闭馆维护。",
        "阅览室、棋牌室照常开放；健身房因设备更新，11月暂停开放，12月1日起恢复。",
        "联系电话：0577-88961234。",
        "温州市老干部活动中心",
        "2026年10月25日",
    ],
)

write_gbk_text(
    docs / "换届选举安排.txt",
    "关于离退休干部党支部换届选举工作的安排\n\n"
    "市直各离退休干部党支部：\n"
    "按照党章规定，离退休干部党支部每届任期三年。今年任期届满的党支部应于12月底前完成换届。\n"
    "一、换届前，党支部要召开支委会，研究提出新一届支委会候选人初步人选，报上级党组织审批。\n"
    "二、选举采用无记名投票方式，应到会有选举权的党员超过应到会人数的五分之四方可进行选举。\n"
    "三、行动不便的老党员可以委托他人投票，但每人接受委托不得超过一人。\n"
    "中共温州市委老干部局机关委员会\n2026年11月3日\n",
)

write_scanned_notice(
    docs / "陪护补助通知.png",
    [
        "关于离休干部住院陪护补助的通知",
        "",
        "各有关单位：",
        "经研究，自2027年1月1日起，离休干部因病住院期间",
        "需要陪护的，每天发放陪护补助120元，每年最长",
        "不超过九十天。补助凭医院出具的住院证明，由原单位",
        "每季度审核发放。",
        "",
        "中共温州市委老干部局",
        "2026年11月20日",
    ],
)
