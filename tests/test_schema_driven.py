"""The schema is the single source of truth: a new field reaches every output with no code edit.

A copy of the installed package is made with one extra property in the schema (nothing else
changed) and run in a separate interpreter, so no cache of this process can help. The property
must appear in the filled HTML and Word documents, the blank HTML and Word forms, and come back
out of a filled-in Word form (the import round trip).
"""

from __future__ import annotations

import io
import json
import re
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
    import io, json, sys
    import docx
    from lxml import etree
    from meldform.check.loading import load_document
    from meldform.check.validation import validate
    from meldform.documents.rendering import render_document
    from meldform.forms.docx_common import control_tag
    from meldform.forms.docx_reader import import_docx
    from meldform.forms.docx_writer import blank_docx
    from meldform.forms.html import blank_html
    from meldform.model.layout import build_layout
    doc = load_document(sys.argv[1]).data
    doc["zorgen"]["huisdieren"] = sys.argv[2]
    findings = validate(doc)
    assert not [f for f in findings if f.ernst == "fout"], findings
    out = sys.argv[3]
    open(out + ".html", "wb").write(render_document(doc, findings, "html"))
    open(out + ".docx", "wb").write(render_document(doc, findings, "docx"))
    layout = build_layout("melding", "onderwijs")
    open(out + ".form.html", "w", encoding="utf-8").write(blank_html(layout))
    form = blank_docx(layout)
    open(out + ".form.docx", "wb").write(form)

    # fill in the new field the way Word does (placeholder gone, the text in a run) and import
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    word = docx.Document(io.BytesIO(form))
    tag = control_tag(("zorgen", "huisdieren"))
    (control,) = [e for e in word.element.body.iter(W + "sdt") if e.find(f"{W}sdtPr/{W}tag").get(W + "val") == tag]
    flag = control.find(f"{W}sdtPr/{W}showingPlcHdr")
    if flag is not None:
        flag.getparent().remove(flag)
    content = control.find(W + "sdtContent")
    for child in list(content):
        content.remove(child)
    etree.SubElement(etree.SubElement(content, W + "r"), W + "t").text = sys.argv[2]
    buffer = io.BytesIO()
    word.save(buffer)
    imported = import_docx(buffer.getvalue())

    labels = [n.label for _, n in layout.walk()]
    print(json.dumps({"labels": labels, "package": __import__("meldform").__file__, "imported": imported.document, "problems": imported.problems}))
    """
)


def test_a_field_added_to_the_schema_appears_in_every_output(tmp_path: Path) -> None:
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

    # the blank HTML form: a labelled text input under its key, with its help and its maximum length
    form_html = Path(f"{out}.form.html").read_text(encoding="utf-8")
    field = re.search(r'<div class="veld[^"]*" data-node="field" data-kind="text" data-key="huisdieren"[^>]*>(.*?)</div>', form_html, re.S)
    assert field is not None, "no field for the new property in the blank HTML form"
    assert f'<label class="veldlabel" for="f-zorgen-huisdieren">{NEW_FIELD["title"]}</label>' in field.group(1)
    assert NEW_FIELD["description"] in field.group(1)
    assert 'id="f-zorgen-huisdieren"' in field.group(1) and f'maxlength="{NEW_FIELD["maxLength"]}"' in field.group(1)

    # the blank Word form: a content control tagged with the field's pointer, in a row with its label
    blank_word = Document(io.BytesIO(Path(f"{out}.form.docx").read_bytes()))
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    tags = [e.get(ns + "val") for e in blank_word.element.body.iter(ns + "tag")]
    assert tags.count("/zorgen/huisdieren") == 1
    form_rows = [[c.text.strip() for c in row.cells] for table in blank_word.tables for row in table.rows]
    assert any(row[0] == NEW_FIELD["title"] for row in form_rows)

    # the Word import round trip: the value typed into the form comes back under its key
    assert report["problems"] == []
    assert report["imported"]["zorgen"] == {"huisdieren": VALUE}
