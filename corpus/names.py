"""Names as the documents print them: a person's (a speaker's, a signer's) and the shape of a body's.

A person's name is judged in simplified script by its shape (a known surname, single or compound, and a
short given name) and by jieba's part-of-speech tags; jieba's tagger is loaded on first use only.
"""

from __future__ import annotations

import re
from importlib.resources import files

from .clean import HAN
from .script import to_simplified

__all__ = [
    "COMPOUND_SURNAMES",
    "ORG_SUFFIX",
    "is_dictionary_word",
    "is_person_name",
    "is_sign_off",
    "name_parts",
    "pos_tags",
]

# What an issuing body's name ends with (a shape, not a list of bodies), in simplified script: match it on
# `to_simplified(name)`, so that a traditional-script name (「溫州老年大學教務處」) is one too.
ORG_SUFFIX = re.compile(
    r"(?:部|局|署|委|厅|办|办公室|办公厅|院|会|委员会|政府|中心|大学|学校|党委|党组|处|室|科|所|站|社|馆|协会|"
    r"联合会|集团|公司|银行|法院|检察院|军区|支队|总队|小组|领导小组|组|司)$"
)
_SPEAKER_SHAPE = re.compile(rf"^[{HAN}·]{{2,5}}$")


def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    """The single and the compound surnames of corpus/data/names/surnames.txt: the whole 百家姓 and the
    surnames borne today that it lacks (肖, 付, 覃, 仝, 禚 …), in simplified script (names are judged in it)."""
    text = (files("corpus") / "data" / "names" / "surnames.txt").read_text(encoding="utf-8")
    names = {word for line in text.splitlines() if not line.startswith("#") for word in line.split()}
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


# Chinese surnames (single and compound) for the speaker test.
_SINGLE_SURNAMES, COMPOUND_SURNAMES = _surnames()


def is_person_name(text: str) -> bool:
    """A name-shaped line: 2–4 characters (a 4–5 with a compound surname), a surname, jieba's `nr` tag;
    judged in simplified script (歐陽明 as 欧阳明)."""
    text = to_simplified(text)
    parts = name_parts(text)
    if parts is None or len(text) > (5 if len(parts[0]) == 2 else 4):
        return False
    if "·" in text:
        return True
    surname, given = parts
    if not all(_jieba_reads(c) for c in given):
        # jieba cannot read a rare character (刘䶮, 王㛃华, or 张㓨, which simplifies to 刾, a character its
        # dictionary lacks): judge the surname under a common given name.
        text = surname + ("伟" if len(given) == 1 else "秀英")
    words = pos_tags(text)
    if len(text) - len(surname) >= 3:
        # a given name of three characters is rare: one name as jieba reads it, not 「司马光砸缸」, 「欧阳明同志」
        return len(words) == 1 and words[0].flag.startswith("nr")
    return any(pair.flag.startswith("nr") for pair in words)


# a letter's or a speech's close, a line of its own over its signer (「此致」「敬礼！」「谢谢！」「顺颂商祺」「祝好」
# 「安康」): never a name, though jieba tags several of them as one (谢谢/nr, 敬礼/nr, 安康/nr, 祝福/nr)
_SIGN_OFF = re.compile(
    r"^(?:此致|敬礼|此致\s*敬礼|谢谢|谢谢大家|谢谢各位|多谢|感谢|致谢|致敬|再见|祝好|祝福|顺祝|顺颂|顺颂(?:商祺|时祺|时绥|近安)|"
    r"顺祝(?:商祺|时祺|安康)|商祺|时祺|时绥|近安|安康|安好|钧安|金安|大安|祝安|敬上|谨上|拜上|祝工作顺利|祝身体健康)"
    r"[！!。.…]*$"
)


def is_sign_off(text: str) -> bool:
    """Whether a line is a letter's or a speech's close standing alone (「此致」「敬礼！」「谢谢」「安康」), in
    either script: never a signer's name, never a sender's card."""
    return bool(_SIGN_OFF.match("".join(to_simplified(text).split())))


def name_parts(text: str) -> tuple[str, str] | None:
    """(surname, given name) of a name-shaped line in simplified script: a known surname (a compound one
    first) and what follows; None for any other line."""
    if not _SPEAKER_SHAPE.match(text) or ORG_SUFFIX.search(text):
        return None
    if text[:2] in COMPOUND_SURNAMES:
        return text[:2], text[2:]
    return (text[:1], text[1:]) if text[0] in _SINGLE_SURNAMES else None


def pos_tags(text: str) -> list:  # type: ignore[type-arg]
    """jieba's words of `text` with their part-of-speech tags (imported on first use: parsing a file
    without a name to judge never loads the tagger)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    return jieba.posseg.lcut(text)


def is_dictionary_word(pair) -> bool:  # type: ignore[no-untyped-def]
    """A word of jieba's dictionary that is not a proper noun (高标准/n, 初稿/n, not 马建国/ns, 燕书航/nt)."""
    import jieba

    return not pair.flag.startswith(("nr", "ns")) and (jieba.get_FREQ(pair.word) or 0) > 0


_JIEBA_HAN = re.compile("[\u4e00-\u9fd5]")  # the Han characters jieba's dictionary and tagger read


def _jieba_reads(char: str) -> bool:
    """Whether jieba's tagger can read a character: in the range it reads and in its dictionary (loaded
    first: before jieba's first cut its word counts are empty, and every character read as unknown — so
    the first name judged in a process was judged differently from the same name judged later)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.dt.check_initialized()
    return bool(_JIEBA_HAN.match(char)) and (jieba.get_FREQ(char) or 0) > 0
