import numpy as np
import pandas as pd
import pytest
from prometheus_client import REGISTRY

<%#whole_project%>
from <%package%>.config import Config
from <%package%>.features import monitored_features
<%/whole_project%>
from <%module_prefix%>monitoring import (
    DriftMonitor,
    FeatureReference,
    build_reference,
    detect_drift,
    population_stability_index,
)


<%#whole_project%>
@pytest.fixture
def monitored(dataset: pd.DataFrame, config: Config) -> pd.DataFrame:
    return monitored_features(dataset, config.data)
<%/whole_project%>
<%^whole_project%>
@pytest.fixture
def monitored() -> pd.DataFrame:
    """Stand-in inputs (written by `mlfolio add monitoring`): use a sample of your own features."""
    rng = np.random.default_rng(0)
    return pd.DataFrame({"amount": rng.gamma(2.0, 30.0, 600), "age": rng.normal(40.0, 12.0, 600)})
<%/whole_project%>


def test_reference_bins_cover_the_training_data(monitored: pd.DataFrame) -> None:
    references = build_reference(monitored, bins=10, seed=0)
    assert set(references) == set(monitored.columns)
    for raw in references.values():
        reference = FeatureReference.from_dict(raw)
        assert len(reference.fractions) == len(reference.edges) + 1
        assert sum(reference.fractions) == pytest.approx(1.0)


def test_psi_is_near_zero_for_the_same_distribution() -> None:
    rng = np.random.default_rng(0)
    training = pd.DataFrame({"x": rng.normal(0, 1, 2000)})
    reference = FeatureReference.from_dict(build_reference(training, bins=10, seed=0)["x"])
    assert population_stability_index(reference, rng.normal(0, 1, 2000)) < 0.05
    assert population_stability_index(reference, rng.normal(1.5, 1, 2000)) > 0.5


def test_shifted_inputs_are_flagged_as_drift(monitored: pd.DataFrame) -> None:
    raw = build_reference(monitored, bins=10, seed=0)
    references = {name: FeatureReference.from_dict(value) for name, value in raw.items()}
    unchanged = detect_drift(references, monitored.sample(frac=0.5, random_state=1), 0.2)
    assert not any(result.drifted for result in unchanged)
    shifted = detect_drift(references, monitored * 3 + 10, 0.2)
    assert all(result.drifted for result in shifted)
    assert all(result.ks_pvalue < 0.01 for result in shifted)


def test_monitor_exports_gauges_once_the_window_is_full(monitored: pd.DataFrame) -> None:
    monitor = DriftMonitor(
        build_reference(monitored, bins=10, seed=0), window_size=50, min_samples=20, psi_alert=0.2
    )
    assert monitor.observe(monitored.head(10)) == []
    results = monitor.observe((monitored * 3 + 10).head(40))
    assert results and all(result.drifted for result in results)
    feature = results[0].feature
    value = REGISTRY.get_sample_value("model_feature_drift_psi", {"feature": feature})
    assert value == pytest.approx(results[0].psi)
    assert REGISTRY.get_sample_value("model_feature_drift_detected", {"feature": feature}) == 1.0
