"""Checks that each report document is valid UTF-8 (an SVG also well-formed
XML) and prints the name between "bad" and "end" with non-ASCII characters
escaped, one line per file."""

import re
import sys
import xml.dom.minidom

for path in sys.argv[1:]:
    data = open(path, "rb").read()
    checks = []
    if path.endswith(".svg"):
        xml.dom.minidom.parseString(data)
        checks.append("well-formed XML")
    text = data.decode("utf-8")
    checks.append("valid UTF-8")
    name = re.search(r"bad.*?end", text)
    shown = name.group(0).encode("ascii", "backslashreplace").decode() \
        if name else "no name"
    print(f"{path}: {', '.join(checks)}, {shown}")
