import math

import pandas as pd
import pytest

from <%package%>.config import Config
from <%package%>.data import DataValidationError
from <%package%>.predict import Predictor
from <%package%>.train import TrainingResult


@pytest.fixture(scope="module")
def predictor(trained: tuple[Config, TrainingResult]) -> Predictor:
    config, _ = trained
    return Predictor.from_registry(config.paths.models_dir)


def test_one_prediction_per_row(predictor: Predictor, dataset: pd.DataFrame) -> None:
    rows = dataset.head(25)
    predictions = predictor.predict(rows)
    assert len(predictions) == len(rows)
<%#task_classification%>
    classes = set(dataset[predictor.version.metadata["target"]].astype(str))
    for prediction in predictions:
        assert isinstance(prediction.prediction, str)
        assert prediction.prediction in classes
        assert set(prediction.probabilities) == classes
        assert math.isclose(sum(prediction.probabilities.values()), 1.0, abs_tol=1e-4)
        assert prediction.probabilities[prediction.prediction] == max(
            prediction.probabilities.values()
        )
<%/task_classification%>
<%#task_regression%>
    for prediction in predictions:
        assert isinstance(prediction.prediction, float)
        assert math.isfinite(prediction.prediction)
<%/task_regression%>


def test_predict_records_accepts_plain_dicts(predictor: Predictor, dataset: pd.DataFrame) -> None:
    records = dataset.head(3).to_dict(orient="records")
    assert len(predictor.predict_records(records)) == 3


def test_extra_columns_are_ignored(predictor: Predictor, dataset: pd.DataFrame) -> None:
    rows = dataset.head(5).assign(unrelated="x")
    assert predictor.predict(rows) == predictor.predict(dataset.head(5))


def test_missing_input_column_is_reported(predictor: Predictor, dataset: pd.DataFrame) -> None:
    column = predictor.feature_columns[0]
    with pytest.raises(DataValidationError, match=column):
        predictor.predict(dataset.drop(columns=[column]).head(3))
