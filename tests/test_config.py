from __future__ import annotations

from pathlib import Path

import pytest

from lakebox.config import Settings
from lakebox.errors import ConfigError


def test_defaults_follow_the_home(tmp_path: Path) -> None:
    s = Settings.load(home=tmp_path, env={})
    assert s.port == 8765
    assert s.storage == f"file://{tmp_path / 'data'}"
    assert s.database_url == f"sqlite:///{tmp_path / 'lakebox.db'}"
    assert s.url == "http://127.0.0.1:8765"


def test_home_from_environment(tmp_path: Path) -> None:
    s = Settings.load(env={"LAKEBOX_HOME": str(tmp_path / "h")})
    assert s.home == tmp_path / "h"


def test_toml_then_environment_then_arguments(tmp_path: Path) -> None:
    (tmp_path / "lakebox.toml").write_text('port = 9000\nstorage = "s3://b/p"\n')
    assert Settings.load(home=tmp_path, env={}).port == 9000
    assert Settings.load(home=tmp_path, env={"LAKEBOX_PORT": "9100"}).port == 9100
    s = Settings.load(home=tmp_path, env={"LAKEBOX_PORT": "9100"}, port=9200)
    assert s.port == 9200
    assert s.url == "http://127.0.0.1:9200"
    assert s.storage == "s3://b/p"


def test_bad_value_names_setting_and_origin(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"port from environment variable LAKEBOX_PORT.*'abc'"):
        Settings.load(home=tmp_path, env={"LAKEBOX_PORT": "abc"})


def test_unknown_toml_key_is_named(tmp_path: Path) -> None:
    (tmp_path / "lakebox.toml").write_text("prot = 1\n")
    with pytest.raises(ConfigError, match=r"unknown setting.*prot"):
        Settings.load(home=tmp_path, env={})


def test_malformed_toml(tmp_path: Path) -> None:
    (tmp_path / "lakebox.toml").write_text("port = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Settings.load(home=tmp_path, env={})
