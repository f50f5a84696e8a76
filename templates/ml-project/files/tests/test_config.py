from pathlib import Path

import pytest

from <%package%>.config import (
    ConfigError,
    apply_env_overrides,
    load_config,
)

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "configs" / "config.yaml"


def test_shipped_config_loads_with_typed_values() -> None:
    config = load_config(CONFIG, root=ROOT, environ={})
    assert isinstance(config.seed, int)
    assert config.data.path == ROOT / "data" / config.data.path.name
    assert config.data.path.is_file()
    assert 0 < config.split.test_size < 1
    assert config.paths.models_dir == ROOT / "models"


def test_environment_overrides_nested_settings_with_yaml_types() -> None:
    environ = {"APP_SEED": "7", "APP_DATA_MIN_ROWS": "150", "APP_TRACKING_BACKEND": "local"}
    config = load_config(CONFIG, root=ROOT, environ=environ)
    assert config.seed == 7
    assert config.data.min_rows == 150
    assert config.tracking.backend == "local"


def test_override_reaches_model_params() -> None:
    raw = {"model": {"params": {"max_depth": 2}}}
    assert apply_env_overrides(raw, {"APP_MODEL_PARAMS_MAX_DEPTH": "5"}) == {
        "model": {"params": {"max_depth": 5}}
    }


def test_wrong_type_names_the_setting() -> None:
    with pytest.raises(ConfigError, match="'seed' must be int"):
        load_config(CONFIG, root=ROOT, environ={"APP_SEED": "forty-two"})


def test_unknown_tracking_backend_is_rejected() -> None:
    with pytest.raises(ConfigError, match="backend must be one of"):
        load_config(CONFIG, root=ROOT, environ={"APP_TRACKING_BACKEND": "spreadsheet"})


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "absent.yaml", environ={})
