"""The application layer: the command line, QApplication and the main window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    """``bpstudio train|classify …`` runs in the terminal; anything else starts the app."""
    from .cli import COMMANDS, build_gui_parser, run_terminal_command

    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS:
        sys.exit(run_terminal_command(argv))
    args = build_gui_parser().parse_args(argv)
    if args.install_desktop or args.uninstall_desktop:
        from .desktop import run_desktop_command

        sys.exit(run_desktop_command(add=args.install_desktop))
    from .gui import run_gui

    sys.exit(run_gui(args))
