"""Request and response bodies of the API (written by `mlfolio add api`).

A request is a list of rows, each the model's input values in training order. Give the fields
names of their own once the model's inputs are settled.
"""

from typing import Union

from pydantic import BaseModel, Field


class PredictRequest(BaseModel):
    rows: list[list[float]] = Field(..., description="One list of input values per prediction")


class PredictResponse(BaseModel):
    predictions: list[Union[float, int, str]] = Field(..., description="One prediction per row")


class HealthResponse(BaseModel):
    status: str
    model: str
