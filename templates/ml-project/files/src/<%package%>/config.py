"""Typed settings read from configs/config.yaml and configs/tracking.yaml.

Every setting in those files can be overridden by an environment variable named APP_ followed
by the setting's path in capitals, for example APP_SEED=7, APP_DATA_URL=https://... or
APP_SPLIT_TEST_SIZE=0.3; tracking.yaml settings use APP_TRACKING_<SETTING>. Values are
parsed as YAML, so numbers and lists keep their types. Relative paths are resolved against the
project root (the working directory).
"""

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

ENV_PREFIX = "APP_"
DEFAULT_CONFIG = Path("configs/config.yaml")
TRACKING_FILE = "tracking.yaml"
<%#tracking_mlflow%>
TRACKING_BACKENDS = ("mlflow", "local")
<%/tracking_mlflow%>
<%#tracking_wandb%>
TRACKING_BACKENDS = ("wandb", "local")
<%/tracking_wandb%>
<%#tracking_none%>
TRACKING_BACKENDS = ("local",)
<%/tracking_none%>

T = TypeVar("T")


class ConfigError(ValueError):
    """A configuration file is missing, malformed, or holds a value of the wrong type."""


@dataclass(frozen=True)
class DataConfig:
    path: Path
    url: str
    sha256: str
    target: str
<%#task_text_classification%>
    text_column: str
<%/task_text_classification%>
<%^task_text_classification%>
    numeric_features: tuple[str, ...]
    categorical_features: tuple[str, ...]
<%/task_text_classification%>
    min_rows: int

    @property
    def feature_columns(self) -> tuple[str, ...]:
        """The input columns of the model, in order."""
<%#task_text_classification%>
        return (self.text_column,)
<%/task_text_classification%>
<%^task_text_classification%>
        return self.numeric_features + self.categorical_features
<%/task_text_classification%>


@dataclass(frozen=True)
class SplitConfig:
    test_size: float


@dataclass(frozen=True)
class ModelConfig:
    name: str
    params: dict[str, Any]


@dataclass(frozen=True)
class PathsConfig:
    models_dir: Path
    reports_dir: Path
    readme: Path


@dataclass(frozen=True)
class MonitoringConfig:
    psi_bins: int
    window_size: int
    min_samples: int
    psi_alert: float


@dataclass(frozen=True)
class TrackingConfig:
    backend: str
    local_dir: Path
<%#tracking_mlflow%>
    experiment: str
    tracking_uri: str
<%/tracking_mlflow%>
<%#tracking_wandb%>
    project: str
    entity: str
    mode: str
<%/tracking_wandb%>


@dataclass(frozen=True)
class Config:
    seed: int
    data: DataConfig
    split: SplitConfig
    model: ModelConfig
    paths: PathsConfig
    monitoring: MonitoringConfig
    tracking: TrackingConfig


def apply_env_overrides(
    raw: Mapping[str, Any], environ: Mapping[str, str], prefix: str = ENV_PREFIX
) -> dict[str, Any]:
    """Return `raw` with every leaf replaced by its environment variable, when one is set."""
    result: dict[str, Any] = {}
    for key, value in raw.items():
        name = f"{prefix}{key.upper()}"
        if isinstance(value, Mapping):
            result[key] = apply_env_overrides(value, environ, name + "_")
        elif name in environ:
            result[key] = yaml.safe_load(environ[name])
        else:
            result[key] = value
    return result


def read_yaml(path: Path) -> dict[str, Any]:
    """Read a YAML mapping, with errors that name the file."""
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ConfigError(f"config file not found: {path}") from error
    except yaml.YAMLError as error:
        raise ConfigError(f"{path} is not valid YAML: {error}") from error
    if not isinstance(loaded, dict):
        raise ConfigError(f"{path} must contain a mapping of settings")
    return loaded


class _Section:
    """Typed access to one mapping of a config file, with messages that say where."""

    def __init__(self, raw: Any, where: str) -> None:
        if not isinstance(raw, Mapping):
            raise ConfigError(f"{where} must be a mapping of settings")
        self._raw: Mapping[str, Any] = raw
        self._where = where

    def get(self, key: str, kind: type[T]) -> T:
        if key not in self._raw:
            raise ConfigError(f"{self._where}: missing setting '{key}'")
        value = self._raw[key]
        if kind is str and value is None:
            value = ""
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ConfigError(
                f"{self._where}: '{key}' must be {kind.__name__}, got {value!r} "
                f"({type(value).__name__})"
            )
        return value

    def path(self, key: str, root: Path) -> Path:
        value = Path(self.get(key, str))
        return value if value.is_absolute() else root / value

    def names(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list)
        if not all(isinstance(value, str) for value in values):
            raise ConfigError(f"{self._where}: '{key}' must be a list of column names")
        return tuple(values)

    def section(self, key: str) -> "_Section":
        return _Section(self.get(key, dict), f"{self._where}.{key}")

    def mapping(self, key: str) -> dict[str, Any]:
        return dict(self.get(key, dict))


def load_config(
    path: Path = DEFAULT_CONFIG,
    *,
    root: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Config:
    """Load config.yaml and the tracking.yaml beside it, apply environment overrides, type-check.

    Raises ConfigError with the file and setting at fault.
    """
    env = os.environ if environ is None else environ
    base = Path.cwd() if root is None else root
    config_path = path if path.is_absolute() else base / path
    top = _Section(apply_env_overrides(read_yaml(config_path), env), str(config_path))
    tracking_path = config_path.parent / TRACKING_FILE
    tracking = _Section(
        apply_env_overrides(read_yaml(tracking_path), env, ENV_PREFIX + "TRACKING_"),
        str(tracking_path),
    )

    data = top.section("data")
    split = top.section("split")
    model = top.section("model")
    paths = top.section("paths")
    monitoring = top.section("monitoring")
    config = Config(
        seed=top.get("seed", int),
        data=DataConfig(
            path=data.path("path", base),
            url=data.get("url", str),
            sha256=data.get("sha256", str),
            target=data.get("target", str),
<%#task_text_classification%>
            text_column=data.get("text_column", str),
<%/task_text_classification%>
<%^task_text_classification%>
            numeric_features=data.names("numeric_features"),
            categorical_features=data.names("categorical_features"),
<%/task_text_classification%>
            min_rows=data.get("min_rows", int),
        ),
        split=SplitConfig(test_size=split.get("test_size", float)),
        model=ModelConfig(name=model.get("name", str), params=model.mapping("params")),
        paths=PathsConfig(
            models_dir=paths.path("models_dir", base),
            reports_dir=paths.path("reports_dir", base),
            readme=paths.path("readme", base),
        ),
        monitoring=MonitoringConfig(
            psi_bins=monitoring.get("psi_bins", int),
            window_size=monitoring.get("window_size", int),
            min_samples=monitoring.get("min_samples", int),
            psi_alert=monitoring.get("psi_alert", float),
        ),
        tracking=TrackingConfig(
            backend=tracking.get("backend", str),
            local_dir=tracking.path("local_dir", base),
<%#tracking_mlflow%>
            experiment=tracking.get("experiment", str),
            tracking_uri=tracking.get("tracking_uri", str),
<%/tracking_mlflow%>
<%#tracking_wandb%>
            project=tracking.get("project", str),
            entity=tracking.get("entity", str),
            mode=tracking.get("mode", str),
<%/tracking_wandb%>
        ),
    )
    _check(config, str(config_path))
    return config


def _check(config: Config, where: str) -> None:
    if not 0.0 < config.split.test_size < 1.0:
        raise ConfigError(f"{where}: split.test_size must be between 0 and 1")
    if config.monitoring.min_samples > config.monitoring.window_size:
        raise ConfigError(f"{where}: monitoring.min_samples must not exceed window_size")
    if config.tracking.backend not in TRACKING_BACKENDS:
        raise ConfigError(
            f"{TRACKING_FILE}: backend must be one of {', '.join(TRACKING_BACKENDS)}, "
            f"got '{config.tracking.backend}'"
        )
