"""corpus.script: traditional → simplified for matching, position for position."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from corpus import to_simplified
from index import get_tokenizer, query_terms

TRADITIONAL = "關於做好離休幹部春節慰問工作的通知：慰問金標準為每人一千二百元。臺灣後來瞭解著作乾隆髮"


def test_traditional_text_becomes_simplified() -> None:
    assert to_simplified("關於做好離休幹部春節慰問工作的通知") == "关于做好离休干部春节慰问工作的通知"
    assert to_simplified("离休干部体检") == "离休干部体检"
    assert to_simplified("ABC 123") == "ABC 123"


@given(st.text(alphabet=st.sampled_from(TRADITIONAL + "离休干部。，ab1 \n「」"), max_size=80))
def test_conversion_keeps_every_position(text: str) -> None:
    assert len(to_simplified(text)) == len(text)


def test_any_cjk_text_keeps_its_length() -> None:
    block = "".join(chr(c) for c in range(0x4E00, 0x9FFF))
    assert len(to_simplified(block)) == len(block)


def test_tokens_and_query_terms_are_the_same_in_either_script() -> None:
    for name in ("char", "jieba", "char+jieba"):
        tokenize = get_tokenizer(name)
        assert tokenize("離休幹部體檢經費") == tokenize("离休干部体检经费")
    assert query_terms("離休幹部體檢經費每人每年多少錢？") == query_terms("离休干部体检经费每人每年多少钱？")
