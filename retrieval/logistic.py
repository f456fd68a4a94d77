"""What the shipped logistic models share (the confidence model, the pin model): the standardised
linear score, their weights as JSON, the checks that a file fits this code, an atomic save, and loading
with a fallback that is said once in the log. Each model keeps its own thresholds and meaning.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

import numpy as np

log = logging.getLogger(__name__)


class Weights(Protocol):
    """A logistic model over standardised features: p = σ(b + Σ wᵢ (xᵢ − μᵢ) / σᵢ)."""

    @property
    def features(self) -> tuple[str, ...]: ...
    @property
    def mean(self) -> tuple[float, ...]: ...
    @property
    def scale(self) -> tuple[float, ...]: ...
    @property
    def coef(self) -> tuple[float, ...]: ...
    @property
    def intercept(self) -> float: ...
    @property
    def embedder(self) -> str: ...


def probabilities(model: Weights, rows: Sequence[Sequence[float]]) -> np.ndarray:
    """σ of the standardised linear score of each row of feature values (in `model.features` order)."""
    if len(rows) == 0:
        return np.zeros(0)
    x = np.asarray(rows, dtype=np.float64)
    scale = np.asarray(model.scale, dtype=np.float64)
    scale = np.where(scale == 0, 1.0, scale)
    z = model.intercept + ((x - np.asarray(model.mean)) / scale) @ np.asarray(model.coef)
    return 1 / (1 + np.exp(-np.clip(z, -500, 500)))


def probability(model: Weights, values: Sequence[float]) -> float:
    """The same for one row, in plain Python (one search asks for one: no array to build)."""
    z = model.intercept
    for x, m, s, w in zip(values, model.mean, model.scale, model.coef, strict=True):
        z += w * (x - m) / (s or 1.0)
    return 1 / (1 + math.exp(-z)) if z > -500 else 0.0


def weights_json(model: Weights, version: int, fitted_on: str) -> dict[str, object]:
    """The JSON fields every model file has (a model adds its thresholds)."""
    return {
        "version": version,
        "features": list(model.features),
        "mean": list(model.mean),
        "scale": list(model.scale),
        "coef": list(model.coef),
        "intercept": model.intercept,
        "embedder": model.embedder,
        "fitted_on": fitted_on,
    }


def read_weights(data: Mapping[str, object]) -> dict[str, object]:
    """Those fields read back, typed (KeyError, TypeError or ValueError when the file is not one)."""

    def floats(key: str) -> tuple[float, ...]:
        value = data[key]
        if not isinstance(value, list):
            raise TypeError(f"{key} is not a list")
        return tuple(float(v) for v in value)

    names = data["features"]
    if not isinstance(names, list):
        raise TypeError("features is not a list")
    return {
        "features": tuple(str(f) for f in names),
        "mean": floats("mean"),
        "scale": floats("scale"),
        "coef": floats("coef"),
        "intercept": float(data["intercept"]),  # type: ignore[arg-type]
        "embedder": str(data.get("embedder", "")),
        "version": int(data["version"]),  # type: ignore[call-overload]
        "fitted_on": str(data.get("fitted_on", "")),
    }


def weights_problem(
    model: Weights, version: int, expected_version: int, known: Sequence[str], embedder: str | None
) -> str | None:
    """Why a model cannot be used by this code with `embedder` (None when it can)."""
    if version != expected_version:
        return f"version {version}, this code reads version {expected_version}"
    unknown = [f for f in model.features if f not in known]
    if unknown:
        return f"unknown features {unknown}"
    if not (len(model.features) == len(model.mean) == len(model.scale) == len(model.coef)):
        return "feature and coefficient counts differ"
    if embedder is not None and model.embedder and model.embedder != embedder:
        return f"fitted with embedding model {model.embedder}, the index uses {embedder}"
    return None


def save_json(path: Path, data: Mapping[str, object]) -> None:
    """Write a model file whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)


M = TypeVar("M")
F = TypeVar("F")
_warned: set[str] = set()


def load_or_fallback(
    path: Path,
    parse: Callable[[dict[str, object]], M],
    problem: Callable[[M], str | None],
    fallback: Callable[[], F],
    name: str,
    instead: str,
    logger: logging.Logger = log,
) -> M | F:
    """The model in `path`, or `fallback()` when it is missing, unreadable or `problem` says it does not
    fit; that is said once per file and reason in the log: "{name} PATH not used (why): {instead}"."""
    reason: str | None
    try:
        model = parse(json.loads(path.read_text(encoding="utf-8")))
        reason = problem(model)
    except FileNotFoundError:
        reason = "no model file"
    except (OSError, ValueError, KeyError, TypeError, AssertionError) as e:
        reason = f"unreadable ({e})"
    if reason is None:
        return model
    key = f"{path}:{reason}"
    if key not in _warned:
        _warned.add(key)
        logger.warning("%s %s not used (%s): %s", name, path, reason, instead)
    return fallback()
