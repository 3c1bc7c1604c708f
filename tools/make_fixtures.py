"""Rebuild the binary test fixtures from text kept in this script.

    .venv/bin/python tools/make_fixtures.py          # rewrite the fixtures
    .venv/bin/python tools/make_fixtures.py --check  # exit 1 if a fixture is stale

Binaries cannot be reviewed in a diff, so their content lives here:

- ``inputs/fishing-weekly-rebate.docx``: a trade-press article pasted into Word, menus,
  share buttons and all, as a newsroom assistant would save it. Its document properties
  describe the file (saved by "pressdesk" in February 2026), not the article: the byline
  date and the author line at the end are the truth.
- ``tests/cases/mixed/inputs/photo.txt``: a JPEG saved with the wrong extension, which
  briefer must skip as binary.

It then copies ``inputs/`` to ``tests/cases/sample/inputs/`` so the sample case always
holds exactly the sample articles. Every file is written byte-for-byte reproducibly
(fixed zip timestamps, fixed document properties), so rerunning it leaves git clean.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import sys
import zipfile
from pathlib import Path

import docx
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_INPUTS = ROOT / "inputs"
SAMPLE_CASE = ROOT / "tests" / "cases" / "sample" / "inputs"
MIXED_CASE = ROOT / "tests" / "cases" / "mixed" / "inputs"

SAVED = dt.datetime(2026, 2, 10, 9, 41, 0)
ZIP_TIME = (2026, 2, 10, 9, 41, 0)

# One entry per Word paragraph, in order. ("headline", text) is the pasted headline, kept
# in bold large type as a browser paste does; ("plain", text) is everything else.
FISHING_WEEKLY: list[tuple[str, str]] = [
    ("plain", "FISHING WEEKLY    News    Markets    Policy    Gear    Jobs    Events"),
    ("plain", "Subscribe to Fishing Weekly from €9.99 a month"),
    ("plain", "Policy"),
    ("headline", "Inshore rebate deal splits Halden fleet"),
    ("plain", "Owners of larger boats say they may have to lay off crew before the cod season"),
    ("plain", "Published: 6 March 2025, 09:12"),
    ("plain", "Share this article"),
    ("plain", ""),
    ("plain", "Halden's decision to bring back a fuel rebate for its smallest fishing boats has "
              "split the region's inshore fleet, with owners of larger vessels warning that they "
              "may have to lay off crew before the cod season."),
    ("plain", "The regional cabinet agreed on Tuesday to restore the Inshore Fuel Rebate for "
              "boats under 12 metres at 12 cents a litre, two thirds of the original rate."),
    ("plain", "The rebate was suspended in August 2024, and most boats have gone without it "
              "through the autumn and winter."),
    ("plain", "The Regional Audit Office found that €2.3 million had been paid out on claims from "
              "boats whose vessel-monitoring records showed they had never left harbour. In his "
              "report, Regional Auditor Henrik Aasen wrote that the ministry had \u201crelied on "
              "the honesty of the claimant\u201d and had no way of checking where a boat had "
              "been."),
    ("plain", "Lysgaard defended the plan before the assembly's fisheries committee yesterday, "
              "saying the ministry could not reopen the scheme to larger vessels until the "
              "auditors had finished their work."),
    ("plain", "Advertisement"),
    ("plain", "Related: Quota talks stall as mackerel prices slide"),
    ("plain", "\u201cHalf a rebate is better than none, but the larger boats that employ most of "
              "our crews have been left out in the cold,\u201d Tomas Birkeland, who chairs the "
              "Halden Inshore Fishermen's Association, told Fishing Weekly."),
    ("plain", "Eirik Sandvik, who skippers a 14-metre boat out of Skarvik with a crew of four, "
              "said his fuel bill had risen by about €1,800 a month since the rebate stopped."),
    ("plain", "\u201cI can carry on for a few months. After that I will have to choose between "
              "the boat and the crew,\u201d he said."),
    ("plain", "Owners of the smallest boats were more positive. Many of them fish alone, close "
              "to the shore, and say the rebate decides whether a winter trip is worth making at "
              "all."),
    ("plain", "\u201cFor a one-man boat, 12 cents a litre is the difference between going out and "
              "staying tied up,\u201d said Marit Oksnes, who fishes for cod from an eight-metre "
              "boat in Vardsund."),
    ("plain", "The ministry will also tighten its checks. Skippers will have to file fuel "
              "receipts within 30 days, and the ministry will compare each claim with the "
              "position reports that larger boats already transmit."),
    ("plain", "The assembly is expected to vote on the plan next week. Opposition members have "
              "said they want the independent review of the scheme, due by the end of June, to "
              "be published before any money is paid."),
    ("plain", "Processors are watching the vote closely. Coastal fish plants in the north depend "
              "on landings from the larger inshore boats, which can stay at sea in rougher "
              "weather and supply fish through the winter."),
    ("plain", "Author: Siri Dahl"),
    ("plain", "Most popular"),
    ("plain", "Quota talks stall as mackerel prices slide \u2013 3 March 2025"),
    ("plain", "New crab pot rules to take effect next season \u2013 28 February 2025"),
    ("plain", "Shipyard in Skarvik wins order for two electric ferries \u2013 26 February 2025"),
    ("plain", "Sign up to the Fishing Weekly newsletter"),
    ("plain", "\u00a9 Fishing Weekly Media 2025"),
]


def fishing_weekly_docx() -> bytes:
    """The pasted Fishing Weekly article as .docx bytes."""
    document = docx.Document()
    props = document.core_properties
    props.author = "pressdesk"
    props.last_modified_by = "pressdesk"
    props.title = ""
    props.comments = ""
    props.created = SAVED
    props.modified = SAVED
    props.last_printed = SAVED
    props.revision = 1
    for kind, text in FISHING_WEEKLY:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        if kind == "headline":
            run.bold = True
            run.font.size = Pt(20)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same zip archive with every entry stamped with one fixed time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def jpeg_bytes() -> bytes:
    """A small file that starts like a JPEG and is noise after that (NUL bytes included)."""
    rng = random.Random(20250306)
    header = bytes.fromhex("ffd8ffe000104a46494600010101004800480000ffdb004300")
    body = bytes(rng.randrange(256) for _ in range(3000))
    return header + body + bytes.fromhex("ffd9")


def fixtures() -> dict[Path, bytes]:
    """Every generated file and its bytes (sample inputs copied into the sample case)."""
    files = {
        SAMPLE_INPUTS / "fishing-weekly-rebate.docx": fishing_weekly_docx(),
        MIXED_CASE / "photo.txt": jpeg_bytes(),
    }
    for path in sorted(SAMPLE_INPUTS.iterdir()):
        if path.is_file() and path.suffix != ".docx":
            files[SAMPLE_CASE / path.name] = path.read_bytes()
    files[SAMPLE_CASE / "fishing-weekly-rebate.docx"] = files[
        SAMPLE_INPUTS / "fishing-weekly-rebate.docx"
    ]
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale fixtures")
    args = parser.parse_args()
    stale = []
    for path, data in fixtures().items():
        if path.exists() and path.read_bytes() == data:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    extra = sorted(
        p.name for p in SAMPLE_CASE.iterdir() if not (SAMPLE_INPUTS / p.name).exists()
    ) if SAMPLE_CASE.exists() else []
    if extra and not args.check:
        for name in extra:
            (SAMPLE_CASE / name).unlink()
    for path in stale:
        print(f"{'stale' if args.check else 'wrote'} {path.relative_to(ROOT)}")
    for name in extra:
        print(f"{'extra' if args.check else 'removed'} tests/cases/sample/inputs/{name}")
    return 1 if args.check and (stale or extra) else 0


if __name__ == "__main__":
    sys.exit(main())
