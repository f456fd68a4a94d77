"""Trial 54's four documents of a bureau, made with real producers (docs/trial54.md): a python-docx 春节慰问 plan with
heading styles, a table and a page header; a notice typed in Word and exported to PDF by LibreOffice; a GBK
text; a notice printed and scanned (rendered with Noto Serif CJK, turned 1.2°, saved at 200 dpi).

    python scripts/trial/make_trial54_docs.py DOCS
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
    docs / "春节慰问方案.docx",
    title="关于做好2027年春节走访慰问离退休干部工作的方案",
    who="全市离休干部、百岁以上老同志，以及患重病的退休干部。",
    rows=[
        ["离休干部", "每人1500元", "市财政"],
        ["百岁以上老同志", "每人2000元", "市财政"],
        ["患重病的退休干部", "每人1000元", "原单位"],
    ],
    when="走访慰问于1月15日至1月25日集中开展，各单位要在2月5日前将慰问情况报市委老干部局服务管理处。",
    date="2027年1月8日",
)

write_notice_pdf(
    docs / "春季招生通知.pdf",
    title="关于温州老年大学2027年春季招生的通知",
    paragraphs=[
        "各位学员：",
        "2027年春季学期开设书法、国画、声乐、智能手机应用等28个专业，报名时间为2月20日至2月28日，每人限报两个专业。",
        "学费每个专业每学期300元，离休干部免收学费。开学时间为3月6日。",
        "报名地点：学院路88号老年大学一楼教务处，电话0577-88965678。",
        "温州老年大学",
        "2027年2月10日",
    ],
)

write_gbk_text(
    docs / "疗休养安排.txt",
    "关于组织离退休干部疗休养的安排\n\n"
    "市直各单位：\n"
    "今年组织离退休干部赴楠溪江疗休养，每期5天，共安排4期。\n"
    "一、参加对象为年满70周岁、身体状况能够适应外出的退休干部，近三年参加过的不再安排。\n"
    "二、疗休养地距市区约80公里，统一乘坐大巴前往，费用由市财政承担。\n"
    "三、各单位于4月10日前将报名名单报市委老干部局。\n"
    "中共温州市委老干部局\n2027年3月20日\n",
)

write_scanned_notice(
    docs / "报刊订阅通知.png",
    [
        "关于2027年度老干部报刊订阅的通知",
        "",
        "各有关单位：",
        "为丰富老干部的精神文化生活，2027年度为每位",
        "离休干部免费订阅《中国老年报》一份，另可",
        "自选报刊一种，费用不超过300元，由原单位",
        "在11月30日前统一办理。",
        "",
        "中共温州市委老干部局",
        "2026年11月2日",
    ],
)
