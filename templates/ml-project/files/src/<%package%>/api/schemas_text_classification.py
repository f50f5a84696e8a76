"""Request and response bodies of the API.

PLACEHOLDER fields: they match the sample dataset (data/support_tickets_sample.csv). When you
replace the data, keep this field's name equal to data.text_column in configs/config.yaml.
"""

from pydantic import BaseModel, Field


class PredictRequest(BaseModel):
    """One support ticket."""

    text: str = Field(
        ...,
        min_length=1,
        max_length=10000,
        description="The ticket text",
        examples=["The app crashes when I open settings. Please help."],
    )


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
