"""Request and response bodies of the API.

PLACEHOLDER fields: they match the sample dataset (data/delivery_times_sample.csv). When you
replace the data, give PredictRequest one field per input column of configs/config.yaml.
"""

from typing import Literal

from pydantic import BaseModel, Field


class PredictRequest(BaseModel):
    """One delivery order, described by the model's input columns."""

    distance_km: float = Field(..., ge=0, le=500, description="Route distance", examples=[4.2])
    items: int = Field(..., ge=1, le=500, description="Items in the order", examples=[3])
    hour_of_day: int = Field(..., ge=0, le=23, description="Hour of the order", examples=[18])
    weather: Literal["clear", "rain", "snow"] = Field(..., examples=["rain"])
    zone: Literal["city_center", "suburb", "outskirts"] = Field(..., examples=["suburb"])
    courier_experience_months: int = Field(
        ..., ge=0, description="Courier's months on the job", examples=[14]
    )


class PredictResponse(BaseModel):
    prediction: float = Field(..., description="Predicted delivery time in minutes")
    version: str = Field(..., description="Registry version of the model that answered")


class HealthResponse(BaseModel):
    status: str
    version: str


class ModelInfoResponse(BaseModel):
    version: str
    task: str
    estimator: str
    created_at: str
    primary_metric: str
    metrics: dict[str, float]
    baseline_metrics: dict[str, float]
    features: list[str]
    data_sha256: str
