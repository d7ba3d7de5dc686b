"""Extraction rules on single sentences and short passages, in the wording of real reporting.

Each case states the principle it guards; the golden tests cover whole articles.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sigact.knowledge.gazetteer import haversine_km
from sigact.pipeline import extract_text


def _events(text: str, published: str = "2024-01-28") -> list[dict[str, Any]]:
    return [e.as_schema_dict() for e in extract_text(text, published=published)]


def _channel_events(text: str, published: date, url: str | None = None) -> list[Any]:
    """Events of a whole document, as a channel (known by its URL or masthead) publishes it."""
    from sigact.pipeline import process_document
    from sigact.records import Document

    return process_document(Document(doc_id="d", source="d", text=text, url=url, published=published)).events


@pytest.mark.parametrize("text", [
    "At the request of the Government of Jordan, approximately 2,976 United States military personnel are "
    "deployed to Jordan to support Defeat-ISIS operations.",
    "United States Armed Forces continue to conduct humane and secure detention operations for detainees held "
    "at Guantanamo Bay, Cuba.",
    "Since the last periodic report, United States forces have conducted a small number of airstrikes against "
    "al-Shabaab in Somalia.",
    # briefing-room talk: strikes that go on, a series judged, sanctions carried out
    "But it's also true that airstrikes continue in Syria.",
    "Number one, most of these missile attacks and drone attacks on ships in the Red Sea have been ineffective.",
    "We have imposed visa restrictions and we have executed sanctions on some of the settlers in Syria.",
    "And it’s also true that civilians keep dying from these airstrikes in Gaza.",
    "On Gaza, of course in the wake of Sinwar’s killing, we have had conversations with our Israeli counterparts.",
    "Q    — who was killed in the West Bank.  I think you were trying to get to that.",
    # statements on the war at large: a toll, a report's contents, a role
    "This is part of a much wider human catastrophe: hundreds of thousands of Syrians have been killed at the hands "
    "of Assad and ISIL, and historic cities such as Aleppo have been reduced to rubble by regime bombardment.",
    "The report by the UN Independent Commission of Inquiry on Syria makes grim reading: it details deliberate "
    "attacks against civilians, and unabated violations of human rights such as torture, illegal detentions, "
    "executions and sexual violence.",
    "Reports of continued air strikes and fighting in Wadi Barada are a matter of concern.",
    # general news: protection against strikes, a moon shot
    "Air patrols provide a modicum of protection to civilians in Rukban against Russian airstrikes and other "
    "military activities in the region.",
    "NASA on Monday enlisted Blue Origin and SpaceX to prepare the ground for its planned 2024 crewed moon shot in "
    "Florida.",
    "I am appalled by reports of the recruitment of children as young as 10 in Mosul as soldiers, executioners and "
    "suicide bombers.",
])
def test_standing_deployments_and_period_summaries_are_not_events(text: str) -> None:
    assert _events(text, "2021-06-08") == []


def test_the_date_of_a_report_is_not_the_date_of_the_event() -> None:
    (ev,) = _events("As reported on March 25, 2023, I directed United States forces to conduct precision strikes "
                    "on March 23, 2023, against facilities in eastern Syria used by groups affiliated with the IRGC.",
                    "2023-06-08")
    assert ev["event_date"] == "2023-03-23" and ev["sub_event_type"] == "Air/drone strike"


def test_one_event_per_day_when_several_days_are_named() -> None:
    evs = _events("I directed United States forces to conduct discrete strikes on November 11, 2024, and on "
                  "November 26, 2024, against facilities in Syria used by Iran's IRGC.", "2024-12-06")
    assert sorted(e["event_date"] for e in evs) == ["2024-11-11", "2024-11-26"]
    assert {e["actor1"] for e in evs} == {"Military Forces of the United States"}


def test_a_state_striking_is_an_air_strike_and_today_is_the_publication_day() -> None:
    (ev,) = _events("This afternoon, at my direction, U.S. military forces struck targets at facilities in Iraq "
                    "that the IRGC and affiliated militia use to attack U.S. forces.", "2024-02-02")
    assert ev["event_date"] == "2024-02-02"
    assert ev["sub_event_type"] == "Air/drone strike" and ev["actor1"] == "Military Forces of the United States"
    assert ev["country"] == "Iraq"


def test_a_strike_placed_only_in_a_country_goes_to_where_the_target_is_based() -> None:
    # the registry's area for the IRGC in Syria, not Damascus; the text names no place, so neither do we
    (ev,) = _events("I directed United States forces to conduct discrete strikes on November 11, 2024, against "
                    "facilities in Syria used by Iran’s Islamic Revolutionary Guard Corps.", "2024-12-06")
    assert (ev["country"], ev["admin1"], ev["location"], ev["geo_precision"]) == ("Syria", "Deir ez-Zor", None, 3)
    # with no area known, the capital stands for the country
    (ev,) = _events("U.S. forces conducted strikes on Sunday against facilities in Syria used by Hamas.")
    assert ev["location"] == "Damascus"


def test_a_retaliatory_strike_is_not_placed_where_the_attack_it_answers_was() -> None:
    evs = _events("Early this morning in northern Iraq, U.S. military personnel were targeted by a one-way attack "
                  "drone. The attack wounded three U.S. service-members. Kataib Hezbollah claimed credit for the "
                  "attack. During that call, the President directed strikes against three locations utilized by "
                  "Kataib Hezbollah.", "2023-12-25")
    strike = next(e for e in evs if e["actor1"] == "Military Forces of the United States")
    attack = next(e for e in evs if e["actor1"] == "Kataib Hezbollah")
    assert strike["admin1"] == "Babil" and attack["lat"] > 35.0


def test_soldiers_hit_with_a_contractor_make_the_attack_one_on_their_force() -> None:
    (ev,) = _events("On March 23, 2023, a one-way unmanned aerial system attack tragically killed one American "
                    "contractor supporting the United States military, and wounded six others, including five "
                    "United States service members.", "2023-03-25")
    assert ev["actor2"] == "Military Forces of the United States"
    assert (ev["fatalities"], ev["injuries"]) == (1, 6)


def test_a_sentence_naming_one_country_beats_one_naming_several() -> None:
    evs = _events("Militia groups have perpetrated a series of attacks against United States personnel and "
                  "facilities in Iraq and Syria.  On March 23, 2023, a one-way unmanned aerial system attack "
                  "killed one American contractor.  The March 23 attack followed a number of prior attacks "
                  "against United States forces in Syria.", "2023-03-25")
    assert [e["country"] for e in evs] == ["Syria"]


def test_a_commando_raid_that_kills_is_a_clash_not_the_air_strike_told_before() -> None:
    evs = _events("On January 20, 2023, United States forces conducted an airstrike in Syria against ISIS. "
                  "Additionally, I directed a direct action raid on January 25, 2023, at a remote location in "
                  "northern Somalia to capture Bilal al-Sudani, an ISIS leader in Somalia.  Approximately 11 ISIS "
                  "operatives, including al-Sudani, were killed during the operation.", "2023-06-08")
    raid = next(e for e in evs if e["country"] == "Somalia")
    assert (raid["sub_event_type"], raid["fatalities"]) == ("Armed clash", 11)
    assert raid["actor1"] == "Military Forces of the United States" and raid["actor2"] == "Islamic State"


def test_one_of_a_series_told_with_its_day_is_an_event_of_its_own() -> None:
    evs = _events("As reported on March 25, 2023, I directed United States forces to conduct precision strikes on "
                  "March 23, 2023, against facilities in eastern Syria used by groups affiliated with the IRGC.  "
                  "This followed a series of attacks against United States personnel in Iraq and Syria.  One such "
                  "attack, on March 23, 2023, tragically killed one American contractor and wounded five United "
                  "States service members.", "2023-06-08")
    assert len(evs) == 2
    attack = next(e for e in evs if e["actor2"] == "Military Forces of the United States")
    assert attack["sub_event_type"] != "Air/drone strike" or attack["method"] != "airstrike"  # not the US weapon
    assert (attack["fatalities"], attack["injuries"]) == (1, 5)


def test_where_rockets_were_launched_from_is_no_second_event() -> None:
    (ev,) = _events("On April 7, at approximately 2:00 a.m. local time, two rockets were launched at Green Village "
                    "in northeast Syria. No coalition personnel were injured. A preliminary investigation indicates "
                    "that the rockets were launched from the vicinity of Shaddadi.", "2023-04-08")
    assert ev["sub_event_type"] == "Shelling/artillery/missile attack" and ev["lat"] > 35.0


def test_a_partnered_raid_that_kills_militants_is_a_clash() -> None:
    (ev,) = _events("On Aug. 29, Iraqi Security Forces and U.S. forces conducted a partnered raid in western Iraq, "
                    "killing 15 ISIS operatives.", "2024-09-10")
    assert (ev["sub_event_type"], ev["fatalities"], ev["country"]) == ("Armed clash", 15, "Iraq")


def test_a_sea_is_not_the_port_it_is_named_after() -> None:
    (ev,) = _events("At approximately 10:45 a.m. (Sanaa time) on Monday, the Houthis fired two anti-ship ballistic "
                    "missiles from Houthi-controlled areas of Yemen into the Gulf of Aden.", "2024-02-20")
    assert ev["location"] == "Gulf of Aden" and ev["geo_precision"] == 2


def test_action_against_a_leader_is_the_strike_and_his_record_is_no_event() -> None:
    (ev,) = _events("On Jan. 4, at approximately 12:15 p.m. (Iraq time), U.S. forces took necessary and "
                    "proportionate action against Mushtaq Jawad Kazim al-Jawari, a leader of Harakat al-Nujaba, who "
                    "was actively involved in planning and carrying out attacks against American personnel. The "
                    "strike also killed one other HAN member.", "2024-01-04")
    assert (ev["actor1"], ev["actor2"]) == ("Military Forces of the United States", "Harakat Hezbollah al-Nujaba")
    assert ev["sub_event_type"] == "Air/drone strike" and ev["country"] == "Iraq"
    assert _events("The company took legal action against the ministry on Monday.") == []


def test_a_clock_named_after_a_city_is_not_the_place() -> None:
    (ev,) = _events("On January 20, at approximately 6:30 p.m. (Baghdad time), Iranian-backed militants in western "
                    "Iraq launched multiple ballistic missiles and rockets targeting Al-Asad Airbase.", "2024-01-21")
    assert ev["location"] == "Ain al-Asad Air Base"


def test_a_named_region_keeps_its_own_point_over_the_targets_area() -> None:
    (ev,) = _events("Today, U.S. military forces conducted self-defense strikes on two facilities in northwestern "
                    "Syria used by Iran's Islamic Revolutionary Guard Corps.", "2023-10-27")
    assert ev["admin1"] != "Deir ez-Zor" and ev["lon"] < 38.5


@pytest.mark.parametrize("text,actor1,sub", [
    ("Iraqi forces recaptured the town of Rutba from Islamic State on Monday.",
     "Military Forces of Iraq", "Government regains territory"),
    ("The Popular Mobilization Forces retook the village of Bashir from IS on Monday.",  # an affiliate
     "Popular Mobilization Forces", "Government regains territory"),
    ("Syrian opposition forces liberated the Syrian town of Dabiq from ISIL control on Sunday.",
     "Opposition Rebels (Syria)", "Non-state actor overtakes territory"),
    ("Turkish forces captured the town of Jindires in Afrin on Monday.",  # a foreign state
     "Military Forces of Turkey", "Non-state actor overtakes territory"),
])
def test_who_takes_territory_decides_the_sub_event_type(text: str, actor1: str, sub: str) -> None:
    (ev,) = _events(text, "2024-02-02")
    assert (ev["actor1"], ev["sub_event_type"], ev["event_date"]) == (actor1, sub, ev["event_date"])
    assert ev["event_date"] != "2024-02-02"  # "from IS on Monday" still dates it


def test_an_associate_is_not_the_actor() -> None:
    (ev,) = _events("The United States commends the Syrian Democratic Forces (SDF), who, along with Coalition "
                    "forces, completed operations to re-take full control of the Hasakah prison in Syria.",
                    "2022-01-30")
    assert ev["actor1"] == "SDF: Syrian Democratic Forces" and ev["location"] == "Hasakah"


@pytest.mark.parametrize("text", [
    "The meeting will discuss the stabilization of liberated areas in Iraq and Syria.",
    "ISIL has generated millions of dollars from trafficking in looted archaeological material from Syria.",
])
def test_adjectives_that_look_like_events_are_not(text: str) -> None:
    assert _events(text) == []


def test_near_a_border_the_region_point_moves_to_the_border() -> None:
    (ev,) = _events("Last night, three U.S. service members were killed during an unmanned aerial drone attack on "
                    "our forces stationed in northeast Jordan near the Syria border.", "2024-01-28")
    assert ev["country"] == "Jordan" and ev["lat"] > 33.0 and ev["lon"] > 38.2  # the tri-border, not Irbid
    (ev,) = _events("On Sunday, U.S. forces struck a militia facility in eastern Syria near the Iraqi border.")
    assert ev["country"] == "Syria" and ev["lon"] > 40.5  # the Euphrates at the border, not Deir ez-Zor city


@pytest.mark.parametrize(("part", "admin1", "near"), [
    ("southern Syria", "Daraa", (32.62, 36.10)),  # the Hauran, not the desert at the middle of the south
    ("northern Yemen", "Saada", (16.94, 43.76)),  # not Hadramawt's desert, the geometric north
    ("eastern Syria", "Deir ez-Zor", (34.45, 40.92)),  # the Euphrates valley, within reach of Albu Kamal
])
def test_a_conventional_part_of_a_country_is_where_coders_put_it(
        part: str, admin1: str, near: tuple[float, float]) -> None:
    (ev,) = _events(f"Overnight, fighter jets struck military targets in {part}.", "2023-04-09")
    assert (ev["location"], ev["admin1"], ev["geo_precision"]) == (None, admin1, 3)
    assert haversine_km(ev["lat"], ev["lon"], *near) < 100


def test_list_lines_take_the_day_of_the_heading_they_sit_under() -> None:
    evs = _events("SOUTHWEST ASIA - Between Oct. 5-11, Coalition military forces conducted 20 strikes against ISIS "
                  "targets.\n\nOn Oct. 6:\n- Near Hajin, 11 strikes engaged eight ISIS tactical units.\n"
                  "- Near Abu Kamal, two strikes engaged an ISIS tactical unit.\n\nOn Oct. 8:\n"
                  "- Near Hajin, 12 strikes engaged 10 ISIS tactical units.", "2018-10-12")
    assert sorted((e["event_date"], e["location"]) for e in evs) == [
        ("2018-10-06", "Albu Kamal"), ("2018-10-06", "Hajin"), ("2018-10-08", "Hajin")]


def test_a_tally_without_towns_then_where_its_strikes_fell_gives_each_town() -> None:
    evs = _events("TAMPA, Fla. - U.S. military forces are undertaking military action against ISIL terrorists in Syria "
                  "using fighters and bombers to conduct 14 strikes against ISIL targets, officials said today.\n\n"
                  "The strikes began at approximately 8:30 p.m. EDT Monday.\n\nThe strikes destroyed or damaged "
                  "multiple ISIL targets in the vicinity of Ar Raqqah in the north, Dayr az Zawr and Abu Kamal in "
                  "the east, and Al Hasakah in the northeast.\n\nPartner nations of Bahrain, Jordan, Qatar, Saudi "
                  "Arabia and the United Arab Emirates also participated in or supported the airstrikes against ISIL "
                  "targets.", "2014-09-23")
    assert sorted(e["location"] for e in evs) == ["Albu Kamal", "Deir ez-Zor", "Hasakah", "Raqqa"]
    assert {e["actor1"] for e in evs} == {"Military Forces of the United States"}
    assert {e["event_date"] for e in evs} == {"2014-09-23"}


def test_protesters_killed_where_security_forces_fired_is_excessive_force_and_their_demands_no_protest() -> None:
    (ev,) = _events("Fresh clashes broke out on Saturday in Baghdad's eastern districts, where security forces used "
                    "tear gas. At least four protesters were killed and dozens wounded near al-Tayaran Square, "
                    "medical sources said.", "2019-10-05")[1:]
    assert (ev["sub_event_type"], ev["fatalities"]) == ("Excessive force against protesters", 4)
    assert _events("A parliamentary session called to discuss the protesters' demands on Saturday failed to reach a "
                   "quorum.", "2019-10-05") == []


def test_a_groups_declaration_takes_neither_place_nor_toll_from_the_attack_it_answers() -> None:
    (ev,) = _events("Iraq's powerful Iran-backed militia Kataib Hezbollah announced on Tuesday evening that it was "
                    "suspending \"military and security operations against the occupation forces,\" as Washington "
                    "weighs its response to the deadly drone attack on a US base in Jordan.", "2024-01-31")
    assert (ev["sub_event_type"], ev["country"]) == ("Change to group/activity", "Iraq")
    evs = _events("Kataib Hezbollah said on Tuesday it was halting operations, two days after a drone attack in Jordan "
                  "killed three US soldiers.", "2024-01-31")
    assert [(e["country"], e["fatalities"]) for e in evs if e["sub_event_type"] == "Change to group/activity"] == [
        ("Iraq", None)]


def test_strikes_in_the_three_regions_are_the_regions_just_listed_and_a_speaker_is_no_place() -> None:
    evs = _events("Operation Claw-Lock targets the Metina, Zap and Avasin-Basyan regions of northern Iraq, Hulusi Akar "
                  "said in a video message.\n\nAkar said that Turkish fighter jets and armed drones struck PKK "
                  "shelters in the three regions on Sunday night.", "2022-04-18")
    assert sorted(e["location"] for e in evs if e["event_date"] == "2022-04-17") == ["Avashin", "Metina", "Zap"]
    assert "Akkar" not in {e["admin1"] for e in evs}
    (ev,) = _events("Turkish forces launched a new air operation against the PKK in northern Iraq, Türkiye's defense "
                    "minister announced on Monday.", "2022-04-18")
    assert ev["country"] == "Iraq"


def test_a_part_of_a_country_is_no_state_subject_and_a_town_names_its_airport() -> None:
    (ev,) = _events("Iranian-backed militants in western Iraq fired multiple ballistic missiles and rockets at Al-Asad "
                    "Air Base on Saturday evening, U.S. Central Command said.", "2024-01-21")
    assert ev["actor1"] == "Unidentified Armed Group (Iraq)"
    (ev,) = _events("And yesterday, a Houthi missile struck the arrivals hall of Abha International Airport in Saudi "
                    "Arabia, injuring 26 civilians.", "2019-06-13")
    assert (ev["location"], ev["geo_precision"], ev["injuries"]) == ("Abha", 1, 26)


def test_among_the_targets_struck_points_back_to_the_striker_not_the_interception_told_between() -> None:
    evs = _events("Overnight, IDF fighter jets struck dozens of military targets belonging to the Iranian Quds Force "
                  "in Syria.\n\nYesterday morning (Tuesday), four rockets were launched from Syria toward Israel and "
                  "were intercepted by the IDF over the northern Golan Heights.\n\nAmong the targets struck overnight "
                  "were the Iranian military headquarters at Damascus International Airport.", "2019-11-20")
    (airport,) = [e for e in evs if e["location"] == "Damascus International Airport"]
    assert airport["actor1"] == "Military Forces of Israel"


def test_an_attack_fired_from_a_groups_held_areas_is_suspected_to_be_that_groups() -> None:
    (ev,) = _events("At 9:15 a.m. (Sanaa time), USS CARNEY detected a ballistic missile attack fired from "
                    "Houthi-controlled areas in Yemen toward the bulk carrier M/V UNITY EXPLORER.", "2023-12-03")
    assert (ev["actor1"], ev["actor1_status"], ev["actor2"]) == ("Ansar Allah", "suspected", None)


def test_in_the_area_is_the_place_just_told() -> None:
    evs = _events("SOHR has learned that the death toll has risen to 53, after the bodies of more victims were found "
                  "in the desert southwest of Al-Sukhnah.\n\nAccording to SOHR sources, the dead are 46 civilians. "
                  "ISIS cells attacked the truffle hunters with machine guns on Friday morning, while they were "
                  "collecting truffles in the area.", "2023-02-17")
    assert [e["location"] for e in evs] == ["Sukhnah"]


def test_completed_the_liberation_is_the_taking_and_the_liberated_city_only_names_it() -> None:
    evs = _events("Syrian Democratic Forces\nSDF Press Center\n\nAfter a heroic battle that lasted 134 days, "
                  "our forces completed the liberation of the city of Raqqa from the ISIS terrorists on 17 October "
                  "2017. Today, from the heart of the liberated city, we declare to the world the liberation of "
                  "Raqqa.", "2017-10-20")
    assert [(e["event_date"], e["sub_event_type"], e["actor1"]) for e in evs] == [
        ("2017-10-17", "Non-state actor overtakes territory", "SDF: Syrian Democratic Forces")]


def test_a_weeks_tally_is_no_event_but_a_day_last_week_is() -> None:
    assert _events("In the last week, 21 terrorists were neutralized in northern Iraq and Syria.", "2025-01-09") == []
    (ev,) = _events("Last week, militants attacked a checkpoint in Tikrit, killing two soldiers.", "2025-01-09")
    assert ev["fatalities"] == 2


def test_the_day_right_after_the_trigger_beats_a_month_further_before_it() -> None:
    evs = _events("In March, the British-flagged Rubymar, which was hit by Houthi missiles on Feb. 18 in the Bab "
                  "el-Mandeb Strait, sank after drifting for two weeks.", "2024-06-13")
    assert "2024-02-18" in [e["event_date"] for e in evs]


@pytest.mark.parametrize("text", [
    "No shelling attacks by illegal armed groups controlled by Turkey were recorded by the Russian party.",
    "It was a failed attack: no rockets struck Israeli territory.",
])
def test_what_did_not_happen_is_no_event(text: str) -> None:
    assert _events(text, "2021-06-16") == []


def test_every_associate_an_ally_cue_lists_is_no_doer() -> None:
    (ev,) = _events("The Counter-Terrorism Service, with the support of the Iraqi air force and army aviation and of "
                    "international coalition aircraft, completed the liberation of all the neighbourhoods of Fallujah.",
                    "2016-06-26")
    assert (ev["sub_event_type"], ev["actor1"]) == ("Government regains territory", "Counter Terrorism Service (Iraq)")


def test_a_letter_telling_two_days_in_one_sentence_gives_two_events() -> None:
    evs = _events("On 17 March 2017, Israeli warplanes attacked a Syrian military position in the vicinity of Palmyra, "
                  "in Homs governorate, and on 27 April 2017 the Israeli occupying entity fired a number of missiles "
                  "at a military position to the south-west of Damascus International Airport.", "2017-09-08")
    assert [(e["event_date"], e["actor1"]) for e in evs] == [
        ("2017-03-17", "Military Forces of Israel"), ("2017-04-27", "Military Forces of Israel")]


def test_strikes_during_the_fight_are_their_own_event_where_the_fight_was() -> None:
    evs = _events("Yesterday morning, ISIL launched an attack on the town of Tall Usquf with about 125 fighters. "
                  "Coalition aircraft conducted 31 strikes in support of the Peshmerga during the fight, killing 58 "
                  "ISIL fighters.", "2016-05-04")
    assert sorted((e["actor1"], e["fatalities"]) for e in evs) == [
        ("Islamic State", None), ("US-led coalition", 58)]
    assert len({(e["location"], e["event_date"]) for e in evs}) == 1


@pytest.mark.parametrize(("text", "method"), [
    ("At 6:43 p.m., a Syrian regime SU-22 dropped bombs near SDF fighters south of Tabqah.", "airstrike"),
    ("A drone dropped two bombs on a Peshmerga position near Makhmour.", "drone"),
])
def test_bombs_dropped_from_the_air_are_an_air_strike(text: str, method: str) -> None:
    (ev,) = _events(text, "2017-06-18")
    assert (ev["sub_event_type"], ev["method"]) == ("Air/drone strike", method)


def test_a_coalition_air_operation_is_a_strike_whose_owner_is_no_target() -> None:
    (ev,) = _events("Australian aircraft were among a number of international aircraft involved in a Coalition air "
                    "operation near Deir ez-Zor in eastern Syria on 17 September.", "2016-09-18")
    assert (ev["event_date"], ev["sub_event_type"], ev["actor2"]) == ("2016-09-17", "Air/drone strike", None)


def test_targets_situated_in_two_provinces_place_strikes_told_by_their_country() -> None:
    evs = _events("Yesterday, on September 30, in accordance with the decision of the Supreme Commander-in-Chief of "
                  "the Armed Forces of the Russian Federation, aircraft of the Russian Aerospace Forces in the Syrian "
                  "Arab Republic started an air operation delivering pinpoint strikes on ISIS targets. All the "
                  "targets were situated in mountainous areas of the Homs and Hama provinces.", "2015-10-01")
    assert sorted(e["admin1"] for e in evs) == ["Hama", "Homs"]
    assert {e["actor1"] for e in evs} == {"Military Forces of Russia"}


def test_a_sentence_opening_with_a_condition_tells_what_may_happen() -> None:
    assert _events("If the forces of terror, instability, division and hate begin a deliberate campaign to disrupt our "
                   "efforts, we stand ready to apply the capabilities required to thwart them.", "2020-11-17") == []


def test_the_abducted_soldiers_name_people_but_the_kidnapping_of_two_engineers_is_told() -> None:
    assert _events("Aoun said: \"In the name of Lebanon, in the name of the abducted soldiers, I announce the start of "
                   "the operation.\"", "2017-08-19") == []
    (ev,) = _events("The kidnapping of the two engineers in Kirkuk on Monday shocked residents.", "2017-08-19")
    assert ev["sub_event_type"] == "Abduction/forced disappearance"


def test_strikes_someone_declines_to_comment_on_are_talked_about_not_told() -> None:
    assert _events("The Israel Defense Forces does not usually comment on specific strikes in Syria, and declined to "
                   "comment on the reports on Monday.", "2024-09-09") == []


def test_blaming_a_party_for_the_attack_just_told_is_no_second_event() -> None:
    evs = _events("Early on Wednesday, Hamas political bureau chief Ismail Haniyeh was assassinated when the residence "
                  "where he was staying in Tehran was targeted. Hamas blamed the Israeli regime for the "
                  "assassination.", "2024-07-31")
    assert len(evs) == 1


def test_a_group_whose_held_areas_are_struck_is_the_target() -> None:
    (ev,) = _events("The U.S. Central Command said on Sunday that its forces had conducted five \"self-defense "
                    "strikes\" in Houthi-controlled areas of Yemen on Saturday, destroying three mobile anti-ship "
                    "cruise missiles.", "2024-02-19")
    assert (ev["actor1"], ev["actor2"]) == ("Military Forces of the United States", "Ansar Allah")


def test_coordinated_attacks_in_one_town_are_its_event_and_a_condemnation_of_today_reports_it() -> None:
    (ev,) = _events("The United States strongly condemns ISIL’s multiple suicide attacks in the town of Tel Tamer in "
                    "Hasaka Province, which targeted and killed scores of Syrian civilians.", "2015-12-11")
    assert (ev["sub_event_type"], ev["location"]) == ("Suicide bomb", "Tal Tamr")
    (ev,) = _events("The United States strongly condemns today’s brutal, senseless terrorist attack on Camp Hurriya "
                    "in Iraq that killed and injured camp residents.", "2015-10-29")
    assert ev["event_date"] == "2015-10-29" and ev["country"] == "Iraq" and ev["fatalities"] is None
    assert _events("This was one of four coordinated bombing and mortar attacks in Kadhimiya on the same day.") == []


def test_coordinated_reports_in_one_sentence_are_each_an_event() -> None:
    evs = _events("The United States condemns in the strongest terms both the ISIL attack this morning at a crowded "
                  "market place in Baghdad, and the car bomb attacks in Diyala Province on Monday, as well as other "
                  "recent terrorist attacks against the Iraqi people.", "2015-08-13")
    assert sorted((e["event_date"], e["admin1"]) for e in evs) == [("2015-08-10", "Diyala"), ("2015-08-13", "Baghdad")]
    car_bombs = next(e for e in evs if e["admin1"] == "Diyala")
    assert car_bombs["sub_event_type"] == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("text", [
    # support named with an event is not itself the event
    "The SDF, made up in part by local Arabs and supported by Coalition advisers and air strikes began the operation "
    "to isolate Raqqah on Nov. 5.",
    "“The capability these Airmen provide through the use of precision airstrikes will aid in denying ISIL safe "
    "haven,” he said.",
    # people freed, cumulative gains and running totals are not events
    "Many Arab citizens who have been liberated from villages around Raqqa are seeking to join the SDF, Davis said.",
    "In their march toward Raqqah, the SDF has already liberated dozens of villages and 700 square miles of terrain.",
    "The most recent airstrikes bring the total number of munitions in support of the SDF since Dec. 5 to 922.",
    "The Coalition supports the SDF through training, advise and assist operations, airstrikes and material support.",
    # topics, reports' contents, ruined buildings and the ruler's name are not events or places
    "In Turkey the Minister met organisations focused on preventing sexual violence in conflict.",
    "The report by the UN Commission of Inquiry on Syria makes grim reading: it details deliberate attacks against "
    "civilians, torture and sexual violence.",
    "Enthusiasts have stocked a library with volumes rescued from bombed buildings.",
    "Hundreds of thousands of Syrians have been killed at the hands of Assad and ISIL.",
    # a word describing people is no event, and an English word is no town ("War Council" is not al-Waer)
    "Because of his associations with ISIL terror attack planners and War Council members, his death will degrade "
    "ISIL's ability to defend Raqqah.",
])
def test_support_totals_and_freed_people_are_not_events(text: str) -> None:
    assert _events(text, "2016-12-11") == []


def test_control_of_a_named_site_is_territory_even_when_the_site_holds_the_verb() -> None:
    (ev,) = _events("Iraqi forces have seized full control of Mosul University in their battle with IS on Monday.")
    assert (ev["sub_event_type"], ev["location"]) == ("Government regains territory", "University of Mosul")
    (ev,) = _events("Near Al Asad, two strikes struck an ISIL tactical unit.")
    assert ev["location"] == "Ain al-Asad Air Base"


def test_a_release_line_is_the_towns_event_however_many_strikes() -> None:
    evs = _events("Coalition military forces conducted 26 strikes consisting of 31 engagements against ISIS terrorists "
                  "in Syria and Iraq on Jan. 22, 2018.\n\nNear Abu Kamal, 16 strikes engaged 13 ISIS tactical units "
                  "and destroyed two ISIS headquarters.\nNear Mosul, two strikes engaged an ISIS tactical unit.",
                  "2018-01-23")
    assert sorted(e["location"] for e in evs) == ["Albu Kamal", "Mosul"]
    assert {e["event_date"] for e in evs} == {"2018-01-22"}


def test_a_region_holding_the_targets_base_is_placed_there() -> None:
    evs = _events("Additionally, I directed a direct action raid on January 25, 2023, at a remote location in northern "
                  "Somalia to capture Bilal al-Sudani, an ISIS leader in Somalia.", "2023-06-08")
    assert evs and evs[0]["country"] == "Somalia" and evs[0]["lat"] > 10.0  # IS's Puntland base lies in the north


def test_a_region_takes_the_targets_area_only_when_the_area_lies_in_it() -> None:
    (east,) = _events("On Monday, a drone attack targeted U.S. forces in eastern Syria.")
    (north_east,) = _events("On Monday, a drone attack targeted U.S. forces in northeastern Syria.")
    assert east["admin1"] == "Deir ez-Zor" and east["lat"] < 35.5  # Hasakah, in the north-east, is not "eastern Syria"
    assert north_east["admin1"] == "Hasakah"


def test_a_campaign_told_in_the_perfect_without_a_date_is_no_event() -> None:
    evs = _events("I directed United States forces to conduct discrete strikes on November 11, 2024, against "
                  "facilities in Syria used by the IRGC.\n\nIn response, United States forces have conducted "
                  "discrete strikes against facilities, locations, and equipment in Yemen that support Houthi "
                  "militants’ attacks in the Red Sea region.", "2024-12-06")
    assert [e["country"] for e in evs] == ["Syria"]


def test_a_statements_first_words_on_its_event_are_its_report() -> None:
    evs = _events("Minister for the Middle East, Tobias Ellwood, responds to the attack in the Karrada district of "
                  "Baghdad\n\nForeign Office Minister, Tobias Ellwood, said:\n\nThe attack was a horrific act of "
                  "terror against innocent people in the early hours of Sunday morning in Karrada, Baghdad.",
                  "2016-07-03")
    assert [(e["location"], e["event_date"]) for e in evs] == [("Karrada", "2016-07-03")]
    (ev,) = _events("The attack was a horrific act of terror against innocent people early on Sunday in Karrada, "
                    "Baghdad. Daesh targeted families out shopping for Eid.", "2016-07-03")
    assert ev["actor1"] == "Islamic State"  # the sentence after names who did it
    (ev,) = _events("I welcome the news that the Iraqi army has raised the Iraqi flag again in Tikrit.", "2015-04-01")
    assert ev["sub_event_type"] == "Government regains territory" and ev["location"] == "Tikrit"


def test_measures_taken_in_response_are_one_event_and_their_cause_is_not_another() -> None:
    evs = _events("Security measures: On 17 January 2024, the Iraqi army implemented new security measures in Haditha. "
                  "The security measures are in response to reports of unidentified militant snipers operating in the "
                  "area and a fatal attack on security forces on 14 January 2024.", "2024-01-17")
    assert [e["sub_event_type"] for e in evs] == ["Change to group/activity"]


def test_a_strike_report_of_several_days_dates_each_list_by_its_own_day() -> None:
    text = ("SOUTHWEST ASIA – On Jan. 19, Coalition military forces conducted five strikes against ISIS targets in "
            "Syria:\n-- Near Abu Kamal, three strikes destroyed two ISIS oil wellheads.\n-- Near Dayr Az Zawr, two "
            "strikes engaged an ISIS tactical unit.\n\nOn Jan. 20, Coalition military forces conducted four strikes "
            "against ISIS targets in Syria.\n-- Near Abu Kamal, one strike destroyed an ISIS fighting position.\n"
            "-- Near Shaddadi, three strikes engaged two ISIS tactical units.")
    evs = _events(text, "2018-01-22")
    assert sorted((e["event_date"], e["location"]) for e in evs) == [
        ("2018-01-19", "Albu Kamal"), ("2018-01-19", "Deir ez-Zor"), ("2018-01-20", "Albu Kamal"),
        ("2018-01-20", "Shaddadi")]  # and no event for the tallies over Syria


def test_towns_listed_with_an_address_between_them_are_each_an_event() -> None:
    evs = _events("The United States strongly condemns the horrific attacks today in the towns of Jabla in the "
                  "northwest province of Latakia, and the port city of Tartus, for which Da’esh has claimed "
                  "responsibility and where more than 60 civilians were killed and injured in multiple bombings.",
                  "2016-05-23")
    assert sorted(e["location"] for e in evs) == ["Jableh", "Tartus"]
    assert all(e["fatalities"] is None for e in evs)  # "60 killed and injured" splits into neither


@pytest.mark.parametrize("text,actor1", [
    ("On Monday, Israel struck targets near Damascus.", "Military Forces of Israel"),
    ("Turkey shelled villages near Afrin on Monday.", "Military Forces of Turkey"),
    ("Iran launched missiles at Erbil on Monday.", "Military Forces of Iran"),
    ("On Monday, the US struck a militia facility in Syria.", "Military Forces of the United States"),
    ("Syria has accused Israel of bombarding an area west of Damascus on Monday.", "Military Forces of Israel"),
    ("The Syrian government bombed the town of Kafr Nabl on Monday.", "Military Forces of Syria"),
    ("On Monday, the Government of Iraq shelled PKK positions near Sinjar.", "Military Forces of Iraq"),
])
def test_a_state_named_as_the_one_that_strikes_is_its_forces(text: str, actor1: str) -> None:
    (ev,) = _events(text)
    assert ev["actor1"] == actor1 and ev["country"] != "Israel"


def test_a_strike_release_on_a_named_leader() -> None:
    (ev,) = _events("On Feb. 23, at 2:10 p.m. Syria time, U.S. Central Command (CENTCOM) forces conducted a precision "
                    "airstrike in Northwest Syria targeting and killing Wasim Tahsin Bayraqdar, a senior military "
                    "leader in the al-Qaeda affiliate Hurras al-Din (HaD).", "2025-02-24")
    assert (ev["actor2"], ev["fatalities"], ev["country"]) == ("Hurras al-Din", 1, "Syria")  # the affiliate
    (ev,) = _events("On Dec. 19, CENTCOM forces conducted a precision strike in Dayr az Zawr Province, Syria, killing "
                    "ISIS leader Abu Yusif aka Mahmud and another ISIS operative.", "2024-12-21")
    assert (ev["fatalities"], ev["admin1"], ev["geo_precision"]) == (2, "Deir ez-Zor", 3)  # the province


def test_support_does_not_hide_the_event_it_supports() -> None:
    (ev,) = _events("Iraqi forces, backed by coalition airstrikes, recaptured the town of Rutba on Monday.",
                    "2016-12-11")
    assert ev["sub_event_type"] == "Government regains territory"
    (ev,) = _events("On Monday, coalition aircraft supported by drones struck ISIS positions near Mosul.", "2016-12-11")
    assert ev["sub_event_type"] == "Air/drone strike"


def test_the_day_in_a_date_counts_no_victims() -> None:
    evs = _events("A U.S. strike on Jan. 1 hit two al-Qaida vehicles near Sarmada, Syria. And, a Jan. 3 U.S. strike "
                  "hit the headquarters compound itself, he added.", "2016-01-08")
    assert [e["actor1"] for e in evs] == ["Military Forces of the United States"] * 2


def test_the_area_just_named_places_what_happened_there() -> None:
    evs = _events("On Dec. 6th, Iraqi Security Forces attempted to seize the Al Salem hospital complex from ISIL "
                  "fighters in the heart of East Mosul. After seizing the area, the ISF fought off several "
                  "counterattacks and six VBIEDs the following day.", "2016-12-08")
    assert evs and all(e["admin1"] == "Nineveh" for e in evs)


def test_a_condemned_attack_is_reported_when_nothing_else_is() -> None:
    (ev,) = _events("The United States condemns in the strongest terms Iran’s missile attack on the Kurdistan "
                    "Region of Iraq. This attack targeted a civilian residence in Erbil, the Kurdistan Region’s "
                    "capital city.", "2022-03-13")
    assert ev["sub_event_type"] == "Shelling/artillery/missile attack"
    assert ev["actor1"] == "Military Forces of Iran"
    assert ev["country"] == "Iraq" and ev["location"] == "Erbil"


def test_a_condemnation_after_the_report_adds_no_event() -> None:
    evs = _events("On Sunday, a drone attack struck a base in Erbil, wounding three soldiers. The government "
                  "condemned the drone attack on Erbil.", "2024-01-30")
    assert len(evs) == 1


def test_a_country_named_as_a_party_is_not_the_place() -> None:
    (ev,) = _events("Early this morning in northern Iraq, U.S. military personnel were targeted by a one-way "
                    "attack drone.", "2023-12-25")
    assert ev["country"] == "Iraq" and ev["geo_precision"] == 3
    assert ev["lat"] is not None and ev["lat"] > 35.0  # the north of Iraq, not Baghdad or Washington


def test_unmanned_aerial_system_is_a_drone() -> None:
    (ev,) = _events("On March 23, 2023, a one-way unmanned aerial system attack killed one contractor at a "
                    "base near Hasakah, Syria.", "2023-03-25")
    assert ev["sub_event_type"] == "Air/drone strike" and ev["method"] == "drone" and ev["fatalities"] == 1


def test_a_series_of_attacks_is_an_aggregate() -> None:
    assert _events("The groups have been involved in a series of unmanned aerial vehicle, rocket, and mortar "
                   "attacks against United States personnel in Syria.", "2022-08-25") == []


RELEASE = """November 02, 2015
Release # 20151102-01
FOR IMMEDIATE RELEASE
SOUTHWEST ASIA — On Nov. 1, coalition military forces continued to attack ISIL terrorists in Syria and Iraq. \
In Syria, coalition military forces conducted 10 strikes using fighter and remotely piloted aircraft. \
Separately in Iraq, coalition military forces conducted 17 strikes against ISIL targets.
The following is a summary of the strikes conducted against ISIL since the last press release:
Syria
*  Near Al Hasakah, two strikes struck two separate ISIL tactical units and destroyed an ISIL rocket.
Iraq
*  Near Bayji, one strike struck an ISIL tactical unit and destroyed an ISIL fighting position.
*  Near Sinjar, five strikes struck three ISIL tactical units and destroyed an ISIL weapons cache.
*  Near Qasr al-Nadhir, one strike destroyed an ISIL vehicle.
Strike assessments are based on initial reports. All aircraft returned to base safely.
"""


def test_a_strike_release_gives_one_air_strike_per_listed_town() -> None:
    evs = _events(RELEASE, "2015-11-02")
    # (the line on a town the gazetteer lacks has no place of its own, so it joins the same-day strike)
    assert len(evs) == 3
    assert {e["event_date"] for e in evs} == {"2015-11-01"}  # the dateline day, not the release day
    assert {e["sub_event_type"] for e in evs} == {"Air/drone strike"}  # a destroyed rocket is not the weapon
    assert {e["actor1"] for e in evs} == {"US-led coalition"}
    located = {(e["location"], e["country"]) for e in evs}
    assert {("Hasakah", "Syria"), ("Baiji", "Iraq"), ("Sinjar", "Iraq")} <= located


def test_a_strike_on_a_date_is_not_counted_strikes() -> None:
    """"A February 15 strike" is a date, not "15 strikes": the weapon still comes from the story."""
    evs = _events("Three rocket attacks hit facilities in Iraq. A February 15 strike on a military complex at "
                  "Erbil airport killed a civilian.", "2021-02-26")
    assert [e["sub_event_type"] for e in evs] == ["Shelling/artillery/missile attack"]


def test_questions_in_a_briefing_transcript_are_not_reports() -> None:
    text = ("Q Thanks. Was the drone attack on the base in Erbil on Monday launched by Kataib Hezbollah?\n\n"
            "MR. KIRBY: I won't get ahead of the investigation.\n\n"
            "Q Did rockets hit the embassy in Baghdad yesterday? Is that right?")
    assert _events(text, "2024-01-24") == []


def test_demonstrated_resolve_is_not_a_protest() -> None:
    assert _events("On Monday, Iran demonstrated flagrant disregard for its neighbours in Baghdad.",
                   "2024-01-24") == []


def test_a_same_named_place_far_from_its_stated_town_is_not_used() -> None:
    (ev,) = _events("On 17 January 2013, a car bomb detonated near a football stadium in Qasim area, Hillah city, "
                    "Babil governorate, Iraq.", "2013-01-18")
    assert ev["location"] in ("Hillah", "Hilla") and abs(ev["lat"] - 32.48) < 0.1  # not al-Qasim, 30 km south


def test_the_tail_of_an_unknown_name_is_not_a_known_town() -> None:
    (ev,) = _events("On 23 July 2016, a suicide bomber detonated targeting displaced people in Tulul al-Baj, "
                    "Saladin, Iraq.", "2016-07-24")
    assert ev["location"] != "Baaj" and ev["admin1"] == "Salah al-Din"


def test_a_neighbourhood_belongs_to_the_city_named_with_it() -> None:
    (ev,) = _events("On 21 February 2017, missiles launched by IS killed 2 civilians in al-Baladiyat neighborhood, "
                    "Mosul, Nineveh.", "2017-02-22")
    assert ev["admin1"] in ("Nineveh", "Ninewa") and ev["country"] == "Iraq"


def test_a_province_named_without_its_country_sets_the_country() -> None:
    (ev,) = _events("On 2 January 2024, Islamic Resistance in Iraq carried out a drone attack on the Global Coalition "
                    "base in the town of Al-Malikeyyeh in the countryside of Al Hasakeh.", "2024-01-02")
    assert ev["country"] == "Syria" and ev["lat"] > 37.0  # al-Malikiyah, in the far north-east


def test_another_partys_weapon_does_not_type_an_attack() -> None:
    evs = _events("At my direction, on February 25, 2021, United States forces conducted a targeted military strike "
                  "against infrastructure in eastern Syria used by Iran-supported non-state militia groups. Those "
                  "non-state militia groups were involved in recent attacks against United States and Coalition "
                  "personnel in Iraq, including the February 15, 2021, attack in Erbil, Iraq, which wounded one "
                  "United States service member.", "2021-02-27")
    erbil = next(e for e in evs if e["event_date"] == "2021-02-15")
    assert erbil["sub_event_type"] != "Air/drone strike" and erbil["actor1"] == "Unidentified Armed Group (Iraq)"


def test_a_country_on_a_border_is_a_reference_not_the_place() -> None:
    (ev,) = _events("On 11 January 2025, an unknown suicide drone targeted a main Turkish supply point near the "
                    "Turkey - Iraq borders in Al Amadiya district, Duhok.", "2025-01-12")
    assert ev["country"] == "Iraq" and ev["admin1"] == "Duhok"


def test_a_letter_writers_strikes_are_by_the_forces_it_names() -> None:
    evs = _events("United States forces remain in Syria. As reported on August 25, 2022, I directed precision "
                  "strikes against a facility in eastern Syria on August 23, 2022.", "2022-12-08")
    (ev,) = [e for e in evs if e["event_date"] == "2022-08-23"]
    assert ev["sub_event_type"] == "Air/drone strike" and ev["actor1"] == "Military Forces of the United States"


def test_an_ongoing_campaign_in_the_present_tense_is_not_an_event() -> None:
    assert _events("As part of a comprehensive strategy to defeat ISIS, United States Armed Forces are working by, "
                   "with, and through local partners in conducting airstrikes against ISIS targets in Iraq.",
                   "2021-06-08") == []


def test_an_attack_named_inside_a_sentence_about_strikes_is_reported() -> None:
    evs = _events("On Dec. 26, U.S. military forces conducted strikes on three facilities used by Kata'ib Hizballah "
                  "in Iraq. These strikes were in response to a series of attacks against U.S. and Coalition "
                  "personnel by Iranian-sponsored militias, including an attack at Erbil Air Base earlier on Dec. 25.",
                  "2023-12-26")
    by_day = {e["event_date"]: e for e in evs}
    assert by_day["2023-12-26"]["actor2"] == "Kataib Hezbollah"  # "used by" names the target, not the attacker
    assert by_day["2023-12-25"]["actor1"] == "Unidentified Armed Group (Iraq)"
    assert by_day["2023-12-25"]["admin1"] == "Erbil"


def test_northeast_jordan_is_in_the_northeast_of_jordan() -> None:
    (ev,) = _events("Last night, three U.S. service members were killed during an unmanned aerial drone attack on our "
                    "forces stationed in northeast Jordan near the Syria border.", "2024-01-28")
    assert ev["country"] == "Jordan" and ev["geo_precision"] == 3 and ev["lon"] > 37.0  # the desert, not Amman
    assert ev["event_date"] == "2024-01-27" and ev["fatalities"] == 3


def test_release_bullets_with_dots_and_no_break_spaces() -> None:
    text = ("On Jan. 8, Coalition military forces conducted 34 strikes against ISIL terrorists in Syria and Iraq.\n"
            "Syria\n.\u00a0 \u00a0 \u00a0Near Dayr Az Zawr, two strikes destroyed an ISIL vehicle.\n"
            ".\u00a0 \u00a0 \u00a0Near Dayr\u00a0Az\u00a0Zayr, five strikes destroyed three ISIL fighting positions.\n")
    evs = _events(text, "2017-01-09")
    assert evs and {e["country"] for e in evs} == {"Syria"} and {e["event_date"] for e in evs} == {"2017-01-08"}


@pytest.mark.parametrize("line", [
    "Near Habbaniyah, one strike struck an ISIL tactical unit.",
    "Near Manbij, one strike struck an ISIL tactical unit.",
    "Near Abu Kamal, one strike struck an ISIL wellhead.",
])
def test_a_short_english_line_of_names_is_english(line: str) -> None:
    """A character model reads short lines of Arabic names as another language; function words decide."""
    (ev,) = _events(line, "2016-01-05")
    assert ev["sub_event_type"] == "Air/drone strike"


def test_the_attack_a_strike_answers_is_reported_when_placed_and_dated() -> None:
    evs = _events("On Nov. 21, 2023, U.S. forces conducted a strike against a Kataib Hezbollah operations center "
                  "near Abu Ghraib, Iraq, in response to an attack against U.S. and Coalition forces at Al-Asad Air "
                  "Base earlier that day.", "2023-11-22")
    assert len(evs) == 2
    attack = next(e for e in evs if e["actor1"] != "Military Forces of the United States")
    assert attack["event_date"] == "2023-11-21" and attack["location"] == "Ain al-Asad Air Base"


def test_recent_attacks_a_strike_answers_are_not_events() -> None:
    evs = _events("On Monday, U.S. forces struck a facility near Albu Kamal in response to recent attacks on "
                  "U.S. personnel in Iraq and Syria.", "2024-01-30")
    assert len(evs) == 1


def test_teaser_headlines_of_other_stories_are_not_events() -> None:
    text = ("On Nov. 1, coalition forces conducted 12 strikes against ISIL in Iraq.\n\n"
            "Near Mosul, three strikes struck two ISIL tactical units.\n\n"
            "Nov. 17: Military airstrikes continue against ISIL terrorists in Syria and Iraq\n\n"
            "Nov. 16: Military airstrikes continue against ISIL terrorists in Syria and Iraq")
    evs = _events(text, "2015-11-02")
    assert [e["event_date"] for e in evs] == ["2015-11-01"]


@pytest.mark.parametrize("text", [
    "These attacks, including more than a dozen attacks over the last week, have placed under grave threat the "
    "lives of United States personnel in Syria.",
    "I directed the August 23 strikes to degrade and disrupt the ongoing series of attacks against the United "
    "States and our partners in Syria.",
    "As I reported on October 27, 2023, in response to this series of attacks, United States forces conducted "
    "targeted strikes against facilities in eastern Syria.",
])
def test_tallies_and_events_told_before_are_not_new_events(text: str) -> None:
    assert _events(text, "2023-11-10") == []


def test_a_statement_condemning_an_attack_reports_it() -> None:
    (ev,) = _events("I strongly condemn the terrorist attack targeting the residence of Iraqi Prime Minister "
                    "al-Kadhimi. I am relieved the Prime Minister was not injured. The United States stands "
                    "firmly with the government and people of Iraq.", "2021-11-07")
    assert ev["event_date"] == "2021-11-07" and ev["country"] == "Iraq"


def test_a_tally_in_a_because_clause_does_not_hide_the_strike_it_prompted() -> None:
    (ev,) = _events("In response to this series of attacks and continuing threats of future attacks, at my "
                    "direction, on the night of October 26, 2023, United States forces conducted strikes against "
                    "facilities in eastern Syria.", "2023-10-27")
    assert ev["event_date"] == "2023-10-26" and ev["actor1"] == "Military Forces of the United States"


def test_several_report_dates_are_not_event_dates() -> None:
    evs = _events("As I reported on October 27, 2023, November 10, 2023, and November 14, 2023, in response to "
                  "this series of attacks, at my direction, United States forces conducted targeted strikes "
                  "against facilities in Syria.", "2023-11-22")
    assert evs == []


def test_an_ordered_strike_is_the_ordering_states_and_hits_what_it_names() -> None:
    evs = _events("Early this morning in northern Iraq, U.S. military personnel were targeted by a one-way attack "
                  "drone. During that call, the President directed strikes against three locations utilized by "
                  "Kataib Hezbollah and affiliated groups.", "2023-12-25")
    strike = [e for e in evs if e["actor1"] == "Military Forces of the United States"]
    assert len(evs) == 2 and len(strike) == 1
    assert strike[0]["actor2"] == "Kataib Hezbollah" and strike[0]["event_date"] == "2023-12-25"


def test_two_bases_attacked_are_two_events_even_with_a_title_before_the_second() -> None:
    evs = _events("Two attacks on August 15, 2022, by Iran-backed militia groups targeted al-Tanf Garrison and "
                  "Mission Support Site Green Village, both U.S. bases in Syria.", "2022-08-25")
    assert len(evs) == 2 and len({(e["lat"], e["lon"]) for e in evs}) == 2


def test_a_name_keeps_the_meaning_it_had_earlier_in_the_document() -> None:
    (ev,) = _events("The United States strongly condemns the drone and missile attack launched against Iraq's "
                    "Kurdistan region earlier today. We stand with Iraq's leaders in the Kurdistan region and "
                    "Baghdad in condemning these attacks. Iranian leaders continue to disregard their neighbors.",
                    "2022-09-28")
    assert ev["country"] == "Iraq" and ev["location"] == "Kurdistan Region"


def test_a_foreign_force_striking_a_groups_weapons_strikes_the_groups_country() -> None:
    (ev,) = _events("On Feb. 3, U.S. Central Command forces conducted strikes against six Houthi anti-ship cruise "
                    "missiles that were prepared to launch against ships in the Red Sea.", "2024-02-04")
    assert ev["country"] == "Yemen" and ev["sub_event_type"] == "Air/drone strike"
    assert ev["actor1"] == "Military Forces of the United States"


def test_a_raid_that_captures_is_an_arrest_not_an_air_strike() -> None:
    (ev,) = _events("CENTCOM forces conducted a raid in eastern Syria on July 10 that resulted in the capture of "
                    "an ISIS leader and two associates.", "2024-07-12")
    assert ev["sub_event_type"] == "Arrests" and ev["country"] == "Syria"


def test_who_launched_an_intercepted_weapon_is_the_other_side() -> None:
    (ev,) = _events("On Dec. 30, the USS Gravely shot down two anti-ship ballistic missiles fired by the Houthis.",
                    "2023-12-31")
    assert ev["sub_event_type"] == "Disrupted weapons use" and ev["actor2"] == "Ansar Allah"
    assert ev["actor1"] != "Ansar Allah"


def test_a_place_after_in_is_where_it_happened_even_after_from() -> None:
    (ev,) = _events("A drone targeted a militant from ISIS in Al Mayadin city in Deir-ez-Zor countryside which led "
                    "to his death.", "2020-01-05")
    assert ev["location"] == "Mayadin"


def test_a_town_said_to_be_in_a_province_is_not_a_namesake_abroad() -> None:
    (ev,) = _events("On 26 October 2023, a drone by unknown military forces conducted an airstrike targeting houses "
                    "in Rabiah town in Hama countryside, killing four people.", "2023-10-27")
    assert ev["country"] == "Syria"


def test_a_near_spelling_outside_the_city_it_is_said_to_be_in_is_not_used() -> None:
    (ev,) = _events("02/13/2017: An explosive device carried by a drone detonated in the Shurta neighborhood of "
                    "Mosul, Nineveh, Iraq.", "2017-02-13")
    assert ev["location"] == "Mosul"


@pytest.mark.parametrize("text", [
    "In their first TV debate of the election on Tuesday, Johnson and Corbyn attacked each other's policies on "
    "Brexit.",
    "This week, Patrick launched a tour of early-voting states, visiting Nevada and Iowa before South Carolina.",
    "A flu outbreak at the McAllen facility affected nearly three dozen immigrants and required a temporary "
    "suspension of intake.",
])
def test_words_of_violence_used_of_politics_or_business_are_not_events(text: str) -> None:
    assert _events(text, "2019-11-20") == []


def test_an_unnamed_crowd_demonstrates() -> None:
    (ev,) = _events("On 5 January 2024, hundreds of people demonstrated in Nasiriyah demanding jobs.", "2024-01-06")
    assert ev["sub_event_type"] == "Peaceful protest" and ev["actor1"] == "Protesters (Iraq)"


def test_modern_strike_release_wording() -> None:
    evs = _events("On Dec. 3, U.S. forces conducted a self-defense strike in the vicinity of Kirkuk, Iraq, against "
                  "five Iran-backed militants preparing to launch a one-way attack drone. The strike killed the five "
                  "militants.", "2024-12-04")
    assert [(e["location"], e["fatalities"], e["sub_event_type"]) for e in evs] == [
        ("Kirkuk", 5, "Air/drone strike")]
    (ev,) = _events("In the early morning of Nov. 12, Iranian-aligned militia groups attacked U.S. and Coalition "
                    "forces at Al-Asad Air Base, Iraq, with a one-way attack drone.", "2024-11-13")
    assert ev["sub_event_type"] == "Air/drone strike" and ev["method"] == "drone"
    (ev,) = _events("On Sept. 16, U.S. Central Command forces conducted a raid in northeast Syria resulting in the "
                    "detention of an ISIS official.", "2024-09-17")
    assert ev["sub_event_type"] == "Arrests"


def test_a_yearly_toll_is_not_the_events_toll() -> None:
    evs = _events("Two United States service members were killed when their helicopter was shot down in "
                  "Afghanistan's Logar province on Tuesday. More than 2,500 Afghan civilians have been killed in "
                  "the fighting so far this year.", "2019-11-20")
    assert evs and all(e["fatalities"] in (2, None) for e in evs)


def test_a_quarter_written_after_its_city_and_a_dash_is_found_by_a_near_spelling() -> None:
    (ev,) = _events("On 19 January 2024, unknown militants on a motorcycle targeted a civilian residence with a hand "
                    "grenade in Baghdad - Sabia Qusor. The grenade killed 1 and injured 3.", "2024-01-20")
    assert ev["location"] == "Sab al-Qusour" and ev["country"] == "Iraq" and ev["fatalities"] == 1


def test_repeated_waves_of_attacks_are_a_tally() -> None:
    assert _events("Over the course of five days around the New Year's holiday, Russia launched repeated waves of "
                   "aerial attacks against Ukraine.", "2024-01-04") == []


def test_an_event_takes_the_country_told_just_before_it_not_the_documents_first() -> None:
    text = ("Iraq's prime minister met the delegation in Baghdad on Monday. " * 3 + "\n\n"
            "Militia groups have attacked U.S. personnel in Syria. On March 23, 2023, a one-way drone attack killed "
            "one American contractor.")
    (ev,) = _events(text, "2023-03-25")
    assert ev["country"] == "Syria"


def test_in_a_long_transcript_an_event_told_with_no_place_near_it_is_not_placed_elsewhere() -> None:
    filler = " ".join(f"The spokesman answered question {i} about the war in {c}." for i in range(15)
                      for c in ("Ukraine", "Sudan", "Yemen"))
    text = "We are already faced with yet another horrific school shooting today.\n\n" + filler
    assert _events(text, "2024-01-04") == []


@pytest.mark.parametrize("text", [
    "On 17 September 2021, a drone by an unknown military forces conducted an airstrike on Al-Shaddadi in Al "
    "Hasakeh countryside.",
    "On 7 January 2021, an unidentified military drone targeted a PMF vehicle near Al-Bukamal in Deir-ez-Zor.",
    "On 3 April 2021, an unidentified armed drone attacked Iranian forces' locations in Al-Mayadin.",
])
def test_an_unknown_military_drone_is_an_unidentified_military_force(text: str) -> None:
    (ev,) = _events(text, "2021-12-31")
    assert ev["actor1"] == "Unidentified Military Forces"


def test_the_coalition_is_the_coalition_the_story_named() -> None:
    evs = _events("IS claimed attacks on US-led coalition supply lines. On January 12, the group's cells targeted a "
                  "supply convoy of the coalition in the Taji district with an IED.", "2024-01-21")
    assert [e["actor2"] for e in evs] == ["US-led coalition"]


def test_one_of_several_attacks_told_in_turn_keeps_whose_convoys_they_were() -> None:
    evs = _events("On January 20, two supply convoys of the US-led coalition were attacked near Baghdad.\n\n"
                  "The first convoy was targeted in Taji with an IED. The second convoy was targeted near Abu Ghraib "
                  "town with an IED.", "2024-01-21")
    assert evs and all(e["actor2"] == "US-led coalition" for e in evs)


@pytest.mark.parametrize("text,country,not_location", [
    ("08/28/2013: An explosives-laden vehicle detonated near the Riyadh Market in Jisr Diyala district, Diyala "
     "governorate, Iraq.", "Iraq", "Ar Riyāḑ"),
    ("09/21/2015: Assailants attacked the mayor in his home in Hay al-Dubat area, Tarmiyah town, Saladin "
     "governorate, Iraq.", "Iraq", "Hay"),
])
def test_names_that_only_begin_like_a_town_are_not_that_town(text: str, country: str, not_location: str) -> None:
    (ev,) = _events(text, "2015-09-22" if "2015" in text else "2013-08-29")
    assert ev["country"] == country and ev["location"] != not_location


def test_a_province_named_as_such_keeps_its_places_in_its_country() -> None:
    (ev,) = _events("02/17/2015: Assailants attacked Tall Ar Rim village, Arbil governorate, Iraq. At least 34 "
                    "assailants were killed in the ensuing clashes.", "2015-02-18")
    assert ev["country"] == "Iraq"


@pytest.mark.parametrize("text,country", [
    ("Around 9 September 2023, Turkish military bases in Nawrubarok and Derya Sor villages in Bradost region of "
     "Erbil were targeted by drone strikes.", "Iraq"),
    ("On 21 February 2017, an IS guided drone killed seven civilians in the al-Sharqiya neighbourhoods of "
     "Mosul.", "Iraq"),
])
def test_local_names_are_not_namesakes_abroad(text: str, country: str) -> None:
    evs = _events(text, "2023-09-10" if "2023" in text else "2017-02-22")
    assert evs and all(e["country"] == country for e in evs)


def test_the_village_of_a_name_is_not_a_site_of_that_name() -> None:
    (ev,) = _events("On 7 December 2019, a drone controlled by an unidentified military targeted a car driving near "
                    "the village of Qibar along the road between Afrin and Azaz.", "2019-12-08")
    assert ev["location"] != "Al-Kibar reactor site" and ev["admin1"] == "Aleppo"
    assert ev["actor1"] == "Unidentified Military Forces"


def test_the_date_of_the_attack_a_measure_answers_is_not_the_measures_date() -> None:
    evs = _events("Security measures: On 15 January 2024, Iraqi security forces and the Popular Mobilization Forces "
                  "deployed additional units along the road near Haditha. The security measures are in response to "
                  "reports of militant snipers in the area and a fatal attack on security forces on 14 January on "
                  "the Haditha-Baiji Road.", "2024-01-15")
    assert [e["event_date"] for e in evs] == ["2024-01-15"]


def test_a_drone_that_fell_is_a_drone_strike_and_a_citys_quarter_is_in_that_city() -> None:
    (ev,) = _events("On 17 January 2025, an unknown drone crashed and fell in the Kalchi area of Dereluk subdistrict "
                    "(Al Amadiya, Duhok), injuring 1 civilian.", "2025-01-18")
    assert ev["sub_event_type"] == "Air/drone strike" and ev["admin1"] == "Duhok"
    (ev,) = _events("On 11 February 2017, IS armed drone hits Iraqi army vehicle in Mosul's Rashidiya neighborhood.",
                    "2017-02-12")
    assert ev["location"] == "Mosul"


@pytest.mark.parametrize("text", [
    "02/23/2012: An explosive device detonated in a civilian home in Al-Riyadh district, Kirkuk, Iraq.",
    "04/07/2016: Assailants and suicide bombers raided Tall Ahmad, near Bashir, Kirkuk, Iraq.",
    "07/04/2016: Assailants attacked Tall al-Basal, Daquq district, Kirkuk, Iraq.",
])
def test_a_place_said_to_be_in_an_iraqi_province_is_in_iraq(text: str) -> None:
    evs = _events(text, text[6:10] + "-" + text[:2] + "-" + text[3:5])
    assert evs and all(e["country"] == "Iraq" for e in evs)


def test_a_scheduled_withdrawal_is_a_plan_and_a_raid_to_capture_is_not_an_arrest() -> None:
    assert _events("On April 14, 2021, I directed the withdrawal of United States forces from Afghanistan starting "
                   "on May 1, 2021, and concluding by September 11, 2021.", "2021-06-08") == []
    (ev,) = _events("On 3 January 2024, the PMF announced the withdrawal of its forces from Sinjar.", "2024-01-04")
    assert ev["sub_event_type"] == "Change to group/activity"
    evs = _events("Additionally, I directed a direct action raid on January 25, 2023, at a remote location in "
                  "northern Somalia to capture Bilal al-Sudani, an ISIS leader in Somalia.", "2023-06-08")
    assert all(e["sub_event_type"] != "Arrests" for e in evs)


def test_attacks_on_us_bases_named_in_an_aside_hit_us_forces() -> None:
    evs = _events("Two attacks on August 15, 2022, by Iran-backed militia groups targeted al-Tanf Garrison and "
                  "Mission Support Site Green Village, both U.S. bases in Syria.", "2022-08-25")
    assert len(evs) == 2
    assert all(e["actor2"] == "Military Forces of the United States" and e["actor1"].startswith("Unidentified")
               for e in evs)


def test_officials_who_suspect_a_group_make_it_the_suspected_perpetrator() -> None:
    (ev,) = _events("At least 15 Katyusha rockets hit Camp Taji on Wednesday, killing two American service members. "
                    "No group claimed the attack. US officials said they suspected Kataib Hezbollah, an Iraqi "
                    "militia backed by Iran.", "2020-03-12")
    assert ev["actor1"] == "Kataib Hezbollah" and ev["actor1_status"] == "suspected"


def test_a_trigger_word_in_scare_quotes_is_the_word_not_an_event() -> None:
    assert _events("But when I hear “missile strikes,” I expect there to be more injuries.", "2024-01-16") == []
    (ev,) = _events('On 3 January 2024, a drone hit the so-called "security zone" near Zakho, killing two.',
                    "2024-01-04")
    assert ev["location"] == "Zakho" and ev["fatalities"] == 2


def test_a_casualtys_hometown_is_not_where_it_happened() -> None:
    evs = _events("Navy Senior Chief Petty Officer Scott C. Dayton, 42, of Woodbridge, Virginia, died Nov. 24 in "
                  "northern Syria, of wounds sustained in an improvised explosive device blast.", "2016-11-26")
    assert evs and all(e["country"] == "Syria" for e in evs)


def test_a_state_striking_beside_an_ally_strikes_where_the_target_is() -> None:
    evs = _events("On 11 January 2024, the United Kingdom, alongside the United States, conducted targeted strikes "
                  "against military facilities used by the Houthis in Yemen.", "2024-01-12")
    (ev,) = evs
    assert ev["actor1"] == "Military Forces of the United Kingdom" and ev["actor2"] == "Ansar Allah"
    assert ev["country"] == "Yemen"


def test_a_place_said_to_lie_in_a_country_is_not_its_namesake_abroad() -> None:
    (ev,) = _events("On 11 January 2024, Royal Air Force Typhoon aircraft struck a site at Bani in northwest Yemen "
                    "used to launch drones.", "2024-01-12")
    assert ev["country"] == "Yemen" and ev["actor1"] == "Military Forces of the United Kingdom"


def test_a_letter_on_a_strike_by_a_regime_with_its_weapon_told_after() -> None:
    (ev,) = _events("I wish to draw your attention to the heinous terrorist attack committed by the Israeli regime "
                    "on 1 April 2024 against the consular section of the Embassy of the Islamic Republic of Iran in "
                    "Damascus, Syrian Arab Republic. As a result of this attack, carried out by F-35 fighter jets, "
                    "the consular building was completely destroyed and seven Iranian military advisers, including "
                    "two senior commanders, as well as six Syrian nationals were martyred.", "2024-04-02")
    assert ev["actor1"] == "Military Forces of Israel" and ev["sub_event_type"] == "Air/drone strike"
    assert ev["location"] == "Damascus" and ev["event_date"] == "2024-04-01" and ev["fatalities"] == 13


def test_a_ministry_update_codes_its_own_aircraft_on_the_day_its_paragraph_opens_with() -> None:
    evs = _events("RAF aircraft have continued to support Iraqi and Syrian Democratic Forces operations against "
                  "Daesh.\n\nOn Monday 4 March, a pair of Typhoon FGR4s, supported by a Voyager tanker, conducted a "
                  "patrol over northern Iraq. Our aircraft were tasked to strike a group of Daesh terrorists who had "
                  "been located in a cave complex near Makhmour.\n\nOn Wednesday 6 March, a Reaper remotely piloted "
                  "aircraft used a Hellfire missile to destroy a Daesh-held building in Syria, near Abu Kamal.",
                  "2024-03-08")
    uk = "Military Forces of the United Kingdom"
    assert [(e["event_date"], e["actor1"]) for e in evs] == [("2024-03-04", uk), ("2024-03-06", uk)]


def test_an_attack_named_as_a_cause_and_told_next_is_an_event_of_its_day() -> None:
    evs = _events("On Aug. 24, U.S. forces conducted precision airstrikes in Deir ez-Zor, Syria. These precision "
                  "strikes targeted infrastructure facilities used by groups affiliated with Iran's Islamic "
                  "Revolutionary Guard Corps (IRGC).\n\nToday's strikes were in response to the Aug. 15 attack "
                  "against U.S. personnel by Iran-backed groups. In that attack, multiple unmanned aerial vehicles "
                  "targeted the Al Tanf Garrison; there were no U.S. casualties.", "2023-08-25")
    assert [(e["event_date"], e["sub_event_type"]) for e in evs] == [
        ("2023-08-24", "Air/drone strike"), ("2023-08-15", "Air/drone strike")]
    assert evs[0]["actor2"] == "Islamic Revolutionary Guard Corps"
    assert evs[1]["location"] == "Al-Tanf Garrison" and evs[1]["fatalities"] == 0


def test_a_force_responding_with_its_weapons_is_an_event_of_its_own() -> None:
    evs = _events("On Aug. 24, suspected Iran-backed militants launched several rockets at Mission Support Site "
                  "Green Village. U.S. forces responded with AH-64 Apache attack helicopters and M777 artillery, "
                  "destroying three vehicles. Initial assessments are that two or three suspected militants were "
                  "killed.", "2023-08-25")
    assert [e["actor1"].startswith("Military Forces of the United States") for e in evs] == [False, True]
    assert evs[1]["fatalities"] == 2


def test_strikes_spoken_of_in_general_are_no_event() -> None:
    assert _events("The Coalition complies with the Law of Armed Conflict and takes all feasible precautions during "
                   "the planning and execution of airstrikes to reduce the risk of harm to non-combatants.",
                   "2016-12-10") == []


def test_a_strike_on_the_location_is_where_the_story_just_was() -> None:
    evs = _events("On Dec. 6th, Iraqi Security Forces attempted to seize the Al Salem hospital complex from ISIL "
                  "fighters in the heart of East Mosul. After seizing the area, the ISF fought off several "
                  "counterattacks.\n\nOn Dec. 7th, Iraqi forces requested immediate support "
                  "from the Coalition. In support of the Iraqi Security Forces, Coalition aircraft conducted a "
                  "precision strike on the location to target enemy fighters.", "2016-12-10")
    strike = next(e for e in evs if e["sub_event_type"] == "Air/drone strike")
    assert strike["event_date"] == "2016-12-07" and strike["location"] == "East Mosul"


def test_a_letter_on_an_aerial_aggression_by_the_enemy_is_that_states_air_strike() -> None:
    (ev,) = _events("Upon instructions from my Government, I wish to inform you that, at 0020 hours on 22 March 2023, "
                    "the Israeli enemy carried out an aerial aggression from the direction of north-east Lebanon, "
                    "targeting Aleppo International Airport and putting it out of service.", "2023-03-24")
    assert ev["actor1"] == "Military Forces of Israel" and ev["sub_event_type"] == "Air/drone strike"
    assert ev["location"] == "Aleppo International Airport" and ev["event_date"] == "2023-03-22"


def test_where_a_weapon_was_aimed_is_not_where_it_was_struck() -> None:
    (ev,) = _events("On Jan. 18, U.S. Central Command forces conducted strikes against two Houthi anti-ship missiles "
                    "that were aimed into the Southern Red Sea and were prepared to launch. U.S. forces identified the "
                    "missiles in Houthi-controlled areas of Yemen.", "2024-01-19")
    assert ev["country"] == "Yemen" and ev["location"] != "Red Sea"


def test_drones_launched_at_a_state_are_a_drone_strike_and_the_claim_names_the_weapon() -> None:
    (ev,) = _events("Last night, Iran launched more than 300 drones and missiles at Israel.", "2024-04-14")
    assert ev["sub_event_type"] == "Air/drone strike" and ev["event_date"] == "2024-04-13"
    (ev,) = _events("The United States strongly condemns the terrorist attack in Kerman, Iran, on January 3, which "
                    "killed more than 80 people. ISIS has claimed responsibility for the bombings.", "2024-01-04")
    assert ev["sub_event_type"] == "Remote explosive/landmine/IED" and ev["actor1"] == "Islamic State"
    assert ev["fatalities"] == 80


def test_the_weapon_told_again_is_the_same_event() -> None:
    evs = _events("On 19 October 2024, the Islamic Resistance in Iraq launched an armed drone that targeted a "
                  "'vital Israeli target' in the northern Golan Heights. The drone crashed in an open area near "
                  "Majdal Shams.", "2024-10-20")
    assert len(evs) == 1 and evs[0]["actor1"] == "Islamic Resistance in Iraq"


def test_a_tribe_named_like_its_village_is_people_not_the_place() -> None:
    (ev,) = _events("On 2 November 2014, ISIL killed 70 members of the Al bu Nimr tribe in Anbar, Iraq.", "2014-11-03")
    assert ev["location"] == "Anbar" and ev["fatalities"] == 70


def test_a_state_that_grieves_is_no_place_and_a_states_strike_is_the_doer() -> None:
    (ev,) = _events("Australia is deeply distressed by the deaths of seven aid workers who were killed in an Israeli "
                    "strike in central Gaza on 1 April 2024. We have called on Israel to ensure full accountability.",
                    "2024-04-03")
    assert ev["actor1"] == "Military Forces of Israel" and ev["actor2"].startswith("Civilians")
    assert ev["country"] != "Australia"


def test_a_helicopter_raid_that_kills_a_named_official_is_a_clash_where_the_raid_was() -> None:
    (ev,) = _events("U.S. Central Command forces conducted a helicopter raid in northeast Syria at 1:15 a.m. local "
                    "time, March 7, resulting in the death of a senior ISIS official, Hamza al-Homsi.", "2024-03-08")
    assert ev["sub_event_type"] == "Armed clash" and ev["actor2"] == "Islamic State"
    assert ev["country"] == "Syria" and ev["fatalities"] == 1


def test_a_reply_placed_where_its_target_is_and_the_attack_it_answers_reported_too() -> None:
    evs = _events("On Jan. 23, U.S. military forces conducted necessary and proportionate strikes on three facilities "
                  "used by Iran-aligned Kata'ib Hizballah (KH) in Iraq. These strikes were in direct response to a "
                  "series of escalatory attacks against U.S. and Coalition personnel in Iraq and Syria by "
                  "Iranian-sponsored militias, including the attack on Al-Asad Air Base on Jan. 20.", "2024-01-24")
    strike = next(e for e in evs if e["event_date"] == "2024-01-23")
    assert strike["actor2"] == "Kataib Hezbollah" and strike["location"] != "Ain al-Asad Air Base"
    answered = [e for e in evs if e["event_date"] == "2024-01-20"]
    assert [e["location"] for e in answered] == ["Ain al-Asad Air Base"]


def test_a_dateline_above_a_statement_is_the_day_its_today_counts_from() -> None:
    evs = _events("Statement on U.S. Strikes\nFeb. 2, 2024\n\nToday, at the direction of President Biden, U.S. "
                  "military forces conducted strikes against seven facilities in Syria used by Iran's Islamic "
                  "Revolutionary Guard Corps (IRGC).", "2024-02-03")
    assert [e["event_date"] for e in evs] == ["2024-02-02"]


def test_a_weekday_beside_its_calendar_date_gives_way_to_it() -> None:
    (ev,) = _events("On Monday, Dec. 26, Abu Jandal al-Kuwaiti, an ISIL gang leader in Raqqah was struck and killed by "
                    "a coalition airstrike near Tabqa Dam, Syria.", "2017-01-20")
    assert ev["event_date"] == "2016-12-26" and ev["fatalities"] == 1


def test_a_statement_listing_two_attacks_it_condemns_codes_both() -> None:
    evs = _events("Yesterday's shelling of Qamishli, which killed at least four civilians, including two children, and "
                  "the drone strike on a civilian vehicle near Kobani on 24 November are unacceptable.", "2024-11-26")
    assert sorted((e["event_date"], e["location"], e["sub_event_type"]) for e in evs) == [
        ("2024-11-24", "Kobani", "Air/drone strike"), ("2024-11-25", "Qamishli", "Shelling/artillery/missile attack")]


def test_a_soldiers_home_town_and_state_are_not_where_he_died() -> None:
    (ev,) = _events("Spc. Kennedy Ladon Sanders, 24, of Waycross, Georgia, died Jan. 28, 2024, in Jordan, when a "
                    "one-way unmanned aerial system attacked their container housing units.", "2024-01-30")
    assert ev["country"] == "Jordan" and ev["sub_event_type"] == "Air/drone strike"


def test_a_drone_downed_over_the_sea_is_not_folded_into_a_strike_placed_by_country() -> None:
    evs = _events("On Feb. 6, at 10:30 p.m., U.S. forces successfully engaged and destroyed one one-way attack "
                  "unmanned aerial vehicle over the Red Sea.\n\nAdditionally, at approximately 5:00 p.m., U.S. forces "
                  "conducted self-defense strikes against two unmanned surface vessels in Houthi-controlled areas "
                  "of Yemen.",
                  "2024-02-07")
    assert sorted(e["sub_event_type"] for e in evs) == ["Air/drone strike", "Disrupted weapons use"]


def test_what_an_attack_did_besides_is_the_same_attack_and_a_grievance_is_no_event() -> None:
    (ev,) = _events("04/07/2016: Assailants and suicide bombers raided Tall Ahmad, near Bashir, Kirkuk, Iraq. In "
                    "addition to the armed assault, the assailants fired a chemical-laced rocket.", "2016-04-08")
    assert ev["sub_event_type"] == "Suicide bomb"
    evs = _events("10/01/2013: Peter Kassig was abducted near Al-Dana town, Aleppo governorate, Syria. ISIL claimed "
                  "responsibility for the kidnapping, stating it was in retribution for United States drone strikes "
                  "in Syria.", "2013-10-02")
    assert [e["sub_event_type"] for e in evs] == ["Abduction/forced disappearance"]


def test_an_attack_repelled_is_a_clash_done_by_those_named_after_the_noun() -> None:
    (ev,) = _events("SDF fighters repelled an attack by ISIS cells on a checkpoint in the town of Busayrah, east of "
                    "Deir ez-Zor, on Saturday night, killing one attacker.", "2024-03-11")
    assert (ev["actor1"], ev["actor2"]) == ("Islamic State", "SDF: Syrian Democratic Forces")
    assert ev["sub_event_type"] == "Armed clash"


def test_a_ministry_that_neutralized_fighters_reports_its_forces_clash() -> None:
    (ev,) = _events("The Turkish Defense Ministry said on Sunday that its forces neutralized 5 PKK terrorists in the "
                    "Gara region of northern Iraq.", "2024-03-11")
    assert (ev["actor1"], ev["actor2"]) == ("Military Forces of Turkey", "PKK: Kurdistan Workers Party")
    assert ev["sub_event_type"] == "Armed clash" and ev["location"] == "Gara Mountain"


def test_towns_listed_as_provinces_are_the_provinces_each_its_own_event() -> None:
    evs = _events("Two convoys carrying logistical supplies for the US-led coalition were targeted with IEDs on Monday "
                  "in Diwaniyah and Babil provinces, security sources said. No casualties were reported.",
                  "2024-01-15")
    assert sorted((e["admin1"], e["geo_precision"], e["fatalities"]) for e in evs) == [
        ("Babil", 3, 0), ("Qadisiyah", 3, 0)]


def test_a_further_strike_after_a_semicolon_is_the_same_strikers_second_event() -> None:
    evs = _events("On 12 January, the Royal Air Force conducted strikes in Iraq, near Qaim, against a Daesh-held "
                  "building; a further strike in Syria, north-west of Abu Kamal, destroyed a vehicle.", "2024-01-18")
    assert sorted((e["country"], e["actor1"]) for e in evs) == [
        ("Iraq", "Military Forces of the United Kingdom"), ("Syria", "Military Forces of the United Kingdom")]


def test_a_strike_that_killed_fighters_and_harmed_no_civilians() -> None:
    (ev,) = _events("U.S. Africa Command conducted an airstrike against al-Shabaab in the vicinity of Jilib, Somalia, "
                    "on Jan. 16, 2024. The command's initial assessment is that the airstrike killed three terrorists "
                    "and no civilians were injured or killed.", "2024-01-18")
    assert ev["fatalities"] == 3 and ev["location"] == "Jilib"


def test_states_that_supported_a_strike_are_not_where_it_happened() -> None:
    evs = _events("On January 11, 2024, at my direction, United States forces, supported by the United Kingdom and "
                  "with non-operational support from Australia, Bahrain, Canada, and the Netherlands, conducted "
                  "targeted strikes against sixteen locations in Houthi-controlled areas of Yemen. On January 22, "
                  "2024, United States and United Kingdom forces conducted additional strikes against eight locations "
                  "in Houthi-controlled areas of Yemen.", "2024-01-24")
    assert [(e["event_date"], e["country"]) for e in evs] == [("2024-01-11", "Yemen"), ("2024-01-22", "Yemen")]
    assert all(e["actor1"].startswith("Military Forces of the United") for e in evs)


def test_a_release_dateline_is_not_the_day_its_strikes_happened() -> None:
    text = ("SOUTHWEST ASIA, Dec. 20, 2016 — U.S. and coalition military forces continued to attack Islamic "
            "State of Iraq and the Levant terrorists in Iraq yesterday, officials reported today.\n\n"
            "Strikes in Iraq\n\n"
            "-- Near Mosul, two strikes engaged an ISIL tactical unit and destroyed 11 fighting positions.\n\n"
            "-- Near Tal Afar, a strike destroyed an ISIL-held building.")
    evs = extract_text(text, published="2016-12-20")
    assert {e.location for e in evs} == {"Mosul", "Tal Afar"}
    assert {e.event_date for e in evs} == {date(2016, 12, 19)}


@pytest.mark.parametrize("text,published,expected", [
    # a release's line counts its one strike with the article, and what the strikes destroyed is their target
    ("Near Palmyra, a strike destroyed an ISIL vehicle and damaged an artillery system.", "2016-12-24",
     ("Air/drone strike", "airstrike")),
    ("On July 20, near Dayr Az Zawr, Syria, a strike destroyed nine ISIS oil refinement stills.", "2017-07-22",
     ("Air/drone strike", "airstrike")),
    ("Near Mosul, three strikes engaged two ISIL tactical units, destroyed five ISIL-held buildings, four fighting "
     "positions, a vehicle, a mortar system, a weapons cache and a car bomb factory.", "2016-12-24",
     ("Air/drone strike", "airstrike")),
    # warplanes by name and guided bombs are air strikes, never IEDs
    ("Turkish jets have neutralized eight PKK terrorists in an operation in northern Iraq, the ministry said on "
     "Sunday.", "2020-02-16", ("Air/drone strike", "airstrike")),
    ("On Monday, RAF Typhoons used Paveway IV precision guided bombs to strike a Houthi site near Sanaa.",
     "2024-01-24", ("Air/drone strike", "airstrike")),
])
def test_strike_releases_type_their_strikes(text: str, published: str, expected: tuple[str, str]) -> None:
    (ev,) = extract_text(text, published=published)
    assert (ev.sub_event_type, ev.method) == expected


def test_a_news_strike_with_a_date_before_it_is_not_a_release_line() -> None:
    text = ("A February 15 strike on a military complex at Erbil airport killed a civilian contractor. A group "
            "calling itself Saraya Awliya al-Dam claimed the rocket attack.")
    assert all(e.actor1 != "Military Forces of the United States" for e in extract_text(text, published="2021-02-20"))


def test_an_opening_cause_does_not_place_or_target_the_reply() -> None:
    text = ("TAMPA, Fla. – In response to multiple attacks against coalition forces in Iraq and Syria, U.S. military "
            "forces conducted airstrikes against multiple facilities used by Kataib Hezbollah and affiliated groups "
            "in Iraq at 8:45 p.m. (EST) on Dec. 25.")
    (ev,) = extract_text(text, published="2023-12-25")
    assert (ev.actor1, ev.actor2, ev.country) == ("Military Forces of the United States", "Kataib Hezbollah", "Iraq")


def test_the_following_day_counts_from_the_day_told_before_and_the_warplanes_did_it() -> None:
    text = ("RAF Tornados bombed a command post near Al Qaim on Wednesday 1 November.\n\n"
            "Tornados continued to support Iraqi Security Forces in the battle for Al Qaim the following day, and "
            "successfully bombed a Daesh observation post.")
    evs = extract_text(text, published="2017-11-09")
    assert [(e.event_date, e.actor1) for e in evs] == [
        (date(2017, 11, 1), "Military Forces of the United Kingdom"),
        (date(2017, 11, 2), "Military Forces of the United Kingdom")]


@pytest.mark.parametrize("text,actor1,country", [
    # a state by its official name or in the possessive, as letters and ministries write it
    ("On Monday, Türkiye struck PKK targets in northern Iraq.", "Military Forces of Turkey", "Iraq"),
    ("On Monday, Turkey's armed forces struck PKK targets in northern Iraq.", "Military Forces of Turkey", "Iraq"),
    ("At dawn on Saturday, 10 February 2018, Israeli warplanes penetrated the airspace of the Syrian Arab Republic "
     "and struck a number of sites.", "Military Forces of Israel", "Syria"),
])
def test_states_by_official_name(text: str, actor1: str, country: str) -> None:
    (ev,) = extract_text(text, published="2024-01-15" if "Türk" in text or "Turkey" in text else "2018-02-10")
    assert (ev.actor1, ev.country) == (actor1, country)


def test_a_weekday_before_its_calendar_date_opens_the_paragraph() -> None:
    text = ("On Saturday 18 November, Tornados from RAF Akrotiri patrolled over north-west Iraq. Another coalition "
            "aircraft identified a Daesh truck concealed under cover some 35 miles west of Sharqat. The Tornados "
            "conducted an attack with the very precise Brimstone missile, destroying the vehicle.")
    (ev,) = extract_text(text, published="2017-11-28")
    assert (ev.event_date, ev.location, ev.actor1) == (date(2017, 11, 18), "Shirqat",
                                                       "Military Forces of the United Kingdom")


def test_a_ministry_tally_of_times_struck_is_no_event() -> None:
    assert extract_text("British aircraft have struck Daesh 1348 times in Iraq and 262 times in Syria.",
                        published="2017-11-09") == []


def test_a_second_strike_joined_by_as_well_as_is_its_own_event_at_its_own_place() -> None:
    evs = extract_text("Typhoons flew missions over eastern Syria on Sunday 5 November, eliminating a mortar team "
                       "near Abu Kamal, as well as striking another tunnel complex near Al Mayadin.",
                       published="2017-11-09")
    assert sorted(e.location for e in evs) == ["Albu Kamal", "Mayadin"]


def test_a_place_of_a_country_the_text_never_names_must_be_spelled_as_that_place() -> None:
    # "Bani" only folds like Baneh (Iran); "Iranian-backed" says who stands behind the Houthis, not where
    evs = extract_text("Iranian-backed Houthi militants have attacked ships. On 3 February, RAF Typhoons struck a "
                       "Houthi site at As Salif. The Typhoons also attacked a significant number of targets at Bani.",
                       published="2024-02-03")
    assert evs and all(e.country == "Yemen" for e in evs)


def test_the_source_of_intelligence_is_not_the_striker() -> None:
    (ev,) = extract_text("Having received intelligence from a coalition surveillance aircraft on Wednesday 1 "
                         "November, RAF Tornados launched two Paveways at a command post near Al Qaim.",
                         published="2017-11-09")
    assert ev.actor1 == "Military Forces of the United Kingdom"


def test_weapons_destroyed_on_the_ground_by_another_force_are_its_strike() -> None:
    text = ("TAMPA, Fla. – Between 2:00 a.m. and 4:50 p.m. (Sanaa time) on March 13, Iranian-backed Houthi terrorists "
            "fired one anti-ship ballistic missile from Houthi-controlled areas of Yemen into the Gulf of Aden. There "
            "were no injuries or damage reported. United States Central Command then successfully engaged and "
            "destroyed four unmanned aerial systems (UAVs) and one surface-to-air missile in Houthi-controlled areas "
            "of Yemen.")
    evs = extract_text(text, published="2024-03-13")
    assert [(e.actor1, e.sub_event_type) for e in evs] == [
        ("Ansar Allah", "Shelling/artillery/missile attack"),
        ("Military Forces of the United States", "Air/drone strike")]
    assert (evs[0].fatalities, evs[0].injuries) == (0, 0)  # no one hurt: no one killed


def test_a_common_word_that_folds_into_a_longer_name_is_the_word() -> None:
    evs = extract_text("On Jan. 12, U.S. forces struck a Houthi radar site in Yemen. This strike was conducted by the "
                       "USS Carney (DDG 64) using Tomahawk Land Attack Missiles.", published="2024-01-12")
    assert all(e.location != "Ataq" for e in evs)


@pytest.mark.parametrize("text,published,expected", [
    # a statement's dateline names where and when it was issued, not the event
    ("Sana’a, 12 August 2019 – On 11 August 2019, strikes hit a house in Mustaba District in Hajjah Governorate. "
     "Reports indicate that twelve people were killed.", "2019-08-12",
     (date(2019, 8, 11), "Hajjah", "Air/drone strike")),
    # "several were killed ... when strikes hit": the strikes are the event, and strikes are from the air
    ("Today, several people were killed, and dozens injured when strikes hit Sana’a City.", "2019-05-16",
     (date(2019, 5, 16), "Sanaa", "Air/drone strike")),
    # a condemnation of the day's attacks is the statement's report of them
    ("The Secretary-General condemns the terrorist attacks in Baghdad today.", "2016-07-03",
     (date(2016, 7, 3), "Baghdad", "Attack")),
])
def test_un_and_regional_statements(text: str, published: str, expected: tuple[date, str, str]) -> None:
    (ev,) = extract_text(text, published=published)
    assert (ev.event_date, ev.location, ev.sub_event_type) == expected


def test_bullets_without_a_space_still_open_a_release_line() -> None:
    text = ("SOUTHWEST ASIA, Aug. 18, 2017 — U.S. and coalition military forces continued to attack ISIS terrorists "
            "in Syria yesterday.\n\nStrikes in Syria\n\n*Near Abu Kamal, three strikes destroyed three ISIS "
            "oil stills.\n\n*Near Raqqah, 18 strikes engaged 12 ISIS tactical units.")
    evs = extract_text(text, published="2017-08-18")
    assert sorted((e.location, e.event_date) for e in evs) == [("Albu Kamal", date(2017, 8, 17)),
                                                              ("Raqqa", date(2017, 8, 17))]


@pytest.mark.parametrize("text,expected", [
    # "in the past 24 hours" is the day's update, not a period
    ("In the past 24 hours, U.S. Central Command forces successfully destroyed two Iranian-backed Houthi uncrewed "
     "aerial vehicles in a Houthi-controlled area of Yemen.", [date(2024, 1, 16)]),
    # a ship's name is no place, and an opening cause's day is not the strike's
    ("Additionally, following the Jan. 15 attack on the M/V Gibraltar Eagle, a Marshall Islands-flagged, "
     "U.S.-owned vessel, U.S. forces struck four Houthi missiles in Yemen on Jan. 16.", [date(2024, 1, 16)]),
    # a campaign that continues is no event
    ("U.S. Central Command continues to work with partner nations to conduct targeted airstrikes in Iraq and Syria.",
     []),
])
def test_centcom_updates(text: str, expected: list[date]) -> None:
    evs = extract_text(text, published="2024-01-16")
    assert [e.event_date for e in evs] == expected
    assert all(e.location != "Gibraltar" for e in evs)


def test_a_release_list_takes_the_striker_and_target_told_for_its_country() -> None:
    text = ("U.S. military forces continued to attack ISIL terrorists in Syria yesterday using fighter aircraft. "
            "Separately, partner-nation military forces used fighter aircraft to conduct two airstrikes against "
            "ISIL in Iraq.\n\nSix airstrikes took place near Kobani, where they destroyed two ISIL fighting "
            "positions.\n\nNear Bayji, three airstrikes struck three ISIL tactical units.")
    evs = {e.location: e for e in extract_text(text, published="2014-10-17")}
    assert (evs["Kobani"].actor1, evs["Kobani"].actor2) == ("Military Forces of the United States", "Islamic State")
    assert evs["Baiji"].actor1 == "US-led coalition"


def test_a_states_strike_on_no_named_group_hits_the_group_the_document_is_about() -> None:
    text = ("RAF jets continue to strike Daesh in Iraq and Syria. With Daesh losing control of its territory, the "
            "threat remains.\n\nOn Wednesday 14 February RAF Typhoons destroyed a mechanical excavator, used by the "
            "terrorists to construct fortified positions near the Euphrates river in eastern Syria.")
    (ev,) = extract_text(text, published="2018-03-06")
    assert (ev.actor1, ev.actor2) == ("Military Forces of the United Kingdom", "Islamic State")


@pytest.mark.parametrize("text,published,actor1,actor2", [
    # what "faced a targeted assault" was hit; drones deployed are the weapon
    ("Late on December 30, a headquarter of the Kurdistan Peshmerga forces, located at Erbil’s Pirmam district, "
     "faced a targeted assault deploying two explosive drones.", "2023-12-31",
     "Unidentified Armed Group (Iraq)", "Kurdistan Regional Government Peshmerga"),
    # a state named after "of the" is an object, not the one that struck
    ("In the early morning of Monday, March 7, 2022, the Israeli regime in flagrant violation of the sovereignty of "
     "the Syrian Arab Republic launched missile attacks on the vicinity of Damascus, killing two Iranian officers.",
     "2022-03-12", "Military Forces of Israel", None),
])
def test_who_was_hit_in_regional_statements(text: str, published: str, actor1: str, actor2: str | None) -> None:
    (ev,) = extract_text(text, published=published)
    assert ev.actor1 == actor1 and (actor2 is None or ev.actor2 == actor2)


def test_a_strike_on_another_day_in_the_same_paragraph_is_another_event() -> None:
    text = ("RAF jets continue to strike Daesh in Iraq and Syria.\n\nOn Wednesday 14 February RAF Typhoons destroyed "
            "a mechanical excavator near the Euphrates river in eastern Syria. Operations continued in eastern Syria "
            "on Friday 16 February, Typhoons and Tornados provided close air support to Syrian Democratic Forces "
            "engaged in ground close combat with Daesh fighters, destroying five terrorist positions.")
    evs = extract_text(text, published="2018-03-06")
    assert [e.event_date for e in evs] == [date(2018, 2, 14), date(2018, 2, 16)]
    assert {e.actor1 for e in evs} == {"Military Forces of the United Kingdom"}


@pytest.mark.parametrize("text,published,sub,location", [
    # missiles an aircraft fires are an air strike; an air defence's missiles are not
    ("On Saturday, four Tornado jets fired Storm Shadow missiles at a military facility some 24km west of Homs.",
     "2018-04-14", "Air/drone strike", "Homs"),
    ("On Saturday, Syrian air defences fired missiles at Israeli aircraft over Homs.", "2018-04-14",
     "Shelling/artillery/missile attack", "Homs"),
    # a base named by a letter and a digit
    ("On Monday, Israeli F-15 aircraft fired missiles from Lebanese airspace at T-4 airbase in Homs governorate.",
     "2018-04-10", "Air/drone strike", "T-4 Air Base"),
    # "the Government of Canada" is a party, not the place
    ("At the request of the Government of Canada, the Canadian Armed Forces have extended their participation in "
     "air strikes against ISIL. On Wednesday, two Canadian CF-18s struck an ISIL garrison near Raqqa.", "2015-04-08",
     "Air/drone strike", "Raqqa"),
    # "Tall" before another name is that name's head, not al-Tall
    ("On Monday, the coalition bombarded the villages of Dahu, Dashishah and Tall al-Shayir, in Hasakah governorate.",
     "2018-06-05", "Shelling/artillery/missile attack", "Hasakah"),
])
def test_letters_and_ministry_statements(text: str, published: str, sub: str, location: str) -> None:
    (ev,) = extract_text(text, published=published)
    assert (ev.sub_event_type, ev.location) == (sub, location)


def test_a_toll_over_months_is_no_event() -> None:
    assert extract_text("In Damascus alone, they have rained down more than 3,000 missiles in just three months, "
                        "killing 155 civilians.", published="2018-04-10") == []


def test_a_states_air_task_group_is_its_forces() -> None:
    (ev,) = extract_text("Overnight the Australian Air Task Group operating in the Middle East attacked its first "
                         "target in Iraq.", published="2014-10-09")
    assert (ev.actor1, ev.country) == ("Military Forces of Australia", "Iraq")


def test_who_was_shot_by_an_unknown_actor_is_the_target() -> None:
    (ev,) = extract_text("On 3 January 2024, a Brigadier General from the Federal police was shot in the head and "
                         "killed by an unknown actor in his residence south of Baghdad city.", published="2024-01-05")
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Iraq)", "Police Forces of Iraq")


def test_bare_police_in_a_report_on_one_country_are_its_police_and_their_later_arrests_the_aftermath() -> None:
    evs = extract_text("On 8 January 2024, Iraqi police attempted to arrest a wanted individual in the As Samawah "
                       "area, Muthanna. Police shot and injured the man. Local police detained his brother.",
                       published="2024-01-10")
    assert [(e.actor1, e.sub_event_type) for e in evs] == [("Police Forces of Iraq", "Attack")]


def test_an_event_placed_only_in_a_country_is_less_certain_than_one_at_a_town() -> None:
    (town,) = extract_text("On Monday, U.S. forces struck a Houthi radar site near Hodeidah.", published="2024-01-16")
    (country,) = extract_text("On Monday, U.S. forces struck a Houthi radar site in Yemen.", published="2024-01-16")
    assert country.confidence <= town.confidence - 0.15


def test_terrorists_were_neutralized_is_a_clash_in_the_passive_too() -> None:
    (ev,) = extract_text("With the coordinated work of the Turkish Armed Forces and National Intelligence "
                         "Organization, six PKK terrorists were neutralized in Gara region of northern Iraq, the "
                         "ministry said on Saturday.", published="2020-08-01")
    assert (ev.actor1, ev.sub_event_type, ev.location) == ("Military Forces of Turkey", "Armed clash", "Gara Mountain")


@pytest.mark.parametrize("text,published,expected", [
    # every state listed before the strike verb is a party, none of them the place
    ("On 14 April, the United States, France, and the United Kingdom carried out missile strikes against Syria.",
     "2018-04-15", [("Syria", "Damascus")]),
    # what a state "was not to" do did not happen
    ("In turn, Turkey was not to conduct airstrikes or establish military observation posts in northern Syria.",
     "2019-08-08", []),
])
def test_states_named_together_and_undertakings(text: str, published: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.country, e.location) for e in extract_text(text, published=published)] == expected


def test_shares_of_a_campaign_are_no_event() -> None:
    assert extract_text("Of the airstrikes, 70% have been conducted by the military of the United States, 20% by the "
                        "United Kingdom and the remainder by France.", published="2019-08-08") == []


@pytest.mark.parametrize("text,expected", [
    # a road between two towns, in a named province: the end that lies in that province
    ("On 15 January 2024, an IED struck a PMF vehicle on the Samarra - Tharthar Road in eastern Anbar province.",
     "Lake Tharthar"),
    # the town named first stays the place when the province holds it
    ("On 15 January 2024, gunmen attacked a checkpoint in Samarra, on the road to Tikrit, Salah al-Din province.",
     "Samarra"),
])
def test_the_province_named_picks_the_place_that_lies_in_it(text: str, expected: str) -> None:
    assert [e.location for e in extract_text(text, published="2024-01-20")] == [expected]


def test_an_abbreviated_state_before_a_hyphen_is_one_name() -> None:
    (ev,) = extract_text("On Dec. 12, the U.S.-led coalition conducted five airstrikes near Mosul.",
                         published="2016-12-13")
    assert ev.actor1 == "US-led coalition"


@pytest.mark.parametrize("text,actor", [
    # before any coalition is named, "the coalition" is the one that fights where the story is
    ("On Monday, Dec. 26, an ISIL leader was struck and killed by a coalition airstrike near Tabqa Dam, Syria.",
     "US-led coalition"),
    ("On Monday, a coalition airstrike hit a Houthi position near Saada, Yemen.", "Saudi-led coalition"),
])
def test_a_coalition_not_yet_named_is_the_one_of_the_theatre(text: str, actor: str) -> None:
    (ev,) = extract_text(text, published="2016-12-29")
    assert ev.actor1 == actor


@pytest.mark.parametrize("text,sub", [
    ("On Monday, Iraqi forces discovered the bodies of 70 civilians in the village of Tuloul Naser, south of Mosul.",
     "Other"),  # ACLED: a mass grave found is a strategic development
    ("On Monday, militants beat two shepherds to death near Hawija.", "Attack"),
])
def test_mass_graves_found_and_beatings(text: str, sub: str) -> None:
    (ev,) = extract_text(text, published="2016-10-25")
    assert ev.sub_event_type == sub


def test_a_sentence_without_a_place_takes_the_one_named_just_before_across_paragraphs() -> None:
    text = ("In the past 24 hours, Iraqi forces held their positions on three sides of Mosul, Davis said.\n\n"
            "Also in the past 24 hours, Davis said, the U.S.-led coalition conducted five airstrikes.")
    (ev,) = extract_text(text, published="2016-12-13")
    assert ev.location == "Mosul"


@pytest.mark.parametrize("text,location", [
    # an outlet's name is a source, not a place: "Kurdistan 24" is not Iran's Kurdistan province, SANA not Sanaa
    ("On Sunday, a drone struck a PKK position near Makhmour camp, a source told Kurdistan 24.", "Makhmur"),
    ("On Sunday, US strikes hit houses near Albu Kamal, the Syrian Arab News Agency (SANA) said.", "Albu Kamal"),
    # a dateline's city named again in the sentence is one place, not each other's address
    ("DAMASCUS/DUBAI, April 1 (Reuters) - An Israeli air strike destroyed Iran's consulate in the Syrian capital "
     "Damascus on Monday.", "Damascus"),
])
def test_outlet_names_and_a_place_named_twice(text: str, location: str) -> None:
    assert [e.location for e in extract_text(text, published="2024-04-01")] == [location]


@pytest.mark.parametrize("text", [
    # a campaign told in the present perfect since a day is no event of that day
    "Turkey has conducted intensified air and ground operations against PKK positions across the Kurdistan Region "
    "since April, when it launched operations Claw-Lightning and Claw-Thunderbolt.",
    # "our battle with" names a struggle, not a fight that took place
    '"Our battle with America and its agents is now open to all possibilities," he told Reuters on Monday.',
])
def test_campaigns_and_struggles_are_no_events(text: str) -> None:
    assert extract_text(text, published="2021-06-05") == []


def test_a_lead_dated_by_when_sources_said_it_joins_the_event_told_with_its_day() -> None:
    text = ("BAGHDAD (Reuters) - At least 25 militia fighters were killed in U.S. air strikes on Kataib Hezbollah "
            "near the Iraqi-Syrian border, Iraqi security sources said on Monday.\n\n"
            "The U.S. military said it had carried out strikes on Sunday against Kataib Hezbollah facilities near "
            "the border town of al-Qaim.")
    (ev,) = extract_text(text, published="2019-12-30")
    assert (ev.event_date.isoformat(), ev.location, ev.fatalities) == ("2019-12-29", "Qaim", 25)


def test_two_drones_told_at_two_hours_either_side_of_midnight_are_two_days() -> None:
    evs = extract_text("The Harir base was attacked by a drone at 11:30 PM last night, and by another drone at "
                       "12:40 AM today.", published="2023-11-09")
    assert [e.event_date.isoformat() for e in evs] == ["2023-11-08", "2023-11-09"]


def test_an_event_of_an_earlier_month_told_only_by_its_month_is_background() -> None:
    assert extract_text("In February, a rocket barrage on the airport killed a foreign contractor.",
                        published="2021-04-15") == []


def test_a_weeks_summary_lead_joins_the_days_it_sums_up() -> None:
    text = ("WASHINGTON (AP) - U.S. forces in Syria were targeted by drone attacks this week, officials said.\n\n"
            "On Tuesday, two drones attacked the al-Tanf garrison in Syria.")
    (ev,) = extract_text(text, published="2023-10-19")
    assert (ev.event_date.isoformat(), ev.location) == ("2023-10-17", "Al-Tanf Garrison")


def test_a_group_declares_a_halt_at_home_not_where_it_last_struck() -> None:
    text = ("A drone strike killed three U.S. soldiers at Tower 22 in Jordan on Jan. 28.\n\n"
            "On Jan. 30, Kataib Hezbollah announced it was suspending military operations against U.S. forces.")
    evs = extract_text(text, published="2024-02-08")
    assert [(e.sub_event_type, e.country) for e in evs] == [("Air/drone strike", "Jordan"),
                                                           ("Change to group/activity", "Iraq")]


def test_a_capital_that_speaks_is_its_government_and_visitors_from_it_do_not_place_the_attack() -> None:
    text = ("BAGHDAD (AP) - Artillery shelling hit a tourist resort in Iraq's northern Kurdish-run region on "
            "Wednesday, killing nine civilians. Baghdad blamed Turkey for the attack.\n\n"
            "The shells struck the Parakh resort in the Zakho district of Dohuk province. Most of the victims were "
            "visitors from Baghdad, officials said.")
    evs = extract_text(text, published="2022-07-20")
    assert [(e.location, e.fatalities) for e in evs] == [("Parakh", 9)]


def test_air_strikes_told_again_keep_the_force_that_flew_them() -> None:
    text = ("US air strikes in eastern Syria killed 14 pro-Iran fighters on Friday, a war monitor said.\n\n"
            "The monitor said the airstrikes hit an ammunition depot near Albu Kamal on Friday.")
    assert {e.actor1 for e in extract_text(text, published="2023-03-25")} == {"Military Forces of the United States"}


def test_the_second_of_the_events_counted_is_told_at_its_own_place() -> None:
    evs = extract_text("The source said the first explosion struck a convoy on the highway near Nasiriyah this "
                       "morning, and the second hit another convoy in al-Diwaniyah.", published="2021-01-22")
    assert [e.location for e in evs] == ["Nasiriyah", "Diwaniyah"]


def test_a_tally_followed_by_its_list_of_places_is_one_event_a_place() -> None:
    evs = extract_text('A group calling itself "Ashab al-Kahf" claimed responsibility for five attacks on convoys '
                       "of the Coalition today: in Nasiriyah, in al-Diwaniyah, two in Babil governorate and one "
                       "near Abu Ghraib, west of Baghdad.", published="2021-01-22")
    assert [e.location for e in evs] == ["Nasiriyah", "Diwaniyah", "Babil", "Abu Ghraib"]
    assert {e.actor1 for e in evs} == {"Ashab al-Kahf"}


def test_the_attack_a_reply_answers_dated_in_its_noun_phrase_and_the_same_day_after_it() -> None:
    text = ("U.S. attack helicopters struck militants near the Conoco base on Wednesday.\n\n"
            "President Joe Biden ordered the strikes in response to an Aug. 15 drone attack on the base at al-Tanf, "
            "in southern Syria, officials said. On the same day, rockets were fired at Green Village.")
    evs = extract_text(text, published="2022-08-25")
    assert [(e.event_date.isoformat(), e.location) for e in evs][1:] == [
        ("2022-08-15", "Al-Tanf"), ("2022-08-15", "Mission Support Site Euphrates")]


def test_the_speaker_of_a_quote_is_not_the_suspect() -> None:
    text = ("On Wednesday, several rockets landed inside the perimeter of the Conoco base, Central Command said.\n\n"
            '"Initial assessments indicate that two or three suspected Iran-backed militants conducting one of the '
            'attacks were killed," Central Command said.')
    (ev,) = extract_text(text, published="2022-08-25")
    assert ev.actor1 != "Military Forces of the United States"


@pytest.mark.parametrize("text,actor2", [
    # the convoys the story has said whose they are
    ("On Friday, two roadside bombs targeted convoys transporting supplies for the US-led coalition near "
     "Nasiriyah.\n\nOn Monday, three convoys were hit by bombs in Samawah.", "US-led coalition"),
    # a state's forces named without the state are those of the country where it happened
    ("On Monday, Israeli strikes hit army positions near the town of Al-Kiswah, south of Damascus.",
     "Military Forces of Syria"),
])
def test_targets_whose_owner_the_story_or_the_place_tells(text: str, actor2: str) -> None:
    assert extract_text(text, published="2021-01-22")[-1].actor2 == actor2


@pytest.mark.parametrize("text,location", [
    # one letter off in a longer name of the country the text is about is that place
    ("In Syria, near Dayr Az Zayr, one strike destroyed an oil pump jack on Jan. 9.", "Deir ez-Zor"),
    # but not a namesake of another country ("Sergele" in Duhok is no Serjilla in Idlib)
    ("On 14 July 2024, PKK militants attacked Turkish army forces with drones in Sergele (Sargali) area in Al "
     "Amadiya district, Duhok.", "Amadiya"),
])
def test_a_spelling_one_letter_off(text: str, location: str) -> None:
    assert [e.location for e in extract_text(text, published="2024-07-20")][:1] == [location]


def test_a_town_liberated_by_no_one_named_is_regained_by_the_state() -> None:
    (ev,) = extract_text("On Friday, Sinjar was liberated after its occupation by the terrorist group ISIL.",
                         published="2015-11-14")
    assert (ev.sub_event_type, ev.actor1) == ("Government regains territory", "Military Forces of Iraq")


@pytest.mark.parametrize("text", [
    # accidents are no one's violence
    "Separately, five U.S. service members were killed Friday when their MH-60 Black Hawk helicopter crashed during "
    "a training mission in the Mediterranean.",
    "On Tuesday, a stampede at Soleimani's funeral procession in Kerman killed 56 people.",
    # a dated attack named as the start of a period is no event of that day
    "Israel has escalated its strikes in Syria since the October 7 attack by Hamas on southern Israel.",
])
def test_accidents_and_period_starts_are_no_events(text: str) -> None:
    assert extract_text(text, published="2020-01-08") == []


def test_a_mans_name_and_the_state_struck_back_at_are_no_places() -> None:
    (ev,) = extract_text("BAGHDAD (AP) - Iran struck back at the United States early Wednesday for the killing of "
                         "Soleimani, firing missiles at two bases in Iraq.", published="2020-01-08")
    assert (ev.actor1, ev.country) == ("Military Forces of Iran", "Iraq")


def test_a_party_in_the_clause_that_describes_the_target_is_not_the_attacker() -> None:
    (ev,) = extract_text("On Saturday, four rockets struck Balad Air Base in Salah al-Din, which hosts contractors "
                         "of the American company Sallyport who maintain Iraqi F-16 jets.", published="2021-03-03")
    assert ev.actor1 == "Unidentified Armed Group (Iraq)"


def test_a_list_of_places_of_several_kinds_is_one_event_a_place() -> None:
    evs = extract_text("On Friday, US and British strikes hit targets in the capital Sanaa, the port city of Hodeidah, "
                       "and the governorates of Taiz, Hajjah and Saada, according to Houthi officials.",
                       published="2024-01-12")
    assert [e.location for e in evs] == ["Sanaa", "Hodeidah", "Taiz", "Hajjah", "Saada"]


@pytest.mark.parametrize("text,actor1", [
    # the speaker of a passive report did not fire
    ("On Wednesday, the Iraqi military said 22 missiles were fired in all, 17 at Ain al-Asad.",
     "Unidentified Armed Group (Iraq)"),
    # the speaker who says it struck did
    ("The U.S. military said on Sunday it had carried out strikes against Kataib Hezbollah facilities near al-Qaim.",
     "Military Forces of the United States"),
])
def test_a_speaker_is_the_actor_only_when_it_says_it_acted(text: str, actor1: str) -> None:
    assert extract_text(text, published="2020-01-08")[0].actor1 == actor1


def test_a_mans_possessive_name_is_no_place_in_a_later_sentence() -> None:
    text = ("BAGHDAD (AP) - Iran fired missiles at two bases in Iraq early Wednesday.\n\n"
            "The attack came hours after mourners crowded Soleimani's funeral procession in his hometown.")
    assert {e.location for e in extract_text(text, published="2020-01-08")} != {"Sulaymaniyah"}


def test_a_large_city_after_on_is_a_place() -> None:
    (ev,) = extract_text("Six people were killed on Nov. 13 when a bomb exploded on Istanbul's busy Istiklal Avenue.",
                         published="2022-11-20")
    assert (ev.location, ev.fatalities) == ("Istanbul", 6)


def test_a_targets_list_places_each_strike_and_a_closing_cause_does_not_place_it() -> None:
    text = ("The Turkish Armed Forces launched an air operation overnight against the PKK in northern Iraq and "
            "northern Syria, the ministry announced Sunday, a week after a deadly terror attack in Istanbul.\n\n"
            "The targets were in the Qandil, Asos and Hakurk regions of northern Iraq and in Ain al-Arab (Kobani) and "
            "Tal Rifaat in northern Syria, according to the ministry.")
    evs = extract_text(text, published="2022-11-20")
    assert {e.location for e in evs} == {"Qandil Mountains", "Asos Mountain", "Khakurk", "Kobani", "Tal Rifaat"}
    assert {e.sub_event_type for e in evs} == {"Air/drone strike"}


def test_a_statements_dateline_city_is_a_vague_place_that_joins_the_event_told_with_its_village() -> None:
    text = ("ERBIL, December 31- The spokesperson of the Kurdistan Regional Government said a drone attacked a "
            "Peshmerga headquarters late on December 30.\n\n"
            "Late on December 30, a headquarters of the Peshmerga forces in Pirmam was attacked by a drone.")
    evs = extract_text(text, published="2023-12-31")
    assert [(e.location, e.geo_precision) for e in evs] == [("Pirmam", 1)]


def test_a_party_named_as_the_attacks_adjective_is_its_doer() -> None:
    (ev,) = _events("Two soldiers were wounded on Monday in an ISIS suicide bombing near Kirkuk.", "2024-01-10")
    assert ev["actor1"] == "Islamic State"


def test_a_closing_speaker_is_neither_doer_nor_target() -> None:
    (ev,) = _events("A missile struck a bulk carrier south-west of the port of Aden on Wednesday, US Central "
                    "Command (Centcom) said.", "2024-03-07")
    assert ev["actor2"] != "Military Forces of the United States"


def test_an_expletive_it_after_said_does_not_make_the_speaker_the_doer() -> None:
    evs = _events("Centcom said it was the fifth anti-ship ballistic missile fired by the Houthis at a ship in the "
                  "Gulf of Aden on Tuesday.", "2024-03-07")
    assert evs and evs[0]["actor1"] == "Ansar Allah"


def test_a_definite_attack_takes_the_doer_of_the_attack_just_told() -> None:
    (ev,) = _events("The United States and the United Kingdom have carried out strikes on more than a dozen sites "
                    "used by Yemen's Houthi rebels.\n\nThe strikes, launched early on Friday from warplanes and "
                    "warships, hit targets in the capital Sanaa.", "2024-01-12")
    assert ev["actor1"] == "Military Forces of the United States" and ev["actor2"] == "Ansar Allah"


def test_a_definite_attack_after_an_attack_with_no_named_doer_stays_unattributed() -> None:
    evs = _events("At least 14 rockets hit the Ain al-Asad air base on Wednesday, the coalition said, as US-backed "
                  "forces in Syria said they thwarted a drone attack.\n\nThe rockets landed on the base and its "
                  "perimeter at about 12:30 p.m.", "2021-07-07")
    rockets = [e for e in evs if e["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert rockets and all(e["actor1"].startswith("Unidentified") for e in rockets)


def test_a_state_and_its_guard_corps_told_apart_are_one_event() -> None:
    evs = _events("Iran fired ballistic missiles at the Ain al-Asad air base early Wednesday. The Iraqi military "
                  "said 22 missiles were fired in all, 17 at Ain al-Asad, and Iran's Revolutionary Guard said it "
                  "fired them.", "2020-01-08")
    assert len([e for e in evs if e["location"] == "Ain al-Asad Air Base"]) == 1


def test_a_list_of_targets_under_its_heading_places_the_strikes_just_told() -> None:
    evs = _events("Overnight, IDF fighter jets struck dozens of military targets belonging to the Iranian Quds Force "
                  "in Syrian territory.\n\nAmong the targets struck:\n\n- Intelligence sites operated by Iranian "
                  "forces\n\n- A weapons storage facility belonging to the Quds Force at Damascus International "
                  "Airport\n\n- A logistics headquarters belonging to the Quds Force in Kiswah\n\nAll IDF aircraft "
                  "returned safely to their bases.", "2018-05-10")
    strikes = {e["location"] for e in evs if e["sub_event_type"] == "Air/drone strike"}
    assert strikes == {"Damascus International Airport", "Kiswah"}


def test_in_a_countrys_territory_places_the_event_in_that_country() -> None:
    (ev,) = _events("Overnight, IDF fighter jets struck military targets belonging to the Quds Force in Syrian "
                    "territory.", "2018-05-10")
    assert ev["country"] == "Syria"


@pytest.mark.parametrize("text", [
    "It was a failed attack: no rockets struck Israeli territory.",
    "The Yemeni Armed Forces affirm that they have a bank of targets in occupied Palestine and will not hesitate "
    "to strike them.",
    "The Houthis have also fired ballistic missiles and drones at Israel and have threatened our partners.",
    "It is part of a long series of violations by Turkish forces, which have continued for years to carry out "
    "military incursions, air strikes and artillery shelling inside Iraqi territory.",
])
def test_negated_threatened_and_habitual_attacks_are_not_events(text: str) -> None:
    assert _events(text, "2024-07-19") == []


def test_a_weapon_called_by_a_name_is_not_a_group() -> None:
    evs = _events('The operation was carried out with a new drone called "Yafa", which struck Tel Aviv on Friday.',
                  "2024-07-19")
    assert evs and all(e["actor1"] != "Yafa" for e in evs)


def test_a_town_inside_a_mans_full_name_is_no_place() -> None:
    evs = _events("The heroes clashed with the terrorists inside the hideout on Wednesday, which resulted in the "
                  "killing of the terrorist Jabbar Salman Ali Farhan al-Issawi.", "2021-01-28")
    assert all(e["location"] != "Al-Salman" for e in evs)


def test_the_clash_that_ensued_is_told_as_it_happened_between_the_parties_just_named() -> None:
    evs = _events("On 12 January 2024, PKK/KCK terrorists attempted to infiltrate one of our base areas in the "
                  "Claw-Lock Operation region in the north of Iraq. In the clash that ensued, 9 of our heroic "
                  "comrades-in-arms were martyred, the Turkish Armed Forces said.", "2024-01-13")
    (ev,) = [e for e in evs if e["sub_event_type"] == "Armed clash"]
    assert ev["actor1"] == "PKK: Kurdistan Workers Party" and ev["fatalities"] == 9


def test_a_statement_speaking_for_its_forces_did_the_strikes_it_tells_in_the_passive() -> None:
    evs = _events("The Turkish Armed Forces will protect our borders. In the air operation carried out on the "
                  "evening of 12 January 2024, 29 targets used by the terrorists were destroyed in the Metina "
                  "region in the north of Iraq.", "2024-01-13")
    assert evs and evs[0]["actor1"] == "Military Forces of Turkey"


def test_between_two_towns_is_one_event_near_the_first() -> None:
    evs = _events("Yesterday afternoon a drone belonging to the Turkish army targeted a civilian car on the road "
                  "between Qamishli and Amuda, killing two civilians.", "2024-02-08")
    assert [e["location"] for e in evs] == ["Qamishli"] and evs[0]["geo_precision"] == 2


def test_counts_of_shelling_recorded_by_a_monitoring_commission_are_tallies() -> None:
    assert _events("The Russian part of the Russian-Turkish commission recorded 9 shelling attacks in Idlib. The "
                   "Turkish part of the commission recorded 4 shelling attacks.", "2023-10-06") == []


def test_air_defence_that_destroyed_drones_disrupted_them() -> None:
    (ev,) = _events("On the night of October 6, duty air defence forces of the Hmeimim airbase destroyed two "
                    "unmanned aerial vehicles launched by militants from the Idlib de-escalation zone.", "2023-10-06")
    assert ev["sub_event_type"] == "Disrupted weapons use"


def test_a_place_in_another_province_does_not_refine_a_province_level_event() -> None:
    evs = _events("On October 6, aircraft of the Russian Aerospace Forces delivered strikes on facilities of illegal "
                  "armed formations in Idlib province. Illegal armed formations in the 55-kilometre Al-Tanf zone "
                  "continue to pose a threat.", "2023-10-06")
    assert [e["admin1"] for e in evs if e["sub_event_type"] == "Air/drone strike"] == ["Idlib"]


def test_a_toll_told_before_its_cause_is_the_event_the_cause_tells() -> None:
    (ev,) = _events("This morning, two peacekeepers were injured after an IDF Merkava tank fired its weapon toward "
                    "an observation tower at the Mission's headquarters in Naqoura.", "2024-10-10")
    assert ev["actor1"] == "Military Forces of Israel" and ev["sub_event_type"] == "Shelling/artillery/missile attack"
    assert ev["injuries"] == 2


def test_projectiles_crossing_from_a_country_are_a_shelling() -> None:
    evs = _events("Earlier today, approximately 90 projectiles were identified crossing from Lebanon into the area "
                  "of Metula.", "2024-06-12")
    assert [e["sub_event_type"] for e in evs] == ["Shelling/artillery/missile attack"]


def test_a_province_in_a_list_stays_its_own_event_after_the_lead_has_merged() -> None:
    evs = _events("A security source reported on Friday that two roadside bombs targeted Coalition convoys in Iraq. "
                  "The first exploded in Nasiriyah and the second in al-Diwaniyah.\n\nLater, a group calling itself "
                  '"Ashab al-Kahf" claimed responsibility for five attacks on convoys of the Coalition today: in '
                  "Nasiriyah, in al-Diwaniyah, two in Babil governorate and one near Abu Ghraib.", "2021-01-22")
    assert {"Babil", "Abu Ghraib"} <= {e["location"] for e in evs}


def test_a_statements_masthead_names_the_forces_it_speaks_for() -> None:
    evs = _events("SDF Press Center\n\nTo the public opinion,\n\nOn Tuesday, our forces carried out a special "
                  "security operation targeting an ISIS cell in the town of Al-Shuhayl in the eastern countryside "
                  "of Deir ez-Zor. When our forces surrounded the hideout, the terrorists opened fire, and a clash "
                  "broke out that led to the killing of one terrorist.", "2024-02-08")
    assert evs and evs[0]["actor1"] == "SDF: Syrian Democratic Forces" and evs[0]["fatalities"] == 1


def test_the_one_group_a_statement_names_is_the_target_of_strikes_on_the_terrorists() -> None:
    evs = _events("On 12 January 2024, PKK/KCK terrorists attempted to infiltrate one of our base areas. The Turkish "
                  "Armed Forces protect our borders.\n\nIn the air operation carried out on the evening of 12 January "
                  "2024, 29 targets used by the terrorists were destroyed in the Metina region in the north of Iraq.",
                  "2024-01-13")
    strikes = [e for e in evs if e["sub_event_type"] == "Air/drone strike"]
    assert strikes and strikes[0]["actor2"] == "PKK: Kurdistan Workers Party"


def test_a_namesake_abroad_of_a_village_whose_province_is_named_is_not_that_village() -> None:
    evs = _events("On 11 August 2024, an unidentified military force conducted a drone strike targeting a vehicle "
                  "between the villages of Dweir and Kashma in the countryside of Deir ez Zor.", "2024-08-12")
    assert evs and {e["country"] for e in evs} == {"Syria"}


def test_a_quoted_statement_that_gives_its_day_and_place_is_a_report() -> None:
    (ev,) = _events('"On 9 December, a UNIFIL vehicle traveling on a road at the southern outskirts of the city of '
                    'Tyre was targeted by an explosion. Five peacekeepers were injured.', "2011-12-09")
    assert ev["location"] == "Tyre" and ev["injuries"] == 5


def test_the_one_attack_a_tally_names_with_its_day_and_place_is_an_event() -> None:
    (ev,) = _events("The Secretary-General continues to be dismayed by the unrelenting wave of suicide bombings in "
                    "Iraq that have killed large numbers of civilians, including at least 80 people in Musayyib on "
                    "Saturday.", "2005-07-19")
    assert ev["location"] == "Musayyib" and ev["event_date"] == "2005-07-16"


@pytest.mark.parametrize("line", [
    "* Near Qayyarah, one strike struck an ISIL tactical un",
    "-- On July 20, near Raqqa, Syria, 12 strikes engaged 10 ISIS tactical units and des",
])
def test_a_strike_release_line_cut_short_is_still_its_event(line: str) -> None:
    text = ("Coalition military forces conducted strikes against ISIS targets in Syria and Iraq on July 20.\n\n"
            "-- On July 19, near Dayr Az Zawr, Syria, a strike destroyed an ISIS oil still.\n\n" + line)
    evs = _events(text, "2017-07-22")
    assert any(e["location"] in ("Qayyarah", "Raqqa") for e in evs)


def test_a_government_channels_passive_strikes_are_its_forces() -> None:
    text = ("MSB - Millî Savunma Bakanlığı\n\nPress Statement: Air Operation Against Terrorist Targets\n\n"
            "In order to neutralize the PKK/KCK terrorists and eliminate the terrorist attacks against our people and "
            "security forces from Northern Iraq, an air operation was carried out against the Metina region of "
            "Northern Iraq at 21:20 today.")
    evs = _events(text, "2023-10-01")
    assert evs and evs[0]["actor1"] == "Military Forces of Turkey"
    assert evs[0]["actor2"] == "PKK: Kurdistan Workers Party"


def test_a_force_being_supported_is_not_the_striker() -> None:
    (ev,) = _events("National Defence and the Canadian Armed Forces\n\nBelow are details of the most recent CF-18 "
                    "airstrikes.\n\nNovember 15, 2015 - While supporting Iraqi security forces, CF-18 Hornets struck "
                    "an ISIL fighting position in the vicinity of Ramadi.", "2015-11-17")
    assert ev["actor1"] == "Military Forces of Canada" and ev["location"] == "Ramadi"


def test_subjected_to_an_attack_by_names_the_attacker_after_by() -> None:
    (ev,) = _events("At approximately 20:30 this evening, a detachment of the Federal Police was subjected to a "
                    "treacherous attack by the remnants of the terrorist Daesh gangs near Kirkuk.", "2022-12-18")
    assert ev["actor1"] == "Islamic State" and ev["actor2"] == "Police Forces of Iraq"


def test_a_list_of_regions_in_two_countries_is_one_strike_at_each() -> None:
    text = ("Republic of Türkiye Ministry of National Defense\n\nIn order to eliminate terrorist attacks and to "
            "ensure our border security, the Claw-Sword Air Operation was carried out in the early hours of "
            "20 November 2022 against the Qandil, Asos and Hakurk regions of Northern Iraq and the Ayn al-Arab "
            "(Kobani), Tal Rifat and Derik regions of Northern Syria.")
    evs = _events(text, "2022-11-20")
    assert {e["country"] for e in evs} == {"Iraq", "Syria"} and len(evs) >= 5
    assert {e["actor1"] for e in evs} == {"Military Forces of Turkey"}


def test_the_attack_in_which_a_clause_tells_it_takes_the_clauses_doer() -> None:
    (ev,) = _events("This follows the Jan. 17 attack in which a Houthi one-way attack unmanned aerial system struck "
                    "M/V Genco Picardy, a U.S.-owned bulk carrier, in the Gulf of Aden.", "2024-01-19")
    assert ev["actor1"] == "Ansar Allah" and ev["sub_event_type"] == "Air/drone strike"


def test_an_address_chain_is_not_a_list_of_places() -> None:
    evs = _events("02/15/2016: Assailants executed two people, including a former military officer, in the Himrin "
                  "Mountains, Kirkuk, Iraq.", "2016-02-16")
    assert len(evs) == 1


def test_kurdish_led_forces_that_battled_fighters_are_the_sdf_in_a_clash() -> None:
    (ev,) = _events("Hasakeh (Syria) (AFP) – Kurdish-led forces backed by US-led coalition aircraft battled Islamic "
                    "State group fighters for a fourth day Sunday around a prison in Hasakeh.", "2022-01-23")
    assert (ev["sub_event_type"], ev["actor1"], ev["actor2"]) == (
        "Armed clash", "SDF: Syrian Democratic Forces", "Islamic State")
    assert _events("The team battled for the title on Sunday in Baghdad.", "2022-01-23") == []


def test_the_direction_missiles_came_from_is_not_where_they_struck() -> None:
    (ev,) = _events("Syria's defence ministry said Israeli F-35 jets fired six missiles from the direction of the "
                    "occupied Golan Heights at the Iranian consulate building in Damascus on Monday.", "2024-04-01")
    assert ev["location"] == "Damascus"


def test_a_place_given_by_distance_and_bearing_is_placed_out_there() -> None:
    (ev,) = _events("The Tutor was hit Wednesday by a bomb-laden drone boat that struck its stern about 68 nautical "
                    "miles (126 kilometers) southwest of the Houthi-held port city of Hodeidah.", "2024-06-13")
    assert ev["lat"] is not None and 120 < _km(ev, (14.7978, 42.9545)) < 132
    (near,) = _events("A rocket hit a base 10 km north of Baghdad on Monday.", "2024-06-13")
    assert _km(near, (33.3152, 44.3661)) < 1


def _km(ev: dict[str, Any], point: tuple[float, float]) -> float:
    from sigact.knowledge.gazetteer import haversine_km

    return haversine_km(ev["lat"], ev["lon"], point[0], point[1])


@pytest.mark.parametrize("text", [
    "Analysts say relations between the KDP and PUK, which fought a civil war in the 1990s, have remained strained.",
    "While Israel fought Hezbollah in Lebanon and exchanged direct fire with Iran, the groups kept quiet.",
    "Tensions have escalated since Hamas's Oct. 7 attack on southern Israel, with near-daily exchanges of fire "
    "between Hezbollah and the Israeli army.",
    "The groups demand the full withdrawal of US troops from the country.",
    "Islamic State has stepped up suicide and car bomb attacks in and around the capital.",
    "The army said in January that it had foiled the smuggling of more than 16 million Captagon pills in 2021.",
])
def test_background_trends_and_demands_are_not_events(text: str) -> None:
    assert _events(text, "2024-10-20") == []


def test_a_day_inside_a_month_dates_the_event() -> None:
    (ev,) = _events("Earlier this month, on January 17, an army officer was killed in a clash with smugglers crossing "
                    "from Syria near Ruwaished.", "2022-01-27")
    assert ev["event_date"] == "2022-01-17" and ev["date_precision"] == "day"


def test_a_car_bomb_that_tore_through_a_market_is_an_ied() -> None:
    (ev,) = _events("A car bomb tore through a crowded market in Sadr City on Wednesday, killing at least 64 people.",
                    "2016-05-11")
    assert ev["sub_event_type"] == "Remote explosive/landmine/IED" and ev["fatalities"] == 64


@pytest.mark.parametrize(("text", "actor1"), [
    ("BAGHDAD (AP) — Iraqi security forces shot dead at least 25 anti-government protesters in the southern city of "
     "Nasiriyah on Thursday.", "Military Forces of Iraq"),
    ("In Baghdad, four protesters were killed and 22 wounded near the Ahrar Bridge when security forces fired live "
     "rounds and tear gas canisters to push back demonstrators on Thursday.", "Police Forces of Iraq"),
])
def test_forces_firing_on_protesters_is_excessive_force(text: str, actor1: str) -> None:
    (ev,) = _events(text, "2019-11-28")
    assert (ev["sub_event_type"], ev["actor1"], ev["actor2"]) == (
        "Excessive force against protesters", actor1, "Protesters (Iraq)")


def test_a_states_shells_are_its_attack() -> None:
    (ev,) = _events("BEIRUT — A Reuters videographer was killed and six other journalists were wounded on Friday "
                    "evening when Israeli shells struck a group of reporters near Alma al-Shaab.", "2023-10-14")
    assert ev["actor1"] == "Military Forces of Israel"


def test_a_running_toll_since_a_day_is_no_event() -> None:
    assert _events("Since the protests erupted on Oct. 1, more than 350 people have been killed by security forces "
                   "firing live ammunition in Nasiriyah, according to a tally by The Associated Press.",
                   "2019-11-28") == []


def test_a_speaker_named_like_a_village_is_no_place_and_a_search_warrant_no_execution() -> None:
    assert _events("Officers and investigators executed a search warrant Monday evening on a detached home, and "
                   "arrested six people during a narcotics investigation, Harris said.", "2019-11-19") == []


@pytest.mark.parametrize("text", [
    "He was one of those responsible for the 1983 bombing of the US Embassy in Beirut, in which 63 people were killed.",
    "The United States remains clear-eyed about Ansarallah's malign actions, including taking control of much of "
    "Yemen by force, attacking U.S. partners, and detaining staff in Sanaa.",
    "The Zionist entity has repeatedly targeted Damascus International Airport in flagrant violation of the law.",
])
def test_history_conduct_and_habit_are_not_events(text: str) -> None:
    assert _events(text, "2024-09-20") == []


def test_where_attackers_fled_is_not_where_they_were_killed() -> None:
    (ev,) = _events("The Jordan Armed Forces said it killed 27 smugglers at dawn Thursday near Ruwaished and injured "
                    "others who fled back into Syrian territory.", "2022-01-27")
    assert ev["country"] == "Jordan"


def test_a_joint_operation_targeting_ships_with_drones_is_a_drone_attack() -> None:
    evs = _events("The naval forces and the Unmanned Air Force of the Yemeni Armed Forces also carried out a joint "
                  "military operation targeting a number of American destroyers in the Red Sea with 37 drones.",
                  "2024-03-09")
    assert [e["sub_event_type"] for e in evs] == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    'The operation was carried out with a new drone called "Yafa", which is capable of bypassing the enemy\'s '
    "interception systems and cannot be detected by radars.",
    "The Yemeni Armed Forces affirm that they have a bank of targets in occupied Palestine, including sensitive "
    "military and security targets.",
])
def test_interception_systems_and_lists_of_targets_are_no_events(text: str) -> None:
    assert _events(text, "2024-07-19") == []


def test_an_onslaught_over_a_list_of_areas_is_one_event_at_each_and_its_pretext_is_no_place() -> None:
    text = ("Yesterday, the Turkish occupation launched a broad-scale assault on northern and eastern Syria, using the "
            "recent attack in Ankara as a pretext. The Turkish occupation state launched a fierce attack in the "
            "evening and night, utilizing over 30 UAVs. This onslaught affected the following areas and their "
            "surroundings: \"Manbij, Kobani, Ain Issa, Amuda.\"")
    events = _events(text, "2023-10-06")
    assert sorted(e["location"] for e in events) == ["Ain Issa", "Amuda", "Kobani", "Manbij"]
    assert {e["actor1"] for e in events} == {"Military Forces of Turkey"}
    assert {e["sub_event_type"] for e in events} == {"Air/drone strike"}
    assert {e["event_date"] for e in events} == {"2023-10-05"}


def test_a_when_clause_names_the_doer_and_also_carries_it_to_the_next_strikes() -> None:
    text = ("At least 13 people were killed and 58 wounded on Wednesday when Iran's Islamic Revolutionary Guard Corps "
            "(IRGC) fired dozens of ballistic missiles at the bases of Iranian Kurdish opposition parties in Koya.\n\n"
            "Drones also struck the headquarters of Komala in Zrgwez, south of Sulaimani, causing heavy damage.\n\n"
            "A camp of the Kurdistan Freedom Party (PAK) in Jezhnikan, near Erbil, was also targeted.")
    events = _events(text, "2022-09-28")
    assert [e["actor1"] for e in events] == ["Islamic Revolutionary Guard Corps"] * 3
    assert [e["location"] for e in events] == ["Koya", "Zrgwez", "Jezhnikan"]
    assert events[2]["actor2"] == "PAK: Kurdistan Freedom Party"


def test_an_interception_is_placed_where_the_drone_was_heading() -> None:
    [event] = _events("The US Central Command said a US F-15 fighter jet shot down an Iranian drone that appeared "
                      "to be a threat to US forces as it was heading toward Erbil on Wednesday.", "2022-09-28")
    assert event["sub_event_type"] == "Disrupted weapons use"
    assert event["actor1"] == "Military Forces of the United States"
    assert event["location"] == "Erbil"


def test_a_dateline_city_and_its_country_are_not_the_place() -> None:
    [event] = _events("KABUL, Afghanistan — U.S.-led coalition aircraft struck pro-Syrian government forces near "
                      "the town of Khasham in Deir el-Zour province late Wednesday.", "2018-02-08")
    assert event["location"] == "Khasham"


def test_the_attack_strikes_followed_is_its_own_event_with_its_place_and_toll() -> None:
    text = ("As you'll recall, on Dec. 25 U.S. forces struck three facilities used by Kata'ib Hizballah and affiliated "
            "groups in Iraq. Those strikes followed the one-way attack drone attack on Erbil Air Base earlier that "
            "day, which wounded three U.S. service members, one critically. We attributed that attack to KH.")
    events = _events(text, "2024-01-04")
    us = next(e for e in events if e["actor1"] == "Military Forces of the United States")
    kh = next(e for e in events if e["actor1"] == "Kataib Hezbollah")
    assert us["injuries"] is None and us["location"] is None
    assert kh["event_date"] == "2023-12-25" and kh["injuries"] == 3 and kh["method"] == "drone"
    assert kh["actor1_status"] == "attributed"


@pytest.mark.parametrize("text", [
    "Hezbollah and Israel have exchanged fire near-daily since the day after Hamas' Oct. 7 attack on southern Israel, "
    "with strikes mostly limited to the border area.",
    "The Houthis had attacked more than 100 commercial vessels in the Red Sea and the Gulf of Aden from November 2023.",
])
def test_habits_and_tallies_of_targets_are_no_events(text: str) -> None:
    assert _events(text, "2024-07-31") == []


def test_a_day_after_on_is_no_target() -> None:
    [event] = _events("On Saturday the Houthis attacked a commercial vessel with a drone in the Red Sea.", "2025-03-16")
    assert event["actor1"] == "Ansar Allah"


@pytest.mark.parametrize("text", [
    "The Kurdistan Regional Government's health ministry said the wounded were taken to hospitals in Zakho.",
    "It also follows the heinous suicide bombing in Baghdad a few days earlier which killed or wounded hundreds.",
])
def test_the_wounded_and_an_earlier_attacks_toll_are_no_events(text: str) -> None:
    assert _events(text, "2016-07-08") == []


def test_a_passive_attack_by_a_named_force_after_an_opening_cause_with_a_list() -> None:
    text = ("In response to the blatant military aggression of the criminal American regime against the nuclear "
            "facilities of the Islamic Republic of Iran in Fordow, Natanz and Isfahan at dawn on Sunday, the Al-Udeid "
            "airbase, the headquarters of the US Air Force in West Asia, was targeted tonight by a devastating "
            "missile attack by the Aerospace Force of the Islamic Revolutionary Guard Corps.")
    [event] = _events(text, "2025-06-23")
    assert (event["actor1"], event["event_date"]) == ("Islamic Revolutionary Guard Corps", "2025-06-23")


def test_an_interception_by_a_destroyer_is_no_seizure_and_the_phrase_beats_its_word() -> None:
    [event] = _events("On Tuesday, Royal Navy destroyer HMS Diamond, operating alongside US warships, shot down "
                      "multiple attack drones launched by the Houthis in the Red Sea.", "2024-01-10")
    assert event["sub_event_type"] == "Disrupted weapons use"


def test_a_channel_speaking_for_a_force_names_its_air_force_the_doer() -> None:
    text = ("SANA'A, Sept. 14 (Saba) - The spokesman of the Armed Forces announced on Saturday that the Air Force "
            "carried out a large-scale offensive operation with ten drones targeting the refineries of Abqaiq and "
            "Khurais in Saudi Arabia this morning.")
    events = _channel_events(text, date(2019, 9, 14), url="https://www.saba.ye/en/news1.htm")
    assert {e.actor1 for e in events} == {"Ansar Allah"}
    assert len(events) == 2


def test_a_story_keeps_the_day_it_is_telling() -> None:
    text = ("In the night of January 6, with the onset of darkness, Russian air defence means detected 13 unidentified "
            "small-size air targets approaching Russian military facilities.\n\nTen assault drones were approaching "
            "the Hmeimim airbase, and another three the logistics support point of the Russian Navy in Tartus.")
    assert {e["event_date"] for e in _events(text, "2018-01-08")} == {"2018-01-06"}


def test_the_day_a_pointing_back_sentence_gives_dates_the_lead() -> None:
    text = ("Nine Iraqi federal police officers were killed in an attack blamed on Daesh terrorists in the northern "
            "province of Kirkuk, a security source said.\n\nThe attack took place late Saturday near the village of "
            "Safra, some 30 kilometers southwest of the city of Kirkuk.\n\nSecurity forces launched a sweep of "
            "surrounding villages on Sunday to hunt down the attackers.")
    [event] = _events(text, "2022-12-18")
    assert event["event_date"] == "2022-12-17"


def test_earlier_that_month_is_the_month_told_before() -> None:
    text = ("The attack came six months after a suicide car bomb killed seven border guards near the Rukban camp in "
            "June. Earlier that month, five intelligence personnel were shot dead at an office near the Baqaa camp.")
    assert all(e["event_date"] < "2016-07-01" for e in _events(text, "2016-12-19"))


def test_a_ministrys_taken_under_fire_by_our_air_forces_is_a_strike_at_each_region_listed() -> None:
    text = ("T.C. MİLLÎ SAVUNMA BAKANLIĞI\n\nOur heroic Turkish Armed Forces launched the Claw-Lock Operation against "
            "the targets of the PKK/KCK terrorist organization last night.\n\nWithin the framework of the prepared "
            "plan, terrorist targets in the Metina, Zap and Avashin-Basyan regions were first taken under fire by our "
            "Air Forces.")
    events = _channel_events(text, date(2022, 4, 18))
    assert sorted(e.location or "" for e in events) == ["Avashin", "Metina", "Zap"]
    assert {(e.actor1, e.sub_event_type) for e in events} == {("Military Forces of Turkey", "Air/drone strike")}


@pytest.mark.parametrize("text", [
    "Hezbollah said the killing was \"a serious assault on Lebanon and its sovereignty\".",
    "The battle to end the presence of ISIS east of the Euphrates, which our forces launched on 10 September 2018, "
    "was fought village by village through Hajin, al-Sha'fa, al-Sousa and finally Baghouz.",
])
def test_a_characterisation_and_a_campaign_looked_back_on_are_no_events(text: str) -> None:
    assert _events(text, "2019-03-23") == []


def test_a_scene_set_with_its_day_and_place_then_the_attack() -> None:
    text = ("The worst incident of the week happened late on December 2 in the village of Luhaiban in Makhmour "
            "district. IS fighters attacked the village killing three villagers.")
    [event] = _events(text, "2021-12-06")
    assert (event["event_date"], event["actor1"], event["fatalities"]) == ("2021-12-02", "Islamic State", 3)


@pytest.mark.parametrize("text", [
    "Kirkuk has been largely spared the kind of mass-casualty bombings that hit Baghdad.",
    "The vote comes as the region faces growing tension, with Iraqi armed groups regularly claiming drone attacks.",
])
def test_being_spared_and_regular_claims_are_no_events(text: str) -> None:
    assert _events(text, "2024-10-31") == []


def test_riot_police_are_no_riot_and_a_claims_day_is_not_the_attacks() -> None:
    [event] = _events("A car bomb struck a bus carrying riot police outside the stadium in Istanbul on Saturday night.",
                      "2016-12-11")
    assert event["sub_event_type"] != "Violent demonstration"
    [event] = _events("The Daesh terrorist group claimed responsibility on Thursday for the twin bombings that killed "
                      "scores of people in Kerman on Wednesday.", "2024-01-04")
    assert event["event_date"] == "2024-01-03"


def test_militants_in_a_report_about_one_group_are_suspected_to_be_that_group() -> None:
    text = ("Islamic State militants attacked government buildings in Kirkuk on Friday, killing at least 16 members "
            "of the security forces, officials said. Islamic State claimed the assault. In a separate attack on "
            "Friday, militants stormed a power plant under construction at Dibis, killing 12 workers.")
    for event in _events(text, "2016-10-21"):
        assert event["actor1"] == "Islamic State"
        assert event["sub_event_type"] != "Violent demonstration"  # armed men storming a plant is no riot


def test_a_ministry_strike_list_in_the_passive_is_the_writers_and_dated_by_its_24_hours() -> None:
    text = ("As it has been reported, yesterday, on September 30, aircraft of the Russian Aerospace Forces started an "
            "air operation delivering pinpoint strikes on ISIS targets in the Syrian Arab Republic.\n\n"
            "Over the last 24 hours, Su-34 and Su-24M aircraft carried out 8 sorties and hit 4 ISIS infrastructure "
            "objects.\n\nIn the area of Latamna, in the north of Hama province, a command post of the terrorists was "
            "destroyed together with a communications hub.\n\nNear the settlement of Talbiseh, 10 kilometres north of "
            "the city of Homs, a depot of ammunition and fuel was hit.\n\n15 kilometres south-west of Maarrat "
            "al-Numan, Idlib province, a workshop used by the militants was eliminated.\n\nOur aviation did not "
            "operate over the areas mentioned in those reports.")
    listed = [e for e in _events(text, "2015-10-01") if e["event_date"] == "2015-10-01"]
    assert len(listed) == 3
    assert {(e["actor1"], e["sub_event_type"]) for e in listed} == {("Military Forces of Russia", "Air/drone strike")}


def test_a_count_of_quoted_attacks_is_a_tally() -> None:
    assert _events("The ministry said that in the past 24 hours the YPG/PKK had carried out 11 \"harassment attacks\" "
                   "on the Peace Spring area.", "2019-11-03") == []


def test_an_aggression_named_by_its_state_is_that_states_forces() -> None:
    [event] = _events("The statement said the American aggression yesterday evening launched air raids on residential "
                      "neighbourhoods in the Shu'ub district of the capital Sana'a.", "2025-03-16")
    assert event["actor1"] == "Military Forces of the United States"


def test_an_interception_in_a_governments_airspace_is_an_event_on_its_own_night() -> None:
    [event] = _events("Amman, April 14 (Petra) -- The Council of Ministers said in a statement on Sunday that some "
                      "flying objects that entered Jordan's airspace last night were dealt with and intercepted.",
                      "2024-04-14")
    assert (event["sub_event_type"], event["event_date"]) == ("Disrupted weapons use", "2024-04-13")
