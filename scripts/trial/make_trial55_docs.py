"""Trial 55's documents for an administrator's week (docs/trial55.md), made with real producers.

    python scripts/trial/make_trial55_docs.py DOCS

v1/体检通知.docx and v2/体检通知.docx: one python-docx notice (heading styles, a page header) and its corrected
version (same title, the date, a number and a sentence changed); a/通知.docx and b/通知.docx: two different notices
under one familiar file name; folder/: two good files (a .docx and a LibreOffice PDF) beside three broken ones — a
.docx cut to half its bytes, a "PDF" that is the HTML error page a browser saved, an empty .txt.
"""

import os
import subprocess
import sys
from pathlib import Path

from docx import Document


def notice(path: Path, title: str, paragraphs: list[str], header: str = "温州市委老干部局") -> None:
    d = Document()
    d.sections[0].header.paragraphs[0].text = header
    d.add_heading(title, level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(path)


os.makedirs(sys.argv[1], exist_ok=True)
os.chdir(sys.argv[1])
TITLE = "关于做好2027年离休干部健康体检工作的通知"
BODY = [
    "各县（市、区）委老干部局，市直各单位：",
    "为切实保障离休干部身体健康，现就做好2027年度离休干部健康体检工作通知如下。",
    "一、体检时间为2027年4月10日至5月20日，各单位按市委老干部局安排分批组织。",
    "二、体检地点为温州市第二人民医院体检中心，每人体检费用标准为1200元，由原单位负担。",
    "三、行动不便的离休干部，可由医院派员上门采血，各单位要提前三天预约。",
    "中共温州市委老干部局",
    "2027年3月20日",
]
notice(Path("v1/体检通知.docx"), TITLE, BODY)
v2 = list(BODY)
v2[2] = "一、体检时间调整为2027年4月20日至5月31日，各单位按市委老干部局安排分批组织。"
v2[3] = "二、体检地点为温州市第二人民医院体检中心，每人体检费用标准提高到1500元，由原单位负担。"
v2.insert(5, "四、体检结果由医院反馈本人，发现重大疾病的及时告知原单位。")
v2[-1] = "2027年3月28日"
notice(Path("v2/体检通知.docx"), TITLE, v2)

notice(
    Path("a/通知.docx"),
    "关于开展2027年重阳节敬老活动的通知",
    [
        "各县（市、区）委老干部局：",
        "重阳节期间，各单位要组织走访慰问高龄离退休干部，每人慰问金800元。",
        "活动时间为10月1日至10月15日，活动情况于10月20日前报送。",
        "中共温州市委老干部局",
        "2027年9月15日",
    ],
)
notice(
    Path("b/通知.docx"),
    "关于举办老干部书画摄影作品展的通知",
    [
        "市直各单位：",
        "为展示老干部晚年风采，定于2027年11月举办老干部书画摄影作品展，作品于10月31日前送老干部活动中心二楼。",
        "每人限送作品两件，书法、国画尺寸不超过四尺整张。",
        "中共温州市委老干部局",
        "2027年9月20日",
    ],
)

f = Path("folder")
notice(
    f / "订阅通知.docx",
    "关于订阅2028年度老干部报刊的通知",
    [
        "各单位：",
        "2028年度《中国老年报》每份订价216元，订阅截止时间为11月30日。",
        "中共温州市委老干部局",
        "2027年10月8日",
    ],
)
notice(
    f / "文体活动.docx",
    "关于开展老干部冬季文体活动的通知",
    [
        "各单位：",
        "冬季门球比赛于12月5日在市老干部活动中心门球场举行，每单位限报一队。",
        "中共温州市委老干部局",
        "2027年11月1日",
    ],
)
subprocess.run(
    ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(f), str(f / "文体活动.docx")],
    check=True,
    capture_output=True,
)
(f / "文体活动.docx").unlink()
notice(Path("tmp/坏文件.docx"), "关于离休干部走访的通知", ["各单位：" + "走访工作要认真落实。" * 200])
whole = Path("tmp/坏文件.docx").read_bytes()
(f / "坏文件.docx").write_bytes(whole[: len(whole) // 2])
(f / "下载的文件.pdf").write_text(
    "<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
    "<body><h1>404 Not Found</h1><p>nginx</p></body></html>\n",
    encoding="utf-8",
)
(f / "空白.txt").write_bytes(b"")
