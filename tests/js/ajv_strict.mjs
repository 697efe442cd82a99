// Compile meldform's exported JSON Schema with a stock Ajv 8 (draft 2020-12) in strict mode and
// validate documents with it. Used by tests/test_schema_strict.py; run as
//   node ajv_strict.mjs JOB.json
// JOB.json: {"keywords": [names to register as annotation keywords, or none],
//            "schemas": {"<name>": <schema>},
//            "documents": [{"name": "...", "schema": "<name>", "data": <document>}]}
// Prints {"schemas": {"<name>": {"ok": bool, "error": str|null, "warnings": [...]}},
//         "documents": [{"name", "schema", "valid": bool|null, "errors": [...]}]}
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const result = { ajv: Ajv2020.name, schemas: {}, documents: [] };
const validators = {};

for (const [name, schema] of Object.entries(job.schemas)) {
  const warnings = [];
  const logger = { log() {}, warn: (...args) => warnings.push(args.join(" ")), error: (...args) => warnings.push(args.join(" ")) };
  // Ajv's default is strict mode: unknown keywords, ignored keywords and invalid numbers are
  // errors (strictSchema, strictNumbers); type and tuple doubts are logged (collected here).
  const ajv = new Ajv2020({ logger });
  addFormats(ajv, ["date", "email"]);
  if (job.keywords && job.keywords.length) ajv.addVocabulary(job.keywords);
  try {
    validators[name] = ajv.compile(schema);
    result.schemas[name] = { ok: true, error: null, warnings };
  } catch (err) {
    result.schemas[name] = { ok: false, error: String(err && err.message ? err.message : err), warnings };
  }
}

for (const doc of job.documents || []) {
  const validate = validators[doc.schema];
  if (!validate) {
    result.documents.push({ name: doc.name, schema: doc.schema, valid: null, errors: ["schema did not compile"] });
    continue;
  }
  const valid = validate(doc.data);
  const errors = valid ? [] : validate.errors.map((e) => `${e.instancePath || "/"}: ${e.keyword} ${e.message}`);
  result.documents.push({ name: doc.name, schema: doc.schema, valid, errors });
}

process.stdout.write(JSON.stringify(result) + "\n");
