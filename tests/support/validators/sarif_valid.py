"""Validates a SARIF log against the SARIF 2.1.0 JSON schema: sarif_valid.py SCHEMA LOG.

Prints every schema violation and exits 1 when there is one; prints 'valid' otherwise.
"""
import json
import sys

import jsonschema

schema_path, log_path = sys.argv[1], sys.argv[2]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
with open(log_path, encoding="utf-8") as f:
    log = json.load(f)
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
for error in errors:
    print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
print("valid" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
