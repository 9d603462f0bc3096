"""reportcheck: validate China's government information-disclosure annual reports.

The library API lives in :mod:`reportcheck.api`; ``import reportcheck`` stays light so that
the command line starts fast.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
