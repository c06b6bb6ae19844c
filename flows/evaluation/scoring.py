"""Score extracted events against gold events (the `sitrep eval` command is `command.py`).

The scorer follows the Scoring section of the gold GUIDELINES and gives the same numbers
as the reference `score.py` beside the gold files (tests compare the two):

- a predicted event matches a gold event of the same article and type when its evidence
  span overlaps the gold evidence or one of its `evidence_alt` spans;
- each article+type is matched greedily, best pair first, ranked by the number of agreeing
  slots, then by overlap (ties: later gold, then later prediction first, as the reference);
- a strict match also gets `date`, `count`, `location` and `actor` right wherever gold
  states them; dates compare at the prediction's precision; places and actors match when
  one contains the other after lower-casing and removing quotes and a leading article;
- merging (when gold events carry `incident` labels): pairwise precision and recall over the
  matched events of different articles; a predicted pair is merged when both events carry one
  `incident_id` (or `cluster_id`), a gold pair when both carry one label.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.schema import EVENT_TYPES

SLOTS = ("date", "count", "count_qualifier", "injured", "location", "actor")
STRICT_SLOTS = ("date", "count", "location", "actor")
PRED_COLUMNS = (
    "article_id",
    "event_type",
    "evidence",
    "evidence_start",
    "evidence_end",
    "event_date",
    "date_precision",
    "count",
    "count_qualifier",
    "injured",
    "location",
    "actor",
    "incident_id",
)
# Another pipeline's name for the incident column, read when `incident_id` is absent (as the reference).
CLUSTER_COLUMN = "cluster_id"

Span = tuple[int, int]


class GoldError(ValueError):
    """The gold file is not usable (bad JSON, evidence not in its text)."""


@dataclass(frozen=True)
class GoldEvent:
    """One gold event: its type, where the text reports it, and the slots scored."""

    event_type: str
    evidence: str
    spans: tuple[Span, ...]  # evidence first, then each evidence_alt
    date: str | None
    count: int | None
    count_qualifier: str | None
    injured: int | None
    location: str | None
    actor: str | None
    incident: str | None = None  # same label in different articles: one real-world event


@dataclass(frozen=True)
class GoldArticle:
    article_id: str
    text: str
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True)
class PredEvent:
    """The columns of one output event that scoring reads, nulls as None."""

    article_id: str
    event_type: str | None
    evidence: str | None
    evidence_start: int | None
    evidence_end: int | None
    date: str | None  # event_date written at its date_precision
    count: int | None
    count_qualifier: str | None
    injured: int | None
    location: str | None
    actor: str | None
    incident_id: str | None = None

    def span(self, text: str) -> Span | None:
        """The offsets if stored, else where the evidence occurs in the article text."""
        if self.evidence_start is not None and self.evidence_end is not None:
            return self.evidence_start, self.evidence_end
        if not self.evidence:
            return None
        start = text.find(self.evidence)
        return (start, start + len(self.evidence)) if start >= 0 else None


@dataclass(frozen=True)
class ScoreError:
    """A miss, a spurious event or a wrong slot of a matched pair."""

    kind: str  # missed | spurious | slot
    article_id: str
    event_type: str
    what: str  # the slot name, or the start of the evidence
    gold: object = None
    pred: object = None


@dataclass(frozen=True)
class Match:
    gold: GoldEvent
    pred: PredEvent
    agreement: dict[str, bool | None]


@dataclass
class TypeCounts:
    gold: int = 0
    pred: int = 0
    tp: int = 0
    strict_tp: int = 0


@dataclass
class ScoreResult:
    counts: dict[str, TypeCounts]
    slots: dict[tuple[str, str], list[int]]  # (type, slot) -> [agree, total], in first-seen order
    matches: list[Match] = field(default_factory=list)
    errors: list[ScoreError] = field(default_factory=list)
    unknown_article_ids: int = 0


# ---- reading ---------------------------------------------------------------------------------


def _null(value: Any) -> Any:
    """None for every flavour of missing value (None, NaN, pd.NA, NaT)."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        if value != value:  # NaT and other NaN-likes
            return None
    except TypeError:  # pd.NA refuses to be a bool
        return None
    return value


def format_date(value: object, precision: str | None) -> str | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` of a date at the given precision."""
    value = _null(value)
    if value is None:
        return None
    iso = str(value)[:10]
    if precision in ("year", "Y"):
        return iso[:4]
    if precision in ("month", "M"):
        return iso[:7]
    return iso


def _spans(text: str, evidence: Iterable[str], where: str) -> tuple[Span, ...]:
    spans = []
    for snippet in evidence:
        start = text.find(snippet)
        if start < 0:
            raise GoldError(f"{where}: evidence not found in text: {snippet[:60]!r}")
        spans.append((start, start + len(snippet)))
    return tuple(spans)


def load_gold(path: Path) -> dict[str, GoldArticle]:
    """Gold articles by id, in file order."""
    gold: dict[str, GoldArticle] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
            text = record["text"]
            events = tuple(
                GoldEvent(
                    event_type=ev["type"],
                    evidence=ev["evidence"],
                    spans=_spans(text, [ev["evidence"], *(ev.get("evidence_alt") or [])], where),
                    date=ev.get("date"),
                    count=ev.get("count"),
                    count_qualifier=ev.get("count_qualifier"),
                    injured=ev.get("injured"),
                    location=ev.get("location"),
                    actor=ev.get("actor"),
                    incident=ev.get("incident"),
                )
                for ev in record.get("events", [])
            )
            gold[record["id"]] = GoldArticle(record["id"], text, events)
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GoldError(f"{where}: not a gold record: {exc}") from exc
    return gold


def pred_event(row: Mapping[str, Any]) -> PredEvent:
    """A prediction from one output row (Parquet or JSON), whatever null flavour it carries."""
    get = {name: _null(row.get(name)) for name in PRED_COLUMNS}
    if "incident_id" not in row:
        get["incident_id"] = _null(row.get(CLUSTER_COLUMN))

    def number(name: str) -> int | None:
        return None if get[name] is None else int(get[name])

    return PredEvent(
        article_id=str(get["article_id"]),
        event_type=get["event_type"],
        evidence=get["evidence"],
        evidence_start=number("evidence_start"),
        evidence_end=number("evidence_end"),
        date=format_date(get["event_date"], get["date_precision"]),
        count=number("count"),
        count_qualifier=get["count_qualifier"],
        injured=number("injured"),
        location=get["location"],
        actor=get["actor"],
        incident_id=None if get["incident_id"] is None else str(get["incident_id"]),
    )


def load_predictions(path: Path) -> list[PredEvent]:
    """Events from a JSON Lines file, or a Parquet file or dataset directory."""
    if path.suffix in (".jsonl", ".json"):
        lines = path.read_text(encoding="utf-8").splitlines()
        return [pred_event(json.loads(line)) for line in lines if line.strip()]
    import pyarrow.dataset as ds

    dataset = ds.dataset(path, format="parquet", partitioning="hive")
    columns = [c for c in (*PRED_COLUMNS, CLUSTER_COLUMN) if c in dataset.schema.names]
    return [pred_event(row) for row in dataset.to_table(columns=columns).to_pylist()]


# ---- matching --------------------------------------------------------------------------------


def normalize_text(value: object) -> str:
    """Lower case, no quotes, no leading article: how places and actors are compared."""
    value = _null(value)
    if not value:
        return ""
    text = re.sub(r"[\"'’`]", "", str(value).lower()).strip()
    return re.sub(r"^(the|a|an)\s+", "", text)


def text_match(gold: object, pred: object) -> bool:
    """One contains the other, after `normalize_text`; never for an empty side."""
    g, p = normalize_text(gold), normalize_text(pred)
    return bool(g) and bool(p) and (g in p or p in g)


def slot_agreement(gold: GoldEvent, pred: PredEvent) -> dict[str, bool | None]:
    """Per slot: True/False where gold states a value, None where gold is null."""
    qualifier = None if gold.count_qualifier is None else pred.count_qualifier == gold.count_qualifier
    same_year = pred.date is not None and gold.date is not None and gold.date[:4] == pred.date[:4]
    out: dict[str, bool | None] = {
        "date": None if gold.date is None else gold.date == pred.date,
        "date_year": None if gold.date is None else same_year,
        "count": None if gold.count is None else pred.count == int(gold.count),
        "injured": None if gold.injured is None else pred.injured == int(gold.injured),
        "count_qualifier": qualifier,
        "location": text_match(gold.location, pred.location) if gold.location else None,
        "actor": text_match(gold.actor, pred.actor) if gold.actor else None,
    }
    out["all_key_slots"] = all(out[k] for k in STRICT_SLOTS if out[k] is not None)
    return out


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _greedy_pairs(gold: list[GoldEvent], preds: list[PredEvent], text: str) -> Iterator[tuple[int, int]]:
    """Index pairs (gold, pred) matched one-to-one, best first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            span = p.span(text)
            if span is None:
                continue
            best_overlap = max(overlap(span, s) for s in g.spans)
            if best_overlap > 0:
                agreeing = sum(1 for v in slot_agreement(g, p).values() if v)
                candidates.append((agreeing, best_overlap, gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, _, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            yield gi, pi


def score(gold: Mapping[str, GoldArticle], preds: Iterable[PredEvent]) -> ScoreResult:
    """Match predictions to gold per article and type, and count what agrees."""
    by_article: dict[str, list[PredEvent]] = defaultdict(list)
    result = ScoreResult(counts={t: TypeCounts() for t in EVENT_TYPES}, slots={})
    for p in preds:
        if p.article_id in gold:
            by_article[p.article_id].append(p)
        else:
            result.unknown_article_ids += 1
    for aid, article in gold.items():
        for etype in EVENT_TYPES:
            gs = [g for g in article.events if g.event_type == etype]
            ps = [p for p in by_article.get(aid, []) if p.event_type == etype]
            counts = result.counts[etype]
            counts.gold += len(gs)
            counts.pred += len(ps)
            matched_gold: set[int] = set()
            matched_pred: set[int] = set()
            for gi, pi in _greedy_pairs(gs, ps, article.text):
                matched_gold.add(gi)
                matched_pred.add(pi)
                _count_match(result, aid, etype, Match(gs[gi], ps[pi], slot_agreement(gs[gi], ps[pi])))
            result.errors += [
                ScoreError("missed", aid, etype, g.evidence[:100])
                for gi, g in enumerate(gs)
                if gi not in matched_gold
            ]
            result.errors += [
                ScoreError("spurious", aid, etype, str(p.evidence)[:100])
                for pi, p in enumerate(ps)
                if pi not in matched_pred
            ]
    return result


def _count_match(result: ScoreResult, aid: str, etype: str, match: Match) -> None:
    counts = result.counts[etype]
    counts.tp += 1
    counts.strict_tp += int(bool(match.agreement["all_key_slots"]))
    result.matches.append(match)
    for slot, agrees in match.agreement.items():  # in the reference's order, which orders the errors
        if agrees is None:
            continue
        tally = result.slots.setdefault((etype, slot), [0, 0])
        tally[0] += int(agrees)
        tally[1] += 1
        if not agrees and slot in SLOTS:
            result.errors.append(
                ScoreError("slot", aid, etype, slot, getattr(match.gold, slot), getattr(match.pred, slot))
            )


# ---- report ----------------------------------------------------------------------------------


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    precision = tp / pred if pred else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _type_report(c: TypeCounts) -> dict[str, Any]:
    p, r, f = prf(c.tp, c.pred, c.gold)
    strict_f = prf(c.strict_tp, c.pred, c.gold)[2]
    return {
        "gold": c.gold,
        "pred": c.pred,
        "tp": c.tp,
        "strict_tp": c.strict_tp,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "strict_f1": round(strict_f, 4),
    }


def _accuracy(agree: int, total: int) -> dict[str, Any]:
    return {"accuracy": round(agree / total, 4) if total else None, "n": total}


def build_report(result: ScoreResult) -> dict[str, Any]:
    """The JSON report: the reference scorer's keys (types, overall, slots, unknown_article_ids)."""
    total = TypeCounts()
    for c in result.counts.values():
        total.gold += c.gold
        total.pred += c.pred
        total.tp += c.tp
        total.strict_tp += c.strict_tp
    per_slot: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    slots: dict[str, Any] = {}
    for (etype, slot), (agree, n) in result.slots.items():
        per_slot[slot][0] += agree
        per_slot[slot][1] += n
        slots[f"{etype}.{slot}"] = _accuracy(agree, n)
    slots.update({slot: _accuracy(agree, n) for slot, (agree, n) in per_slot.items()})
    # Geocoding needs the article texts for their place hints: `geo_report` adds it (command.run).
    report: dict[str, Any] = {
        "types": {t: _type_report(c) for t, c in result.counts.items()},
        "slots": slots,
        "unknown_article_ids": result.unknown_article_ids,
        "overall": _type_report(total),
    }
    merging = merging_report(result.matches)
    if merging is not None:
        report["merging"] = merging
    return report


def merging_report(matches: Iterable[Match]) -> dict[str, Any] | None:
    """Pairwise merge P/R/F1 over matched events of different articles; None without gold labels."""
    labelled = [(m.pred.article_id, m.gold.incident, m.pred.incident_id) for m in matches if m.gold.incident]
    if not labelled:
        return None
    both = predicted = gold = 0
    for i, (article, gold_label, pred_label) in enumerate(labelled):
        for other_article, other_gold, other_pred in labelled[i + 1 :]:
            if article == other_article:
                continue  # one article's events are never two reports of one incident
            same_gold = gold_label == other_gold
            same_pred = pred_label is not None and pred_label == other_pred
            gold += same_gold
            predicted += same_pred
            both += same_gold and same_pred
    precision, recall, f1 = prf(both, predicted, gold)
    return {
        "gold_pairs": gold,
        "pred_pairs": predicted,
        "both": both,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def geo_report(gold: Mapping[str, GoldArticle], result: ScoreResult) -> dict[str, Any]:
    """Geocoding of matched pairs: gold and predicted locations resolved in their article's
    place hints; shares of gold places in the gazetteer whose prediction is the same entry, or any entry."""
    from extractors.normalize.enrich import place_hints
    from extractors.normalize.places import geocoding_report

    hints = {aid: place_hints(gold[aid].text) for aid in {m.pred.article_id for m in result.matches}}
    return geocoding_report(
        (m.gold.location, m.pred.location, hints[m.pred.article_id]) for m in result.matches
    )


def format_report(report: Mapping[str, Any]) -> str:
    """The report as a table: P/R/F1 per type and overall, then slot accuracy."""
    lines = [f"{'type':<16}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}{'strictF1':>10}"]
    for name, c in [*report["types"].items(), ("overall", report["overall"])]:
        lines.append(
            f"{name:<16}{c['gold']:>6}{c['pred']:>6}{c['tp']:>6}"
            f"{c['precision']:>8.3f}{c['recall']:>8.3f}{c['f1']:>8.3f}{c['strict_f1']:>10.3f}"
        )
    lines.append("slot accuracy on matched events:")
    for slot in (*SLOTS, "date_year", "all_key_slots"):
        s = report["slots"].get(slot)
        if s and s["n"]:
            lines.append(f"  {slot:<16}{s['accuracy']:>7.3f}  (n={s['n']})")
    merging = report.get("merging")
    if merging is not None:
        lines.append(
            f"merging across articles: P {merging['precision']:.3f} R {merging['recall']:.3f} "
            f"F1 {merging['f1']:.3f} (gold pairs {merging['gold_pairs']}, "
            f"predicted pairs {merging['pred_pairs']})"
        )
    geo = report.get("geo")
    if geo and geo["in_gazetteer"]:
        lines.append(
            f"geocoding: {geo['in_gazetteer']} gold places in the gazetteer; predicted place is the "
            f"same entry {geo['same_entry']:.3f}, resolves at all {geo['resolved']:.3f}"
        )
    if report["unknown_article_ids"]:
        lines.append(
            f"warning: {report['unknown_article_ids']} predicted events name an article id "
            "not in the gold file"
        )
    return "\n".join(lines)


def score_files(gold_path: Path, pred_path: Path) -> ScoreResult:
    """Score an events output (Parquet file or dataset, or JSON Lines) against a gold file."""
    return score(load_gold(gold_path), load_predictions(pred_path))


def format_errors(errors: Iterable[ScoreError]) -> str:
    """One readable line per error: kind, article, type, then the slot values or the evidence."""
    lines = []
    for e in errors:
        head = f"{e.kind:<9}{e.article_id:<18}{e.event_type:<15}"
        if e.kind == "slot":
            lines.append(f"{head}{e.what}: gold={e.gold!r} pred={e.pred!r}")
        else:
            lines.append(f"{head}{e.what!r}")
    return "\n".join(lines)


# ---- the command -----------------------------------------------------------------------------
