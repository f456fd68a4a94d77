"""Numbers as people write them, for the property tests that read figures (test_retrieval_ranges.py,
test_retrieval_figures.py)."""

from __future__ import annotations

_DIGIT_NAMES = "〇一二三四五六七八九"


def chinese(n: int) -> str:
    """A number from 1 to below 10⁸ in Chinese numerals as a person writes it: 82 → 八十二, 105 → 一百零五,
    10 → 十, 1000 → 一千, 12000 → 一万二千."""
    if n >= 10_000:
        high, low = divmod(n, 10_000)
        rest = chinese(low) if low else ""
        zero = "零" if 0 < low < 1000 else ""
        return f"{chinese(high)}万{zero}{rest}"
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ("" if (value == 10 and digit == 1 and not out) else _DIGIT_NAMES[digit]) + unit
    return out


def full_width(text: str) -> str:
    """Digits and the thousands comma as a Chinese input method types them (１０００, １，０００)."""
    return text.translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))
