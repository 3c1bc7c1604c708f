"""The domain errors of briefer.

The core raises these; only the command line turns them into exit codes and messages
(see ``cli.py``). Each message says what happened, to which file, and what to do.
"""

from __future__ import annotations


class BrieferError(Exception):
    """Base of every error briefer raises on purpose."""


class SkipFile(BrieferError):
    """A file (or feed item) cannot be used; the run goes on without it.

    ``reason`` is short and human ("not text (binary data)", "empty file") and ends up in
    the run report and in ``brief.json``'s ``skipped`` list.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NoUsableInput(BrieferError):
    """Every input was skipped or none was given: there is nothing to brief."""


class TemplateError(BrieferError):
    """A user template is missing, malformed, or lacks a style or field briefer needs."""


class LimitExceeded(BrieferError):
    """The run as a whole is over a limit (too many articles); nothing is written."""


class OutputError(BrieferError):
    """An output file could not be written (the previous file, if any, is left untouched)."""
