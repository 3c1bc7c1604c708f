"""briefer: turn a folder of news articles about one story into a one-page policy brief.

    from briefer import make_brief, BriefOptions
    brief = make_brief("inputs/", BriefOptions(algorithm="lexrank"))
    brief.to_markdown(); brief.to_json(); brief.to_docx(); brief.save("out", ["md", "json"])

The names below are imported on first use (module ``__getattr__``), so ``import briefer``
loads no summariser, parser or renderer and has no side effect beyond a ``NullHandler`` on
the ``briefer`` logger.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:
    from .errors import BrieferError, LimitExceeded, NoUsableInput, TemplateError
    from .models import Brief, BriefOptions
    from .pipeline import make_brief, write_brief

#: public name → the module that defines it
_LAZY = {
    "make_brief": ".pipeline",
    "write_brief": ".pipeline",
    "Brief": ".models",
    "BriefOptions": ".models",
    "BrieferError": ".errors",
    "NoUsableInput": ".errors",
    "LimitExceeded": ".errors",
    "TemplateError": ".errors",
}

__all__ = [
    "Brief",
    "BriefOptions",
    "BrieferError",
    "LimitExceeded",
    "NoUsableInput",
    "TemplateError",
    "__version__",
    "make_brief",
    "write_brief",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
