"""A GIF that is no page is passed over in a folder, not refused (docs/cold34.md, "After review: mend60b").

cold34 made a GIF a picture read by OCR, as a county site's notice page saved with 「图片另存为」 is. But GIFs are
mostly logos, spacers, icons and emoticons: a folder of a .docx with a logo.gif and a spacer.gif then failed the
whole add (exit 1, 「✗ 文件中没有文字：logo.gif」) where main had skipped them. Now, in a folder, a GIF smaller than
a page (`ocr.GIF_PAGE_SIDE` on its shorter side, measured by ``tests/fixtures/gif/measure_page_side.py``) or one in
which no frame holds a sentence is named as 「跳过」 and not counted as refused; given by name alone it is told
why it was not added. An animated notice whose first frame is blank is read from its first frame with text.
All pictures are made here by Pillow; the notice page is the committed ``tests/fixtures/gif/notice.gif``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from corpus import installed_engines, read_bytes
from corpus.errors import NotASpeech
from corpus.ocr import GIF_PAGE_SIDE
from tests.fixtures.corpus_writers import write_docx

NOTICE_GIF = Path(__file__).parent / "fixtures" / "gif" / "notice.gif"
SPEECH = [
    ("title", "在全市离退休干部门球赛开幕式上的讲话"),
    ("body", "同志们：今天，全市离退休干部门球赛在市体育中心开幕，共有十二支代表队参赛。"),
    ("body", "希望各代表队赛出风格、赛出水平，注意安全，量力而行。"),
]

pytestmark = pytest.mark.skipif(not installed_engines(), reason="no OCR engine installed")


def logo(path: Path) -> Path:
    """A site's logo: a red square and a word, 120×60."""
    image = Image.new("RGB", (120, 60), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((4, 4, 56, 56), fill=(200, 20, 20))
    draw.text((64, 22), "LOGO", fill="black")
    image.convert("P").save(path)
    return path


def spacer(path: Path) -> Path:
    Image.new("P", (1, 1), 0).save(path, transparency=0)
    return path


def blank_page(path: Path) -> Path:
    """A page-sized GIF with nothing to read: a banner's empty background, 800×600."""
    Image.new("L", (800, 600), 235).convert("P").save(path)
    return path


def folder_with_gifs(root: Path) -> Path:
    folder = root / "门球赛"
    folder.mkdir()
    write_docx(SPEECH, folder / "开幕式讲话.docx", author="市委老干部局")
    logo(folder / "logo.gif")
    spacer(folder / "spacer.gif")
    blank_page(folder / "底图.gif")
    return folder


def said(result: Result) -> str:
    return result.output + (result.stderr if result.stderr_bytes is not None else "")


def test_a_folders_logo_spacer_and_blank_gif_are_skipped_not_failed(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    """merge60: 「✗ 文件中没有文字：logo.gif」 … 「错误：3 个文件没有添加（见上）」, exit 1."""
    result = run("add", str(folder_with_gifs(tmp_path)))
    out = said(result)
    assert result.exit_code == 0, out
    assert "新增" in out and "✗" not in out and "没有添加" not in out
    for name in ("logo.gif", "spacer.gif", "底图.gif"):
        assert any(line.startswith("跳过") and name in line for line in out.splitlines()), out
    assert "Traceback" not in out


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (spacer, "很小的 GIF 图片（1×1 像素）"),
        (logo, "很小的 GIF 图片（120×60 像素）"),
        (blank_page, "没有读出文字"),
    ],
)
def test_a_gif_given_by_name_is_told_why_it_was_not_added(
    run: Callable[..., Result], tmp_path: Path, make: Callable[[Path], Path], why: str
) -> None:
    path = make(tmp_path / "图片.gif")
    result = run("add", str(path))
    out = said(result)
    assert result.exit_code == 1, out
    assert "图片.gif" in out and why in out and "不是文件的页面" in out
    assert "Traceback" not in out


def test_the_page_side_is_the_measured_one() -> None:
    # the notice is read whole down to 150 px, three quarters of it at 120 (measure_page_side.py)
    assert GIF_PAGE_SIDE == 150
    with Image.open(NOTICE_GIF) as notice:
        assert min(notice.size) >= GIF_PAGE_SIDE


@settings(max_examples=40, deadline=None)
@given(
    short=st.integers(1, GIF_PAGE_SIDE - 1),
    long=st.integers(1, 2000),
    seed=st.binary(min_size=16, max_size=16),
    frames=st.integers(1, 3),
    upright=st.booleans(),
)
def test_any_gif_smaller_than_a_page_is_no_page_whatever_it_shows(
    short: int, long: int, seed: bytes, frames: int, upright: bool
) -> None:
    """Whatever a GIF under `GIF_PAGE_SIDE` on its shorter side holds (animated or not), it is not a page:
    NotASpeech naming its size — passed over in a folder, told when given by name."""
    width, height = (short, max(short, long)) if upright else (max(short, long), short)
    size = width * height
    pictures = [
        Image.frombytes("L", (width, height), ((seed[n:] + seed[:n]) * (size // len(seed) + 1))[:size])
        for n in range(frames)
    ]
    data = io.BytesIO()
    pictures[0].save(data, "GIF", save_all=True, append_images=pictures[1:])
    with pytest.raises(NotASpeech, match=rf"图.gif 是很小的 GIF 图片（{width}×{height} 像素）"):
        read_bytes("图.gif", data.getvalue())


def test_an_animated_notice_opening_blank_is_read_from_its_first_frame_with_text(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    """merge60: 「✗ 文件中没有文字：动画通知.gif」 (only the blank first frame was read)."""
    with Image.open(NOTICE_GIF) as notice:
        page = notice.convert("L")
    blank = Image.new("L", page.size, 255)
    path = tmp_path / "动画通知.gif"
    blank.save(path, save_all=True, append_images=[page], duration=500, loop=0)
    result = run("add", str(path))
    out = said(result)
    assert result.exit_code == 0, out
    assert "新增" in out and "防范电信诈骗" in out
