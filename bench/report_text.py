"""What the validation scripts read from roof-report's text: one device's
latency and the collectives' share of it."""

import re


def latency_ms(text):
    """The latency of a text report, in ms."""
    value, unit = re.search(r"^latency ([0-9.]+) (us|ms|s) ", text,
                            re.M).groups()
    return float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[unit]


def communication_share(text):
    """The collectives' share of the latency, in %, or 0 without any."""
    share = re.search(r"^communication: .*?\(([0-9.]+) % of", text, re.M)
    return float(share.group(1)) if share else 0.0
