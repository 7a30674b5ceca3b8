"""A small output of ``graph extract`` for the review page's tests: actors and candidates.

Three known actors (ids of the bundled dataset: ``iran``, ``tajikistan``, ``sco``) and three
new ones (two people, a company); seven candidate relations in text order, one with its
spans given, one with a comma and quotes in its sentence and a citation that starts with
``=``, one without a confidence.
"""

from __future__ import annotations

import pandas as pd

NODE_COLUMNS = [
    "id",
    "label",
    "type",
    "country",
    "role",
    "aliases",
    "iso3",
    "description",
    "status",
]
EDGE_COLUMNS = [
    "id",
    "source",
    "target",
    "type",
    "date",
    "end_date",
    "sign",
    "weight",
    "evidence",
    "citation",
    "confidence",
    "status",
    "cue",
    "modality",
    "start",
    "end",
    "source_span",
    "target_span",
    "cue_span",
]
KNOWN = ["iran", "tajikistan", "sco"]
NEW = ["hossein_amir_abdollahian", "nizomiddin_zohidi", "tajik_aluminium"]

_NODES = [
    [
        "iran",
        "Iran",
        "state",
        "",
        "",
        "Islamic Republic of Iran;Tehran",
        "IRN",
        "A state.",
        "known",
    ],
    [
        "tajikistan",
        "Tajikistan",
        "state",
        "",
        "",
        "Republic of Tajikistan;Dushanbe",
        "TJK",
        "",
        "known",
    ],
    ["sco", "Shanghai Cooperation Organisation", "organization", "", "", "SCO", "", "", "known"],
    [
        "hossein_amir_abdollahian",
        "Hossein Amir-Abdollahian",
        "person",
        "iran",
        "Minister of Foreign Affairs of Iran",
        "Amir-Abdollahian",
        "",
        "",
        "candidate",
    ],
    [
        "nizomiddin_zohidi",
        "Nizomiddin Zohidi",
        "person",
        "tajikistan",
        "Ambassador of Tajikistan to Iran",
        "Zohidi",
        "",
        "",
        "candidate",
    ],
    [
        "tajik_aluminium",
        "Tajik Aluminium Company",
        "group",
        "tajikistan",
        "",
        "TALCO",
        "",
        "",
        "candidate",
    ],
]
# source, target, type, date, end_date, sign, sentence, cue, modality, confidence
_CANDIDATES = [
    (
        "iran",
        "tajikistan",
        "visit",
        "2021-09",
        "",
        "1",
        "Iranian President Raisi flew to Dushanbe in September 2021, the first visit by an "
        "Iranian head of state in years.",
        "flew to",
        "asserted",
        "0.91",
    ),
    (
        "hossein_amir_abdollahian",
        "nizomiddin_zohidi",
        "talks",
        "2022-03-14",
        "",
        "1",
        "On 14 March 2022 Amir-Abdollahian held talks with the Tajik ambassador Nizomiddin "
        "Zohidi in Tehran.",
        "held talks with",
        "asserted",
        "0.84",
    ),
    (
        "tajikistan",
        "iran",
        "protest",
        "2015",
        "",
        "-1",
        "Dushanbe protested to Tehran over the invitation of an opposition leader.",
        "protested to",
        "asserted",
        "0.77",
    ),
    (
        "iran",
        "tajik_aluminium",
        "trade",
        "2023",
        "",
        "1",
        'Iran plans to buy aluminium from TALCO, the "deputy minister" said.',
        "plans to buy",
        "prospective",
        "0.52",
    ),
    (
        "iran",
        "sco",
        "membership",
        "2023-07-04",
        "ongoing",
        "0",
        "Iran became a full member of the SCO on 4 July 2023.",
        "became a full member of",
        "asserted",
        "0.95",
    ),
    (
        "tajikistan",
        "iran",
        "sanction",
        "2016",
        "",
        "-1",
        "Tajikistan did not impose sanctions on Iran, the minister said.",
        "impose sanctions on",
        "negated",
        "0.31",
    ),
    (
        "nizomiddin_zohidi",
        "iran",
        "visit",
        "",
        "",
        "",
        "Zohidi later visited Iran.",
        "visited",
        "asserted",
        "",
    ),
]


def nodes() -> pd.DataFrame:
    """The actors, as the extractor hands them over (strings)."""
    return pd.DataFrame(_NODES, columns=NODE_COLUMNS)


def edges() -> pd.DataFrame:
    """The candidates, as the extractor hands them over (strings)."""
    rows = []
    at = 0
    for i, (source, target, kind, date, end, sign, text, cue, modality, conf) in enumerate(
        _CANDIDATES
    ):
        citation = '=HYPERLINK("x") ¶4' if i == 3 else f"article.txt ¶{i + 1}"
        spans = ["", "", ""]
        if i == 1:  # given: "Amir-Abdollahian", "Nizomiddin Zohidi", "held talks with"
            spans = [
                f"{text.index('Amir')}:{text.index('Amir') + 16}",
                f"{text.index('Nizo')}:{text.index('Nizo') + 17}",
                f"{text.index('held')}:{text.index('held') + 15}",
            ]
        rows.append(
            [f"c{i + 1}", source, target, kind, date, end, sign, "", text, citation, conf]
            + ["candidate", cue, modality, str(at), str(at + len(text)), *spans]
        )
        at += len(text) + 1
    return pd.DataFrame(rows, columns=EDGE_COLUMNS)
