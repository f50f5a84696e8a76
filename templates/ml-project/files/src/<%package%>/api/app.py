"""FastAPI service: /health, /predict, /model-info and Prometheus /metrics.

`make serve` runs it with uvicorn. The model is loaded on first use from the registry named in
the config (APP_CONFIG, default configs/config.yaml).
"""

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from .. import __version__
from ..config import DEFAULT_CONFIG, Config, load_config
from ..features import monitored_features
from ..logs import configure_logging
from ..monitoring import PREDICTION_LATENCY, PREDICTIONS, DriftMonitor
from ..predict import Prediction, Predictor
from ..registry import ModelNotFoundError
from .schemas import HealthResponse, ModelInfoResponse, PredictRequest, PredictResponse

logger = logging.getLogger(__name__)


class ModelService:
    """The production model and its drift monitor, shared by all requests."""

    def __init__(self, predictor: Predictor, monitor: DriftMonitor, config: Config) -> None:
        self.predictor = predictor
        self.monitor = monitor
        self.config = config

    @classmethod
    def from_config(cls, config: Config) -> "ModelService":
        predictor = Predictor.from_registry(config.paths.models_dir)
        monitor = DriftMonitor(
            predictor.version.load_reference(),
            window_size=config.monitoring.window_size,
            min_samples=config.monitoring.min_samples,
            psi_alert=config.monitoring.psi_alert,
        )
        return cls(predictor, monitor, config)

    @property
    def version(self) -> str:
        return self.predictor.version.version

    def predict(self, record: dict[str, Any]) -> Prediction:
        frame = pd.DataFrame([record])
        with PREDICTION_LATENCY.time():
            prediction = self.predictor.predict(frame)[0]
        PREDICTIONS.labels(version=self.version).inc()
        self.monitor.observe(monitored_features(frame, self.config.data))
        return prediction


@lru_cache(maxsize=1)
def get_service() -> ModelService:
    """Load the production model once per process (tests override this dependency)."""
    configure_logging()
    config = load_config(Path(os.environ.get("APP_CONFIG", str(DEFAULT_CONFIG))))
    service = ModelService.from_config(config)
    logger.info("serving model %s", service.version)
    return service


app = FastAPI(
    title="<%title%>",
    version=__version__,
    description="Predictions from the production model, with health, model and drift metrics.",
)


@app.exception_handler(ModelNotFoundError)
async def model_not_found(request: Request, error: ModelNotFoundError) -> JSONResponse:
    return JSONResponse(status_code=503, content={"detail": str(error)})


@app.get("/health", response_model=HealthResponse)
def health(service: ModelService = Depends(get_service)) -> HealthResponse:
    """200 when a model is loaded and ready; 503 when there is none yet."""
    return HealthResponse(status="ok", version=service.version)


@app.post("/predict", response_model=PredictResponse)
def predict(
    request: PredictRequest, service: ModelService = Depends(get_service)
) -> PredictResponse:
    record = {column: getattr(request, column) for column in service.predictor.feature_columns}
    prediction = service.predict(record)
    return PredictResponse(
        prediction=prediction.prediction,
<%#task_classification%>
        probabilities=prediction.probabilities,
<%/task_classification%>
        version=service.version,
    )


@app.get("/model-info", response_model=ModelInfoResponse)
def model_info(service: ModelService = Depends(get_service)) -> ModelInfoResponse:
    metadata = service.predictor.version.metadata
    return ModelInfoResponse(
        version=service.version,
        task=metadata["task"],
        estimator=metadata["model_name"],
        created_at=metadata["created_at"],
        primary_metric=metadata["primary_metric"],
        metrics=metadata["metrics"],
        baseline_metrics=metadata["baseline_metrics"],
        features=metadata["features"],
        data_sha256=metadata["data_sha256"],
    )


@app.get("/metrics")
def metrics() -> Response:
    """Prometheus metrics: request counts and latency, and input drift (PSI, KS p-value)."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
