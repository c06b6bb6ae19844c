"""Build `flows/report/data/countries-110m.json`, the report's base map, from Natural Earth.

Input: `countries-110m.json` of the npm package world-atlas 2.0.2 (TopoJSON of Natural Earth's
1:110m admin-0 countries; Natural Earth is public domain, world-atlas is ISC):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/build_basemap.py package/countries-110m.json

Output: {"source": ..., "countries": [{"name": ..., "rings": [[[lon, lat], ...], ...]}]} with
coordinates rounded to 0.01 degree (1:110m shapes carry no finer detail).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "flows" / "report" / "data" / "countries-110m.json"
SOURCE = (
    "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (public domain, naturalearthdata.com), "
    "via the TopoJSON of the npm package world-atlas 2.0.2 (ISC); built by scripts/build_basemap.py"
)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as absolute [lon, lat] points (quantized, delta-encoded in the file)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """One closed ring from arc indexes (a negative index ~i is arc i reversed)."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    deduped = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    return [list(p) for p in deduped]


def main(path: str) -> None:
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
            geometry.get("type"), []
        )
        rings = [ring(r, arcs) for polygon in polygons for r in polygon]
        if rings:
            countries.append({"name": geometry.get("properties", {}).get("name", ""), "rings": rings})
    OUT.write_text(
        json.dumps({"source": SOURCE, "countries": countries}, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
