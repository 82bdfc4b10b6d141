"""Shared test settings: hypothesis runs the same examples on every machine.

The "course" profile is the test run's. Mutation testing (tools/mutation/mutation.py)
sets MEDIAVSNET_HYPOTHESIS=mutation: fewer examples per property, still the same
ones every time, so each of hundreds of mutants is tested in seconds.
"""

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, settings

settings.register_profile(
    "course",
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("mutation", settings.get_profile("course"), max_examples=30)
settings.load_profile(os.environ.get("MEDIAVSNET_HYPOTHESIS", "course"))


def pytest_collection_modifyitems(session, config, items):
    """In a mutation run, fastest tests first, so a caught mutant is caught in seconds.

    mutmut (run from mutants/) records every test's duration in mutmut-stats.json;
    the order changes nothing else, and only under MEDIAVSNET_HYPOTHESIS=mutation.
    """
    if os.environ.get("MEDIAVSNET_HYPOTHESIS") != "mutation":
        return
    stats = Path("mutmut-stats.json")
    if not stats.exists():
        return
    durations = json.loads(stats.read_text(encoding="utf-8")).get("duration_by_test", {})
    items.sort(key=lambda item: durations.get(item.nodeid, 0.0))
