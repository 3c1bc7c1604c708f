"""Shared test settings: bounded Hypothesis profiles, so fuzzing has a fixed cost in CI, and
the 'briefer' logger put back after each test.

Pick one with ``HYPOTHESIS_PROFILE=dev`` (more examples) or ``thorough`` (a long local
hunt); the default, ``ci``, keeps each property to a few dozen examples and no deadline
(a loaded CI machine must not turn a slow example into a failure).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import pytest
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


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """The CLI, run in-process, sets the 'briefer' logger's level and handler (-q: errors
    only); a later test that reads warnings through caplog must not inherit them."""
    logger = logging.getLogger("briefer")
    level, handlers = logger.level, logger.handlers[:]
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers
