"""Reports: the metrics JSON file and the results table in README.md."""

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .evaluate import METRIC_LABELS
from .registry import write_json

logger = logging.getLogger(__name__)

RESULTS_START = "<!-- results:start -->"
RESULTS_END = "<!-- results:end -->"


def write_metrics(path: Path, report: Mapping[str, Any]) -> Path:
    write_json(path, dict(report))
    logger.info("metrics written to %s", path)
    return path


def results_table(rows: Sequence[tuple[str, Mapping[str, float]]], note: str) -> str:
    """A Markdown table with one row per model and one column per metric, then a note."""
    names = [name for name in METRIC_LABELS if any(name in metrics for _, metrics in rows)]
    lines = [
        "| Model | " + " | ".join(METRIC_LABELS[name] for name in names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for label, metrics in rows:
        cells = [f"{metrics[name]:.3f}" if name in metrics else "n/a" for name in names]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n\n" + note


def update_readme_results(readme: Path, table: str) -> bool:
    """Replace the text between the results markers of the README; False if there are none."""
    if not readme.is_file():
        logger.warning("%s not found: results table not written", readme)
        return False
    text = readme.read_text(encoding="utf-8")
    start = text.find(RESULTS_START)
    end = text.find(RESULTS_END, start + 1)
    if start < 0 or end < 0:
        logger.warning(
            "%s has no %s ... %s markers: results table not written",
            readme,
            RESULTS_START,
            RESULTS_END,
        )
        return False
    updated = text[: start + len(RESULTS_START)] + "\n" + table + "\n" + text[end:]
    if updated != text:
        readme.write_text(updated, encoding="utf-8")
        logger.info("results table updated in %s", readme)
    return True
