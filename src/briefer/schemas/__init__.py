"""The JSON Schemas of briefer's JSON outputs, shipped with the package.

``brief.schema.json`` describes ``brief.json``; ``timeline.schema.json`` describes
``timeline.json``. Both outputs carry ``schema_version``: the major number changes only when
a field is removed or changes meaning; new fields raise the minor number.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

#: the ``schema_version`` written into brief.json and timeline.json
SCHEMA_VERSION = "1.1"

SCHEMAS = ("brief", "timeline")


def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) named ``brief`` or ``timeline``, as a dict."""
    if name not in SCHEMAS:
        raise ValueError(f"unknown schema {name!r}; choose from {', '.join(SCHEMAS)}")
    text = resources.files(__name__).joinpath(f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
