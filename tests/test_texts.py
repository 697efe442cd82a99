"""Every text a user reads lives in ``meldform.texts``: no other module defines one.

The check reads the source of every module outside ``meldform/texts/`` and fails on

- a catalogue: a dict (or ``dict(...)``) with a language key (``"nl"``, ``"en"``);
- a string that reads like a sentence: three or more words, or two words one of which is a common
  Dutch or English function word ("bestaat al", "geen map"), f-strings counted with their literal
  parts.

Not counted: docstrings and comments (developer documentation; but the docstring of a click
command is its ``--help`` and counts), and the message of a built-in
exception (``raise ValueError(...)``: a bug report for a developer, which the command line never
shows: it prints the exception's type only). A short label of one word cannot be told from an
identifier by reading the source; for those the catalogue test and review remain.
"""

from __future__ import annotations

import ast
import builtins
import re
from collections.abc import Iterator
from pathlib import Path

import meldform
from meldform.texts import LANGS

PACKAGE = Path(meldform.__file__).resolve().parent

# TEMPORARY: being moved in parallel (issue 9) into texts/batch.py and texts/forms_docx.py, or split.
BEING_MOVED = frozenset(
    {
        "output.py",
    }
)

# Strings that read like prose but are no user text (module, text with ``{}`` for a placeholder).
NOT_USER_TEXT = frozenset(
    {
        # the message of jsonschema's error object; the finding is worded from the keyword instead
        ("check/reference.py", "does not match {}"),
    }
)

# a word: letters (a hyphenated compound counts once), maybe quoted or followed by punctuation
WORD = re.compile(r"[(\"'‘«]*[^\W\d_]{2,}(?:-[^\W\d_]+)*[)\"'’».,;:!?]*")
FUNCTION_WORDS = frozenset(
    "de het een niet geen is zijn van voor met en of al uit naar bij op te dit deze the a an not no to for and or are already cannot".split()
)
BUILTIN_EXCEPTIONS = frozenset(name for name, value in vars(builtins).items() if isinstance(value, type) and issubclass(value, BaseException))


def reads_like_prose(text: str) -> bool:
    words = [token.strip("(\"'‘«)’».,;:!?") for token in text.split() if WORD.fullmatch(token)]
    return len(words) >= 3 or (len(words) == 2 and any(w.lower() in FUNCTION_WORDS for w in words))


def _is_command(node: ast.AST) -> bool:
    """A click command or group: its docstring is its ``--help`` text, which a user reads."""
    decorators = getattr(node, "decorator_list", [])
    for decorator in decorators:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute | ast.Name) and (target.attr if isinstance(target, ast.Attribute) else target.id) in ("command", "group"):
            return True
    return False


def _ignored_nodes(tree: ast.AST) -> set[int]:
    """Docstrings, the literal parts of f-strings (judged as a whole), built-in exceptions' and assertions' messages.

    An assertion states an invariant for a developer; if it ever fails, a person sees only the CLI's
    "interne fout" line, never its message.
    """
    ignored: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body and not _is_command(node):
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                ignored.add(id(first.value))
        elif isinstance(node, ast.JoinedStr):
            ignored.update(id(part) for part in node.values)
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            if isinstance(func, ast.Name) and func.id in BUILTIN_EXCEPTIONS:
                ignored.update(id(sub) for arg in node.exc.args for sub in ast.walk(arg))
        elif isinstance(node, ast.Assert) and node.msg is not None:
            ignored.update(id(sub) for sub in ast.walk(node.msg))
    return ignored


def user_texts(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of every catalogue and every prose-like string in ``source``."""
    tree = ast.parse(source)
    ignored = _ignored_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if keys & set(LANGS):
                yield node.lineno, "a catalogue {" + ", ".join(sorted(str(k) for k in keys & set(LANGS))) + ": ...}"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
            if {k.arg for k in node.keywords} & set(LANGS):
                yield node.lineno, "a catalogue dict(nl=..., en=...)"
        if id(node) in ignored:
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(part.value if isinstance(part, ast.Constant) and isinstance(part.value, str) else "{}" for part in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if reads_like_prose(text):
            yield node.lineno, text


def test_no_user_text_outside_texts() -> None:
    found = []
    checked = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("texts/") or relative in BEING_MOVED:
            continue
        checked += 1
        for line, text in user_texts(path.read_text(encoding="utf-8")):
            if (relative, text) not in NOT_USER_TEXT:
                found.append(f"meldform/{relative}:{line}: {text!r}")
    assert checked > 30
    assert not found, "user texts outside meldform/texts/ (move them to a catalogue there):\n" + "\n".join(found)


def test_the_allow_list_has_no_stale_entries() -> None:
    for relative, text in NOT_USER_TEXT:
        assert text in {t for _, t in user_texts((PACKAGE / relative).read_text(encoding="utf-8"))}, (relative, text)


def test_the_check_finds_what_it_must() -> None:
    source = '''
"""A module docstring is documentation, not a user text."""
import click

WORDS = {"klaar": {"nl": "Klaar", "en": "Done"}}
OTHER = dict(nl="Ja", en="Yes")


def run(path, err):
    """So is a function's docstring."""
    err.write(f"{path}: bestaat al")
    click.echo("meldform: het bestand kan niet worden gelezen")
    if not path:
        raise ValueError("a path must be given here")  # a developer's message
    return "select", "data-kind", "text/html; charset=utf-8", "x y"


@main.command()
def sectors():
    """Toon de sectoren: sleutel en label."""
'''
    found = dict(user_texts(source))
    assert sorted(found.values()) == sorted(
        [
            "a catalogue {en, nl: ...}",
            "a catalogue dict(nl=..., en=...)",
            "{}: bestaat al",
            "meldform: het bestand kan niet worden gelezen",
            "Toon de sectoren: sleutel en label.",
        ]
    )


def test_prose_heuristic() -> None:
    assert reads_like_prose("uitvoermap is niet beschrijfbaar")
    assert reads_like_prose("geen map")
    assert reads_like_prose("already exists")
    assert not reads_like_prose("afgebroken")  # one word: out of reach of the heuristic (see the docstring)
    assert not reads_like_prose("text/html")
    assert not reads_like_prose("Heading 1")
    assert not reads_like_prose(" — ")
    assert not reads_like_prose("text/html; charset=utf-8")
    assert reads_like_prose("Kies een antwoord.")
    assert reads_like_prose("'{}' is gereserveerd; kies een andere aanduiding.")
