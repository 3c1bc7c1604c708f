"""A Jinja2 environment fit for templates nobody vetted.

Jinja2's ``SandboxedEnvironment`` already refuses Python internals (``__class__``,
``__globals__``, ``__subclasses__``, unsafe methods); it does not bound what a template may
load, compute or print. This module adds that:

* templates load only by plain file name (``brief.md.j2``, ``parts.j2``): from the user's
  folder if the file is really in it (no ``..``, no absolute path, no symlink leading out,
  at most ``MAX_TEMPLATE_BYTES``), else from briefer's own templates. ``{% include
  '/etc/passwd' %}`` finds nothing;
* ``range`` counts every step it yields against one budget per render, so nested loops
  cannot run for hours, and ``*`` / ``**`` refuse results past a size bound (``'x' * 10**9``,
  ``9 ** 9 ** 9``);
* ``render_bounded`` stops a render whose text passes ``MAX_OUTPUT_CHARS``, and turns
  runaway recursion (a macro calling itself, a template including itself) into a
  ``SecurityError``.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox
import lxml.etree
from jinja2.exceptions import SecurityError

from .patterns import compiled

#: A user template larger than this is refused.
MAX_TEMPLATE_BYTES = 1 * 2**20
#: A render producing more characters than this is stopped.
MAX_OUTPUT_CHARS = 5_000_000
#: Steps all ``range`` calls of one render may yield together.
MAX_RANGE_STEPS = 1_000_000
#: Largest string or list ``*`` may build, and largest exponent ``**`` may use.
MAX_PRODUCT = 1_000_000
MAX_EXPONENT = 64

_NAME = compiled(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\.j2")


class FolderLoader(jinja2.BaseLoader):
    """Templates by plain name: the user's folder first, then ``fallback`` (package copies)."""

    def __init__(self, folder: Path | None, fallback: Callable[[str], str | None]) -> None:
        self.folder = folder.resolve() if folder is not None else None
        self.fallback = fallback

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if not _NAME.fullmatch(template):
            raise jinja2.TemplateNotFound(
                f"{template} (templates are named by a plain file name ending in .j2)"
            )
        if self.folder is not None:
            found = _user_template(self.folder, template)
            if found is not None:
                path, text = found
                mtime = path.stat().st_mtime
                return text, str(path), lambda: path.stat().st_mtime == mtime
        packaged = self.fallback(template)
        if packaged is None:
            raise jinja2.TemplateNotFound(template)
        return packaged, None, lambda: True


def _user_template(folder: Path, name: str) -> tuple[Path, str] | None:
    path = folder / name
    if not path.is_file():
        return None
    real = path.resolve()
    if not real.is_relative_to(folder):
        raise SecurityError(f"{path} leads outside the templates folder {folder}")
    if real.stat().st_size > MAX_TEMPLATE_BYTES:
        raise SecurityError(f"{path} is larger than {MAX_TEMPLATE_BYTES // 2**20} MB")
    try:
        return real, real.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SecurityError(f"{path} is not UTF-8 text ({exc.reason})") from exc


class BoundedSandbox(jinja2.sandbox.SandboxedEnvironment):
    """A sandbox whose loops, products and powers are bounded (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.range_steps = 0
        self.globals["range"] = self._range

    def _range(self, *args: int) -> Iterator[int]:
        steps = range(*args)
        if len(steps) > jinja2.sandbox.MAX_RANGE:
            raise SecurityError(f"range of {len(steps)} steps is too long")

        def counted() -> Iterator[int]:
            for step in steps:
                self.range_steps += 1
                if self.range_steps > MAX_RANGE_STEPS:
                    raise SecurityError(
                        f"the template's loops ran more than {MAX_RANGE_STEPS} steps"
                    )
                yield step

        return counted()

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "**":
            if isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
                raise SecurityError(f"the exponent {right} is too large")
        elif operator == "*" and _too_big(left, right):
            raise SecurityError("the template builds a value that is too large")
        return super().call_binop(context, operator, left, right)


def _too_big(left: Any, right: Any) -> bool:
    """Whether ``left * right`` would build a huge sequence or number."""
    if isinstance(left, int) and isinstance(right, int):
        return left.bit_length() + right.bit_length() > 4096
    sized, count = (left, right) if isinstance(right, int) else (right, left)
    return isinstance(count, int) and hasattr(sized, "__len__") and len(sized) * count > MAX_PRODUCT


def render_bounded(template: jinja2.Template, context: Mapping[str, object]) -> str:
    """Render ``template``; ``SecurityError`` when it recurses without end or prints too much."""
    parts: list[str] = []
    size = 0
    try:
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise SecurityError(f"the template printed more than {MAX_OUTPUT_CHARS} characters")
            parts.append(chunk)
    except RecursionError:
        raise SecurityError("the template calls or includes itself without end") from None
    return "".join(parts)


# --------------------------------------------------------------- Word templates

#: Relationship types a Word template may point outside the file with (links in its text).
_OUTSIDE_ALLOWED = ("/hyperlink",)
_MACRO_PARTS = compiled(r"(?:^|/)(?:vbaProject\.bin|vbaData\.xml|activeX/)", re.IGNORECASE)


def check_word_template(data: bytes, where: Path) -> None:
    """Refuse a user's Word template that could do harm in the brief made from it.

    python-docx copies every part of the template into the brief, so what the template
    carries, the brief carries. Refused, with a ``TemplateError`` naming the file: a zip
    that unpacks past the size limit (a bomb); macros or ActiveX controls (a ``.docm`` saved
    as ``.docx``); any relationship that makes Word fetch something from outside when the
    brief is opened (a remote ``attachedTemplate``, linked images or OLE objects), hyperlinks
    in the text excepted; and XML parts with a DOCTYPE (Word never writes one; external
    entities live there).
    """
    from briefer.errors import SkipFile, TemplateError
    from briefer.limits import MAX_FILE_BYTES, MAX_ZIP_ENTRIES, check_zip

    advice = "; use a plain .docx saved from Word or LibreOffice, or the default template."
    try:
        check_zip(data, what="Word file", max_expanded=MAX_FILE_BYTES, max_entries=MAX_ZIP_ENTRIES)
    except SkipFile as skip:
        raise TemplateError(
            f"Word template {where} is not a usable Word file: {skip.reason}{advice}"
        ) from None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            name = info.filename
            if _MACRO_PARTS.search(name):
                raise TemplateError(
                    f"Word template {where} holds macros or ActiveX ({name}){advice}"
                )
            if not name.lower().endswith((".xml", ".rels")):
                continue
            try:
                part = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as error:
                raise TemplateError(f"Word template {where} is corrupt ({name}: {error})") from None
            problem = _part_problem(name, part)
            if problem:
                raise TemplateError(f"Word template {where} was refused: {problem}{advice}")


def _part_problem(name: str, part: bytes) -> str | None:
    head = part[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    if re.search(rb"<!DOCTYPE|<!ENTITY", head, re.IGNORECASE):
        return f"{name} declares a DOCTYPE or entities (Word files never do)"
    if b"macroEnabled" in part and name == "[Content_Types].xml":
        return "its content types declare a macro-enabled document"
    if not name.endswith(".rels"):
        return None
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = lxml.etree.fromstring(part, parser)
    except lxml.etree.XMLSyntaxError as error:
        return f"{name} is not well-formed XML ({error})"
    for relationship in root:
        if str(relationship.get("TargetMode", "")).lower() != "external":
            continue
        kind = str(relationship.get("Type", ""))
        if not kind.endswith(_OUTSIDE_ALLOWED):
            target = str(relationship.get("Target", ""))[:80]
            return (
                f"{name} makes Word fetch {target!r} from outside when the brief is opened "
                f"({kind.rsplit('/', 1)[-1]})"
            )
    return None
