"""The package version, in one place (read by ``graph/__init__``, the CLI and the pages)."""

__version__ = "0.1.0"
