import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from <%package%>.api.app import (
    ModelService,
    app,
    get_service,
)
from <%package%>.config import Config
from <%package%>.registry import ModelNotFoundError
from <%package%>.train import TrainingResult

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "predict_request.json"


@pytest.fixture
def client(trained: tuple[Config, TrainingResult]) -> Iterator[TestClient]:
    config, _ = trained
    service = ModelService.from_config(config)
    app.dependency_overrides[get_service] = lambda: service
    yield TestClient(app)
    app.dependency_overrides.clear()


@pytest.fixture
def example() -> dict[str, Any]:
    return dict(json.loads(EXAMPLE.read_text()))


def test_health_reports_the_loaded_model(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": "v0001"}


def test_predict_returns_a_prediction(client: TestClient, example: dict[str, Any]) -> None:
    response = client.post("/predict", json=example)
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "v0001"
<%#task_classification%>
    assert isinstance(body["prediction"], str)
    assert body["prediction"] in body["probabilities"]
<%/task_classification%>
<%#task_regression%>
    assert isinstance(body["prediction"], float)
<%/task_regression%>


def test_missing_field_is_a_422(client: TestClient, example: dict[str, Any]) -> None:
    field = next(iter(example))
    response = client.post("/predict", json={k: v for k, v in example.items() if k != field})
    assert response.status_code == 422
    assert field in response.text


<%#task_tabular_classification%>
@pytest.mark.parametrize(
    "change",
    [{"tenure_months": "a year"}, {"monthly_charges": -5}, {"contract_type": "lifetime"}],
)
<%/task_tabular_classification%>
<%#task_text_classification%>
@pytest.mark.parametrize("change", [{"text": ""}, {"text": None}, {"text": ["a", "list"]}])
<%/task_text_classification%>
<%#task_regression%>
@pytest.mark.parametrize(
    "change", [{"distance_km": "far"}, {"hour_of_day": 25}, {"weather": "hail"}]
)
<%/task_regression%>
def test_invalid_values_are_a_422(
    client: TestClient, example: dict[str, Any], change: dict[str, Any]
) -> None:
    response = client.post("/predict", json={**example, **change})
    assert response.status_code == 422


def test_model_info_describes_the_production_model(client: TestClient) -> None:
    response = client.get("/model-info")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "v0001"
    assert body["primary_metric"] in body["metrics"]
    assert body["metrics"].keys() == body["baseline_metrics"].keys()


def test_metrics_export_drift_after_enough_requests(
    client: TestClient, example: dict[str, Any]
) -> None:
    for _ in range(40):  # more than monitoring.min_samples
        assert client.post("/predict", json=example).status_code == 200
    response = client.get("/metrics")
    assert response.status_code == 200
    assert "model_predictions_total" in response.text
    assert 'model_feature_drift_psi{feature="' in response.text


def test_without_a_model_health_is_503(client: TestClient) -> None:
    def no_model() -> ModelService:
        raise ModelNotFoundError("no production model in models: run `make train` first")

    app.dependency_overrides[get_service] = no_model
    response = client.get("/health")
    assert response.status_code == 503
    assert "make train" in response.json()["detail"]
