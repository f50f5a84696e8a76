"""The Weights & Biases code path, exercised with a recording stand-in for the wandb package."""

import sys
import types
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
<%^whole_project%>
    TrackingConfig,
<%/whole_project%>
    WandbTracker,
    create_tracker,
)
<%#whole_project%>
from <%package%>.train import train
<%/whole_project%>


class FakeArtifact:
    def __init__(self, name: str, type: str, metadata: dict[str, Any] | None = None) -> None:
        self.name = name
        self.type = type
        self.metadata = metadata or {}
        self.files: list[str] = []

    def add_file(self, path: str) -> None:
        self.files.append(path)

    def add_dir(self, path: str) -> None:
        self.files.append(path)


@dataclass
class FakeRun:
    init_kwargs: dict[str, Any]
    config: dict[str, Any] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)
    logged: list[dict[str, float]] = field(default_factory=list)
    artifacts: list[FakeArtifact] = field(default_factory=list)
    exit_code: int | None = None

    def log(self, metrics: dict[str, float]) -> None:
        self.logged.append(metrics)

    def log_artifact(self, artifact: FakeArtifact) -> None:
        self.artifacts.append(artifact)

    def finish(self, exit_code: int = 0) -> None:
        self.exit_code = exit_code


@pytest.fixture
def fake_wandb(monkeypatch: pytest.MonkeyPatch) -> list[FakeRun]:
    """Install a module named wandb whose runs record every call."""
    runs: list[FakeRun] = []

    def init(**kwargs: Any) -> FakeRun:
        runs.append(FakeRun(init_kwargs=kwargs))
        return runs[-1]

    wandb = types.ModuleType("wandb")
    wandb.__dict__.update(init=init, Artifact=FakeArtifact)
    monkeypatch.setitem(sys.modules, "wandb", wandb)
    return runs


<%#whole_project%>
def test_training_logs_params_metrics_and_model_to_wandb(
    config: Config, fake_wandb: list[FakeRun]
) -> None:
    wandb_config = replace(config, tracking=replace(config.tracking, backend="wandb"))
    tracker = create_tracker(wandb_config.tracking)
    assert isinstance(tracker, WandbTracker)

    result = train(wandb_config, tracker=tracker)

    [run] = fake_wandb
    assert run.init_kwargs["project"] == config.tracking.project
    assert run.init_kwargs["mode"] == config.tracking.mode
    assert run.config["model.name"] == config.model.name
    assert run.config["seed"] == config.seed
    assert run.summary[f"model_{PRIMARY_METRIC}"] == result.model_metrics[PRIMARY_METRIC]
    assert f"baseline_{PRIMARY_METRIC}" in run.logged[0]
    by_type = {artifact.type: artifact for artifact in run.artifacts}
    assert by_type["model"].files == [str(result.version.path)]
    assert by_type["report"].files == [str(result.metrics_path)]
    assert run.exit_code == 0


<%/whole_project%>
<%^whole_project%>
@dataclass
class Config:
    """What these tests need of the project's settings."""

    tracking: TrackingConfig


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return Config(tracking=TrackingConfig(backend="local", local_dir=tmp_path / "runs"))


def test_a_run_logs_params_metrics_and_model_to_wandb(
    config: Config, fake_wandb: list[FakeRun], tmp_path: Path
) -> None:
    tracker = create_tracker(replace(config.tracking, backend="wandb"))
    assert isinstance(tracker, WandbTracker)
    report = tmp_path / "metrics.json"
    with tracker.run("baseline"):
        tracker.log_params({"seed": 7})
        tracker.log_metrics({"f1": 0.5})
        tracker.log_artifact(report)
        tracker.log_model(object(), tmp_path / "v0001")

    [run] = fake_wandb
    assert run.init_kwargs["project"] == config.tracking.project
    assert run.init_kwargs["mode"] == config.tracking.mode
    assert run.config == {"seed": 7}
    assert run.summary == {"f1": 0.5}
    by_type = {artifact.type: artifact for artifact in run.artifacts}
    assert by_type["model"].files == [str(tmp_path / "v0001")]
    assert by_type["report"].files == [str(report)]
    assert run.exit_code == 0


<%/whole_project%>
def test_without_wandb_runs_are_recorded_locally(
    config: Config, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "wandb", None)  # makes `import wandb` raise ImportError
    tracker = create_tracker(replace(config.tracking, backend="wandb"))
    assert isinstance(tracker, LocalTracker)
    assert "wandb is not installed" in caplog.text
