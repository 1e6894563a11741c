#!/usr/bin/python3
"""Runs the Decide reference on one data set, as its own run script does, observing its cut check.

  tools/exchange-diff-reference.py INPUT [-i ROUNDS] [--seed S] [--p P] [--out FILE] [--reference DIR]

The reference (../shared/peers/decide beside the repository, GPL-3.0) is imported and run
unmodified: equal gain, seeded tie coin (Python's random), REX value p. The JSON is the run
script's (per round the voting outcome of each issue and the weighted mean of preferences after
the update, exchanges per round) plus "boundary": per round, how many of the reference's cut
checks met an outcome on (or 1e-9 near) the demander, by kind (tools/decide_observed.py). The
harness's rule decimal-leak reads "short" (docs/models/exchange.md). Wrapping the check only reads
the two outcomes the check computes itself, so the run's results are those of the run script.
"""
import argparse, json, random, subprocess, sys, time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import decide_observed  # noqa: E402

ap = argparse.ArgumentParser(description=__doc__)
ap.add_argument("input")
ap.add_argument("-i", "--iterations", type=int, default=10)
ap.add_argument("--seed", type=int, default=0)
ap.add_argument("--p", type=str, default="0")
ap.add_argument("--out")
ap.add_argument("--reference", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "peers" / "decide"))
a = ap.parse_args()
reference = Path(a.reference)
try:
    import typer, structlog, peewee  # noqa: F401,E401 (the reference's dependencies)
except ImportError:
    # The reference's own run script installs its Debian dependencies on first use.
    subprocess.run([str(reference / "run"), "--help"], stdout=subprocess.DEVNULL, check=True)

decide_observed.import_reference(reference)
from decide.data.reader import InputDataFile  # noqa: E402
from decide.data.modelfactory import ModelFactory  # noqa: E402
from decide.model import base, equalgain  # noqa: E402
from decide.model.observers.observer import Observable, Observer  # noqa: E402
from decide.model.utils import ModelLoop  # noqa: E402

t0, c0 = time.perf_counter(), time.process_time()
random.seed(a.seed)
model = ModelFactory(InputDataFile.open(Path(a.input)))(model_klass=equalgain.EqualGainModel, randomized_value=Decimal(a.p))
events = Observable(model_ref=model, output_directory=Path("."))
counts, boundary = [], []
decide_observed.observe(base, lambda kind: boundary[-1].__setitem__(kind, boundary[-1][kind] + 1))


class Count(Observer):
    def after_loop(self, realized, iteration, repetition):
        counts.append(len(realized))


Count(events)
loop = ModelLoop(model, events, 0)
rounds = []
for _ in range(a.iterations):
    boundary.append(dict.fromkeys(decide_observed.KINDS, 0))
    loop.loop()
    voting = {i.name: float(i.de_normalize(model.nbs[i])) for i in model.issues.values()}
    model.calc_nbs()
    preference = {i.name: float(i.de_normalize(model.nbs[i])) for i in model.issues.values()}
    rounds.append({"voting": voting, "preference": preference})

text = json.dumps({"input": Path(a.input).name, "seed": a.seed, "p": a.p, "iterations": a.iterations,
                   "exchanges_per_round": counts, "rounds": rounds, "boundary": boundary,
                   "model_wall_s": time.perf_counter() - t0, "model_cpu_s": time.process_time() - c0}, indent=1)
if a.out:
    Path(a.out).write_text(text)
else:
    print(text)
