"""The span rule's two weights: how a sentence's coverage of the question's words is counted and scored.

Shared by the rule in Python (retrieval/sentence.py `_coverage`, `_lexical`), its compiled twin
(retrieval/compiled.py, which passes them to the numba kernel) and the sentence chooser's features
(retrieval/sentence_model.py). Here, in a module that imports nothing, so that none of them imports
another for them."""

from __future__ import annotations

PROXIMITY_WEIGHT = 0.2  # share of the lexical score given to how tightly the matched words cluster
PARTIAL_CREDIT = 0.5  # a word of 3+ characters found only in part counts this much per share of its bigrams
