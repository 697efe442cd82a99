"""A killed batch can be rerun at once (issue 10, point 1).

``kill -9`` of the ``meldform batch`` process alone — not its process group — used to leave its
workers alive (parent 1), holding the output folder's lock, so every rerun said "er schrijft al
een andere batch". Now the parent alone holds the lock, the workers die with it, and a lock left
held by processes whose batch is dead is taken over.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from meldform.batch import LOCK, RUN_PREFIX, STATE_DIR
from meldform.batch.lock import folder_lock, is_alive, lock_holder

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_batch import bulk_documents, invalid_doc, leftovers, report, write

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
N = 300


# -- the process table, read from /proc -------------------------------------------------------------------
def processes() -> Iterator[tuple[int, int, str, str]]:
    """(pid, ppid, state, cmdline) of every process that is still there."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="utf-8", errors="replace")
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue  # ended while we looked
        state, ppid = stat.rpartition(")")[2].split()[:2]
        yield int(entry.name), int(ppid), state, cmdline


def children(pid: int) -> set[int]:
    return {p for p, ppid, state, _ in processes() if ppid == pid and state != "Z"}


def running_with(text: str) -> set[int]:
    """Live processes (zombies hold no files and no locks) whose command line mentions ``text``."""
    return {p for p, _, state, cmd in processes() if text in cmd and state not in ("Z", "X") and p != os.getpid()}


# -- the batch in a subprocess ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    src = tmp_path_factory.mktemp("invoer")
    kenmerken = []
    for i, doc in enumerate(bulk_documents(N, seed=23)):
        write(src / f"{i:04d}.json", doc)
        kenmerken.append(doc["kenmerk"])
    (src / "0150-kapot.json").write_text("{ dit is geen json", encoding="utf-8")
    write(src / "0151-ongeldig.json", invalid_doc())
    return src, kenmerken


def command(src: Path, out: Path) -> list[str]:
    return [sys.executable, "-c", "from meldform.cli import main; main()", "batch", str(src), "--output", str(out), "--format", "html,docx", "--jobs", "2"]


def documents_made(out: Path) -> dict[str, tuple[int, int]]:
    """Every document in ``out`` with its inode and modification time (to see what was redone)."""
    return {name: (p.stat().st_ino, p.stat().st_mtime_ns) for name in outputs(out, ".html") | outputs(out, ".docx") for p in [out / name]}


def outputs(out: Path, suffix: str) -> set[str]:
    return {p.name for p in out.glob(f"*{suffix}") if not p.name.startswith("rapport")} if out.is_dir() else set()


@pytest.mark.parametrize(
    ("seconds", "documents"),
    [(0.3, None), (1.0, None), (None, 100)],
    ids=["0.3s-starting", "1s", "after-100-documents"],
)
def test_a_batch_killed_alone_leaves_no_worker_and_is_rerun_at_once(
    inputs: tuple[Path, list[str]], tmp_path: Path, seconds: float | None, documents: int | None
) -> None:
    src, kenmerken = inputs
    out = tmp_path / "uit"
    proc = subprocess.Popen(command(src, out), env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        start = time.monotonic()
        # Kill at the moment asked for, or earlier when the batch nears its end: it must die mid-way.
        while True:
            made = len(outputs(out, ".docx"))
            if made >= N - 50 or (seconds is not None and time.monotonic() - start >= seconds) or (documents is not None and made >= documents):
                break
            assert proc.poll() is None, "the batch ended before it could be killed"
            time.sleep(0.005)
        workers = children(proc.pid)  # recorded before the kill: afterwards they would have another parent
        os.kill(proc.pid, signal.SIGKILL)  # the batch alone, as `kill -9 <pid>` does; not its process group
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    if documents is not None:
        assert len(workers) == 2, "the pool was working"
    # The workers die with it: the kernel has sent them SIGKILL by now; dying takes a moment.
    deadline = time.monotonic() + 5
    while any(is_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.001)
    assert {pid for pid in workers if is_alive(pid)} == set()
    assert running_with(str(out)) == set()  # nor anything else still working in this folder
    first = documents_made(out)

    done = subprocess.run(command(src, out), env=ENV, capture_output=True, text=True, timeout=300)  # at once
    assert done.returncode == 1, done.stderr  # the broken and the invalid file; not 2 ("another batch")
    assert "Traceback" not in done.stderr
    assert running_with(str(out)) == set()  # the rerun left nothing behind either
    # every valid input rendered exactly once; what the killed run finished was kept, not redone
    assert outputs(out, ".html") == {f"{k}.html" for k in kenmerken}
    assert outputs(out, ".docx") == {f"{k}.docx" for k in kenmerken}
    after = documents_made(out)
    assert {name: after[name] for name in first} == first
    rep = report(out)
    assert rep["samenvatting"]["documentenBehouden"] == len(first)
    assert rep["samenvatting"]["documentenGeschreven"] == 2 * N - len(first)
    statuses = {entry["status"] for entry in rep["bestanden"]}
    assert statuses <= {"gerenderd", "overgeslagen", "onleesbaar", "ongeldig"}
    # no partial file anywhere
    assert leftovers(out) == []
    assert not any(p.name.startswith(RUN_PREFIX) for p in (out / STATE_DIR).iterdir())
    for kenmerk in kenmerken:
        assert (out / f"{kenmerk}.html").read_bytes().rstrip().endswith(b"</html>")
        with zipfile.ZipFile(out / f"{kenmerk}.docx") as docx:
            assert docx.testzip() is None


# -- the lock ---------------------------------------------------------------------------------------------
ORPHAN = r"""
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
pid = os.fork()
if pid == 0:  # keeps the locked file open, as a worker of an older meldform did
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 1)
    os.dup2(null, 2)
    time.sleep(120)
    os._exit(0)
print(pid, flush=True)
os._exit(0)  # the process that took the lock is gone
"""


def test_a_lock_left_held_by_a_dead_batchs_processes_is_taken_over(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "uit"
    for i, doc in enumerate(bulk_documents(5, seed=3)):
        write(src / f"{i}.json", doc)
    (out / STATE_DIR).mkdir(parents=True)
    lock = out / STATE_DIR / LOCK
    locker = subprocess.run([sys.executable, "-c", ORPHAN, str(lock)], capture_output=True, text=True, timeout=30, check=True)
    orphan = int(locker.stdout)
    try:
        assert is_alive(orphan)
        probe = os.open(lock, os.O_RDWR)
        with pytest.raises(BlockingIOError):
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)  # really still held
        os.close(probe)
        holder = lock_holder(lock)  # the process that took it, which is gone
        assert holder is not None and holder != orphan and not is_alive(holder)
        done = subprocess.run([*command(src, out)[:-4], "--format", "html", "--jobs", "1"], env=ENV, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert len(outputs(out, ".html")) == 5
    finally:
        os.kill(orphan, signal.SIGKILL)


def test_a_live_holder_is_never_taken_over(tmp_path: Path) -> None:
    """A batch that is running (here: this process holding the lock) keeps it."""
    src, out = tmp_path / "in", tmp_path / "uit"
    write(src / "a.json", next(bulk_documents(1)))
    state = out / STATE_DIR
    state.mkdir(parents=True)
    with folder_lock(state, out):
        assert lock_holder(state / LOCK) == os.getpid()
        done = subprocess.run([*command(src, out)[:-4], "--format", "html", "--jobs", "1"], env=ENV, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "andere batch" in done.stderr
    assert outputs(out, ".html") == set()


def test_a_forked_child_does_not_keep_the_lock(tmp_path: Path) -> None:
    """The lock ends with the process that took it, even if a child forked meanwhile lives on."""
    state = tmp_path / STATE_DIR
    state.mkdir()
    go_on, told = os.pipe()
    started, says = os.pipe()
    with folder_lock(state, tmp_path):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.write(says, b"x")  # running: whatever happens at fork has happened
            os.read(go_on, 1)
            os._exit(0)
        os.read(started, 1)
    try:
        fd = os.open(state / LOCK, os.O_RDWR)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free, while the child still runs
        os.close(fd)
        assert is_alive(pid)
    finally:
        os.write(told, b"x")
        os.waitpid(pid, 0)


# -- the workers' lifeline -------------------------------------------------------------------------------------
LIFELINE = r"""
import os, sys, time
from meldform.batch.pool import die_with_parent
ready_r, ready_w = os.pipe()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 1)
    os.dup2(null, 2)
    die_with_parent(os.getppid(), use_prctl=sys.argv[1] == "prctl")
    os.write(ready_w, b"x")
    time.sleep(120)  # a worker waiting for work that will never come
    os._exit(0)
os.read(ready_r, 1)
print(pid, flush=True)
os._exit(0)  # the parent dies
"""


@pytest.mark.parametrize("how", ["prctl", "watchdog"])
def test_a_worker_ends_when_its_parent_is_gone(how: str) -> None:
    """PR_SET_PDEATHSIG on Linux; elsewhere a thread that watches the parent pid."""
    middle = subprocess.run([sys.executable, "-c", LIFELINE, how], env=ENV, capture_output=True, text=True, timeout=60, check=True)
    worker = int(middle.stdout)
    deadline = time.monotonic() + 30
    while is_alive(worker) and time.monotonic() < deadline:
        time.sleep(0.02)
    alive = is_alive(worker)
    if alive:
        os.kill(worker, signal.SIGKILL)
    assert not alive
