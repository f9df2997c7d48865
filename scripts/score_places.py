"""Score the gazetteer on the development set: placed, unknown, placed wrongly.

Each page of ``/work/devset/pages`` is parsed with :mod:`wardtui.corpus` and
settled and placed as the sync stores it (:func:`wardtui.places.settle.settle`:
the whole page text as evidence, the file's origin read from its path and any
address line). ``--layout mirror`` first copies each page to
``<tmp>/<host>/<url path>.txt`` from the truth's ``url`` (see
``score_devset.py``), so the origin counts. A placement is
*wrong* when its province is not the truth's (compared by code in the list the
article was placed in, so ``TP. Hồ Chí Minh`` and ``Hồ Chí Minh`` agree, and so do
``Bình Phước`` and ``Đồng Nai``, which absorbed it, when the parser's date and the
truth's put the article in different lists), or when
both name a district and the truth's is neither the placed district nor one of
its former names (``Cửa Lò`` lies in ``Thành phố Vinh`` since 2025).

Usage: python scripts/score_places.py [--pages DIR] [--truth FILE ...] [-v] [--body-only]
                                      [--layout flat|mirror]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from wardtui.corpus import Skipped, decode_bytes, parse_file
from wardtui.places import Placement, gazetteer, place, place_article, place_label
from wardtui.places.settle import settle
from wardtui.vntext import fold

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_devset import development_truth, mirror  # noqa: E402


def _province_codes(era: str, name: str) -> set[str]:
    """Codes in ``era``'s list of the province called ``name`` in either list: when the
    parser's date and the truth's disagree on the list, a province and the one that
    absorbed it in July 2025 are the same place."""
    gaz = gazetteer()
    old, new = gaz.province_codes("old", name), gaz.province_codes("new", name)
    if era == "new":
        return {*new, *(gaz.absorbed_by(code) for code in old)}
    return {*old, *(code for code in gaz.provinces["old"] if gaz.absorbed_by(code) in new)}


def _verdict(truth: dict[str, str | None], placement: Placement) -> str | None:
    """Why a placement disagrees with the truth, or ``None``."""
    gaz = gazetteer()
    era = placement.era or "old"
    codes = (placement.place_code or "").split("-")
    province = truth.get("province")
    if province and codes[0] not in _province_codes(era, province):
        return f"province {province!r}"
    district = truth.get("district")
    if era == "old" and district and codes[1] not in gaz.district_codes(district):
        return f"district {district!r}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=Path("/work/devset/pages"))
    parser.add_argument("--truth", type=Path, nargs="*")
    parser.add_argument(
        "--body-only", action="store_true", help="evidence: the parsed article only"
    )
    parser.add_argument(
        "--truth-ward", action="store_true", help="place the truth's ward, not the parsed one"
    )
    parser.add_argument("--layout", choices=("flat", "mirror"), default="flat")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    truth_files = args.truth or development_truth()
    rows = [
        json.loads(line) for f in truth_files for line in f.open(encoding="utf-8") if line.strip()
    ]
    if args.layout == "mirror":
        with tempfile.TemporaryDirectory(prefix="devset-mirror-") as tmp:
            return _score(args, rows, mirror(args.pages, rows, Path(tmp)))
    return _score(args, rows, {})


def _score(args: argparse.Namespace, rows: list[dict[str, str]], paths: dict[str, Path]) -> int:
    counts = {"placed": 0, "unknown": 0, "wrong": 0, "skipped": 0, "ward differs": 0}
    elapsed = 0.0
    gazetteer()  # load outside the timing
    for row in rows:
        path = paths.get(row["file"], args.pages / row["file"])
        try:
            article = parse_file(path)
        except Skipped as error:
            counts["skipped"] += 1
            print(f"{row['file']}: skipped ({error.reason})")
            continue
        furniture = [] if args.body_only else [decode_bytes(path.read_bytes()).text]
        start = time.perf_counter()
        if args.truth_ward:
            evidence = [*furniture, article.title, article.author or "", article.body]
            placement = place(row["ward"], row["unit"], article.date, evidence)
            ward, unit = row["ward"], row["unit"]
        elif args.body_only:
            placement = place_article(article, furniture)
            ward, unit = article.ward, article.unit
        else:
            article, placement = settle(article, furniture[0])
            ward, unit = article.ward, article.unit
        elapsed += time.perf_counter() - start
        if ward and row["ward"] and fold(ward) != fold(row["ward"]):
            counts["ward differs"] += 1
        label = place_label(ward, unit, placement)
        if not placement.placed or placement.place_code is None or placement.era is None:
            counts["unknown"] += 1
            if args.verbose:
                where = f"{row['ward']}, {row['district']}, {row['province']}"
                print(f"{row['file']}: unknown  {label}  [truth {where}]")
            continue
        why = _verdict(row, placement)
        if why:
            counts["wrong"] += 1
            how = placement.place_confidence
            print(f"{row['file']}: WRONG {why}: {label} ({how})  [truth ward {row['ward']}]")
        else:
            counts["placed"] += 1
            if args.verbose:
                print(f"{row['file']}: placed  {label} ({placement.place_confidence})")
    total = len(rows)
    print(
        f"{total} pages: {counts['placed']} placed right, {counts['unknown']} unknown, "
        f"{counts['wrong']} placed wrongly, {counts['skipped']} skipped "
        f"({counts['ward differs']} with a parsed ward other than the truth's); "
        f"placing: {elapsed / max(1, total) * 1000:.2f} ms per article"
    )
    return 1 if counts["wrong"] else 0


if __name__ == "__main__":
    sys.exit(main())
