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


def test_removing_the_correction_and_keeping_the_original_never_calls_the_original_corrected(
    seed_home: Path, tmp_path: Path
) -> None:
    """The other order (docs/trial63.md, review fixes): the 修改稿 removed, the original kept. `context` of a
    passage only the 修改稿 held used to say 「这段原文后来修改过…修改后的内容在讲话 #原稿」 — the older text called the
    corrected one. Then both removed and the original added back under a new id: `show` of the 修改稿 used to say
    only 「它已删除」."""
    first_file = tmp_path / "阅览室开放时间通知.txt"
    first_file.write_text(NOTICE, encoding="utf-8")
    fixed_file = tmp_path / "阅览室开放时间通知（修改稿）.txt"
    fixed_file.write_text(NOTICE.replace("下午14:00", "下午14:30"), encoding="utf-8")
    first = added(speechqa(seed_home, "add", str(first_file)).stdout)
    fixed = added(speechqa(seed_home, "add", str(fixed_file)).stdout)
    hours = next(i for t, i in passages(seed_home, fixed).items() if "14:30" in t)  # the 修改稿's own text
    assert speechqa(seed_home, "remove", str(fixed), "--yes").returncode == 0

    context = speechqa(seed_home, "context", str(hours))
    assert context.returncode == 1 and "Traceback" not in context.stderr
    assert "修改过" not in context.stderr and "修改后" not in context.stderr
    assert f"它所在的讲话 #{fixed} 已删除；资料库中保留着它的另一版本 #{first}《" in context.stderr
    assert "其中没有这段原文" in context.stderr
    show = speechqa(seed_home, "show", str(fixed))
    assert f"它已删除，资料库中保留着它的另一版本 #{first}《" in show.stderr

    assert speechqa(seed_home, "remove", str(first), "--yes").returncode == 0
    back = added(speechqa(seed_home, "add", str(first_file)).stdout)
    show = speechqa(seed_home, "show", str(fixed))
    assert show.returncode == 1
    assert f"它已删除，资料库中保留着它的另一版本 #{back}《" in show.stderr


def test_three_versions_with_the_middle_removed_lead_to_the_latest(seed_home: Path, tmp_path: Path) -> None:
    """A notice, its 修改稿 and its 定稿 (each said to be a version of the one before); the 修改稿 removed as advised.
    `show` of it used to name the original (the most similar), not the 定稿 that replaced it."""
    files = []
    for name, text in [
        ("阅览室开放时间通知.txt", NOTICE),
        ("阅览室开放时间通知（修改稿）.txt", NOTICE.replace("下午14:00", "下午14:30")),
        (
            "阅览室开放时间通知（定稿）.txt",
            NOTICE.replace("下午14:00", "下午14:30").replace("借期一个月", "借期两个月，可续借一次"),
        ),
    ]:
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    first, middle, last = (added(speechqa(seed_home, "add", str(f)).stdout) for f in files)
    body = next(i for t, i in passages(seed_home, middle).items() if "14:30" in t)
    assert speechqa(seed_home, "remove", str(middle), "--yes").returncode == 0

    show = speechqa(seed_home, "show", str(middle))
    assert f"它已删除，资料库中保留着它的另一版本 #{last}《" in show.stderr
    context = speechqa(seed_home, "context", str(body))  # the 定稿 corrected it again: said, and where
    assert context.returncode == 1
    assert f"修改后的内容在讲话 #{last}《" in context.stderr
    assert first != last
