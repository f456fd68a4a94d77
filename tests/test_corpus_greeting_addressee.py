"""A 主送 line ending in a greeting, 「各离退休干部党支部，各位老同志：」, is read as the plain 主送 is (docs/read64.md,
item 3): its bodies are the 主送, the greeting after them is a salutation's. main dropped the whole line as a
salutation (one part, 「各位老同志」, names no body), so the notice had no 主送 (cold37).

Files: ``tests/fixtures/greeting_addressee/booking.python-docx.docx`` (python-docx) and its LibreOffice Writer
exports ``booking.writer.pdf`` and ``booking.writer.txt``, made by ``make_greeting_addressee.py`` there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes
from corpus.parse import addressee
from tests.fixtures.greeting_addressee.make_greeting_addressee import BODY, TITLE

HERE = Path(__file__).parent / "fixtures" / "greeting_addressee"


@pytest.mark.parametrize("name", ["booking.python-docx.docx", "booking.writer.pdf", "booking.writer.txt"])
def test_a_greeting_after_the_bodies_leaves_them_the_addressee(name: str) -> None:
    path = HERE / name
    [notice] = parse_document(read_bytes(path.name, path.read_bytes()))
    assert (notice.title, notice.addressee) == (TITLE, "各离退休干部党支部")
    assert notice.issuer == "中共溧岚县委老干部局"
    body = [p.text for p in notice.paragraphs if p.section != "文件信息"]
    assert body == BODY  # the 主送 line in no passage of the body, every sentence once


_BODIES = [
    "各离退休干部党支部",
    "各县（市、区）老干部局",
    "市直各单位",
    "各乡镇（街道）",
    "县委老干部局",
    "全体离退休干部党支部",  # 「全体」 opening a body, not a greeting (mend64r)
]
_GREETINGS = [
    "各位老同志",
    "各位老领导、老同志",
    "老同志们",
    "同志们",
    "全体老同志",
    "朋友们",
    "亲爱的老同志们",
]


@given(
    st.lists(st.sampled_from(_BODIES), min_size=1, max_size=3, unique=True),
    st.lists(st.sampled_from(_GREETINGS), min_size=0, max_size=2, unique=True),
    st.sampled_from(["，", ","]),
    st.sampled_from(["：", ":"]),
)
def test_the_bodies_before_a_greeting_are_the_addressee(
    bodies: list[str], greetings: list[str], comma: str, colon: str
) -> None:
    line = comma.join([*bodies, *greetings]) + colon
    assert addressee(line) == comma.join(bodies)
    # a greeting alone, or one before the bodies, names no 主送
    if greetings:
        assert addressee(comma.join(greetings) + colon) is None
        assert addressee(comma.join([*greetings, *bodies]) + colon) is None


# an independent review's 主送 lines (mend64r): a greeting the plain salutation also matches, and a body
# opening with 「全体」 — mail64 read the first four with no 主送 (and `add` warned their 主送 was lost), the
# last without its last body
@pytest.mark.parametrize(
    ("line", "bodies"),
    [
        ("各党支部，同志们：", "各党支部"),
        ("各离退休干部党支部，老同志们：", "各离退休干部党支部"),
        ("各离退休干部党支部，朋友们：", "各离退休干部党支部"),
        ("县委老干部局，亲爱的老同志们：", "县委老干部局"),
        (
            "各乡镇（街道）党（工）委，县直各单位，全体离退休干部党支部：",
            "各乡镇（街道）党（工）委，县直各单位，全体离退休干部党支部",
        ),
    ],
)
def test_a_salutation_line_names_the_bodies_before_its_greeting(line: str, bodies: str) -> None:
    text = f"关于召开离退休干部情况通报会的通知\n{line}\n定于2026年12月28日上午9时召开通报会，请准时参加。\n县委老干部局\n2026年12月20日\n"
    document = read_bytes("通知.txt", text.encode("utf-8"))
    [notice] = parse_document(document)
    assert notice.addressee == bodies
    assert check_conservation(document, [c.text for c in chunk_speech(notice)]).ok
