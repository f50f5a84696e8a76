"""Tracking is local: training must not import any experiment-tracking library."""

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

import pytest

from <%package%>.config import Config
from <%package%>.tracking import (
    LocalTracker,
    create_tracker,
)
from <%package%>.train import train

TRACKING_LIBRARIES = ("mlflow", "wandb", "neptune", "comet_ml", "clearml", "aim")


class RefuseTrackingLibraries(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname.split(".")[0] in TRACKING_LIBRARIES:
            raise AssertionError(f"training imported the tracking library {fullname}")
        return None


def test_training_imports_no_tracking_library(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in list(sys.modules):
        if name.split(".")[0] in TRACKING_LIBRARIES:
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [RefuseTrackingLibraries(), *sys.meta_path])

    tracker = create_tracker(config.tracking)
    assert isinstance(tracker, LocalTracker)
    result = train(config, tracker=tracker)

    assert result.beats_baseline
    assert not [name for name in sys.modules if name.split(".")[0] in TRACKING_LIBRARIES]
    assert (config.tracking.local_dir / "runs.jsonl").is_file()
