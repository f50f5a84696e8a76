"""The MLflow code path, exercised with a recording stand-in for the mlflow package."""

import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
<%^whole_project%>
from pathlib import Path
<%/whole_project%>
from typing import Any

import pytest

<%#whole_project%>
from <%package%>.config import Config
from <%package%>.evaluate import PRIMARY_METRIC
<%/whole_project%>
from <%module_prefix%>tracking import (
    LocalTracker,
    MlflowTracker,
<%^whole_project%>
    TrackingConfig,
<%/whole_project%>
    create_tracker,
)
<%#whole_project%>
from <%package%>.train import train
<%/whole_project%>


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

<%#whole_project%>
    def log_model(model: Any, name: str) -> None:
        record.models.append((model, name))
<%/whole_project%>
<%^whole_project%>
    def log_model(model: Any, name: str, registered_model_name: str) -> None:
        record.models.append((model, name))
        record.tags["registered_model_name"] = registered_model_name
<%/whole_project%>

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


<%#whole_project%>
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


<%/whole_project%>
<%^whole_project%>
@dataclass
class Config:
    """What these tests need of the project's settings."""

    tracking: TrackingConfig


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return Config(tracking=TrackingConfig(backend="local", local_dir=tmp_path / "runs"))


def test_a_run_logs_params_metrics_and_model_to_mlflow(
    config: Config, fake_mlflow: Recorder, tmp_path: Path
) -> None:
    tracker = create_tracker(replace(config.tracking, backend="mlflow"))
    assert isinstance(tracker, MlflowTracker)
    model = object()
    report = tmp_path / "metrics.json"
    with tracker.run("baseline"):
        tracker.log_params({"seed": 7})
        tracker.log_metrics({"f1": 0.5})
        tracker.log_artifact(report)
        tracker.log_model(model, tmp_path / "v0001")

    assert fake_mlflow.tracking_uri == config.tracking.tracking_uri
    assert fake_mlflow.experiment == config.tracking.experiment
    assert fake_mlflow.runs == ["baseline"]
    assert fake_mlflow.params == {"seed": 7}
    assert fake_mlflow.metrics == {"f1": 0.5}
    assert fake_mlflow.artifacts == [str(report)]
    assert fake_mlflow.models == [(model, "model")]
    assert fake_mlflow.tags["registered_model_name"] == "<%name%>"
    assert fake_mlflow.tags["registry_version"] == "v0001"


def test_local_runs_are_appended_to_runs_jsonl(config: Config) -> None:
    tracker = create_tracker(config.tracking)
    assert isinstance(tracker, LocalTracker)
    with tracker.run("baseline"):
        tracker.log_metrics({"f1": 0.5})
    assert '"f1": 0.5' in (config.tracking.local_dir / "runs.jsonl").read_text()


<%/whole_project%>
def test_without_mlflow_runs_are_recorded_locally(
    config: Config, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "mlflow", None)  # makes `import mlflow` raise ImportError
    tracker = create_tracker(replace(config.tracking, backend="mlflow"))
    assert isinstance(tracker, LocalTracker)
    assert "mlflow is not installed" in caplog.text
