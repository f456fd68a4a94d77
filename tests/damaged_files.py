"""Damaged copies of committed fixtures, made the ways a file is damaged on its way to an office, and the
corpus-side reading `speechqa add` does: what scripts/fuzz_readers.py and tests/test_fuzz_readers.py share."""

from __future__ import annotations

import io
import os
import random
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MAX_SEED_BYTES = 2 * 1024 * 1024
ZIP_CONTAINERS = (
    ".docx",
    ".xlsx",
    ".xlsm",
    ".pptx",
    ".pptm",
    ".ppsx",
    ".odt",
    ".ods",
    ".odp",
    ".ofd",
    ".uot",
    ".zip",
)
HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Damaged:
    """One damaged copy of a fixture: its name (the fixture's, so its suffix), bytes, and what was done."""

    name: str
    data: bytes
    how: str
    source: Path


@dataclass(frozen=True)
class Outcome:
    damaged: Damaged
    kind: str  # "read", "refused", "failed"
    detail: str  # the refusal's line, or what failed
    seconds: float


def fixtures(suffixes: tuple[str, ...], root: Path = REPO) -> dict[str, list[Path]]:
    """The committed files of each suffix (git's list), smallest first."""
    listed = subprocess.run(
        ["git", "-c", "core.quotepath=off", "ls-files", "-z", "tests/fixtures", "benchmarks"],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    found: dict[str, list[Path]] = {s: [] for s in suffixes}
    for name in filter(None, listed.split("\0")):
        path = root / name
        suffix = path.suffix.lower()
        if suffix in found and path.is_file() and 0 < path.stat().st_size <= MAX_SEED_BYTES:
            found[suffix].append(path)
    return {s: sorted(paths, key=lambda p: (p.stat().st_size, str(p))) for s, paths in found.items()}


def cut(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    at = rng.choice([0, 1, len(data) // 2, len(data) - 1, rng.randrange(len(data) + 1)])
    return data[:at], f"cut at {at}"


def flip(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    if not data:
        return data, "flip nothing"
    out = bytearray(data)
    places = sorted(rng.randrange(len(out)) for _ in range(rng.choice([1, 2, 8, 32])))
    for at in places:
        out[at] ^= 1 << rng.randrange(8)
    return bytes(out), f"flip {len(places)} bits from {places[0]}"


def zero(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    if not data:
        return data, "zero nothing"
    at = rng.randrange(len(data))
    size = rng.choice([16, 512, 4096])
    return data[:at] + bytes(min(size, len(data) - at)) + data[at + size :], f"zero {size} at {at}"


def repeat(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    if not data:
        return data, "repeat nothing"
    at = rng.randrange(len(data))
    size = rng.choice([64, 1024, 16384])
    return data[: at + size] + data[at : at + size] + data[at + size :], f"repeat {size} at {at}"


BYTE_DAMAGE = (cut, flip, zero, repeat)


def inside_member(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """One member of a zip container cut or flipped, the archive written back whole (valid CRCs)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            infos = source.infolist()
            contents = [source.read(info) for info in infos]
    except Exception:  # the seed itself is no valid zip (a fixture damaged on purpose): damage its bytes
        return rng.choice(BYTE_DAMAGE)(rng, data)
    candidates = [i for i, info in enumerate(infos) if contents[i] and not info.is_dir()]
    if not candidates:
        return rng.choice(BYTE_DAMAGE)(rng, data)
    index = rng.choice(candidates)
    damage = rng.choice((cut, flip, zero, repeat))
    contents[index], how = damage(rng, contents[index])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info, content in zip(infos, contents, strict=True):
            target.writestr(info, content)
    return out.getvalue(), f"{infos[index].filename}: {how}"


def damaged_copies(path: Path, count: int, rng: random.Random) -> Iterator[Damaged]:
    """`count` damaged copies of the file at `path`, drawn from `rng`."""
    data = path.read_bytes()
    container = path.suffix.lower() in ZIP_CONTAINERS
    for _ in range(count):
        damage = rng.choice((*BYTE_DAMAGE, inside_member, inside_member) if container else BYTE_DAMAGE)
        out, how = damage(rng, data)
        yield Damaged(path.name, out, how, path)


def ingest(name: str, data: bytes) -> tuple[str, str]:
    """Read, parse, chunk and check a file as `speechqa add` does (an archive member by member):
    ("read", "") or ("refused", the CorpusError's line); any other exception escapes."""
    from corpus import CorpusError, check_conservation, chunk_speech, is_archive, open_archive, parse_document
    from corpus import read_bytes as read

    def one(document) -> None:  # type: ignore[no-untyped-def]
        speeches = parse_document(document)
        drafts = [d.text for s in speeches for d in chunk_speech(s)]
        check_conservation(document, drafts)

    try:
        if is_archive(name):
            with open_archive(name, data) as archive:
                for member in archive.members:
                    if member.passed_over is None:
                        try:
                            one(archive.read(member))
                        except CorpusError as e:  # a member refused: said, and the next one read
                            one_chinese_line(str(e))
        else:
            one(read(name, data))
    except CorpusError as e:
        return "refused", one_chinese_line(str(e))
    return "read", ""


def read_in_child(path: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """`path` read as `speechqa add` reads it, in a child process printing its text: a reader that stalls
    (quadratic on a crowded page, a sheet's whole grid) times out there instead of stalling the suite."""
    code = (
        "import sys; from pathlib import Path; from corpus import read_bytes; "
        "p = Path(sys.argv[1]); print(read_bytes(p.name, p.read_bytes()).text)"
    )
    return subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def one_chinese_line(message: str) -> str:
    if not message or "\n" in message or not HAN.search(message):
        raise AssertionError(f"a refusal that is not one Chinese line: {message!r}")
    return message


def hostile_files() -> Iterator[Damaged]:
    """Files built to exhaust a reader rather than damaged: nesting past the stack, a page or a sheet far
    larger than any document, a picture of a billion pixels. Each must be read or refused like any other."""
    import docx
    import openpyxl
    from PIL import Image
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    notice = "关于做好离休干部体检工作的通知。"
    made = REPO / "tests" / "damaged_files.py"

    def built(name: str, data: bytes, how: str) -> Damaged:
        return Damaged(name, data, how, made)

    deep = 20_000
    yield built(
        "嵌套.html",
        f"<html><body>{'<div>' * deep}{notice}{'</div>' * deep}</body></html>".encode(),
        "20,000 nested <div>",
    )
    yield built(
        "嵌套.rtf", b"{\\rtf1\\ansi " + b"{" * deep + b"text" + b"}" * deep + b"}", "20,000 nested groups"
    )
    yield built("嵌套.md", ("> " * deep + notice + "\n").encode(), "20,000 nested quotes")
    mail = f"Content-Type: text/plain; charset=utf-8\n\n{notice}\n"
    for level in range(2000):
        mail = f'Content-Type: multipart/mixed; boundary="b{level}"\n\n--b{level}\n{mail}\n--b{level}--\n'
    yield built(
        "嵌套.eml",
        f"From: a@example.cn\nSubject: 通知\nMIME-Version: 1.0\n{mail}".encode(),
        "2,000 MIME levels",
    )
    document = docx.Document()
    document.add_paragraph(notice)
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as source:
        nested = io.BytesIO()
        with zipfile.ZipFile(nested, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                content = source.read(info)
                if info.filename == "word/document.xml":
                    sdt = b"<w:sdt><w:sdtContent>"
                    content = content.replace(b"<w:body>", b"<w:body>" + sdt * 5000, 1)
                    content = content.replace(
                        b"</w:body>", b"</w:sdtContent></w:sdt>" * 5000 + b"</w:body>", 1
                    )
                target.writestr(info, content)
    yield built("嵌套.docx", nested.getvalue(), "5,000 nested content controls")
    book = openpyxl.Workbook()
    book.active.append(["姓名", "单位"])
    book.active.append(["赵桂兰", "市委老干部局"])
    book.active["XFD1048576"] = "说明。"
    out = io.BytesIO()
    book.save(out)
    yield built("远处.xlsx", out.getvalue(), "a cell at XFD1048576")
    yield built(
        "很宽.csv",
        (",".join(f"列{i}" for i in range(100_000)) + "\n" + ",".join("值" * 100_000) + "\n").encode(),
        "100,000 columns",
    )
    yield built("一行.txt", ("老干部" * 1_000_000).encode(), "one 9 MB line, no punctuation")
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(14400, 14400))
    page.setFont("STSong-Light", 12)
    for n in range(1000):
        page.drawString(10, 14390 - 14 * n, f"{notice}各单位要高度重视。")
    page.showPage()
    page.save()
    yield built("海报.pdf", out.getvalue(), "one 200-inch page of 25,000 characters")
    out = io.BytesIO()
    Image.new("1", (30_000, 30_000), 1).save(out, "PNG", optimize=True)
    yield built("巨图.png", out.getvalue(), "30,000 × 30,000 pixels")
