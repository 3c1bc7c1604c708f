"""Shared test settings: bounded Hypothesis profiles, so fuzzing has a fixed cost in CI.

Pick one with ``HYPOTHESIS_PROFILE=dev`` (more examples) or ``thorough`` (a long local
hunt); the default, ``ci``, keeps each property to a few dozen examples and no deadline
(a loaded CI machine must not turn a slow example into a failure).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile("thorough", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
