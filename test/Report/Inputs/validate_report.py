"""Validates a roof-report JSON document against docs/report-schema.json.

usage: validate_report.py SCHEMA REPORT; prints "valid" or the first error."""

import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
try:
    jsonschema.validate(report, schema)
except jsonschema.ValidationError as error:
    print("invalid:", error.message, "at", list(error.absolute_path))
    sys.exit(1)
print("valid")
