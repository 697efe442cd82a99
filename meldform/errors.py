"""Exit codes and the one exception type that means 'the user asked for something impossible'."""

from __future__ import annotations

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A usage problem (unknown sector, output not writable, ...): one line, exit 2."""
