"""Files an admin sends the bot in the end-to-end tests, made by their real producers (python-docx with Word's own
styles): one place for the bot tests of several trials (test_bot_trial66, test_bot_trial67, test_bot_mend67t)."""

from __future__ import annotations

import io

import docx

NOTICE = "关于调整老干部活动中心开放时间的通知\n\n老干部活动中心自2026年10月起每周一闭馆维护，其余时间照常开放。\n\n市委老干部局\n2026年9月20日\n"


def notice_docx() -> bytes:
    """A notice written by python-docx with Word's own styles (a title, body paragraphs, the 落款)."""
    document = docx.Document()
    document.add_heading("关于举办老干部书画展的通知", level=1)
    document.add_paragraph("定于2026年11月在市老干部活动中心举办老干部书画展，请各单位于10月底前报送作品。")
    document.add_paragraph("市委老干部局")
    document.add_paragraph("2026年9月1日")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
