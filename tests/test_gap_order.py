"""`gap` ranks leaves by points, unknowns last, and ties in natural code order whatever the
file order (issue 18, item 10). Data: a plan written in the test, its rows out of order."""

from __future__ import annotations

import json
from pathlib import Path

PLAN = """\
index: {name: Chỉ số thử, short: PAR}
province: {name: Tỉnh Thử}
baseline_year: 2019
target_year: 2020
source: {title: Kế hoạch thử}
total: {max: 10, baseline: 4}
criteria:
  - {code: "1", name: Lĩnh vực, max: 10, baseline: 4, lead: [Sở A]}
  - {code: "1.10", name: Mười, max: 2, baseline: 1}
  - {code: "1.9", name: Chín, max: 2, baseline: 1}
  - {code: "1.b", name: Bê, max: 2, baseline: 1}
  - {code: "1.II", name: Hai, max: 2, baseline: 1}
  - {code: "1.a", name: A, max: 2}
"""
REGISTRY = """\
agencies:
  - {id: agency-a, name: Sở A}
"""


def test_ties_in_natural_code_order_and_unknowns_last(cli, tmp_path: Path) -> None:
    (tmp_path / "criteria.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "agencies.yaml").write_text(REGISTRY, encoding="utf-8")
    result = cli("gap", "--criteria", tmp_path / "criteria.yaml", "--no-assignments",
                 "--basis", "lost", "-f", "json")
    assert result.code == 0, result.err
    assert [row["code"] for row in json.loads(result.out)["rows"]] == [
        "1.9", "1.10", "1.II", "1.b", "1.a"]  # 1 point lost each; 1.a's is unknown
