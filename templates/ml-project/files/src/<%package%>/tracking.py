"""Experiment tracking behind one small interface, so training does not depend on a backend.

<%#tracking_mlflow%>
MlflowTracker logs to MLflow (configs/tracking.yaml). MLflow is imported only when a tracker is
created: where it is not installed, runs are recorded by LocalTracker and a warning says so.
<%/tracking_mlflow%>
<%#tracking_wandb%>
WandbTracker logs to Weights & Biases (configs/tracking.yaml). wandb is imported only when a
tracker is created: where it is not installed, runs are recorded by LocalTracker and a warning
says so.
<%/tracking_wandb%>
<%#tracking_none%>
No tracking service is used: LocalTracker appends every run to runs/runs.jsonl. To add MLflow
or Weights & Biases, implement Tracker for it and return it from create_tracker.
<%/tracking_none%>
"""

import json
import logging
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

<%#whole_project%>
from .config import TrackingConfig
from .registry import utc_now
<%/whole_project%>
<%^whole_project%>
from dataclasses import dataclass, fields
from datetime import datetime, timezone

import yaml
<%/whole_project%>

logger = logging.getLogger(__name__)
<%^whole_project%>

TRACKING_CONFIG = Path("configs/tracking.yaml")


@dataclass(frozen=True)
class TrackingConfig:
    """The settings of configs/tracking.yaml (written by `mlfolio add tracking`)."""

    backend: str = "<%tracking%>"
    local_dir: Path = Path("runs")
<%#tracking_mlflow%>
    experiment: str = "<%name%>"
    tracking_uri: str = "sqlite:///mlflow.db"
<%/tracking_mlflow%>
<%#tracking_wandb%>
    project: str = "<%name%>"
    entity: str = ""
    mode: str = "offline"
<%/tracking_wandb%>


def load_tracking_config(path: Path = TRACKING_CONFIG) -> TrackingConfig:
    """Read the tracking settings; keys the file leaves out keep their defaults."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    known = {field.name for field in fields(TrackingConfig)}
    settings = {key: value for key, value in (raw or {}).items() if key in known}
    if "local_dir" in settings:
        settings["local_dir"] = Path(settings["local_dir"])
    return TrackingConfig(**settings)


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
<%/whole_project%>

LOCAL_RUNS_FILE = "runs.jsonl"


class Tracker(Protocol):
    """What training needs from an experiment tracker."""

    def run(self, name: str) -> AbstractContextManager[None]:
        """Open a run; everything logged inside the `with` block belongs to it."""

    def log_params(self, params: Mapping[str, Any]) -> None:
        """Record the settings of the run."""

    def log_metrics(self, metrics: Mapping[str, float]) -> None:
        """Record evaluation results."""

    def log_artifact(self, path: Path) -> None:
        """Attach a file, such as the metrics report."""

    def log_model(self, model: Any, version_dir: Path) -> None:
        """Attach the fitted model; `version_dir` is its folder in the local registry."""


class LocalTracker:
    """Appends one JSON line per run to <directory>/runs.jsonl."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCAL_RUNS_FILE
        self._record: dict[str, Any] | None = None

    @contextmanager
    def run(self, name: str) -> Iterator[None]:
        self._record = {
            "run": name,
            "started_at": utc_now(),
            "params": {},
            "metrics": {},
            "artifacts": [],
        }
        status = "failed"
        try:
            yield
            status = "finished"
        finally:
            record = self._active()
            record.update(status=status, ended_at=utc_now())
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(record, sort_keys=True, default=str) + "\n")
            self._record = None
            logger.info("run '%s' %s, recorded in %s", name, status, self.path)

    def log_params(self, params: Mapping[str, Any]) -> None:
        self._active()["params"].update(params)

    def log_metrics(self, metrics: Mapping[str, float]) -> None:
        self._active()["metrics"].update(metrics)

    def log_artifact(self, path: Path) -> None:
        self._active()["artifacts"].append(str(path))

    def log_model(self, model: Any, version_dir: Path) -> None:
        self._active()["model"] = {"type": type(model).__name__, "path": str(version_dir)}

    def _active(self) -> dict[str, Any]:
        if self._record is None:
            raise RuntimeError("LocalTracker: log calls must happen inside `with tracker.run()`")
        return self._record
<%#tracking_mlflow%>


class MlflowTracker:
    """Logs params, metrics, the metrics report and the model (mlflow.sklearn) to MLflow."""

    def __init__(self, config: TrackingConfig) -> None:
        import mlflow  # optional at import time: see module docstring
        import mlflow.sklearn

        self._mlflow = mlflow
        mlflow.set_tracking_uri(config.tracking_uri)
        mlflow.set_experiment(config.experiment)

    @contextmanager
    def run(self, name: str) -> Iterator[None]:
        with self._mlflow.start_run(run_name=name):
            yield

    def log_params(self, params: Mapping[str, Any]) -> None:
        self._mlflow.log_params(dict(params))

    def log_metrics(self, metrics: Mapping[str, float]) -> None:
        self._mlflow.log_metrics(dict(metrics))

    def log_artifact(self, path: Path) -> None:
        self._mlflow.log_artifact(str(path))

    def log_model(self, model: Any, version_dir: Path) -> None:
<%#whole_project%>
        self._mlflow.sklearn.log_model(model, name="model")
<%/whole_project%>
<%^whole_project%>
        # Each logged model becomes the next version of this name in the MLflow Model Registry.
        self._mlflow.sklearn.log_model(model, name="model", registered_model_name="<%name%>")
<%/whole_project%>
        self._mlflow.set_tag("registry_version", version_dir.name)
<%/tracking_mlflow%>
<%#tracking_wandb%>


class WandbTracker:
    """Logs params, metrics, the metrics report and the model folder to Weights & Biases."""

    def __init__(self, config: TrackingConfig) -> None:
        import wandb  # optional at import time: see module docstring

        self._wandb = wandb
        self._config = config
        self._run: Any = None

    @contextmanager
    def run(self, name: str) -> Iterator[None]:
        self._run = self._wandb.init(
            project=self._config.project,
            entity=self._config.entity or None,
            mode=self._config.mode,
            name=name,
            job_type="train",
        )
        try:
            yield
        except BaseException:
            self._run.finish(exit_code=1)
            raise
        else:
            self._run.finish()
        finally:
            self._run = None

    def log_params(self, params: Mapping[str, Any]) -> None:
        self._active().config.update(dict(params))

    def log_metrics(self, metrics: Mapping[str, float]) -> None:
        run = self._active()
        run.log(dict(metrics))
        run.summary.update(dict(metrics))

    def log_artifact(self, path: Path) -> None:
        artifact = self._wandb.Artifact(name=path.stem, type="report")
        artifact.add_file(str(path))
        self._active().log_artifact(artifact)

    def log_model(self, model: Any, version_dir: Path) -> None:
        artifact = self._wandb.Artifact(
            name="model", type="model", metadata={"registry_version": version_dir.name}
        )
        artifact.add_dir(str(version_dir))
        self._active().log_artifact(artifact)

    def _active(self) -> Any:
        if self._run is None:
            raise RuntimeError("WandbTracker: log calls must happen inside `with tracker.run()`")
        return self._run
<%/tracking_wandb%>


def create_tracker(config: TrackingConfig) -> Tracker:
    """The tracker configured in tracking.yaml<%^tracking_none%>, or LocalTracker when its library is missing<%/tracking_none%>."""
<%#tracking_mlflow%>
    if config.backend == "mlflow":
        try:
            return MlflowTracker(config)
        except ImportError:
            logger.warning(
                "mlflow is not installed: this run is recorded in %s instead "
                "(pip install -r requirements.txt to track it in MLflow)",
                config.local_dir / LOCAL_RUNS_FILE,
            )
<%/tracking_mlflow%>
<%#tracking_wandb%>
    if config.backend == "wandb":
        try:
            return WandbTracker(config)
        except ImportError:
            logger.warning(
                "wandb is not installed: this run is recorded in %s instead "
                "(pip install -r requirements.txt to track it in Weights & Biases)",
                config.local_dir / LOCAL_RUNS_FILE,
            )
<%/tracking_wandb%>
    return LocalTracker(config.local_dir)
