"""``meldform serve``: real HTTP against a started server (issue 13, point 1).

Every server here is ``meldform serve --port 0`` in a subprocess, in an empty working folder with
an empty TMPDIR and HOME (so the tests can see that nothing is written), read over loopback with
``http.client``. The answers are compared with the Python API and the CLI on the same documents.
"""

from __future__ import annotations

import copy
import http.client
import io
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from meldform import api
from meldform.cli import main
from meldform.service.guard import negotiate_language
from meldform.service.settings import parse_duration, parse_size

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "examples").glob("*.*"))
EXAMPLE = REPO / "examples" / "onderwijs-vo-partnergeweld.json"
BAD_BSN = "123456781"
TOKEN = "s3cret-token-for-the-tests-0123456789"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
READY = re.compile(r"http://127\.0\.0\.1:(\d+)")


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def invalid() -> dict[str, Any]:
    doc = example()
    doc["betrokkenen"]["kinderen"][0]["burgerservicenummer"] = BAD_BSN
    return doc


def as_json(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


# -- a server in a subprocess ----------------------------------------------------------------------
@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Server:
    process: subprocess.Popen[str]
    port: int
    folders: list[Path]
    lines: list[str] = field(default_factory=list)

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None, timeout: float = 60) -> Reply:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            conn.close()

    def post(self, path: str, body: bytes, content_type: str = "application/json", **headers: str) -> Reply:
        return self.request("POST", path, body, {"Content-Type": content_type, **_headers(headers)})

    def get(self, path: str, **headers: str) -> Reply:
        return self.request("GET", path, None, _headers(headers))

    def log(self) -> str:
        return "".join(self.lines)


def _headers(kwargs: dict[str, str]) -> dict[str, str]:
    return {key.replace("_", "-"): value for key, value in kwargs.items()}


@pytest.fixture(scope="module")
def start(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    servers: list[Server] = []

    def launch(*args: str) -> Server:
        base = tmp_path_factory.mktemp("serve")
        folders = [base / name for name in ("cwd", "tmp", "home")]
        for folder in folders:
            folder.mkdir()
        env = {**os.environ, "TMPDIR": str(folders[1]), "HOME": str(folders[2]), "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("MELDFORM_DEBUG", None)
        command = [sys.executable, "-c", "from meldform.cli import main; main()", "serve", "--port", "0", *args]
        process = subprocess.Popen(command, cwd=folders[0], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        assert process.stderr is not None
        lines: list[str] = []
        port: list[int] = []
        ready = threading.Event()

        def read() -> None:
            assert process.stderr is not None
            for line in process.stderr:
                lines.append(line)
                found = READY.search(line)
                if found and not port:
                    port.append(int(found.group(1)))
                    ready.set()
            ready.set()

        threading.Thread(target=read, daemon=True).start()
        assert ready.wait(30) and port, "".join(lines)
        server = Server(process, port[0], folders, lines)
        servers.append(server)
        for _ in range(300):
            try:
                if server.get("/healthz").status == 200:
                    return server
            except OSError:
                time.sleep(0.05)
        raise AssertionError("server did not answer /healthz:\n" + server.log())

    yield launch
    for server in servers:
        server.process.terminate()
        try:
            server.process.wait(10)
        except subprocess.TimeoutExpired:
            server.process.kill()


@pytest.fixture(scope="module")
def server(start: Any) -> Server:
    launched: Server = start()
    return launched


def problem(reply: Reply, status: int, code: str) -> dict[str, Any]:
    """A problem+json answer (RFC 9457) with ``status`` and ``code``."""
    assert reply.status == status, reply.body[:500]
    assert reply.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = reply.json()
    assert body["status"] == status and body["code"] == code
    assert body["type"] == f"https://meldform.nl/problemen/{code}"
    assert body["title"] and body["detail"] and "Traceback" not in body["detail"]
    assert isinstance(body["bevindingen"], list)
    return body


# -- the plain endpoints ---------------------------------------------------------------------------
def test_healthz_and_safe_headers(server: Server) -> None:
    reply = server.get("/healthz")
    assert reply.status == 200 and reply.json() == {"status": "ok"}
    assert reply.headers["cache-control"] == "no-store"
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert "server" not in reply.headers


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sectors(server: Server, lang: str) -> None:
    reply = server.get("/v1/sectors", Accept_Language=lang)
    assert reply.status == 200
    assert reply.headers["content-language"] == lang
    assert reply.json() == [s.to_json() for s in api.sectors(lang)]


@pytest.mark.parametrize("query", ["", "?sector=onderwijs", "?soort=advies", "?sector=justitie&soort=melding"])
def test_schema_is_the_exported_schema(server: Server, query: str) -> None:
    reply = server.get("/v1/schema" + query)
    assert reply.status == 200 and reply.headers["content-type"].startswith("application/schema+json")
    params = dict(part.split("=") for part in query.lstrip("?").split("&") if part)
    assert reply.json() == api.schema(params.get("sector"), params.get("soort"))


def test_schema_unknown_sector_is_a_problem(server: Server) -> None:
    body = problem(server.get("/v1/schema?sector=nope", Accept_Language="en"), 400, "ongeldige_parameter")
    assert body["detail"].startswith("unknown sector 'nope'")


@pytest.mark.parametrize(("soort", "lang"), [("melding", "nl"), ("advies", "en")])
def test_blank_html_form(server: Server, soort: str, lang: str) -> None:
    reply = server.get(f"/v1/forms/kinderopvang?soort={soort}&format=html", Accept_Language=lang)
    assert reply.status == 200 and reply.headers["content-type"] == "text/html; charset=utf-8"
    assert reply.body == api.blank_form("kinderopvang", soort=soort, fmt="html", lang=lang)
    assert api.form_name("kinderopvang", soort, "html") in reply.headers["content-disposition"]


def test_blank_word_form_imports_back(server: Server) -> None:
    reply = server.get("/v1/forms/pleegzorg?format=docx")
    assert reply.status == 200 and reply.headers["content-type"] == DOCX
    assert zipfile.ZipFile(io.BytesIO(reply.body)).testzip() is None
    imported = server.post("/v1/import", reply.body, DOCX, Accept_Language="en")
    assert imported.status == 200
    expected = api.import_form(reply.body, lang="en")
    body = imported.json()
    assert body["document"] == expected.document
    assert body["bevindingen"] == expected.report.to_json()["bevindingen"]
    assert body["geldig"] is expected.geldig is False
    problem(server.post("/v1/import", b"PK\x03\x04 no zip", DOCX), 422, "geen_formulier")
    problem(server.post("/v1/import", reply.body, "application/json"), 415, "mediatype")


def test_forms_unknown_sector_soort_format(server: Server) -> None:
    body = problem(server.get("/v1/forms/nope", Accept_Language="en"), 404, "niet_gevonden")
    assert "unknown sector" in body["detail"]
    problem(server.get("/v1/forms/onderwijs?soort=brief"), 400, "ongeldige_parameter")
    problem(server.get("/v1/forms/onderwijs?format=odt"), 400, "ongeldige_parameter")


def test_unknown_path_and_method_are_problems(server: Server) -> None:
    problem(server.get("/v2/nothing"), 404, "niet_gevonden")
    reply = server.request("DELETE", "/v1/validate")
    problem(reply, 405, "methode")
    assert reply.headers["allow"] == "POST"


# -- validate -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_validate_gives_the_cli_findings(server: Server, path: Path) -> None:
    media = "application/json" if path.suffix == ".json" else "application/yaml"
    reply = server.post("/v1/validate", path.read_bytes(), media)
    assert reply.status == 200 and reply.headers["content-type"] == "application/json"
    cli = CliRunner().invoke(main, ["validate", "--format", "json", str(path)])
    expected = json.loads(cli.stdout)[0]
    del expected["bestand"]
    assert reply.json() == expected


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_validate_invalid_document_in_the_asked_language(server: Server, lang: str) -> None:
    header = "en-GB,en;q=0.9,nl;q=0.5" if lang == "en" else "nl-NL"
    reply = server.post("/v1/validate", as_json(invalid()), Accept_Language=header)
    assert reply.status == 200 and reply.headers["content-language"] == lang
    assert reply.json() == api.validate(invalid(), lang=lang).to_json()
    assert reply.json()["geldig"] is False and "elfproef" in [f["code"] for f in reply.json()["bevindingen"]]


def test_validate_yaml_and_strict(server: Server) -> None:
    text = yaml.safe_dump(example(), allow_unicode=True).encode("utf-8")
    assert server.post("/v1/validate", text, "application/yaml; charset=utf-8").json()["geldig"] is True
    strict = server.post("/v1/validate?strict=true", text, "text/yaml").json()
    assert strict == api.validate(example(), strict=True).to_json() and strict["geldig"] is False
    problem(server.post("/v1/validate?strict=maybe", text, "text/yaml"), 400, "ongeldige_parameter")


@pytest.mark.parametrize(("body", "reason"), [(b'{"a": ', "json"), (b"\xff\xfe{}", "geen_utf8"), (b"", "leeg"), (b'{"a": 1, "a": 2}', "dubbele_sleutel")])
def test_unreadable_body_is_a_problem_with_the_onleesbaar_finding(server: Server, body: bytes, reason: str) -> None:
    found = problem(server.post("/v1/validate", body, Accept_Language="en"), 400, "onleesbaar")
    expected = api.check(body, yaml=False, lang="en")
    assert found["bevindingen"] == expected.to_json()["bevindingen"]
    assert [f["code"] for f in found["bevindingen"]] == ["onleesbaar"]


def test_not_an_object_is_a_type_finding(server: Server) -> None:
    reply = server.post("/v1/validate", b"[1, 2, 3]")
    assert reply.status == 200 and reply.json()["geldig"] is False
    assert [f["code"] for f in reply.json()["bevindingen"]] == ["type"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/json; charset=latin-1", "multipart/form-data; boundary=x", ""])
def test_wrong_content_type(server: Server, content_type: str) -> None:
    body = problem(server.post("/v1/validate", as_json(example()), content_type), 415, "mediatype")
    assert "application/json" in body["detail"]


def test_too_large_by_content_length(server: Server) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.putrequest("POST", "/v1/validate")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(50_000_000))
    conn.endheaders()  # no body sent at all: refused on the header alone
    response = conn.getresponse()
    reply = Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    conn.close()
    assert "2000000" in problem(reply, 413, "te_groot")["detail"]


# -- render ---------------------------------------------------------------------------------------------
def test_render_html_is_the_api_rendering(server: Server) -> None:
    reply = server.post("/v1/render/html", as_json(example()), Accept_Language="en")
    assert reply.status == 200 and reply.headers["content-type"] == "text/html; charset=utf-8"
    assert reply.body == api.render(example(), "html", lang="en")
    assert reply.headers["content-disposition"] == f'attachment; filename="{example()["kenmerk"]}.html"'


def test_render_docx(server: Server) -> None:
    reply = server.post("/v1/render/docx", as_json(example()))
    assert reply.status == 200 and reply.headers["content-type"] == DOCX
    with zipfile.ZipFile(io.BytesIO(reply.body)) as package, zipfile.ZipFile(io.BytesIO(api.render(example(), "docx"))) as expected:
        assert package.read("word/document.xml") == expected.read("word/document.xml")


def test_render_pdf_or_not_available(server: Server) -> None:
    reply = server.post("/v1/render/pdf", as_json(example()))
    if "pdf" in api.render_formats():
        assert reply.status == 200 and reply.body.startswith(b"%PDF")
    else:
        assert "pdf" in problem(reply, 406, "formaat_niet_beschikbaar")["detail"]


def test_render_invalid_document_is_422_with_the_findings(server: Server) -> None:
    body = problem(server.post("/v1/render/html", as_json(invalid()), Accept_Language="en"), 422, "ongeldig_document")
    assert body["bevindingen"] == api.validate(invalid(), lang="en").to_json()["bevindingen"]
    assert "not valid" in body["detail"]
    problem(server.post("/v1/render/odt", as_json(example())), 404, "niet_gevonden")


# -- the OpenAPI description ---------------------------------------------------------------------------
def test_openapi_is_valid_3_1_and_its_body_schema_is_the_exported_schema(server: Server) -> None:
    from openapi_spec_validator import validate as validate_spec

    document = server.get("/openapi.json").json()
    validate_spec(document)
    assert document["openapi"].startswith("3.1")
    body = document["paths"]["/v1/validate"]["post"]["requestBody"]["content"]
    assert body["application/json"]["schema"] == body["application/yaml"]["schema"] == {"$ref": "#/components/schemas/Melding"}
    assert document["paths"]["/v1/render/{fmt}"]["post"]["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Melding"}
    # Put the $defs back where `meldform schema` has them: the result is that schema.
    components = document["components"]["schemas"]
    exported = api.schema()

    def back(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: ("#/$defs/" + v.rsplit("/", 1)[1] if k == "$ref" else back(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [back(item) for item in node]
        return node

    rebuilt = {"$schema": exported["$schema"], "$id": exported["$id"], **back(components["Melding"])}
    rebuilt["$defs"] = {name: back(components[name]) for name in exported["$defs"]}
    assert rebuilt == exported
    sectors = document["paths"]["/v1/forms/{sector}"]["get"]["parameters"][1]["schema"]["enum"]
    assert sectors == [s.sector for s in api.sectors()]
    assert "securitySchemes" not in document["components"]


def _openapi_validator(document: dict[str, Any], name: str) -> Any:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    uri = "urn:meldform:openapi"
    registry: Registry[Any] = Registry().with_resource(uri, Resource.from_contents(document, default_specification=DRAFT202012))
    return Draft202012Validator({"$ref": f"{uri}#/components/schemas/{name}"}, registry=registry)


def test_answers_match_their_openapi_schemas(server: Server) -> None:
    document = server.get("/openapi.json").json()
    melding = _openapi_validator(document, "Melding")
    assert melding.is_valid(example())
    assert not melding.is_valid({**example(), "onbekend": 1})
    _openapi_validator(document, "Rapport").validate(server.post("/v1/validate", as_json(invalid())).json())
    _openapi_validator(document, "Probleem").validate(server.post("/v1/render/html", as_json(invalid())).json())
    for item in server.get("/v1/sectors").json():
        _openapi_validator(document, "SectorLabel").validate(item)
    form = server.get("/v1/forms/wijkteam?format=docx").body
    _openapi_validator(document, "Import").validate(server.post("/v1/import", form, DOCX).json())


def test_openapi_follows_accept_language(server: Server) -> None:
    nl = server.get("/openapi.json").json()
    en = server.get("/openapi.json", Accept_Language="en").json()
    assert nl["paths"]["/v1/validate"]["post"]["summary"] != en["paths"]["/v1/validate"]["post"]["summary"]
    assert nl["components"]["schemas"] == en["components"]["schemas"]


# -- auth, logs, disk ---------------------------------------------------------------------------------------
def test_bearer_token(start: Any, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    token_file.chmod(0o600)
    secured: Server = start("--token-file", str(token_file))
    reply = secured.get("/v1/sectors")
    problem(reply, 401, "geen_toegang")
    assert reply.headers["www-authenticate"].startswith("Bearer")
    problem(secured.get("/v1/sectors", Authorization="Bearer wrong-token-of-some-length"), 401, "geen_toegang")
    problem(secured.get("/v1/sectors", Authorization="Basic " + TOKEN), 401, "geen_toegang")
    problem(secured.post("/v1/validate", as_json(example())), 401, "geen_toegang")
    assert secured.get("/v1/sectors", Authorization=f"Bearer {TOKEN}").status == 200
    assert secured.post("/v1/validate", as_json(example()), Authorization=f"Bearer {TOKEN}").json()["geldig"] is True
    assert secured.get("/healthz").status == 200
    spec = secured.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"] == {"bearer": {"type": "http", "scheme": "bearer"}}
    assert spec["paths"]["/v1/validate"]["post"]["security"] == [{"bearer": []}]
    assert TOKEN not in secured.log()


def test_token_file_problems_exit_2_in_one_line(tmp_path: Path) -> None:
    short = tmp_path / "short"
    short.write_text("abc", encoding="utf-8")
    for args in (["--token-file", str(tmp_path / "missing")], ["--token-file", str(short)], ["--max-body", "lots"], ["--timeout", "soon"]):
        result = CliRunner().invoke(main, ["serve", "--port", "0", "--lang", "en", *args])
        assert result.exit_code == 2, result.output
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("meldform: "), lines


def test_logs_hold_no_personal_data_and_nothing_is_written(start: Any) -> None:
    logged: Server = start()
    doc = invalid()
    person = doc["betrokkenen"]["kinderen"][0]
    secrets = [BAD_BSN, doc["kenmerk"], doc["melder"]["email"], doc["melder"]["telefoon"]]
    secrets += [v for v in person["naam"].values() if isinstance(v, str) and len(v) > 3]
    sent = as_json(doc)
    logged.post("/v1/validate", sent)
    logged.post("/v1/render/html", sent)
    logged.post("/v1/render/html", as_json(example()))
    logged.post("/v1/render/docx", as_json(example()))
    logged.post("/v1/validate", sent[:-5])  # unreadable
    logged.post(f"/v1/validate?bsn={BAD_BSN}", sent)
    logged.get(f"/v1/forms/{BAD_BSN}")
    logged.get(f"/nothing/{BAD_BSN}", Authorization=f"Bearer {BAD_BSN}")
    time.sleep(0.2)  # let the reader thread collect the last lines
    log = logged.log()
    assert "POST /v1/render/{fmt} 422" in log and "POST /v1/validate 200" in log and "GET /v1/forms/{sector} 404" in log
    assert "GET - 404" in log  # an unknown path is not logged as sent
    for secret in secrets:
        assert secret not in log, secret
    assert "Traceback" not in log
    for folder in logged.folders:
        assert list(folder.iterdir()) == [], folder


def test_default_host_is_loopback(server: Server) -> None:
    assert "http://127.0.0.1:" in server.log()
    options = {p.name: p.default for p in main.commands["serve"].params}
    assert options["host"] == "127.0.0.1"


# -- limits ---------------------------------------------------------------------------------------------------
def _held_request(port: int, length: int) -> socket.socket:
    """A request whose body never comes: it holds its admission slot until the time limit."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(f"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n".encode())
    return sock


def _read_reply(sock: socket.socket) -> Reply:
    sock.settimeout(60)
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    while len(body) < int(headers.get("content-length", "0")):
        body += sock.recv(65536)
    sock.close()
    return Reply(int(lines[0].split()[1]), headers, body)


def test_slow_body_is_408_and_busy_is_503_with_retry_after(start: Any) -> None:
    small: Server = start("--concurrency", "1", "--timeout", "1s")
    held = _held_request(small.port, 100)
    time.sleep(0.2)  # the held request is admitted first
    busy = small.post("/v1/validate", as_json(example()), Accept_Language="en")
    problem(busy, 503, "bezet")
    assert busy.headers["retry-after"] == "1"
    problem(_read_reply(held), 408, "te_traag")
    assert small.post("/v1/validate", as_json(example())).status == 200  # the slot was given back


def test_too_large_while_streaming(start: Any) -> None:
    small: Server = start("--max-body", "64KiB")
    conn = http.client.HTTPConnection("127.0.0.1", small.port, timeout=30)
    chunks = (b"x" * 8192 for _ in range(12))  # 96 KiB, chunked: no Content-Length to refuse on
    conn.request("POST", "/v1/validate", body=chunks, headers={"Content-Type": "application/json"}, encode_chunked=True)
    response = conn.getresponse()
    reply = Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    conn.close()
    assert "65536" in problem(reply, 413, "te_groot")["detail"]
    assert small.post("/v1/validate", as_json(example())).status == 200  # under the cap


def test_work_past_the_time_limit_is_503_and_keeps_its_slot_until_done(start: Any) -> None:
    slow: Server = start("--concurrency", "1", "--timeout", "50ms")
    doc = example()
    child = doc["betrokkenen"]["kinderen"][0]
    doc["betrokkenen"]["kinderen"] = [dict(copy.deepcopy(child), id=f"k{i}", burgerservicenummer=BAD_BSN) for i in range(6000)]
    body = as_json(doc)  # ~1.3 MB with 6000 errors: far more than 50 ms of work
    assert len(body) < 2_000_000
    problem(slow.post("/v1/validate", body), 503, "tijdslimiet")
    problem(slow.post("/v1/validate", b"{}"), 503, "bezet")  # the abandoned work still holds the one slot
    for _ in range(600):
        reply = slow.post("/v1/validate", b"{}")
        if reply.status != 503:
            break
        time.sleep(0.05)
    assert reply.status == 200  # and gives it back when it is done


def test_several_workers(start: Any) -> None:
    multi: Server = start("--workers", "2")
    replies = [multi.post("/v1/validate", as_json(example())) for _ in range(20)]
    assert all(r.status == 200 and r.json()["geldig"] for r in replies)
    assert multi.log().count("Started server process") >= 2


# -- load -------------------------------------------------------------------------------------------------------
def test_bounded_load_2000_requests_16_at_once_without_errors(server: Server) -> None:
    documents = [path.read_bytes() for path in EXAMPLES if path.suffix == ".json"]
    total, concurrent = 2000, 16
    errors: list[Any] = []
    latencies: list[float] = []
    counter = iter(range(total))
    lock = threading.Lock()

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                break
            started = time.perf_counter()
            try:
                conn.request("POST", "/v1/validate", body=documents[index % len(documents)], headers={"Content-Type": "application/json"})
                response = conn.getresponse()
                data = response.read()
                ok = response.status == 200 and "geldig" in json.loads(data)
            except (OSError, http.client.HTTPException, ValueError) as exc:
                ok, data = False, repr(exc).encode()
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
            with lock:
                latencies.append(time.perf_counter() - started)
                if not ok:
                    errors.append(data[:200])
        conn.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrent)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    assert errors == []
    assert len(latencies) == total
    latencies.sort()
    print(f"\nload: {total} validate requests, {concurrent} at once: {total / elapsed:.0f} requests/s, p99 {latencies[int(total * 0.99)] * 1000:.1f} ms")


# -- small parts ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("header", "lang"),
    [
        (None, "nl"),
        ("", "nl"),
        ("en", "en"),
        ("en-GB,en;q=0.9", "en"),
        ("de,en;q=0.5,nl;q=0.9", "nl"),
        ("fr", "nl"),
        ("*", "nl"),
        ("nl;q=0.1, en;q=0.2", "en"),
        ("en;q=x", "nl"),
    ],
)
def test_negotiate_language(header: str | None, lang: str) -> None:
    assert negotiate_language(header) == lang


def test_sizes_and_durations() -> None:
    assert parse_size("2MB") == 2_000_000
    assert parse_size("512KiB") == 524_288
    assert parse_size("1500") == 1500
    assert parse_duration("10s") == 10.0
    assert parse_duration("500ms") == 0.5
    assert parse_duration("2m") == 120.0
    for bad in ("", "2 parsecs", "-1MB"):
        with pytest.raises(ValueError):
            parse_size(bad)
    with pytest.raises(ValueError):
        parse_duration("soon")


def test_serve_without_the_service_extra_says_how_to_install_it() -> None:
    code = "import sys; sys.modules['uvicorn'] = None; from meldform.cli import main; main()"
    result = subprocess.run([sys.executable, "-c", code, "serve", "--port", "0", "--lang", "en"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["meldform: the HTTP service is not available in this installation; install meldform[service]"]
