"""Held-out evaluation: metrics beyond accuracy, and the comparison with the baseline."""

<%#task_classification%>
import logging
<%/task_classification%>
from typing import Any

<%#task_regression%>
import numpy as np
<%/task_regression%>
import pandas as pd
<%#task_classification%>
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score
<%/task_classification%>
<%#task_regression%>
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
<%/task_regression%>

<%#task_classification%>
logger = logging.getLogger(__name__)

# Macro averages weigh every class the same, so a model cannot hide a weak minority class.
PRIMARY_METRIC = "f1"
HIGHER_IS_BETTER = True
METRIC_LABELS = {
    "accuracy": "Accuracy",
    "precision": "Precision (macro)",
    "recall": "Recall (macro)",
    "f1": "F1 (macro)",
    "roc_auc": "ROC AUC",
}


def compute_metrics(model: Any, features: pd.DataFrame, target: pd.Series) -> dict[str, float]:
    """Accuracy, macro precision, recall and F1, and ROC AUC (one-vs-rest for many classes)."""
    predicted = model.predict(features)
    metrics = {
        "accuracy": accuracy_score(target, predicted),
        "precision": precision_score(target, predicted, average="macro", zero_division=0),
        "recall": recall_score(target, predicted, average="macro", zero_division=0),
        "f1": f1_score(target, predicted, average="macro", zero_division=0),
    }
    probabilities = model.predict_proba(features)
    classes = list(model.classes_)
    try:
        if len(classes) == 2:
            metrics["roc_auc"] = roc_auc_score(target, probabilities[:, 1])
        else:
            metrics["roc_auc"] = roc_auc_score(
                target, probabilities, multi_class="ovr", labels=classes
            )
    except ValueError as error:  # e.g. a class absent from the test split
        logger.warning("ROC AUC not computed: %s", error)
    return {name: round(float(value), 6) for name, value in metrics.items()}
<%/task_classification%>
<%#task_regression%>
PRIMARY_METRIC = "rmse"
HIGHER_IS_BETTER = False
METRIC_LABELS = {
    "rmse": "RMSE",
    "mae": "MAE",
    "r2": "R²",
}


def compute_metrics(model: Any, features: pd.DataFrame, target: pd.Series) -> dict[str, float]:
    """Root mean squared error, mean absolute error and R² on the given rows."""
    predicted = model.predict(features)
    metrics = {
        "rmse": np.sqrt(mean_squared_error(target, predicted)),
        "mae": mean_absolute_error(target, predicted),
        "r2": r2_score(target, predicted),
    }
    return {name: round(float(value), 6) for name, value in metrics.items()}
<%/task_regression%>


def is_better(candidate: float, reference: float) -> bool:
    """Whether `candidate` improves on `reference` for the primary metric (ties do not)."""
    return candidate > reference if HIGHER_IS_BETTER else candidate < reference


def compare(model_metrics: dict[str, float], baseline_metrics: dict[str, float]) -> dict[str, Any]:
    """The primary metric of model and baseline, and whether the model wins."""
    model_score = model_metrics[PRIMARY_METRIC]
    baseline_score = baseline_metrics[PRIMARY_METRIC]
    return {
        "primary_metric": PRIMARY_METRIC,
        "higher_is_better": HIGHER_IS_BETTER,
        "model": model_score,
        "baseline": baseline_score,
        "improvement": round(model_score - baseline_score, 6),
        "beats_baseline": is_better(model_score, baseline_score),
    }
