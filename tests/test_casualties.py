"""Killed / injured counts by ACLED's conservative rules (sigact.casualties)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sigact.casualties import Casualties, find_casualties


@pytest.mark.parametrize("sentence,killed,injured", [
    ("two truffle hunters were killed when a landmine exploded near them", 2, None),
    ("three fishermen were wounded by shelling", None, 3),
    # named people with their roles
    ("the United States military undertook a strike in Iraq that killed Qassem Soleimani, the Commander of the "
     "Islamic Revolutionary Guard Corps-Quds Force, and Abu Mahdi al-Muhandis, the leader of Kata'ib Hizballah, "
     "near Baghdad International Airport.", 2, None),
    # injuries sustained or suffered
    ("On Oct. 19, two U.S. service members sustained minor injuries.", None, 2),
    # no one hurt: no one killed either
    ("No one sustained injuries in the attack.", 0, 0),
    # one number for the dead and the hurt together says neither
    ("where more than 60 civilians were killed and injured in multiple bombings", None, None),
    ("The attack killed or wounded 15 soldiers.", None, None),
    # a War Powers letter: operatives are people, and an aside does not break the count
    ("Approximately 11 ISIS operatives, including al-Sudani, were killed during the operation.", 11, None),
    # a letter: "martyred", an aside inside the list, and "as well as" joining its parts
    ("seven Iranian military advisers, including two senior commanders, as well as six Syrian nationals were "
     "martyred.", 13, None),
    ("Two soldiers as well as a civilian were killed.", 3, None),
    # official statements in translation: "the martyrdom of", "the wounding of"
    ("An explosive device detonated on the detachment's patrol vehicle, followed by direct fire from the terrorists, "
     "resulting in the martyrdom of nine heroes of the Federal Police, including an officer, and the wounding of two "
     "others.", 9, 2),
    ("The shelling led to the injury of three civilians.", None, 3),
    # a second count sharing the first one's verb; an adverb before the verb; injuries "to" people
    ("Seven civilians, including four children, were killed and 12 others injured on Friday.", 7, 12),
    ("The vessel caught fire and one mariner was severely injured, Central Command said.", None, 1),
    ("an attack that caused minor injuries to eight personnel.", None, 8),
    ("killing YBS commander Said Hassan and his nephew.", 2, None),
    ("Initial assessments are that two or three suspected militants were killed.", 2, None),
    # a named man with his role as the subject of a passive kill verb is one
    ("On Monday, Dec. 26, Abu Jandal al-Kuwaiti, an ISIL gang leader in Raqqah was struck and killed by a coalition "
     "airstrike near Tabqa Dam, Syria.", 1, None),
    ("Hamza al-Homsi, a senior ISIS official, was killed in the raid.", 1, None),
    ("The assessment is that the airstrike killed three terrorists and no civilians were injured or killed.", 3, 0),
    ("No civilians were injured or killed.", 0, 0),
    ("Australia is deeply distressed by the deaths of seven aid workers, who were killed in an Israeli strike.", 7,
     None),
    ("Three U.S. service members were treated for minor injuries.", None, 3),
    ("multiple drones targeted the garrison; there were no U.S. casualties.", 0, 0),
    # seed 004
    ("The US military on Thursday (February 25) struck Iran-backed militias in eastern Syria, killing at "
     "least 22 fighters, in what the Pentagon said was a message.", 22, None),
    ("The Syrian Observatory for Human Rights said at least 22 fighters were killed when the strikes "
     "occurred.", 22, None),
    ("A February 15 strike on a military complex at Erbil airport in northern Iraq's Kurdish region killed a "
     "civilian and a foreign contractor working with coalition forces, and wounded several US contractors "
     "and a soldier.", 2, None),
    # seed 002
    ("A drone strike on an outpost on the Jordan-Syria border on January 28 killed three Americans and "
     "wounded scores more; the “Islamic Resistance in Iraq” claimed responsibility for the attack.", 3, None),
    # seed 001 / 000
    ("None of the attacks resulted in any casualties.", 0, 0),
    ("No casualties were reported as a result of the attack.", 0, 0),
    ("Casualties unknown.", None, None),
    ("Casualties are unclear.", None, None),
    # plain counts
    ("Eight people were killed and 10 injured.", 8, 10),
    ("Two civilians were killed and three wounded.", 2, 3),
    ("US officials said 34 service members were injured in the attack.", None, 34),
    ("The blast injured 2. There were no fatalities.", 0, 2),
    ("The rocket hit a house, no one was killed but four people were wounded.", 0, 4),
    ("Nobody was hurt.", 0, 0),
    ("The death toll rose to 15.", 15, None),
    ("The attack left five soldiers dead.", 5, None),
    # vague and conventional quantities
    ("dozens of people were killed", 12, None),
    ("Dozens of people were killed in the attack.", 12, None),
    ("a dozen soldiers were wounded", None, 12),
    ("Several people were injured.", None, None),
    ("Many civilians were killed in the shelling.", None, None),
    # ranges take the lower bound
    ("5-7 people were killed", 5, None),
    ("5 to 7 people were killed", 5, None),
    # dates, times and distances are not counts
    ("The blast on January 28, 2024 killed 3 soldiers.", 3, None),
    ("The bomb killed 3 soldiers 10 km from the border at 10:30.", 3, None),
    # attacker's own death is not counted
    ("A suicide bomber blew himself up, killing five people.", 4, None),
    # nothing said
    ("The convoy was damaged.", None, None),
])
def test_find_casualties(sentence: str, killed: int | None, injured: int | None) -> None:
    c = find_casualties(sentence)
    assert (c.killed, c.injured) == (killed, injured)


def test_said_flag() -> None:
    assert find_casualties("The convoy was damaged.") == Casualties(None, None, False)
    assert find_casualties("Several people were injured.").said is True
    assert find_casualties("Casualties unknown.").said is True
    assert find_casualties("Eight people were killed and 10 injured.").said is True


@pytest.mark.xfail(strict=True, reason="BUG: 'between 5 and 7 killed' -> 7 ('and' is not a range separator, "
                   "so '7 killed' matches alone); the lower bound 5 is expected")
def test_between_range_without_noun() -> None:
    assert find_casualties("between 5 and 7 killed").killed == 5


@pytest.mark.xfail(strict=True, reason="BUG: 'Between 5 and 7 people were killed.' -> 12: the range is read "
                   "as a list '5 and 7 people' and summed")
def test_between_range_is_not_summed() -> None:
    assert find_casualties("Between 5 and 7 people were killed.").killed == 5


def test_thousands_separator() -> None:
    assert find_casualties("The attack killed 1,200 people.").killed == 1200


def test_comma_list_is_summed() -> None:
    # counterpart of the bug above: a real list separated by commas is a sum
    assert find_casualties("The strike killed two soldiers, three policemen and a child.").killed == 6


def test_long_list_is_fast() -> None:
    sentence = "killed " + "5 people and " * 20 + "x"
    start = time.perf_counter()
    find_casualties(sentence)
    assert time.perf_counter() - start < 0.1


# -- properties -------------------------------------------------------------------------------------

WORDS = st.sampled_from([
    "killed", "killing", "wounded", "injured", "dead", "at least", "5", "12", "1,200", "5-7", "dozens",
    "a dozen", "people", "and", "a", "civilian", "soldiers", "were", "was", "no", "casualties", "between",
    "to", "several",
    "scores", "blew himself up", "on", "January 5", "2020", "10 km", "of", "the", ",", ".", "none", "unknown",
    "death toll", "rose to", "left", "fatalities", "nobody was hurt", "himself",
])


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.lists(WORDS, max_size=25).map(" ".join)))
def test_find_casualties_never_raises(sentence: str) -> None:
    c = find_casualties(sentence)
    assert c.killed is None or (isinstance(c.killed, int) and c.killed >= 0)
    assert c.injured is None or (isinstance(c.injured, int) and c.injured >= 0)
    if c.killed is not None or c.injured is not None:
        assert c.said


@pytest.mark.parametrize("text,killed,injured", [
    ("The attack resulted in three U.S. personnel injured.", None, 3),
    ("Three U.S. service members were injured.", None, 3),
    ("The blast left two soldiers wounded.", None, 2),
    ("The blast left four people dead.", 4, None),
])
def test_abbreviated_nationalities_and_left_wounded(text: str, killed: int | None, injured: int | None) -> None:
    c = find_casualties(text)
    assert (c.killed, c.injured) == (killed, injured)


@pytest.mark.parametrize("text,killed", [
    ("A strike in Syria killed Abu Yusif, a senior ISIS leader.", 1),
    ("A strike killed Mushtaq Taleb al-Saidi, a Harakat al-Nujaba commander, in Baghdad.", 1),
    ("The strike killed Iraqi soldiers near the base.", None),
])
def test_a_named_person_killed_counts_one(text: str, killed: int | None) -> None:
    assert find_casualties(text).killed == killed


@pytest.mark.parametrize("text,killed", [
    ("The strike killed the five militants.", 5),
    ("The raid killed all three passengers.", 3),
])
def test_a_definite_count_of_victims_is_counted(text: str, killed: int) -> None:
    assert find_casualties(text).killed == killed


@pytest.mark.parametrize("text,killed,injured", [
    ("He wishes those injured a speedy recovery.", None, None),  # an article counts one only before a person
    ("Preliminary reports indicate that five children have died.", 5, None),
    ("Gunmen using silencers shot and killed a police captain in Garma city.", 1, None),
    ("A peshmerga lieutenant was killed in the attack.", 1, None),
])
def test_articles_ranks_and_perfect_deaths(text: str, killed: int | None, injured: int | None) -> None:
    c = find_casualties(text)
    assert (c.killed, c.injured) == (killed, injured)


@pytest.mark.parametrize(("text", "killed"), [
    ("Twelve children and teenagers were killed when a rocket struck a soccer field.", 12),
    ("BEIRUT — Reuters videographer Issam Abdallah was killed and six other journalists were wounded.", 1),
    ("Two soldiers and a civilian were killed.", 3),
    ("Experts estimate that as many as 230,000 women, children and men have died as a result of the conflict.", None),
])
def test_group_counts_named_victims_and_war_tolls(text: str, killed: int | None) -> None:
    assert find_casualties(text).killed == killed
