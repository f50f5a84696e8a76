"""Drift monitoring: live inputs against the training distribution, exported to Prometheus.

Two statistics per monitored feature<%#task_text_classification%> (text length in characters and in tokens)<%/task_text_classification%>:
- PSI, the population stability index over quantile bins of the training data
  (below 0.1 stable, 0.1 to 0.2 moderate shift, above 0.2 significant shift);
- the p-value of a two-sample Kolmogorov-Smirnov test (small means the samples differ).
"""

import logging
import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
from prometheus_client import Counter, Gauge, Histogram
from scipy.stats import ks_2samp

logger = logging.getLogger(__name__)

EPSILON = 1e-4  # floor for empty bins, so the PSI logarithm stays finite
REFERENCE_SAMPLE_SIZE = 500

DRIFT_PSI = Gauge(
    "model_feature_drift_psi",
    "Population stability index of a feature: live window against training data",
    ["feature"],
)
DRIFT_KS_PVALUE = Gauge(
    "model_feature_drift_ks_pvalue",
    "Kolmogorov-Smirnov p-value of a feature: live window against training data",
    ["feature"],
)
DRIFT_DETECTED = Gauge(
    "model_feature_drift_detected", "1 when the feature's PSI is above the alert level", ["feature"]
)
DRIFT_WINDOW = Gauge("model_drift_window_size", "Live inputs in the drift window")
PREDICTIONS = Counter("model_predictions_total", "Predictions served", ["version"])
PREDICTION_LATENCY = Histogram("model_prediction_latency_seconds", "Time to compute a prediction")


@dataclass(frozen=True)
class FeatureReference:
    """The training distribution of one feature, as needed by PSI and the KS test."""

    edges: list[float]  # inner bin edges (quantiles of the training values)
    fractions: list[float]  # share of training values per bin; len(edges) + 1 bins
    sample: list[float]  # training values kept for the KS test

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> "FeatureReference":
        return cls(list(raw["edges"]), list(raw["fractions"]), list(raw["sample"]))


@dataclass(frozen=True)
class DriftResult:
    feature: str
    psi: float
    ks_pvalue: float
    drifted: bool


def _bin_fractions(values: np.ndarray, edges: np.ndarray) -> np.ndarray:
    counts = np.bincount(np.searchsorted(edges, values, side="right"), minlength=len(edges) + 1)
    return counts / max(len(values), 1)


def _finite(values: pd.Series) -> np.ndarray:
    array: np.ndarray = values.to_numpy(dtype=float)
    finite: np.ndarray = array[np.isfinite(array)]
    return finite


def build_reference(frame: pd.DataFrame, bins: int, seed: int) -> dict[str, dict[str, Any]]:
    """Describe the training distribution of every column of `frame` (JSON-ready)."""
    rng = np.random.default_rng(seed)
    references: dict[str, dict[str, Any]] = {}
    for column in frame.columns:
        values = _finite(frame[column])
        edges = np.unique(np.quantile(values, np.linspace(0.0, 1.0, bins + 1)[1:-1]))
        if len(values) > REFERENCE_SAMPLE_SIZE:
            sample = rng.choice(values, REFERENCE_SAMPLE_SIZE, replace=False)
        else:
            sample = values
        reference = FeatureReference(
            edges=[float(edge) for edge in edges],
            fractions=[float(share) for share in _bin_fractions(values, edges)],
            sample=[float(value) for value in sample],
        )
        references[str(column)] = asdict(reference)
    return references


def population_stability_index(reference: FeatureReference, values: np.ndarray) -> float:
    """PSI = sum((actual - expected) * ln(actual / expected)) over the reference bins."""
    expected = np.clip(np.asarray(reference.fractions, dtype=float), EPSILON, None)
    edges = np.asarray(reference.edges, dtype=float)
    actual = np.clip(_bin_fractions(values, edges), EPSILON, None)
    return float(np.sum((actual - expected) * np.log(actual / expected)))


def detect_drift(
    references: Mapping[str, FeatureReference], frame: pd.DataFrame, psi_alert: float
) -> list[DriftResult]:
    """Compare each monitored column of `frame` with its training reference."""
    results = []
    for feature, reference in references.items():
        values = _finite(frame[feature])
        psi = population_stability_index(reference, values)
        pvalue = float(ks_2samp(reference.sample, values).pvalue)
        results.append(DriftResult(feature, round(psi, 6), round(pvalue, 6), psi > psi_alert))
    return results


class DriftMonitor:
    """A sliding window of live inputs whose drift statistics are exported as gauges."""

    def __init__(
        self,
        references: Mapping[str, Mapping[str, Any]],
        *,
        window_size: int,
        min_samples: int,
        psi_alert: float,
    ) -> None:
        self._references = {
            name: FeatureReference.from_dict(raw) for name, raw in references.items()
        }
        self._window: deque[dict[str, float]] = deque(maxlen=window_size)
        self._min_samples = min_samples
        self._psi_alert = psi_alert
        self._drifted: set[str] = set()
        self._lock = threading.Lock()  # sync FastAPI routes run in a thread pool

    def observe(self, monitored: pd.DataFrame) -> list[DriftResult]:
        """Add live inputs; once the window is full enough, update and return the statistics."""
        with self._lock:
            for row in monitored.to_dict(orient="records"):
                self._window.append({str(key): float(value) for key, value in row.items()})
            DRIFT_WINDOW.set(len(self._window))
            if len(self._window) < self._min_samples:
                return []
            window = pd.DataFrame(list(self._window))
        results = detect_drift(self._references, window, self._psi_alert)
        for result in results:
            DRIFT_PSI.labels(feature=result.feature).set(result.psi)
            DRIFT_KS_PVALUE.labels(feature=result.feature).set(result.ks_pvalue)
            DRIFT_DETECTED.labels(feature=result.feature).set(1.0 if result.drifted else 0.0)
        drifted = {result.feature for result in results if result.drifted}
        if drifted - self._drifted:  # log changes, not every request
            logger.warning("input drift (PSI > %s): %s", self._psi_alert, sorted(drifted))
        self._drifted = drifted
        return results
