"""Loads a candor fideslang manifest with fideslang itself, as the Fides CLI
does (ingest the manifests of a directory, then build the taxonomy, which
validates every model), and checks that every data category, data use and
data subject it names is a key of fideslang's default taxonomy, and every
legal basis for transfers a value of `LegalBasisForTransfersEnum` (which
fideslang declares but does not enforce).

Usage: python3 tests/fides_check.py DIRECTORY
Prints `ok N` (N privacy declarations) or fails with the reason."""

import sys

from fideslang.default_taxonomy import DEFAULT_TAXONOMY
from fideslang.models import LegalBasisForTransfersEnum
from fideslang.manifests import ingest_manifests
from fideslang.parse import load_manifests_into_taxonomy

taxonomy = load_manifests_into_taxonomy(ingest_manifests(sys.argv[1]))
known = {
    "data_categories": {c.fides_key for c in DEFAULT_TAXONOMY.data_category},
    "data_use": {u.fides_key for u in DEFAULT_TAXONOMY.data_use},
    "data_subjects": {s.fides_key for s in DEFAULT_TAXONOMY.data_subject},
}
transfer_bases = {e.value for e in LegalBasisForTransfersEnum}
count = 0
for system in taxonomy.system:
    # fideslang leaves this field free text; Fides offers the enum's values.
    for basis in system.legal_basis_for_transfers:
        if basis not in transfer_bases:
            sys.exit(f"{system.fides_key}: legal_basis_for_transfers `{basis}` is not in LegalBasisForTransfersEnum")
    for declaration in system.privacy_declarations:
        count += 1
        for field, keys in known.items():
            value = getattr(declaration, field)
            for key in value if isinstance(value, list) else [value]:
                if key not in keys:
                    sys.exit(f"{declaration.name}: {field} `{key}` is not in the fideslang taxonomy")
if not taxonomy.system:
    sys.exit("no system")
print("ok", count)
