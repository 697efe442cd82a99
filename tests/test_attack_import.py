"""Hostile Word files given to ``meldform import`` (issue 10, point 7).

Every attack starts from a real blank form (``meldform blank --format docx``) and changes one
thing: an external entity (XXE) used inside a content control, a parameter entity, an external
DTD, an XInclude, an entity bomb (billion laughs) — in ``word/document.xml``, ``[Content_Types].xml``,
``_rels/.rels`` and ``docProps/custom.xml`` —, zip bombs (a 120 MB part, a part claiming
3 GB, a part lying that it is small, a part nobody reads), nesting too deep, a hidden value nested too deep, two controls
with one tag, unknown tags, and tags and titles with hostile content (``../``, 200 000
characters, line breaks and control characters, bidi controls, ``/__proto__``, a slot far past
the form's, an option of ``__proto__``, thousands of unknown controls).

Each XML or zip attack runs as its own process with a 20 s timeout (no hang; the tag attacks run
in-process through the CLI) and must end in a refusal (exit 1 or
2, no internal error) or clean findings: no traceback, every line on stderr one clean line naming
the file, nothing of ``/etc/passwd`` (``root:``) and nothing a skipped control holds in stdout or
stderr.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attack_surface as surface  # tests/ is on sys.path (pytest's rootdir-relative import)
import pytest
from click.testing import CliRunner

CLI = [sys.executable, "-c", "from meldform.cli import main; main()"]
TIMEOUT = 20  # seconds; an entity or zip bomb that is expanded would take far longer
# Exit codes meaning "refused": 2 today for a file that is no (readable) form, 1 once the importer
# treats a bad document as a bad document (being changed elsewhere); 1 also for findings.
REFUSED = {1, 2}
DOC = "word/document.xml"
DECL = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
SECRET = b"Noor Bakker 123456782"  # what a skipped (duplicate or unknown) control holds: never echoed
KENMERK_SDT = re.compile(rb'<w:sdt><w:sdtPr><w:alias w:val="Kenmerk"/><w:tag w:val="/kenmerk"/>.*?</w:sdt>', re.S)

Change = Callable[[bytes], bytes]


# -- building the attack files -------------------------------------------------------------------------
def rebuild(blank: bytes, changes: dict[str, Change], extra: Callable[[zipfile.ZipFile], None] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blank)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info.filename, changes[info.filename](data) if info.filename in changes else data)
        if extra is not None:
            extra(dst)
    return out.getvalue()


def doctype(root: bytes, subset: bytes) -> Change:
    def change(data: bytes) -> bytes:
        assert data.startswith(DECL), data[:80]
        return DECL + b"<!DOCTYPE " + root + b" [" + subset + b"]>\n" + data[len(DECL) :]

    return change


def then(*changes: Change) -> Change:
    def change(data: bytes) -> bytes:
        for c in changes:
            data = c(data)
        return data

    return change


def filled(sdt: bytes, content: bytes) -> bytes:
    """The kenmerk control showing ``content`` (raw XML inside one run's w:t) instead of its placeholder."""
    head, _, rest = sdt.partition(b"<w:showingPlcHdr/>")
    assert rest, "the blank control shows its placeholder"
    before, _, _ = rest.partition(b"<w:sdtContent>")
    return head + before + b"<w:sdtContent><w:r><w:t>" + content + b"</w:t></w:r></w:sdtContent></w:sdt>"


def kenmerk(content: bytes) -> Change:
    def change(data: bytes) -> bytes:
        sdt = KENMERK_SDT.search(data)
        assert sdt is not None
        return data.replace(sdt.group(0), filled(sdt.group(0), content), 1)

    return change


def extra_control(tag: bytes, alias: bytes = b"Kenmerk", content: bytes = SECRET, copies: int = 1) -> Change:
    """A copy of the kenmerk control after it, with another tag and title, holding ``content``."""

    def change(data: bytes) -> bytes:
        sdt = KENMERK_SDT.search(data)
        assert sdt is not None
        own = sdt.group(0)
        one = filled(own, content).replace(b'<w:alias w:val="Kenmerk"/>', b'<w:alias w:val="' + alias + b'"/>', 1)
        made = [one.replace(b'<w:tag w:val="/kenmerk"/>', b'<w:tag w:val="' + (tag % i if b"%d" in tag else tag) + b'"/>', 1) for i in range(copies)]
        return data.replace(own, filled(own, b"K-1") + b"".join(made), 1)

    return change


def lie_about_size(data: bytes, name: str, claimed: int) -> bytes:
    """The archive with ``name``'s uncompressed size written as ``claimed`` in both its headers."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local = archive.getinfo(name).header_offset
    raw = bytearray(data)
    assert raw[local : local + 4] == b"PK\x03\x04"
    raw[local + 22 : local + 26] = claimed.to_bytes(4, "little")
    entries = [m.start() for m in re.finditer(b"PK\x01\x02", raw)]
    central = [c for c in entries if int.from_bytes(raw[c + 42 : c + 46], "little") == local and raw[c + 46 : c + 46 + len(name)] == name.encode()]
    assert len(central) == 1
    raw[central[0] + 24 : central[0] + 28] = claimed.to_bytes(4, "little")
    return bytes(raw)


def huge_member(name: str, megabytes: int, fill: bytes = b" ") -> Callable[[zipfile.ZipFile], None]:
    def add(archive: zipfile.ZipFile) -> None:
        chunk = fill * (1024 * 1024)
        with archive.open(name, "w", force_zip64=megabytes >= 2048) as handle:
            for _ in range(megabytes):
                handle.write(chunk)

    return add


XXE = b'<!ENTITY e SYSTEM "file:///etc/passwd">'
XXE_HTTP = b'<!ENTITY e SYSTEM "http://127.0.0.1:9/xxe">'
LAUGHS = b'<!ENTITY a "lollollollol">' + b"".join(b'<!ENTITY %c "%s">' % (98 + i, (b"&%c;" % (97 + i)) * 10) for i in range(9))  # &j; = 10**9 x
QUADRATIC = b'<!ENTITY q "' + b"x" * 50_000 + b'">'


def attacks(blank: bytes) -> dict[str, bytes]:
    custom = "docProps/custom.xml"
    made = {
        # -- entities in the main document, used inside a content control
        "xxe-file": rebuild(blank, {DOC: then(doctype(b"w:document", XXE), kenmerk(b"K&e;"))}),
        "xxe-http": rebuild(blank, {DOC: then(doctype(b"w:document", XXE_HTTP), kenmerk(b"K&e;"))}),
        "xxe-parameter": rebuild(blank, {DOC: doctype(b"w:document", b'<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;')}),
        "xxe-external-dtd": rebuild(blank, {DOC: lambda d: DECL + b'<!DOCTYPE w:document SYSTEM "file:///etc/passwd">\n' + d[len(DECL) :]}),
        "xinclude": rebuild(
            blank,
            {DOC: kenmerk(b'</w:t><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/><w:t>K')},
        ),
        "billion-laughs": rebuild(blank, {DOC: then(doctype(b"w:document", LAUGHS), kenmerk(b"K&j;"))}),
        "quadratic-blowup": rebuild(blank, {DOC: then(doctype(b"w:document", QUADRATIC), kenmerk(b"K" + b"&q;" * 20_000))}),
        # -- entities in the other parts
        "xxe-content-types": rebuild(
            blank,
            {"[Content_Types].xml": then(doctype(b"Types", XXE), lambda d: d.replace(b"</Types>", b'<Default Extension="e" ContentType="&e;"/></Types>'))},
        ),
        "laughs-content-types": rebuild(
            blank,
            {"[Content_Types].xml": then(doctype(b"Types", LAUGHS), lambda d: d.replace(b"</Types>", b'<Default Extension="j" ContentType="&j;"/></Types>'))},
        ),
        "xxe-rels": rebuild(blank, {"_rels/.rels": doctype(b"Relationships", XXE)}),
        "xxe-custom": rebuild(blank, {custom: then(doctype(b"Properties", XXE), lambda d: d.replace(b"<vt:lpwstr>onderwijs", b"<vt:lpwstr>&e;onderwijs"))}),
        "xxe-custom-hidden": rebuild(blank, {custom: then(doctype(b"Properties", XXE), lambda d: d.replace(b'<vt:lpwstr>"1.0"', b"<vt:lpwstr>&e;"))}),
        "laughs-custom": rebuild(blank, {custom: then(doctype(b"Properties", LAUGHS), lambda d: d.replace(b'<vt:lpwstr>"1.0"', b"<vt:lpwstr>&j;"))}),
        "deep-json-custom": rebuild(blank, {custom: lambda d: d.replace(b'<vt:lpwstr>"1.0"', b"<vt:lpwstr>" + b"[" * 100_000)}),
        "deep-json-custom-990": rebuild(blank, {custom: lambda d: d.replace(b'<vt:lpwstr>"1.0"', b"<vt:lpwstr>" + b"[" * 990 + b"]" * 990)}),
        # -- zip bombs
        "zip-bomb-document": rebuild(blank, {DOC: lambda d: d.replace(b"<w:body>", b"<w:body>" + b" " * (120 * 1024 * 1024), 1)}),
        "zip-bomb-custom": lie_about_size(rebuild(blank, {}), custom, 3_000_000_000),  # says 3 GB: over the limit, never read
        "zip-bomb-unread-part": rebuild(blank, {}, huge_member("word/media/bomb.bin", 100, b"\0")),
        "zip-bomb-lying-size": lie_about_size(rebuild(blank, {DOC: lambda d: d.replace(b"</w:body>", b" " * (32 * 1024 * 1024) + b"</w:body>")}), DOC, 400_000),
        "deep-nesting": rebuild(
            blank, {DOC: lambda d: d.replace(b"<w:body>", b"<w:body>" + b"<w:sdt><w:sdtContent>" * 20_000 + b"</w:sdtContent></w:sdt>" * 20_000, 1)}
        ),
        # -- content-control tags
        "tag-duplicate": rebuild(blank, {DOC: extra_control(b"/kenmerk")}),
        "tag-duplicate-many": rebuild(blank, {DOC: extra_control(b"/kenmerk", copies=500)}),
        "tag-unknown": rebuild(blank, {DOC: extra_control(b"/onbekend/veld")}),
        "tag-not-ours": rebuild(blank, {DOC: extra_control(b"eigen-veld-van-de-gebruiker")}),
        "tag-empty": rebuild(blank, {DOC: extra_control(b"")}),
        "tag-dotdot": rebuild(blank, {DOC: extra_control(b"/../../../etc/passwd")}),
        "tag-proto": rebuild(blank, {DOC: extra_control(b"/__proto__")}),
        "tag-proto-nested": rebuild(blank, {DOC: extra_control(b"/melder/__proto__/polluted")}),
        "tag-constructor": rebuild(blank, {DOC: extra_control(b"/constructor/prototype/x")}),
        "tag-option-proto": rebuild(blank, {DOC: extra_control(b"/zorgen/aardGeweld#__proto__")}),
        "tag-far-slot": rebuild(blank, {DOC: extra_control(b"/betrokkenen/kinderen/999999/naam")}),
        "tag-far-slot-field": rebuild(blank, {DOC: extra_control(b"/betrokkenen/kinderen/199/naam/voornamen")}),
        "tag-very-long": rebuild(blank, {DOC: extra_control(b"/" + b"a" * 200_000)}),
        "alias-very-long": rebuild(blank, {DOC: extra_control(b"/kenmerk", alias=b"A" * 200_000)}),
        "tag-control-chars": rebuild(
            blank, {DOC: extra_control(b"/kenmerk&#10;tweede regel&#13;&#9;\xe2\x80\xae\xc2\x85", alias=b"Ken&#10;merk\xe2\x80\xae&#133;\xe2\x81\xa6")}
        ),
        "tag-bidi": rebuild(blank, {DOC: extra_control(b"/\xe2\x80\xaekenmerk", alias=b"\xe2\x80\xaeKenmerk")}),
        "tag-many-unknown": rebuild(blank, {DOC: extra_control(b"/onbekend/%d", copies=5_000)}),
    }
    return made


# -- running them ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    target = tmp_path_factory.mktemp("blank") / "formulier.docx"
    result = CliRunner().invoke(surface.main, ["blank", "--sector", "onderwijs", "--format", "docx", "--output", str(target)])
    assert result.exit_code == 0, result.output
    return target.read_bytes()


@pytest.fixture(scope="module")
def outcomes(blank: bytes, tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[str]]:
    folder = tmp_path_factory.mktemp("aanvallen")
    paths = {}
    for name, data in attacks(blank).items():
        paths[name] = folder / f"{name}.docx"
        paths[name].write_bytes(data)
    (folder / "control.docx").write_bytes(rebuild(blank, {DOC: kenmerk(b"K-1")}))
    paths["control"] = folder / "control.docx"

    def run(path: Path) -> subprocess.CompletedProcess[str]:
        # a hang (an entity or zip bomb expanded) fails here
        return subprocess.run([*CLI, "import", str(path)], capture_output=True, text=True, timeout=TIMEOUT, encoding="utf-8", errors="replace", check=False)

    def run_here(path: Path) -> subprocess.CompletedProcess[str]:
        result = CliRunner().invoke(surface.main, ["import", str(path)])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        return subprocess.CompletedProcess(path, result.exit_code, result.stdout, result.stderr)

    # XML and zip attacks run as processes of their own, with a timeout; the tag attacks (content
    # the parser has already accepted) in this process, which is faster
    separate = [name for name in paths if not name.startswith(("tag-", "alias-"))]
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = dict(zip(separate, pool.map(run, [paths[name] for name in separate]), strict=True))
    done.update({name: run_here(path) for name, path in paths.items() if name not in done})
    for name, result in done.items():
        result.args = paths[name]  # the file, for the messages below
    return done


def test_the_attack_files_are_forms_but_for_their_attack(outcomes: dict[str, subprocess.CompletedProcess[str]]) -> None:
    """The unattacked copy imports as the blank form does: kenmerk read, only findings for the rest."""
    control = outcomes["control"]
    assert control.returncode == 1, control.stderr  # a blank form is not a valid melding
    assert json.loads(control.stdout)["kenmerk"] == "K-1"
    assert len(outcomes) - 1 >= 35


ATTACKS = [
    "xxe-file",
    "xxe-http",
    "xxe-parameter",
    "xxe-external-dtd",
    "xinclude",
    "billion-laughs",
    "quadratic-blowup",
    "xxe-content-types",
    "laughs-content-types",
    "xxe-rels",
    "xxe-custom",
    "xxe-custom-hidden",
    "laughs-custom",
    "deep-json-custom",
    "deep-json-custom-990",
    "zip-bomb-document",
    "zip-bomb-custom",
    "zip-bomb-unread-part",
    "zip-bomb-lying-size",
    "deep-nesting",
    "tag-duplicate",
    "tag-duplicate-many",
    "tag-unknown",
    "tag-not-ours",
    "tag-empty",
    "tag-dotdot",
    "tag-proto",
    "tag-proto-nested",
    "tag-constructor",
    "tag-option-proto",
    "tag-far-slot",
    "tag-far-slot-field",
    "tag-very-long",
    "alias-very-long",
    "tag-control-chars",
    "tag-bidi",
    "tag-many-unknown",
]


@pytest.mark.parametrize("name", ATTACKS)
def test_import_refuses_or_reports_cleanly(name: str, outcomes: dict[str, subprocess.CompletedProcess[str]]) -> None:
    result = outcomes[name]
    path = str(result.args)
    assert result.returncode in REFUSED, (result.returncode, result.stderr[-500:])
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream and "interne fout" not in stream
        assert "root:" not in stream, "file content echoed"
        assert SECRET.decode() not in stream, "a skipped control's content echoed"
    lines = result.stderr.splitlines()
    assert lines, "a refusal or a finding is said"
    for line in lines:
        assert line.startswith((f"{path}: ", f"meldform: {path}: ")) or "gecontroleerd" in line, line[:300]
        assert len(line) <= 400, f"{line[:120]}… ({len(line)} characters)"
        assert surface.FORBIDDEN.search(line) is None and surface.BIDI.search(line) is None, repr(line[:300])
    if result.stdout:
        document = json.loads(result.stdout)  # whatever was read is one JSON document
        assert document.get("kenmerk") in (None, "K", "K-1"), "an entity was expanded into the kenmerk"
    else:
        assert len(lines) == 1, lines  # a refusal is one line


def test_what_the_tag_attacks_report(outcomes: dict[str, subprocess.CompletedProcess[str]]) -> None:
    def says(name: str, text: str) -> bool:
        return text in outcomes[name].stderr

    assert says("tag-duplicate", "Kenmerk: komt meer dan eens voor")
    assert outcomes["tag-duplicate-many"].stderr.count("komt meer dan eens voor") == 500
    for name in ("tag-unknown", "tag-dotdot", "tag-proto", "tag-proto-nested", "tag-constructor", "tag-option-proto", "tag-far-slot", "tag-far-slot-field"):
        assert says(name, "onbekend invulveld"), name
    assert says("tag-dotdot", "(tag /../../../etc/passwd)")  # named, not opened
    assert not says("tag-not-ours", "onbekend invulveld")  # a control the user added is not ours: ignored
    assert outcomes["tag-many-unknown"].stderr.count("onbekend invulveld") == 5_000
    for name in ("tag-proto", "tag-constructor", "tag-proto-nested"):
        assert "polluted" not in outcomes[name].stdout and "__proto__" not in outcomes[name].stdout
    # the two kenmerk controls: the first is read, the second named and skipped
    assert json.loads(outcomes["tag-duplicate"].stdout)["kenmerk"] == "K-1"
    for name in ("xxe-file", "xxe-http", "billion-laughs", "quadratic-blowup", "xinclude"):
        out = outcomes[name]
        if out.stdout:
            assert len(json.loads(out.stdout).get("kenmerk", "")) < 100, name  # not expanded
