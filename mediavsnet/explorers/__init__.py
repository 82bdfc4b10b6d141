"""One explorer per lesson: controls from specs, a FigureWidget, a live summary.

``EXPLORERS`` lists every explorer class by name, for the benchmarks and the
tests that sweep them all.
"""

from mediavsnet.explorers.cascade import CascadeExplorer
from mediavsnet.explorers.time_effort import TimeEffortExplorer

EXPLORERS = {cls.name: cls for cls in (TimeEffortExplorer, CascadeExplorer)}

__all__ = ["EXPLORERS", "CascadeExplorer", "TimeEffortExplorer"]
