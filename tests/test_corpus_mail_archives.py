"""A .zip attached to a saved e-mail, and a saved e-mail inside a .zip: read as their contents.

A notice's forms often reach the bureau as one 材料.zip attached to the mail, and a colleague forwards a
folder of saved mails as one .zip. The zip in a mail was named and passed over (「请先解压」): now each document
in it is read after the mail's body under 「附件：材料.zip › 通知/关于…」, and what is not read is named as
「通知.eml › 材料.zip › …」 with what to do, the zip checked by corpus/archive.py's limits. One level: a zip
a mail brings is opened, a zip inside it or a mail inside it is not; a mail in a zip is read with its
attachments, but a zip it carries is not opened.

Real producers: the mails are the standard library's email package laid out as Foxmail writes one
(tests/fixtures/corpus_writers.mail_message: base64 parts, GB2312 RFC 2047 names), the zips Windows' GBK
zip and Info-ZIP's of tests/fixtures/archives (make_archives.py) or zipfile's.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from corpus import chunk_speech, open_archive, parse_document, read_bytes, read_document
from corpus.conservation import check_conservation
from tests.fixtures.corpus_writers import mail_message, write_docx

ARCHIVES = Path(__file__).parent / "fixtures" / "archives"
LINES = [
    "各区县委老干部局，市直各单位：",
    "",
    "现将离休干部健康体检的通知和体检须知发给你们，见附件压缩包，请认真组织实施。",
    "",
    "中共温州市委老干部局办公室",
    "2027年4月19日",
]
SUBJECT = "转发离休干部健康体检通知"


def _mail(tmp_path: Path, attachments: list[tuple[str, bytes]], name: str = "体检通知.eml") -> Path:
    path = tmp_path / name
    mail_message(
        LINES,
        path,
        sender="温州市委老干部局办公室 <bgs@wzlgj.gov.cn>",
        to="各单位联络员 <lly@wzlgj.gov.cn>",
        subject=SUBJECT,
        date="Mon, 19 Apr 2027 09:12:00 +0800",
        attachments=attachments,
    )
    return path


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as packed:
        for name, data in members.items():
            packed.writestr(name, data)
    return out.getvalue()


def test_a_zip_attached_to_a_mail_is_read_as_its_documents_after_the_body(tmp_path: Path) -> None:
    # Windows' 「压缩(zipped)文件夹」: GBK names without the UTF-8 flag, a folder in it, Thumbs.db, a drawing
    windows = (ARCHIVES / "王科长转来的材料.zip").read_bytes()
    document = read_document(_mail(tmp_path, [("体检材料.zip", windows)]))
    [speech] = parse_document(document)
    assert speech.title == SUBJECT
    sections = {p.section or "" for p in speech.paragraphs}
    assert any(
        s.startswith("附件 体检材料.zip › 通知/关于做好2027年离休干部健康体检工作的通知") for s in sections
    )
    assert any(s.startswith("附件 体检材料.zip › 通知/附件/体检须知") for s in sections)
    assert any(s.startswith("附件 体检材料.zip › 讲话/在重阳节离退休干部座谈会上的讲话") for s in sections)
    texts = [p.text for p in speech.paragraphs]
    assert any("体检于2027年5月10日至5月28日进行" in t for t in texts)
    assert any("请认真组织实施" in t for t in texts)
    # the drawing is named by its full citation, with why; the system's Thumbs.db is not
    assert any("体检通知.eml › 体检材料.zip › 流程图.vsdx" in note for note in document.notes)
    assert not any("Thumbs.db" in note for note in document.notes)
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_an_info_zip_attachment_reads_the_same_documents_as_the_windows_one(tmp_path: Path) -> None:
    windows = read_document(_mail(tmp_path, [("材料.zip", (ARCHIVES / "王科长转来的材料.zip").read_bytes())]))
    info = read_document(
        _mail(tmp_path, [("材料.zip", (ARCHIVES / "材料-infozip.zip").read_bytes())], "info.eml")
    )
    # Info-ZIP's UTF-8 names without the flag, in a folder 材料/
    for read in (windows, info):
        assert "体检于2027年5月10日至5月28日进行" in read.text
        assert "体检当天请携带身份证和医保卡" in read.text
    assert "附件：材料.zip › 材料/体检须知" in info.text


def test_a_zip_in_a_mail_opens_one_level_and_keeps_the_archive_limits(tmp_path: Path) -> None:
    notice = tmp_path / "notice.docx"
    write_docx(
        [("title", "关于开展重阳节走访慰问的通知"), ("body", "走访慰问于10月下旬进行。")],
        notice,
        author="温州市委老干部局",
    )
    inner_mail = _mail(tmp_path, [], "转来的邮件.eml").read_bytes()
    packed = _zip(
        {
            "走访通知.docx": notice.read_bytes(),
            "旧材料.zip": _zip({"a.txt": "老同志座谈会定于下周召开。".encode()}),
            "转来的邮件.eml": inner_mail,
            "../../etc/passwd.txt": b"root",
        }
    )
    document = read_document(_mail(tmp_path, [("材料.zip", packed)]))
    assert "走访慰问于10月下旬进行。" in document.text
    assert "老同志座谈会定于下周召开" not in document.text  # a zip in the zip: named, not opened
    said = "\n".join(document.notes)
    assert "体检通知.eml › 材料.zip › 旧材料.zip" in said and "解压" in said
    assert "体检通知.eml › 材料.zip › 转来的邮件.eml" in said and "只打开一层" in said
    assert "passwd" in said and "root" not in document.text
    # a zip bomb attached is one note, the mail still read
    bomb = _zip({"通知.txt": b"0" * (50 * 1024 * 1024)})
    bombed = read_document(_mail(tmp_path, [("炸弹.zip", bomb)], "bomb.eml"))
    assert "请认真组织实施" in bombed.text
    assert any("炸弹.zip" in note and ("过大" in note or "拒绝" in note) for note in bombed.notes)


def test_a_mail_in_a_zip_is_read_with_its_attachments_but_not_a_zip_it_carries(tmp_path: Path) -> None:
    notice = tmp_path / "notice.docx"
    write_docx(
        [("title", "关于开展重阳节走访慰问的通知"), ("body", "走访慰问于10月下旬进行。")],
        notice,
        author="温州市委老干部局",
    )
    mail = _mail(
        tmp_path,
        [
            ("走访通知.docx", notice.read_bytes()),
            ("更多材料.zip", _zip({"b.txt": "老同志座谈会定于下周召开。".encode()})),
        ],
    ).read_bytes()
    packed = _zip({"邮件/体检通知.eml": mail})
    with open_archive("转来的邮件.zip", packed) as archive:
        [member] = archive.members
        document = archive.read(member)
    assert document.name == "转来的邮件.zip › 邮件/体检通知.eml"
    [speech] = parse_document(document)
    assert speech.title == SUBJECT
    assert "走访慰问于10月下旬进行。" in document.text
    assert "老同志座谈会定于下周召开" not in document.text
    [note] = [n for n in document.notes if "更多材料.zip" in n]
    assert "转来的邮件.zip › 邮件/体检通知.eml › 更多材料.zip" in note and "只打开一层" in note
    assert "\n" not in note


def test_a_damaged_zip_attached_is_one_note_and_the_mail_is_read(tmp_path: Path) -> None:
    document = read_bytes(
        "体检通知.eml", _mail(tmp_path, [("材料.zip", b"PK\x03\x04cut short")]).read_bytes()
    )
    assert "请认真组织实施" in document.text
    [note] = [n for n in document.notes if "材料.zip" in n]
    assert "体检通知.eml › 材料.zip" in note and "损坏" in note
