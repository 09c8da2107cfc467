"""``kiosk check``: find what is wrong or hard to read in content before a patient does.

- :mod:`~kiosk.checker.check` runs the checks and returns a :class:`Report`;
- :mod:`~kiosk.checker.parity` compares the languages of each topic;
- :mod:`~kiosk.checker.plain_language` and :mod:`~kiosk.checker.readability` judge the text;
- :mod:`~kiosk.checker.terms` knows the medical words a glossary should explain;
- :mod:`~kiosk.checker.layout` lays pages out offscreen (Qt, imported only when needed);
- :mod:`~kiosk.checker.report` prints findings; :mod:`~kiosk.checker.cli` is the command.
"""

from kiosk.checker.check import Options, check
from kiosk.checker.plain_language import Limits
from kiosk.checker.report import Finding, Report

__all__ = ["Finding", "Limits", "Options", "Report", "check"]
