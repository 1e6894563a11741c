#!/usr/bin/env python3
"""Where Parley and the Decide reference part, and the reference's boundary decisions before it.

  tools/exchange-diff-boundary.py FILE [ROUNDS]

Runs the reference (../shared/peers/decide beside the repository, unmodified, tie seed 1) on a
Decide file, recording each realised exchange and each time its cut check meets an outcome
within 1e-9 of the demander, classified as the harness does (tools/decide_observed.py): "short"
(its Decimal left the outcome at most 1e-20 short of the demander: the move is cut to nothing),
"exact" (on it: not cut), "past" (not cut) or "near" (a real gap). Then runs Parley's trace
(tools/exchange-diff trace) with boundary=reached and boundary=short and prints, for each, the
round and exchange where its sequence first differs from the reference's (and whether that is
before or after the reference's first short cut), with the reference's boundary decisions in that
round before it (docs/models/exchange.md, rules decimal-leak and decimal-boundary).
The reference is GPL-3.0: this script imports and runs it, and wraps its cut check to observe it.
"""
import random, re, subprocess, sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

root = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(root / "tools"))
import decide_observed  # noqa: E402

decide_observed.import_reference(root.parent / "shared" / "peers" / "decide")
from decide.data.reader import InputDataFile  # noqa: E402
from decide.data.modelfactory import ModelFactory  # noqa: E402
from decide.model import base, equalgain  # noqa: E402
from decide.model.observers.observer import Observable, Observer  # noqa: E402
from decide.model.utils import ModelLoop  # noqa: E402

path, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10
random.seed(1)
model = ModelFactory(InputDataFile.open(Path(path)))(model_klass=equalgain.EqualGainModel, randomized_value=Decimal(0))
events = Observable(model_ref=model, output_directory=Path("."))
realised, boundary = [], []


def pair(a, b):
    return tuple(sorted([a, b]))


class Recorder(Observer):
    def execute_exchange(self, exchange):
        realised[-1].append(pair((exchange.i.actor.name, exchange.i.supply.issue.name), (exchange.j.actor.name, exchange.j.supply.issue.name)))


decide_observed.observe(base, lambda kind: boundary.append((len(realised), len(realised[-1]), kind)))
Recorder(events)
loop = ModelLoop(model, events, 0)
for _ in range(rounds):
    realised.append([])
    loop.loop()


def parse(text):
    result = []
    for line in text.splitlines():
        if line.startswith("round"):
            result.append([])
        elif (m := re.match(r"\s+\d+ (\S+) (\S+) .*?\| (\S+) (\S+) ", line)) and result:
            result[-1].append(pair((m.group(1), m.group(2)), (m.group(3), m.group(4))))
    return result


shorts = [(r, n + 1) for r, n, kind in boundary if kind == "short"]
first = f"round {shorts[0][0]}, while choosing exchange {shorts[0][1]}" if shorts else "none"
print(f"{Path(path).stem}: reference boundary decisions {dict(Counter(kind for _, _, kind in boundary))}; first short cut (rule decimal-leak): {first}")
for reading in ("reached", "short"):
    trace = subprocess.run([str(root / "tools" / "exchange-diff"), "trace", path, str(rounds), "0", "0", "order", reading], capture_output=True, text=True, check=True).stdout
    parts = "identical to the reference"
    for number, (ours, theirs) in enumerate(zip(realised, parse(trace)), start=1):
        if ours != theirs:
            k = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
            before = Counter(kind for r, n, kind in boundary if r == number and n <= k)
            after = "after" if shorts and (number, k + 1) >= shorts[0] else "before"
            parts = f"parts in round {number} at exchange {k + 1} ({after} the first short cut); the reference's boundary decisions in that round before it: {dict(before)}"
            break
    print(f"  Parley, boundary={reading}: {parts}")
