"""How a number is written in messages and machine output.

Below the cell reader (:mod:`reportcheck.model.values`) and the findings, which both write
numbers; it imports nothing of reportcheck.
"""

from __future__ import annotations

from decimal import Decimal

MAX_ZEROS = 20
"""Zeros a number is written with beyond its own digits (``0.000…01``, ``1000…0``): past
this it is written in scientific notation (``1E-999999``), so that printing a value costs
no more than its digits (issue 21)."""


def plain(value: Decimal) -> str:
    """``value`` without an exponent (``0.05``, ``1200``), unless that takes more than
    :data:`MAX_ZEROS` zeros before or after its digits: then ``1E-999999``."""
    if value.is_finite():
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        if exponent > MAX_ZEROS or value.adjusted() < -MAX_ZEROS:  # trailing, leading zeros
            return format(value, "E")
    return format(value, "f")
