"""One explorer per lesson: controls from specs, a FigureWidget, a live summary.

``EXPLORERS`` lists every explorer class by name, for the benchmarks and the
tests that sweep them all.
"""

from mediavsnet.explorers.cascade import CascadeExplorer
from mediavsnet.explorers.communication import CommunicationExplorer
from mediavsnet.explorers.content import ContentExplorer
from mediavsnet.explorers.goals import GoalsExplorer
from mediavsnet.explorers.roi import RoiExplorer
from mediavsnet.explorers.strategy import StrategyExplorer
from mediavsnet.explorers.time_effort import TimeEffortExplorer

#: In lesson order.
EXPLORERS = {
    cls.name: cls
    for cls in (
        CommunicationExplorer,
        GoalsExplorer,
        ContentExplorer,
        TimeEffortExplorer,
        RoiExplorer,
        CascadeExplorer,
        StrategyExplorer,
    )
}

__all__ = [
    "EXPLORERS",
    "CascadeExplorer",
    "CommunicationExplorer",
    "ContentExplorer",
    "GoalsExplorer",
    "RoiExplorer",
    "StrategyExplorer",
    "TimeEffortExplorer",
]
