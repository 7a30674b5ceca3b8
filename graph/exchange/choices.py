"""What a caller chooses when exporting: the file formats.

Kept apart from the writers so that the CLI's help can name them without importing networkx.

>>> FORMATS
('graphml', 'gexf', 'json', 'csv', 'parquet', 'dyad-year')
"""

from __future__ import annotations

__all__ = ["FORMATS"]

#: Export formats: GraphML and GEXF (Gephi, with a timeline), node-link JSON (D3), this
#: project's dataset folder with CSV or Parquet tables, and a dyad-year panel as one CSV file
#: (:mod:`graph.exchange.dyads`).
FORMATS: tuple[str, ...] = ("graphml", "gexf", "json", "csv", "parquet", "dyad-year")
