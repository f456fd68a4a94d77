"""An official notice's head (GB/T 9704): its 文号, its issuing bodies and its 主送 line — and its 版记's
抄送, 印发机关 and 印发日期 — are one passage, 「文件信息」, read from real files (python-docx, and the same document printed to PDF by LibreOffice); the
主送 line is kept as text once (the conservation check counts it); a question about the document itself
(「文号是多少」, 「发给哪些单位」) is answered by that passage of the document the search found, never by a
number the body cites, and no other question ranks differently for it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import (
    HEAD_LABELS,
    HEAD_SECTION,
    Document,
    ImprintField,
    Speech,
    check_conservation,
    chunk_speech,
    head_issuer,
    head_labels,
    parse_document,
    read_bytes,
    read_document,
    with_head_issuer,
)
from corpus.parse import IMPRINT_LABELS, addressee, head_paragraph
from index import Library
from retrieval import Retriever
from retrieval.answer_type import asks_about_document

from .fakes import FakeEmbedder

TITLE = "关于调整离休干部护理费标准的通知"
NUMBER = "青人社发〔2025〕41号"
SENT_TO = "各县（市、区）人力资源和社会保障局、财政局，市直各单位"
BODY = [
    "为进一步做好离休干部生活待遇保障工作，经市政府同意，决定调整我市离休干部护理费标准。",
    "一、调整范围",
    "本市行政区域内评定为需要护理的离休干部。",
    "二、其他",
    "本通知自2026年1月1日起执行，《关于提高离休干部护理费标准的通知》（青人社发〔2019〕18号）同时废止。",
]
ISSUERS = ["青溪市人力资源和社会保障局", "青溪市财政局"]


def notice_docx(path: Path) -> Path:
    """A joint notice as an office types it in Word: title, number, 主送, body, two issuers, date."""
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph(NUMBER)
    document.add_paragraph(f"{SENT_TO}：")
    for line in BODY:
        document.add_paragraph(line)
    for line in [*ISSUERS, "2025年12月15日"]:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_a_word_notice_keeps_its_number_issuers_and_addressees_in_one_head_passage(tmp_path: Path) -> None:
    document = read_document(notice_docx(tmp_path / "护理费通知.docx"))
    [speech] = parse_document(document)
    assert (speech.doc_number, speech.addressee) == (NUMBER, SENT_TO)
    head = speech.paragraphs[0]
    assert head.section == HEAD_SECTION
    assert head.text == f"文号：{NUMBER}。发文机关：{'、'.join(ISSUERS)}。主送：{SENT_TO}。"
    # nowhere else: the body's first paragraph is the body's
    assert all(SENT_TO not in p.text for p in speech.paragraphs[1:])
    assert speech.paragraphs[1].text == BODY[0]


def test_the_addressee_line_is_counted_once_by_the_conservation_check(tmp_path: Path) -> None:
    document = read_document(notice_docx(tmp_path / "护理费通知.docx"))
    [speech] = parse_document(document)
    passages = [d.text for d in chunk_speech(speech)]
    kept = check_conservation(document, passages)
    assert kept.ok
    assert kept.sentences == len([s for s in BODY if s.endswith("。")]) + 1  # the body's, and the 主送 line
    squashed = SENT_TO.replace(" ", "")
    lost = check_conservation(document, passages[1:])  # without the head: the line is missing
    assert lost.missing == (squashed,)
    doubled = check_conservation(document, [*passages, f"主送：{SENT_TO}。"])
    assert doubled.duplicated == (squashed,)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_libreoffice_pdf_of_the_notice_has_the_same_head(tmp_path: Path) -> None:
    from tests.fixtures.documents.make_fixtures import soffice

    source = notice_docx(tmp_path / "护理费通知.docx")
    document = read_document(soffice(source, "pdf", tmp_path))
    [speech] = parse_document(document)
    assert (speech.doc_number, speech.addressee) == (NUMBER, SENT_TO)
    assert speech.paragraphs[0].section == HEAD_SECTION
    assert f"主送：{SENT_TO}。" in speech.paragraphs[0].text
    assert check_conservation(document, [d.text for d in chunk_speech(speech)]).ok


COPIED_TO = "市委组织部组织一处，市人力资源和社会保障局养老保险处，市财政局社会保障处，市卫生健康委老龄健康处，市医疗保障局待遇保障处"
PRINTED_BY = "青溪市人力资源和社会保障局办公室"
PRINTED_ON = "2025年12月16日"
IMPRINT_FIELDS = f"抄送：{COPIED_TO}。印发机关：{PRINTED_BY}。印发日期：{PRINTED_ON}。"


def imprinted_docx(path: Path) -> Path:
    """The joint notice with its 版记 under the signature: a 抄送 list long enough to wrap in a PDF, the
    印发 line (office and date apart by spaces, as typed), and a count of copies."""
    import docx

    document = docx.Document(str(notice_docx(path)))
    for line in (f"抄送：{COPIED_TO}。", f"{PRINTED_BY}　　　{PRINTED_ON}印发", "（共印30份）"):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def imprinted_text(path: Path) -> Path:
    """The same notice as a .txt (GB18030, as an office's exported text is), the 抄送 wrapped over two lines."""
    wrap = COPIED_TO.index("市财政局")
    lines = [TITLE, NUMBER, f"{SENT_TO}：", *BODY, *ISSUERS, "2025年12月15日"]
    lines += [f"抄送：{COPIED_TO[:wrap]}", f"{COPIED_TO[wrap:]}。", f"{PRINTED_BY}  {PRINTED_ON}印发"]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    return path


def _imprint_read(document: Document) -> None:
    [speech] = parse_document(document)
    head = speech.paragraphs[0]
    assert head.section == HEAD_SECTION
    assert (
        head.text == f"文号：{NUMBER}。发文机关：{'、'.join(ISSUERS)}。主送：{SENT_TO}。{IMPRINT_FIELDS}"
    ), head.text
    assert speech.date == "2025-12-15"  # the 成文日期, never the 印发 date
    body = " ".join(p.text for p in speech.paragraphs[1:])
    assert "抄送" not in body and "印发" not in body and "共印" not in body  # the 版记 is no body text
    assert check_conservation(document, [d.text for d in chunk_speech(speech)]).ok


def test_a_word_notices_copy_list_and_imprint_are_in_its_head_passage(tmp_path: Path) -> None:
    """The 版记 was read into no passage: 「这个通知抄送给哪些单位」 found nothing. Its 抄送, 印发机关 and 印发日期
    are labelled sentences of the 「文件信息」 passage now, the body still without them."""
    _imprint_read(read_document(imprinted_docx(tmp_path / "护理费通知.docx")))


def test_a_text_notices_wrapped_copy_list_is_one_field(tmp_path: Path) -> None:
    _imprint_read(read_document(imprinted_text(tmp_path / "护理费通知.txt")))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_libreoffice_pdf_of_the_notice_keeps_its_copy_list_in_its_head(tmp_path: Path) -> None:
    from tests.fixtures.documents.make_fixtures import soffice

    source = imprinted_docx(tmp_path / "护理费通知.docx")
    _imprint_read(read_document(soffice(source, "pdf", tmp_path)))


@given(
    number=st.sampled_from([None, NUMBER]),
    issuer=st.sampled_from([None, "江州市委老干部局", "、".join(ISSUERS)]),
    sent_to=st.sampled_from([None, SENT_TO]),
    imprint=st.lists(
        st.tuples(st.sampled_from(IMPRINT_LABELS), st.sampled_from([COPIED_TO, PRINTED_BY, PRINTED_ON])),
        max_size=4,
        unique_by=lambda f: f[0],
    ),
)
def test_the_head_labels_are_the_fields_a_head_passage_holds(
    number: str | None, issuer: str | None, sent_to: str | None, imprint: list[tuple[str, str]]
) -> None:
    """head_labels names exactly the labelled fields head_paragraph wrote, in the order written."""
    speech = Speech(
        TITLE,
        None,
        None,
        None,
        "通知.txt",
        1,
        None,
        (),
        number,
        issuer,
        sent_to,
        tuple(ImprintField(*f) for f in imprint),
    )
    head = head_paragraph(speech)
    written = [label for label, value in zip(HEAD_LABELS, (number, issuer, sent_to), strict=True) if value]
    written += [label for label, _ in imprint]
    if head is None:  # an issuer alone makes no head (a speech's signature)
        assert not number and not sent_to and not imprint and head_labels([]) == ()
        return
    assert head_labels([head.text]) == tuple(
        label for label in (*HEAD_LABELS, *IMPRINT_LABELS) if label in written
    )


@given(
    number=st.sampled_from([None, NUMBER]),
    issuer=st.sampled_from([None, "江州市委老干部局", "、".join(ISSUERS)]),
    sent_to=st.sampled_from([None, SENT_TO]),
    copied=st.booleans(),
    corrected=st.sampled_from(["", "中共温州市委老干部局", "中共温州市委老干部局、温州市财政局"]),
)
def test_a_corrected_issuer_replaces_only_the_heads_issuer_sentence(
    number: str | None, issuer: str | None, sent_to: str | None, copied: bool, corrected: str
) -> None:
    """with_head_issuer (what `edit --issuer` does to a 「文件信息」 passage) gives the head head_paragraph
    would write for the corrected issuer: every other field as it was, in its place."""
    imprint = (ImprintField("抄送", COPIED_TO),) if copied else ()
    fields = (number, issuer, sent_to, imprint)
    head = head_paragraph(Speech(TITLE, None, None, None, "通知.txt", 1, None, (), *fields))
    if head is None:
        return
    fixed = (number, corrected or None, sent_to, imprint)
    wanted = head_paragraph(Speech(TITLE, None, None, None, "通知.txt", 1, None, (), *fixed))
    assert wanted is not None
    assert with_head_issuer(head.text, corrected or None) == wanted.text
    assert head_issuer(wanted.text) == (corrected or None)


def test_a_notice_without_a_number_or_addressee_has_a_head_for_its_copy_list() -> None:
    text = "关于开展健康讲座的通知\n健康讲座定于5月20日举行。\n江州市委老干部局\n2024年5月6日\n抄送：市卫生健康委。\n"
    [speech] = parse_document(read_bytes("讲座通知.txt", text.encode("utf-8")))
    assert speech.paragraphs[0].section == HEAD_SECTION
    assert speech.paragraphs[0].text == "发文机关：江州市委老干部局。抄送：市卫生健康委。"


@pytest.mark.parametrize(
    ("line", "bodies"),
    [
        ("各县（市、区）老干部局，市直各单位：", "各县（市、区）老干部局，市直各单位"),
        ("各省、自治区、直辖市民政厅（局）：", "各省、自治区、直辖市民政厅（局）"),
        ("各區縣老幹部局，市直各單位：", "各區縣老幹部局，市直各單位"),
        ("各县（市、区），市直各单位：", "各县（市、区），市直各单位"),
        ("各区县卫生健康局，各定点医疗机构:", "各区县卫生健康局，各定点医疗机构"),
        ("市委：", "市委"),
        ("各位老同志：", None),
        ("各位老领导、老同志：", None),
        ("同志们：", None),
        ("会议议定以下事项：", None),
        ("请各单位注意以下事项：", None),
    ],
)
def test_an_addressee_line_names_bodies_a_salutation_does_not(line: str, bodies: str | None) -> None:
    assert addressee(line) == bodies


def test_a_speech_and_a_notice_without_number_or_addressee_have_no_head() -> None:
    speech_text = "在全市老干部工作会议上的讲话\n同志们：\n今天我们召开会议。\n"
    [speech] = parse_document(read_bytes("讲话.txt", speech_text.encode("utf-8")))
    assert speech.addressee is None
    assert all(p.section != HEAD_SECTION for p in speech.paragraphs)


@pytest.mark.parametrize(
    ("question", "about"),
    [
        ("这个通知的文号是多少", True),
        ("护理费通知发给哪些单位", True),
        ("口述历史征集通知是哪个单位发的", True),
        ("主送单位有哪些", True),
        ("护理费标准是多少", False),
        ("离休干部体检什么时候开始", False),
        ("慰问金由谁负责发放", False),
        ("这个通知发给谁", True),
        ("这个通知抄送给哪些单位", True),
        ("抄送了谁", True),
        ("文件发往哪些部门", True),
        ("发给了哪些单位", True),
        # who receives a thing the document is about: its items say, not its 主送
        ("智能呼叫手环发给哪些人", False),
        ("慰问品发给谁", False),
        ("取暖补贴发放给哪些老同志", False),
        ("本月补贴发给谁", False),
        ("文体用品发给哪些人", False),
        # which bodies, asked of the document (issuing it, owning it) or of what it says (docs/asks42.md)
        ("指导意见是哪个单位转发的", True),
        ("这个通知是哪个部门的", True),
        ("是哪几个部门联合印发的", True),
        ("茶艺班是跟哪个单位联合办的", False),
        ("集邮展览由哪些单位主办?", False),
        ("冬训工作总结报给哪个部门?", False),
        ("郑秀兰退休前在哪个单位工作", False),
        ("实施意见由哪个部门负责解释?", False),
        ("慰问金由哪个单位发放", False),
    ],
)
def test_a_question_about_the_document_itself_is_told_apart(question: str, about: bool) -> None:
    assert asks_about_document(question) is about


OTHER = "关于开展离退休干部健康体检的通知\n江老干〔2024〕3号\n各区县老干部局：\n体检每年一次，费用每人1800元。\n江州市委老干部局\n2024年3月1日\n"


@pytest.fixture
def notices(tmp_path: Path, fake_embedder: FakeEmbedder) -> Retriever:
    library = Library(tmp_path / "home")
    docx_bytes = notice_docx(tmp_path / "护理费通知.docx").read_bytes()
    library.add_documents(
        [read_bytes("护理费通知.docx", docx_bytes), Document("体检通知.txt", OTHER, "utf-8")]
    )
    library.build(fake_embedder)
    return Retriever(library.store, library.load(fake_embedder.key), fake_embedder)


def test_the_number_question_is_answered_by_the_documents_own_number(notices: Retriever) -> None:
    answer = notices.search("护理费通知的文号是多少")
    first = answer.hits[0]
    assert first.passage.section == HEAD_SECTION
    assert first.passage.speech_title == f"{TITLE}（{NUMBER}）"  # the citation names it too
    assert first.answer_sentence is not None
    assert first.answer_sentence.text == f"文号：{NUMBER}。"  # not the 2019 number the body cites
    sent_to = notices.search("护理费通知发给哪些单位").hits[0]
    assert sent_to.passage.section == HEAD_SECTION
    assert sent_to.answer_sentence is not None and SENT_TO in sent_to.answer_sentence.text


def test_the_copy_list_question_is_answered_by_the_documents_head(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    library = Library(tmp_path / "home")
    docx_bytes = imprinted_docx(tmp_path / "护理费通知.docx").read_bytes()
    library.add_documents(
        [read_bytes("护理费通知.docx", docx_bytes), Document("体检通知.txt", OTHER, "utf-8")]
    )
    library.build(fake_embedder)
    notices = Retriever(library.store, library.load(fake_embedder.key), fake_embedder)
    first = notices.search("护理费通知抄送给哪些单位").hits[0]
    assert first.passage.section == HEAD_SECTION and first.passage.speech_title.startswith(TITLE)
    assert first.answer_sentence is not None and f"抄送：{COPIED_TO}。" in first.answer_sentence.text


def test_the_head_passages_are_in_no_index_and_change_no_other_ranking(notices: Retriever) -> None:
    heads = notices.head_passages()
    assert len(heads) == 2  # one per notice
    assert not set(heads.values()) & {int(i) for i in notices.index.lexical.ids}
    for question in ("护理费标准", "体检费用每人多少", "离休干部护理"):
        assert all(h.passage.section != HEAD_SECTION for h in notices.search(question).hits)


_WORDS = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), max_size=12).filter(
    lambda w: not asks_about_document(w)
)


@given(
    _WORDS,
    st.sampled_from(["跟", "由", "向", "和", "在", "报给", "委托"]),
    st.sampled_from(["单位", "部门", "机构"]),
    st.sampled_from(["联合办的", "主办", "牵头", "任职", "承办的", "组织开展"]),
)
def test_which_bodies_asked_of_what_a_document_says_is_no_question_about_it(
    subject: str, before: str, body: str, verb: str
) -> None:
    """Whatever the subject: 「…跟/由/报给哪个单位 + a verb that is no issuing」 asks what the document says."""
    assert not asks_about_document(f"{subject}{before}哪个{body}{verb}")


@given(
    _WORDS, st.sampled_from(["单位", "部门", "机关"]), st.sampled_from(["发的", "印发的", "转发的", "下发的"])
)
def test_which_bodies_issued_it_is_a_question_about_the_document(subject: str, body: str, verb: str) -> None:
    assert asks_about_document(f"{subject}是哪个{body}{verb}")


FOR_TEA = "关于举办茶艺培训班的通知\n桐老干〔2029〕4号\n县直各单位：\n县委老干部局与县茶叶产业协会联合举办茶艺培训班。\n培训地点：县老干部活动中心一楼茶艺室。\n中共桐岚县委老干部局\n2029年4月22日\n"


def test_a_body_asked_of_what_the_notice_says_is_answered_by_its_passage_not_its_head(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    library = Library(tmp_path / "home")
    library.add_documents([Document("茶艺通知.txt", FOR_TEA, "utf-8")])
    library.build(fake_embedder)
    notices = Retriever(library.store, library.load(fake_embedder.key), fake_embedder)
    assert len(notices.head_passages()) == 1  # the notice has its 「文件信息」
    first = notices.search("茶艺培训班是跟哪个单位联合举办的").hits[0]
    assert first.passage.section != HEAD_SECTION and "县茶叶产业协会" in first.passage.text
    issued = notices.search("茶艺培训班的通知是哪个单位发的").hits[0]
    assert issued.passage.section == HEAD_SECTION
