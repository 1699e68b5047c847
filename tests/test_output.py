"""The shared output layer: quiet and verbose validate, empty tables, plain-text indentation."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from parcli.rules import catalogue
from tests.conftest import ACKNOWLEDGEMENT, AGENCIES, ASSIGNMENTS, CRITERIA, ROOT

WARNINGS_NOTE = "parcli: 66 warning(s) in the data; 'parcli validate' lists them\n"
# the commands that read the plan file (data/plan_2020.yaml) see its one warning too
PLAN_WARNINGS_NOTE = "parcli: 67 warning(s) in the data; 'parcli validate' lists them\n"
BUNDLED_NOTE = ("Data: data/criteria_2020.yaml, data/assignments_2020.yaml, data/agencies.yaml, "
                "data/plan_2020.yaml (bundled with parcli)")


@pytest.fixture(autouse=True)
def _in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    """File names in outputs are relative to the working directory: run from the checkout."""
    monkeypatch.chdir(ROOT)


def _unknown_lead(tmp_path: Path) -> Path:
    """The shipped criteria with Sở Tư pháp misspelt in the lead of every row it leads."""
    broken = tmp_path / "criteria.yaml"
    text = CRITERIA.read_text("utf-8")
    assert text.count("lead: [Sở Tư pháp]") == 8
    broken.write_text(text.replace("lead: [Sở Tư pháp]", "lead: [Sở Tư Pháp X]"), "utf-8")
    return broken


def test_validate_quiet_prints_errors_only(cli, tmp_path):
    assert cli("validate", "-q").out == ""
    broken = tmp_path / "criteria.yaml"
    broken.write_text(CRITERIA.read_text("utf-8").replace("lead: [Sở Tư pháp]",
                                                          "lead: [Sở Tư Pháp X]", 1), "utf-8")
    line = CRITERIA.read_text("utf-8").splitlines().index("    lead: [Sở Tư pháp]") + 1
    result = cli("validate", "-q", "--criteria", broken, "--agencies", AGENCIES)
    assert result.code == 1
    assert result.out.splitlines() == [
        f"{broken}:{line}:12: error unknown agency 'Sở Tư Pháp X'; did you mean 'Sở Tư pháp' "
        "(justice)? [unknown-agency]"]


def _rule_lines(out: str) -> dict[str, tuple[str, int]]:
    """validate -v's rule list: id -> (level or "disabled", count)."""
    rules = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and ":" not in parts[0] and \
                parts[1] in ("error", "warning", "disabled") and parts[2].isdigit():
            rules[parts[0]] = (parts[1], int(parts[2]))
    return rules


def test_validate_verbose_lists_every_rule_with_its_count(cli):
    out = cli("validate", "-v").out
    rules = _rule_lines(out)
    # Every rule, reading problems (yaml-syntax, schema, ...) first, in the catalogue's order.
    assert list(rules) == [rule.id for rule in catalogue()]
    assert list(rules)[:2] == ["unreadable", "file-too-large"]
    assert {rule_id: level for rule_id, (level, _) in rules.items()} == {
        rule.id: rule.level for rule in catalogue()}
    assert rules["uncovered-criterion"] == ("warning", 21)
    assert rules["title-mismatch"] == ("warning", 35)
    assert rules["lead-mismatch"] == ("warning", 7)
    assert rules["missing-deadline"] == ("warning", 2)
    assert rules["missing-requirement"] == ("warning", 1)
    assert rules["duplicate-code"] == ("error", 0)
    assert rules["schema"] == ("error", 0)
    assert sum(count for _, count in rules.values()) == 67
    lines = out.splitlines()
    # The problems, then the files read, the rules, and the summary line.
    assert lines[-len(rules) - 2] == BUNDLED_NOTE
    assert lines[-1] == "0 error(s), 67 warning(s)"
    assert len(lines) == 67 + 1 + len(rules) + 1


def test_validate_verbose_shows_disabled_rules_and_changed_levels(cli, tmp_path):
    config = tmp_path / "parcli.toml"
    config.write_text('disable = ["title-mismatch"]\n\n[levels]\nlead-mismatch = "error"\n',
                      "utf-8")
    result = cli("validate", "-v", "--config", config)
    assert result.code == 1
    rules = _rule_lines(result.out)
    assert list(rules) == [rule.id for rule in catalogue()]
    assert rules["title-mismatch"] == ("disabled", 0)
    assert rules["lead-mismatch"] == ("error", 7)
    assert f"\n{BUNDLED_NOTE}\nunreadable " in result.out
    assert result.out.endswith(
        f"Configuration {config}: disabled title-mismatch; levels changed lead-mismatch=error\n"
        "7 error(s), 25 warning(s)\n")


def test_plain_tree_keeps_indentation(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "1000")  # each row on one line (tests/test_terminal.py wraps)
    lines = cli("tree", "2.4").out.splitlines()
    assert lines[3].startswith("2.4       Impact of reform")  # depth 2: two spaces
    assert lines[4].startswith("2.4.1       Consistency")  # depth 3: four spaces


def test_check_without_findings_prints_no_empty_table(cli, tmp_path):
    clean = tmp_path / "criteria.yaml"
    text = CRITERIA.read_text("utf-8")
    for wrong, right in [("baseline: 8.67", "baseline: 8.66"), ("baseline: 7.74", "baseline: 7.73"),
                         ("baseline: 11.47", "baseline: 11.48"),
                         ("baseline: 8.41", "baseline: 8.42"),
                         ("    target: 13.7\n", "    target: 13.68\n")]:
        assert text.count(wrong) == 1, wrong
        text = text.replace(wrong, right)
    assert text.count(ACKNOWLEDGEMENT) == 1
    text = text.replace(ACKNOWLEDGEMENT, "")
    text = text.replace("  target: 92.81", "  target: 92.79")
    clean.write_text(text, "utf-8")
    result = cli("check", "--criteria", clean)
    assert result.code == 0, result.out + result.err
    assert "Check-sum findings" not in result.out
    assert result.out.endswith("Every printed subtotal equals the sum of its rows.\n\n"
                               "0 error(s), 0 acknowledged, 0 rounding (tolerance 0.01)\n")
    assert cli("check", "--criteria", clean, "--format", "csv").out.startswith(
        "location,code,name,column,printed,computed,difference,status,reason\n")


def test_tree_depth_counts_from_the_code_given(cli):
    data = json.loads(cli("tree", "4.3", "--depth", "1", "--format", "json").out)
    # tree reads the criteria, and the registry and assignments there are (leads).
    assert data["sources"] == [
        {"kind": "criteria", "path": "data/criteria_2020.yaml", "bundled": True},
        {"kind": "assignments", "path": "data/assignments_2020.yaml", "bundled": True},
        {"kind": "agencies", "path": "data/agencies.yaml", "bundled": True}]
    assert [row["code"] for row in data["rows"]] == ["4.3"]
    rows = json.loads(cli("tree", "4.3", "--depth", "2", "--format", "json").out)["rows"]
    assert [row["code"] for row in rows] == ["4.3", "4.3.1", "4.3.2", "4.3.3"]


def test_tree_search_without_matches_says_so(cli):
    result = cli("tree", "--search", "zzzz")
    assert (result.code, result.out, result.err) == (
        0, "Data: data/criteria_2020.yaml, data/assignments_2020.yaml, data/agencies.yaml "
           "(bundled with parcli)\n\nNo rows match.\n", WARNINGS_NOTE)


def test_tree_search_for_only_a_diacritic_is_a_usage_error(cli):
    result = cli("tree", "--search", "\u0301")
    assert result.code == 2
    assert result.err == "parcli: error: --search needs some letters or digits\n"


def test_without_a_registry_a_lead_keeps_its_text(cli, tmp_path):
    broken = _unknown_lead(tmp_path)
    result = cli("tree", "2.1", "--format", "json", "--criteria", broken)
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert data["sources"] == [{"kind": "criteria", "path": str(broken), "bundled": False}]
    assert data["rows"][0]["lead"] == ["Sở Tư Pháp X"]


def test_an_unknown_agency_in_the_registry_beside_stops_every_command(cli, tmp_path):
    broken = _unknown_lead(tmp_path)
    (tmp_path / "agencies.yaml").write_bytes(AGENCIES.read_bytes())
    lines = CRITERIA.read_text("utf-8").splitlines()
    expected = [f"{broken}:{number}:12: error unknown agency 'Sở Tư Pháp X'; did you mean "
                "'Sở Tư pháp' (justice)? [unknown-agency]"
                for number, line in enumerate(lines, 1) if line == "    lead: [Sở Tư pháp]"]
    assert len(expected) == 8
    result = cli("tree", "2.1", "--criteria", broken)
    assert (result.code, result.out) == (1, "")
    assert result.err.splitlines() == expected


def test_unusable_data_in_json_format_gives_json_errors(cli, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text('fields:\n  - code: "1"\n    code: "2"\n\tmax: x\n', "utf-8")
    result = cli("check", "--criteria", broken, "--format", "json")
    assert result.code == 1
    assert json.loads(result.out) == {
        "sources": [{"kind": "criteria", "path": str(broken), "bundled": False}],
        "errors": [{
            "rule": "yaml-syntax", "code": None,
            "message": "syntax error: found character that cannot start any token (while "
                       "scanning for the next token)",
            "file": str(broken), "line": 4, "column": 1}], "warnings": []}
    assert result.err.endswith(":4:1: error syntax error: found character that cannot start "
                               "any token (while scanning for the next token) [yaml-syntax]\n")


def test_link_loop_is_a_usage_error_that_says_so(cli, tmp_path):
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    result = cli("check", "--criteria", loop)
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"parcli: error: --criteria: {loop}: a symbolic link to nothing (or a "
                          "loop), not a file\n")


def test_huge_size_cap_is_a_usage_error(cli, monkeypatch):
    monkeypatch.setenv("PARCLI_MAX_BYTES", "99999999999999999999G")
    result = cli("check")
    assert (result.code, result.err) == (
        2, "parcli: error: PARCLI_MAX_BYTES='99999999999999999999G' is over the highest cap, "
           "1G\n")


def test_output_to_a_directory_is_a_usage_error(cli, tmp_path):
    result = cli("report", "-o", tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"parcli: error: Invalid value for '--output' / '-o': {tmp_path} "
                          "names a folder; give a file name (see 'parcli report --help')\n")


def test_report_file_gets_ordinary_permissions(cli, tmp_path):
    import os
    import stat

    umask = os.umask(0o022)
    try:
        target = tmp_path / "r.md"
        assert cli("report", "-o", target, "--as-of", "2020-10-15").code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        target.chmod(0o600)
        assert cli("report", "-o", target, "--as-of", "2020-10-15", "--force").code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o600  # an existing file keeps its mode
    finally:
        os.umask(umask)


def test_validate_speaks_vietnamese(cli):
    result = cli("validate", "--lang", "vi")
    out = result.out
    assert ("cảnh báo tiêu chí thành phần 2.4.1 chưa có nhiệm vụ trong Phụ lục II (điểm cần "
            "tăng 0,12, điểm bị mất 0,22); mục II.2 của Kế hoạch có 3 nhiệm vụ cho lĩnh vực 2, "
            "không nhiệm vụ nào nêu tiêu chí này [uncovered-criterion]") in out
    assert " warning " not in out
    assert "nhiệm vụ 8.5 thiếu thời gian hoàn thành [missing-deadline]" in out
    assert ("nhiệm vụ 8.1.2 do Văn phòng UBND tỉnh chủ trì; tiêu chí 8.1 do Sở Nội vụ chủ trì "
            "[lead-mismatch]") in out
    assert out.endswith("Dữ liệu: data/criteria_2020.yaml, data/assignments_2020.yaml, "
                        "data/agencies.yaml, data/plan_2020.yaml (dữ liệu có sẵn trong parcli)"
                        "\n0 lỗi, 67 cảnh báo\n")
    assert "has no assignment" not in out
    assert (result.code, result.err) == (0, "")  # validate lists its warnings: no note


def test_check_github_annotations_in_vietnamese(cli, tmp_path):
    # An acknowledged difference is no problem, so no annotation: take the acknowledgement out.
    criteria = tmp_path / "criteria.yaml"
    text = CRITERIA.read_text("utf-8")
    ack = ACKNOWLEDGEMENT
    assert text.count(ack) == 1
    criteria.write_text(text.replace(ack, ""), "utf-8")
    line = criteria.read_text("utf-8").splitlines().index("    target: 13.7") + 1
    result = cli("check", "--lang", "vi", "--format", "github", "--criteria", criteria)
    assert result.code == 1
    assert result.out == (
        f"::error file={criteria},line={line},col=13,title=checksum::ở mục 3, cột mục tiêu "
        "năm 2020: "
        "số liệu theo kế hoạch 13,7, các dòng cộng lại được 13,68 (chênh lệch 0,02); sửa dữ liệu "
        f"hoặc ghi nhận sai lệch kèm lý do\nDữ liệu: {criteria}\n1 lỗi, 0 sai lệch đã ghi nhận, 4 "
        "chênh lệch do làm tròn (dung sai 0,01)\n")


# --- the files an output names ------------------------------------------------------------

def test_json_lists_become_an_object_with_sources_and_rows(cli):
    data = json.loads(cli("assignments", "--format", "json").out)
    assert set(data) == {"sources", "rows"}
    assert data["sources"] == [
        {"kind": kind, "path": f"data/{path.name}", "bundled": True}
        for kind, path in (("criteria", CRITERIA), ("assignments", ASSIGNMENTS),
                           ("agencies", AGENCIES), ("plan", CRITERIA.with_name("plan_2020.yaml")))]
    assert data["rows"] and all("code" in row for row in data["rows"])


def test_json_objects_gain_sources_first(cli, tmp_path):
    copy = tmp_path / "criteria_2020.yaml"
    copy.write_bytes(CRITERIA.read_bytes())
    data = json.loads(cli("check", "--criteria", copy, "--format", "json").out)
    assert next(iter(data)) == "sources"
    # check reads the criteria only, and a given file is never called bundled.
    assert data["sources"] == [{"kind": "criteria", "path": str(copy), "bundled": False}]


def test_a_given_criteria_file_reads_the_files_beside_it_never_bundled(cli, tmp_path,
                                                                      monkeypatch):
    for path in (CRITERIA, ASSIGNMENTS, AGENCIES):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    criteria = tmp_path / CRITERIA.name
    monkeypatch.setenv("COLUMNS", "1000")  # the Data line unwrapped
    result = cli("agencies", "--criteria", criteria)
    assert result.code == 0
    assert result.err == WARNINGS_NOTE
    assert (f"\nData: {criteria}, {tmp_path / ASSIGNMENTS.name}, {tmp_path / AGENCIES.name}\n"
            in result.out)
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / CRITERIA.name).write_bytes(CRITERIA.read_bytes())
    result = cli("gap", "--criteria", alone / CRITERIA.name)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("parcli: error: gap needs an assignments file")
    assert result.err.endswith("; pass --assignments FILE or --no-assignments\n")
    result = cli("agencies", "--criteria", alone / CRITERIA.name)  # assignments optional
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("parcli: error: agencies needs an agencies file")
    assert result.err.endswith("; pass --agencies FILE\n")


@pytest.mark.parametrize("command", ["gap", "report"])
def test_gap_and_report_need_assignments_unless_told_not_to(cli, tmp_path, command):
    criteria = tmp_path / CRITERIA.name
    criteria.write_bytes(CRITERIA.read_bytes())
    result = cli(command, "--criteria", criteria, "--agencies", AGENCIES)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(f"parcli: error: {command} needs ")
    assert result.err.endswith("; pass --assignments FILE or --no-assignments\n")


@pytest.mark.parametrize("command", ["gap", "report"])
def test_gap_and_report_with_no_assignments_read_two_files(cli, tmp_path, command):
    criteria = tmp_path / CRITERIA.name
    criteria.write_bytes(CRITERIA.read_bytes())
    (tmp_path / ASSIGNMENTS.name).write_bytes(ASSIGNMENTS.read_bytes())  # beside, yet unread
    result = cli(command, "--criteria", criteria, "--agencies", AGENCIES, "--no-assignments",
                 "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["sources"] == [
        {"kind": "criteria", "path": str(criteria), "bundled": False},
        {"kind": "agencies", "path": "data/agencies.yaml", "bundled": False}]


def test_markdown_escapes_data_text_and_right_aligns_numbers(cli, tmp_path):
    criteria = tmp_path / "criteria.yaml"
    name = "Impact of reform on the quality of legal normative documents issued by the province"
    text = CRITERIA.read_text("utf-8")
    assert text.count(name) == 1
    criteria.write_text(text.replace(name, "Impact <b>*of*</b> [reform](x) | a_b&c"), "utf-8")
    out = cli("tree", "2.4", "--depth", "1", "--format", "md", "--criteria", criteria).out
    lines = out.splitlines()
    assert lines[0] == "### Criteria"
    header = [cell.strip() for cell in lines[2].strip("|").split("|")]
    assert header == ["Code", "Name", "Max", "2019 score", "2020 target", "Points needed",
                      "Lead"]
    rule = [cell.strip() for cell in lines[3].strip("|").split("|")]
    assert [cell[-1] == ":" for cell in rule] == [False, False, True, True, True, True, False]
    assert "| Impact \\<b\\>\\*of\\*\\</b\\> \\[reform\\](x) \\| a_b\\&c |" in lines[4]
    assert out.endswith(f"\nData: {criteria}\n")


# --- misuse: exit 2 with one line, never a traceback ---------------------------------------

def test_no_command_is_a_usage_error_with_help(cli):
    result = cli()
    assert (result.code, result.out) == (2, "")
    assert "Usage: parcli" in result.err
    assert "check" in result.err and "report" in result.err  # the help lists the commands
    last = result.err.splitlines()[-1]
    assert last.startswith("parcli: error: ")
    assert last.removeprefix("parcli: error: ").strip()


def test_an_empty_as_of_is_a_usage_error(cli):
    result = cli("report", "--as-of", "")
    assert (result.code, result.out) == (2, "")
    assert result.err == ("parcli: error: Invalid value for '--as-of': the date is empty; give "
                          "YYYY-MM-DD or leave the option out (see 'parcli report --help')\n")


def test_an_empty_criteria_path_is_a_usage_error(cli):
    result = cli("check", "--criteria", "")
    assert (result.code, result.out) == (2, "")
    assert result.err == ("parcli: error: Invalid value for '--criteria': the path is empty "
                          "(see 'parcli check --help')\n")


def test_a_missing_registry_is_a_usage_error_even_where_unread(cli):
    result = cli("check", "--agencies", "/nonexistent.yaml", "--criteria",
                 "data/criteria_2020.yaml")
    assert (result.code, result.out) == (2, "")
    assert result.err == "parcli: error: --agencies: /nonexistent.yaml: no such file\n"


def test_an_assignments_file_given_as_criteria_is_named_once(cli, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(ASSIGNMENTS.read_bytes())
    line = ASSIGNMENTS.read_text("utf-8").splitlines().index("assignments:") + 1
    result = cli("check", "--criteria", plan)
    assert (result.code, result.out) == (1, "")
    assert result.err == (f"{plan}:{line}:1: error this looks like an assignments file, not a "
                          "criteria file [schema]\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_report_to_a_full_disk_fails_in_one_line(cli):
    result = cli("report", "-o", "/dev/full", "--as-of", "2020-10-15")
    assert (result.code, result.out) == (1, "")
    assert result.err == (f"{PLAN_WARNINGS_NOTE}parcli: error: cannot write /dev/full: No "
                          "space left on device\n")
    assert [line for line in result.err.splitlines() if "No space left on device" in line]
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)  # written in place, not replaced


def test_data_a_command_refuses_is_reported_in_json_with_its_files_and_warnings(cli, tmp_path):
    """Data that stops gap: its JSON names the files read and keeps the warnings found too."""
    criteria = tmp_path / CRITERIA.name
    criteria.write_text(CRITERIA.read_text("utf-8").replace(
        "lead: [Sở Tư pháp]", "lead: [Sở Tư phap X]", 1), "utf-8")
    for source in (ASSIGNMENTS, AGENCIES):
        (tmp_path / source.name).write_bytes(source.read_bytes())
    result = cli("gap", "--criteria", criteria, "--format", "json")
    assert (result.code, result.err.splitlines()[0].split(": error ")[1].split(";")[0]) == (
        1, "unknown agency 'Sở Tư phap X'")
    data = json.loads(result.out)
    assert [s["kind"] for s in data["sources"]] == ["criteria", "assignments", "agencies"]
    assert [e["rule"] for e in data["errors"]] == ["unknown-agency"]
    assert len(data["warnings"]) == 66  # no plan file beside the copy
