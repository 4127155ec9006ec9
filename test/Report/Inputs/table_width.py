"""Prints the widest line of the text report's tables (a title ending in
"):" or ": comparison", then its indented rows), in columns, and how many
tables there were."""

import sys

widest, tables, inside = 0, 0, False
for line in sys.stdin.read().splitlines():
    if line.endswith("):") or line.endswith(": comparison"):
        inside, tables = True, tables + 1
    elif inside and line.startswith("  "):
        widest = max(widest, len(line))
    else:
        inside = False
print(f"widest table line: {widest} columns in {tables} tables")
