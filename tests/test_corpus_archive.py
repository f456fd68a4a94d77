"""corpus.archive: a .zip's members as their makers named them, OS litter passed over, and every unsafe or
damaged archive refused in one line before anything is read. The archives under tests/fixtures/archives are
made by tests/fixtures/archives/make_archives.py (Windows-style cp936 names, Info-ZIP, macOS, Info-ZIP
encryption); the others here are built in each test."""

from __future__ import annotations

import io
import random
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import CorpusError, UnreadableFile, archive_of, member_path, open_archive

ARCHIVES = Path(__file__).parent / "fixtures" / "archives"
NOTICE = "关于做好2027年离休干部健康体检工作的通知"
TEXT = "关于银龄讲堂的通知\n各活动中心：\n讲堂每月举办一次，请做好场地保障。\n"


def members(name: str, source: Path | bytes) -> list[tuple[str, str | None]]:
    with open_archive(name, source) as archive:
        return [(m.inner, m.passed_over) for m in archive.members]


def zipped(*entries: tuple[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return out.getvalue()


def unflagged(entries: list[tuple[str, bytes]], encoding: str) -> bytes:
    """A zip whose names are written in `encoding` without the UTF-8 flag (as Windows' compressed folders
    write cp936): see make_archives.windows_zip."""
    out = io.BytesIO()
    swaps = []
    with zipfile.ZipFile(out, "w") as archive:
        for n, (name, data) in enumerate(entries):
            raw = name.encode(encoding)
            stand_in = f"{n:04d}".encode() + b"_" * (len(raw) - 4)
            swaps.append((stand_in, raw))
            archive.writestr(stand_in.decode(), data)
    data = out.getvalue()
    for stand_in, raw in swaps:
        data = data.replace(stand_in, raw)
    return data


def test_windows_names_in_cp936_without_the_flag_read_as_written_in_the_archive_s_order() -> None:
    """Python reads these names as cp437 (「═¿╓¬/…」); they are GBK, as Windows' compressed folders write."""
    assert members("王科长转来的材料.zip", ARCHIVES / "王科长转来的材料.zip") == [
        (f"通知/{NOTICE}.docx", None),
        ("通知/附件/体检须知.txt", None),
        ("讲话/在重阳节离退休干部座谈会上的讲话.pdf", None),
        ("流程图.vsdx", "不支持这种文件类型"),
    ]  # (Thumbs.db: passed over without a word)


def test_an_earlier_session_s_gbk_zip_reads_as_written() -> None:
    """tests/fixtures/terminals/gbk-names.zip, written another way (scripts/trial/make_gbk_zip.py: a ZipInfo
    writing GBK bytes with the flag clear), reads the same: its folder and notice, not 「╓╪╤⌠╜┌═¿╓¬」."""
    gbk = Path(__file__).parent / "fixtures" / "terminals" / "gbk-names.zip"
    assert members("gbk-names.zip", gbk) == [("重阳节通知/走访慰问通知.docx", None)]


def test_info_zip_and_macos_names_are_utf8_and_macos_litter_is_not_a_member() -> None:
    assert members("材料-infozip.zip", ARCHIVES / "材料-infozip.zip") == [
        ("材料/体检须知.txt", None),
        (f"材料/{NOTICE}.docx", None),
    ]
    assert members("材料-mac.zip", ARCHIVES / "材料-mac.zip") == [
        ("材料/银龄讲堂通知.txt", None),
        ("材料/在重阳节离退休干部座谈会上的讲话.pdf", None),
    ]  # __MACOSX/._…, .DS_Store: passed over


def test_a_gbk_name_that_is_also_valid_utf8_is_read_as_gbk() -> None:
    """「通知」 in GBK, CD A8 D6 AA, is valid UTF-8 too (U+0368 U+05AA): validity alone would misread it."""
    assert "通知".encode("gbk").decode("utf-8") == "\u0368\u05aa"
    data = unflagged([("通知.txt", TEXT.encode("gbk"))], "gbk")
    assert members("a.zip", data) == [("通知.txt", None)]


CHINESE = st.text(
    alphabet=st.sampled_from(
        "关于做好离休干部健康体检工作的通知讲话附件年月日老年大学银龄讲堂座谈会市委组织部表一二三（）、—"
    ),
    min_size=1,
    max_size=12,
)


@given(st.lists(CHINESE, min_size=1, max_size=5, unique=True), st.sampled_from(["gbk", "utf-8"]))
def test_unflagged_names_read_back_in_the_encoding_they_were_written_in(
    stems: list[str], encoding: str
) -> None:
    """A property over names drawn from a notice's words, written in GBK (Windows) or UTF-8 (Info-ZIP,
    macOS), without the flag: each reads back as written, in the archive's order. (Big5 names are not in
    it: Big5 bytes are valid GBK too, and GBK is tried first, as `readable_name` does: docs/documents.md.)"""
    names = [f"{stem}.txt" for stem in stems]
    data = unflagged([(name, TEXT.encode()) for name in names], encoding)
    assert [inner for inner, _ in members("a.zip", data)] == names


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_traversal_names_an_inner_archive_and_a_repeated_name_are_passed_over_by_name() -> None:
    data = zipped(
        ("../../etc/讲话.txt", TEXT.encode()),
        ("/tmp/讲话.txt", TEXT.encode()),
        ("通知.txt", TEXT.encode()),
        ("通知.txt", TEXT.encode()),
        ("旧材料.zip", zipped(("讲话.txt", TEXT.encode()))),
        ("旧讲话.rar", b"Rar!\x1a\x07\x00"),
        ("~$通知.docx", b"lock"),
        ("目录/", b""),
    )
    found = members("材料.zip", data)
    outside = "路径指向压缩包之外，疑似恶意文件，没有读取"
    assert found == [
        ("../../etc/讲话.txt", outside),
        ("/tmp/讲话.txt", outside),
        ("通知.txt", None),
        ("通知.txt", "与压缩包中前面的同名文件重复，只读取了前一个"),
        ("旧材料.zip", "压缩包中的压缩包只打开一层：请先解压 材料.zip，再把其中的 旧材料.zip 另行添加。"),
        ("旧讲话.rar", "压缩包中的压缩包只打开一层：请先解压 材料.zip，再把其中的 旧讲话.rar 另行添加。"),
    ]  # (Word's lock file and the folder entry: not members)


def test_a_member_is_read_as_that_file_alone_and_cited_by_the_archive() -> None:
    data = zipped(("材料/通知.txt", TEXT.encode("gb18030")))
    with open_archive("附件.zip", data, path="/home/王科长/附件.zip") as archive:
        document = archive.read(archive.members[0])
    assert document.name == "附件.zip › 材料/通知.txt"
    assert document.path == "/home/王科长/附件.zip › 材料/通知.txt"
    assert "讲堂每月举办一次" in document.text
    assert archive_of(document.path) == "/home/王科长/附件.zip"
    assert archive_of("/home/王科长/通知.txt") is None
    assert member_path("附件.zip", "a.txt") == "附件.zip › a.txt"


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "无法解压：压缩包已损坏或不完整"),
        (b"not a zip at all", "无法解压：压缩包已损坏或不完整"),
        (b"Rar!\x1a\x07\x01\x00" + bytes(40), "其实是 RAR 压缩包，不是 .zip"),
        (b"7z\xbc\xaf\x27\x1c" + bytes(40), "其实是 7z 压缩包，不是 .zip"),
        (zipped(("讲话.txt", TEXT.encode()))[:-30], "无法解压：压缩包已损坏或不完整（可能没有下载或拷贝完）"),
        (zipped(), "中没有可添加的文件（是空的）"),
        (
            zipped(("图.dwg", b"x"), ("__MACOSX/._图.dwg", b"x")),
            "中没有可添加的文件（图.dwg：不支持这种文件类型）",
        ),
        (zipped(("零.txt", bytes(20 * 1024 * 1024))), "解压后过大，疑似损坏或恶意文件，已拒绝"),
        (zipped(*((f"{n}.txt", b"x") for n in range(2001))), "中有 2001 个文件和文件夹，超过 2000 个"),
    ],
)
def test_an_archive_that_cannot_be_read_whole_is_refused_in_one_line(data: bytes, said: str) -> None:
    with pytest.raises(CorpusError) as refused:
        members("材料.zip", data)
    message = str(refused.value)
    assert said in message and message.startswith("材料.zip") and "\n" not in message


def test_a_large_archive_that_is_no_bomb_is_told_to_be_unpacked(tmp_path: Path) -> None:
    """Past 200 MB inflated at an ordinary ratio (scans): said as large, not as a suspected bomb (210 MB of
    zeros stored uncompressed stand for the scans)."""
    archive = tmp_path / "扫描件.zip"
    with zipfile.ZipFile(archive, "w") as packed:  # stored: inflated = its size
        for n in range(3):
            with packed.open(f"第{n}页.tif", "w", force_zip64=True) as page:
                chunk = bytes(1024 * 1024)
                for _ in range(70):
                    page.write(chunk)
    with pytest.raises(UnreadableFile) as refused:
        members("扫描件.zip", archive)
    assert (
        str(refused.value)
        == "扫描件.zip 解压后有 210 MB，超过 200 MB：请先解压，再按文件夹添加解压出的文件。"
    )


def test_an_encrypted_archive_is_refused_saying_to_unpack_it_with_its_password() -> None:
    with pytest.raises(
        UnreadableFile, match=r"^加密的材料\.zip 是加密的压缩包（设了密码），不能读取：请先用密码解压"
    ):
        members("加密的材料.zip", ARCHIVES / "加密的材料.zip")


def test_a_damaged_member_a_forged_size_and_a_bomb_member_are_refused_one_by_one() -> None:
    """The archive opens; each bad member is refused by name when read, the others read."""
    scan = random.Random(0).randbytes(
        1024 * 1024
    )  # incompressible, as a scan is: the archive's ratio stays low
    entries = (("好.txt", TEXT.encode()), ("坏.txt", TEXT.encode() * 50), ("零.txt", bytes(3 * 1024 * 1024)))
    data = bytearray(zipped(*entries, ("扫描.png", scan)))
    start = data.find("坏.txt".encode()) + len("坏.txt".encode())
    data[start + 20 : start + 30] = b"\xff" * 10  # inside its compressed stream
    with open_archive("材料.zip", bytes(data)) as archive:
        good, bad, bomb, _ = archive.members
        assert "讲堂每月举办一次" in archive.read(good).text
        with pytest.raises(
            UnreadableFile, match=r"^材料\.zip › 坏\.txt 无法解压：压缩包中的这个文件已损坏或不完整"
        ):
            archive.read(bad)
        with pytest.raises(UnreadableFile, match=r"^材料\.zip › 零\.txt 解压后过大"):
            archive.read(bomb)


def test_a_forged_size_and_a_method_zipfile_does_not_read_are_refused_by_name() -> None:
    """An entry declaring fewer bytes than its stream inflates to is cut there and fails its CRC (never
    inflated past what it declares); Deflate64 (Windows' compressed folders, for large files) is named."""
    text = ("讲堂每月举办一次。" * 1000).encode()
    data = zipped(("大.txt", text))
    forged = data.replace(struct.pack("<I", len(text)), struct.pack("<I", 100))
    with (
        open_archive("材料.zip", forged) as archive,
        pytest.raises(UnreadableFile, match="无法解压：压缩包中的这个文件已损坏"),
    ):
        archive.read(archive.members[0])
    method = bytearray(zipped(("通知.txt", TEXT.encode())))
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = method.find(signature) + offset
        method[at : at + 2] = (9).to_bytes(2, "little")
    with open_archive("材料.zip", bytes(method)) as archive, pytest.raises(UnreadableFile) as refused:
        archive.read(archive.members[0])
    assert (
        str(refused.value)
        == "材料.zip › 通知.txt 用了 speechqa 读不了的压缩方式（Deflate64）：请先解压 材料.zip，再添加解压出的文件。"
    )


@pytest.mark.skipif(shutil.which("zip") is None, reason="Info-ZIP's zip not installed")
def test_one_encrypted_member_among_readable_ones_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "密.txt").write_bytes(TEXT.encode())
    (tmp_path / "明.txt").write_bytes(TEXT.replace("银龄", "老年").encode())
    subprocess.run(["zip", "-q", "-P", "123456", "m.zip", "密.txt"], cwd=tmp_path, check=True)
    subprocess.run(["zip", "-q", "m.zip", "明.txt"], cwd=tmp_path, check=True)
    with open_archive("材料.zip", tmp_path / "m.zip") as archive:
        secret, plain = archive.members
        assert "老年讲堂" in archive.read(plain).text
        with pytest.raises(
            UnreadableFile,
            match=r"^材料\.zip › 密\.txt 是加密的（压缩包设了密码），不能读取：请先用密码解压 材料\.zip",
        ):
            archive.read(secret)
