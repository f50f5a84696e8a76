"""The project's settings: configs/config.yaml, with environment overrides.

Written by `mlfolio add config`. `load_config()` returns the settings as nested dictionaries;
APP_<KEY> overrides a top-level key and APP_<SECTION>_<KEY> a nested one (APP_SEED=7,
APP_MODEL_PARAMS_MAX_ITER=500). Values are read as YAML, so numbers stay numbers.
"""

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[<%module_root_depth%>]
DEFAULT_CONFIG = ROOT / "configs" / "config.yaml"
PREFIX = "APP_"


def _override(settings: dict[str, Any], keys: list[str], value: Any) -> bool:
    """Set the nested key named by `keys` when it exists; the longest matching key wins."""
    for split in range(len(keys), 0, -1):
        key = "_".join(keys[:split])
        if key not in settings:
            continue
        if split == len(keys):
            settings[key] = value
            return True
        if isinstance(settings[key], dict) and _override(settings[key], keys[split:], value):
            return True
    return False


def load_config(path: Path = DEFAULT_CONFIG, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    settings = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(settings, dict):
        raise ValueError(f"{path}: expected a mapping of settings at the top level")
    for name, raw in (os.environ if environ is None else environ).items():
        if name.startswith(PREFIX):
            keys = name[len(PREFIX) :].lower().split("_")
            if not _override(settings, keys, yaml.safe_load(raw)):
                raise ValueError(f"{name}: no setting {name[len(PREFIX):].lower()} in {path}")
    return settings
