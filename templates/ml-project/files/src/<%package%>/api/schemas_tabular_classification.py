"""Request and response bodies of the API.

PLACEHOLDER fields: they match the sample dataset (data/customer_churn_sample.csv). When you
replace the data, give PredictRequest one field per input column of configs/config.yaml.
"""

from typing import Literal

from pydantic import BaseModel, Field


class PredictRequest(BaseModel):
    """One customer, described by the model's input columns."""

    tenure_months: int = Field(
        ..., ge=0, le=1200, description="Months since sign-up", examples=[12]
    )
    monthly_charges: float = Field(..., ge=0, description="Current monthly bill", examples=[70.5])
    support_calls_90d: int = Field(
        ..., ge=0, description="Support calls in the last 90 days", examples=[2]
    )
    contract_type: Literal["monthly", "annual", "two_year"] = Field(..., examples=["monthly"])
    payment_method: Literal["card", "bank_transfer", "invoice"] = Field(..., examples=["card"])


class PredictResponse(BaseModel):
    prediction: str = Field(..., description="Predicted class")
    probabilities: dict[str, float] = Field(..., description="Probability of every class")
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
