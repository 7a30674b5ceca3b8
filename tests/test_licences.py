"""Every installed dependency has a licence that GPL-3.0-or-later, the project's, can include.

The dependencies are walked from ``graph-explorer``'s requirements, with its ``fast``, ``dev``
and ``notebook`` extras, through every installed requirement of theirs (extras not installed
are skipped). A distribution's licence is its PEP 639 ``License-Expression``, else its
``License`` field, else its ``License ::`` trove classifiers. A licence that cannot be read is
resolved by hand in :data:`RESOLVED`, never allowed silently.
"""

from __future__ import annotations

import importlib.metadata as md
import re
import tomllib
from email.message import Message
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).parent.parent
PROJECT = "graph-explorer"
EXTRAS = {"fast", "dev", "notebook"}

# SPDX ids that a GPL-3.0-or-later work may include (FSF's list of GPL-compatible licences).
ALLOWED = {
    "0bsd", "apache-2.0", "bsd-2-clause", "bsd-3-clause", "bsl-1.0", "cc0-1.0",
    "gpl-2.0+", "gpl-2.0-or-later", "gpl-3.0", "gpl-3.0+", "gpl-3.0-only", "gpl-3.0-or-later",
    "hpnd", "isc", "lgpl-2.1", "lgpl-2.1+", "lgpl-2.1-only", "lgpl-2.1-or-later", "lgpl-3.0",
    "lgpl-3.0+", "lgpl-3.0-only", "lgpl-3.0-or-later", "licenseref-public-domain", "mit",
    "mit-0", "mpl-2.0", "psf-2.0", "python-2.0", "unlicense", "x11", "zlib",
}  # fmt: skip
# SPDX ids known not to fit: GPL-2.0 without "or later", the advertising clause, copyleft
# licences the GPL cannot absorb, non-free ones. AGPL would fit legally but adds the network
# clause; it needs a decision, not a pass.
DENIED = {
    "agpl-3.0", "agpl-3.0-only", "agpl-3.0-or-later", "apache-1.1", "bsd-4-clause",
    "busl-1.1", "cddl-1.0", "cc-by-nc-4.0", "epl-1.0", "epl-2.0", "gpl-1.0-only", "gpl-2.0",
    "gpl-2.0-only", "licenseref-proprietary", "mpl-1.1", "sspl-1.0",
}  # fmt: skip
# Licence names as the ``License`` field and trove classifiers write them -> SPDX id.
NAMES = {
    "apache 2.0": "Apache-2.0",
    "apache license 2.0": "Apache-2.0",
    "apache license, version 2.0": "Apache-2.0",
    "apache software license": "Apache-2.0",
    "bsd 2-clause license": "BSD-2-Clause",
    "bsd 3-clause license": "BSD-3-Clause",
    # The classifier "OSI Approved :: BSD License": OSI approves only the 2- and 3-clause BSD
    # licences (both fit), never the 4-clause one. A bare "BSD" says neither and stays unknown.
    "bsd license": "BSD-3-Clause",
    "gnu general public license v2 (gplv2)": "GPL-2.0-only",
    "gnu general public license v2 or later (gplv2+)": "GPL-2.0-or-later",
    "gnu general public license v3 (gplv3)": "GPL-3.0-only",
    "gnu general public license v3 or later (gplv3+)": "GPL-3.0-or-later",
    "gnu affero general public license v3": "AGPL-3.0-only",
    "gnu lesser general public license v2 (lgplv2)": "LGPL-2.1-only",
    "gnu lesser general public license v2 or later (lgplv2+)": "LGPL-2.1-or-later",
    "gnu lesser general public license v3 (lgplv3)": "LGPL-3.0-only",
    "gnu lesser general public license v3 or later (lgplv3+)": "LGPL-3.0-or-later",
    "gnu library or lesser general public license (lgpl)": "LGPL-2.1-or-later",
    "isc license": "ISC",
    "isc license (iscl)": "ISC",
    "mit license": "MIT",
    "mozilla public license 2.0 (mpl 2.0)": "MPL-2.0",
    "other/proprietary license": "LicenseRef-Proprietary",
    "public domain": "LicenseRef-Public-Domain",
    "python software foundation license": "PSF-2.0",
    "the unlicense (unlicense)": "Unlicense",
}

# Distributions whose metadata does not say which licence they have: the licence as checked
# on the package's PyPI page and in the licence files its wheel ships (dist-info).
RESOLVED = {
    # Metadata: "GNU General Public License (GPL)", no version. The wheel ships the GPL-2
    # text; igraph's README ("Legal stuff") says GPL version 2, or later.
    "igraph": "GPL-2.0-or-later",
    # Classifiers: Public Domain, BSD License, "GNU General Public License (GPL)". Its
    # COPYING.rst: mostly public domain, some files 0BSD or BSD-2-Clause, the Emacs mode
    # rst.el GPL-3.0-or-later ("All used licenses are OSI-approved and GPL-compatible").
    "docutils": "LicenseRef-Public-Domain AND 0BSD AND BSD-2-Clause AND GPL-3.0-or-later",
    # Metadata: "BSD", no classifier. LICENSE_BSD.txt in its dist-info is the 3-clause BSD
    # licence (West Health Institute, 2018).
    "pyvis": "BSD-3-Clause",
    # Metadata: "BSD", no classifier (Dask's partd, in the scale extra). LICENSE.txt in its
    # dist-info is the 3-clause BSD licence (Continuum Analytics, 2015).
    "partd": "BSD-3-Clause",
}


def _id(term: str) -> bool | None:
    key = term.strip().lower()
    key = re.sub(r"\s+with\s+.*$", "", key)  # an exception only adds permissions
    if key in ALLOWED:
        return True
    if key in DENIED:
        return False
    return None


def _expression(tokens: list[str]) -> bool | None:
    """SPDX ``a AND (b OR c)``: OR passes if one side passes, AND if both do."""

    def either() -> bool | None:
        results = [both()]
        while tokens and tokens[0].upper() == "OR":
            tokens.pop(0)
            results.append(both())
        if True in results:
            return True
        return None if None in results else False

    def both() -> bool | None:
        results = [one()]
        while tokens and tokens[0].upper() == "AND":
            tokens.pop(0)
            results.append(one())
        if False in results:
            return False
        return None if None in results else True

    def one() -> bool | None:
        if not tokens or tokens[0].upper() in ("AND", "OR", "WITH", ")"):
            raise ValueError("malformed")
        token = tokens.pop(0)
        if token == "(":
            inner = either()
            if not tokens or tokens.pop(0) != ")":
                raise ValueError("unclosed parenthesis")
            return inner
        if tokens and tokens[0].upper() == "WITH":
            tokens[:2] = []
        return _id(token)

    try:
        result = either()
    except ValueError:
        return None
    return result if not tokens else None


def classify(licence: str) -> bool | None:
    """``True``: fits GPL-3.0-or-later; ``False``: does not; ``None``: cannot be told.

    ``licence`` is an SPDX expression, a licence name or trove classifiers joined by ``; ``
    (each must fit).
    """
    names = [n.strip() for n in licence.split(";") if n.strip()]
    if not names:
        return None
    results = []
    for name in names:
        name = re.sub(r"^License :: (OSI Approved :: )?", "", name)
        spdx = NAMES.get(name.lower())
        if spdx is not None:
            results.append(_id(spdx))
        else:
            results.append(_expression(re.findall(r"\(|\)|[^\s()]+", name)))
    if False in results:
        return False
    return None if None in results else True


def declared(meta: Message) -> tuple[str, bool | None]:
    """The licence a distribution's metadata declares, and :func:`classify`'s verdict."""
    expression = meta.get("License-Expression")
    if expression:
        return expression, classify(expression)
    field = (meta.get("License") or "").strip()
    one_line = field and "\n" not in field and field.upper() != "UNKNOWN"
    if one_line and classify(field) is not None:
        return field, classify(field)
    classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        text = "; ".join(classifiers)
        return text, classify(text)
    return field.splitlines()[0] if field else "", None


def installed_requirements() -> dict[str, Message]:
    """Every installed distribution the project requires, with the extras, at any depth."""
    found: dict[str, Message] = {}
    extras_seen: dict[str, set[str]] = {}

    def visit(name: str, extras: set[str]) -> None:
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            return  # an extra that is not installed here
        key = canonicalize_name(dist.metadata["Name"])
        if key in extras_seen and extras <= extras_seen[key]:
            return
        extras_seen[key] = extras_seen.get(key, set()) | extras
        found[key] = dist.metadata  # type: ignore[assignment]
        for line in dist.requires or []:
            req = Requirement(line)
            envs = [{"extra": e} for e in extras | {""}]
            if req.marker is None or any(req.marker.evaluate(env) for env in envs):
                visit(req.name, set(req.extras))

    visit(PROJECT, EXTRAS)
    found.pop(PROJECT, None)
    return found


def test_the_project_is_gpl3_or_later() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "GPL-3.0-or-later"
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text


def test_every_installed_dependency_fits_the_licence() -> None:
    dists = installed_requirements()
    assert {"country-converter", "networkx", "pandas"} <= set(dists)
    offending, stale = [], []
    for name, meta in sorted(dists.items()):
        licence, fits = declared(meta)
        if name in RESOLVED and fits is None:
            licence, fits = f"{RESOLVED[name]} (resolved in this test)", classify(RESOLVED[name])
        elif name in RESOLVED:
            stale.append(f"{name}: its metadata now says {licence!r}; remove it from RESOLVED")
        if not fits:
            why = "cannot be told; check it and add it to RESOLVED" if fits is None else "no"
            offending.append(f"{name} {meta['Version']}: {licence!r} ({why})")
    assert not offending, "licences that do not fit GPL-3.0-or-later:\n" + "\n".join(offending)
    assert not stale, "\n".join(stale)


@pytest.mark.parametrize(
    "licence, fits",
    [
        ("MIT", True),
        ("Apache-2.0 OR BSD-2-Clause", True),
        ("BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0", True),
        ("Apache-2.0 WITH LLVM-exception", True),
        ("GPL-2.0+", True),
        ("(MIT OR GPL-2.0-only) AND LGPL-2.1", True),
        ("GNU General Public License v3 (GPLv3)", True),
        ("License :: OSI Approved :: BSD License; License :: Public Domain", True),
        ("GPL-2.0-only", False),
        ("MIT AND GPL-2.0-only", False),
        ("(MIT OR GPL-2.0-only) AND SSPL-1.0", False),
        ("AGPL-3.0-or-later", False),
        ("License :: OSI Approved :: MIT License; License :: Other/Proprietary License", False),
        ("License :: OSI Approved :: GNU General Public License v2 (GPLv2)", False),
        ("GNU General Public License (GPL)", None),
        ("BSD", None),
        ("Copyright (c) 2001 Someone", None),
        ("MIT OR", None),
        ("(MIT", None),
        ("", None),
    ],
)
def test_classify(licence: str, fits: bool | None) -> None:
    assert classify(licence) is fits


def test_declared_prefers_the_expression_then_the_field_then_classifiers() -> None:
    meta = Message()
    meta["License-Expression"] = "GPL-2.0-only"
    meta["License"] = "MIT"
    assert declared(meta) == ("GPL-2.0-only", False)
    meta = Message()
    meta["License"] = "BSD 3-Clause License\n\nCopyright (c) 2022, Jupyter"  # a whole text
    meta["Classifier"] = "License :: OSI Approved :: BSD License"
    assert declared(meta) == ("License :: OSI Approved :: BSD License", True)
    meta = Message()
    meta["License"] = "UNKNOWN"
    assert declared(meta) == ("UNKNOWN", None)
