"""Trial 53's four documents of a bureau, made with real producers (docs/trial53.md): a python-docx plan with
heading styles, a table and a page header; a notice typed in Word and exported to PDF by LibreOffice; a GBK
text; a notice printed and scanned (rendered with Noto Serif CJK, turned 1.2°, saved at 200 dpi).

    python scripts/trial/make_trial53_docs.py DOCS
"""

import os
import subprocess
import sys
from pathlib import Path

from docx import Document
from PIL import Image, ImageDraw, ImageFont

os.makedirs(sys.argv[1], exist_ok=True)
os.chdir(sys.argv[1])

d = Document()
d.sections[0].header.paragraphs[0].text = "温州市委老干部局 内部资料"
d.add_heading("关于做好2026年重阳节走访慰问离退休干部工作的方案", level=1)
d.add_paragraph("各县（市、区）委老干部局，市直各单位：")
d.add_heading("一、慰问对象", level=2)
d.add_paragraph("全市离休干部、90周岁以上退休干部，以及生活困难的离休干部遗孀（遗属）。")
d.add_heading("二、慰问标准", level=2)
t = d.add_table(rows=1, cols=3)
t.style = "Table Grid"
for c, h in zip(t.rows[0].cells, ["对象", "标准", "经费来源"], strict=True):
    c.text = h
for row in [
    ["离休干部", "每人1000元", "市财政"],
    ["90周岁以上退休干部", "每人600元", "原单位"],
    ["困难遗孀（遗属）", "每人800元", "市老干部局"],
]:
    cells = t.add_row().cells
    for c, v in zip(cells, row, strict=True):
        c.text = v
d.add_heading("三、时间安排", level=2)
d.add_paragraph(
    "走访慰问于10月20日至10月31日集中开展，各单位要在11月5日前将慰问情况报市委老干部局服务管理处。"
)
d.add_paragraph("中共温州市委老干部局")
d.add_paragraph("2026年10月12日")
d.save("重阳节慰问方案.docx")

p = Document()
p.add_heading("关于调整市老干部活动中心开放时间的通知", level=1)
p.add_paragraph("各离退休干部党支部：")
p.add_paragraph(
    "根据冬季作息安排，自2026年11月1日起，市老干部活动中心开放时间调整为每周二至周日上午8:30至11:30、下午14:00至17:00，每周一闭馆维护。"
)
p.add_paragraph("阅览室、棋牌室照常开放；健身房因设备更新，11月暂停开放，12月1日起恢复。")
p.add_paragraph("联系电话：0577-88961234。")
p.add_paragraph("温州市老干部活动中心")
p.add_paragraph("2026年10月25日")
p.save("开放时间通知.docx")
subprocess.run(
    ["soffice", "--headless", "--convert-to", "pdf", "开放时间通知.docx"], check=True, capture_output=True
)

txt = (
    "关于离退休干部党支部换届选举工作的安排\n\n"
    "市直各离退休干部党支部：\n"
    "按照党章规定，离退休干部党支部每届任期三年。今年任期届满的党支部应于12月底前完成换届。\n"
    "一、换届前，党支部要召开支委会，研究提出新一届支委会候选人初步人选，报上级党组织审批。\n"
    "二、选举采用无记名投票方式，应到会有选举权的党员超过应到会人数的五分之四方可进行选举。\n"
    "三、行动不便的老党员可以委托他人投票，但每人接受委托不得超过一人。\n"
    "中共温州市委老干部局机关委员会\n2026年11月3日\n"
)
Path("换届选举安排.txt").write_bytes(txt.encode("gbk"))

font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 34)
img = Image.new("L", (1240, 900), 250)
dr = ImageDraw.Draw(img)
lines = [
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
]
y = 60
for ln in lines:
    dr.text((90, y), ln, font=font, fill=20)
    y += 70
img = img.rotate(1.2, expand=False, fillcolor=250)
img.save("陪护补助通知.png", dpi=(200, 200))
