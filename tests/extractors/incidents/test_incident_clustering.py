"""Reports to incidents: one strike told by five outlets, the near misses, bridges, and the summary row."""

from __future__ import annotations

import datetime as dt
import random

from test_incident_rules import AIN_HALWA, KAFR_NUR, NORTH_PROVINCE, SYRIA, TELL_SABKHA, report

from extractors.incidents.clustering import Cluster, Clusterer, cluster_reports
from extractors.incidents.reports import Report
from extractors.incidents.rules import MergeTuning
from extractors.incidents.summary import build_incident, incident_id_of

TUNING = MergeTuning()
D = dt.date
MARCH_5 = D(2024, 3, 5)


def groups(clusters: list[Cluster]) -> list[list[str]]:
    return sorted(sorted(m.event_id for m in c.members) for c in clusters)


def five_outlets() -> list[Report]:
    """One air strike on Tell Sabkha: tolls of 9, 11 and 'at least 12', then one with no toll."""
    return [
        report("e1", "a1", MARCH_5, count=9, url="https://one.example/1"),
        report("e2", "a2", MARCH_5, count=11, url="https://two.example/1", published=D(2024, 3, 6)),
        report(
            "e3", "a3", D(2024, 3, 4), count=12, url="https://www.three.example/7", published=D(2024, 3, 6)
        ),
        report("e4", "a4", MARCH_5, place=KAFR_NUR, url="https://four.example/2", published=D(2024, 3, 7)),
        report("e5", "a5", MARCH_5, count=11, actor_name="Air Force", url="https://one.example/2"),
    ]


def test_five_reports_of_one_strike_are_one_incident_with_best_low_high() -> None:
    clusters = cluster_reports(five_outlets(), TUNING)
    assert groups(clusters) == [["e1", "e2", "e3", "e4", "e5"]]
    (cluster,) = clusters
    incident = build_incident(incident_id_of(cluster.founder.event_id), cluster.members, cluster.reasons)
    assert incident.incident_id == incident_id_of("e1")
    assert (incident.count_low, incident.count_high) == (9, 12)
    # best: the latest report giving a toll (e2 and e3 were published on the 6th: the higher one)
    assert incident.count_best == 12
    assert (incident.n_reports, incident.n_sources) == (5, 4)
    assert incident.sources == ("one.example", "two.example", "three.example", "four.example")
    assert (incident.date_earliest, incident.date_latest, incident.event_date) == (
        D(2024, 3, 4),
        MARCH_5,
        MARCH_5,
    )
    assert incident.date_precision == "day"
    assert (incident.first_reported, incident.last_reported) == (MARCH_5, D(2024, 3, 7))
    assert (incident.location_name, incident.geo_precision, incident.actor_name) == (
        "Tell Sabkha",
        1,
        "Air Force",
    )
    assert len(incident.merge_reasons) == 4
    assert all("date-day-within" in reason for reason in incident.merge_reasons)


def test_the_result_does_not_depend_on_the_input_order() -> None:
    reports = five_outlets() + [
        report("x1", "a9", D(2024, 3, 9)),
        report("x2", "a8", MARCH_5, place=AIN_HALWA),
    ]
    expected = groups(cluster_reports(reports, TUNING))
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert groups(cluster_reports(shuffled, TUNING)) == expected


def test_near_misses_stay_apart() -> None:
    reports = [
        report("e1", "a1", MARCH_5, count=4),
        report("same-town-two-days-later", "a2", D(2024, 3, 7), count=4),
        report("neighbouring-town-same-day", "a3", MARCH_5, place=AIN_HALWA, count=4),
        report("same-article", "a1", MARCH_5, count=4),
        report("other-type", "a4", MARCH_5, event_type="casualties"),
        report("no-country", "a5", MARCH_5, place=None),
        report("no-date", "a6", None),
    ]
    assert groups(cluster_reports(reports, TUNING)) == [
        [r.event_id] for r in sorted(reports, key=lambda r: r.event_id)
    ]


def test_a_province_level_report_never_glues_two_towns_together() -> None:
    reports = [
        report("town-1", "a1", MARCH_5, actor_name="Air Force"),
        report("town-2", "a2", MARCH_5, place=AIN_HALWA, actor_name="Air Force"),
        report(
            "province", "a3", MARCH_5, place=NORTH_PROVINCE, actor_name="Air Force", published=D(2024, 3, 6)
        ),
    ]
    assert groups(cluster_reports(reports, TUNING)) == [["province", "town-1"], ["town-2"]]


def test_a_middle_toll_bridges_two_incidents_and_the_older_absorbs_the_younger() -> None:
    reports = [
        report("first", "a1", MARCH_5, count=10),
        report("later", "a2", MARCH_5, count=40, published=D(2024, 3, 6)),
        report("middle", "a3", MARCH_5, count=20, published=D(2024, 3, 7)),
    ]
    clusters = cluster_reports(reports, TUNING)
    assert groups(clusters) == [["first", "later", "middle"]]
    assert clusters[0].founder.event_id == "first"
    assert clusters[0].reasons[-1] == "middle: bridges the incident of later"
    without_middle = cluster_reports(reports[:2], TUNING)
    assert groups(without_middle) == [["first"], ["later"]]


def test_a_report_long_after_the_event_starts_an_incident_of_its_own() -> None:
    reports = [report("e1", "a1", MARCH_5), report("e2", "a2", MARCH_5, published=D(2025, 6, 1))]
    assert groups(cluster_reports(reports, TUNING)) == [["e1"], ["e2"]]
    assert groups(cluster_reports(reports, MergeTuning(report_lag_days=500))) == [["e1", "e2"]]


def test_finished_incidents_are_handed_out_while_reports_stream() -> None:
    clusterer = Clusterer(TUNING)
    clusterer.add(report("old", "a1", D(2024, 1, 2)))
    assert list(clusterer.finished()) == []
    clusterer.add(report("new", "a2", D(2025, 6, 1)))
    assert [c.founder.event_id for c in clusterer.finished()] == ["old"]
    assert [c.founder.event_id for c in clusterer.close()] == ["new"]


def test_month_dated_report_joins_only_with_a_strong_agreement() -> None:
    day = report("day", "a1", MARCH_5, count=7)
    vague = report("vague", "a2", D(2024, 3, 1), precision="month", published=D(2024, 3, 20))
    vague_with_toll = report(
        "vague-toll", "a3", D(2024, 3, 1), precision="month", count=8, published=D(2024, 3, 20)
    )
    assert groups(cluster_reports([day, vague, vague_with_toll], TUNING)) == [
        ["day", "vague-toll"],
        ["vague"],
    ]
    incident = build_incident("i", [day, vague_with_toll], [])
    assert (incident.date_precision, incident.event_date) == ("day", MARCH_5)
    coarse = build_incident("i", [vague_with_toll], [])
    assert (coarse.date_precision, coarse.date_earliest, coarse.date_latest) == (
        "month",
        D(2024, 3, 1),
        D(2024, 3, 31),
    )


def test_a_tally_over_years_never_joins_an_incident() -> None:
    strike = report("day", "a1", MARCH_5, count=5)
    tally = report("since-2006", "a2", D(2006, 1, 1), precision="year", event_date_end=MARCH_5, count=5)
    assert groups(cluster_reports([strike, tally], TUNING)) == [["day"], ["since-2006"]]


def test_a_report_that_knows_only_the_country_joins_with_a_strong_agreement() -> None:
    town = report("town", "a1", MARCH_5, count=100)
    other_town = report("other-town", "a4", MARCH_5, place=AIN_HALWA, count=3)
    country_only = ("", None, "SY", None, None, None)
    vague = report("vague", "a2", MARCH_5, place=country_only, published=D(2024, 3, 6))
    tolled = report("tolled", "a3", MARCH_5, place=country_only, count=120, published=D(2024, 3, 6))
    reports = [town, other_town, vague, tolled]
    assert groups(cluster_reports(reports, TUNING)) == [["other-town"], ["tolled", "town"], ["vague"]]


def test_a_report_that_knows_only_the_country_joins_the_only_incident_there() -> None:
    town = report("town", "a1", MARCH_5, count=100)
    country_only = ("", None, "SY", None, None, None)
    vague = report("vague", "a2", MARCH_5, place=country_only, published=D(2024, 3, 6))
    (cluster,) = cluster_reports([town, vague], TUNING)
    assert [m.event_id for m in cluster.members] == ["town", "vague"]
    assert "place-inside-area" in cluster.reasons[0]


def test_an_undated_report_tells_of_the_day_before_its_publication() -> None:
    strike = report("strike", "a1", D(2024, 3, 4), count=7)
    # published on the 6th with no date in its text: the strike of the 4th, told two days later
    undated = report("undated", "a2", D(2024, 3, 6), count=7, date_text=None)
    dated = report("dated-two-days-later", "a3", D(2024, 3, 6), count=7)
    assert groups(cluster_reports([strike, undated], TUNING)) == [["strike", "undated"]]
    assert groups(cluster_reports([strike, dated], TUNING)) == [["dated-two-days-later"], ["strike"]]
    no_lookback = MergeTuning(undated_lookback_days=0)
    assert groups(cluster_reports([strike, undated], no_lookback)) == [["strike"], ["undated"]]


def test_the_most_precise_place_and_the_most_told_names_win() -> None:
    members = [
        report("e1", "a1", MARCH_5, place=NORTH_PROVINCE, actor_name="Air Force", target_name="a market"),
        report("e2", "a2", MARCH_5, place=TELL_SABKHA, target_name="the old market"),
        report("e3", "a3", MARCH_5, place=KAFR_NUR, actor_name="Air Force", target_name="a market"),
    ]
    incident = build_incident("i", members, [])
    assert (incident.location_name, incident.geo_precision) == ("Tell Sabkha", 1)
    assert (incident.actor_name, incident.target_name) == ("Air Force", "a market")
    assert incident.count_best is None and incident.injured_low is None


def test_a_report_joins_the_incident_it_agrees_with_best_not_the_oldest() -> None:
    country_only = ("", None, "SY", None, None, None)
    tally = report("a-country-wide-tally", "a1", MARCH_5, place=country_only, count=2)
    strike = report("b-the-strike", "a1", MARCH_5, count=5)  # the same article: two incidents
    retold = report("c-retold", "a2", MARCH_5, count=5, published=D(2024, 3, 6))
    assert groups(cluster_reports([tally, strike, retold], TUNING)) == [
        ["a-country-wide-tally"],
        ["b-the-strike", "c-retold"],
    ]


def test_of_one_publication_day_the_precise_report_founds_the_incident() -> None:
    # a1 tells the strike at the town, and again knowing only the country (a mention extraction did
    # not fold into the first); a2 tells it the same day at country level, with the same actor and
    # a close toll. Taken by id alone, the vague mention of a1 would found the incident and a2 join
    # it, leaving no room for a1's town report (two events of one article are never one incident).
    country_only = ("", None, "SY", None, None, None)
    reports = [
        report("a-vague", "a1", MARCH_5, place=country_only, count=55),
        report("z-town", "a1", MARCH_5, actor_name="Air Force", count=55),
        report("m-country", "a2", MARCH_5, place=SYRIA, actor_name="Air Force", count=50),
    ]
    assert [r.event_id for r in sorted(reports, key=lambda r: r.order)] == ["z-town", "a-vague", "m-country"]
    assert groups(cluster_reports(reports, TUNING)) == [["a-vague"], ["m-country", "z-town"]]


def test_of_one_publication_day_a_day_dated_report_comes_before_a_month_dated_one() -> None:
    day = report("z-day", "a1", MARCH_5)
    month = report("a-month", "a2", D(2024, 3, 1), precision="month", published=MARCH_5)
    next_day = report("0-next-day", "a3", MARCH_5, place=SYRIA, published=D(2024, 3, 6))
    assert [r.event_id for r in sorted([month, next_day, day], key=lambda r: r.order)] == [
        "z-day",
        "a-month",
        "0-next-day",
    ]
