"""Config: the sample file loads, every mistake is a ConfigError that names the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.incidents.rules import MergeTuning
from flows.config import SAMPLE_CONFIG, ConfigError, Schedule, Settings, load_settings, settings_from_dict


def test_sample_config_reads_the_sample_articles_into_data() -> None:
    settings = load_settings()
    assert settings.config_path == SAMPLE_CONFIG
    assert settings.input == SAMPLE_CONFIG.parent / "articles" and settings.input.is_dir()
    assert (settings.out, settings.schedule) == ("data", Schedule("0 2 * * *", "UTC"))
    assert settings.sources is None and settings.dask_address is None
    assert settings.merge == MergeTuning()  # the sample spells out the defaults


def test_values_and_relative_paths(tmp_path: Path) -> None:
    config = tmp_path / "conf" / "my.toml"
    config.parent.mkdir()
    config.write_text(
        'out = "s3://bucket/sitrep"\nmodel = "en_core_web_md"\ninput = "in/wire.jsonl"\n'
        "batch_size = 16\narticles_per_task = 100\nn_process = 2\n"
        '[schedule]\ncron = "30 4 * * 1-5"\ntimezone = "Asia/Damascus"\n[dask]\naddress = "tcp://h:8786"\n'
        "[merge]\nday_tolerance = 0\nplace_km = 5\ncount_factor = 2.5\nclose_count_factor = 1.2\n"
        "report_lag_days = 30\n"
        "undated_lookback_days = 2\n"
    )
    settings = load_settings(config)
    assert settings == Settings(
        out="s3://bucket/sitrep",
        model="en_core_web_md",
        input=config.parent / "in" / "wire.jsonl",
        batch_size=16,
        articles_per_task=100,
        n_process=2,
        schedule=Schedule("30 4 * * 1-5", "Asia/Damascus"),
        dask_address="tcp://h:8786",
        merge=MergeTuning(
            day_tolerance=0,
            place_km=5.0,
            count_factor=2.5,
            close_count_factor=1.2,
            report_lag_days=30,
            undated_lookback_days=2,
        ),
        config_path=config,
    )


def test_inline_sources_are_validated_by_the_sources_module(tmp_path: Path) -> None:
    data = {"sources": [{"name": "local", "kind": "folder", "path": "articles"}]}
    settings = settings_from_dict(data, base_dir=tmp_path)
    assert settings.sources is not None and settings.sources.sources[0].path == tmp_path / "articles"
    with pytest.raises(ConfigError, match="kind"):
        settings_from_dict({"sources": [{"name": "x", "kind": "carrier-pigeon"}]}, base_dir=tmp_path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"outt": "data"}, "unknown keys \\['outt'\\]"),
        ({"schedule": {"cron": "0 2 * *"}}, "5 fields"),
        ({"schedule": {"cron": "every night"}}, "5 fields"),
        ({"schedule": {"timezone": "Mars/Olympus"}}, "IANA"),
        ({"schedule": {"tz": "UTC"}}, "unknown keys in \\[schedule\\]"),
        ({"schedule": "nightly"}, "must be a table"),
        ({"batch_size": 0}, "positive integer"),
        ({"n_process": "2"}, "positive integer"),
        ({"articles_per_task": True}, "positive integer"),
        ({"out": ""}, "non-empty string"),
        ({"model": 3}, "non-empty string"),
        ({"input": "a", "sources": "s.toml"}, "not both"),
        ({"sources": "missing.toml"}, "not found"),
        ({"fetch": {"retries": 1}}, "only meaningful"),
        ({"merge": {"place_kms": 5}}, "unknown keys in \\[merge\\]"),
        ({"merge": {"place_km": 0}}, "merge.place_km must be a number above 0"),
        ({"merge": {"place_km": "5 km"}}, "merge.place_km must be a number above 0"),
        ({"merge": {"count_factor": 0.5}}, "merge.count_factor must be at least 1"),
        ({"merge": {"close_count_factor": 0.9}}, "merge.close_count_factor must be at least 1"),
        ({"merge": {"day_tolerance": -1}}, "merge.day_tolerance must be a whole number"),
        ({"merge": {"report_lag_days": 1.5}}, "merge.report_lag_days must be a whole number"),
        ({"merge": {"day_tolerance": True}}, "merge.day_tolerance must be a whole number"),
    ],
)
def test_mistakes_are_named(tmp_path: Path, data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        settings_from_dict(data, base_dir=tmp_path)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "none.toml")
    (tmp_path / "bad.toml").write_text("out = [unclosed")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(tmp_path / "bad.toml")
