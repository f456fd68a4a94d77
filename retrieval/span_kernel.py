"""The numba kernel behind retrieval/compiled.py (imported only by its `load()`: importing numba costs
~0.7 s). Module-level functions, so numba's cache (cache=True) keeps their machine code between runs."""

from __future__ import annotations

from typing import Any

import numba
import numpy as np

_jit: Any = numba.njit(cache=True, nogil=True, error_model="numpy")


@_jit
def find(codes, start, end, needle, n0, n1):
    """First position p in [start, end) where needle[n0:n1] stands whole, or -1 (str.find)."""
    m = n1 - n0
    first = needle[n0]
    for p in range(start, end - m + 1):
        if codes[p] != first:
            continue
        k = 1
        while k < m and codes[p + k] == needle[n0 + k]:
            k += 1
        if k == m:
            return p
    return -1


@_jit
def window(starts, ends, kinds, count, nkinds, key, order, counts, queue_end, queue_at):
    """sentence._shortest_window over the first `count` occurrences (the arrays after them: room to work
    in, at least `count` long; `counts` at least `nkinds`)."""
    if count == nkinds:
        lo = starts[0]
        hi = ends[0]
        for i in range(1, count):
            lo = min(lo, starts[i])
            hi = max(hi, ends[i])
        length = hi - lo
        return length if length else 1
    # in the order Python sorts the (start, end, kind) tuples (all distinct)
    for i in range(count):
        key[i] = (starts[i] << 32) + ((ends[i] - starts[i]) << 16) + kinds[i]
    if count <= 32:  # insertion sort: most sentences hold a handful of occurrences
        for i in range(count):
            order[i] = i
        for i in range(1, count):
            at = order[i]
            j = i - 1
            while j >= 0 and key[order[j]] > key[at]:
                order[j + 1] = order[j]
                j -= 1
            order[j + 1] = at
    else:
        order[:count] = np.argsort(key[:count])
    counts[:nkinds] = 0
    distinct = 0
    best = -1
    left = 0
    head = 0
    tail = 0  # queue: (end, index) of occurrences in the window, ends decreasing
    for right in range(count):
        r = order[right]
        if counts[kinds[r]] == 0:
            distinct += 1
        counts[kinds[r]] += 1
        while tail > head and queue_end[tail - 1] <= ends[r]:
            tail -= 1
        queue_end[tail] = ends[r]
        queue_at[tail] = right
        tail += 1
        while distinct == nkinds:
            while queue_at[head] < left:
                head += 1
            length = queue_end[head] - starts[order[left]]
            best = length if best < 0 else min(best, length)
            kind = kinds[order[left]]
            counts[kind] -= 1
            if counts[kind] == 0:
                distinct -= 1
            left += 1
    return best if best > 0 else 1


@_jit
def kernel(
    codes,
    bounds,
    needle,
    needle_bounds,
    weights,
    grams,
    gram_bounds,
    total,
    partial_credit,
    proximity_weight,
    out,  # rows: coverage, proximity, lexical (sentence._lexical) of each text
    credit_out,
):
    needles = weights.shape[0]
    found = np.empty(needles, dtype=np.int64)
    first = np.empty(needles, dtype=np.int64)
    counts = np.empty(max(needles, 1), dtype=np.int64)
    capacity = 64
    starts = np.empty(capacity, dtype=np.int64)
    ends = np.empty(capacity, dtype=np.int64)
    kinds = np.empty(capacity, dtype=np.int64)
    work = np.empty((4, capacity), dtype=np.int64)  # sort keys, order, the window's queue
    for t in range(bounds.shape[0] - 1):
        start = bounds[t]
        end = bounds[t + 1]
        if start == end:  # sentence._read: an empty text scores nothing
            out[0, t] = 0.0
            out[1, t] = 0.0
            out[2, t] = 0.0
            credit_out[t, :] = 0.0
            continue
        found_weight = 0.0
        partial = 0.0
        nfound = 0
        for i in range(needles):
            n0 = needle_bounds[i]
            n1 = needle_bounds[i + 1]
            at = find(codes, start, end, needle, n0, n1) if n1 > n0 else -1
            if at < 0:
                credit_out[t, i] = 0.0
                g0 = gram_bounds[i]
                g1 = gram_bounds[i + 1]
                if g1 > g0:
                    hits = 0
                    for g in range(g0, g1):
                        if find(codes, start, end, grams, 2 * g, 2 * g + 2) >= 0:
                            hits += 1
                    share = hits / (g1 - g0)
                    partial += weights[i] * share
                    credit_out[t, i] = partial_credit * share
                continue
            credit_out[t, i] = 1.0
            found[nfound] = i
            first[nfound] = at
            nfound += 1
            found_weight += weights[i]
        coverage = (found_weight + partial_credit * partial) / total
        out[0, t] = coverage
        if nfound <= 1:
            proximity = 1.0 if nfound else 0.0
            out[1, t] = proximity
            out[2, t] = coverage * (1 - proximity_weight + proximity_weight * proximity)
            continue
        count = 0
        covered = 0
        for f in range(nfound):
            i = found[f]
            n0 = needle_bounds[i]
            n1 = needle_bounds[i + 1]
            m = n1 - n0
            covered += m
            at = first[f]
            while at >= 0:
                if count == capacity:
                    capacity *= 2
                    starts = np.concatenate((starts, np.empty(capacity - count, dtype=np.int64)))
                    ends = np.concatenate((ends, np.empty(capacity - count, dtype=np.int64)))
                    kinds = np.concatenate((kinds, np.empty(capacity - count, dtype=np.int64)))
                    work = np.empty((4, capacity), dtype=np.int64)
                starts[count] = at - start
                ends[count] = at - start + m
                kinds[count] = f
                count += 1
                at = find(codes, at + m, end, needle, n0, n1)
        length = window(starts, ends, kinds, count, nfound, work[0], work[1], counts, work[2], work[3])
        proximity = min(1.0, covered / max(length, 1))
        out[1, t] = proximity
        out[2, t] = coverage * (1 - proximity_weight + proximity_weight * proximity)
