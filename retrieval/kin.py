"""The retired cadre and his family, named as a family names them: 「我爸是离休的」, 「老伴走了以后」, 「几个孩子都在外地」,
「家里人能代领吗」 ask of passages that say 离休干部, 老同志, 配偶, 遗属, 子女, 直系亲属 or 家属 — never 我爸, 老伴 or
孩子 (docs/asks49.md).

A question word that is a kinship word of everyday speech (the closed class of Chinese kinship terms as a family
speaks of its own: parents and grandparents, spouse, children, the household) is held by a passage naming that
person in a document's words:
- the old person asked about (我爸, 老爷子, 老太太, 老人家, 奶奶 …) by one naming the retirees or the aged: 离退休,
  离休, 退休, 老同志, 老干部, 老领导, 老党员, 老年, 高龄, 老人;
- a spouse (老伴, 爱人, 老婆, 老公, 媳妇 …) by 配偶, 遗孀, 遗属, 夫妻, 夫妇 or 家属;
- a child or grandchild (孩子, 儿子, 闺女, 儿女, 孙子 …) by 子女, 儿女, 孙子女, 遗属, 直系亲属, 亲属 or 家属;
- the household (家里人, 家人, 亲戚) by 家属, 亲属, 配偶, 子女, 遗属 or 监护人.
A passage naming none of those does not hold it: 「老伴能一起去吗」 asked of a timetable that names no spouse still
asks of someone the timetable does not mention. Only the confidence reads it (`abstain.said_otherwise`): the
question's terms and both searches are unchanged.
"""

from __future__ import annotations

import re

__all__ = ["held_as_kin", "kin_words"]

_ELDER = (
    "老人家|老人|老爷子|老爷|老太太|老太|老头子|老头儿|老头|老爷爷|老奶奶|爷爷|奶奶|外公|外婆|姥姥|姥爷|"
    "我爸|我妈|老爸|老妈|爸爸|妈妈|父亲|母亲|老父亲|老母亲|家父|家母|公公|婆婆|岳父|岳母|老丈人|丈母娘|"
    "老两口|两口|太太"
)
_SPOUSE = "老伴儿|老伴|爱人|老婆|老公|媳妇|丈夫|妻子|太太|老伴侣"
_CHILD = "孩子|儿子|女儿|闺女|儿女|小孩|孙子|孙女|外孙|外孙女|孙辈"
_HOUSEHOLD = "家里人|家人|亲戚|里人"

# each class: the everyday words (whole jieba words, as `Retriever.content_terms` gives them) and what a
# document writes of the same person
_CLASSES = (
    (
        re.compile(rf"(?:{_ELDER})"),
        re.compile(r"离退休|离休|退休|老同志|老干部|老领导|老党员|老年|高龄|老人"),
    ),
    (re.compile(rf"(?:{_SPOUSE})"), re.compile(r"配偶|遗孀|遗属|夫妻|夫妇|家属")),
    (re.compile(rf"(?:{_CHILD})"), re.compile(r"子女|儿女|孙子女|遗属|直系亲属|亲属|家属")),
    (re.compile(rf"(?:{_HOUSEHOLD})"), re.compile(r"家属|亲属|配偶|子女|遗属|监护人")),
)
_ANY = re.compile(rf"{_ELDER}|{_SPOUSE}|{_CHILD}|{_HOUSEHOLD}")


def held_as_kin(word: str, haystack: str) -> bool:
    """Whether a question word naming the retiree or his family in everyday words (我爸, 老伴, 孩子, 家里人: the
    whole word) is held by the haystack naming that person as documents do (离休干部 / 老同志, 配偶, 子女,
    家属 …) — not by any passage: one naming no such person does not hold it."""
    return any(
        asked.fullmatch(word) is not None and written.search(haystack) is not None
        for asked, written in _CLASSES
    )


def kin_words(text: str) -> list[str]:
    """The kinship words of everyday speech in a text, in order: the reach of `held_as_kin`
    (scripts/asks49_reach.py counts the questions it can act on)."""
    return _ANY.findall(text)
