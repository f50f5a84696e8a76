"""Data ingestion: fetch the dataset (file or URL), verify its checksum, validate its schema."""

import hashlib
import logging
import shutil
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pandas as pd

from .config import DataConfig

logger = logging.getLogger(__name__)

ALLOWED_URL_SCHEMES = ("http", "https", "file")
DOWNLOAD_TIMEOUT_SECONDS = 60.0
<%#task_classification%>
MIN_ROWS_PER_CLASS = 2  # a stratified split needs at least two rows of every class
<%/task_classification%>


class DataValidationError(ValueError):
    """The dataset is missing, unreadable, or does not match the schema in the config."""


class ChecksumMismatchError(DataValidationError):
    """The dataset's bytes differ from the sha256 recorded in the config."""


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def download(url: str, destination: Path, timeout: float = DOWNLOAD_TIMEOUT_SECONDS) -> Path:
    """Download `url` to `destination` atomically (a partial file never replaces a good one)."""
    scheme = urllib.parse.urlparse(url).scheme
    if scheme not in ALLOWED_URL_SCHEMES:
        raise DataValidationError(
            f"data.url has unsupported scheme '{scheme}': "
            f"use one of {', '.join(ALLOWED_URL_SCHEMES)}"
        )
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, partial.open("wb") as out:
            shutil.copyfileobj(response, out)
    except (urllib.error.URLError, OSError) as error:
        partial.unlink(missing_ok=True)
        raise DataValidationError(f"could not download {url}: {error}") from error
    partial.replace(destination)
    logger.info("downloaded %s to %s", url, destination)
    return destination


def verify_checksum(path: Path, expected: str) -> None:
    """Raise ChecksumMismatchError when the file is not the one the config describes."""
    if not expected:
        logger.warning("data.sha256 is empty: %s is used without verifying its content", path)
        return
    actual = sha256_file(path)
    if actual != expected.lower():
        raise ChecksumMismatchError(
            f"{path} has sha256 {actual}, but data.sha256 in the config says {expected}. "
            "If you replaced the data on purpose, put the new value in data.sha256."
        )


def fetch(config: DataConfig, *, force: bool = False) -> Path:
    """Make sure the dataset is on disk (downloading data.url if needed) and is the right one."""
    if config.url and (force or not config.path.exists()):
        download(config.url, config.path)
    if not config.path.is_file():
        raise DataValidationError(
            f"dataset not found at {config.path}: put the file there or set data.url in the config"
        )
    verify_checksum(config.path, config.sha256)
    return config.path


def validate(frame: pd.DataFrame, config: DataConfig) -> None:
    """Check the columns, types and size against the config; report every problem at once."""
    problems: list[str] = []
    missing = [
        column for column in (*config.feature_columns, config.target) if column not in frame.columns
    ]
    if missing:
        found = ", ".join(map(str, frame.columns))
        problems.append(f"missing columns: {', '.join(missing)} (found: {found})")
<%#task_text_classification%>
    text = config.text_column
    if text in frame.columns:
        not_text = int((~frame[text].map(lambda value: isinstance(value, str))).sum())
        if not_text:
            problems.append(f"column '{text}' has {not_text} values that are not text")
        elif (frame[text].str.strip() == "").any():
            problems.append(f"column '{text}' has empty texts")
<%/task_text_classification%>
<%^task_text_classification%>
    for column in config.numeric_features:
        if column in frame.columns and not pd.api.types.is_numeric_dtype(frame[column]):
            problems.append(f"column '{column}' must be numeric, found {frame[column].dtype}")
<%/task_text_classification%>
    if config.target in frame.columns:
        target = frame[config.target]
        if target.isna().any():
            problems.append(f"target '{config.target}' has {int(target.isna().sum())} empty values")
<%#task_classification%>
        counts = target.value_counts()
        if len(counts) < 2:
            problems.append(f"target '{config.target}' needs at least two classes")
        elif counts.min() < MIN_ROWS_PER_CLASS:
            rare = ", ".join(str(label) for label in counts[counts < MIN_ROWS_PER_CLASS].index)
            problems.append(f"classes with fewer than {MIN_ROWS_PER_CLASS} rows: {rare}")
<%/task_classification%>
<%#task_regression%>
        if not pd.api.types.is_numeric_dtype(target):
            problems.append(f"target '{config.target}' must be numeric, found {target.dtype}")
<%/task_regression%>
    if len(frame) < config.min_rows:
        problems.append(f"{len(frame)} rows, fewer than data.min_rows = {config.min_rows}")
    if problems:
        raise DataValidationError(
            f"{config.path} does not match the schema in the config:\n  - "
            + "\n  - ".join(problems)
        )


def read_csv(path: Path) -> pd.DataFrame:
    """Read a CSV file, turning parser failures into DataValidationError."""
    try:
        return pd.read_csv(path)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise DataValidationError(f"cannot read {path} as CSV: {error}") from error


def load_dataset(config: DataConfig) -> pd.DataFrame:
    """Fetch, verify and validate the dataset described by the config."""
    frame = read_csv(fetch(config))
    validate(frame, config)
    logger.info("loaded %d rows x %d columns from %s", len(frame), frame.shape[1], config.path)
    return frame


def split_features_target(
    frame: pd.DataFrame, config: DataConfig
) -> tuple[pd.DataFrame, pd.Series]:
    """The model inputs (in config order) and the target."""
    features = frame.loc[:, list(config.feature_columns)]
<%#task_classification%>
    return features, frame[config.target].astype(str)
<%/task_classification%>
<%#task_regression%>
    return features, frame[config.target].astype(float)
<%/task_regression%>
