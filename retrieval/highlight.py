"""Find the query's words in a passage, for bold or coloured display."""

from __future__ import annotations

from collections.abc import Callable, Sequence


def highlight_spans(text: str, terms: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Non-overlapping [start, end) spans where any term occurs (case-insensitive), merged, in order."""
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for term in terms:
        needle = term.lower()
        if not needle:
            continue
        start = lowered.find(needle)
        while start != -1:
            spans.append((start, start + len(needle)))
            start = lowered.find(needle, start + len(needle))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def mark(
    text: str,
    spans: Sequence[tuple[int, int]],
    emphasis: Callable[[str], str],
    plain: Callable[[str], str] = lambda piece: piece,
) -> str:
    """Render text with `emphasis` applied to the spans and `plain` (e.g. an escaper) to the rest."""
    out, last = [], 0
    for start, end in spans:
        out.append(plain(text[last:start]))
        out.append(emphasis(text[start:end]))
        last = end
    out.append(plain(text[last:]))
    return "".join(out)
