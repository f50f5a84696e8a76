"""Puts the project's code on the import path of the tests (written by `mlfolio add tests`)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT<%#layout_src%> / "src"<%/layout_src%>))
