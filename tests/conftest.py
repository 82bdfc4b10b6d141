"""Shared test settings: hypothesis runs the same examples on every machine.

The "course" profile is the test run's. Mutation testing (benchmarks/mutation.py)
sets MEDIAVSNET_HYPOTHESIS=mutation: fewer examples per property, still the same
ones every time, so each of hundreds of mutants is tested in seconds.
"""

import os

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
