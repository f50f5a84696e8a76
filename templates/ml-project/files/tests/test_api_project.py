"""Tests of the HTTP API through FastAPI's TestClient (written by `mlfolio add api`)."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from <%api_module%> import MODEL_PATH, ModelNotFoundError, app, get_model


@pytest.fixture
def client() -> Iterator[TestClient]:
    if not MODEL_PATH.exists():
        pytest.skip(f"no trained model at {MODEL_PATH}: train first")
    yield TestClient(app)
    app.dependency_overrides.clear()


def one_row() -> list[float]:
    width: Any = getattr(get_model(), "n_features_in_", 1)
    return [0.0] * int(width)


def test_health_reports_the_loaded_model(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_predict_returns_one_prediction_per_row(client: TestClient) -> None:
    response = client.post("/predict", json={"rows": [one_row(), one_row()]})
    assert response.status_code == 200
    assert len(response.json()["predictions"]) == 2


def test_invalid_requests_are_a_422(client: TestClient) -> None:
    assert client.post("/predict", json={"rows": []}).status_code == 422
    assert client.post("/predict", json={"rows": [["a", "b"]]}).status_code == 422
    assert client.post("/predict", json={}).status_code == 422


def test_metrics_count_predictions(client: TestClient) -> None:
    client.post("/predict", json={"rows": [one_row()]})
    response = client.get("/metrics")
    assert response.status_code == 200
    assert "api_predictions_total" in response.text


def test_without_a_model_health_is_503(client: TestClient) -> None:
    def no_model() -> Any:
        raise ModelNotFoundError("no model: train one first")

    app.dependency_overrides[get_model] = no_model
    assert client.get("/health").status_code == 503
