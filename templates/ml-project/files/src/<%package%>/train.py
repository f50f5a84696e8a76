"""Training: baseline and model on one seeded split, evaluation, tracking, registry, README."""

import logging
import platform
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import sklearn
from sklearn.model_selection import train_test_split

from .config import Config
from .data import load_dataset, sha256_file, split_features_target
from .evaluate import PRIMARY_METRIC, compare, compute_metrics
from .features import monitored_features
from .models import BASELINE_NAME, TASK, build_baseline, build_model
from .monitoring import build_reference
from .registry import ModelRegistry, ModelVersion
from .report import results_table, update_readme_results, write_metrics
from .tracking import Tracker, create_tracker

logger = logging.getLogger(__name__)

METRICS_FILE = "metrics.json"


@dataclass(frozen=True)
class TrainingResult:
    baseline_metrics: dict[str, float]
    model_metrics: dict[str, float]
    beats_baseline: bool
    version: ModelVersion
    promoted: bool
    metrics_path: Path


def split_dataset(frame: pd.DataFrame, config: Config) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Seeded train/test split<%#task_classification%>, stratified by class<%/task_classification%>; the test rows are never trained on."""
<%#task_classification%>
    train_frame, test_frame = train_test_split(
        frame,
        test_size=config.split.test_size,
        random_state=config.seed,
        stratify=frame[config.data.target],
    )
<%/task_classification%>
<%#task_regression%>
    train_frame, test_frame = train_test_split(
        frame, test_size=config.split.test_size, random_state=config.seed
    )
<%/task_regression%>
    return train_frame, test_frame


def run_params(config: Config, rows: int) -> dict[str, Any]:
    """Flat parameters of a run, as trackers expect them."""
    params: dict[str, Any] = {
        "task": TASK,
        "seed": config.seed,
        "data.file": config.data.path.name,
        "data.sha256": config.data.sha256,
        "data.rows": rows,
        "split.test_size": config.split.test_size,
        "model.name": config.model.name,
    }
    params.update({f"model.{key}": value for key, value in config.model.params.items()})
    return params


def prefixed(prefix: str, metrics: Mapping[str, float]) -> dict[str, float]:
    return {f"{prefix}_{name}": value for name, value in metrics.items()}


def train(config: Config, tracker: Tracker | None = None) -> TrainingResult:
    """Train and evaluate baseline and model, register the model, promote it if it is better."""
    frame = load_dataset(config.data)
    train_frame, test_frame = split_dataset(frame, config)
    x_train, y_train = split_features_target(train_frame, config.data)
    x_test, y_test = split_features_target(test_frame, config.data)
    logger.info("training on %d rows, evaluating on %d held-out rows", len(x_train), len(x_test))

    baseline = build_baseline(config).fit(x_train, y_train)
    model = build_model(config).fit(x_train, y_train)
    baseline_metrics = compute_metrics(baseline, x_test, y_test)
    model_metrics = compute_metrics(model, x_test, y_test)
    comparison = compare(model_metrics, baseline_metrics)
    logger.info(
        "%s: model %.4f, baseline %.4f",
        PRIMARY_METRIC,
        comparison["model"],
        comparison["baseline"],
    )
    if not comparison["beats_baseline"]:
        logger.warning("the model does not beat the baseline: it will not be promoted")

    metadata = {
        "task": TASK,
        "model_name": config.model.name,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "params": dict(config.model.params),
        "seed": config.seed,
        "features": list(config.data.feature_columns),
        "target": config.data.target,
        "data_sha256": sha256_file(config.data.path),
        "train_rows": len(x_train),
        "test_rows": len(x_test),
        "metrics": model_metrics,
        "baseline_metrics": baseline_metrics,
        "primary_metric": PRIMARY_METRIC,
        "beats_baseline": comparison["beats_baseline"],
        "python": platform.python_version(),
        "scikit_learn": sklearn.__version__,
    }
    reference = build_reference(
        monitored_features(x_train, config.data), config.monitoring.psi_bins, config.seed
    )

    tracker = tracker if tracker is not None else create_tracker(config.tracking)
    with tracker.run(f"{config.model.name}-{datetime.now(UTC):%Y%m%dT%H%M%S}"):
        tracker.log_params(run_params(config, len(frame)))
        tracker.log_metrics(
            {**prefixed("model", model_metrics), **prefixed("baseline", baseline_metrics)}
        )
        registry = ModelRegistry(config.paths.models_dir)
        version = registry.register(model, metadata, reference)
        promoted = registry.promote_if_better(version)
        production = registry.production()
        metrics_path = write_metrics(
            config.paths.reports_dir / METRICS_FILE,
            {
                "task": TASK,
                "primary_metric": PRIMARY_METRIC,
                "higher_is_better": comparison["higher_is_better"],
                "beats_baseline": comparison["beats_baseline"],
                "improvement": comparison["improvement"],
                "model_name": config.model.name,
                "model": model_metrics,
                "baseline": baseline_metrics,
                "test_rows": len(x_test),
                "model_version": version.version,
                "promoted": promoted,
                "production_version": production.version if production else None,
            },
        )
        tracker.log_artifact(metrics_path)
        tracker.log_model(model, version.path)

    note = (
        f"Held-out test set: {len(x_test)} of {len(frame)} rows (seed {config.seed}). "
        f"Model version {version.version}"
        + (" (promoted to production)." if promoted else " (not promoted).")
    )
    if not promoted and production is not None:
        note += f" Production model: {production.version}."
    table = results_table(
        [
            (f"Baseline: {BASELINE_NAME}", baseline_metrics),
            (f"Model: {config.model.name}", model_metrics),
        ],
        note,
    )
    update_readme_results(config.paths.readme, table)
    return TrainingResult(
        baseline_metrics=baseline_metrics,
        model_metrics=model_metrics,
        beats_baseline=bool(comparison["beats_baseline"]),
        version=version,
        promoted=promoted,
        metrics_path=metrics_path,
    )
