"""``meldform.output``: the one atomic writer (bytes and streamed text), and the folders meldform makes."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from meldform import output
from meldform.cli import main
from meldform.output import OutputExistsError, OutputNotWritableError, ensure_dir, stream_atomic, write_atomic


@pytest.fixture(autouse=True, params=["zonder-naam", "tijdelijke-naam"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test twice: with Linux's O_TMPFILE (a file without a name until it is whole) and with
    the named temporary file that other systems get."""
    if request.param == "tijdelijke-naam":
        monkeypatch.setattr(output, "_anonymous", lambda target: None)
    return str(request.param)


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_streamed_text_appears_whole_with_mode_0600(tmp_path: Path, way: str) -> None:
    target = tmp_path / "rapport.json"
    with stream_atomic(target) as handle:
        for i in range(1000):
            handle.write(f"regel {i} — ë\n")
            assert not target.exists()  # nothing visible until the block ends
        if way == "zonder-naam" and os.path.isdir("/proc/self/fd"):
            assert os.listdir(tmp_path) == []  # not even a temporary name while it is written
    assert target.read_text(encoding="utf-8").splitlines()[-1] == "regel 999 — ë"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert temporaries(tmp_path) == []


def test_a_failing_stream_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    target.write_text("vorige", encoding="utf-8")
    with pytest.raises(KeyError), stream_atomic(target, force=True) as handle:
        handle.write("half")
        raise KeyError("stop")
    assert target.read_text(encoding="utf-8") == "vorige"
    assert temporaries(tmp_path) == []


def test_an_os_error_while_streaming_is_not_writable(tmp_path: Path) -> None:
    target = tmp_path / "rapport.json"
    with pytest.raises(OutputNotWritableError) as caught, stream_atomic(target) as handle:
        handle.write("begin")
        raise OSError(28, "No space left on device")
    assert caught.value.errno == 28
    assert not target.exists() and temporaries(tmp_path) == []


def test_stream_without_force_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    target.write_text("van iemand", encoding="utf-8")
    with pytest.raises(OutputExistsError), stream_atomic(target) as handle:
        handle.write("nieuw")
    assert target.read_text(encoding="utf-8") == "van iemand"
    with stream_atomic(target, force=True, durable=False) as handle:
        handle.write("nieuw")
    assert target.read_text(encoding="utf-8") == "nieuw"


def test_bytes_without_force_never_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "x.bin"
    write_atomic(target, b"een", durable=False)
    with pytest.raises(OutputExistsError):
        write_atomic(target, b"twee")
    write_atomic(target, b"twee", force=True)
    assert target.read_bytes() == b"twee"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert temporaries(tmp_path) == []


def test_a_missing_folder_is_not_writable(tmp_path: Path) -> None:
    with pytest.raises(OutputNotWritableError):
        write_atomic(tmp_path / "nergens" / "x.bin", b"x")
    with pytest.raises(OutputNotWritableError), stream_atomic(tmp_path / "nergens" / "x.txt") as handle:
        handle.write("x")
    assert not (tmp_path / "nergens").exists()
    assert os.listdir(tmp_path) == []


# -- folders meldform creates are 0700 (issue 10, point 6) -------------------------------------------------
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "onderwijs-vo-partnergeweld.json"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextlib.contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o277], ids=["umask-000", "umask-022", "umask-277"])
def test_ensure_dir_makes_every_new_folder_0700_whatever_the_umask(tmp_path: Path, mask: int) -> None:
    existing = tmp_path / "bestaand"
    existing.mkdir()
    existing.chmod(0o755)
    with umask(mask):
        ensure_dir(existing / "a" / "b" / "c")
        ensure_dir(existing / "a" / "b" / "c")  # there already: fine
    for made in (existing / "a", existing / "a" / "b", existing / "a" / "b" / "c"):
        assert mode(made) == 0o700, made
    assert mode(existing) == 0o755  # a folder that was there is left as it was


def test_ensure_dir_leaves_an_existing_folder_alone(tmp_path: Path) -> None:
    shared = tmp_path / "gedeeld"
    shared.mkdir()
    shared.chmod(0o750)
    ensure_dir(shared)
    assert mode(shared) == 0o750


def test_ensure_dir_refuses_a_file_in_the_way(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    for target in (blocker, blocker / "uit"):
        with pytest.raises(OutputNotWritableError) as caught:
            ensure_dir(target)
        assert caught.value.errno == errno.ENOTDIR
    assert blocker.read_text(encoding="utf-8") == "geen map"


def test_render_output_folder_is_0700(tmp_path: Path) -> None:
    out = tmp_path / "nieuw" / "uit"
    result = CliRunner().invoke(main, ["render", str(EXAMPLE), "--format", "html", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert mode(tmp_path / "nieuw") == 0o700 and mode(out) == 0o700
    assert mode(out / "VO-2026-0142.html") == 0o600


def test_batch_output_folder_and_its_state_are_0700(tmp_path: Path) -> None:
    out = tmp_path / "nieuw" / "uit"
    result = CliRunner().invoke(main, ["batch", str(EXAMPLE), "--format", "html", "--output", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    folders = [tmp_path / "nieuw", out, *(p for p in out.rglob("*") if p.is_dir())]
    assert out / ".meldform-batch" / "eigenaren" in folders
    assert {str(p): mode(p) for p in folders} == {str(p): 0o700 for p in folders}
    assert {mode(p) for p in out.rglob("*") if p.is_file()} == {0o600}


def test_batch_into_an_existing_folder_leaves_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    out.chmod(0o755)
    assert CliRunner().invoke(main, ["batch", str(EXAMPLE), "--format", "html", "--output", str(out), "--jobs", "1"]).exit_code == 0
    assert mode(out) == 0o755
    assert mode(out / ".meldform-batch") == 0o700  # made by the batch


def test_blank_creates_no_folder(tmp_path: Path) -> None:
    """``blank --output`` names a file; a missing folder is an error (exit 2), not created."""
    target = tmp_path / "nieuw" / "formulier.docx"
    result = CliRunner().invoke(main, ["blank", "--sector", "onderwijs", "--format", "docx", "--output", str(target)])
    assert result.exit_code == 2
    assert not (tmp_path / "nieuw").exists()
