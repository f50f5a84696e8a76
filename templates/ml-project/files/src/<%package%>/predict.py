"""Predictions from a registered model, for the API and for batch files."""

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import sklearn

from .data import DataValidationError
from .registry import ModelRegistry, ModelVersion

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prediction:
<%#task_classification%>
    prediction: str
    probabilities: dict[str, float]
<%/task_classification%>
<%#task_regression%>
    prediction: float
<%/task_regression%>


class Predictor:
    """A fitted pipeline with the metadata it was registered with."""

    def __init__(self, model: Any, version: ModelVersion) -> None:
        self.model = model
        self.version = version
        self.feature_columns: list[str] = list(version.metadata["features"])

    @classmethod
    def from_registry(cls, models_dir: Path) -> "Predictor":
        """The production model of the registry in `models_dir`."""
        version = ModelRegistry(models_dir).production_or_raise()
        logger.info("loading model %s from %s", version.version, version.path)
        trained_with = version.metadata.get("scikit_learn")
        if trained_with and trained_with != sklearn.__version__:
            logger.warning(
                "model %s was trained with scikit-learn %s, this is %s: retrain it (make train) "
                "if loading or predicting fails",
                version.version,
                trained_with,
                sklearn.__version__,
            )
        return cls(version.load_model(), version)

    def predict(self, frame: pd.DataFrame) -> list[Prediction]:
        """One prediction per row of `frame`, which needs at least the feature columns."""
        missing = [column for column in self.feature_columns if column not in frame.columns]
        if missing:
            raise DataValidationError(f"input is missing columns: {', '.join(missing)}")
        features = frame.loc[:, self.feature_columns]
<%#task_classification%>
        probabilities = self.model.predict_proba(features)
        classes = [str(label) for label in self.model.classes_]
        return [
            Prediction(
                prediction=classes[int(row.argmax())],
                probabilities={
                    label: round(float(p), 6) for label, p in zip(classes, row, strict=True)
                },
            )
            for row in probabilities
        ]
<%/task_classification%>
<%#task_regression%>
        return [Prediction(prediction=float(value)) for value in self.model.predict(features)]
<%/task_regression%>

    def predict_records(self, records: Sequence[Mapping[str, Any]]) -> list[Prediction]:
        return self.predict(pd.DataFrame([dict(record) for record in records]))
