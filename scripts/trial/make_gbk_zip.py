"""Write tests/fixtures/terminals/gbk-names.zip: a notice (python-docx) in a folder, both named in Chinese
and stored in the zip in GBK without the UTF-8 flag, as a Chinese Windows' own 「发送到 › 压缩文件夹」 and
older WinRAR/360压缩 store them. Info-ZIP's unzip on Linux writes those bytes as they are, so the extracted
names are not UTF-8 (tests/test_cli_terminals.py).

    python scripts/trial/make_gbk_zip.py [OUT.zip]
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import docx

OUT = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "terminals" / "gbk-names.zip"


class GbkName(zipfile.ZipInfo):
    """An entry whose name is written in GBK with flag bit 11 (UTF-8) clear."""

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:
        return self.filename.encode("gbk"), self.flag_bits


def notice() -> bytes:
    document = docx.Document()
    document.add_heading("关于做好离退休干部重阳节走访慰问工作的通知", 1)
    document.add_paragraph(
        "各县（市、区）委老干部局：为做好今年重阳节期间离退休干部走访慰问工作，现将有关事项通知如下。"
    )
    document.add_paragraph(
        "一、走访慰问对象为全市离休干部和部分困难退休干部。二、各单位要在10月20日前完成走访慰问。"
    )
    data = io.BytesIO()
    document.core_properties.created = document.core_properties.modified = datetime(2026, 10, 8, 9, 0)
    document.save(data)
    return data.getvalue()


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(GbkName("重阳节通知/走访慰问通知.docx", date_time=(2026, 10, 8, 9, 0, 0)), notice())
    print(f"{out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
