"""Writes the request paths of the registry benchmarks from the shipped seed files (one path per line)."""
import csv
import random
import sys
import unicodedata
import urllib.parse

seed, out = sys.argv[1], sys.argv[2]
random.seed(20251)


def rows(name):
    with open(f"{seed}/{name}", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def fold(text):
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in text if unicodedata.category(c) != "Mn").lower()


u24, u25 = rows("units_2024.csv"), rows("units_2025.csv")

with open(f"{out}/unit.txt", "w") as f:
    for r in random.sample(u24, 3000):
        f.write(f"/api/units/{r['code']}?asOf=2025-06-30\n")
    for r in random.sample(u25, 2000):
        f.write(f"/api/units/{r['code']}?asOf=2025-07-01\n")

with open(f"{out}/children.txt", "w") as f:
    for r in u25:
        if r["level"] == "province":
            f.write(f"/api/units/{r['code']}/children?asOf=2025-07-01\n")
    for r in u24:
        if r["level"] == "province":
            f.write(f"/api/units/{r['code']}/children?asOf=2025-06-30\n")

prefixes = ("thành phố ", "thị trấn ", "đặc khu ", "phường ", "thị xã ", "huyện ", "quận ", "tỉnh ", "xã ")
with open(f"{out}/search.txt", "w") as f:
    for r in random.sample(u24 + u25, 4000):
        name = r["name"]
        bare = name
        for p in prefixes:
            if name.lower().startswith(p):
                bare = name[len(p):]
                break
        # Half typed without diacritics, half as written; every version searched (no asOf).
        q = fold(bare) if random.random() < 0.5 else bare
        f.write("/api/units?q=" + urllib.parse.quote(q) + "\n")
