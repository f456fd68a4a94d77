"""PDFs whose outline (bookmarks) gives their sections (corpus.pdf `outline_titles`, corpus.layout): reportlab
plans whose headings are set in the body's own type, unnumbered, flush left — only the outline tells them —
read with every heading a section at its outline level and every body sentence once."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document
from corpus.pdf import _ocr_likeness, outline_titles
from tests.fixtures.corpus_writers import truetype_font
from tests.fixtures.outline_wrapped.make_wrapped import outlined_plan

_FACES: dict[frozenset[str], str] = {}


def _face(characters: str) -> str:
    """Noto Serif CJK SC cut to the characters, registered with reportlab once per set of characters."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    wanted = frozenset(characters)
    for held, face in _FACES.items():
        if wanted <= held:
            return face
    face = f"OutlineSerif{len(_FACES) + 1}"
    with tempfile.TemporaryDirectory() as tmp:
        font = truetype_font(characters, Path(tmp) / f"{face}.ttf", name=face)
        pdfmetrics.registerFont(TTFont(face, str(font)))
    _FACES[wanted] = face
    return face


Plan = list[tuple[int, str]]  # (outline level, heading) or (0, a body paragraph)


def _pdf(title: str, plan: Plan, sign: tuple[str, str]) -> bytes:
    """The plan set by reportlab (`outlined_plan`): headings in the body's type flush left, each a bookmark
    at its level, 「— N —」 under pages."""
    face = _face(title + "".join(t for _, t in plan) + "".join(sign) + "— 0123456789")
    return outlined_plan(title, plan, sign, face, page_numbers=True)


SIGN = ("中共岫宁县委老干部局", "2033年3月6日")
PLAN: Plan = [
    (0, "为发挥离退休干部作用，决定建立银发人才库。现制定如下实施方案。"),
    (1, "总体要求"),
    (0, "坚持自愿参与的原则，力争年底入库人才达到300名。"),
    (1, "入库范围和条件"),
    (2, "入库范围"),
    (0, "身体健康、热心公益的离退休干部均可申请入库。"),
    (2, "入库条件"),
    (0, "申请人年龄一般不超过75周岁。"),
    (1, "保障措施"),
    (0, "入库人才参加服务每半天给予交通补助30元。"),
]


def test_headings_only_the_outline_marks_are_sections_at_its_levels() -> None:
    data = _pdf("银发人才库建设实施方案", PLAN, SIGN)
    assert tuple((e.title, e.depth) for e in outline_titles(data)) == (
        ("总体要求", 1),
        ("入库范围和条件", 1),
        ("入库范围", 2),
        ("入库条件", 2),
        ("保障措施", 1),
    )
    (speech,) = parse_document(read_bytes("方案.pdf", data))
    assert (speech.title, speech.date) == ("银发人才库建设实施方案", "2033-03-06")
    assert [(p.section, p.text) for p in speech.paragraphs if p.section != "文件信息"] == [
        (None, PLAN[0][1]),
        ("总体要求", PLAN[2][1]),
        ("入库范围和条件 › 入库范围", PLAN[5][1]),
        ("入库范围和条件 › 入库条件", PLAN[7][1]),
        ("保障措施", PLAN[9][1]),
    ]  # main: 「…实施方案。总体要求坚持自愿参与…」, no section


def test_a_pdf_without_an_outline_has_no_titles() -> None:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "notice")
    page.save()
    assert outline_titles(out.getvalue()) == ()


_HEADING = st.text(
    alphabet="总体要求工作任务组织实施保障措施入库程序管理使用服务安排", min_size=2, max_size=8
)
_SENTENCE = st.text(
    alphabet="县委老干部局根据乡镇和部门需求安排人才开展服务每年更新一次", min_size=8, max_size=70
).map(lambda t: t + "。")


# generated only, not shrunk: a reportlab PDF per step, shrinking one failure took over five minutes
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=(Phase.generate,)
)
@given(
    sections=st.lists(
        st.tuples(_HEADING, st.lists(_SENTENCE, min_size=1, max_size=3)), min_size=2, max_size=5
    ).filter(lambda s: len({h for h, _ in s}) == len(s)),
)
def test_every_bookmarked_heading_is_a_section_over_its_paragraphs(
    sections: list[tuple[str, list[str]]],
) -> None:
    """Any two to five unnumbered headings in the body's type, each bookmarked, over one to three
    paragraphs: every section read under its own heading, holding its paragraphs' text once and in order
    (how the paragraphs under one heading are split is the paragraph rules', not the outline's)."""
    plan: Plan = [(0, "为做好有关工作，现制定如下方案。")]
    for heading, paragraphs in sections:
        plan += [(1, heading), *((0, p) for p in paragraphs)]
    (speech,) = parse_document(read_bytes("方案.pdf", _pdf("有关工作实施方案", plan, SIGN)))
    read: dict[str, str] = {}
    for p in speech.paragraphs:
        if p.section not in ("文件信息", None):
            read[p.section] = read.get(p.section, "") + p.text
    assert read == {heading: "".join(paragraphs) for heading, paragraphs in sections}


# Writer PDFs (tests/fixtures/outline_writer/make_outline_pdfs.py): LibreOffice writes every heading as a
# bookmark, so the outline is only evidence where the layout would read the line as body text.
_WRITER = Path(__file__).parent / "fixtures" / "outline_writer"


def _read(name: str) -> list[tuple[str | None, str | None, str | None, list[tuple[str | None, str]]]]:
    return [
        (s.title, s.speaker, s.date, [(p.section, p.text) for p in s.paragraphs if p.section != "文件信息"])
        for s in parse_document(read_document(_WRITER / name))
    ]


def test_a_compilations_bookmarked_titles_each_start_a_speech() -> None:
    first, second = _read(
        "compilation.pdf"
    )  # merge62: one speech, 「县委副书记李明华（2024年1月28日）」 body text
    assert first[:3] == ("在全县老干部工作会议上的讲话", "王建国", "2024-03-05")
    assert (
        "一、充分肯定去年工作成绩",
        "去年以来，全县老干部工作坚持以人民为中心，各项待遇落实到位。",
    ) in first[3]
    assert second[:3] == ("在老干部迎春座谈会上的讲话", "李明华", "2024-01-28")
    assert all(section is None for section, _ in second[3])


def test_a_red_headed_notices_bookmarked_title_is_its_title() -> None:
    (speech,) = parse_document(read_document(_WRITER / "redhead.pdf"))  # merge62: titled 「redhead」
    assert speech.title == "关于做好2024年离退休干部健康体检工作的通知"
    assert speech.addressee == "各乡镇党委，县直各单位"
    assert all(p.section in (None, "文件信息") for p in speech.paragraphs)


def test_bookmarked_numbered_headings_keep_their_numbering_levels() -> None:
    """「（一）」「（二）」 in 「标题 2」 (the outline's top, pypdf depth 1) under a plain 「三、报送方式」: the
    numbering gives the levels, the outline's depth is never compared with them."""
    ((*_, paragraphs),) = _read("item_sub.pdf")
    assert paragraphs[-2:] == [
        ("三、报送方式 › （一）纸质作品", "纸质作品请于9月10日前送至县委老干部局。"),
        ("三、报送方式 › （二）电子作品", "电子作品请发送至县委老干部局邮箱。"),
    ]  # merge62: 「（一）纸质作品」 with no parent


def test_a_table_of_contents_above_the_headings_takes_no_bookmark() -> None:
    """Each bookmark is matched on its page to the line of its title nearest where it points: the 目录's
    lines above the headings (the same page, the same words) are passed over, each heading a section."""
    ((*_, paragraphs),) = _read("toc.pdf")
    assert [(section, text) for section, text in paragraphs if section] == [
        ("总体要求", "坚持自愿参与的原则，力争年底入库人才达到300名。"),
        ("入库范围和条件 › 入库范围", "身体健康、热心公益的离退休干部均可申请入库。"),
        ("保障措施", "入库人才参加服务每半天给予交通补助30元。"),
    ]  # merge62: every paragraph under 「保障措施」, the headings run into them


# Headings longer than a line (tests/fixtures/outline_wrapped/make_wrapped.py): the bookmark's title is matched
# against consecutive lines on its page; on a scan, against OCR's lines, OCR's errors allowed.
_WRAPPED = Path(__file__).parent / "fixtures" / "outline_wrapped"
_WRAPPED_SECTIONS = [
    (None, "为发挥离退休干部作用，决定建立银发人才库。现制定如下实施方案。"),
    ("总体要求", "坚持自愿参与的原则，力争年底入库人才达到300名。"),
    (
        "关于进一步做好银发人才库入库人员参加志愿服务期间交通补助和意外保险的保障措施",
        "入库人才参加服务每半天给予交通补助30元，县委老干部局统一购买意外伤害保险。",
    ),
    (
        "入库人才的日常联系、年度考核以及退出机制和档案资料管理工作的具体办法",
        "县委老干部局每季度联系入库人才一次，年底考核，连续两年不参加服务的退出人才库。",
    ),
    ("组织领导", "成立工作专班，办公室设在县委老干部局活动科。"),
]


def test_a_bookmarked_heading_wrapped_over_two_lines_is_one_section() -> None:
    (speech,) = parse_document(read_document(_WRAPPED / "plan.wrapped.pdf"))
    assert [(p.section, p.text) for p in speech.paragraphs if p.section != "文件信息"] == _WRAPPED_SECTIONS
    # main: each wrapped heading ran into its paragraph under 「总体要求」


def test_bookmarks_on_a_scanned_pdf_mark_its_ocr_lines() -> None:
    """A scan (images only) whose outline a scanner's software or a later edit added: the bookmarks give
    OCR's lines their sections as a text layer's, wrapped headings too."""
    document = read_document(_WRAPPED / "plan.scanned.pdf")
    assert document.encoding == "pdf+ocr"
    (speech,) = parse_document(document)
    sections = [(p.section, p.text) for p in speech.paragraphs if p.section != "文件信息"]
    assert [s for s, _ in sections] == [s for s, _ in _WRAPPED_SECTIONS]
    # main: the two wrapped headings ran into their paragraphs under 「总体要求」


_LONG_HEADING = st.text(
    alphabet="关于进一步做好离退休干部入库人才服务保障日常管理考核退出机制具体办法", min_size=32, max_size=60
)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=(Phase.generate,)
)
@given(
    sections=st.lists(
        st.tuples(st.one_of(_HEADING, _LONG_HEADING), st.lists(_SENTENCE, min_size=1, max_size=2)),
        min_size=2,
        max_size=4,
    ).filter(lambda s: len({h for h, _ in s}) == len(s)),
)
def test_every_bookmarked_heading_however_long_is_one_section(sections: list[tuple[str, list[str]]]) -> None:
    """Headings of 2–60 characters in the body's type (32 or more wrap over two lines at 14 pt), each
    bookmarked: every heading once, whole, a section over its paragraphs, their text once and in order."""
    plan: Plan = [(0, "为做好有关工作，现制定如下方案。")]
    for heading, paragraphs in sections:
        plan += [(1, heading), *((0, p) for p in paragraphs)]
    (speech,) = parse_document(read_bytes("方案.pdf", _pdf("有关工作实施方案", plan, SIGN)))
    read: list[tuple[str, str]] = []
    for p in speech.paragraphs:
        if p.section not in ("文件信息", None):
            if read and read[-1][0] == p.section:
                read[-1] = (p.section, read[-1][1] + p.text)
            else:
                read.append((p.section, p.text))
    assert read == [(heading, "".join(paragraphs)) for heading, paragraphs in sections]


def test_a_scans_bookmarks_match_headings_ocr_reads_a_character_off() -> None:
    """The scan printed with one character of each long heading as OCR misreads it (措→借, 体→休) while the
    outline keeps the true titles: each heading still matched (a quarter's length, ratio ≥ 0.8), a section
    read as the scan prints it, its paragraph under it."""
    from tests.fixtures.outline_wrapped.make_wrapped import MISPRINTS

    (speech,) = parse_document(read_document(_WRAPPED / "plan.misread.pdf"))
    sections = [(p.section, p.text) for p in speech.paragraphs if p.section != "文件信息"]
    assert sections == [(MISPRINTS.get(s, s) if s else s, t) for s, t in _WRAPPED_SECTIONS]


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


def test_a_four_character_title_ocr_read_a_character_off_still_matches() -> None:
    """「保障措施」 read 「保障借施」 (review63L): difflib's ratio 2·3/8 = 0.75 < 0.8 gave 0, so a four-character
    bookmark OCR misread once never matched, though a misread character is what the rule allows."""
    assert _ocr_likeness("保障借施", "保障措施") > 0
    assert _ocr_likeness("保障施", "保障措施") > 0  # one dropped
    assert _ocr_likeness("组织领导", "保障措施") == 0  # another title
    assert _ocr_likeness("保障机制", "保障措施") == 0  # another title two characters off


@settings(max_examples=80, deadline=None, derandomize=True)
@given(title=st.text(_HAN, min_size=4, max_size=16), data=st.data())
def test_ocr_likeness_allows_one_error_in_five_and_no_more(title: str, data: st.DataObject) -> None:
    """A title with one character misread matches, and with up to one in five misread; a reading with more
    of its characters misread (another title of its length) never does."""
    allowed = max(1, len(title) // 5)
    at = data.draw(st.lists(st.integers(0, len(title) - 1), min_size=allowed + 1, unique=True))
    misread = list(title)
    for k, n in enumerate(at):
        misread[n] = data.draw(_HAN.filter(lambda c, old=title[n]: c != old))
        if k + 1 == allowed:
            assert _ocr_likeness("".join(misread), title) > 0
    assert _ocr_likeness("".join(misread), title) == 0
