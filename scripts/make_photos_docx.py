"""A Word file holding ten camera-sized photos (4000 × 3000 JPEGs of smooth colour and grain, set 12 cm wide)
under a line of text: what `add` pays for pictures that hold no table (docs/ocr68.md, timed with
scripts/time_picture_tables.py).

    python scripts/make_photos_docx.py OUT.docx
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="the .docx to write")
    args = parser.parse_args()
    import docx
    import numpy as np
    from docx.shared import Cm
    from PIL import Image

    rng = np.random.default_rng(7)
    document = docx.Document()
    document.add_paragraph("关于老干部活动中心新馆落成的通知。现将新馆照片附后，请各支部周知。")
    for _ in range(10):
        small = rng.integers(0, 255, (30, 40, 3), dtype=np.uint8)
        photo = np.asarray(
            Image.fromarray(small).resize((4000, 3000), Image.Resampling.BICUBIC), dtype=np.int16
        )
        grain = rng.integers(-12, 12, (3000, 4000, 3))
        jpeg = io.BytesIO()
        Image.fromarray(np.clip(photo + grain, 0, 255).astype(np.uint8)).save(jpeg, "JPEG", quality=85)
        jpeg.seek(0)
        document.add_paragraph().add_run().add_picture(jpeg, width=Cm(12))
    document.save(args.out)


if __name__ == "__main__":
    main()
