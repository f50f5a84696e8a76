"""A model registry on disk: one folder per version, and a pointer to the production version.

models/
  registry.json        {"production": "v0002", "history": [...promotions...]}
  v0001/model.joblib   the fitted pipeline
  v0001/metadata.json  metrics, baseline metrics, parameters, data checksum, library versions
  v0001/reference.json training distribution of the monitored features (for drift detection)
"""

import json
import logging
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import joblib

from .evaluate import PRIMARY_METRIC, is_better

logger = logging.getLogger(__name__)

REGISTRY_FILE = "registry.json"
MODEL_FILE = "model.joblib"
METADATA_FILE = "metadata.json"
REFERENCE_FILE = "reference.json"
_VERSION = re.compile(r"^v(\d{4,})$")


class ModelNotFoundError(RuntimeError):
    """No model has been promoted yet, or a version folder is missing."""


def write_json(path: Path, payload: Any) -> None:
    """Write JSON atomically: readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
    ) as handle:
        json.dump(payload, handle, indent=2, sort_keys=True)
        handle.write("\n")
    os.replace(handle.name, path)


def read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@dataclass(frozen=True)
class ModelVersion:
    """One registered model: its folder and its metadata."""

    version: str
    path: Path
    metadata: dict[str, Any]

    @property
    def metrics(self) -> dict[str, float]:
        return dict(self.metadata["metrics"])

    def load_model(self) -> Any:
        return joblib.load(self.path / MODEL_FILE)

    def load_reference(self) -> dict[str, Any]:
        return dict(read_json(self.path / REFERENCE_FILE))


class ModelRegistry:
    """Versioned model artifacts under one folder; promotion only for a better model."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def versions(self) -> list[str]:
        """Registered versions, oldest first."""
        if not self.root.is_dir():
            return []
        found = [p.name for p in self.root.iterdir() if p.is_dir() and _VERSION.match(p.name)]
        return sorted(found, key=lambda name: int(name[1:]))

    def register(
        self, model: Any, metadata: Mapping[str, Any], reference: Mapping[str, Any]
    ) -> ModelVersion:
        """Store a fitted model as the next version (not yet promoted)."""
        existing = self.versions()
        number = int(existing[-1][1:]) + 1 if existing else 1
        version = f"v{number:04d}"
        path = self.root / version
        path.mkdir(parents=True)
        joblib.dump(model, path / MODEL_FILE)
        full_metadata = {**metadata, "version": version}
        write_json(path / REFERENCE_FILE, dict(reference))
        write_json(path / METADATA_FILE, full_metadata)
        logger.info("registered model %s in %s", version, path)
        return ModelVersion(version, path, full_metadata)

    def get(self, version: str) -> ModelVersion:
        path = self.root / version
        if not (path / METADATA_FILE).is_file():
            raise ModelNotFoundError(f"model version {version} not found in {self.root}")
        return ModelVersion(version, path, dict(read_json(path / METADATA_FILE)))

    def production(self) -> ModelVersion | None:
        """The promoted version, or None before the first promotion."""
        state = self._state()
        return self.get(state["production"]) if state.get("production") else None

    def production_or_raise(self) -> ModelVersion:
        current = self.production()
        if current is None:
            raise ModelNotFoundError(f"no production model in {self.root}: run `make train` first")
        return current

    def promote_if_better(self, candidate: ModelVersion) -> bool:
        """Promote `candidate` when it beats its baseline and the production model."""
        score = candidate.metrics[PRIMARY_METRIC]
        if not candidate.metadata.get("beats_baseline", False):
            logger.warning("%s not promoted: it does not beat the baseline", candidate.version)
            return False
        current = self.production()
        if current is not None and not is_better(score, current.metrics[PRIMARY_METRIC]):
            logger.info(
                "%s not promoted: %s %.4f does not improve on production %s (%.4f)",
                candidate.version,
                PRIMARY_METRIC,
                score,
                current.version,
                current.metrics[PRIMARY_METRIC],
            )
            return False
        self.promote(candidate.version)
        return True

    def promote(self, version: str) -> None:
        """Make `version` the production model and record when."""
        self.get(version)  # fails clearly for an unknown version
        state = self._state()
        history = list(state.get("history", []))
        history.append({"version": version, "promoted_at": utc_now()})
        write_json(self.root / REGISTRY_FILE, {"production": version, "history": history})
        logger.info("promoted %s to production", version)

    def _state(self) -> dict[str, Any]:
        path = self.root / REGISTRY_FILE
        return dict(read_json(path)) if path.is_file() else {}


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
