"""`parcli due` and issue 18: statuses as at `--as-of` (item 9), the new deadline forms in the
list (item 15), and a csv whose values do not change with `--lang`.

Data: the bundled plan (data/*_2020.yaml, pinned by tests/conftest.py) with the made-up
results tests/fixtures/results/results_2020_full.yaml; results files written here into
tmp_path (each shown in its test); and the clean fixture (tests/fixtures/clean/, plan year
2030) with its deadlines edited through tests/rules/conftest.py's `Case`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.rules.conftest import Case

FULL = ROOT / "tests" / "fixtures" / "results" / "results_2020_full.yaml"


@pytest.fixture(autouse=True)
def _in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _json(result: Any) -> Any:
    assert result.code == 0, result.err
    return json.loads(result.out)


def _states(data: Any) -> list[tuple[str, str, str | None]]:
    return [(i["state"], i["code"], i["status"]) for i in data["items"]]


# ---- item 9: a status counts from its date on ---------------------------------------------

def test_statuses_dated_after_as_of_do_not_count(cli) -> None:
    # results_2020_full.yaml: 1.1 and 1.2 done on 2020-12-15, 1.3.1 dropped on 2020-09-01.
    # As at 2020-10-01, 1.2 (per regulation) is not done yet: it is listed, status unknown;
    # 1.3.1 was dropped before: it stays out.
    data = _json(cli("due", "--as-of", "2020-10-01", "--results", str(FULL), "--format",
                     "json"))
    assert _states(data) == [
        ("passed", "1.3.2", None),
        ("ongoing", "8.1.2", None), ("ongoing", "8.1.4", None), ("ongoing", "8.1.5", None),
        ("regulation", "1.2", None),
        ("undated", "8.5", None), ("undated", "8.6", None)]
    # as at the day it was done, it is done
    data = _json(cli("due", "--as-of", "2020-12-15", "--results", str(FULL), "--format",
                     "json"))
    assert [i["code"] for i in data["items"] if i["state"] == "regulation"] == []


RESULTS = """\
year: 2020
statuses:
  - {code: "1.3.1", status: in-progress, date: 2020-09-15}
  - {code: "1.3.2", status: done}
"""


@pytest.mark.parametrize(("as_of", "expected"), [
    # 1.3.2 done without a date: that counts at any date, so it is never listed;
    # 1.3.1 in progress from 2020-09-15: overdue after its due date (2020-09-30)
    ("2020-10-01", [("overdue", "1.3.1", "in-progress")]),
    # before 1.3.1's status was set, nothing was known of it
    ("2020-09-01", [("soon", "1.3.1", None)]),
])
def test_a_status_counts_from_its_date_and_one_without_a_date_always(
        cli, tmp_path: Path, as_of: str, expected: list[tuple[str, str, str | None]]) -> None:
    results = tmp_path / "results_2020.yaml"
    results.write_text(RESULTS, encoding="utf-8")
    data = _json(cli("due", "--as-of", as_of, "--results", str(results), "--format", "json"))
    assert [i for i in _states(data) if i[1].startswith("1.3")] == expected


# ---- item 15: the new forms in the list ---------------------------------------------------

def test_new_forms_in_due(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[
        ("deadline: Quý II", "deadline: Quý I, II"),
        ("deadline: Trước ngày 01/12", "deadline: Khi có yêu cầu"),
        ("deadline: Thường xuyên", "deadline: Trước ngày 15 hằng tháng")])
    data = _json(cli("due", *case.args(), "--as-of", "2030-04-01", "--format", "json"))
    assert [(i["state"], i["code"], i["deadline"], i["due"], i["dues"])
            for i in data["items"]] == [
        ("passed", "1.1", "Quý I, II", "2030-03-31", ["2030-03-31", "2030-06-30"]),
        ("soon", "2.1.1", "Trước ngày 15 hằng tháng", "2030-04-14", ["2030-04-14"]),
        ("undated", "1.2", "Khi có yêu cầu", None, [])]
    assert data["counts"] == {"overdue": 0, "passed": 1, "soon": 1, "ongoing": 0,
                              "regulation": 0, "undated": 1}


# ---- csv keeps its values whatever --lang -------------------------------------------------

def _csv(result: Any) -> list[dict[str, str]]:
    assert result.code == 0, result.err
    return list(csv.DictReader(io.StringIO(result.out)))


def test_csv_due_is_iso_in_every_language(cli) -> None:
    args = ("due", "--as-of", "2020-10-01", "--format", "csv")
    english, vietnamese = _csv(cli(*args)), _csv(cli(*args, "--lang", "vi"))
    assert [(r["code"], r["due"]) for r in vietnamese] == [
        ("1.3.1", "2020-09-30"), ("1.3.2", "2020-09-30"), ("8.1.2", ""), ("8.1.4", ""),
        ("8.1.5", ""), ("1.2", ""), ("8.5", ""), ("8.6", "")]
    assert [r["due"] for r in english] == [r["due"] for r in vietnamese]
    # the reader's formats keep the reader's dates
    table = cli("due", "--as-of", "2020-10-01", "--format", "md", "--lang", "vi")
    lines = [line for line in table.out.splitlines() if line.startswith("| ")]
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
    column = cells[0].index("Ngày đến hạn")
    assert [row[column] for row in cells[1:]] == ["30/09/2020", "30/09/2020", "", "", "", "",
                                                  "", ""]
