"""Observes the Decide reference's cut check (shared by the exchange-diff scripts).

The reference (../shared/peers/decide, GPL-3.0) is imported and run unmodified; `observe()` wraps
its `AbstractExchangeActor.check_nbs` at runtime and classifies each call where the outcome the
supplier's demander sees, before the move (`nbs_0`), lies within 1e-9 of the demander's position:

  short  the outcome is short of the demander by at most 1e-20 (Decimal rounding: 28 digits leave
         an outcome that a previous cut landed on the demander ~1e-26 short of it) and the move
         passes the demander, so the check takes its cut branch and cuts the move to ~nothing
         (is_move_valid then drops the exchange: |move| <= 1e-10)
  exact  on the demander: not cut (both tests of the check hold with equality)
  past   beyond the demander: not cut
  near   short by more than 1e-20 (a real gap, not rounding) or not passing it: reported only

In exact arithmetic a `short` outcome is on the demander, where the reference's own rule does not
cut (docs/models/exchange.md, rule decimal-leak).
"""
import sys
from decimal import Decimal
from pathlib import Path

ROUNDING = Decimal("1e-20")
WINDOW = Decimal("1e-9")
KINDS = ("short", "exact", "past", "near")


def import_reference(reference: Path):
    sys.path[:0] = [str(reference / "vendor"), str(reference)]


def observe(base, log):
    """Wraps base.AbstractExchangeActor.check_nbs; appends each boundary decision's kind to log()."""
    checked = base.AbstractExchangeActor.check_nbs

    def observed_check(actor):
        moved_to = actor.y
        checked(actor)
        # nbs_0 (the outcome with the supplier where it stands) is set by the check and kept; its
        # nbs_1 is recomputed after a cut, so the outcome it decided on is computed again here
        # from the position the move went to (only near a demander: rare, and pure).
        before, demander = actor.nbs_0, actor.opposite_actor.demand.position
        if abs(demander - before) >= WINDOW:
            return
        after = actor.adjust_nbs(moved_to)
        if before == after:
            return
        cut = not ((demander - before) >= 0 and (demander - after) >= 0) and not ((demander - before) <= 0 and (demander - after) <= 0)
        ahead = (demander - before) if after > before else (before - demander)
        if ahead == 0:
            kind = "exact"
        elif ahead < 0:
            kind = "past"
        elif cut and ahead <= ROUNDING:
            kind = "short"
        else:
            kind = "near"
        log(kind)

    base.AbstractExchangeActor.check_nbs = observed_check
