# TEMPORARY shim until measures.page_measures lands
import numpy as np
import pandas as pd
from ..analyze import node_measures
from .choices import SIZE_MEASURES

def page_measures(dataset):
    table = node_measures(dataset).set_index("id").reindex(dataset.nodes["id"])
    values = {name: np.round(table[name].fillna(0).to_numpy(dtype=float), 6).tolist() for name in SIZE_MEASURES}
    return {"values": values, "communities": [0] * len(dataset.nodes), "measures": [{"name": n, "label": n.replace("_", " "), "description": d} for n, d in SIZE_MEASURES.items()], "engine": "networkx", "note": None}

def automatic_links(edges):
    return (edges["id"].astype(str).str.contains("-link-") & edges["citation"].astype(str).str.endswith("actor coding")).to_numpy()
