"""Each validation rule: a small fixture that triggers it (rule id, file, line, message, exit
code) and a near miss that does not.

tests/fixtures/clean/ holds a small plan that passes every rule; each case copies it into
tmp_path with one edit. Line numbers are found by searching the edited text, so a test states
*which* line it expects (e.g. the `baseline:` line of row "1"), not a number read from parcli.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parcli.rules import catalogue

CLEAN = Path(__file__).resolve().parent / "fixtures" / "clean"
NAMES = {"criteria": "criteria.yaml", "assignments": "assignments.yaml",
         "agencies": "agencies.yaml"}

Edit = tuple[str, str]


class Case:
    """The clean fixture copied to a folder, with edits applied (each must match once)."""

    def __init__(self, folder: Path, **edits: list[Edit]) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.paths: dict[str, Path] = {}
        for kind, name in NAMES.items():
            text = (CLEAN / name).read_text(encoding="utf-8")
            for old, new in edits.get(kind, []):
                assert text.count(old) == 1, f"{old!r} must occur once in {name}"
                text = text.replace(old, new)
            path = folder / name
            path.write_text(text, encoding="utf-8")
            self.paths[kind] = path

    def args(self) -> list[str]:
        return ["--criteria", str(self.paths["criteria"]),
                "--assignments", str(self.paths["assignments"]),
                "--agencies", str(self.paths["agencies"])]

    def file(self, kind: str) -> str:
        return str(self.paths[kind])

    def lines(self, kind: str, needle: str) -> list[int]:
        """1-based numbers of the lines of a file that contain `needle`."""
        text = self.paths[kind].read_text(encoding="utf-8").splitlines()
        return [n for n, line in enumerate(text, 1) if needle in line]

    def line(self, kind: str, needle: str, after: str | None = None) -> int:
        """The line holding `needle` (the first one after the line holding `after`)."""
        start = self.lines(kind, after)[0] if after else 0
        found = [n for n in self.lines(kind, needle) if n > start]
        assert found, needle
        return found[0] if after else _single(found)


def _single(found: list[int]) -> int:
    assert len(found) == 1, found
    return found[0]


def validate(cli, case: Case, *extra: str) -> tuple[int, dict[str, list[dict[str, object]]]]:
    result = cli("validate", "--format", "json", *case.args(), *extra)
    assert result.out, result.err
    return result.code, json.loads(result.out)


def problems(data: dict[str, list[dict[str, object]]], rule: str) -> list[dict[str, object]]:
    return [p for p in data["errors"] + data["warnings"] if p["rule"] == rule]


def test_clean_fixture_passes_every_rule(cli, tmp_path: Path) -> None:
    case = Case(tmp_path)
    assert validate(cli, case) == (0, {"errors": [], "warnings": []})
    assert validate(cli, case, "--strict") == (0, {"errors": [], "warnings": []})
    result = cli("validate", *case.args())
    assert (result.code, result.out) == (0, "No problems found.\n0 error(s), 0 warning(s)\n")


def test_catalogue_lists_every_rule_with_its_level() -> None:
    assert {info.id: info.level for info in catalogue()} == {
        "duplicate-code": "error", "orphan-code": "error", "unknown-agency": "error",
        "unknown-criterion": "error", "checksum": "error",
        "stale-acknowledgement": "warning", "no-lead": "error", "uncovered-criterion": "warning",
        "missing-product": "warning", "missing-requirement": "warning",
        "missing-deadline": "warning", "missing-lead": "warning", "lead-mismatch": "warning",
        "unparsed-deadline": "warning", "title-mismatch": "warning",
    }


# --- no-lead -------------------------------------------------------------------------------

def test_no_lead_anywhere_fails(cli, tmp_path: Path) -> None:
    # 2.1 loses its own lead; field 2 has none and its assignment 2.1.1 loses its lead too.
    case = Case(tmp_path, criteria=[("    target: 3.5\n    lead: [Sở Gamma]\n",
                                     "    target: 3.5\n")],
                assignments=[("    deadline: Thường xuyên\n    lead: [Sở Gamma]\n",
                              "    deadline: Thường xuyên\n")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "no-lead") == [{
        "rule": "no-lead", "code": "2.1",
        "message": "criterion 2.1 has nobody responsible (1.5 points lost): give it a lead "
                   "here or in an assignment",
        "file": case.file("criteria"), "line": case.line("criteria", 'code: "2.1"'),
        "column": 11}]


def test_lead_from_assignments_is_enough(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[("    target: 3.5\n    lead: [Sở Gamma]\n",
                                     "    target: 3.5\n")])
    code, data = validate(cli, case)
    assert problems(data, "no-lead") == []
    assert code == 0


# --- duplicate-code -------------------------------------------------------------------------

EXTRA_ROW = ('    lead: [Sở Gamma]\n',
             '    lead: [Sở Gamma]\n  - code: "{code}"\n    name: Thêm\n    name_en: Extra\n'
             '    max: 0\n    baseline: 0\n    target: 0\n')


def _extra_row(code: str) -> Edit:
    return EXTRA_ROW[0], EXTRA_ROW[1].format(code=code)


def test_duplicate_code_in_criteria(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[_extra_row("2.1")])
    first, second = case.lines("criteria", 'code: "2.1"')
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "duplicate-code") == [{
        "rule": "duplicate-code", "code": "2.1", "file": case.file("criteria"), "line": second,
        "column": 11, "message": f"duplicate code 2.1 (first at line {first})"}]
    # the hierarchy cannot be computed: check refuses the file too
    result = cli("check", "--criteria", case.paths["criteria"])
    assert result.code == 1
    assert f"{case.file('criteria')}:{second}:11: error duplicate code 2.1" in result.err


def test_duplicate_code_in_assignments(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[(
        '    implementers: [Sở Alpha (cơ quan thường trực), Sở Beta]\n',
        '    implementers: [Sở Alpha (cơ quan thường trực), Sở Beta]\n'
        '  - code: "1.1"\n    title: Tiêu chí một một\n    title_en: Again\n')])
    first, second = case.lines("assignments", 'code: "1.1"')
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "duplicate-code") == [{
        "rule": "duplicate-code", "code": "1.1", "file": case.file("assignments"),
        "line": second, "column": 11, "message": f"duplicate code 1.1 (first at line {first})"}]


def test_same_code_in_both_files_is_no_duplicate(cli, tmp_path: Path) -> None:
    _, data = validate(cli, Case(tmp_path))
    assert problems(data, "duplicate-code") == []


# --- orphan-code ----------------------------------------------------------------------------

def test_orphan_code(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[_extra_row("3.1")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "orphan-code") == [{
        "rule": "orphan-code", "code": "3.1", "file": case.file("criteria"),
        "line": case.line("criteria", 'code: "3.1"'), "column": 11,
        "message": "criterion 3.1 has no parent 3 before it"}]


def test_child_before_its_parent_is_an_orphan(cli, tmp_path: Path) -> None:
    row_2 = ('  - code: "2"\n    name: Lĩnh vực hai\n    name_en: Field two\n    max: 4\n'
             '    baseline: 2.5\n    target: 3.5\n')
    case = Case(tmp_path, criteria=[(row_2, ""), ("    lead: [Sở Gamma]\n",
                                                  "    lead: [Sở Gamma]\n" + row_2)])
    code, data = validate(cli, case)
    assert code == 1
    assert [(p["code"], p["line"], p["message"]) for p in problems(data, "orphan-code")] == [
        ("2.1", case.line("criteria", 'code: "2.1"'),
         "criterion 2.1 has no parent 2 before it")]


def test_a_grandchild_needs_its_own_parent_not_only_a_field(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[_extra_row("2.2.1")])
    _, data = validate(cli, case)
    assert [p["message"] for p in problems(data, "orphan-code")] == [
        "criterion 2.2.1 has no parent 2.2 before it"]


def test_no_orphan_when_parent_comes_first(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[_extra_row("2.2")])
    _, data = validate(cli, case)
    assert problems(data, "orphan-code") == []


# --- unknown-agency -------------------------------------------------------------------------

def test_unknown_agency_in_both_files(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[("lead: [Sở Beta]", "lead: [Sở Delta]")],
                assignments=[("implementers: [Sở Alpha, Sở Gamma]",
                              "implementers: [Sở Alpha, Sở Gama]")])
    code, data = validate(cli, case)
    assert code == 1
    hint = "add it (or this spelling as an alias) to the registry"
    assert problems(data, "unknown-agency") == [
        {"rule": "unknown-agency", "code": "1.2", "file": case.file("criteria"),
         "line": case.line("criteria", "Sở Delta"), "column": 12,
         "message": f"unknown agency 'Sở Delta': {hint}"},
        {"rule": "unknown-agency", "code": "1.2", "file": case.file("assignments"),
         "line": case.line("assignments", "Sở Gama]"), "column": 30,
         "message": f"unknown agency 'Sở Gama': {hint}"},
    ]


def test_unknown_agency_table_names_file_and_line(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("lead: [Sở Gamma]", "lead: [Sở Omega]")])
    result = cli("validate", *case.args())
    assert result.code == 1
    line = case.line("assignments", "Sở Omega")
    assert (f"{case.file('assignments')}:{line}:12: error unknown agency 'Sở Omega': add it "
            "(or this spelling as an alias) to the registry [unknown-agency]\n") in result.out
    assert result.out.endswith("1 error(s), 0 warning(s)\n")


def test_agency_spellings_that_resolve(cli, tmp_path: Path) -> None:
    """Case, doubled spaces and aliases all resolve (the clean fixture uses each)."""
    case = Case(tmp_path, criteria=[("lead: [Sở Beta]", "lead: [SỞ   BETA]")],
                assignments=[("lead: [Sở Alpha]", "lead: [alpha]")])  # an id resolves too
    _, data = validate(cli, case)
    assert problems(data, "unknown-agency") == []


# --- unknown-criterion ----------------------------------------------------------------------

def test_unknown_criterion(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[('code: "2.1.1"', 'code: "9.9"')])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "unknown-criterion") == [{
        "rule": "unknown-criterion", "code": "9.9", "file": case.file("assignments"),
        "line": case.line("assignments", 'code: "9.9"'), "column": 11,
        "message": "assignment 9.9 maps to no criterion (no 9.9 nor any ancestor of it in the "
                   "criteria file)"}]


def test_assignment_mapping_to_an_ancestor_is_known(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[('code: "2.1.1"', 'code: "1.2.7.3"')])
    _, data = validate(cli, case)
    assert problems(data, "unknown-criterion") == []


# --- checksum -------------------------------------------------------------------------------

def test_checksum_on_a_subtotal(cli, tmp_path: Path) -> None:
    # 1.1's baseline 2 -> 2.5: row "1" prints 4 but its rows now add up to 4.5
    case = Case(tmp_path, criteria=[("    baseline: 2\n    target: 2.75",
                                     "    baseline: 2.5\n    target: 2.75")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "checksum") == [{
        "rule": "checksum", "code": "1", "file": case.file("criteria"),
        "line": case.line("criteria", "baseline: 4"), "column": 15,
        "message": "1 baseline: printed 4, rows add up to 4.5 (difference -0.5); fix the data "
                   "or acknowledge it with a reason"}]


def test_checksum_on_the_grand_total(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[("  target: 8.75", "  target: 9")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "checksum") == [{
        "rule": "checksum", "code": "total", "file": case.file("criteria"),
        "line": case.line("criteria", "  target: 9"), "column": 11,
        "message": "total target: printed 9, rows add up to 8.75 (difference 0.25); fix the "
                   "data or acknowledge it with a reason"}]


def test_checksum_within_tolerance_or_acknowledged_passes(cli, tmp_path: Path) -> None:
    rounding = Case(tmp_path / "rounding", criteria=[("    baseline: 2\n    target: 2.75",
                                                      "    baseline: 2.01\n    target: 2.75")])
    assert validate(cli, rounding) == (0, {"errors": [], "warnings": []})
    # the same difference fails under --tolerance 0
    code, data = validate(cli, rounding, "--tolerance", "0")
    assert code == 1
    assert [p["message"] for p in problems(data, "checksum")] == [
        "1 baseline: printed 4, rows add up to 4.01 (difference -0.01); fix the data or "
        "acknowledge it with a reason"]


def test_acknowledged_difference_is_no_error(cli, tmp_path: Path) -> None:
    case = Case(tmp_path / "acknowledged", criteria=[
        ("    baseline: 2\n    target: 2.75", "    baseline: 2.5\n    target: 2.75"),
        ("    target: 5.25\n", '    target: 5.25\n    acknowledged: {baseline: "as printed"}\n')])
    assert validate(cli, case) == (0, {"errors": [], "warnings": []})
    result = cli("check", "--criteria", case.paths["criteria"], "--format", "json")
    assert result.code == 0
    assert json.loads(result.out)["findings"] == [
        {"code": "1", "column": "baseline", "printed": 4, "computed": 4.5, "difference": -0.5,
         "status": "acknowledged", "reason": "as printed"}]


# --- stale-acknowledgement ------------------------------------------------------------------

def test_stale_acknowledgement_on_a_row(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[
        ("    target: 5.25\n", '    target: 5.25\n    acknowledged: {max: "as printed"}\n')])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "stale-acknowledgement") == [{
        "rule": "stale-acknowledgement", "code": "1", "file": case.file("criteria"),
        "line": case.line("criteria", "acknowledged:"), "column": 25,
        "message": "1 max is acknowledged but its rows add up (within the tolerance); remove "
                   "the acknowledgement"}]
    assert validate(cli, case, "--strict")[0] == 1


def test_stale_acknowledgement_on_the_total(cli, tmp_path: Path) -> None:
    case = Case(tmp_path / "stale", criteria=[
        ("  target: 8.75\n", '  target: 8.75\n  acknowledged: {baseline: "as printed"}\n')])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "stale-acknowledgement") == [{
        "rule": "stale-acknowledgement", "code": "total", "file": case.file("criteria"),
        "line": case.line("criteria", "acknowledged:"), "column": 28,
        "message": "total baseline is acknowledged but the fields add up; remove the "
                   "acknowledgement"}]


def test_acknowledgement_on_a_leaf_is_stale(cli, tmp_path: Path) -> None:
    case = Case(tmp_path / "leaf", criteria=[
        ("    target: 2.75\n", '    target: 2.75\n    acknowledged: {target: "x"}\n')])
    _, data = validate(cli, case)
    assert [(p["code"], p["message"]) for p in problems(data, "stale-acknowledgement")] == [
        ("1.1", "1.1 target is acknowledged but its rows add up (within the tolerance); "
                "remove the acknowledgement")]


# --- uncovered-criterion --------------------------------------------------------------------

def test_uncovered_criterion(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[('code: "2.1.1"', 'code: "1.1.1"')])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "uncovered-criterion") == [{
        "rule": "uncovered-criterion", "code": "2.1", "file": case.file("criteria"),
        "line": case.line("criteria", 'code: "2.1"'), "column": 11,
        "message": "criterion 2.1 has no assignment (gain 1, lost 1.5 points)"}]
    assert validate(cli, case, "--strict")[0] == 1


def test_a_heading_alone_does_not_cover_a_criterion(cli, tmp_path: Path) -> None:
    case = Case(tmp_path / "heading", assignments=[
        ('  - code: "2.1.1"', '  - code: "2.1"\n    title: Tiêu chí hai một\n'
                              '    title_en: Criterion two one\n  - code: "1.1.1"')])
    _, data = validate(cli, case)
    assert [p["code"] for p in problems(data, "uncovered-criterion")] == ["2.1"]


def test_criterion_covered_through_a_sub_code(cli, tmp_path: Path) -> None:
    _, data = validate(cli, Case(tmp_path))  # 2.1 is covered by assignment 2.1.1
    assert problems(data, "uncovered-criterion") == []


# --- missing-product / -requirement / -deadline / -lead -------------------------------------

@pytest.mark.parametrize(("line", "rule", "what"), [
    ("    product: Báo cáo năm\n", "missing-product", "no deliverable"),
    ("    requirement: Đầy đủ, đúng hạn\n", "missing-requirement", "no quality requirement"),
    ("    deadline: Quý II\n", "missing-deadline", "no deadline"),
    ("    lead: [Sở Alpha]\n", "missing-lead", "no lead agency"),
])
def test_missing_field(cli, tmp_path: Path, line: str, rule: str, what: str) -> None:
    case = Case(tmp_path, assignments=[(line, "")])
    code, data = validate(cli, case)
    assert code == 0
    assert data["errors"] == []
    assert data["warnings"] == [{
        "rule": rule, "code": "1.1", "file": case.file("assignments"),
        "line": case.line("assignments", 'code: "1.1"'), "column": 11,
        "message": f"assignment 1.1 {what.replace('no ', 'has no ', 1)}"}]
    assert validate(cli, case, "--strict")[0] == 1


def test_a_heading_needs_no_fields(cli, tmp_path: Path) -> None:
    _, data = validate(cli, Case(tmp_path))  # item "1" has a code and a title only
    assert [p for p in data["warnings"] if str(p["rule"]).startswith("missing-")] == []


# --- lead-mismatch --------------------------------------------------------------------------

def test_lead_mismatch_with_the_criterion_own_lead(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("lead: [sở beta]", "lead: [Sở Gamma]")])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "lead-mismatch") == [{
        "rule": "lead-mismatch", "code": "1.2", "file": case.file("assignments"),
        "line": case.line("assignments", "lead: [Sở Gamma]", after='code: "1.2"'),
        "column": 11, "message": "assignment 1.2 is led by gamma; criterion 1.2 by beta"}]


def test_lead_mismatch_with_an_inherited_lead(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("lead: [Sở Alpha]", "lead: [Sở Beta, Sở Alpha]")])
    _, data = validate(cli, case)
    assert [(p["code"], p["message"]) for p in problems(data, "lead-mismatch")] == [
        ("1.1", "assignment 1.1 is led by alpha, beta; criterion 1 by alpha")]


def test_same_leads_spelled_differently_match(cli, tmp_path: Path) -> None:
    # the clean fixture writes 'sở beta' for criterion 1.2's 'Sở Beta'
    case = Case(tmp_path, criteria=[("lead: [Sở Beta]", "lead: [Sở Beta, Sở Gamma]")],
                assignments=[("lead: [sở beta]", "lead: [Sở Gamma, Sở Beta]")])
    _, data = validate(cli, case)
    assert problems(data, "lead-mismatch") == []


# --- unparsed-deadline ----------------------------------------------------------------------

def test_unparsed_deadline(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("deadline: Quý II", "deadline: Quý V")])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "unparsed-deadline") == [{
        "rule": "unparsed-deadline", "code": "1.1", "file": case.file("assignments"),
        "line": case.line("assignments", "deadline: Quý V"), "column": 15,
        "message": "deadline 'Quý V' of 1.1 is not a form parcli knows (Quý I-IV, Trước ngày "
                   "dd/mm, Tháng m, Trong năm [yyyy], Thường xuyên, Theo quy định ...)"}]


def test_known_deadline_forms_pass(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("deadline: Quý II", "deadline: Trong năm 2030")])
    _, data = validate(cli, case)
    assert problems(data, "unparsed-deadline") == []


# --- title-mismatch -------------------------------------------------------------------------

def test_title_mismatch(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("title: Tiêu chí một một", "title: Tiêu chí khác")])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "title-mismatch") == [{
        "rule": "title-mismatch", "code": "1.1", "file": case.file("assignments"),
        "line": case.line("assignments", "title: Tiêu chí khác"), "column": 12,
        "message": "1.1 is titled 'Tiêu chí khác' here but 'Tiêu chí một một' in the "
                   "criteria file"}]


def test_title_differing_only_in_case_and_spaces_matches(cli, tmp_path: Path) -> None:
    # the clean fixture titles 1.2 'TIÊU CHÍ  MỘT HAI' for 'Tiêu chí một hai'
    _, data = validate(cli, Case(tmp_path))
    assert problems(data, "title-mismatch") == []


# --- schema problems from loading -----------------------------------------------------------

def test_score_outside_range(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[("    target: 2.5\n", "    target: 3.5\n")])
    code, data = validate(cli, case)
    assert code == 1
    assert data["errors"] == [{
        "rule": "score-range", "code": None, "file": case.file("criteria"),
        "line": case.line("criteria", "target: 3.5", after='code: "1.2"'), "column": 13,
        "message": "criteria[2].target: target 3.5 is outside [0, 3]"}]


def test_unknown_key(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("    deadline: Quý II\n",
                                        "    deadline: Quý II\n    owner: nobody\n")])
    code, data = validate(cli, case)
    assert code == 1
    assert [(p["rule"], p["line"], p["message"]) for p in data["errors"]] == [
        ("schema", case.line("assignments", "owner: nobody"),
         "assignments[1].owner: unknown key")]


def test_github_format_points_at_file_and_line(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[('code: "2.1.1"', 'code: "9.9"')])
    result = cli("validate", "--format", "github", *case.args())
    assert result.code == 1
    line = case.line("assignments", 'code: "9.9"')
    file = case.file("assignments").replace(":", "%3A").replace(",", "%2C")
    criteria_line = case.line("criteria", 'code: "2.1"')
    criteria_file = case.file("criteria").replace(":", "%3A").replace(",", "%2C")
    assert result.out == (
        f"::error file={file},line={line},col=11,title=unknown-criterion::assignment 9.9 maps "
        "to no criterion (no 9.9 nor any ancestor of it in the criteria file)\n"
        f"::warning file={criteria_file},line={criteria_line},col=11,"
        "title=uncovered-criterion::criterion 2.1 has no assignment (gain 1, lost 1.5 points)\n"
        "1 error(s), 1 warning(s)\n")
