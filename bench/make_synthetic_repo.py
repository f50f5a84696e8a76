"""Writes the synthetic repository of the `mlfolio check` benchmark.

    make_synthetic_repo.py DEST

20,000 files: 2,000 Python modules in a package, 50 notebooks of about 3 MB each (outputs with
base64 images), a long README, and data, config and text files for the rest. Deterministic.
"""

import base64
import json
import pathlib
import random
import sys

TOTAL_FILES = 20_000
MODULES = 2_000
NOTEBOOKS = 50
NOTEBOOK_IMAGE_BYTES = 3 * 1024 * 1024 * 3 // 4  # base64 grows by 4/3: about 3 MB of JSON


def module_source(index: int) -> str:
    lines = [f'"""Module {index} of the synthetic benchmark package."""', "", "import logging", ""]
    lines.append("logger = logging.getLogger(__name__)")
    for function in range(8):
        lines += [
            "",
            "",
            f"def step_{index}_{function}(values: list[float], scale: float = 1.0) -> list[float]:",
            f'    """Scales the values (step {function})."""',
            "    try:",
            "        return [value * scale for value in values]",
            "    except TypeError as error:",
            '        logger.error("bad input: %s", error)',
            "        raise",
        ]
    return "\n".join(lines) + "\n"


def notebook(index: int, rng: random.Random) -> str:
    image = base64.b64encode(rng.randbytes(NOTEBOOK_IMAGE_BYTES)).decode()
    cells = []
    for cell in range(20):
        cells.append({"cell_type": "markdown", "metadata": {}, "source": [f"## Step {cell}\n", "Some notes.\n"]})
        cells.append({
            "cell_type": "code",
            "execution_count": cell + 1,
            "metadata": {},
            "source": ["import pandas as pd\n", f"frame = pd.read_csv('data/part_{cell}.csv')\n", "frame.describe()\n"],
            "outputs": [{"output_type": "stream", "name": "stdout", "text": ["rows: 1000\n"] * 5}],
        })
    cells[-1]["outputs"].append({"output_type": "display_data", "metadata": {},
                                 "data": {"image/png": image, "text/plain": ["<Figure>"]}})
    return json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3", "language": "python"}},
                       "nbformat": 4, "nbformat_minor": 5}, indent=1)


def readme() -> str:
    parts = ["# Synthetic benchmark project", "", "A large repository to time `mlfolio check` on.", ""]
    for section in range(400):
        parts += [f"## Section {section}", "", "Text of the section. " * 20, "", "```bash", "make train", "```", ""]
        parts += ["| metric | value |", "|---|---|", f"| F1 | 0.{section:03d} |", ""]
    return "\n".join(parts)


def main() -> None:
    dest = pathlib.Path(sys.argv[1])
    rng = random.Random(42)
    package = dest / "src" / "bench"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('"""Synthetic benchmark package."""\n')
    written = 1
    for index in range(MODULES - 1):
        folder = package / f"part{index // 100:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"module_{index:04d}.py").write_text(module_source(index))
        written += 1
    notebooks = dest / "notebooks"
    notebooks.mkdir()
    for index in range(NOTEBOOKS):
        (notebooks / f"analysis_{index:02d}.ipynb").write_text(notebook(index, rng))
        written += 1
    (dest / "README.md").write_text(readme())
    (dest / "pyproject.toml").write_text('[project]\nname = "bench"\nversion = "0.1.0"\ndependencies = ["pandas==2.2.2"]\n')
    (dest / ".gitignore").write_text("__pycache__/\n.venv/\n*.ckpt\n.env\n.ipynb_checkpoints/\n")
    written += 3
    data = dest / "data"
    data.mkdir()
    index = 0
    while written < TOTAL_FILES:
        folder = data / f"shard{index // 500:02d}"
        folder.mkdir(exist_ok=True)
        suffix = (".csv", ".json", ".txt", ".yaml")[index % 4]
        (folder / f"item_{index:05d}{suffix}").write_text(f"id,value\n{index},{rng.random():.6f}\n")
        index += 1
        written += 1


if __name__ == "__main__":
    main()
