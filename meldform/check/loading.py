"""Reading a melding from a JSON or YAML file (or stdin) into plain data.

YAML is read with the YAML 1.2 core schema: PyYAML's loaders speak YAML 1.1, which turns
``yes`` into a boolean, ``010`` into octal, ``8:30`` into a sexagesimal number and an unquoted
date into a ``datetime.date``. ``CoreLoader`` replaces those resolvers, so a date stays a string
and a value that must be text but was written as a number is caught by the schema (with a hint
to quote it). Duplicate keys are an error in both formats: silently keeping one of two values
would lose data.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from meldform.errors import EXIT_INVALID, MeldformError
from meldform.texts import pick
from meldform.texts.findings import FINDING_WORDS, LOAD_REASONS

STDIN = "-"
YAML_SUFFIXES = (".yaml", ".yml")
MAX_BYTES = 10 * 1024 * 1024


class LoadError(MeldformError):
    """The file could not be read as a melding.

    ``reason`` is a key of the catalogue ``meldform.texts.findings.LOAD_REASONS``; the text
    never contains the file's content.
    """

    exit_code = EXIT_INVALID

    def __init__(self, reason: str, line: int | None = None, column: int | None = None, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.column = column
        self.detail = detail

    def message(self, lang: str = "nl") -> str:
        return load_error_text(self.reason, lang, self.line, self.column, self.detail)

    def __str__(self) -> str:
        return self.message()


def load_error_text(reason: str, lang: str, line: int | None = None, column: int | None = None, detail: str = "") -> str:
    """Why a file is no melding, with the place in it ('geen geldige JSON (regel 3, kolom 7)')."""
    text = pick(LOAD_REASONS, reason if reason in LOAD_REASONS else "os_fout", lang)
    if detail:
        text = f"{text} ({detail})"
    if line is not None:
        text += f" ({pick(FINDING_WORDS, 'regel', lang)} {line}"
        text += f", {pick(FINDING_WORDS, 'kolom', lang)} {column})" if column is not None else ")"
    return text


@dataclass(frozen=True)
class Loaded:
    data: Any
    is_yaml: bool


MAX_EXPANDED_NODES = 200_000  # a melding has a few hundred; aliases may not multiply that


class CoreLoader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core schema resolvers, no duplicate keys and safe aliases.

    Aliases (``&adres`` … ``*adres``) are allowed, e.g. to reuse an address, but the composed
    document is measured before anything is constructed: a value that contains itself, or one
    that aliases expand past ``MAX_EXPANDED_NODES`` ("billion laughs"), is refused.
    """

    def construct_document(self, node: yaml.Node) -> Any:
        _check_expansion(node)
        return super().construct_document(node)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_expansion(root: yaml.Node) -> None:
    """Expanded size of the node graph (memoised per node, so linear) and no cycles."""
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            in_progress.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[key] > MAX_EXPANDED_NODES:
                raise yaml.constructor.ConstructorError(None, None, "yaml_te_groot", node.start_mark)
            continue
        if key in sizes:
            continue
        if key in in_progress:
            raise yaml.constructor.ConstructorError(None, None, "yaml_lus", node.start_mark)
        in_progress.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in in_progress:
                raise yaml.constructor.ConstructorError(None, None, "yaml_lus", child.start_mark)
            if id(child) not in sizes:
                stack.append((child, False))


CoreLoader.yaml_implicit_resolvers = {}
# (tag, pattern, first characters); "" is how PyYAML looks up an empty scalar (``key:``).
_CORE_RESOLVERS: list[tuple[str, str, list[str]]] = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+0123456789."),
    ),
]
for _tag, _pattern, _first in _CORE_RESOLVERS:
    CoreLoader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _construct_int(loader: CoreLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _construct_mapping(loader: CoreLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(None, None, "sleutel_geen_tekst", key_node.start_mark)
        if key in mapping:
            raise yaml.constructor.ConstructorError(None, None, "dubbele_sleutel", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


CoreLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
CoreLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # in C; a key given twice makes the dict shorter than the pairs
    if len(result) != len(pairs):
        raise LoadError("dubbele_sleutel")
    return result


def _reject_constant(name: str) -> Any:
    raise LoadError("geen_json_waarde")


def parse_text(text: str, is_yaml: bool) -> Any:
    """Parse ``text`` as YAML (1.2 core) or JSON; raise ``LoadError`` with a Dutch message."""
    if is_yaml:
        try:
            return yaml.load(text, Loader=CoreLoader)  # noqa: S506 - CoreLoader is a SafeLoader
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            reason = "yaml"
            if isinstance(exc, yaml.constructor.ConstructorError) and exc.problem in ("dubbele_sleutel", "sleutel_geen_tekst", "yaml_lus", "yaml_te_groot"):
                reason = exc.problem
            return _raise_at(reason, mark)
        except yaml.YAMLError:
            raise LoadError("yaml") from None
        except RecursionError:
            raise LoadError("te_diep") from None
    try:
        return json.loads(text, object_pairs_hook=_json_object, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise LoadError("json", exc.lineno, exc.colno) from None
    except RecursionError:
        raise LoadError("te_diep") from None


def _raise_at(reason: str, mark: Any) -> Any:
    if mark is None:
        raise LoadError(reason)
    raise LoadError(reason, mark.line + 1, mark.column + 1)


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError("geen_utf8", line) from None


def read_bytes(path: str, limit: int = MAX_BYTES) -> bytes:
    """The raw bytes of ``path`` (``-`` is stdin), at most ``limit`` + 1 of them."""
    if path == STDIN:
        return sys.stdin.buffer.read(limit + 1)
    file = Path(path)
    try:
        if file.is_dir():
            raise LoadError("map")
        with file.open("rb") as handle:
            return handle.read(limit + 1)
    except FileNotFoundError:
        raise LoadError("niet_gevonden") from None
    except PermissionError:
        raise LoadError("geen_leesrechten") from None
    except OSError as exc:
        raise LoadError("os_fout", detail=exc.strerror or "") from None


def is_yaml_path(path: str) -> bool:
    return Path(path).suffix.lower() in YAML_SUFFIXES


def parse_bytes(raw: bytes, is_yaml: bool | None) -> Any:
    """Decode and parse a document; ``is_yaml=None`` sniffs (JSON starts with ``{`` or ``[``)."""
    if len(raw) > MAX_BYTES:
        raise LoadError("te_groot")
    text = _decode(raw)
    if not text.strip():
        raise LoadError("leeg")
    if is_yaml is None:
        is_yaml = not text.lstrip().startswith(("{", "["))
    data = parse_text(text, is_yaml)
    if is_yaml:
        _check_plain(data)
    return data


def load_document(path: str) -> Loaded:
    """Read ``path`` (or stdin for ``-``). YAML is chosen by the file suffix; stdin is sniffed."""
    raw = read_bytes(path)
    if path == STDIN:
        text = _decode(raw)
        is_yaml = not text.lstrip().startswith(("{", "["))
    else:
        is_yaml = is_yaml_path(path)
    return Loaded(parse_bytes(raw, is_yaml), is_yaml)


def _check_plain(value: Any) -> None:
    """YAML tags such as ``!!binary`` or ``!!set`` make values JSON cannot hold: refuse them."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif item is not None and not isinstance(item, (str, bool, int, float)):
            raise LoadError("yaml_waarde")
