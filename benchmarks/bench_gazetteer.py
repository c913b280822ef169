"""Speed of the gazetteer: loading `Gazetteer.default()`, `find` over prose, `resolve`.

The prose is generated: sentences of common English words with capitalised openers,
names from the gazetteer (camps, forces, people, world cities), unknown capitalised
names, years and numbers, in about the proportions of news reports. Files given with
--file are measured too, as they are. Every figure is the median of --runs runs.

    python benchmarks/bench_gazetteer.py                    # 1,000,000 words, 3 runs
    python benchmarks/bench_gazetteer.py --words 200000 --file ../shared/seeds/*.txt
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

if importlib.util.find_spec("tellings") is None:  # run from a checkout, not installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tellings.extract.gazetteer import Gazetteer, normalise

_COMMON = """the of and to in a that for on with as was by at from it were had said
have has been their which after its they would more than about into over two three
who also when there not but some many other people were residents members camp forces
attack attacks killed wounded report reports government officials security military
city town province border group groups according statement week month year years days
since during under against between while where before later early late last first
second new old large small several dozens hundreds thousands dead injured missing
moved relocated transferred protected refugees asylum rights human international
police army soldiers troops rockets missiles mortar fire shelling siege medical fuel
food water access visit visits delegation mission monitors observers independent
investigation inquiry evidence witnesses accounts sources letter letters agreement
memorandum understanding transfer relocation site sites buildings trailers containers
walls gates checkpoint checkpoints convoy convoys vehicles bus buses route road roads
morning evening night dawn hours minutes officials told reporters journalists press
conference called condemned denied confirmed claimed stated reported announced
warned urged demanded requested refused agreed signed promised failed managed began
continued ended remained became stayed left returned arrived entered raided stormed
opened closed blocked allowed prevented delivered supplied provided sent received
liberty march may china turkey iran iraq us will can could should must might""".split()
_UNKNOWN = """Smith Brown Hassan Karimi Novak Dubois Ortega Lindqvist Okafor Tanaka
Monday Tuesday Sunday However Meanwhile Although Further Earlier Later Despite
Committee Commission Council Ministry Office Report Article Section Annex Chapter
Colonel General Major Captain Sergeant Minister President Ambassador Director Chief
North South East West Northern Southern English French Arabic Persian Kurdish Shia
Sunni Christian Muslim Islamic Western Eastern""".split()


def _prose(words: int, seed: int, gazetteer: Gazetteer) -> str:
    """About `words` words of generated news prose, the same for the same seed."""
    rng = random.Random(seed)
    starter = [e for e in gazetteer if e.source == "starter"]
    world = [e for e in gazetteer if e.source == "geonames"]
    names = [a for e in starter for a in (e.name, *e.aliases)]
    cities = [e.name for e in world]
    out: list[str] = []
    count = 0
    while count < words:
        length = rng.randint(10, 28)
        sentence: list[str] = []
        for i in range(length):
            roll = rng.random()
            if roll < 0.05:
                word = rng.choice(names)
            elif roll < 0.065:
                word = rng.choice(cities)
            elif roll < 0.12:
                word = rng.choice(_UNKNOWN)
            elif roll < 0.14:
                word = str(rng.choice([rng.randint(1980, 2016), rng.randint(2, 3400)]))
            else:
                word = rng.choice(_COMMON)
                if i == 0:
                    word = word.capitalize()
            sentence.append(word + ("," if rng.random() < 0.06 else ""))
        count += sum(len(w.split()) for w in sentence)
        out.append(" ".join(sentence) + ".")
    return " ".join(out)


def _median_seconds(fn: object, runs: int) -> float:
    assert callable(fn)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _cold_load(world: bool) -> float:
    """Seconds for Gazetteer.default() in a fresh interpreter, imports excluded."""
    code = (
        "import time; from tellings.extract.gazetteer import Gazetteer, normalise; "
        f"t = time.perf_counter(); Gazetteer.default(world={world}); "
        "print(time.perf_counter() - t)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    return float(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000, help="words of generated prose")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median shown)")
    parser.add_argument("--file", type=Path, nargs="*", default=[], help="real texts to time")
    args = parser.parse_args()

    print(f"python {platform.python_version()} on {platform.system()} {platform.machine()}")
    cold_world = statistics.median(_cold_load(True) for _ in range(args.runs))
    cold_starter = statistics.median(_cold_load(False) for _ in range(args.runs))
    gazetteer = Gazetteer.default()
    warm = _median_seconds(Gazetteer.default, args.runs)
    keys = len({normalise(a) for e in gazetteer for a in (e.name, *e.aliases)} - {""})
    print(f"Gazetteer.default(): {len(gazetteer):,} entities, {keys:,} normalised aliases")
    print(f"  first call, world=True   {cold_world * 1e3:8.0f} ms")
    print(f"  first call, world=False  {cold_starter * 1e3:8.0f} ms")
    print(f"  later calls (a copy)     {warm * 1e3:8.1f} ms\n")

    texts = {f"generated prose (seed 1), {args.words:,} words": _prose(args.words, 1, gazetteer)}
    for path in args.file:
        texts[str(path)] = path.read_text(encoding="utf-8")
    print(f"{'find() over':<48} {'words':>10} {'mentions':>9} {'time':>9} {'words/s':>12}")
    for name, text in texts.items():
        words = len(text.split())
        mentions = len(gazetteer.find(text))
        seconds = _median_seconds(lambda text=text: gazetteer.find(text), args.runs)
        print(f"{name:<48} {words:>10,} {mentions:>9,} {seconds:>8.3f}s {words / seconds:>12,.0f}")

    queries = ["Kata'eb Hezbollah", "Nuri al-Maliki", "Camp Libertty", "Tahar Boumedrra", "Rajavi"]
    seconds = _median_seconds(lambda: [gazetteer.resolve(q) for q in queries * 20], args.runs)
    print(f"\nresolve(): {seconds / (len(queries) * 20) * 1e3:.2f} ms per name (mostly fuzzy)")


if __name__ == "__main__":
    main()
