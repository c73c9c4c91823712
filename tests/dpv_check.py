"""Parses a candor DPV export as JSON-LD with rdflib, offline (the context
is inline), and prints, for each `dpv:Process`, its label and
the number of objects of each DPV property, one line each, sorted, then the
legal-basis IRIs used:

    Orders hasPurpose=1 hasPersonalData=2 ...
    basis https://w3id.org/dpv/legal/eu/gdpr#A6-1-b

Usage: python3 tests/dpv_check.py FILE"""

import sys

from rdflib import RDF, RDFS, Graph, Namespace

DPV = Namespace("https://w3id.org/dpv#")
graph = Graph()
graph.parse(sys.argv[1], format="json-ld")
properties = ["hasDataController", "hasPurpose", "hasPersonalData", "hasDataSubject",
              "hasLegalBasis", "hasRecipient", "hasDataSource", "hasStorageCondition",
              "hasThirdCountry"]
lines = []
for handling in graph.subjects(RDF.type, DPV.Process):
    counts = " ".join(
        f"{p}={len(list(graph.objects(handling, DPV[p])))}" for p in properties
    )
    lines.append(f"{graph.value(handling, RDFS.label)} {counts}")
for line in sorted(lines):
    print(line)
for basis in sorted({str(b) for b in graph.objects(None, DPV.hasLegalBasis)}):
    print("basis", basis)
