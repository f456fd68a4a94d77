"""How plain-text encoding detection treats short texts (docs61): random texts of CJK characters saved as
UTF-8 — how many read back as written, how many read wrong or refused — and random texts of common
characters saved as GBK or Big5 — how many are also valid UTF-8 and how many of those decode, as UTF-8, to
CJK characters alone, and how many `decode_text` reads wrong (mend61d: UTF-8 of CJK characters and the
symbols Chinese text uses, ①, ℃, №, is read as UTF-8; this says whether any GBK or Big5 text pays for it) —
and random texts of CJK characters with such symbols (「①」「℃」「№」「㎡」「Ⅲ」「★」「°」) saved as UTF-8.

    PYTHONPATH=. /work/main/.venv/bin/python scripts/utf8_round_trip.py [--draws N] [--seed S]

Prints one line per measurement. Reads no library and writes nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata
from collections.abc import Callable


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--draws", type=int, default=3000, help="texts drawn per measurement (default 3000)")
    parser.add_argument("--seed", type=int, default=2, help="random seed (default 2)")
    args = parser.parse_args(argv)

    from corpus.encoding import common_characters, decode_text
    from corpus.errors import CorpusError

    rng = random.Random(args.seed)

    def read_back(what: str, draw: Callable[[], str]) -> None:
        """Saves `args.draws` texts drawn by `draw` as UTF-8 and prints how many read back as written."""
        wrong = refused = 0
        for _ in range(args.draws):
            text = draw()
            try:
                wrong += decode_text("x.txt", text.encode("utf-8"))[0] != text
            except CorpusError:
                refused += 1
        right = args.draws - wrong - refused
        print(f"UTF-8，{what}{args.draws} 篇：读对 {right}，读错 {wrong}，拒收 {refused}")

    def cjk(most: int) -> str:
        return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(1, most)))

    def cjk_and_symbol() -> str:
        text = cjk(7)
        at = rng.randint(0, len(text))
        return text[:at] + rng.choice(symbols) + text[at:]

    symbols = "①②⑩⑴⒈℃№℡ⅠⅢⅫ※‰→≤≥√■□▲○●★☆㈠㎡㎏〇°×·"
    read_back("1–8 个汉字（U+4E00–U+9FA5）", lambda: cjk(8))
    read_back("1–7 个汉字加一个符号（①℃№…）", cjk_and_symbol)

    common = sorted(common_characters())
    for encoding in ("gbk", "big5"):
        for size in (2, 4, 8):
            valid = all_cjk = misread = 0
            for _ in range(args.draws):
                text = "".join(rng.choice(common) for _ in range(size))
                try:
                    data = text.encode(encoding)
                except UnicodeEncodeError:
                    continue
                try:
                    decoded = data.decode("utf-8")
                except UnicodeDecodeError:
                    continue
                valid += 1
                all_cjk += all(ch.isascii() or unicodedata.name(ch, "").startswith("CJK ") for ch in decoded)
                try:
                    misread += decode_text("x.txt", data)[0] != text
                except CorpusError:
                    misread += 1
            print(
                f"{encoding.upper()}，{size} 个常用字 {args.draws} 篇：也是合法 UTF-8 {valid}，其中全为汉字 {all_cjk}，"
                f"读错或拒收 {misread}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
