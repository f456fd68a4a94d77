"""How far an OCR engine's own confidence tells a badly read page: `speechqa bench ocr-confidence`.

Pages of the bundled speeches (cleaned, as indexed) are rendered with Noto Serif CJK at 300 dpi, then
scanned badly on purpose: resampled to a lower resolution, blurred, speckled (grey noise and dust),
tilted. Each page goes through the reader's own path (`corpus.ocr.recognise`: straightening, turning) with
every installed engine, and its mean confidence is set against its character error rate (edit distance
against the rendered text, whitespace ignored).

The threshold is chosen on the tuning conditions only: the confidence that best separates pages that lost
more than `BAD_CER` of their characters from the rest (most bad pages below it, most good pages at or above
it; Youden's J, ties to the lower threshold), over the pages where the engine read something. The held-out conditions — other pages of text, other levels of
each degradation, JPEG compression, which the tuning set has none of — are reported separately with the
threshold applied as chosen.
"""

from __future__ import annotations

import io
import logging
import random
from dataclasses import dataclass
from itertools import pairwise

from corpus import HOW_TO_ENABLE_OCR, installed_engines
from corpus.ocr import OcrEngine, pages_text, recognise

from .documents import cer, render_pages, speech_pages
from .errors import BenchError

log = logging.getLogger(__name__)

BAD_CER = 0.05
_RENDER_DPI = 300


@dataclass(frozen=True)
class Condition:
    """How a page is scanned: resolution (dpi), Gaussian blur radius (pixels at that resolution), grey
    noise (standard deviation, 0–255; dust specks on a share of σ/4000 of the pixels), tilt (degrees), JPEG
    quality (0: saved losslessly)."""

    dpi: int
    blur: float = 0.0
    noise: float = 0.0
    skew: float = 0.0
    jpeg: int = 0

    @property
    def label(self) -> str:
        parts = [f"{self.dpi} dpi"]
        if self.blur:
            parts.append(f"blur {self.blur:g}")
        if self.noise:
            parts.append(f"noise {self.noise:g}")
        if self.skew:
            parts.append(f"tilt {self.skew:g}°")
        if self.jpeg:
            parts.append(f"JPEG q{self.jpeg}")
        return ", ".join(parts)


# Tuning: every combination of three resolutions, three blurs and four noise levels; each condition's two
# pages are one straight and one tilted 2°. (Noise of σ 60 or more left Tesseract reading nothing at all.)
TUNING = [
    Condition(dpi, blur, noise)
    for dpi in (75, 100, 150)
    for blur in (0.0, 0.8, 1.5)
    for noise in (0.0, 15.0, 30.0, 45.0)
]
# Held out: levels and a degradation (JPEG) the tuning set does not have, on other pages.
HELD_OUT = [
    Condition(60),
    Condition(90, 0.6, 20.0),
    Condition(120, 1.8, 10.0, 3.5),
    Condition(200, 2.2, 40.0),
    Condition(85, 1.0, 25.0, 0.0, 15),
    Condition(110, 0.0, 35.0, 4.0, 30),
]
_TUNING_TILT = 2.0


@dataclass(frozen=True)
class PageResult:
    engine: str
    held_out: bool
    condition: Condition
    confidence: float
    cer: float
    read_nothing: bool  # the engine found no print at all (no line, no confidence): never named by it


def page_texts(count: int) -> list[str]:
    """`count` texts of 140–220 characters cut from the bundled speeches, in a fixed shuffled order (a short
    text would make a single misread character a large error rate)."""
    pool = [text for text in speech_pages(8 * count, chars_per_page=220) if len(text) >= 140]
    random.Random(0).shuffle(pool)
    if len(pool) < count:
        raise BenchError("内置讲话的文字不够渲染这么多页")
    return pool[:count]


def scanned(text: str, condition: Condition, seed: int):  # type: ignore[no-untyped-def]
    """`text` (paragraphs, one a line) printed and scanned as `condition` says: an RGB Pillow image cut to
    the print with a margin, so that a page of a few lines is not mostly blank paper."""
    import numpy as np
    from PIL import Image, ImageFilter

    page = render_pages([("paragraph", p) for p in text.split("\n")], _RENDER_DPI)[0]
    ink = np.asarray(page) < 128
    rows = np.where(ink.any(axis=1))[0]
    margin = _RENDER_DPI // 4
    page = page.crop((0, max(0, int(rows[0]) - margin), page.width, min(page.height, int(rows[-1]) + margin)))
    scale = condition.dpi / _RENDER_DPI
    page = page.resize((round(page.width * scale), round(page.height * scale)), Image.Resampling.LANCZOS)
    if condition.skew:
        page = page.rotate(condition.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if condition.blur:
        page = page.filter(ImageFilter.GaussianBlur(condition.blur))
    if condition.noise:
        rng = np.random.default_rng(seed)
        pixels = np.asarray(page, dtype=np.float64)
        pixels = pixels + rng.normal(0.0, condition.noise, pixels.shape)
        dust = rng.random(pixels.shape) < condition.noise / 4000
        pixels[dust] = rng.choice([0.0, 255.0], size=int(dust.sum()))
        page = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if condition.jpeg:
        out = io.BytesIO()
        page.save(out, format="JPEG", quality=condition.jpeg)
        page = Image.open(io.BytesIO(out.getvalue()))
    return page.convert("RGB")


def measure(
    engine: OcrEngine, conditions: list[Condition], texts: list[str], held_out: bool, tilt: float = 0.0
) -> list[PageResult]:
    """Every text scanned as each condition says (every other one tilted by `tilt` more) and read."""
    results = []
    for n, condition in enumerate(conditions):
        for k, text in enumerate(texts):
            seed = 1000 * n + k
            shown = condition if not (tilt and k % 2) else _tilted(condition, tilt)
            page = recognise("bench.png", engine, scanned(text, shown, seed))
            got = pages_text([page])
            result = PageResult(engine.name, held_out, shown, page.confidence, cer(text, got), not page.lines)
            log.info("%s", result)
            results.append(result)
    return results


def _tilted(condition: Condition, tilt: float) -> Condition:
    return Condition(condition.dpi, condition.blur, condition.noise, condition.skew + tilt, condition.jpeg)


@dataclass(frozen=True)
class Split:
    """A threshold applied to pages: how many are bad (CER over BAD_CER) and where they fall."""

    threshold: float
    bad_below: int
    below: int
    good_above: int
    above: int


def split(results: list[PageResult], threshold: float) -> Split:
    """Pages where the engine read something, on either side of `threshold`."""
    results = [r for r in results if not r.read_nothing]
    below = [r for r in results if r.confidence < threshold]
    above = [r for r in results if r.confidence >= threshold]
    return Split(
        threshold,
        sum(1 for r in below if r.cer > BAD_CER),
        len(below),
        sum(1 for r in above if r.cer <= BAD_CER),
        len(above),
    )


def choose_threshold(results: list[PageResult]) -> float:
    """The confidence that best separates bad pages from good ones on `results`: the midpoint between two
    neighbouring confidences that maximises (bad pages below / bad pages) + (good pages at or above / good
    pages); the lower one on a tie. Rounded to two decimals."""
    bad = sum(1 for r in results if r.cer > BAD_CER)
    good = len(results) - bad
    if not bad or not good:
        raise BenchError("调参页面中没有同时出现识别好和识别差的页面，无法选择阈值：请加重扫描退化")
    values = sorted({r.confidence for r in results})
    best, best_score = values[0], -1.0
    for low, high in pairwise(values):
        threshold = round((low + high) / 2, 2)
        s = split(results, threshold)
        score = s.bad_below / bad + s.good_above / good
        if score > best_score + 1e-9:
            best, best_score = threshold, score
    return best


def ocr_confidence_report(
    tuning_pages: int = 2, held_out_pages: int = 2, engines: list[str] | None = None
) -> str:
    """Markdown: per engine and condition, mean confidence against CER; the threshold chosen on the tuning
    conditions and how it does there and on the held-out ones."""
    installed = [e for e in installed_engines() if not engines or e.name in engines]
    if not installed:
        raise BenchError(f"没有可用的 OCR 引擎。{HOW_TO_ENABLE_OCR}")
    texts = page_texts(tuning_pages + held_out_pages)
    tuning_texts, held_out_texts = texts[:tuning_pages], texts[tuning_pages:]
    out = [
        f"Pages of 140–220 characters; CER over {BAD_CER:.0%} counts as bad. Tuning pages: every other one "
        f"tilted {_TUNING_TILT:g}° more. Confidence and CER are over the pages where the engine read something "
        "(a page it read nothing on has no confidence to judge by).",
        "",
        "| engine | set | condition | pages | nothing read | mean confidence | mean CER | pages CER > 5 % |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    summary = [
        "",
        "| engine | threshold (chosen on tuning) | set | below it: CER > 5 % | at or above: CER ≤ 5 % |",
        "|---|---:|---|---:|---:|",
    ]
    for engine in installed:
        tuned = measure(engine, TUNING, tuning_texts, False, _TUNING_TILT)
        held = measure(engine, HELD_OUT, held_out_texts, True)
        for label, results in (("tuning", tuned), ("held out", held)):
            by_condition: dict[tuple[int, float, float, int], list[PageResult]] = {}
            for r in results:
                c = r.condition
                by_condition.setdefault((c.dpi, c.blur, c.noise, c.jpeg), []).append(r)
            for group in by_condition.values():
                names = " / ".join(dict.fromkeys(r.condition.label for r in group))
                empty = sum(1 for r in group if r.read_nothing)
                read = [r for r in group if not r.read_nothing]
                if not read:
                    out.append(f"| {engine.name} | {label} | {names} | {len(group)} | {empty} | – | – | – |")
                    continue
                bad = sum(1 for r in read if r.cer > BAD_CER)
                out.append(
                    f"| {engine.name} | {label} | {names} | {len(group)} | {empty} | "
                    f"{sum(r.confidence for r in read) / len(read):.2f} | "
                    f"{100 * sum(r.cer for r in read) / len(read):.1f} % | {bad}/{len(read)} |"
                )
        threshold = choose_threshold(tuned)
        for label, results in (("tuning", tuned), ("held out", held)):
            s = split(results, threshold)
            summary.append(
                f"| {engine.name} | {threshold:.2f} | {label} | {s.bad_below}/{s.below} | {s.good_above}/{s.above} |"
            )
    return "\n".join(out + summary)
