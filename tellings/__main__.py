"""`python -m tellings` runs the command line."""

from .cli import main

main()
