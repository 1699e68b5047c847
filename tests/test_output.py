"""The shared output layer: quiet and verbose validate, empty tables, plain-text indentation."""

from __future__ import annotations

import json

from tests.conftest import CRITERIA


def test_validate_quiet_prints_errors_only(cli, tmp_path):
    assert cli("validate", "-q").out == ""
    broken = tmp_path / "criteria.yaml"
    broken.write_text(CRITERIA.read_text("utf-8").replace("lead: [Sở Tư pháp]",
                                                          "lead: [Sở Tư Pháp X]", 1), "utf-8")
    result = cli("validate", "-q", "--criteria", broken)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines and all(": error " in line for line in lines)
    assert "unknown agency 'Sở Tư Pháp X'" in lines[0]


def test_validate_verbose_lists_every_rule_with_its_count(cli):
    out = cli("validate", "-v").out.splitlines()
    counts = {line.split()[0]: int(line.split()[2]) for line in out
              if line[:1].isalpha() and not line.startswith("data/") and "error(s)" not in line}
    assert counts["uncovered-criterion"] == 21
    assert counts["title-mismatch"] == 35
    assert counts["lead-mismatch"] == 7
    assert counts["duplicate-code"] == 0
    assert out[-1] == "0 error(s), 66 warning(s)"


def test_plain_tree_keeps_indentation(cli):
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
    text = text.replace('    acknowledged: {target: "as printed in the source: children sum to '
                        '13.68"}\n', "")
    text = text.replace("  target: 92.81", "  target: 92.79")
    clean.write_text(text, "utf-8")
    result = cli("check", "--criteria", clean)
    assert result.code == 0, result.out + result.err
    assert "Check-sum findings" not in result.out
    assert result.out.endswith("Every printed subtotal equals the sum of its rows.\n\n"
                               "0 error(s), 0 acknowledged, 0 rounding (tolerance 0.01)\n")
    assert cli("check", "--criteria", clean, "--format", "csv").out.startswith(
        "code,name,column,printed,computed,difference,status,reason\n")


def test_tree_depth_counts_from_the_code_given(cli):
    rows = json.loads(cli("tree", "4.3", "--depth", "1", "--format", "json").out)
    assert [row["code"] for row in rows] == ["4.3"]
    rows = json.loads(cli("tree", "4.3", "--depth", "2", "--format", "json").out)
    assert [row["code"] for row in rows] == ["4.3", "4.3.1", "4.3.2", "4.3.3"]


def test_tree_search_without_matches_says_so(cli):
    result = cli("tree", "--search", "zzzz")
    assert (result.code, result.out) == (0, "No rows match.\n")


def test_tree_search_for_only_a_diacritic_is_a_usage_error(cli):
    result = cli("tree", "--search", "\u0301")
    assert result.code == 2
    assert result.err == "parcli: error: --search needs some letters or digits\n"


def test_unknown_agency_keeps_its_text_as_lead_everywhere(cli, tmp_path):
    broken = tmp_path / "criteria.yaml"
    broken.write_text(CRITERIA.read_text("utf-8").replace("lead: [Sở Tư pháp]",
                                                          "lead: [Sở Tư Pháp X]", 1), "utf-8")
    rows = json.loads(cli("tree", "2.1", "--format", "json",
                                        "--criteria", broken).out)
    assert rows[0]["lead"] == ["Sở Tư Pháp X"]


def test_unusable_data_in_json_format_gives_json_errors(cli, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text('fields:\n  - code: "1"\n    code: "2"\n\tmax: x\n', "utf-8")
    result = cli("check", "--criteria", broken, "--format", "json")
    assert result.code == 1
    assert json.loads(result.out) == {"errors": [{
        "rule": "yaml-syntax", "code": None,
        "message": "syntax error: found character that cannot start any token (while "
                   "scanning for the next token)",
        "file": str(broken), "line": 4, "column": 1}], "warnings": []}
    assert result.err.endswith(":4:1: error syntax error: found character that cannot start "
                               "any token (while scanning for the next token) [yaml-syntax]\n")


def test_link_loop_and_huge_size_cap_are_usage_errors(cli, tmp_path, monkeypatch):
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    result = cli("check", "--criteria", loop)
    assert result.code == 2
    assert result.err.endswith("loop.yaml: a symbolic link to nothing (or a loop), not a file\n")
    monkeypatch.setenv("PARCLI_MAX_BYTES", "99999999999999999999G")
    result = cli("check")
    assert (result.code, result.err) == (
        2, "parcli: error: PARCLI_MAX_BYTES='99999999999999999999G' is over the highest cap, "
           "1G\n")


def test_output_to_a_directory_is_a_usage_error(cli, tmp_path):
    result = cli("report", "-o", tmp_path)
    assert (result.code, result.err) == (
        2, f"parcli: error: {tmp_path} is a directory; give a file name\n")


def test_report_file_gets_ordinary_permissions(cli, tmp_path):
    import os
    import stat

    umask = os.umask(0o022)
    try:
        target = tmp_path / "r.md"
        assert cli("report", "-o", target, "--as-of", "2020-10-15").code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        target.chmod(0o600)
        assert cli("report", "-o", target, "--as-of", "2020-10-15").code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o600  # an existing file keeps its mode
    finally:
        os.umask(umask)


def test_validate_speaks_vietnamese(cli):
    out = cli("validate", "--lang", "vi").out
    assert ("warning tiêu chí 2.4.1 chưa được phân công (tăng 0.12, mất 0.22 điểm) "
            "[uncovered-criterion]") in out
    assert "nhiệm vụ 8.5 thiếu thời hạn [missing-deadline]" in out
    assert "nhiệm vụ 8.1.2 do ppc-office chủ trì; tiêu chí 8.1 do home-affairs chủ trì" in out
    assert out.endswith("0 lỗi, 66 cảnh báo\n")
    assert "has no assignment" not in out


def test_check_github_annotations_in_vietnamese(cli):
    out = cli("check", "--lang", "vi", "--format", "github").out
    assert "::3 cột mục tiêu: số in 13.7, các dòng cộng lại được 13.68 (chênh lệch 0.02); " \
        "đã ghi nhận: as printed in the source: children sum to 13.68\n" in out
