"""First tests of the project's own code, written by `mlfolio add tests`: extend them.

They import the training code, and load the trained model and ask it for predictions, so a
broken import or a model file that no longer loads fails here before it fails for a user.
"""

<%#model_pickle%>
import pickle
<%/model_pickle%>
from pathlib import Path
from typing import Any

<%#model_joblib%>
import joblib
<%/model_joblib%>
import pytest

import <%test_module%> as project_code

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "<%model_path%>"


def load_model() -> Any:
    if not MODEL.exists():
        pytest.skip(f"no trained model at {MODEL}: train first")
<%#model_joblib%>
    return joblib.load(MODEL)
<%/model_joblib%>
<%#model_pickle%>
    with MODEL.open("rb") as file:
        return pickle.load(file)
<%/model_pickle%>


def test_training_code_imports() -> None:
    assert project_code.__name__ == "<%test_module%>"


def test_model_loads() -> None:
    model = load_model()
    assert hasattr(model, "predict"), f"{MODEL} holds a {type(model).__name__}, which cannot predict"


def test_model_predicts_one_value_per_row() -> None:
    model = load_model()
    width = getattr(model, "n_features_in_", None)
    if width is None:
        pytest.skip("the model does not say how many inputs it takes (n_features_in_)")
    rows = [[0.0] * int(width) for _ in range(3)]
    predictions = model.predict(rows)
    assert len(predictions) == len(rows)
