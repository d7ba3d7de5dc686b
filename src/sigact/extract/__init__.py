"""AnalysedArticle → EventFrames: which sentences report which events, and who did what.

An *anchor* sentence reports an event: a specific trigger ("shelled", "drone strike", "detonated",
"clashed", "arrested" ...) or a generic attack verb tied to its own date or place. Sentences that
follow an anchor without starting a new event add to it: casualties ("None of the attacks resulted in
any casualties" applies to each event it covers), claims of responsibility, a more specific place.
Threats, plans, denials, aggregate tallies and undated background are not events.

One step a module: ``triggers`` (the event words), ``anchoring`` (is this sentence a new event?),
``dating`` (when), ``roles`` and ``parties`` (who, to whom), ``kinds`` and ``weapons`` (what, with
what), ``placing`` (where), ``followups`` (what later sentences add) and ``assemble`` (the loop,
keeping the ``drafts.Story`` the steps read).
"""

from sigact.extract.assemble import extract

__all__ = ["extract"]
