"""Tests of the settings loader (written by `mlfolio add config`)."""

from pathlib import Path

import pytest

from <%module_prefix%>config import DEFAULT_CONFIG, load_config


def test_the_shipped_config_loads() -> None:
    settings = load_config(DEFAULT_CONFIG, environ={})
    assert isinstance(settings["seed"], int)
    assert "model" in settings


def test_environment_variables_override_nested_keys(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("seed: 1\nmodel:\n  params:\n    max_iter: 100\n")
    settings = load_config(path, environ={"APP_SEED": "7", "APP_MODEL_PARAMS_MAX_ITER": "500"})
    assert settings["seed"] == 7
    assert settings["model"]["params"]["max_iter"] == 500


def test_an_unknown_override_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("seed: 1\n")
    with pytest.raises(ValueError, match="APP_SEDE"):
        load_config(path, environ={"APP_SEDE": "7"})
