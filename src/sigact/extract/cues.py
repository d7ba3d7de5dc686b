"""Cue patterns several extraction steps share: claims, denials, blame, causes, attack nouns."""

from __future__ import annotations

import re

CLAIM = re.compile(r"\b(?:claim(?:ed|s|ing)?\s+(?:the\s+)?(?:responsibility|credit)|took responsibility|"
                    r"claimed (?:the|both|these|all|that|this) (?:\w+ )?(?:attacks?|operations?|strikes?)|"
                    r"claimed to have)\b", re.I)
# who told it: "..., Central Command said", "the Iraqi military said 22 missiles were fired"
SPEAKER_AFTER = re.compile(r"\s+(?:said|says|stated|added|reported|announced|told)\b", re.I)
DENIED = re.compile(r"\bdeni(?:ed|es|al)\b", re.I)
ATTRIBUTE = re.compile(r"\b(?:blam(?:ed|es|ing)|attribut(?:ed|es|ing)|accus(?:ed|es|ing)|pointed the finger|"
                        r"held responsible|front (?:group )?for|believed to be|said to be behind)\b", re.I)
BACKGROUND_CUE = re.compile(r"\b(?:response to|retaliation for|reprisal for|retribution for|revenge for|following|"
                             r"after|in the wake of|since|(?:were|was)?\s*followed|follows?|comes after|came after|"
                             r"because of|due to|amid)\s+(?:(?:a|an|the|recent|last|previous|an earlier)\s+)?"
                             r"(?:[\w'’-]+\s+){0,3}$", re.I)
# the comma that closes an opening clause, not one inside its list of places ("in Fordow, Natanz and Isfahan at dawn
# on Sunday, the Al-Udeid airbase ... was targeted")
CLAUSE_COMMA = r",\s(?!(?:(?-i:[A-Z])[\w'’-]+\s+){0,2}?(?-i:[A-Z])[\w'’-]+\s*(?:,|and\b))"
# "measures in response to reports of snipers operating in the area and a fatal attack on ...": still the cause
CAUSES = r"in (?:direct |swift |measured |a )?(?:response|retaliation|reprisal|retribution|revenge) (?:to|for)"
AIR_VERBS = re.compile(r"^(?:struck|strike|strikes|raid|raids|raided|hit|bombed|targeted|attacked|destroyed|"
                        r"(?:took|takes|taken|take)\s.*\baction\s+against)$", re.I)
# "the President directed strikes against ...": an order reported with its strikes, not a reference back
ORDERED = re.compile(r"\b(?:I|we|the President)\s+(?:\w+ly\s+)?(?:directed|ordered|authori[sz]ed)\s+"
                      r"(?:(?!the\b|these\b|those\b|this\b)[\w-]+\s+){0,3}$", re.I)
# "Houthi-controlled areas", "IS-held territory": a party named as who holds the ground
HELD_BY = re.compile(r"-(?:controlled|held|run)\b", re.I)
UNKNOWN_ACTORS = ("Unidentified", "Civilians")
# the verbs that tell an event's toll rather than the event: "were killed", "injuring"
TOLL_VERB = re.compile(r"^(?:killed|killing|wounded|injured)$", re.I)
# (on masked text a date is blanked: "condemns today’s attack" reads "condemns      ’s attack")
CONDEMNED_ATTACK = re.compile(r"\b(?:condemn|denounc|deplor)\w*\s+(?:in the strongest (?:possible )?terms\s+)?"
                               r"(?:both\s+)?"
                               r"(?:the|this|today['’]s|yesterday['’]s|['’]s|[A-Z]\w+['’]s)\s+(?:[\w-]+,?\s+){0,4}"
                               r"(?:attack|bombing|assault)\b(?!s)|"
                               # "condemns the terrorist attacks in Baghdad today": that day's attacks, reported
                               r"\b(?:condemn|denounc|deplor)\w*\s+(?:the|today['’]s|yesterday['’]s)\s+"
                               r"(?:[\w-]+\s+){0,3}(?:attacks|bombings)\b[^.;]{0,80}\b"
                               r"(?:today|yesterday|this morning|last night|tonight)\b",
                               re.I)
ONE_OF = re.compile(r"\b(?:one such|one of (?:these|those|the|them|its|their)(?:\s+[\w-]+){0,2}?)\s+$", re.I)
NOUN_TRIGGER = re.compile(r"^(?:[\w-]+\s+){0,3}(?:attacks?|strikes?|raids?|bombardment|explosions?|blasts?|"
                           r"assaults?|measures|curfew|state of alert)$", re.I)
# "The second convoy was targeted ...": one of several events told in turn
ORDINAL = re.compile(r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|another|other|latest)\s+(?:[\w-]+\s+){0,2}$"
                     r"|^\s*(?:the\s+)?(?:first|second|third|fourth|fifth|another)\b", re.I)
# "... the Aug. 15 attack. In that attack, drones targeted al-Tanf": the attack named before, told now
IN_THAT_ATTACK = re.compile(r"(?:In|During)\s+(?:that|this|the)\s+(?:[\w-]+\s+)?(?:attack|strike|assault|incident)\b")
RESPONSE_VERB = re.compile(r"(?:responded|retaliated|returned fire)\b", re.I)
