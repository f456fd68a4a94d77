"""A mail forwarded as an attachment (corpus.reader, 「作为附件转发」): the original message inside as
``message/rfc822`` is read under 「附件：its subject」 with its subject its title, not run into its addressee and
first paragraph, and its numbered items sections of their own — as the same message read alone. Files made by
Python's email package as a mail client forwards one (benchmarks/corpus-cold37, and drawn ones here)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import chunk_speech, parse_document, read_document
from corpus.conservation import check_conservation

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold37"
CHINA = timezone(timedelta(hours=8))


def _message(subject: str | None, lines: list[str], shape: str = "plain") -> EmailMessage:
    """The original message: of `subject` (none when None), its body `lines`, and as `shape` says a
    signature under 「-- 」, or a .txt attached to it."""
    inner = EmailMessage()
    inner["From"] = "县志愿服务联合会 <zyfw@example.cn>"
    inner["To"] = "县委老干部局 <lgbj@example.cn>"
    if subject is not None:
        inner["Subject"] = subject
    inner["Date"] = format_datetime(datetime(2034, 4, 25, 16, 0, tzinfo=CHINA))
    body = "\n\n".join(lines)
    if shape == "signature":
        body += "\n\n-- \n王小明\n县志愿服务联合会办公室\n电话0571-12345678"
    inner.set_content(body, charset="utf-8", cte="base64")
    if shape == "attachment":
        inner.add_attachment(
            "走访对象名单由各支部于10月8日前报送。".encode(),
            maintype="text",
            subtype="plain",
            filename="名单说明.txt",
        )
    return inner


def _forward(inner: EmailMessage, subject: str, name: str | None = None) -> EmailMessage:
    """A cover note forwarding `inner` as an attachment (named `name`, else its subject), as a client does."""
    outer = EmailMessage()
    outer["From"] = "组织科 <zzk@example.cn>"
    outer["To"] = "各支部 <dzb@example.cn>"
    outer["Subject"] = f"转发：{subject}"
    outer["Date"] = format_datetime(datetime(2034, 4, 28, 9, 0, tzinfo=CHINA))
    outer.set_content(
        "现将通知转发给你们，请及时传达。\n\n县委老干部局组织科\n\n2034年4月28日", charset="utf-8"
    )
    outer.add_attachment(inner, filename=name or f"{inner['Subject'] or '转发的邮件'}.eml")
    return outer


def _forwarded(path: Path, subject: str, lines: list[str], shape: str = "plain") -> Path:
    """A cover note forwarding, as an attachment, a message of `subject` whose body is `lines` — with a
    signature, with an attachment of its own, or forwarded twice (``shape``)."""
    mail = _forward(_message(subject, lines, shape), subject)
    if shape == "nested":
        mail = _forward(mail, f"转发：{subject}")
    path.write_bytes(bytes(mail))
    return path


def test_the_blind_sets_forwarded_notice_reads_its_items_as_sections() -> None:
    # on main: 「关于…的通知县委老干部局：为激励…」 one passage with 「一、积分获得。…」 in it
    document = read_document(SET / "转发：溧岚县银龄志愿服务积分兑换有关事项.eml")
    [speech] = parse_document(document)
    attached = "附件 关于银龄志愿服务积分兑换有关事项的通知"
    sections = [p.section for p in speech.paragraphs]
    assert f"{attached} › 一、积分获得" in sections
    first = next(p for p in speech.paragraphs if p.section == attached)
    assert first.text.startswith("县委老干部局：为激励离退休干部")
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


_TOPIC = st.sampled_from(("积分兑换", "走访慰问", "健康体检", "场馆预约", "志愿服务"))
_CLAUSE = st.sampled_from(
    (
        "每月记分一次",
        "由支部统一登记",
        "名额按积分排序",
        "请提前三天预约",
        "经费由县财政承担",
        "结果在公告栏公示",
    )
)
_NUMERALS = "一二三四五"


@settings(max_examples=24, deadline=None)
@given(
    topic=_TOPIC,
    items=st.lists(st.tuples(_TOPIC, st.lists(_CLAUSE, min_size=1, max_size=3)), min_size=2, max_size=5),
    shape=st.sampled_from(("plain", "signature", "attachment", "nested")),
)
def test_each_numbered_item_of_a_forwarded_notice_is_a_section_and_its_subject_its_title(
    tmp_path_factory, topic: str, items: list[tuple[str, list[str]]], shape: str
) -> None:
    # review63c: a forwarded message with a signature, an attachment of its own, or forwarded again read its
    # subject into its addressee (「关于…的通知县委老干部局：」): the subject is split in every case
    subject = f"关于做好{topic}工作的通知"
    lines = ["县委老干部局：", f"为做好{topic}工作，现将有关事项通知如下："]
    lines += [f"{_NUMERALS[n]}、{name}。{'，'.join(clauses)}。" for n, (name, clauses) in enumerate(items)]
    path = _forwarded(tmp_path_factory.mktemp("mail") / "转发.eml", subject, lines, shape)
    document = read_document(path)
    [speech] = parse_document(document)
    attached = f"附件 {subject}"
    for n, (name, clauses) in enumerate(items):
        heading = f"{_NUMERALS[n]}、{name}"
        [item] = [p for p in speech.paragraphs if p.section == f"{attached} › {heading}"]
        assert item.text == f"{heading}。{'，'.join(clauses)}。"
    assert not any(p.text.startswith(subject) for p in speech.paragraphs)
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_a_forwarded_message_with_no_subject_keeps_its_salutation_as_text(tmp_path: Path) -> None:
    # review63c: a forwarded message with no subject whose body opens 「各支部」 (its colon forgotten): the
    # salutation was made a section heading over the whole notice; it is the notice's text, as on main
    lines = [
        "各支部",
        "为做好重阳节走访慰问工作，现将有关事项通知如下：",
        "一、走访对象。全县离休干部和遗属。",
    ]
    path = tmp_path / "转发：通知.eml"
    path.write_bytes(bytes(_forward(_message(None, lines), "通知")))
    document = read_document(path)
    [speech] = parse_document(document)
    assert not any("各支部" in (p.section or "") for p in speech.paragraphs)
    assert any(p.text.startswith("各支部") for p in speech.paragraphs)
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok
