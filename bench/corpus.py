"""A deterministic synthetic news corpus for throughput and memory benchmarks.

Texts are built from templates and filler sentences written for sitrep (fictional
wire stories about real places). The default mix looks like real conflict news:
most sentences report no event, some articles report none at all, and a few
sentences use trigger words in a non-event sense (a labour strike, hiring). The
`all_events` mix makes every sentence an event sentence, the worst case for a
trigger pre-filter. Article `i` depends only on `(seed, i)`, so a corpus of N
articles is a prefix of a corpus of 2N.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extractors.schema import Article

# (town, province or region, country): real places so gazetteers and the model see plausible names
PLACES = (
    ("Saraqib", "Idlib", "Syria"),
    ("Maarat al-Numan", "Idlib", "Syria"),
    ("Jisr al-Shughur", "Idlib", "Syria"),
    ("Tafas", "Daraa", "Syria"),
    ("Nawa", "Daraa", "Syria"),
    ("Douma", "Rif Dimashq", "Syria"),
    ("al-Mayadin", "Deir ez-Zor", "Syria"),
    ("Manbij", "Aleppo", "Syria"),
    ("Tal Abyad", "Raqqa", "Syria"),
    ("Qaim", "Anbar", "Iraq"),
    ("Tikrit", "Salahuddin", "Iraq"),
    ("Sinjar", "Nineveh", "Iraq"),
    ("Baiji", "Salahuddin", "Iraq"),
    ("Marib", "Marib", "Yemen"),
    ("Hodeidah", "Hodeidah", "Yemen"),
    ("Taiz", "Taiz", "Yemen"),
    ("Saada", "Saada", "Yemen"),
    ("El Fasher", "North Darfur", "Sudan"),
    ("Nyala", "South Darfur", "Sudan"),
    ("Omdurman", "Khartoum", "Sudan"),
    ("Sirte", "Sirte", "Libya"),
    ("Gharyan", "Jabal al-Gharbi", "Libya"),
    ("Baidoa", "Bay", "Somalia"),
    ("Kismayo", "Lower Juba", "Somalia"),
    ("Gao", "Gao", "Mali"),
    ("Maiduguri", "Borno", "Nigeria"),
)
CAPITALS = {
    "Syria": "DAMASCUS",
    "Iraq": "BAGHDAD",
    "Yemen": "SANAA",
    "Sudan": "KHARTOUM",
    "Libya": "TRIPOLI",
    "Somalia": "MOGADISHU",
    "Mali": "BAMAKO",
    "Nigeria": "ABUJA",
}
AIR_FORCES = (
    "Government warplanes",
    "Russian jets",
    "Coalition aircraft",
    "Army helicopters",
    "An unidentified drone",
    "Turkish drones",
    "Air force planes",
)
ARMED_GROUPS = (
    "the Islamic State group",
    "an Iran-backed militia",
    "the Syrian Democratic Forces",
    "the Rapid Support Forces",
    "Houthi fighters",
    "al-Shabaab militants",
    "a local tribal force",
    "the National Defence Forces",
)
VICTIMS = ("civilians", "people", "fighters", "soldiers", "children", "members of one family", "militants")
SOURCES = (
    "a war monitor said",
    "local medics said",
    "according to residents",
    "a military source said",
    "the health ministry said",
    "activists reported",
    "two security officials said",
)
AGENCIES = ("Wire", "Newsdesk", "Agencies", "Staff")
NUMBER_WORDS = (
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens of",
    "several",
)
VAGUE = ("dozens of", "several")  # vague amounts take no "at least"/"about" in front
QUALIFIERS = ("at least ", "more than ", "about ", "nearly ", "up to ", "", "", "")
WHEN = (
    "on Monday",
    "on Tuesday",
    "late on Wednesday",
    "on Thursday morning",
    "on Friday",
    "overnight",
    "yesterday",
    "last week",
    "earlier this month",
    "on Sunday night",
    "in the past three days",
    "",
)

# One template per sentence; slots are filled from the tables above.
EVENT_TEMPLATES = {
    "air_strike": (
        "{air} struck {place} {when}, {source}.",
        "{air} carried out {n} raids on the outskirts of {place} {when}.",
        "An air strike hit a market in {place} {when}, {source}.",
        "{air} bombed positions of {group} near {place} {when}.",
        "Helicopters dropped {n} barrel bombs on villages around {place} {when}, {source}.",
        "A drone targeted a vehicle on the road between {place} and {place2} {when}.",
    ),
    "casualties": (
        "{q}{num} {victims} were killed in {place} {when}, {source}.",
        "The strikes killed {q}{num} {victims} and wounded {num2} others, {source}.",
        "{Q}{num} {victims} died and {num2} were injured when shells hit {place} {when}.",
        "The death toll from the attack on {place} rose to {count}, {source}.",
        "Clashes with {group} near {place} left {q}{num} {victims} dead {when}.",
    ),
    "recruitment": (
        "{Group} has recruited {q}{num} young men in {place} {when}, {source}.",
        "{Q}{num} former rebels joined {group} in {place} {when}.",
        "{Group} enlisted {q}{count} fighters from villages near {place} {when}, {source}.",
        "Authorities in {place} conscripted {q}{num} men into the army {when}.",
        "{Group} began training {q}{count} new recruits at a camp outside {place} {when}.",
    ),
    "reconciliation": (
        "{Q}{count} fighters in {place} settled their status with the government {when}, {source}.",
        "Elders of {place} signed a reconciliation agreement with {group} {when}.",
        "{place} returned to government control under a settlement deal {when}, {source}.",
        "{Q}{num} gunmen surrendered their weapons in {place} under a local agreement {when}.",
    ),
}

# Sentences that report no event; some deliberately use trigger words in another sense.
FILLER = (
    "The price of bread in {place} has doubled since the start of the year, traders said.",
    "Residents said electricity was available for only four hours a day.",
    "The United Nations called on all parties to allow aid convoys to reach {place}.",
    "Schools in the province reopened after a two-month break, the education office said.",
    "A delegation from {country} is expected to attend talks in Geneva next month.",
    "The governor of {region} met tribal leaders to discuss water shortages.",
    "Heavy rain flooded several camps for displaced families near {place}.",
    "Farmers in {region} said the wheat harvest was the smallest in a decade.",
    "The ministry did not respond to a request for comment.",
    "It was not possible to verify the reports independently.",
    "The road between {place} and {place2} reopened to civilian traffic on Saturday.",
    "Aid workers said thousands of families still lack clean water and medicine.",
    "The local council announced plans to repair the main hospital by the end of the year.",
    "Fuel shortages have forced many bakeries in {place} to close early.",
    "The currency lost a fifth of its value against the dollar over the summer.",
    "A new bridge over the river was inaugurated in the presence of officials from {country}.",
    "Diplomats said a ceasefire proposal would be discussed at the next meeting.",
    "The football club from {place} won the regional cup after a penalty shoot-out.",
    "Teachers in {region} went on strike over unpaid salaries for the third week.",
    "A telecoms company said it would hire 200 engineers to rebuild the mobile network.",
    "Officials said they would reconcile the budget figures with the central bank.",
    "Opposition leaders threatened more protests if their demands were not met.",
    "The minister denied reports that the border crossing would be closed.",
    "Local journalists said internet access was cut for most of the day.",
    "The World Food Programme said rations would be reduced from next month.",
    "Hundreds of displaced people returned to their homes in {place} during the summer.",
    "The report said humanitarian needs had grown for the fifth year in a row.",
    "Officials in {region} registered newborn children at a mobile office.",
    "Traders complained that checkpoints on the highway slowed the delivery of goods.",
    "The health directorate opened a vaccination campaign against measles.",
    "Prices of cooking gas rose by {num2} percent in {region} in a single week, a consumer group said.",
    "Negotiators from {country} and neighbouring states held a second round of talks {when}.",
    "The central bank said it would print new notes to ease a shortage of cash in {region}.",
    "A local radio station in {place} resumed broadcasting after repairs to its transmitter.",
    "Students sat their final exams in tents because their school in {place} has no roof.",
    "Officials said {num2} trucks of flour crossed into {region} {when}.",
    "A court in {place} adjourned the trial of a former official until next month.",
    "Doctors at the hospital in {place} said they were running short of anaesthetics.",
    "The water station serving {place} has been out of service for {num2} days, engineers said.",
    "Observers said turnout in the municipal elections in {region} was low.",
    "Youth groups organised a clean-up campaign in the old market of {place}.",
    "The World Health Organization said it had delivered {num2} tonnes of supplies {when}.",
    "Several families in {place} said they could no longer afford rent.",
    "The transport ministry promised to rebuild the airport terminal within two years.",
    "Mobile clinics visited {num2} villages in {region} over the past month.",
)

TITLES = (
    "Fighting flares in {region}",
    "Residents of {place} face new hardship",
    "Tensions rise around {place}",
    "Officials in {region} report on the week",
    "Aid groups warn over conditions in {country}",
)


@dataclass(frozen=True)
class CorpusSpec:
    """How to build a corpus: size, seed, and whether every sentence reports an event."""

    articles: int
    seed: int = 20261201
    all_events: bool = False


def _fill(template: str, rng: random.Random) -> str:
    town, region, country = rng.choice(PLACES)
    other = rng.choice(PLACES)[0]
    group = rng.choice(ARMED_GROUPS)
    number = rng.choice(NUMBER_WORDS) if rng.random() < 0.4 else str(rng.randint(2, 90))
    qualifier = "" if number in VAGUE else rng.choice(QUALIFIERS)
    text = template.format(
        air=rng.choice(AIR_FORCES),
        place=town,
        place2=other,
        region=region,
        country=country,
        when=rng.choice(WHEN),
        source=rng.choice(SOURCES),
        group=group,
        Group=group[0].upper() + group[1:],
        n=rng.choice(("two", "three", "four", "several", "12", "dozens of")),
        q=qualifier,
        Q=qualifier.capitalize(),
        num=number,
        num2=rng.randint(2, 60),
        count=rng.randint(10, 400),
        victims=rng.choice(VICTIMS),
    )
    text = " ".join(text.split())  # an empty slot must not leave a double space
    text = text.replace(" ,", ",").replace(" .", ".")
    return text[0].upper() + text[1:]


def _sentence(rng: random.Random, event_share: float) -> str:
    if rng.random() < event_share:
        event_type = rng.choice(tuple(EVENT_TEMPLATES))
        return _fill(rng.choice(EVENT_TEMPLATES[event_type]), rng)
    return _fill(rng.choice(FILLER), rng)


def make_article(spec: CorpusSpec, index: int) -> Article:
    """Article number `index` of the corpus; depends only on the seed and the index."""
    rng = random.Random(f"{spec.seed}:{index}")
    published = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    if spec.all_events:
        sentences = [_sentence(rng, 1.0) for _ in range(rng.randint(4, 12))]
    else:
        # a third of the articles report nothing; the rest one to three events among filler
        n_events = 0 if rng.random() < 0.33 else rng.randint(1, 3)
        sentences = [_sentence(rng, 0.0) for _ in range(rng.randint(8, 30))]
        for _ in range(n_events):
            sentences.insert(rng.randint(0, len(sentences)), _sentence(rng, 1.0))
    paragraphs, i = [], 0
    while i < len(sentences):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i : i + size]))
        i += size
    town, _, country = rng.choice(PLACES)
    if rng.random() < 0.6:
        agency = rng.choice(AGENCIES)
        city = rng.choice((town.upper(), CAPITALS[country]))
        paragraphs[0] = f"{city}, {published:%b} {published.day} ({agency}) - {paragraphs[0]}"
    text = "\n\n".join(paragraphs)
    url = f"https://bench.example/{spec.seed}/{index}"
    return Article(
        article_id=f"bench-{index:07d}",
        text=text,
        url=url,
        title=_fill(rng.choice(TITLES), rng),
        published=published,
        published_source="input",
    )


def make_articles(spec: CorpusSpec) -> Iterator[Article]:
    """The corpus, streamed."""
    for index in range(spec.articles):
        yield make_article(spec, index)


def write_jsonl(spec: CorpusSpec, path: Path) -> int:
    """Write the corpus as JSON Lines in the input format `sitrep run` reads; return the word count."""
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for article in make_articles(spec):
            words += len(article.text.split())
            record = {
                "id": article.article_id,
                "url": article.url,
                "title": article.title,
                "published": article.published.isoformat() if article.published else None,
                "text": article.text,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic sitrep benchmark corpus (JSON Lines).")
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=CorpusSpec.seed)
    parser.add_argument("--all-events", action="store_true")
    args = parser.parse_args(argv)
    words = write_jsonl(CorpusSpec(args.articles, args.seed, args.all_events), args.out)
    print(f"{args.articles} articles, {words} words -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
