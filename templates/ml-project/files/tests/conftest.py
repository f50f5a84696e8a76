"""Shared fixtures: the project's config with every output in a temporary folder."""

import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from <%package%>.config import Config, load_config
from <%package%>.data import load_dataset
from <%package%>.train import TrainingResult, train

ROOT = Path(__file__).resolve().parents[1]


def project_config(tmp: Path) -> Config:
    """configs/config.yaml as shipped (no environment overrides), writing only under `tmp`."""
    config = load_config(ROOT / "configs" / "config.yaml", root=ROOT, environ={})
    readme = tmp / "README.md"
    shutil.copyfile(ROOT / "README.md", readme)
    return replace(
        config,
        paths=replace(
            config.paths, models_dir=tmp / "models", reports_dir=tmp / "reports", readme=readme
        ),
        tracking=replace(config.tracking, backend="local", local_dir=tmp / "runs"),
    )


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return project_config(tmp_path)


@pytest.fixture(scope="session")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Config, TrainingResult]:
    """One training run on the sample data, shared by the tests that only read its results."""
    config = project_config(tmp_path_factory.mktemp("trained"))
    return config, train(config)


@pytest.fixture(scope="session")
def dataset() -> pd.DataFrame:
    return load_dataset(load_config(ROOT / "configs" / "config.yaml", root=ROOT, environ={}).data)
