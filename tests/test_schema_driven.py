"""The schema is the single source of truth: a new field reaches every output with no code edit.

A copy of the installed package is made with one extra property in the schema (nothing else
changed) and run in a separate interpreter, so no cache of this process can help.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import meldform
from meldform.resources import resource_dir

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "onderwijs-vo-partnergeweld.json"

NEW_FIELD = {
    "title": "Huisdieren in huis",
    "description": "Zijn er dieren in huis? Geweld tegen dieren kan een signaal zijn.",
    "type": "string",
    "maxLength": 200,
}
VALUE = "Een hond die volgens Noor ook geslagen wordt"

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from meldform.check.loading import load_document
    from meldform.check.validation import validate
    from meldform.documents.rendering import render_document
    from meldform.model.layout import build_layout
    doc = load_document(sys.argv[1]).data
    doc["zorgen"]["huisdieren"] = sys.argv[2]
    findings = validate(doc)
    assert not [f for f in findings if f.ernst == "fout"], findings
    out = sys.argv[3]
    open(out + ".html", "wb").write(render_document(doc, findings, "html"))
    open(out + ".docx", "wb").write(render_document(doc, findings, "docx"))
    labels = [n.label for _, n in build_layout("melding", "onderwijs").walk()]
    print(json.dumps({"labels": labels, "package": __import__("meldform").__file__}))
    """
)


def test_a_field_added_to_the_schema_appears_in_html_and_word(tmp_path: Path) -> None:
    package = tmp_path / "site" / "meldform"
    shutil.copytree(Path(meldform.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__", "schemas", "templates"))
    shutil.copytree(resource_dir("schemas"), package / "schemas")
    shutil.copytree(resource_dir("templates"), package / "templates")
    defs_path = package / "schemas" / "defs.schema.json"
    defs = json.loads(defs_path.read_text(encoding="utf-8"))
    defs["$defs"]["Zorgen"]["properties"]["huisdieren"] = NEW_FIELD
    defs_path.write_text(json.dumps(defs, ensure_ascii=False), encoding="utf-8")

    out = tmp_path / "uit"
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(EXAMPLE), VALUE, str(out)],
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,  # not the checkout: `-c` puts the current folder first on sys.path
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["package"].startswith(str(package)), "the copy, not the original, must run"
    assert NEW_FIELD["title"] in report["labels"]

    html = (out.with_suffix(".html")).read_text(encoding="utf-8")
    assert f'<th scope="row">{NEW_FIELD["title"]}</th><td>{VALUE}</td>' in html

    from docx import Document

    word = Document(str(out.with_suffix(".docx")))
    rows = [[c.text.strip() for c in row.cells] for table in word.tables for row in table.rows]
    assert [NEW_FIELD["title"], VALUE] in rows
