#!/usr/bin/env python3
"""Writes a synthetic national CBS "wijk- en buurtindeling" file to benchmark the area import.

Shaped as CBS/PDOK publish their neighbourhood files, with made-up codes, names and outlines;
the same --seed (default 1) always gives the same file. Standard library only.

    python3 bench/gen_cbs_areas.py --format csv --out /tmp/areas.csv
    python3 bench/gen_cbs_areas.py --format geojson --out /tmp/areas.geojson
    python3 bench/gen_cbs_areas.py --format csv --out /tmp/one.csv --only GM1835

--municipalities (342), --districts (3300) and --neighbourhoods (14000) set the totals, which
are met exactly. --only writes one municipality (GM1835 is the largest with seed 1); the
national set is still generated, so its codes, names and outlines equal the national file's.

  * GM + 4 unique digits in 0001..1999, unique Dutch-looking names; Zipf-like sizes: a few
    municipalities have many wijken and buurten, most have few. Each has 1..99 wijken
    (WK + its 4 digits + 01..99), each wijk 1..100 buurten (BU + the wijk's 6 digits + 00..99).
  * csv: `gemeentecode;gemeentenaam;wijkcode;wijknaam;buurtcode;buurtnaam`, one row per buurt,
    UTF-8, RFC 4180 quoting; names sometimes hold é, ë, ï, a comma or a double quote.
  * geojson: a compact FeatureCollection, a Feature per wijk then one per buurt, each a Polygon
    in WGS 84 lon/lat inside the Netherlands' bounding box: municipalities on a grid, wijken on
    a grid in their municipality's cell, buurten inside their wijk's rectangle.

Prints a one-line summary (counts, size, seconds) to stderr.
"""

import argparse
import csv
import json
import math
import os
import random
import re
import sys
import time

LON, LAT = (3.4, 7.2), (50.8, 53.5)  # the Netherlands' bounding box
HEADER = ["gemeentecode", "gemeentenaam", "wijkcode", "wijknaam", "buurtcode", "buurtnaam"]
HEAD = ["Zonne", "Beek", "Linde", "Eiken", "Heide", "Berg", "Water", "Hoog", "Noord", "Zuid",
        "Ooster", "Wester", "Veen", "Brink", "Molen", "Kerk", "Zand", "Wilgen", "Rozen", "Ham",
        "Els", "Haver", "Vlier", "Esch", "Loo", "Mark", "Dinkel", "Sûd", "Noard", "Ee"]
TAIL = ["dal", "veld", "wijk", "horst", "dorp", "hoven", "dijk", "drecht", "dam", "broek", "lo",
        "sum", "ingen", "hem", "meer", "rode", "burg", "kerk", "zijl", "wolde", "lân", "oord"]
TOWN_FORMS = ["{}", "{}", "{}", "{}", "{}", "{}", "'s-{}", "Sint-{}", "{} aan Zee",
              "{} aan den Rijn", "{} (L.)", "Nieuw-{}", "Oud-{}"]
WIJK_THEMES = ["Centrum", "Oude Dorp", "Buitengebied", "Noord", "Zuid", "Oost", "West",
               "Stationsgebied", "Bedrijventerrein", "Havenkwartier", "Binnenstad", "De Hoven",
               "Het Zand", "Kerkbuurt", "Nieuwland", "Mariënburg", "Poëtenbuurt", "Belvédère"]
BUURT_PREFIX = ["Bloemen", "Vogel", "Schilders", "Componisten", "Bomen", "Sterren", "Rivieren",
                "Zeehelden", "Professoren", "Dichters", "Poëten", "Coöperatie", "Ruïne", "Kastelen",
                "Vruchten", "Oranje", "Kanaal", "Molen", "Kloosters", "Belvédère", "Zeeën"]
BUURT_SUFFIX = ["buurt", "wijk", "kwartier", "hof", "park", "erf", "veld", "laan", "hoek", "weide"]


def allocate(total, weights, cap):
    """Splits `total` into len(weights) counts, each in 1..cap, roughly proportional to weights."""
    counts, remaining = [1] * len(weights), total - len(weights)
    while remaining > 0:
        room = [i for i, c in enumerate(counts) if c < cap]
        wsum = sum(weights[i] for i in room)
        given = 0
        for i in room:
            share = min(cap - counts[i], int(remaining * weights[i] / wsum))
            counts[i] += share
            given += share
        remaining -= given
        if given == 0:  # every share rounded down to 0, so remaining < len(room)
            for i in sorted(room, key=lambda i: -weights[i])[:remaining]:
                counts[i] += 1
            remaining = 0
    return counts


def unique(make, taken):
    """A name from make() not yet in `taken` (three tries, then numbered), added to `taken`."""
    name = make()
    for _ in range(2):
        if name not in taken:
            break
        name = make()
    base, n = name, 2
    while name in taken:
        name, n = f"{base} {n}", n + 1
    taken.add(name)
    return name


def generate(args):
    """The national set: [(gm, name, [(wk, name, rect, [(bu, name), ...]), ...]), ...]."""
    rng = random.Random(args.seed)
    m = args.municipalities
    codes = sorted(rng.sample(range(1, 2000), m))
    sizes = [rng.lognormvariate(0, 0.5) / (rank + 1) ** 0.8 for rank in range(m)]
    rng.shuffle(sizes)  # the large municipalities get random codes and grid cells
    wijken_per = allocate(args.districts, sizes, 99)
    district_weights = [sizes[i] ** 0.3 * rng.lognormvariate(0, 0.9)
                        for i in range(m) for _ in range(wijken_per[i])]
    buurten_per = iter(allocate(args.neighbourhoods, district_weights, 100))
    cols = math.ceil(math.sqrt(m * (LON[1] - LON[0]) / (LAT[1] - LAT[0])))
    rows = math.ceil(m / cols)
    cells = list(range(cols * rows))
    rng.shuffle(cells)
    cw, ch = (LON[1] - LON[0]) / cols, (LAT[1] - LAT[0]) / rows
    towns, out = set(), []
    for i, digits in enumerate(codes):
        town = unique(lambda: rng.choice(TOWN_FORMS).format(rng.choice(HEAD) + rng.choice(TAIL)),
                      towns)
        x, y = LON[0] + cells[i] % cols * cw, LAT[0] + cells[i] // cols * ch
        rects = split((x, y, x + cw, y + ch), wijken_per[i], 0.02)
        wijk_names, wijken = set(), []
        for w in range(wijken_per[i]):
            wname = unique(lambda: rng.choice(WIJK_THEMES) if rng.random() < 0.6 else
                           f"{town} {rng.choice(WIJK_THEMES)}", wijk_names)
            if rng.random() < 0.3:
                wname = f"Wijk {w + 1:02d} {wname}"
            buurt_names = set()  # unique within their wijk
            buurten = [(f"BU{digits:04d}{w + 1:02d}{b:02d}", unique(
                lambda: buurt_name(rng, town), buurt_names)) for b in range(next(buurten_per))]
            wijken.append((f"WK{digits:04d}{w + 1:02d}", wname, rects[w], buurten))
        out.append((f"GM{digits:04d}", town, wijken))
    return out


def buurt_name(rng, town):
    """Mostly "Bloemenbuurt"-like names; now and then with a comma or double quotes."""
    r = rng.random()
    if r < 0.03:
        return f"Verspreide huizen, {town}"
    if r < 0.045:
        return f'Buurtschap "{rng.choice(HEAD)}{rng.choice(TAIL)}"'
    if r < 0.25:
        return f"{town}-{rng.choice(['Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Dorp'])}"
    return rng.choice(BUURT_PREFIX) + rng.choice(BUURT_SUFFIX)


def shrink(rect, f):
    """`rect` (x0, y0, x1, y1) less `f` of its width and height on every side."""
    x0, y0, x1, y1 = rect
    dx, dy = f * (x1 - x0), f * (y1 - y0)
    return (x0 + dx, y0 + dy, x1 - dx, y1 - dy)


def split(rect, k, inset):
    """k cells of a grid filling `rect` row by row, each shrunk by `inset`."""
    x0, y0, x1, y1 = rect
    cols = math.ceil(math.sqrt(k))
    w, h = (x1 - x0) / cols, (y1 - y0) / math.ceil(k / cols)
    return [shrink((x0 + j % cols * w, y0 + j // cols * h, x0 + (j % cols + 1) * w,
                    y0 + (j // cols + 1) * h), inset) for j in range(k)]


def ring(points):
    """Polygon coordinates: one closed ring, rounded to 6 decimals (about 0.1 m)."""
    rounded = [[round(x, 6), round(y, 6)] for x, y in points]
    return [rounded + [rounded[0]]]


def wijk_outline(rng, rect):
    """The rectangle's corners and 1..8 points on its sides, counter-clockwise, each moved
    inwards by up to 3%: a simple polygon around the rectangle shrunk by 3%."""
    x0, y0, x1, y1 = rect
    dx, dy = 0.03 * (x1 - x0), 0.03 * (y1 - y0)
    on_side = [rng.randrange(4) for _ in range(rng.randint(1, 8))]
    corners = [(x0, y0, 1, 1), (x1, y0, -1, 1), (x1, y1, -1, -1), (x0, y1, 1, -1)]
    points = []
    for side, (cx, cy, sx, sy) in enumerate(corners):
        points.append((cx + sx * rng.uniform(0, dx), cy + sy * rng.uniform(0, dy)))
        nx, ny = corners[(side + 1) % 4][:2]
        ix, iy = (0, sy) if side % 2 == 0 else (sx, 0)  # inwards, across this side
        for t in sorted(rng.uniform(0.1, 0.9) for _ in range(on_side.count(side))):
            points.append((cx + t * (nx - cx) + ix * rng.uniform(0, dx),
                           cy + t * (ny - cy) + iy * rng.uniform(0, dy)))
    return ring(points)


def buurt_outline(rng, rect):
    """5..12 points around the rectangle's centre, inside its inscribed ellipse: star-shaped."""
    x0, y0, x1, y1 = rect
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    n = rng.randint(5, 12)
    points = []
    for k in range(n):
        a = 2 * math.pi * (k + rng.uniform(-0.3, 0.3)) / n
        r = rng.uniform(0.75, 0.98)
        points.append((cx + r * rx * math.cos(a), cy + r * ry * math.sin(a)))
    return ring(points)


def write_csv(path, data):
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter=";")  # quotes a field with ; " or a line break
        out.writerow(HEADER)
        for gm, town, wijken in data:
            for wk, wname, _, buurten in wijken:
                out.writerows([gm, town, wk, wname, bu, bname] for bu, bname in buurten)


def features(data, seed):
    """Every wijk, then every buurt (as the two PDOK layers), each a Feature as compact JSON.
    Each outline has its own generator, seeded by its code: --only changes none of them."""
    def feature(values, outline):
        return json.dumps({"type": "Feature", "properties": dict(zip(HEADER, values)),
                           "geometry": {"type": "Polygon", "coordinates": outline}},
                          ensure_ascii=False, separators=(",", ":"))

    for gm, town, wijken in data:
        for wk, wname, rect, _ in wijken:
            yield feature([gm, town, wk, wname], wijk_outline(random.Random(f"{seed}:{wk}"), rect))
    for gm, town, wijken in data:
        for wk, wname, rect, buurten in wijken:
            cells = split(shrink(rect, 0.04), len(buurten), 0.0)  # inside the wijk's outline
            for (bu, bname), cell in zip(buurten, cells):
                outline = buurt_outline(random.Random(f"{seed}:{bu}"), cell)
                yield feature([gm, town, wk, wname, bu, bname], outline)


def write_geojson(path, data, seed):
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","features":[')
        for i, feature in enumerate(features(data, seed)):
            f.write("," + feature if i else feature)
        f.write("]}\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--format", choices=["csv", "geojson"], required=True)
    p.add_argument("--out", required=True, help="file to write")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--municipalities", type=int, default=342)
    p.add_argument("--districts", type=int, default=3300)
    p.add_argument("--neighbourhoods", type=int, default=14000)
    p.add_argument("--only", metavar="GMxxxx", help="write this municipality only")
    args = p.parse_args()
    m, d, n = args.municipalities, args.districts, args.neighbourhoods
    for name, value, low, high in (("municipalities", m, 1, 1999), ("districts", d, m, 99 * m),
                                   ("neighbourhoods", n, d, 100 * d)):
        if not low <= value <= high:
            p.error(f"--{name} must be in {low}..{high} (each municipality 1..99 districts, "
                    "each district 1..100 neighbourhoods)")
    if args.only and not re.fullmatch(r"GM\d{4}", args.only.upper()):
        p.error("--only takes a municipality code such as GM0363")

    start = time.perf_counter()
    data = generate(args)
    if args.only:
        chosen = [g for g in data if g[0] == args.only.upper()]
        if not chosen:
            largest = sorted(data, key=lambda g: -sum(len(w[3]) for w in g[2]))[:3]
            p.error(f"{args.only} is not among the generated municipalities; "
                    f"the largest are {', '.join(g[0] for g in largest)}")
        data = chosen
    if args.format == "csv":
        write_csv(args.out, data)
    else:
        write_geojson(args.out, data, args.seed)
    wijken = [w for g in data for w in g[2]]
    print(f"gen_cbs_areas: {len(data)} municipalities, {len(wijken)} districts, "
          f"{sum(len(w[3]) for w in wijken)} neighbourhoods -> {args.out} "
          f"({args.format}, {os.path.getsize(args.out) / 1e6:.1f} MB) "
          f"in {time.perf_counter() - start:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
