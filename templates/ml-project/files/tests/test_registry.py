from pathlib import Path

import pytest

from <%package%>.evaluate import (
    HIGHER_IS_BETTER,
    PRIMARY_METRIC,
)
from <%package%>.registry import (
    ModelNotFoundError,
    ModelRegistry,
)


def register(registry: ModelRegistry, score: float, beats_baseline: bool = True) -> str:
    metadata = {"metrics": {PRIMARY_METRIC: score}, "beats_baseline": beats_baseline}
    return registry.register({"stand-in": "model"}, metadata, {}).version


def better(score: float) -> float:
    return score + 0.1 if HIGHER_IS_BETTER else score - 0.1


def worse(score: float) -> float:
    return score - 0.1 if HIGHER_IS_BETTER else score + 0.1


def test_versions_are_numbered_in_order(tmp_path: Path) -> None:
    registry = ModelRegistry(tmp_path)
    assert [register(registry, 0.5) for _ in range(3)] == ["v0001", "v0002", "v0003"]
    assert registry.versions() == ["v0001", "v0002", "v0003"]


def test_only_a_better_model_is_promoted(tmp_path: Path) -> None:
    registry = ModelRegistry(tmp_path)
    first = registry.get(register(registry, 0.5))
    assert registry.promote_if_better(first)
    weaker = registry.get(register(registry, worse(0.5)))
    assert not registry.promote_if_better(weaker)
    improved = registry.get(register(registry, better(0.5)))
    assert registry.promote_if_better(improved)
    production = registry.production()
    assert production is not None and production.version == improved.version


def test_model_that_loses_to_its_baseline_is_not_promoted(tmp_path: Path) -> None:
    registry = ModelRegistry(tmp_path)
    candidate = registry.get(register(registry, 0.5, beats_baseline=False))
    assert not registry.promote_if_better(candidate)
    assert registry.production() is None


def test_empty_registry_says_how_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="make train"):
        ModelRegistry(tmp_path).production_or_raise()
