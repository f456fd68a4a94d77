"""Print `speechqa bench structure`'s table with the parser of another commit (default 04d7738, before
issue 11), for the before/after comparison in docs/documents.md:

    .venv/bin/python scripts/structure-before.py [COMMIT] [FOLDER …]
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

import bench.structure

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    commit = sys.argv[1] if len(sys.argv) > 1 else "04d7738"
    folders = [Path(f) for f in sys.argv[2:]] or [
        ROOT / "tests/fixtures/notices",
        ROOT / "tests/fixtures/notices-heldout",
    ]
    for folder in folders:
        if not folder.is_dir():
            sys.exit(f"找不到文件夹：{folder}")
    source = subprocess.run(
        ["git", "show", f"{commit}:corpus/parse.py"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "old_parse.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location("corpus._old_parse", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        module.__package__ = "corpus"
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    bench.structure.parse_document = module.parse_document  # type: ignore[attr-defined]
    print(f"parser of {commit}:\n")
    print(bench.structure.structure_report(folders))


if __name__ == "__main__":
    if {"-h", "--help"} & set(sys.argv[1:]):  # its usage, and nothing done
        print(__doc__)
        sys.exit(0)
    main()
