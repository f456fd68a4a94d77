"""Trial 55 (docs/trial55.md): the administrator's week and other clients.

A download that failed saves the site's error or login page under the file's name (「通知.pdf」 that is a 404
page). Before: 「不是有效的 PDF 文件（可能已损坏或不完整）：请重新下载或拷贝原文件，如果还能打开，就另存为新文件再
添加」 — 「damaged」, and 「如果还能打开」 sent the admin to open a PDF that never was one. Now: it is said to be a web
page, with the page's title, and what to do — through `speechqa add` and an admin's upload to the bot. The pages
is a real server's error page: Python's http.server's 404, fetched over HTTP here.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest

from retrieval import SpeechService

from .bot_harness import ADMIN, feed, running_bot
from .fake_telegram import FakeBotAPI
from .test_cli_library import Run


@pytest.fixture(scope="module")
def error_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[bytes]:
    """The 404 page Python's http.server sends for a file it does not have, as a browser saves it."""
    root = tmp_path_factory.mktemp("site")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises(urllib.error.HTTPError) as failed:
            urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/{quote('通知.pdf')}")
        yield failed.value.read()
    finally:
        server.shutdown()


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["关于体检的通知.pdf", "报名表.xlsx", "电子公文.ofd", "扫描件.png", "课件.pptx"]
)
def test_add_says_a_saved_error_page_is_a_web_page_not_a_damaged_file(
    run: Run, tmp_path: Path, error_page: bytes, name: str
) -> None:
    before = run("speeches").output
    path = tmp_path / name
    path.write_bytes(error_page)
    ran = run("add", str(path))
    assert ran.exit_code == 1
    assert "Traceback" not in ran.output
    said = ran.output
    assert f"{name} 其实是一个网页（标题「Error response」），不是 {Path(name).suffix} 文件" in said, said
    assert "请重新下载原文件再添加" in said and "损坏" not in said, said
    assert run("speeches").output == before  # nothing added, nothing lost


@pytest.mark.slow
def test_a_page_under_a_word_or_text_name_is_still_read_as_before(run: Run, tmp_path: Path) -> None:
    """The rule is for names no web page has: a page saved under a Word name is read as the page (Word opens
    one), so it is not refused as a failed download."""
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>关于春节慰问的通知</title></head><body>"
        "<h1>关于春节慰问的通知</h1><p>各单位要在二月五日前完成走访慰问离休干部工作。</p></body></html>"
    ).encode()
    path = tmp_path / "通知.doc"
    path.write_bytes(page)
    ran = run("add", str(path))
    assert ran.exit_code == 0, ran.output
    assert "其实是一个网页" not in ran.output


@pytest.mark.slow
async def test_the_bot_says_an_uploaded_error_page_is_a_web_page(
    api: FakeBotAPI, seed_service: SpeechService, error_page: bytes
) -> None:
    page = error_page
    before = len(seed_service.library.store.passages())
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("报名表.xlsx", page, user_id=ADMIN))
        said = api.last_message(ADMIN).plain_text
    assert "报名表.xlsx 其实是一个网页（标题「Error response」），不是 .xlsx 文件" in said, said
    assert "请重新下载原文件再添加" in said and "损坏" not in said, said
    # no English but the names it quotes: the file's, the page's title, the extension to use
    rest = said.replace("Error response", "").replace(".xlsx", "").replace(".html", "")
    assert not any(c.isascii() and c.isalpha() for c in rest), said
    assert len(seed_service.library.store.passages()) == before


@pytest.mark.slow
def test_remove_names_the_pins_it_breaks_before_and_after(run: Run, seed_home: Path) -> None:
    """`add` advises 「如果这是它的更正版，请删除旧版：speechqa remove 6」; a pin on the old version then broke
    without a word, found later in `speechqa pins`. The bot's 🗑 删除 said it; now `remove` does too."""
    from .test_cli_curation import passage_id_of

    pinned = passage_id_of(seed_home, "要落实好离休干部每年一次体检的规定")
    assert run("pin", "离休干部体检规定是什么？", str(pinned), "--by", "管理员").exit_code == 0
    speech = json.loads(run("ask", "--json", "-k", "1", "离休干部体检规定是什么？").stdout)["results"][0][
        "speech_id"
    ]
    before = run("speeches").output

    refused = run("remove", str(speech), input="n\n")
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert "以它为标准答案的 1 条问题将失效" in refused.output, refused.output
    assert "📌 #1「离休干部体检规定是什么？」" in refused.output, refused.output
    assert run("speeches").output == before  # refused: nothing removed

    done = run("remove", str(speech), "--yes")
    assert done.exit_code == 0, done.output
    assert "以它为标准答案的 1 条已失效" in done.output and "📌 #1「离休干部体检规定是什么？」" in done.output
    assert "讲话已删除，标准答案失效" in run("pins").output

    other = run("remove", "1", "--yes")  # no pin on it: nothing said of pins
    assert other.exit_code == 0 and "标准答案" not in other.output, other.output
