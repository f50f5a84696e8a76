import json
import re

from <%package%>.config import Config
from <%package%>.evaluate import (
    PRIMARY_METRIC,
    is_better,
)
from <%package%>.registry import (
    METADATA_FILE,
    MODEL_FILE,
    ModelRegistry,
)
from <%package%>.report import (
    RESULTS_END,
    RESULTS_START,
)
from <%package%>.train import TrainingResult, train

<%#task_classification%>
EXPECTED_METRICS = {"accuracy", "precision", "recall", "f1", "roc_auc"}
<%/task_classification%>
<%#task_regression%>
EXPECTED_METRICS = {"rmse", "mae", "r2"}
<%/task_regression%>


def test_model_beats_the_baseline_on_held_out_data(trained: tuple[Config, TrainingResult]) -> None:
    _, result = trained
    assert result.beats_baseline
    model_score = result.model_metrics[PRIMARY_METRIC]
    assert is_better(model_score, result.baseline_metrics[PRIMARY_METRIC])
<%#task_classification%>
    assert result.model_metrics["f1"] - result.baseline_metrics["f1"] > 0.2
<%/task_classification%>
<%#task_regression%>
    assert result.model_metrics["rmse"] < 0.7 * result.baseline_metrics["rmse"]
<%/task_regression%>


def test_metrics_file_reports_model_and_baseline(trained: tuple[Config, TrainingResult]) -> None:
    _, result = trained
    report = json.loads(result.metrics_path.read_text())
    assert report["primary_metric"] == PRIMARY_METRIC
    assert set(report["model"]) == EXPECTED_METRICS
    assert set(report["baseline"]) == EXPECTED_METRICS
    assert report["beats_baseline"] is True
    assert report["model_version"] == "v0001"


def test_first_model_is_registered_and_promoted(trained: tuple[Config, TrainingResult]) -> None:
    config, result = trained
    assert result.promoted
    folder = config.paths.models_dir / "v0001"
    assert (folder / MODEL_FILE).is_file()
    metadata = json.loads((folder / METADATA_FILE).read_text())
    assert metadata["data_sha256"] == config.data.sha256
    production = ModelRegistry(config.paths.models_dir).production()
    assert production is not None and production.version == "v0001"


def test_readme_results_table_is_filled(trained: tuple[Config, TrainingResult]) -> None:
    config, _ = trained
    text = config.paths.readme.read_text()
    table = text[text.index(RESULTS_START) : text.index(RESULTS_END)]
    assert "| Model |" in table
    assert re.search(r"\| \d+\.\d{3} \|", table)


def test_local_tracker_recorded_the_run(trained: tuple[Config, TrainingResult]) -> None:
    config, _ = trained
    runs = (config.tracking.local_dir / "runs.jsonl").read_text().splitlines()
    record = json.loads(runs[-1])
    assert record["status"] == "finished"
    assert f"model_{PRIMARY_METRIC}" in record["metrics"]


def test_training_is_reproducible_and_ties_are_not_promoted(config: Config) -> None:
    first = train(config)
    second = train(config)
    assert first.model_metrics == second.model_metrics
    assert (first.version.version, second.version.version) == ("v0001", "v0002")
    assert first.promoted and not second.promoted
