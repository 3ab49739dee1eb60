"""Numbers on the command line: an argparse type that converts the text and insists on a range,
shared by the commands (train, export) so that a bad number is said the same way everywhere."""

from __future__ import annotations

import argparse


def number(convert, ok, requirement: str):
    """An argparse type: ``convert`` the text, then insist on ``ok`` (NaN fails every test)."""
    def parse(text: str):
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not ok(value):
            raise argparse.ArgumentTypeError(f"must be {requirement}, not {text}")
        return value
    return parse
