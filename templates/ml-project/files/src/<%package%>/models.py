"""The baseline and the candidate model: full pipelines from raw columns to predictions."""

from collections.abc import Callable
from typing import Any

<%#task_tabular_classification%>
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
<%/task_tabular_classification%>
<%#task_text_classification%>
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
<%/task_text_classification%>
<%#task_regression%>
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import Ridge
<%/task_regression%>
from sklearn.pipeline import Pipeline

from .config import Config, ConfigError
from .features import build_preprocessor

TASK = "<%task%>"
BASELINE_NAME = "<%#task_classification%>prior (DummyClassifier)<%/task_classification%><%#task_regression%>mean (DummyRegressor)<%/task_regression%>"

# model.name in the config picks one of these; model.params go to its constructor.
ESTIMATORS: dict[str, Callable[..., Any]] = {
<%#task_tabular_classification%>
    "gradient_boosting": GradientBoostingClassifier,
    "logistic_regression": LogisticRegression,
    "random_forest": RandomForestClassifier,
<%/task_tabular_classification%>
<%#task_text_classification%>
    "complement_nb": ComplementNB,
    "logistic_regression": LogisticRegression,
<%/task_text_classification%>
<%#task_regression%>
    "gradient_boosting": GradientBoostingRegressor,
    "random_forest": RandomForestRegressor,
    "ridge": Ridge,
<%/task_regression%>
}


def build_baseline(config: Config) -> Pipeline:
    """A model that ignores the inputs<%#task_classification%> and predicts the class frequencies<%/task_classification%><%#task_regression%> and predicts the training mean<%/task_regression%>.

    Any real model has to beat it on held-out data to be worth serving.
    """
<%#task_classification%>
    baseline = DummyClassifier(strategy="prior", random_state=config.seed)
<%/task_classification%>
<%#task_regression%>
    baseline = DummyRegressor(strategy="mean")
<%/task_regression%>
    return Pipeline([("features", build_preprocessor(config.data)), ("model", baseline)])


def build_model(config: Config) -> Pipeline:
    """The configured estimator behind the shared preprocessing, seeded when it is random."""
    try:
        factory = ESTIMATORS[config.model.name]
    except KeyError:
        choices = ", ".join(sorted(ESTIMATORS))
        raise ConfigError(f"model.name '{config.model.name}' is not one of: {choices}") from None
    try:
        estimator = factory(**config.model.params)
    except TypeError as error:
        raise ConfigError(f"model.params do not fit {config.model.name}: {error}") from error
    if "random_state" in estimator.get_params():
        estimator.set_params(random_state=config.seed)
    return Pipeline([("features", build_preprocessor(config.data)), ("model", estimator)])
