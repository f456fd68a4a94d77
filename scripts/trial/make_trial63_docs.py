"""The files an admin adds while trial 63's bot runs (docs/trial63.md), each made by a real producer: a speech
typed in Word by a speaker and of a year the bundled library does not know (python-docx: Heading 1 / Heading 2,
a page header, signed and dated), the same speech corrected (one figure), the same speech under another name (a
byte copy, as a colleague forwards it), and a notice typed in Word and exported to PDF by LibreOffice. Trial 61's
reading-room notice and its correction are written beside them (make_trial61_docs.write_notice).

Usage: PYTHONPATH=$PWD python scripts/trial/make_trial63_docs.py OUT
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from docx import Document

from scripts.trial.bureau_docs import BUREAU, write_notice_pdf
from scripts.trial.make_trial61_docs import write_notice

SPEAKER = "王建华"


def write_speech(path: Path, members: str) -> None:
    """A speech typed in Word: the title as Heading 1, the speaker and date under it, Heading 2 sections."""
    d = Document()
    d.sections[0].header.paragraphs[0].text = "温州市委老干部局 会议材料"
    d.add_heading("在全市银龄志愿服务工作推进会上的讲话", level=1)
    d.add_paragraph(f"{SPEAKER}")
    d.add_paragraph("（2027年1月15日）")
    d.add_paragraph("同志们：")
    d.add_paragraph("今天召开全市银龄志愿服务工作推进会，主要任务是总结去年工作，部署今年任务。")
    d.add_heading("一、去年银龄志愿服务取得的成绩", level=2)
    d.add_paragraph(
        f"一年来，全市组建银龄先锋志愿服务队126支，注册志愿者{members}名，"
        "累计开展政策宣讲、矛盾调解、助学帮困等服务2300余场次。"
    )
    d.add_paragraph("各县（市、区）普遍建立了老干部志愿服务积分制度，积分可兑换体检、疗休养等服务。")
    d.add_heading("二、今年银龄志愿服务的重点任务", level=2)
    d.add_paragraph("一是扩大队伍规模，每个乡镇（街道）至少组建一支银龄先锋志愿服务队。")
    d.add_paragraph("二是完善激励机制，对服务时长满200小时的志愿者授予“银龄先锋”称号。")
    d.add_paragraph("三是加强安全保障，为70周岁以下的志愿者统一购买意外伤害保险。")
    d.add_heading("三、加强组织领导", level=2)
    d.add_paragraph("各级老干部局要把银龄志愿服务列入年度考核，确保各项任务落到实处。")
    d.save(path)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "corrected").mkdir(exist_ok=True)
    write_notice(out / "阅览室开放时间通知.docx", "14:00")
    write_notice(out / "corrected" / "阅览室开放时间通知.docx", "14:30")
    write_speech(out / "王建华同志在银龄志愿服务推进会上的讲话.docx", "8650")
    write_speech(out / "corrected" / "王建华同志在银龄志愿服务推进会上的讲话（定稿）.docx", "8560")
    shutil.copyfile(out / "王建华同志在银龄志愿服务推进会上的讲话.docx", out / "推进会讲话-转发.docx")
    write_notice_pdf(
        out / "春节走访慰问通知.pdf",
        title="关于开展2027年春节走访慰问离退休干部的通知",
        paragraphs=[
            "各县（市、区）委老干部局，市直各单位：",
            "春节将至，经研究，决定于2027年1月20日至2月5日开展春节走访慰问离退休干部活动。",
            "走访对象为离休干部、市管以上退休干部中的困难党员和90周岁以上的老同志，慰问标准为每人800元。",
            "请各单位于2月10日前将走访慰问情况报局离退休干部处，联系人：李明，电话：0577-88960001。",
            BUREAU,
            "2027年1月10日",
        ],
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
