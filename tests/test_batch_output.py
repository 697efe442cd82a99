"""``meldform.output``: the one atomic writer (bytes and streamed text) and the folders it makes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from meldform.output import OutputExistsError, OutputNotWritableError, stream_atomic, write_atomic


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_streamed_text_appears_whole_with_mode_0600(tmp_path: Path) -> None:
    target = tmp_path / "rapport.json"
    with stream_atomic(target) as handle:
        for i in range(1000):
            handle.write(f"regel {i} — ë\n")
            assert not target.exists()  # nothing visible until the block ends
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
