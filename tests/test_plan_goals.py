"""The plan file at work: the report's goals and targets, the task sheet's duties, `--body`
in assignments and due, and the results' measured values checked. Data: data/criteria_2020.yaml
and data/assignments_2020.yaml with the small plan file tests/fixtures/body/plan_2020.yaml
(two goals, two sections, two targets, one duty), and results written here."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT

CRITERIA = ROOT / "data" / "criteria_2020.yaml"
PLAN = ROOT / "tests" / "fixtures" / "body" / "plan_2020.yaml"
DATA = ("--criteria", str(CRITERIA), "--plan", str(PLAN))
RESULTS = """year: 2020
measured:
  - {id: sipas, value: 82.5, date: 2020-11-30}
  - {id: sipas, value: 79, date: 2020-06-30}
  - {id: par-rank, value: 51}
  - {id: II.6.1.a, value: 96.4}
statuses:
  - {code: II.6.3, status: done, date: 2020-09-01}
"""


def _results(tmp_path: Path, text: str = RESULTS) -> str:
    path = tmp_path / "results_2020.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _section(markdown: str, heading: str) -> list[str]:
    lines = markdown.splitlines()
    start = lines.index(heading)
    end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith("#")), len(lines))
    return [line for line in lines[start + 1:end] if line]


def test_the_report_shows_the_goals_and_where_each_stands(cli, tmp_path: Path) -> None:
    result = cli("report", *DATA, "--results", _results(tmp_path), "--as-of", "2020-12-01",
                 "--lang", "vi", "-f", "md")
    assert result.code == 0, result.err
    rows = _section(result.out, "## Mục tiêu của Kế hoạch")
    assert [[cell.strip() for cell in row.split("|")[1:-1]] for row in rows[:1] + rows[2:4]] == [
        ["Mục", "Mục tiêu", "Mức cần đạt", "Kết quả đo được", "Đánh giá"],
        ["I.1.4", "Phấn đấu Chỉ số PAR Index của tỉnh năm 2020 tăng vị thứ xếp hạng so với năm "
         "2019", "xếp hạng cao hơn vị thứ 50/63", "vị thứ 51 (tệp kết quả)", "chưa đạt"],
        # the latest dated value counts (82.5 of 30/11, not 79 of 30/06)
        ["I.1.4", "Chỉ số SIPAS của tỉnh đạt trên 80%", "\\> 80%", "82,5%", "đạt"]]
    assert rows[4:] == ["Mục tiêu của Kế hoạch: 1 đạt, 1 chưa đạt, 0 chưa rõ."]
    targets = _section(result.out, "### Chỉ tiêu trong phần nội dung thực hiện của Kế hoạch")
    assert [row.split("|")[1:-1][0].strip() for row in targets[2:4]] == ["II.6.1.a", "II.6.3.a"]
    assert [row.split("|")[3:6] for row in targets[2:4]] == [
        [" ≥ 100%        ", " 96,4%             ", " chưa đạt                              "],
        [" ≥ 10%         ", "                   ", " chưa rõ: tệp kết quả chưa ghi giá trị "]]
    assert targets[4] == "Chỉ tiêu: 0 đạt, 1 chưa đạt, 1 chưa rõ."
    # the goals are in the body, before the annex; the targets in the annex
    assert result.out.index("## Mục tiêu của Kế hoạch") < result.out.index("## Phụ lục") \
        < result.out.index("### Chỉ tiêu trong phần")


def test_without_results_every_goal_is_unknown_and_says_why(cli) -> None:
    result = cli("report", *DATA, "--as-of", "2020-10-15", "-f", "json")
    assert result.code == 0, result.err
    goals = json.loads(result.out)["goals"]
    assert [(g["id"], g["kind"], g["state"], g["why"]) for g in goals] == [
        ("par-rank", "goal", "unknown", "no-results"), ("sipas", "goal", "unknown", "no-results"),
        ("II.6.1.a", "target", "unknown", "no-results"),
        ("II.6.3.a", "target", "unknown", "no-results")]
    assert goals[1]["threshold"] == {"comparison": ">", "value": 80, "unit": "%"}


def test_a_published_table_of_the_plan_year_measures_the_rank(cli, tmp_path: Path) -> None:
    peers = tmp_path / "peers_2020.yaml"
    peers.write_text("year: 2020\nof: 63\nprovinces:\n"
                     "  - {province: Đắk Lắk, score: 85.5, rank: 40}\n"
                     "  - {province: Quảng Ninh, score: 91.2, rank: 1}\n", encoding="utf-8")
    result = cli("report", *DATA, "--peers", peers, "--as-of", "2020-10-15", "-f", "json")
    assert result.code == 0, result.err
    [rank] = [g for g in json.loads(result.out)["goals"] if g["id"] == "par-rank"]
    assert (rank["places"], rank["measured"], rank["measured_by"], rank["state"]) == (
        [40], 40, "peers", "met")


def test_a_table_of_another_year_does_not_measure_the_rank(cli) -> None:
    peers = ROOT / "tests" / "fixtures" / "peers" / "par_index_2019.yaml"
    result = cli("report", *DATA, "--peers", peers, "--as-of", "2020-10-15", "-f", "json")
    [rank] = [g for g in json.loads(result.out)["goals"] if g["id"] == "par-rank"]
    assert (rank["places"], rank["state"], rank["why"]) == ([], "unknown", "peers-other-year")
    vi = cli("report", *DATA, "--peers", peers, "--as-of", "2020-10-15", "-f", "md",
             "--lang", "vi").out
    assert "| chưa rõ: bảng xếp hạng được cung cấp là của năm khác |" in vi


def test_a_report_without_a_plan_file_has_no_goals(cli) -> None:
    result = cli("report", "--criteria", CRITERIA, "--plan", PLAN, "--as-of", "2020-10-15",
                 "-f", "md")
    assert "## The plan's goals" in result.out
    bare = cli("report", "--criteria", CRITERIA, "--as-of", "2020-10-15", "-f", "json",
               "--plan", ROOT / "tests" / "fixtures" / "body" / "missing.yaml")
    assert (bare.code, bare.err) == (
        2, f"parcli: error: --plan: {ROOT / 'tests/fixtures/body/missing.yaml'}: no such file\n")


def test_the_task_sheet_lists_the_agencys_duties(cli) -> None:
    result = cli("report", *DATA, "--agency", "finance", "--as-of", "2020-10-15", "-f", "md")
    assert result.code == 0, result.err
    rows = _section(result.out, "## Standing duties (Part III of the plan)")
    assert [[cell.strip() for cell in row.split("|")[1:-1]] for row in rows[:1] + rows[2:]] == [
        ["Printed at", "Duty"],
        # italic: the data gives no English text, so the English report shows the Vietnamese
        ["III.3.1", "*Sở Tài chính chủ trì, phối hợp với Sở Nội vụ và các cơ quan, đơn vị "
         "liên quan tham mưu UBND tỉnh bố trí nguồn kinh phí để triển khai thực hiện Kế hoạch "
         "này theo quy định hiện hành.*"]]
    body = cli("report", *DATA, "--agency", "finance", "--body", "--as-of", "2020-10-15",
               "-f", "md").out
    tasks = _section(body, "## Tasks in the plan's Part II for the fields of its criteria")
    assert [row.split("|")[1].strip() for row in tasks[2:]] == ["II.6.1", "II.6.3"]
    data = json.loads(cli("report", *DATA, "--agency", "finance", "--body", "--as-of",
                          "2020-10-15", "-f", "json").out)
    assert [(d["code"], d["part"]) for d in data["duties"]] == [
        ("II.6.1", "task"), ("II.6.3", "task"), ("III.3.1", "duty")]
    refused = cli("report", *DATA, "--body")
    assert (refused.code, refused.err) == (2, "parcli: error: --body lists the plan file's "
                                              "tasks in task sheets: give --agency or "
                                              "--per-agency\n")
    other = json.loads(cli("report", *DATA, "--agency", "justice", "--as-of", "2020-10-15",
                           "-f", "json").out)
    assert other["duties"] == []


def test_assignments_with_the_body(cli) -> None:
    result = cli("assignments", *DATA, "--body", "--agency", "finance", "-f", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)["rows"]
    body = [(r["part"], r["code"], r["criterion"], r["lead"], r["implementers"]) for r in rows
            if r["part"] != "appendix"]
    # a duty names who carries it out, not who leads it
    assert body == [("task", "II.6.1", "6", [], []), ("task", "II.6.3", "6", [], []),
                    ("duty", "III.3.1", None, [], ["finance"])]
    csv = cli("assignments", *DATA, "--body", "--agency", "finance", "-f", "csv",
              "--lang", "vi").out
    assert csv.splitlines()[0].startswith("part,code,")
    assert {line.split(",")[0] for line in csv.splitlines()[1:]} == {"appendix", "task", "duty"}
    assert {r["part"] for r in rows} == {"appendix", "task", "duty"}
    plain = json.loads(cli("assignments", *DATA, "--agency", "finance", "-f", "json").out)
    assert "part" not in plain["rows"][0]
    assert len(plain["rows"]) == len(rows) - 3


def test_body_needs_a_plan_file(cli, tmp_path: Path) -> None:
    for name in ("criteria_2020.yaml", "assignments_2020.yaml", "agencies.yaml"):
        (tmp_path / name).write_text((ROOT / "data" / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    for command in ("assignments", "due"):
        result = cli(command, "--criteria", tmp_path / "criteria_2020.yaml", "--body")
        assert (result.code, result.out) == (2, "")
        assert result.err == ("parcli: error: --body needs a plan file: plan_<year>.yaml "
                              "beside the criteria file, or --plan FILE\n")
    vi = cli("due", "--criteria", tmp_path / "criteria_2020.yaml", "--body", "--lang", "vi")
    assert vi.err == ("parcli: lỗi: --body cần tệp kế hoạch: plan_<năm>.yaml cạnh tệp tiêu chí, "
                      "hoặc --plan TỆP\n")


def test_due_with_the_body_lists_it_as_undated(cli, tmp_path: Path) -> None:
    result = cli("due", *DATA, "--results", _results(tmp_path), "--body", "--agency",
                 "finance", "--as-of", "2020-10-15", "-f", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    # II.6.3 is done: never due
    # the body prints neither a deadline nor a lead
    assert [(i["part"], i["code"], i["state"], i["lead"]) for i in data["items"]
            if i["part"] != "appendix"] == [("task", "II.6.1", "undated", []),
                                             ("duty", "III.3.1", "undated", [])]
    assert data["counts"]["undated"] == sum(i["state"] == "undated" for i in data["items"])


def test_measured_values_are_checked(cli, tmp_path: Path) -> None:
    results = _results(tmp_path, "year: 2020\nmeasured:\n  - {id: sipas2, value: 82}\n"
                       "  - {id: par-rank, value: 50.5}\n")
    result = cli("validate", *DATA, "--results", results, "-f", "json")
    assert result.code == 1
    errors = [(e["rule"], e["line"], e["message"]) for e in json.loads(result.out)["errors"]]
    assert errors == [
        ("result-unknown-code", 3,
         "no goal or body target sipas2 in the plan file: its value would be lost"),
        ("result-out-of-range", 4,
         "par-rank: a rank goal's place 50.5 is not a whole number from 1 to 63")]


def test_per_agency_writes_the_sheets_of_agencies_with_duties_only(cli, tmp_path: Path) -> None:
    # data/plan_2020.yaml: III.5 names the Fatherland Front and the Veterans' Association,
    # which neither lead a criterion nor have a task in Appendix II
    folder = tmp_path / "sheets"
    result = cli("report", "--per-agency", folder, "--as-of", "2020-10-15")
    assert result.code == 0, result.err
    names = sorted(path.name for path in folder.iterdir())
    assert {"fatherland-front.md", "veterans-association.md"} <= set(names)
    sheet = (folder / "veterans-association.md").read_text(encoding="utf-8")
    assert "| III.5.1 " in sheet
    without = cli("report", "--per-agency", tmp_path / "none", "--as-of", "2020-10-15",
                  "--criteria", CRITERIA, "--plan", PLAN)
    assert without.code == 0
    assert not (tmp_path / "none" / "veterans-association.md").exists()
