"""Linking (linkitys, joining duplicate person records under one master).

ONR joins records of the same real person by links from a *master* (the surviving record) to
*slaves* (duplicates, flagged ``duplicate`` and ``passivoitu``). Two levels only: a master is
never a slave, a slave has exactly one master. ``Registry`` holds persons (``onr.Person``) and
links and applies ONR's operations exactly (``link``, ``force_link``, ``unlink``, the hetu
collisions, ``passivate``), each atomic, returning what changed or raising
``onr.LinkError``; ``check_links`` checks a link table loaded from elsewhere;
``ChangeFeedTracker`` follows ONR's change feed on a consumer's side.

>>> from onr import linking
>>> reg = linking.Registry.from_links([("M", "S1"), ("M", "S2")])
>>> reg.master_of("S1"), reg.slaves_of("M")
('M', ['S1', 'S2'])
"""

from __future__ import annotations

from onr import _onr
from onr._errors import LinkError

Registry = _onr.Registry
ChangeFeedTracker = _onr.ChangeFeedTracker
check_links = _onr.linking_check_links

#: How many OIDs ONR's ``/s2s/duplicateHenkilos`` queries at once (5000), from onr-core.
DUPLICATE_QUERY_CHUNK: int = _onr.LINKING_DUPLICATE_QUERY_CHUNK
#: The most OIDs ``masterHenkilosByOidList`` accepts (5000), from onr-core.
MAX_MASTER_QUERY: int = _onr.LINKING_MAX_MASTER_QUERY

__all__ = [
    "DUPLICATE_QUERY_CHUNK",
    "ChangeFeedTracker",
    "LinkError",
    "MAX_MASTER_QUERY",
    "Registry",
    "check_links",
]
