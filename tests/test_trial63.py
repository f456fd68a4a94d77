"""Trial 63 (docs/trial63.md): the library changed under a running bot — on the command line.

A notice's 修改稿 is added beside it under another name (`add` says the two are versions of each other), then the
old version is removed (`speechqa remove`, as the warning advises). An id copied from an answer that cited the old
version used to lead nowhere: `show` said 「它已删除」, `context` of a passage whose text the 修改稿 still holds said
「已重新编号…（讲话重新加入过）」 (it was not added again). Now both name the version kept. Through the real command
line in a subprocess, on a copy of the indexed bundled speeches.
"""

from __future__ import annotations

import re
from pathlib import Path

from .test_trial62 import speechqa

NOTICE = """关于调整老干部活动中心阅览室开放时间的通知

各离退休干部党支部：

为方便老同志读书看报，经研究，自2027年3月1日起调整活动中心阅览室开放时间。

阅览室每周二至周六上午8:30至11:30，下午14:00至17:00开放，周一闭馆。

离退休干部凭老干部活动证借阅图书，每人每次限借3册，借期一个月。

中共温州市委老干部局
2027年2月20日
"""


def added(out: str) -> int:
    return int(re.search(r"新增  #(\d+) ", out).group(1))  # type: ignore[union-attr]


def passages(home: Path, speech_id: int) -> dict[str, int]:
    shown = speechqa(home, "show", str(speech_id))
    assert shown.returncode == 0, shown.stderr
    return {text: int(n) for n, text in re.findall(r"^  #(\d+) (.+)$", shown.stdout, re.M)}


def test_ids_of_a_version_removed_beside_its_correction_name_the_version_kept(
    seed_home: Path, tmp_path: Path
) -> None:
    first_file = tmp_path / "阅览室开放时间通知.txt"
    first_file.write_text(NOTICE, encoding="utf-8")
    fixed_file = tmp_path / "阅览室开放时间通知（修改稿）.txt"
    fixed_file.write_text(NOTICE.replace("下午14:00", "下午14:30"), encoding="utf-8")
    first = added(speechqa(seed_home, "add", str(first_file)).stdout)
    old = passages(seed_home, first)
    head = next(i for t, i in old.items() if t.startswith("发文机关"))  # the 修改稿 holds it unchanged
    hours = next(i for t, i in old.items() if "14:00" in t)  # corrected in the 修改稿
    report = speechqa(seed_home, "add", str(fixed_file)).stdout
    kept = added(report)
    assert f"与已有的 #{first} 内容相近" in report
    assert speechqa(seed_home, "remove", str(first), "--yes").returncode == 0

    show = speechqa(seed_home, "show", str(first))
    assert show.returncode == 1 and "Traceback" not in show.stderr
    assert f"没有编号为 {first} 的讲话了：它已删除，资料库中保留着它的另一版本 #{kept}《" in show.stderr

    context = speechqa(seed_home, "context", str(head))
    assert context.returncode == 0, context.stderr
    assert f"讲话 #{first} 已删除，这段原文在它的另一版本 #{kept} 中" in context.stderr
    assert "重新加入过" not in context.stderr
    assert f"讲话 #{kept}" in context.stdout and "中共温州市委老干部局" in context.stdout

    corrected = speechqa(seed_home, "context", str(hours))
    assert corrected.returncode == 1
    assert "这段原文后来修改过" in corrected.stderr and f"讲话 #{kept}《" in corrected.stderr
