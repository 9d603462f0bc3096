"""``python -m reportcheck``."""

from reportcheck.cli import main

main()
