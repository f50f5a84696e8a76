"""The MLflow code path, exercised with a recording stand-in for the mlflow package."""

import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from <%package%>.config import Config
from <%package%>.evaluate import PRIMARY_METRIC
from <%package%>.tracking import (
    LocalTracker,
    MlflowTracker,
    create_tracker,
)
from <%package%>.train import train


@dataclass
class Recorder:
    tracking_uri: str = ""
    experiment: str = ""
    runs: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)
    artifacts: list[str] = field(default_factory=list)
    models: list[tuple[Any, str]] = field(default_factory=list)
    tags: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def fake_mlflow(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    """Install modules named mlflow and mlflow.sklearn that record every call."""
    record = Recorder()
    mlflow = types.ModuleType("mlflow")
    sklearn_flavour = types.ModuleType("mlflow.sklearn")

    @contextmanager
    def start_run(run_name: str) -> Iterator[None]:
        record.runs.append(run_name)
        yield

    def log_model(model: Any, name: str) -> None:
        record.models.append((model, name))

    mlflow.__dict__.update(
        set_tracking_uri=lambda uri: setattr(record, "tracking_uri", uri),
        set_experiment=lambda name: setattr(record, "experiment", name),
        start_run=start_run,
        log_params=record.params.update,
        log_metrics=record.metrics.update,
        log_artifact=record.artifacts.append,
        set_tag=record.tags.__setitem__,
        sklearn=sklearn_flavour,
    )
    sklearn_flavour.__dict__.update(log_model=log_model)
    monkeypatch.setitem(sys.modules, "mlflow", mlflow)
    monkeypatch.setitem(sys.modules, "mlflow.sklearn", sklearn_flavour)
    return record


def test_training_logs_params_metrics_and_model_to_mlflow(
    config: Config, fake_mlflow: Recorder
) -> None:
    mlflow_config = replace(config, tracking=replace(config.tracking, backend="mlflow"))
    tracker = create_tracker(mlflow_config.tracking)
    assert isinstance(tracker, MlflowTracker)

    result = train(mlflow_config, tracker=tracker)

    assert fake_mlflow.tracking_uri == config.tracking.tracking_uri
    assert fake_mlflow.experiment == config.tracking.experiment
    assert len(fake_mlflow.runs) == 1
    assert fake_mlflow.params["model.name"] == config.model.name
    assert fake_mlflow.params["seed"] == config.seed
    assert fake_mlflow.metrics[f"model_{PRIMARY_METRIC}"] == result.model_metrics[PRIMARY_METRIC]
    assert f"baseline_{PRIMARY_METRIC}" in fake_mlflow.metrics
    assert [name for _, name in fake_mlflow.models] == ["model"]
    assert hasattr(fake_mlflow.models[0][0], "predict")
    assert fake_mlflow.artifacts == [str(result.metrics_path)]
    assert fake_mlflow.tags["registry_version"] == result.version.version


def test_without_mlflow_runs_are_recorded_locally(
    config: Config, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "mlflow", None)  # makes `import mlflow` raise ImportError
    tracker = create_tracker(replace(config.tracking, backend="mlflow"))
    assert isinstance(tracker, LocalTracker)
    assert "mlflow is not installed" in caplog.text
