"""Command line for the pipeline stages (data, train, evaluate, ...); the Makefile calls it.

The commands come from the COMMANDS table below; list them with
python -m <%package%>.pipeline --help
"""

import argparse
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from .config import DEFAULT_CONFIG, Config, ConfigError, load_config
from .data import (
    DataValidationError,
    fetch,
    load_dataset,
    read_csv,
    sha256_file,
    split_features_target,
)
from .evaluate import compare, compute_metrics
from .features import monitored_features
from .logs import configure_logging
from .monitoring import FeatureReference, detect_drift
from .predict import Predictor
from .registry import ModelNotFoundError, ModelRegistry, write_json
from .train import split_dataset, train

logger = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace, Config], int]


def run_data(args: argparse.Namespace, config: Config) -> int:
    fetch(config.data, force=args.force)
    frame = load_dataset(config.data)
    logger.info("dataset OK: %s (%d rows, checksum verified)", config.data.path, len(frame))
    return 0


def run_checksum(args: argparse.Namespace, config: Config) -> int:
    logger.info("sha256 of %s: %s", config.data.path, sha256_file(config.data.path))
    return 0


def run_train(args: argparse.Namespace, config: Config) -> int:
    result = train(config)
    logger.info(
        "model %s %s; metrics in %s",
        result.version.version,
        "promoted to production" if result.promoted else "registered, not promoted",
        result.metrics_path,
    )
    return 0 if result.beats_baseline else 1


def run_evaluate(args: argparse.Namespace, config: Config) -> int:
    version = ModelRegistry(config.paths.models_dir).production_or_raise()
    frame = load_dataset(config.data)
    _, test_frame = split_dataset(frame, config)
    x_test, y_test = split_features_target(test_frame, config.data)
    metrics = compute_metrics(version.load_model(), x_test, y_test)
    comparison = compare(metrics, version.metadata["baseline_metrics"])
    report = {"model_version": version.version, "model": metrics, **comparison}
    write_json(config.paths.reports_dir / "evaluation.json", report)
    for name, value in metrics.items():
        logger.info("%s %-10s %.4f", version.version, name, value)
    logger.info("beats baseline: %s", comparison["beats_baseline"])
    return 0 if comparison["beats_baseline"] else 1


def run_predict(args: argparse.Namespace, config: Config) -> int:
    predictor = Predictor.from_registry(config.paths.models_dir)
    frame = read_csv(args.input)
    predictions = predictor.predict(frame)
    output = pd.DataFrame([asdict(prediction) for prediction in predictions])
    output.to_csv(args.output, index=False)
    logger.info("%d predictions written to %s", len(output), args.output)
    return 0


def run_drift(args: argparse.Namespace, config: Config) -> int:
    version = ModelRegistry(config.paths.models_dir).production_or_raise()
    references = {
        name: FeatureReference.from_dict(raw) for name, raw in version.load_reference().items()
    }
    live = monitored_features(read_csv(args.input), config.data)
    results = detect_drift(references, live, config.monitoring.psi_alert)
    path = config.paths.reports_dir / "drift.json"
    write_json(path, {"model_version": version.version, "features": [asdict(r) for r in results]})
    for result in results:
        logger.info(
            "%-28s PSI %.3f  KS p-value %.3f%s",
            result.feature,
            result.psi,
            result.ks_pvalue,
            "  DRIFT" if result.drifted else "",
        )
    logger.info("drift report written to %s", path)
    return 1 if any(result.drifted for result in results) else 0


COMMANDS: dict[str, tuple[str, Handler]] = {
    "data": ("fetch (if data.url is set), verify the checksum and validate the dataset", run_data),
    "checksum": ("show the sha256 of the dataset, for data.sha256 in the config", run_checksum),
    "train": ("train baseline and model, evaluate, track, register, update README", run_train),
    "evaluate": ("re-evaluate the production model on the held-out split", run_evaluate),
    "predict": ("predict a CSV file with the production model", run_predict),
    "drift": ("compare a CSV file of inputs with the training distribution", run_drift),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="<%package%>",
        description="<%title%> pipeline",
    )
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="pipeline config")
    parser.add_argument("--log-level", default=None, help="DEBUG, INFO (default), WARNING")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_text, handler) in COMMANDS.items():
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.set_defaults(handler=handler)
        if name == "data":
            command.add_argument("--force", action="store_true", help="download even if present")
        if name in ("predict", "drift"):
            command.add_argument("--input", type=Path, required=True, help="CSV file of inputs")
        if name == "predict":
            command.add_argument("--output", type=Path, default=Path("predictions.csv"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; exit status 0 on success, 1 when a quality gate fails, 2 on errors."""
    args = build_parser().parse_args(argv)
    configure_logging(args.log_level)
    try:
        config = load_config(args.config)
        handler: Handler = args.handler
        return handler(args, config)
    except (ConfigError, DataValidationError, ModelNotFoundError) as error:
        logger.error("%s", error)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
