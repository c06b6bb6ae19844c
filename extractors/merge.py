"""One happening, one row: merge mentions of the same event inside an article.

A headline repeated in the body and a lead sentence retold later are the same event. Two
mentions of one type merge when their dates agree (or one of them gives no date) and their
places, counts and injured are compatible (equal, or one unknown); a headline mention merges
into the body whatever its date; one toll told twice merges whatever the dates. The earliest
body mention is kept as evidence, unless a later one dates the event it left undated at a place as
fine; the others fill its empty slots.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from extractors.lexicon import RELATIVE_TO_EVENT
from extractors.normalize.dates import counted_days
from extractors.normalize.places import lies_in
from extractors.schema import Event

# A toll at least this large, told twice in one article with compatible places, is one event.
SAME_TOLL_MIN = 3
# Characters a headline sentence may run past the title (a dateline, "- Monitor") and stay a headline.
HEADLINE_SLACK = 40
_FILLABLE = (
    "location",
    "location_source",
    "country",
    "actor",
    "target",
    "count",
    "count_qualifier",
    "injured",
    "source",
)
# A date travels with its precision, words and end: all or nothing.
DATE_SLOTS = ("event_date", "date_precision", "date_text", "event_date_end")


def _norm(text: str | None) -> str:
    return re.sub(r"^(the|a|an)\s+", "", re.sub(r"[\"'’`]", "", (text or "").lower()).strip())


def _compatible_text(a: str | None, b: str | None) -> bool:
    x, y = _norm(a), _norm(b)
    return not x or not y or x in y or y in x


def _compatible_place(a: str | None, b: str | None) -> bool:
    """Places that can be one: compatible names, or a country and a place the gazetteer puts in it."""
    return _compatible_text(a, b) or lies_in(b, a) or lies_in(a, b)


def _compatible_places(a: Event, b: Event) -> bool:
    """Compatible places, or a place the gazetteer lacks whose parent is ("Da", near el-Bur, and Somalia)."""
    if _compatible_place(a.location, b.location):
        return True
    return any(
        _compatible_place(x, y)
        for x, y in ((a.location_parent, b.location), (a.location, b.location_parent))
        if x is not None and y is not None
    )


def _within(inner: Event, outer: Event) -> bool:
    """Whether one date lies in the other's period ("on Sunday" in "July"; equal dates too)."""
    if inner.event_date is None or outer.event_date is None:
        return inner.event_date == outer.event_date
    a, b = inner.event_date, outer.event_date
    if outer.date_precision == "year":
        return a.year == b.year
    if outer.date_precision == "month":
        return (a.year, a.month) == (b.year, b.month) and inner.date_precision != "year"
    return a == b and inner.date_precision == "day"


def _compatible(kept: Event, other: Event, *, ignore_date: bool) -> bool:
    if kept.event_type != other.event_type:
        return False
    same_toll = kept.count is not None and kept.count == other.count and kept.count >= SAME_TOLL_MIN
    same_toll = same_toll and kept.event_type == "casualties"  # two cohorts of 500 recruits are two events
    if same_toll and _compatible_text(kept.location, other.location):
        return True  # one toll told twice, even when the two tellings date it differently
    same_date = _within(kept, other) or _within(other, kept)
    if _measured_to(kept, other) or _measured_to(other, kept):
        same_date = False
    if _running(kept) != _running(other) and kept.date_precision != other.date_precision:
        same_date = False  # "since 10 March, N strikes" is a running tally, not the strike of 13 March
    undated = kept.date_text is None or other.date_text is None
    if kept.event_type == "recruitment":
        # an article on recruitment tells many intakes: an undated one is of the publication day
        # unless it names the same count, and one with other recruits by another group is another
        carried = _carried_date(kept) or _carried_date(other)  # "Three days later, ... . N more joined"
        same_date = same_date and not carried
        undated = (undated or carried) and kept.count is not None and kept.count == other.count
        if _other_party(kept, other, "actor") and _other_party(kept, other, "target"):
            return False
    if not ignore_date and not same_date and not undated:
        return False
    same_source = kept.location_source == other.location_source == "sentence"
    if not ignore_date and same_source and not _compatible_places(kept, other):
        return False
    for slot in ("count", "injured"):
        a, b = getattr(kept, slot), getattr(other, slot)
        if a is not None and b is not None and a != b:
            return False
    return True


def _relative_to_event(event: Event) -> bool:
    """Whether a date is told from another happening ("a week after"), not from the calendar."""
    return bool(set((event.date_text or "").lower().split()) & RELATIVE_TO_EVENT)


def _measured_to(measured: Event, other: Event) -> bool:
    """Whether a mention dated by a period measured from another happening ("the attacks come a week
    after a strike killed X") would merge with that later happening: another mention dated nearer the
    publication than to the point the period reaches back to."""
    words = (measured.date_text or "").rsplit(" ", 1)
    if len(words) != 2 or words[1].lower() not in ("after", "before"):
        return False
    days = counted_days(words[0])
    if days is None or other.date_precision != "day" or other.event_date is None or other.published is None:
        return False
    return (other.published - other.event_date).days < days / 2


def _carried_date(event: Event) -> bool:
    """Whether a mention's date words are not its own but another sentence's."""
    return event.date_text is not None and event.date_text not in event.evidence


def _running(event: Event) -> bool:
    """Whether a date is a period running from a start to the report ("since 10 March")."""
    return (event.date_text or "").lower().startswith("since ")


def _more_informative(later: Event, kept: Event) -> bool:
    """Whether a later mention is the better evidence: it gives the date the kept one lacks, at a
    place as fine ("jets hit X" ... "the strikes on X on Monday"; not "in Syria" after "in X")."""
    if kept.date_text is not None or later.date_text is None:
        return False
    if _relative_to_event(later):
        return False  # "came a day after the White House said": dated by another happening
    if kept.location_source != "sentence":
        return True
    same_or_finer = _norm(later.location) == _norm(kept.location) or lies_in(later.location, kept.location)
    return later.location_source == "sentence" and same_or_finer


def _other_party(a: Event, b: Event, slot: str) -> bool:
    """Whether two mentions both name this party, differently."""
    x, y = getattr(a, slot), getattr(b, slot)
    return x is not None and y is not None and not _compatible_text(x, y)


def _finer(inner: Event, outer: Event) -> bool:
    """Whether one date is a more precise statement of the other ("July 2018" of "two years ago")."""
    rank = {"year": 0, "month": 1, "day": 2}
    finer = rank.get(inner.date_precision or "", -1) > rank.get(outer.date_precision or "", 3)
    return finer and _whole_unit(outer) and _within(inner, outer)


def _whole_unit(event: Event) -> bool:
    """Whether a date is one whole month or year ("last year"), not a period ("Saturday and Sunday")."""
    start, end = event.event_date, event.event_date_end
    if end is None or start is None:
        return True
    if event.date_precision == "year":
        return (start.month, start.day, end.month, end.day, end.year) == (1, 1, 12, 31, start.year)
    next_month = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start.day == 1 and end == next_month - dt.timedelta(days=1)


def _fill(kept: Event, other: Event, *, take_date: bool = True) -> Event:
    """Kept event with its empty slots taken from another mention (location only as a set)."""
    changes = {}
    for slot in _FILLABLE:
        if getattr(kept, slot) is None and getattr(other, slot) is not None:
            changes[slot] = getattr(other, slot)
    if kept.location_source != "sentence" and other.location_source == "sentence":
        changes.update(location=other.location, location_source="sentence")
    if "location" in changes:  # a parent travels with its place
        changes["location_parent"] = other.location_parent
    # explicit beats default; a finer date inside the kept one beats it ("in July 2018" of "in 2018")
    if take_date and other.date_text is not None and (kept.date_text is None or _finer(other, kept)):
        changes.update({slot: getattr(other, slot) for slot in DATE_SLOTS})
    return dataclasses.replace(kept, **changes) if changes else kept


def merge_mentions(events: list[Event], headline: tuple[int, int] | None = None) -> list[Event]:
    """Events of one article with duplicate mentions folded into one."""

    def in_headline(e: Event) -> bool:
        """Evidence that is the headline (a sentence running on well past it is body text)."""
        if headline is None:
            return False
        return e.evidence_start < headline[1] and e.evidence_end <= headline[1] + HEADLINE_SLACK

    body = sorted((e for e in events if not in_headline(e)), key=lambda e: e.evidence_start)
    kept: list[Event] = []
    for event in body:
        for i, k in enumerate(kept):
            if _compatible(k, event, ignore_date=False):
                kept[i] = _fill(event, k) if _more_informative(event, k) else _fill(k, event)
                break
        else:
            kept.append(event)
    for event in (e for e in events if in_headline(e)):
        same_type = [i for i, k in enumerate(kept) if k.event_type == event.event_type]
        target = next((i for i in same_type if _compatible(kept[i], event, ignore_date=True)), None)
        if target is None and same_type:
            target = same_type[0]
        if target is None:
            kept.append(event)
        else:
            kept[target] = _fill(kept[target], event, take_date=False)  # a headline's date words are loose
    return _one_per_id(kept)


def _one_per_id(events: list[Event]) -> list[Event]:
    """One row per id: two mentions of a type citing the same span would share an id (and the
    store keeps one row per id), so the first is kept and its empty slots filled."""
    by_key: dict[tuple[str, str, int, int, str | None], Event] = {}
    for event in events:
        key = event.id_key
        by_key[key] = _fill(by_key[key], event) if key in by_key else event
    return list(by_key.values())
