"""The review's reproducers for mend60a (docs/trial60.md, 「After review: mend60a」), as Word files.

Usage: PYTHONPATH=. python scripts/trial/make_mend60a_files.py OUTDIR

OUTDIR/A: a speech's pre-revision copy 「…（修改前）.docx」 and the corrected file (1300 → 1350人), one date;
OUTDIR/B: a speech and its 定稿/ with one paragraph of five sentences rewritten;
OUTDIR/C: a speech and its 修改稿/ under another speaker's name, one date.
Then scripts/trial/mend60a_repro.sh OUTDIR LIBRARY adds them to copies of LIBRARY and asks/lists."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.fixtures.corpus_writers import write_docx
from tests.test_trial60 import SPEECH


def main(out: Path) -> None:
    def changed(old: str, new: str) -> list[tuple[str, str]]:
        return [(k, t.replace(old, new)) for k, t in SPEECH]

    a = out / "A"
    a.mkdir(parents=True, exist_ok=True)
    write_docx(SPEECH, a / "在全市老干部工作会议上的讲话（修改前）.docx", author="办公室")
    write_docx(changed("1300人", "1350人"), a / "在全市老干部工作会议上的讲话.docx", author="办公室")
    first, second = list(SPEECH), list(SPEECH)
    first[6] = (
        "body",
        "2028年，与市第一人民医院共建老干部诊疗绿色通道。全年服务就诊老同志5200人次。开展上门巡诊860次。建立健康档案3100份。组织体检两次。",
    )
    second[6] = (
        "body",
        "2028年，与市中医院共建老干部诊疗绿色通道。全年服务就诊老同志5600人次。开展上门巡诊900次。建立健康档案3300份。组织体检三次。",
    )
    b = out / "B"
    (b / "定稿").mkdir(parents=True, exist_ok=True)
    write_docx(first, b / "讲话.docx", author="办公室")
    write_docx(second, b / "定稿" / "讲话.docx", author="办公室")
    c = out / "C"
    (c / "修改稿").mkdir(parents=True, exist_ok=True)
    write_docx(SPEECH, c / "讲话.docx", author="办公室")
    revised = [(k, t.replace("1300人", "1350人").replace("陈秀英", "李明华")) for k, t in SPEECH]
    write_docx(revised, c / "修改稿" / "讲话.docx", author="办公室")


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) == 2 else 1)
    main(Path(sys.argv[1]))
