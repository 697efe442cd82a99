"""Exit codes and the one base of every error meldform reports to a person.

Each ``MeldformError`` carries the exit code it means (cli.md: 1 a bad document, 2 a usage
error) and says what is wrong in one line, in the reader's language, without quoting the
document: the CLI's one error handler prints that line and exits with that code.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE (sysexits.h): a bug in meldform, never the user's fault
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


class MeldformError(Exception):
    """Something the user can act on; ``message(lang)`` is one line, ``exit_code`` its status."""

    exit_code: int = EXIT_USAGE

    def message(self, lang: str = "nl") -> str:
        return str(self)


class UsageError(MeldformError):
    """A usage problem (unknown sector, output not writable, ...): one line, exit 2."""

    exit_code = EXIT_USAGE
