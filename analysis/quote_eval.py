"""Kept for notebook 03 and older imports: the scorers now live in :mod:`analysis.quotes.evaluate`."""
from __future__ import annotations

from .quotes.evaluate import *  # noqa: F401,F403
from .quotes.evaluate import __all__  # noqa: F401
