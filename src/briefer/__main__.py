"""``python -m briefer`` runs the command line."""

from .cli import main

main()
