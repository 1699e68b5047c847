"""Benchmarks (run by hand, not by the test suite): `python benchmarks/bench.py`.

1. Start-up: median wall time of 10 runs of `parcli check` on the bundled data, next to
   `python -c "import yaml"` (the floor for any YAML tool in Python).
2. Loading: parcli's loader (positions kept, Decimals, duplicate-key checks) against
   PyYAML's own C loader on a generated criteria file of N rows.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

RUNS = 10


def wall(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def big_file(rows: int) -> str:
    lines = ["criteria:"]
    for i in range(rows):
        lines += [f'  - code: "{i // 100 + 1}.{i % 100 + 1}"', f"    name: Tiêu chí số {i}",
                  f"    name_en: Criterion {i}", "    max: 1.5", "    baseline: 0.78",
                  "    target: 1.25", "    lead: [Sở Nội vụ]"]
    return "\n".join(lines) + "\n"


def best(function: object, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    python = sys.executable
    floor = wall([python, "-c", "import yaml"])
    check = wall([python, "-m", "parcli", "check", "--format", "json"])
    help_ = wall([python, "-m", "parcli", "--version"])
    print(f"start-up, median of {RUNS}:")
    print(f"  python -c 'import yaml'      {floor * 1000:7.1f} ms")
    print(f"  parcli --version             {help_ * 1000:7.1f} ms")
    print(f"  parcli check --format json   {check * 1000:7.1f} ms")

    from parcli.load import load_document

    for rows in (10_000, 40_000):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "big.yaml"
            text = big_file(rows)
            path.write_text(text, encoding="utf-8")
            c_loader = best(lambda t=text: yaml.load(t, Loader=yaml.CSafeLoader))
            ours = best(lambda p=path: load_document(p))
        print(f"load {rows:,} rows ({len(text) / 1e6:.1f} MB): C loader {c_loader:.3f} s, "
              f"parcli {ours:.3f} s, ratio {ours / c_loader:.2f}")


if __name__ == "__main__":
    main()
