"""casualties: the many ways reports word a death toll (sentences of our own)."""

from __future__ import annotations

import pytest
from extract_cases import of_type, run

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "count", "qualifier", "injured"),
    [
        # bodies found or recovered are the dead
        ("Rescue teams pulled the bodies of eleven fishermen from the river near Baga.", 11, "exact", None),
        ("Villagers found the body of a teacher in a ditch outside Bama.", 1, "exact", None),
        ("Police said they had found 17 bodies dumped near the market in Dora.", 17, "exact", None),
        ("At least six bodies were recovered from the rubble of the clinic.", 6, "at_least", None),
        # "neutralise" in a military report is a killing; "scores" is no count
        ("The air component neutralised 23 insurgents around the forest, the army said.", 23, "exact", None),
        ("Scores of gunmen were neutralised when troops repelled the raid on the base.", None, None, None),
        # a martyrdom noun and a family counted by its members
        ("The strike led to the martyrdom of 4 paramedics in the town of Saraqib.", 4, "exact", None),
        ("Raiders killed a family of seven in their home in the village of Dogo.", 7, "exact", None),
        # the attack's own number (one strike) is not the victims' count
        ("The town was hit by an air raid killing more than 25 in the main square.", 25, "at_least", None),
        # "a number of" wounded is no count and adds no one to the dead
        ("Four martyrs and a number of wounded were reported after the shelling of Ariha.", 4, "exact", None),
        ("The car bomb killed 9 people in Afrin, in addition to tens of wounded.", 9, "exact", 10),
        # "both" counts two; an injury joined to the dead adds no one
        ("A helicopter crashed near Afrin with both crew members being killed.", 2, "exact", None),
        (
            "Army shelling hit Tafas, resulting in the death of 2 civilians and the injury of several more.",
            2,
            "exact",
            3,
        ),
        # "took the lives of"; a clause of its own is not under its neighbour's "failed"
        ("Another attack in Jos took the lives of two guards and wounded five more.", 2, "exact", 5),
        (
            "Rebels mounted two attacks; the first attack failed but the second attack killed four soldiers.",
            4,
            "exact",
            None,
        ),
        # one person named is a toll of one; with others counted, one more
        ("Army shelling in the old quarter killed Ahmed Saleh, a former commander.", 1, "exact", None),
        ("On 29 August, Ahmed Saleh, head of the local council, was killed in action.", 1, "exact", None),
        ("Jets killed Ahmed Saleh and 12 other fighters near the village of Kafr Nabl.", 13, "exact", None),
        ("15+ soldiers and 4 policemen were killed in the attack on the checkpoint.", 19, "at_least", None),
    ],
)
def test_casualty_wording(text, count, qualifier, injured):
    (event,) = of_type(run(text), "casualties")
    assert (event.count, event.count_qualifier, event.injured) == (count, qualifier, injured)


@pytest.mark.parametrize(
    "text",
    [
        "Engineers neutralised three roadside bombs on the road to Damboa.",
        "A body of lawyers will examine the ceasefire terms next month.",
        # bodies that nobody came upon: organisations, or a witness's estimate of a toll
        "The commission set up two bodies to monitor the truce.",
        "A nurse said she had counted 40 bodies at the morgue.",
    ],
)
def test_words_that_kill_only_people(text):
    assert of_type(run(text), "casualties") == []


def test_who_recovered_bodies_is_not_the_killer():
    text = "Soldiers recovered the bodies of six farmers near Gubio on Monday."
    (event,) = of_type(run(text), "casualties")
    assert (event.count, event.actor) == (6, None)
