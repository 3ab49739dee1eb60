"""The application layer: the command line, QApplication and the main window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    """``bpstudio``: a sub-command runs in the terminal; none starts the app."""
    from .cli import build_parser, run_command

    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.command:
        sys.exit(run_command(args))
    from .gui import run_gui

    sys.exit(run_gui(args))
