"""How much of a picture's text the bot reads when an admin sends it as a Telegram *photo* (which Telegram
scales down and re-encodes) rather than as a file.

Each image is read by the reader the bot uses (`corpus.read_bytes`) twice: as sent as a file (its bytes
unchanged) and as Telegram delivers a photo of it — scaled so that its longer side is at most `--side`
pixels (1280 for a photo sent in standard quality; 2560 with a client's HD option) and saved as a JPEG of
quality 87. Prints the characters each reading found and the character error rate of the photo's reading
against the file's.

    python scripts/photo_vs_file.py benchmarks/corpus-cold10/老年人免费乘车卡办理通知.jpg \\
        benchmarks/corpus-cold12/春节慰问品领取通知.png --side 1280 --side 2560
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

from PIL import Image

from bench.documents import cer, squeeze
from corpus import read_bytes


def as_telegram_photo(data: bytes, side: int) -> tuple[bytes, tuple[int, int]]:
    image = Image.open(io.BytesIO(data)).convert("RGB")
    image.thumbnail((side, side))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=87)
    return out.getvalue(), image.size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("images", nargs="+", type=Path)
    parser.add_argument("--side", type=int, action="append", help="longest side of the photo (repeatable)")
    args = parser.parse_args()
    sides = args.side or [1280]
    print("| image | sent as | pixels | characters read | CER against the file | seconds |")
    print("| --- | --- | --- | --- | --- | --- |")
    for path in args.images:
        data = path.read_bytes()
        started = time.perf_counter()
        reference = read_bytes(path.name, data).text
        took = time.perf_counter() - started
        size = Image.open(io.BytesIO(data)).size
        print(f"| {path.name} | file | {size[0]}×{size[1]} | {len(squeeze(reference))} | — | {took:.1f} |")
        for side in sides:
            photo, photo_size = as_telegram_photo(data, side)
            started = time.perf_counter()
            text = read_bytes("照片.jpg", photo).text
            took = time.perf_counter() - started
            print(
                f"| {path.name} | photo ≤{side} px | {photo_size[0]}×{photo_size[1]} | {len(squeeze(text))} |"
                f" {cer(reference, text):.3f} | {took:.1f} |"
            )


if __name__ == "__main__":
    main()
