"""Trial 68: staff keep asking while an admin's real-sized batch is added (docs/trial68.md).

Usage (from the repository root, on a COPY of a data home; the batch is added to it):
    cp -r /tmp/me/libs68/home /tmp/trial68/batch-home
    HF_HUB_OFFLINE=1 PYTHONPATH=$PWD python scripts/trial/bot_trial68_batch.py /tmp/trial68/batch-home [FOLDER…]
FOLDERs (default: every benchmarks/corpus-cold3? folder) are zipped into one 「一批材料.zip」, as an admin zips a
batch on Windows. The real `speechqa bot` process (the one beside this Python) talks over real HTTP to the fake
Bot API of the tests. A staff member asks first on the idle bot, then one question after another, without pause,
from the moment the admin sends the zip until the admin's report arrives, then once more after it. Printed: each
phase's questions, their reply latency (p50 / p95 / max, from the update pushed to the reply sent), the replies
that were an error (❌, 出错, a traceback or English), the answers citing the batch (each file of a batch is added
with an index of its own, complete: an answer finds a file of the batch once that file is in), the messages the
admin was sent for the upload (one: its ⏳ status, edited into the report) and the report's last lines.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
import statistics
import sys
import time
import zipfile
from pathlib import Path

from bot.format import UPDATING_NOTE
from scripts.trial.bot_trial37 import bot_env, start_bot, stop_bot
from tests.fake_telegram import FakeBotAPI

ADMIN, STAFF = 6801, 6802
SPEECHQA = Path(sys.executable).parent / "speechqa"
ROOT = Path(__file__).resolve().parents[2]
BATCH = "一批材料.zip"
ERROR = re.compile(r"❌|出错|Traceback|Error|error|Exception")


def batch_zip(folders: list[Path]) -> tuple[bytes, int]:
    out = io.BytesIO()
    count = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for folder in folders:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    archive.write(path, f"{folder.name}/{path.relative_to(folder)}")
                    count += 1
    return out.getvalue(), count


def questions(folders: list[Path]) -> list[str]:
    """The questions written for the batch's folders (benchmarks/coldN-questions.jsonl) and the seed's."""
    asked = []
    for folder in folders:
        name = folder.name.removeprefix("corpus-")
        file = ROOT / "benchmarks" / f"{name}-questions.jsonl"
        if file.exists():
            asked += [json.loads(line)["question"] for line in file.read_text("utf-8").splitlines() if line]
    seed = (ROOT / "benchmarks" / "dev-questions.jsonl").read_text("utf-8").splitlines()
    old = [json.loads(line)["question"] for line in seed if line.strip()]
    return [q for pair in zip(asked, old, strict=False) for q in pair] or old  # new and old in turn


def is_status(text: str) -> bool:
    """A ⏳ status line (「⏳ 正在…」), not a reply: an answer given while the index is updated begins with the
    ⏳ of its note (`UPDATING_NOTE`) and is a reply. (Before mend68t this script took that answer for a status
    and waited for ever: the 「deadlock」 docs/trial68.md first reported.)"""
    return text.startswith("⏳") and not text.startswith(UPDATING_NOTE)


async def ask(api: FakeBotAPI, text: str, *, patience: float = 600.0) -> tuple[float, str]:
    """Ask as the staff member; the seconds until the bot's reply (a message that is no ⏳ status) and its
    text. No reply in `patience` seconds is a stall: said, and the run stops."""
    before = {(m.message_id, m.edit_count) for m in api.messages(STAFF)}
    start = time.monotonic()
    api.push_update(api.make_text_update(text, user_id=STAFF))
    while time.monotonic() - start < patience:
        for m in api.messages(STAFF):
            if (m.message_id, m.edit_count) not in before and not is_status(m.plain_text):
                return time.monotonic() - start, m.plain_text
        await asyncio.sleep(0.02)
    raise TimeoutError(f"no reply in {patience:.0f} s to 「{text}」")


def show(label: str, replies: list[tuple[float, str]]) -> None:
    waits = sorted(w for w, _ in replies)
    errors = [t for _, t in replies if ERROR.search(t)]
    cited = sum(1 for _, t in replies if f"{BATCH} ›" in t)
    noted = sum(1 for _, t in replies if t.startswith(UPDATING_NOTE))
    if not waits:
        print(f"{label}: no question asked")
        return
    p95 = waits[min(len(waits) - 1, round(0.95 * (len(waits) - 1)))]
    print(
        f"{label}: {len(waits)} questions, latency p50 {statistics.median(waits):.2f} s, p95 {p95:.2f} s, "
        f"max {waits[-1]:.2f} s; errors {len(errors)}; answers citing {BATCH} {cited}; "
        f"with the note that the index is being updated {noted}"
    )
    for text in errors[:5]:
        print("   error reply:", text[:200])


async def main(home: Path, folders: list[Path]) -> None:
    data, files = batch_zip(folders)
    asked = questions(folders)
    print(
        f"batch: {BATCH}, {files} files from {len(folders)} folders, {len(data) / 1e6:.1f} MB; {len(asked)} questions"
    )
    async with FakeBotAPI() as api:
        env = bot_env(
            api, home, str(ADMIN), str(STAFF), "", HF_HUB_OFFLINE="1", SPEECHQA_QUESTIONS_PER_MINUTE="600"
        )
        bot, took = await start_bot(SPEECHQA, env, api, log=home / "bot-trial68.log")
        print(f"bot up in {took:.1f} s (exit {bot.returncode})")
        try:
            idle = [await ask(api, q) for q in asked[:6]]
            show("idle, before the upload", idle)
            sent_before = len(api.calls_of("sendMessage"))
            started = time.monotonic()
            api.push_update(api.make_document_update(BATCH, data, "application/zip", user_id=ADMIN))
            during: list[tuple[float, str]] = []
            n = 0
            while True:
                admin = api.messages(ADMIN)
                if admin and not admin[-1].plain_text.startswith("⏳"):
                    break
                during.append(await ask(api, asked[n % len(asked)]))
                n += 1
            upload = time.monotonic() - started
            show(f"during the upload ({upload:.0f} s)", during)
            to_admin = [
                c
                for c in api.calls_of("sendMessage")[sent_before:]
                if str(c.params.get("chat_id")) == str(ADMIN)
            ]
            status = api.messages(ADMIN)[-1]
            print(
                f"messages sent to the admin for the upload: {len(to_admin)} (its status edited {status.edit_count} times)"
            )
            print("report's last lines:", " | ".join(status.plain_text.splitlines()[-3:]))
            after = [await ask(api, q) for q in asked[:6]]
            show("after the upload", after)
        finally:
            await stop_bot(bot)


if __name__ == "__main__":
    chosen = [Path(a) for a in sys.argv[2:]] or sorted((ROOT / "benchmarks").glob("corpus-cold3?"))
    asyncio.run(main(Path(sys.argv[1]), chosen))
