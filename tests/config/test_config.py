"""The configuration file: settings read, problems reported in one line, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from netui.config import config_path, default_database_path, load_config, load_keymap
from netui.core.model import RefundPolicy


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    """Never read the real user's files: point every platform folder into tmp."""
    monkeypatch.delenv("NETUI_CONFIG", raising=False)
    monkeypatch.delenv("NETUI_DB", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def config_file(monkeypatch, tmp_path) -> Path:
    path = tmp_path / "config.toml"
    monkeypatch.setenv("NETUI_CONFIG", str(path))
    return path


def test_no_file_means_the_defaults_and_no_warning(tmp_path):
    config = load_config()
    assert config.path == tmp_path / "xdg-config/netui/config.toml"
    assert config.database is None
    assert config.theme is None
    assert config.keys == {}
    assert config.refund_policy is RefundPolicy.OPEN_WITHIN_90_DAYS
    assert config.warnings == ()


def test_the_file_in_the_user_config_directory_is_read(tmp_path):
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "nord"\n')
    assert load_config().theme == "nord"


def test_every_setting_is_read(config_file, tmp_path):
    config_file.write_text(
        """
        database = "/data/work.db"
        theme = "nord"
        refund_policy = "Response-Within-90-Days"

        [keys]
        quit = "ctrl+q"
        go.search = "ctrl+f"
        "go.inbox" = "i"
        """
    )
    config = load_config()
    assert config.warnings == ()
    assert config.database == Path("/data/work.db")
    assert config.theme == "nord"
    assert config.refund_policy is RefundPolicy.RESPONSE_WITHIN_90_DAYS
    assert config.keys == {"quit": "ctrl+q", "go.search": "ctrl+f", "go.inbox": "i"}
    assert load_keymap() == config.keys


def test_a_relative_database_path_starts_at_the_config_folder(config_file, tmp_path):
    config_file.write_text('database = "networks/mine.db"\n')
    assert load_config().database == tmp_path / "networks/mine.db"


def test_a_home_relative_database_path_is_expanded(config_file, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    config_file.write_text('database = "~/mine.db"\n')
    assert load_config().database == tmp_path / "home/mine.db"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("theme = \n", "is not valid TOML"),
        ("[keys\n", "is not valid TOML"),
        ('refund_policy = "always"\n', "'always' is not a refund policy"),
        ("refund_policy = 7\n", "refund_policy: 7 is not a refund policy"),
        ("theme = 3\n", "theme: expected a non-empty string, not 3"),
        ("database = true\n", "database: expected a non-empty string"),
        ('keys = "ctrl+q"\n', "keys: expected a table"),
        ("[keys]\nquit = 1\n", "keys: quit: expected a key"),
        ('thme = "nord"\n', "unknown setting 'thme'"),
    ],
)
def test_a_broken_file_gives_one_line_warnings_and_the_defaults(config_file, text, says):
    config_file.write_text(text)
    config = load_config()
    assert len(config.warnings) == 1
    (warning,) = config.warnings
    assert says in warning
    assert str(config_file) in warning
    assert "\n" not in warning
    assert config.refund_policy is RefundPolicy.OPEN_WITHIN_90_DAYS
    assert config.theme is None and config.database is None and config.keys == {}


def test_one_bad_setting_does_not_spoil_the_others(config_file):
    config_file.write_text('theme = "nord"\nrefund_policy = "never"\n')
    config = load_config()
    assert config.theme == "nord"
    assert config.refund_policy is RefundPolicy.OPEN_WITHIN_90_DAYS
    assert len(config.warnings) == 1


def test_a_file_that_is_not_text_is_a_warning(config_file):
    config_file.write_bytes(b"\xff\xfe\x00bad")
    assert "cannot be read" in load_config().warnings[0]


def test_a_missing_file_named_by_netui_config_is_a_warning(config_file):
    (warning,) = load_config().warnings
    assert "no such file" in warning


def test_database_path_precedence(config_file, monkeypatch, tmp_path):
    assert default_database_path() == tmp_path / "xdg-data/netui/netui.db"
    config_file.write_text('database = "/from/config.db"\n')
    assert default_database_path() == Path("/from/config.db")
    monkeypatch.setenv("NETUI_DB", "/from/env.db")
    assert default_database_path() == Path("/from/env.db")


def test_a_loaded_config_can_be_passed_in(tmp_path):
    config = load_config()
    assert default_database_path(config) == tmp_path / "xdg-data/netui/netui.db"
