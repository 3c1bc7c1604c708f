"""House templates: export the defaults, restyle them as a newsroom would in Word, and get
briefs that keep those choices; broken templates fail before anything is written."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Pt, RGBColor
from typer.testing import CliRunner

from briefer.cli import app
from briefer.layout import fit_to_page, font_width, page_height, read_geometry, template_page
from briefer.models import Brief, Item, Metadata, Source, When
from briefer.render import template_bytes

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "inputs"
RED = RGBColor(0xB0, 0x10, 0x20)
runner = CliRunner()


def run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def logo_png(width: int = 240, height: int = 60) -> bytes:
    """A small red-and-white PNG, made by hand (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(
        b"\x00" + b"".join(b"\xb0\x10\x20" if (x // 20 + y // 20) % 2 else b"\xff\xff\xff"
                           for x in range(width))
        for y in range(height)
    )  # fmt: skip
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def export(folder: Path) -> Path:
    code, output = run("templates", "export", folder)
    assert code == 0, output
    return folder


def restyle(folder: Path, *, font: str = "Arial", body_pt: float = 12.5) -> bytes:
    """What a newsroom does to the exported brief.docx in Word: its own font (bigger), red
    headings, Letter paper, wider margins, a logo above the running head, and the date moved
    from the header to its own distribution line in the footer. Returns the logo's bytes."""
    path = folder / "brief.docx"
    document = docx.Document(str(path))
    styles = document.styles
    for name, size in (
        ("Normal", body_pt), ("List Bullet", body_pt), ("Source", body_pt - 2),
        ("Meta", body_pt - 2), ("Title", body_pt + 8), ("Heading 1", body_pt + 2),
    ):  # fmt: skip
        style = styles[name]
        style.font.name = font  # what Word writes: w:rFonts ascii/hAnsi
        style.font.size = Pt(size)
    for name in ("Title", "Heading 1"):
        styles[name].font.color.rgb = RED
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    logo = logo_png()
    header = section.header
    running_head = header.paragraphs[0]
    running_head.text = "Kestrel Post · {{title}}"
    logo_paragraph = running_head.insert_paragraph_before()
    logo_paragraph.add_run().add_picture(io.BytesIO(logo), height=Cm(1.6))
    footer = section.footer.paragraphs[0]
    footer.text = "Kestrel Post newsroom · {{generated}} · Embargoed: do not forward"
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.save(str(path))
    return logo


def long_brief(items: int = 24) -> Brief:
    """More about a ferry pier than one page holds."""
    source = Source(
        id="S1", file="post.txt", format="txt", paragraphs=("…",),
        metadata=Metadata(title="Ferry pier to close", outlet="Kestrel Post",
                          published=dt.date(2025, 2, 11), url="https://kestrel.example/pier"),
    )  # fmt: skip
    fact = (
        "The harbour board said on Tuesday that the old ferry pier would close for repairs "
        "costing about {n} million kroner, and that sailings would move to the cargo quay."
    )
    return Brief(
        title="Kestrel Bay shuts its old ferry pier",
        generated=dt.date(2025, 2, 13),
        key_points=tuple(Item(fact.format(n=n), ("S1",), 1 - n / 100) for n in range(4)),
        chronology=tuple(
            Item(
                fact.format(n=n + 10),
                ("S1",),
                (n * 37 % 100) / 100,
                When(dt.date(2025, 1, 1) + dt.timedelta(days=n), "day", "explicit"),
            )
            for n in range(items)
        ),
        sources=(source,),
        page="letter",
    )


# ------------------------------------------------------------------ export


def test_export_writes_the_default_templates_and_refuses_to_overwrite(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    code, output = run("templates", "export", folder)
    assert code == 0, output
    assert sorted(p.name for p in folder.iterdir()) == ["brief.docx", "brief.md.j2"]
    for name in ("brief.docx", "brief.md.j2"):
        assert (folder / name).read_bytes() == template_bytes(name)
        assert f"wrote {folder / name}" in output

    (folder / "brief.md.j2").write_text("# {{ title }}\n", encoding="utf-8")
    code, output = run("templates", "export", folder)
    assert code == 1
    assert "already exist" in output and "--force" in output
    assert (folder / "brief.md.j2").read_text(encoding="utf-8") == "# {{ title }}\n"

    code, output = run("templates", "export", folder, "--force")
    assert code == 0, output
    assert (folder / "brief.md.j2").read_bytes() == template_bytes("brief.md.j2")


def test_exported_templates_render_like_the_defaults(tmp_path: Path) -> None:
    folder = export(tmp_path / "house")
    outputs = []
    for name, extra in (("own", ("--templates", folder)), ("default", ())):
        out = tmp_path / name
        code, output = run(
            "make", SAMPLE, "-o", out, "-f", "md", "-f", "docx", "--date", "2025-03-12", *extra
        )
        assert code == 0, output
        outputs.append(out)
    for name in ("brief.md", "brief.docx"):
        assert (outputs[0] / name).read_bytes() == (outputs[1] / name).read_bytes()


# ---------------------------------------------------------- a house style kept


def test_a_restyled_word_template_keeps_its_choices(tmp_path: Path) -> None:
    folder = export(tmp_path / "house")
    logo = restyle(folder)
    out = tmp_path / "out"
    code, output = run(
        "make", SAMPLE, "-o", out, "-f", "docx", "--templates", folder, "--date", "2025-03-12"
    )
    assert code == 0, output

    document = docx.Document(str(out / "brief.docx"))
    styles = document.styles
    assert styles["List Bullet"].font.name == "Arial"
    assert styles["List Bullet"].font.size == Pt(12.5)
    assert styles["Title"].font.color.rgb == RED
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets and all(p.style.name == "List Bullet" for p in bullets)
    assert document.paragraphs[0].style.name == "Title"

    section = document.sections[0]  # the template's Letter paper and margins, no --page given
    assert round(section.page_width.inches, 2) == 8.5
    assert round(section.page_height.inches, 2) == 11.0
    assert round(section.left_margin.cm, 2) == 2.5 and round(section.top_margin.cm, 2) == 2.5

    header = section.header
    assert header.paragraphs[1].text.startswith("Kestrel Post · Halden")
    blips = header._element.findall(".//" + qn("a:blip"))
    assert len(blips) == 1
    image = header.part.related_parts[blips[0].get(qn("r:embed"))]
    assert image.blob == logo  # the logo itself, unchanged
    footer = section.footer.paragraphs[0]
    assert footer.text == "Kestrel Post newsroom · 2025-03-12 · Embargoed: do not forward"
    assert footer.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_page_option_overrides_the_templates_paper(tmp_path: Path) -> None:
    folder = export(tmp_path / "house")
    restyle(folder)
    assert template_page(folder) == "letter"
    out = tmp_path / "out"
    code, output = run(
        "make", SAMPLE, "-o", out, "-f", "docx", "-f", "json", "--templates", folder,
        "--page", "a4",
    )  # fmt: skip
    assert code == 0, output
    section = docx.Document(str(out / "brief.docx")).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert '"page": "a4"' in (out / "brief.json").read_text(encoding="utf-8")
    assert round(section.left_margin.cm, 2) == 2.5  # the template's margins stay


@pytest.mark.parametrize(
    ("width", "height", "expected"),
    [
        (Cm(21), Cm(29.7), "a4"),
        (Inches(8.5), Inches(11), "letter"),
        (Inches(11), Inches(8.5), "letter"),  # landscape
        (Cm(14.8), Cm(21), "letter"),  # A5: the nearer, with a warning
        (Inches(8.5), Inches(14), "a4"),  # Legal
        (None, None, "a4"),  # no size written
    ],
)
def test_the_paper_read_from_the_xml_is_python_docx_s(
    tmp_path: Path, width: object, height: object, expected: str
) -> None:
    """A run without --templates reads the shipped template's paper from its XML
    (briefer.paper.word_page, no python-docx); it must agree with template_page."""
    from briefer.paper import shipped_page, word_page

    assert shipped_page() == template_page(None) == "a4"
    folder = export(tmp_path / "house")
    document = docx.Document(str(folder / "brief.docx"))
    section = document.sections[0]
    if width is None:
        size = section._sectPr.find(qn("w:pgSz"))
        size.getparent().remove(size)
    else:
        section.page_width, section.page_height = width, height
    document.add_section()  # a second section on other paper is not the page's
    document.sections[-1].page_width, document.sections[-1].page_height = Cm(10), Cm(10)
    document.save(str(folder / "brief.docx"))
    data = (folder / "brief.docx").read_bytes()
    assert word_page(data) == template_page(folder) == expected


def test_a_bigger_wider_font_and_a_logo_leave_less_room(tmp_path: Path) -> None:
    """The budget follows the house style: the same brief measures taller in 12.5 pt Arial
    with a logo in the header, on a page with less room, so fewer items are kept."""
    folder = export(tmp_path / "house")
    restyle(folder)
    brief = long_brief()
    fields = {"title": "T", "generated": "2020-01-01"}
    default = docx.Document(io.BytesIO(template_bytes("brief.docx")))
    default_geometry = read_geometry(default, "letter", fields)
    house_geometry = read_geometry(docx.Document(str(folder / "brief.docx")), "letter", fields)
    assert house_geometry.body_height < default_geometry.body_height - 40  # logo, margins
    assert page_height(brief, house_geometry) > 1.25 * page_height(brief, default_geometry)
    kept_default = fit_to_page(brief)
    kept_house = fit_to_page(brief, folder)
    assert kept_house.chronology
    count = len(kept_house.key_points) + len(kept_house.chronology)
    assert count < len(kept_default.key_points) + len(kept_default.chronology)


def test_font_widths_are_relative_to_calibri() -> None:
    assert font_width("Calibri") == 1.0 and font_width(None) == 1.0
    assert font_width("Arial") > 1.05 and font_width("Times New Roman") < 1.05
    assert font_width("Some House Serif") >= font_width("Arial")  # unknown: counted wide


# ------------------------------------------------------------ broken templates


def _broken(folder: Path, change: str) -> Path:
    export(folder)
    path = folder / "brief.docx"
    document = docx.Document(str(path))
    if change == "renamed style":
        document.styles["Source"].name = "Sources list"
    elif change == "deleted style":
        element = document.styles["Citation"].element
        element.getparent().remove(element)
    elif change == "unknown placeholder":
        document.sections[0].footer.paragraphs[0].text = "Desk: {{desk}} · {{generated}}"
    document.save(str(path))
    return folder


@pytest.mark.parametrize(
    "change, named",
    [
        ("renamed style", "'Source'"),
        ("deleted style", "'Citation'"),
        ("unknown placeholder", "{{desk}}"),
    ],
)
def test_a_broken_word_template_fails_naming_the_problem_before_writing(
    tmp_path: Path, change: str, named: str
) -> None:
    folder = _broken(tmp_path / "house", change)
    out = tmp_path / "out"
    out.mkdir()
    (out / "brief.md").write_text("yesterday's brief\n", encoding="utf-8")
    code, output = run("make", SAMPLE, "-o", out, "--templates", folder)
    assert code == 1, output
    assert named in output and "Nothing was written" in output
    assert "Traceback" not in output
    assert sorted(p.name for p in out.iterdir()) == ["brief.md"]
    assert (out / "brief.md").read_text(encoding="utf-8") == "yesterday's brief\n"


@pytest.mark.parametrize(
    "template, named",
    [
        ("# {{ title }}\n{{ editor }}\n", "editor"),
        ("{% for p in key_points %}- {{ p.txt }}\n{% endfor %}", "txt"),
        ("{% if title %}\n", "line"),
    ],
)
def test_a_broken_markdown_template_fails_before_the_inputs_are_read(
    tmp_path: Path, template: str, named: str
) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "brief.md.j2").write_text(template, encoding="utf-8")
    out = tmp_path / "out"
    code, output = run("make", SAMPLE, "-o", out, "--templates", folder, "-f", "docx")
    assert code == 1, output
    assert named in output and "brief.md.j2" in output
    assert not out.exists()


def test_a_word_file_that_is_not_one_fails_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "brief.docx").write_bytes(b"%PDF-1.7 saved under the wrong name")
    code, output = run("make", SAMPLE, "-o", tmp_path / "out", "--templates", folder)
    assert code == 1, output
    assert "brief.docx is not a usable Word file" in output
    assert not (tmp_path / "out").exists()


def test_the_shipped_templates_render_a_brief() -> None:
    # `briefer make` checks only templates the user gives; the shipped ones are checked here
    from briefer.docx_render import check_templates

    check_templates(None)  # raises TemplateError naming what is wrong
