"""Settings for ``briefer make`` from a file and the environment.

Precedence, highest first: a command-line flag, a ``BRIEFER_*`` environment variable, the
settings file, briefer's default. The settings file is ``briefer.toml`` in the working folder,
else the ``[tool.briefer]`` table of ``pyproject.toml`` there (``briefer.toml`` wins when both
exist). Keys are the long option names with ``_`` for ``-``; an unknown key or a bad value is a
:class:`ConfigError` naming the key and where it was found.

    algorithm = "textrank"        # BRIEFER_ALGORITHM=textrank
    format = ["md", "json"]       # BRIEFER_FORMAT=md,json
    output = "briefs/"            # BRIEFER_OUTPUT=briefs/  (relative to the settings file)
    by_story = true               # BRIEFER_BY_STORY=yes    (true/false, yes/no, on/off, 1/0)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BrieferError

log = logging.getLogger(__name__)

FILE_NAME = "briefer.toml"
ENV_PREFIX = "BRIEFER_"
#: ``BRIEFER_*`` variables read elsewhere, not settings of ``make`` (parallel.py reads WORKERS)
OTHER_ENV = frozenset({"BRIEFER_WORKERS"})

_FORMATS = ("md", "docx", "json", "pdf", "png")
_PAGES = ("a4", "letter")


class ConfigError(BrieferError):
    """A settings file or ``BRIEFER_*`` variable holds an unknown key or an unusable value."""


@dataclass(frozen=True)
class Setting:
    """A value and where it came from (``BRIEFER_PAGE``, ``briefer.toml``, …)."""

    value: Any
    origin: str


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: expected a non-empty string, got {value!r}")
    return value.strip()


def _choice(choices: tuple[str, ...]) -> Callable[[Any, str], str]:
    def parse(value: Any, where: str) -> str:
        text = _text(value, where).lower()
        if text not in choices:
            raise ConfigError(f"{where}: {value!r} is not one of {', '.join(choices)}")
        return text

    return parse


def _formats(value: Any, where: str) -> list[str]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise ConfigError(f"{where}: expected a list of formats, got {value!r}")
    parse = _choice(_FORMATS)
    return list(dict.fromkeys(parse(item, where) for item in items))


def _number(kind: type[int] | type[float], least: float) -> Callable[[Any, str], int | float]:
    def parse(value: Any, where: str) -> int | float:
        if isinstance(value, str):
            try:
                value = kind(value.strip())
            except ValueError:
                raise ConfigError(f"{where}: {value!r} is not a number") from None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{where}: expected a number, got {value!r}")
        if kind is int and not float(value).is_integer():
            raise ConfigError(f"{where}: expected a whole number, got {value!r}")
        if value < least:
            raise ConfigError(f"{where}: {value!r} is below the least allowed, {least:g}")
        return kind(value)

    return parse


_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


def _boolean(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    raise ConfigError(f"{where}: expected true or false, got {value!r}")


def _path(value: Any, where: str) -> str:
    return _text(value, where)


#: settings key → parser; the key is the long option name of ``briefer make`` with ``_``
PARSERS: dict[str, Callable[[Any, str], Any]] = {
    "output": _path,
    "format": _formats,
    "algorithm": lambda value, where: _text(value, where).lower(),
    "page": _choice(_PAGES),
    "templates": _path,
    "max_file_mb": _number(float, 0.001),
    "max_articles": _number(int, 1),
    "language": lambda value, where: _text(value, where).lower(),
    "by_story": _boolean,
}


def _unknown(key: str, where: str) -> ConfigError:
    return ConfigError(
        f"{where}: unknown key {key!r}; known keys: {', '.join(sorted(PARSERS))}"
    )


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # (6 ms to import: only where there is a settings file)

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None


def file_settings(folder: Path) -> dict[str, Setting]:
    """The settings of ``folder/briefer.toml``, else of ``[tool.briefer]`` in its pyproject."""
    own = folder / FILE_NAME
    if own.is_file():
        table, where, base = _read_toml(own), FILE_NAME, own.parent
    else:
        project = folder / "pyproject.toml"
        if not project.is_file():
            return {}
        tool = _read_toml(project).get("tool", {})
        table = tool.get("briefer", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError("pyproject.toml: [tool.briefer] must be a table")
        where, base = "pyproject.toml [tool.briefer]", project.parent
    found: dict[str, Setting] = {}
    for key, raw in table.items():
        parse = PARSERS.get(key.replace("-", "_"))
        if parse is None:
            raise _unknown(key, where)
        value = parse(raw, f"{where}: {key}")
        if key.replace("-", "_") in ("output", "templates") and value != "-":
            value = str(base / value)  # relative to the file, not to wherever briefer runs
        found[key.replace("-", "_")] = Setting(value, where)
    return found


def env_settings(environ: Mapping[str, str]) -> dict[str, Setting]:
    """The settings in ``BRIEFER_*`` variables (empty ones are ignored)."""
    found: dict[str, Setting] = {}
    for name in sorted(environ):
        if not name.startswith(ENV_PREFIX) or name in OTHER_ENV or not environ[name].strip():
            continue
        key = name[len(ENV_PREFIX) :].lower()
        parse = PARSERS.get(key)
        if parse is None:
            raise ConfigError(
                f"unknown environment variable {name}; known: "
                + ", ".join(ENV_PREFIX + k.upper() for k in sorted(PARSERS))
            )
        found[key] = Setting(parse(environ[name], name), name)
    return found


def load_settings(folder: Path, environ: Mapping[str, str]) -> dict[str, Setting]:
    """File settings overlaid with environment ones (flags are applied by the caller)."""
    merged = {**file_settings(folder), **env_settings(environ)}
    for key, setting in merged.items():
        log.info("setting %s = %r from %s", key, setting.value, setting.origin)
    return merged
