from pathlib import Path

import pytest

from <%package%>.pipeline import (
    COMMANDS,
    build_parser,
    main,
)

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_has_help() -> None:
    help_text = build_parser().format_help()
    for name, (description, _) in COMMANDS.items():
        assert name in help_text and description


def test_data_command_validates_the_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["data"]) == 0


def test_configuration_errors_exit_with_2(tmp_path: Path) -> None:
    assert main(["--config", str(tmp_path / "absent.yaml"), "data"]) == 2
