from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from <%package%>.config import Config
from <%package%>.data import (
    ChecksumMismatchError,
    DataValidationError,
    fetch,
    load_dataset,
    sha256_file,
    split_features_target,
    validate,
)


def test_sample_dataset_matches_schema_and_checksum(config: Config) -> None:
    frame = load_dataset(config.data)
    assert len(frame) >= config.data.min_rows
    assert sha256_file(config.data.path) == config.data.sha256


def test_features_and_target_are_split_in_order(dataset: pd.DataFrame, config: Config) -> None:
    features, target = split_features_target(dataset, config.data)
    assert list(features.columns) == list(config.data.feature_columns)
    assert len(target) == len(features)


def test_changed_file_fails_the_checksum(config: Config, tmp_path: Path) -> None:
    changed = tmp_path / "changed.csv"
    changed.write_bytes(config.data.path.read_bytes() + b"\n")
    with pytest.raises(ChecksumMismatchError, match="data.sha256"):
        fetch(replace(config.data, path=changed))


def test_dataset_is_downloaded_from_a_url(config: Config, tmp_path: Path) -> None:
    target = tmp_path / "downloaded" / "data.csv"
    data = replace(config.data, path=target, url=config.data.path.resolve().as_uri())
    assert fetch(data) == target
    assert sha256_file(target) == config.data.sha256


def test_unsupported_url_scheme_is_refused(config: Config, tmp_path: Path) -> None:
    data = replace(config.data, path=tmp_path / "data.csv", url="ftp://example.org/data.csv")
    with pytest.raises(DataValidationError, match="unsupported scheme 'ftp'"):
        fetch(data)


def test_missing_file_is_reported(config: Config, tmp_path: Path) -> None:
    with pytest.raises(DataValidationError, match="dataset not found"):
        fetch(replace(config.data, path=tmp_path / "absent.csv"))


def test_missing_column_is_named(dataset: pd.DataFrame, config: Config) -> None:
    column = config.data.feature_columns[0]
    with pytest.raises(DataValidationError, match=f"missing columns: {column}"):
        validate(dataset.drop(columns=[column]), config.data)


<%#task_text_classification%>
def test_non_text_values_are_rejected(dataset: pd.DataFrame, config: Config) -> None:
    broken = dataset.copy()
    broken[config.data.text_column] = broken[config.data.text_column].astype(object)
    broken.loc[broken.index[0], config.data.text_column] = 42
    with pytest.raises(DataValidationError, match="not text"):
        validate(broken, config.data)
<%/task_text_classification%>
<%^task_text_classification%>
def test_non_numeric_column_is_rejected(dataset: pd.DataFrame, config: Config) -> None:
    column = config.data.numeric_features[0]
    broken = dataset.astype({column: str})
    with pytest.raises(DataValidationError, match=f"'{column}' must be numeric"):
        validate(broken, config.data)
<%/task_text_classification%>


<%#task_classification%>
def test_single_class_target_is_rejected(dataset: pd.DataFrame, config: Config) -> None:
    broken = dataset.assign(**{config.data.target: "only_class"})
    with pytest.raises(DataValidationError, match="at least two classes"):
        validate(broken, config.data)
<%/task_classification%>
<%#task_regression%>
def test_non_numeric_target_is_rejected(dataset: pd.DataFrame, config: Config) -> None:
    broken = dataset.astype({config.data.target: str})
    with pytest.raises(DataValidationError, match="must be numeric"):
        validate(broken, config.data)
<%/task_regression%>


def test_too_few_rows_is_rejected(dataset: pd.DataFrame, config: Config) -> None:
    with pytest.raises(DataValidationError, match="fewer than data.min_rows"):
        validate(dataset.head(10), config.data)
