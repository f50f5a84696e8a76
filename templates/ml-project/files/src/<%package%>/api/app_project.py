"""HTTP API of the trained model: /health, /predict and Prometheus /metrics.

Written by `mlfolio add api`. Serve it with `uvicorn <%api_module%>:app`; the model is loaded
on first use from <%model_path%> (MODEL_PATH overrides it).
"""

import os
<%#model_pickle%>
import pickle
<%/model_pickle%>
from functools import lru_cache
from pathlib import Path
from typing import Any

<%#model_joblib%>
import joblib
<%/model_joblib%>
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest

from .schemas import HealthResponse, PredictRequest, PredictResponse

ROOT = Path(__file__).resolve().parents[<%api_root_depth%>]
MODEL_PATH = Path(os.environ.get("MODEL_PATH", str(ROOT / "<%model_path%>")))

# Named apart from the model_* metrics of monitoring.py, so that both can be imported.
PREDICTIONS = Counter("api_predictions_total", "Predictions served by /predict")
PREDICTION_LATENCY = Histogram("api_prediction_latency_seconds", "Time to answer /predict")


class ModelNotFoundError(RuntimeError):
    pass


@lru_cache(maxsize=1)
def get_model() -> Any:
    """Load the model once per process (tests may override this dependency)."""
    if not MODEL_PATH.exists():
        raise ModelNotFoundError(f"no model at {MODEL_PATH}: train one first")
<%#model_joblib%>
    return joblib.load(MODEL_PATH)
<%/model_joblib%>
<%#model_pickle%>
    with MODEL_PATH.open("rb") as file:
        return pickle.load(file)
<%/model_pickle%>


app = FastAPI(title="<%title%>", description="Predictions from the trained model.")


@app.exception_handler(ModelNotFoundError)
async def model_not_found(request: Request, error: ModelNotFoundError) -> JSONResponse:
    return JSONResponse(status_code=503, content={"detail": str(error)})


@app.get("/health", response_model=HealthResponse)
def health(model: Any = Depends(get_model)) -> HealthResponse:
    """200 once the model is loaded; 503 when there is none."""
    return HealthResponse(status="ok", model=type(model).__name__)


@app.post("/predict", response_model=PredictResponse)
def predict(request: PredictRequest, model: Any = Depends(get_model)) -> PredictResponse:
    if not request.rows:
        raise HTTPException(status_code=422, detail="rows is empty: send at least one row")
    with PREDICTION_LATENCY.time():
        predictions = model.predict(request.rows)
    PREDICTIONS.inc(len(request.rows))
    return PredictResponse(predictions=[value.item() if hasattr(value, "item") else value for value in predictions])


@app.get("/metrics")
def metrics() -> Response:
    """Prometheus metrics: predictions served and their latency."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
