"""The summary line the validation scripts share: how many rows are bounds
(measured / predicted >= 1) and their median ratio."""

import statistics


def print_bounds(ratios, median_at_most=2):
    """Prints "bounds: N of M rows (ratio >= 1); median ratio R"; whether
    every row is a bound and the median is at most `median_at_most`."""
    bounds = sum(r >= 1 for r in ratios)
    median = statistics.median(ratios)
    print(f"bounds: {bounds} of {len(ratios)} rows (ratio >= 1); median "
          f"ratio {median:.2f}")
    return bounds == len(ratios) and median <= median_at_most
