"""Which ledger entries a redacted bundle withholds.

Leaving a source's documents out of a bundle means leaving out every entry that
carries anything of them: the source's own entries, each document's
`document.added`, the claims quoting it, what supersedes those claims, the
corrections anchored in it and the ranges that counted its claims. A withheld entry
stays in the bundle as its leaf hash (RFC 9162 §2.1.1), so the signed roots can still
be recomputed over the whole ledger.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from ..events import DECISION_KINDS

__all__ = ["withheld_entries"]


def withheld_entries(
    entries: Sequence[dict[str, Any] | None], source_ids: Collection[str]
) -> set[int]:
    """Positions of the entries to withhold so that nothing of the sources `source_ids`
    and their documents is left; `None` marks an entry whose content is not held (it is
    withheld already) and is returned too.

    One pass in ledger order suffices: an entry only ever refers to what earlier
    entries recorded (a claim to its document, a correction to its claims' anchors).
    """
    withheld: set[int] = set()
    documents: set[str] = set()
    claims: set[str] = set()
    for seq, entry in enumerate(entries):
        if entry is None:
            withheld.add(seq)
            continue
        kind, data = entry.get("kind"), entry.get("data")
        if not isinstance(data, dict):
            continue
        if kind in ("source.added", "source.updated"):
            hide = data.get("id") in source_ids
        elif kind == "document.added":
            hide = data.get("source_id") in source_ids
            if hide:
                documents.add(data["id"])
        elif kind == "claim.added":
            hide = data.get("document_id") in documents
            if hide:
                claims.add(data["id"])
        elif kind == "claim.superseded":
            hide = data.get("id") in claims
        elif kind in DECISION_KINDS:
            hide = any(anchor[0] in documents for anchor in data.get("anchors", []))
        elif kind == "range.computed":
            hide = any(c in claims for c in [*data.get("inputs", []), *data.get("shown", [])])
        elif kind == "bundle.imported":
            hide = any(d.get("id") in documents for d in data.get("documents", []))
        else:
            hide = False
        if hide:
            withheld.add(seq)
    return withheld
