"""Shared test settings: hypothesis runs the same examples on every machine."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "course",
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("course")
