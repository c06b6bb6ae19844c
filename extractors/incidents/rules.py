"""The matching rule: when two reports in different articles tell the same real-world event.

The rules are data (`extractors/data/incident_rules.jsonl`), one row per way a slot can agree,
each with an `id`, the `slot` it decides and the `check` (a pure function below) that applies.
Two reports agree on a slot when one of its rules holds; the rule's id is the reason recorded
with the merge. A rule marked `needs_strong` (a month-dated report, a province-level place)
holds only when a `strong` rule (same actor, the same toll told twice) holds for the same pair,
or, if it is also `unless_alone`, when the incident is the only one the report can be compared
with; a `vacuous` rule holds only because a value is missing. The numbers are `MergeTuning`
(`[merge]` in sitrep.toml).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractors.incidents.reports import Report
from extractors.normalize.actors import NON_STATE_TYPES, UNIDENTIFIED, state_of

RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "incident_rules.jsonl"
EARTH_RADIUS_KM = 6371.0
# The longest window an incident that can gain a report has: a year (month- or year-dated reports
# join day-dated ones; reported periods join nothing).
LONGEST_INCIDENT = dt.timedelta(days=366)
# Tolls rise from report to report ("rose to 40"): a figure must agree with one other report
# that gives a figure, not with all of them, so a middle report links the first and the last.
# (Numbers of injured are not compared at all: they vary too much between reports of one event.)
ONE_REPORT_SLOTS = frozenset({"count"})


@dataclass(frozen=True)
class MergeTuning:
    """The numbers of the rule; `[merge]` in sitrep.toml (docs/merging.md)."""

    day_tolerance: int = 1  # days between two day-dated reports of one event
    place_km: float = 10.0  # kilometres between two named places of one event
    count_factor: float = 3.0  # the larger toll at most this many times the smaller
    close_count_factor: float = 1.5  # tolls this close are the same toll told twice: a strong agreement
    report_lag_days: int = 365  # a report joins incidents whose window ended at most this long before
    undated_lookback_days: int = 1  # a report whose text gives no date may tell of this many days before


Check = Callable[[Report, Report, MergeTuning], bool]


@dataclass(frozen=True)
class Rule:
    """One row of the rules file."""

    id: str
    slot: str
    check: str
    says: str
    strong: bool = False
    needs_strong: bool = False
    unless_alone: bool = False
    vacuous: bool = False


# ---- checks: pure functions of two reports ---------------------------------------------------


def same_type(a: Report, b: Report, tuning: MergeTuning) -> bool:
    return a.event_type == b.event_type


def different_articles(a: Report, b: Report, tuning: MergeTuning) -> bool:
    return a.article_id != b.article_id


def days_within_tolerance(a: Report, b: Report, tuning: MergeTuning) -> bool:
    if a.day is None or b.day is None:
        return False
    first_a, last_a = told_days(a, tuning)
    first_b, last_b = told_days(b, tuning)
    tolerance = dt.timedelta(days=tuning.day_tolerance)
    return first_a - tolerance <= last_b and first_b - tolerance <= last_a


def day_inside_coarse_window(a: Report, b: Report, tuning: MergeTuning) -> bool:
    # two reports dated only to a month can never be told to be one incident: one must give the day
    if (a.day is None) == (b.day is None):
        return False
    dated, coarse = (a, b) if a.day is not None else (b, a)
    if coarse.period or coarse.earliest is None or coarse.latest is None:
        return False
    assert dated.day is not None
    return coarse.earliest <= dated.day <= coarse.latest


def same_place_entry(a: Report, b: Report, tuning: MergeTuning) -> bool:
    return (
        _is_place(a)
        and _is_place(b)
        and (a.location_name, a.admin1, a.country_code) == (b.location_name, b.admin1, b.country_code)
    )


def places_within_km(a: Report, b: Report, tuning: MergeTuning) -> bool:
    if not (_is_place(a) and _is_place(b)) or a.country_code != b.country_code:
        return False
    if a.geo_precision != 1 and b.geo_precision != 1:
        return False  # two places known only as near a town share its coordinates, not a spot
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return False
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= tuning.place_km


def place_inside_area(a: Report, b: Report, tuning: MergeTuning) -> bool:
    if a.country_code is None or a.country_code != b.country_code or not (a.is_area or b.is_area):
        return False
    if (a.is_area and a.admin1 is None) or (b.is_area and b.admin1 is None):
        return True  # a country-level report: everything of that country lies inside it
    return a.admin1 == b.admin1


def same_actor(a: Report, b: Report, tuning: MergeTuning) -> bool:
    return a.actor_name is not None and a.actor_name == b.actor_name


def same_state(a: Report, b: Report, tuning: MergeTuning) -> bool:
    return (state := state_of(a.actor_name)) is not None and state == state_of(b.actor_name)


def unidentified_and_armed_group(a: Report, b: Report, tuning: MergeTuning) -> bool:
    # "gunmen" in one report, the group named in another: vaguer, not another side (a state's
    # forces are another side: "gunmen" and "the army" stay apart)
    types = {a.actor_type, b.actor_type}
    return UNIDENTIFIED in types and types <= NON_STATE_TYPES


def actor_unknown(a: Report, b: Report, tuning: MergeTuning) -> bool:
    return a.actor_name is None or b.actor_name is None


def counts_close(a: Report, b: Report, tuning: MergeTuning) -> bool:
    return within_factor(a.count, b.count, tuning.close_count_factor)


def counts_within_factor(a: Report, b: Report, tuning: MergeTuning) -> bool:
    return within_factor(a.count, b.count, tuning.count_factor)


def count_unknown(a: Report, b: Report, tuning: MergeTuning) -> bool:
    return a.count is None or b.count is None


CHECKS: dict[str, Check] = {
    check.__name__: check
    for check in (
        same_type,
        different_articles,
        days_within_tolerance,
        day_inside_coarse_window,
        same_place_entry,
        places_within_km,
        place_inside_area,
        same_actor,
        same_state,
        unidentified_and_armed_group,
        actor_unknown,
        counts_close,
        counts_within_factor,
        count_unknown,
    )
}


def told_days(report: Report, tuning: MergeTuning) -> tuple[dt.date, dt.date]:
    """The days a dated report can tell of: its window, reaching back `undated_lookback_days`
    when only its publication dates it (news of yesterday's strike, published today)."""
    assert report.earliest is not None and report.latest is not None
    if report.undated:
        return report.earliest - dt.timedelta(days=tuning.undated_lookback_days), report.latest
    return report.earliest, report.latest


def within_factor(a: int | None, b: int | None, factor: float) -> bool:
    """Both figures known and the larger at most `factor` times the smaller (0 agrees only with 0)."""
    if a is None or b is None:
        return False
    low, high = sorted((a, b))
    return high == low or (low > 0 and high <= factor * low)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def _is_place(report: Report) -> bool:
    return report.location_name is not None and report.country_code is not None and not report.is_area


# ---- the rule table --------------------------------------------------------------------------


class RulesError(ValueError):
    """A rules file that cannot be used (unknown check, missing field)."""


@functools.cache
def load_rules(path: Path = RULES_FILE) -> tuple[Rule, ...]:
    """The rules of a rules file, in file order; unknown checks and duplicate ids are refused."""
    rules: list[Rule] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rule = Rule(**json.loads(line))
        except (json.JSONDecodeError, TypeError) as exc:
            raise RulesError(f"{path}:{lineno}: not a rule: {exc}") from exc
        if rule.check not in CHECKS:
            raise RulesError(f"{path}:{lineno}: unknown check {rule.check!r}; known: {sorted(CHECKS)}")
        if any(r.id == rule.id for r in rules):
            raise RulesError(f"{path}:{lineno}: duplicate rule id {rule.id!r}")
        rules.append(rule)
    return tuple(rules)


@dataclass(frozen=True)
class PairVerdict:
    """What the rules say of two reports: the rule that held per slot (None: no rule held)."""

    held: Mapping[str, Rule | None]

    @property
    def strong(self) -> bool:
        return any(rule is not None and rule.strong for rule in self.held.values())

    def agrees(self, slot: str, alone: bool = False) -> bool:
        """Whether the slot agrees; `alone`: the incident is the report's only candidate."""
        rule = self.held[slot]
        if rule is None:
            return False
        return not rule.needs_strong or self.strong or (alone and rule.unless_alone)

    def rules(self) -> list[Rule]:
        return [rule for rule in self.held.values() if rule is not None]

    def reasons(self) -> list[str]:
        return [rule.id for rule in self.rules()]


def compare(a: Report, b: Report, tuning: MergeTuning, rules: Sequence[Rule]) -> PairVerdict:
    """Per slot, the first rule (in file order) that holds for the two reports.

    Stops at the first slot that must agree with every report and has no rule holding: most
    candidates of a block differ in place or day, and nothing after that can change the verdict.
    """
    held: dict[str, Rule | None] = {}
    for index, rule in enumerate(rules):
        if held.get(rule.slot) is None:
            held[rule.slot] = rule if CHECKS[rule.check](a, b, tuning) else None
        slot_done = index + 1 == len(rules) or rules[index + 1].slot != rule.slot
        if slot_done and held[rule.slot] is None and rule.slot not in ONE_REPORT_SLOTS:
            break
    return PairVerdict(held)


def same_incident(
    a: Report, b: Report, tuning: MergeTuning, rules: Sequence[Rule] | None = None, alone: bool = False
) -> bool:
    """Whether two reports alone may be one incident: every slot agrees."""
    verdict = compare(a, b, tuning, rules or load_rules())
    return all(verdict.agrees(slot, alone) for slot in verdict.held)
