"""Checks that roof-report's text, CSV and HTML say what its JSON says, for
every function and target: latency, fit, regime, usable on-chip bytes,
traffic on and off chip, and each kernel's time and on-chip bytes.

usage: compare_formats.py REPORT.json REPORT.txt REPORT.csv REPORT.html
Prints "agree: N reports" or each disagreement."""

import csv
import html
import json
import re
import sys

UNITS = {"s": 1, "ms": 1e-3, "us": 1e-6, "ns": 1e-9}
REGIMES = {
    "weights-over-link": re.compile(r"exceed on-chip memory \(([0-9.]+ [kMG]?B) usable\): .* stream over"),
    "no-on-chip-memory": re.compile(r"the target gives no on-chip memory"),
    "weights-on-chip": re.compile(r"fit in on-chip memory \(([0-9.]+ [kMG]?B) usable\)"),
    "weights-stream": re.compile(r"exceed on-chip memory \(([0-9.]+ [kMG]?B) usable\): the weights stream"),
}
SIZES = {"B": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}


def close(a, b, digits=3):
    """Whether `a` printed with `digits` decimals may stand for `b`."""
    return abs(a - b) <= 0.5 * 10 ** -digits * max(1, abs(a)) + 1e-12


def main():
    report = json.load(open(sys.argv[1]))["reports"]
    text = open(sys.argv[2]).read()
    rows = list(csv.DictReader(open(sys.argv[3])))
    page = html.unescape(open(sys.argv[4]).read())
    problems = []

    # The text report's sections, one per function and target, in order.
    sections = re.split(r"^== @", text, flags=re.M)[1:]
    sections = [s for s in sections if not s.startswith(
        tuple(r["function"] + ": comparison" for r in report))]
    if len(sections) != len(report):
        problems.append("text has %d sections, JSON %d reports"
                        % (len(sections), len(report)))
    paragraphs = re.findall(r'<p class="summary">(.*?)</p>', page)
    for i, r in enumerate(report):
        where = "@%s on %s" % (r["function"], r["target"]["name"])
        summary = r["summary"]
        section = sections[i] if i < len(sections) else ""

        latency = re.search(r"^latency ([0-9.]+) ([mun]?s) ", section, re.M)
        if not latency or not close(float(latency.group(1)),
                                    summary["latency_s"] / UNITS[latency.group(2)]):
            problems.append("%s: text latency %s, JSON %g s" % (
                where, latency and latency.group(0), summary["latency_s"]))
        fits = re.search(r"^memory: .*: (fits|does not fit)$", section, re.M)
        if not fits or (fits.group(1) == "fits") != summary["fits"]:
            problems.append("%s: text fit disagrees" % where)

        regime = REGIMES[summary["regime"]].search(section)
        if not regime:
            problems.append("%s: text regime is not %s" % (where, summary["regime"]))
        elif regime.groups():
            number, unit = regime.group(1).split()
            usable = float(number) * SIZES[unit]
            if not close(usable / SIZES[unit],
                         r["target"]["on_chip_usable_bytes"] / SIZES[unit]):
                problems.append("%s: text usable %s, JSON %g B" % (
                    where, regime.group(1), r["target"]["on_chip_usable_bytes"]))

        traffic = re.search(r"^traffic: ([0-9.]+) MB off chip, ([0-9.]+) MB served on chip",
                            section, re.M)
        if traffic:
            if not (close(float(traffic.group(1)), summary["off_chip_bytes"] / 1e6)
                    and close(float(traffic.group(2)), summary["on_chip_bytes"] / 1e6)):
                problems.append("%s: text traffic disagrees" % where)
            levels = re.search(r"^levels: (.*)$", section, re.M)
            for level in summary["levels"]:
                shown = re.search(re.escape(level["name"]) + r" ([0-9.]+) MB",
                                  levels.group(1) if levels else "")
                if not shown or not close(float(shown.group(1)), level["bytes"] / 1e6):
                    problems.append("%s: text level %s disagrees" % (where, level["name"]))
        elif summary["on_chip_bytes"] and r["target"]["memory_levels"][-1]["on_chip"] is False:
            problems.append("%s: JSON serves bytes on chip, text has no traffic line" % where)

        # CSV: one row per kernel, in the same order as JSON's kernels.
        mine = [row for row in rows if row["function"] == r["function"]
                and row["target"] == r["target"]["name"]]
        if len(mine) != len(r["kernels"]):
            problems.append("%s: CSV has %d kernels, JSON %d" % (
                where, len(mine), len(r["kernels"])))
        for row, kernel in zip(mine, r["kernels"]):
            if row["kernel"] != kernel["kernel"]:
                problems.append("%s: CSV kernel %s, JSON %s" % (where, row["kernel"], kernel["kernel"]))
            elif int(row["on_chip_bytes"]) != kernel["on_chip_bytes"]:
                problems.append("%s: %s: CSV on-chip bytes disagree" % (where, row["kernel"]))
            elif "time_s" in kernel and not close(float(row["time_s"]) / kernel["time_s"], 1, 5):
                problems.append("%s: %s: CSV time disagrees" % (where, row["kernel"]))

        # HTML: its summary paragraph.
        paragraph = paragraphs[i] if i < len(paragraphs) else ""
        latency = re.search(r"latency ([0-9.]+) ([mun]?s)", paragraph)
        if not latency or not close(float(latency.group(1)),
                                    summary["latency_s"] / UNITS[latency.group(2)]):
            problems.append("%s: HTML latency disagrees" % where)
        if ("does not fit" in paragraph) == summary["fits"]:
            problems.append("%s: HTML fit disagrees" % where)

    for problem in problems:
        print(problem)
    if not problems:
        print("agree: %d reports" % len(report))


if __name__ == "__main__":
    main()
