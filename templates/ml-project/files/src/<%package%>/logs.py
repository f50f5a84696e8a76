"""Logging set up once, by the entry points (pipeline CLI and API)."""

import logging
import os

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_HANDLER_NAME = "<%package%>"


def configure_logging(level: str | None = None) -> None:
    """Attach one stream handler to the root logger; later calls only change the level.

    The level comes from the argument, else APP_LOG_LEVEL, else INFO.
    """
    chosen = (level or os.environ.get("APP_LOG_LEVEL") or "INFO").upper()
    root = logging.getLogger()
    if not any(handler.get_name() == _HANDLER_NAME for handler in root.handlers):
        handler = logging.StreamHandler()
        handler.set_name(_HANDLER_NAME)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
    root.setLevel(chosen)
