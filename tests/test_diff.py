"""`parcli diff OLD NEW`: two revisions of the bundled plan (data/criteria_2020.yaml,
data/assignments_2020.yaml, data/agencies.yaml, data/plan_2020.yaml) in a throwaway git
repository, the second with one target changed (1.6: 1 → 1.5) and one row added (1.7); and
two plain copies of the criteria file with rows renamed, moved and removed. Whole outputs
and exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from parcli.engine.diff import compare_findings
from parcli.problems import Problem
from tests.conftest import CRITERIA, DATA, ROOT

TARGET_BEFORE = """    max: 1.5
    baseline: 0.5
    target: 1
    lead: [Văn phòng UBND tỉnh]
"""
TARGET_AFTER_AND_NEW_ROW = """    max: 1.5
    baseline: 0.5
    target: 1.5
    lead: [Văn phòng UBND tỉnh]
  - code: "1.7"
    name: Thực hiện nhiệm vụ cải cách hành chính do Bộ Nội vụ giao
    name_en: Administrative reform tasks assigned by the Ministry of Home Affairs
    max: 0.5
    baseline: 0
    target: 0.5
    lead: [Sở Tư pháp]
"""


TABLE = """\
Rows added, removed, renamed or moved
                                                                                        2019    2020
Change  Code  Name                                                           Was  Max  score  target
------  ----  -------------------------------------------------------------  ---  ---  -----  ------
added   1.7   Administrative reform tasks assigned by the Ministry of Home        0.5      0     0.5
              Affairs

Numbers changed
Code  Name                                                             Column       Old  New  Change
----  ---------------------------------------------------------------  -----------  ---  ---  ------
1.6   Performance of tasks assigned by the Government and the Prime    2020 target    1  1.5     0.5
      Minister

Totals
Figure                                  Old     New    Change
-----------------------------------  ------  ------  --------
Max (as printed)                     100.00  100.00       0.0
Max (sum of the criteria)            100.00  100.50       0.5
2019 score (as printed)               79.53   79.53       0.0
2019 score (sum of the criteria)      79.53   79.53       0.0
2020 target (as printed)              92.81   92.81       0.0
2020 target (sum of the criteria)     92.79   93.79       1.0
Points needed (as printed)            13.28   13.28       0.0
Points needed (sum of the criteria)   13.26   14.26       1.0

Fields whose figures changed
Field  Name                                    Figure                               Old  New  Change
-----  --------------------------------------  -----------------------------------  ---  ---  ------
1      Direction and management of             Max (sum of the criteria)            8.5  9.0     0.5
       administrative reform
1      Direction and management of             2020 target (sum of the criteria)    8.0  9.0     1.0
       administrative reform
1      Direction and management of             Points needed (sum of the criteria)  1.5  2.5     1.0
       administrative reform

Points needed by agency, where they changed (a criterion with several leads is split equally)
Agency                                         Old    New    Change
-------------------------------------------  -----  -----  --------
Office of the Provincial People's Committee   2.16   2.66       0.5
Department of Justice                         0.74   1.24       0.5

Findings that appeared or went away
Change    Level    Rule                 Location                            Message
--------  -------  -------------------  ----------------------------------  ------------------------
appeared  error    checksum             HEAD:data/criteria_2020.yaml:25:10  1 max: printed 8.5, rows
                                                                            add up to 9 (difference
                                                                            -0.5); fix the data or
                                                                            acknowledge it with a
                                                                            reason
appeared  error    checksum             HEAD:data/criteria_2020.yaml:27:13  1 target: printed 8,
                                                                            rows add up to 9
                                                                            (difference -1); fix the
                                                                            data or acknowledge it
                                                                            with a reason
appeared  warning  uncovered-criterion  HEAD:data/criteria_2020.yaml:70:11  criterion 1.7 has no
                                                                            assignment (gain 0.5,
                                                                            lost 0.5 points); Part
                                                                            II.1 lists 5 tasks for
                                                                            field 1, none names it

Old: HEAD~1:data/criteria_2020.yaml, HEAD~1:data/assignments_2020.yaml, HEAD~1:data/agencies.yaml,
HEAD~1:data/plan_2020.yaml

New: HEAD:data/criteria_2020.yaml, HEAD:data/assignments_2020.yaml, HEAD:data/agencies.yaml,
HEAD:data/plan_2020.yaml

1 row(s) added, 0 removed, 0 renamed, 0 moved; 1 number(s) changed.

The other 8 agencies' points needed are unchanged.

Findings: 3 appeared, 0 went away; errors: 0 in the old plan, 2 in the new (2 new).
"""

TABLE_VI = """\
Tiêu chí thêm mới, bị bỏ, đổi tên hoặc chuyển vị trí
                                                                                Điểm  Điểm
                                                                         Trước   tối   năm  Mục tiêu
Thay đổi  STT  Tên                                                       đây      đa  2019  năm 2020
--------  ---  --------------------------------------------------------  -----  ----  ----  --------
thêm mới  1.7  Thực hiện nhiệm vụ cải cách hành chính do Bộ Nội vụ giao          0,5     0       0,5

Số liệu thay đổi
                                                                                      Bản  Bản  Thay
STT  Tên                                                           Nội dung            cũ  mới   đổi
---  ------------------------------------------------------------  -----------------  ---  ---  ----
1.6  Thực hiện các nhiệm vụ được Chính phủ, Thủ tướng Chính phủ    Mục tiêu năm 2020    1  1,5   0,5
     giao

Tổng điểm
Chỉ số                                                 Bản cũ    Bản mới    Thay đổi
---------------------------------------------------  --------  ---------  ----------
Điểm tối đa (theo kế hoạch)                            100,00     100,00         0,0
Điểm tối đa (tính từ các tiêu chí thành phần)          100,00     100,50         0,5
Điểm năm 2019 (theo kế hoạch)                           79,53      79,53         0,0
Điểm năm 2019 (tính từ các tiêu chí thành phần)         79,53      79,53         0,0
Mục tiêu năm 2020 (theo kế hoạch)                       92,81      92,81         0,0
Mục tiêu năm 2020 (tính từ các tiêu chí thành phần)     92,79      93,79         1,0
Điểm cần tăng (theo kế hoạch)                           13,28      13,28         0,0
Điểm cần tăng (tính từ các tiêu chí thành phần)         13,26      14,26         1,0

Lĩnh vực có số liệu thay đổi
Lĩnh                                                                                  Bản  Bản  Thay
vực   Tên                              Chỉ số                                          cũ  mới   đổi
----  -------------------------------  ---------------------------------------------  ---  ---  ----
1     CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC  Điểm tối đa (tính từ các tiêu chí thành phần)  8,5  9,0   0,5
1     CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC  Mục tiêu năm 2020 (tính từ các tiêu chí thành  8,0  9,0   1,0
                                       phần)
1     CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC  Điểm cần tăng (tính từ các tiêu chí thành      1,5  2,5   1,0
                                       phần)

Điểm cần tăng của các cơ quan có thay đổi (tiêu chí có nhiều cơ quan chủ trì được chia đều)
Cơ quan                Bản cũ    Bản mới    Thay đổi
-------------------  --------  ---------  ----------
Văn phòng UBND tỉnh      2,16       2,66         0,5
Sở Tư pháp               0,74       1,24         0,5

Vấn đề về dữ liệu mới phát sinh hoặc đã hết
Thay đổi       Mức độ    Quy tắc              Vị trí                              Thông báo
-------------  --------  -------------------  ----------------------------------  ------------------
mới phát sinh  lỗi       điểm của lĩnh vực    HEAD:data/criteria_2020.yaml:25:10  ở mục 1, cột điểm
                         (tiêu chí) ghi                                           tối đa: số liệu
                         trong kế hoạch khác                                      theo kế hoạch 8,5,
                         tổng các dòng của                                        các dòng cộng lại
                         nó                                                       được 9 (chênh lệch
                                                                                  -0,5); sửa dữ liệu
                                                                                  hoặc ghi nhận sai
                                                                                  lệch kèm lý do
mới phát sinh  lỗi       điểm của lĩnh vực    HEAD:data/criteria_2020.yaml:27:13  ở mục 1, cột mục
                         (tiêu chí) ghi                                           tiêu năm 2020: số
                         trong kế hoạch khác                                      liệu theo kế hoạch
                         tổng các dòng của                                        8, các dòng cộng
                         nó                                                       lại được 9 (chênh
                                                                                  lệch -1); sửa dữ
                                                                                  liệu hoặc ghi nhận
                                                                                  sai lệch kèm lý do
mới phát sinh  cảnh báo  tiêu chí thành phần  HEAD:data/criteria_2020.yaml:70:11  tiêu chí thành
                         chưa có nhiệm vụ                                         phần 1.7 chưa có
                         trong Phụ lục II                                         nhiệm vụ trong Phụ
                                                                                  lục II (điểm cần
                                                                                  tăng 0,5, điểm bị
                                                                                  mất 0,5); mục II.1
                                                                                  của Kế hoạch có 5
                                                                                  nhiệm vụ cho lĩnh
                                                                                  vực 1, không nhiệm
                                                                                  vụ nào nêu tiêu
                                                                                  chí này

Bản cũ: HEAD~1:data/criteria_2020.yaml, HEAD~1:data/assignments_2020.yaml,
HEAD~1:data/agencies.yaml, HEAD~1:data/plan_2020.yaml

Bản mới: HEAD:data/criteria_2020.yaml, HEAD:data/assignments_2020.yaml, HEAD:data/agencies.yaml,
HEAD:data/plan_2020.yaml

1 tiêu chí thêm mới, 0 bị bỏ, 0 đổi tên, 0 chuyển vị trí; 1 số liệu thay đổi.

Điểm cần tăng của 8 cơ quan còn lại không thay đổi.

Vấn đề về dữ liệu: 3 mới phát sinh, 0 đã hết; lỗi: bản cũ 0, bản mới 2 (2 lỗi mới).
"""


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True)
    return done.stdout


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def data_repository(tmp_path: Path) -> Path:
    """A data repository: the bundled plan committed, then one target changed and one row
    added."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    top = tmp_path / "plans"
    top.mkdir()
    _git(top, "init", "-q", "-b", "main")
    _git(top, "config", "user.email", "parcli@example.org")
    _git(top, "config", "user.name", "parcli")
    shutil.copytree(DATA, top / "data")
    _git(top, "add", "-A")
    _git(top, "commit", "-q", "-m", "the plan as printed")
    _edit(top / "data" / "criteria_2020.yaml", TARGET_BEFORE, TARGET_AFTER_AND_NEW_ROW)
    _git(top, "commit", "-q", "-a", "-m", "1.6's target raised, 1.7 added")
    return top


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`data_repository`, the working directory at its top."""
    top = data_repository(tmp_path)
    monkeypatch.chdir(top)
    return top


def test_two_revisions_of_the_bundled_plan_in_a_table(repo, cli, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    result = cli("diff", "HEAD~1", "HEAD", "--", "data/")
    assert (result.code, result.err) == (0, "")
    assert result.out == TABLE
    assert f"```text\n{TABLE}```" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_in_vietnamese_every_word_is_vietnamese_and_decimals_take_a_comma(repo, cli,
                                                                          monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    result = cli("diff", "--lang", "vi", "HEAD~1", "HEAD", "--", "data/")
    assert (result.code, result.err) == (0, "")
    assert result.out == TABLE_VI


def test_markdown_for_a_pull_request_comment(repo, cli) -> None:
    result = cli("diff", "-f", "md", "HEAD~1", "HEAD")  # PATH: data, by default
    assert (result.code, result.err) == (0, "")
    assert result.out == (ROOT / "tests" / "golden" / "diff.md").read_text(encoding="utf-8")


def test_json_holds_every_change_with_exact_numbers(repo, cli) -> None:
    result = cli("diff", "-f", "json", "HEAD~1", "HEAD", "--", "data")
    assert result.code == 0
    data = json.loads(result.out, parse_float=Decimal)
    assert data["sources"][0] == {"kind": "criteria", "path": "HEAD~1:data/criteria_2020.yaml",
                                  "bundled": False, "side": "old", "revision": "HEAD~1"}
    assert [source["path"] for source in data["sources"]][4:] == [
        "HEAD:data/criteria_2020.yaml", "HEAD:data/assignments_2020.yaml",
        "HEAD:data/agencies.yaml", "HEAD:data/plan_2020.yaml"]
    assert data["rows"] == [{
        "change": "added", "code": "1.7", "old_code": None,
        "name": "Thực hiện nhiệm vụ cải cách hành chính do Bộ Nội vụ giao",
        "name_en": "Administrative reform tasks assigned by the Ministry of Home Affairs",
        "old_name": None, "old_name_en": None, "parent": "1", "old_parent": None}]
    assert data["numbers"] == [{"code": "1.6", "old_code": "1.6", "column": "target",
                                "old": 1, "new": Decimal("1.5"), "change": Decimal("0.5")}]
    d = Decimal
    assert data["totals"] == {
        "max": {"printed": {"old": 100, "new": 100, "change": 0},
                "computed": {"old": 100, "new": d("100.5"), "change": d("0.5")}},
        "baseline": {"printed": {"old": d("79.53"), "new": d("79.53"), "change": 0},
                     "computed": {"old": d("79.53"), "new": d("79.53"), "change": 0}},
        "target": {"printed": {"old": d("92.81"), "new": d("92.81"), "change": 0},
                   "computed": {"old": d("92.79"), "new": d("93.79"), "change": 1}},
        "gain": {"printed": {"old": d("13.28"), "new": d("13.28"), "change": 0},
                 "computed": {"old": d("13.26"), "new": d("14.26"), "change": 1}}}
    assert data["fields"] == [{
        "field": "1", "in_old": True, "in_new": True,
        "max": {"computed": {"old": d("8.5"), "new": 9, "change": d("0.5")}},
        "target": {"computed": {"old": 8, "new": 9, "change": 1}},
        "gain": {"computed": {"old": d("1.5"), "new": d("2.5"), "change": 1}}}]
    assert data["agencies"] == [
        {"agency": "ppc-office", "name": "Văn phòng UBND tỉnh",
         "name_en": "Office of the Provincial People's Committee", "old": d("2.16"),
         "new": d("2.66"), "change": d("0.5")},
        {"agency": "justice", "name": "Sở Tư pháp", "name_en": "Department of Justice",
         "old": d("0.74"), "new": d("1.24"), "change": d("0.5")}]
    assert [(p["level"], p["rule"], p["code"], p["file"], p["line"])
            for p in data["findings"]["appeared"]] == [
        ("error", "checksum", "1", "HEAD:data/criteria_2020.yaml", 25),
        ("error", "checksum", "1", "HEAD:data/criteria_2020.yaml", 27),
        ("warning", "uncovered-criterion", "1.7", "HEAD:data/criteria_2020.yaml", 70)]
    assert data["findings"]["gone"] == []
    assert data["errors"] == {"old": 0, "new": 2, "appeared": 2}
    assert '"change": 0.5' in result.out and "0.49999" not in result.out


@pytest.mark.parametrize("fmt", ["csv", "csv-excel", "table", "md", "json"])
def test_every_format_exits_0(repo, cli, fmt) -> None:
    assert cli("diff", "-f", fmt, "HEAD~1", "HEAD").code == 0


def test_fail_on_new_errors_exits_1_when_new_has_errors_old_had_not(repo, cli) -> None:
    result = cli("diff", "--fail-on-new-errors", "HEAD~1", "HEAD")
    assert result.code == 1
    assert result.out.endswith(
        "Findings: 3 appeared, 0 went away; errors: 0 in the old plan, 2 in the new (2 new).\n\n"
        "parcli: the new plan has 2 error(s) the old one had not (--fail-on-new-errors)\n")
    # the other way round the errors went away: nothing new, exit 0
    assert cli("diff", "--fail-on-new-errors", "HEAD", "HEAD~1").code == 0


def test_a_revision_against_the_working_copy(repo, cli) -> None:
    """`parcli diff HEAD data/criteria_2020.yaml`: the committed file against the one being
    edited (PATH is the other side's)."""
    _edit(repo / "data" / "criteria_2020.yaml", "    target: 0.5\n    lead: [Sở Tư pháp]\n",
          "    target: 0.25\n    lead: [Sở Tư pháp]\n")
    result = cli("diff", "-f", "json", "HEAD", "data/criteria_2020.yaml")
    assert result.code == 0
    data = json.loads(result.out, parse_float=Decimal)
    assert data["numbers"] == [{"code": "1.7", "old_code": "1.7", "column": "target",
                                "old": Decimal("0.5"), "new": Decimal("0.25"),
                                "change": Decimal("-0.25")}]
    assert [s["path"] for s in data["sources"]][::4] == ["HEAD:data/criteria_2020.yaml",
                                                        "data/criteria_2020.yaml"]


def test_from_a_subfolder_paths_are_the_working_directory_s(repo, cli, monkeypatch) -> None:
    monkeypatch.chdir(repo / "data")
    result = cli("diff", "-f", "json", "HEAD~1", "HEAD", "--", ".")
    assert result.code == 0
    assert json.loads(result.out)["sources"][0]["path"] == "HEAD~1:data/criteria_2020.yaml"


def test_the_temporary_folder_is_gone_after_the_run(repo, cli, tmp_path, monkeypatch) -> None:
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    assert cli("diff", "HEAD~1", "HEAD").code == 0
    assert cli("diff", "HEAD~1", "nope").code == 2
    assert list(scratch.iterdir()) == []


def test_a_revision_is_checked_with_its_own_configuration(repo, cli) -> None:
    (repo / "parcli.toml").write_text('disable = ["uncovered-criterion"]\n', encoding="utf-8")
    _git(repo, "add", "parcli.toml")
    _git(repo, "commit", "-q", "-m", "no uncovered-criterion")
    data = json.loads(cli("diff", "-f", "json", "HEAD~1", "HEAD").out)
    assert data["rows"] == [] and data["numbers"] == []
    assert {p["rule"] for p in data["findings"]["gone"]} == {"uncovered-criterion"}
    assert data["findings"]["appeared"] == []


@pytest.mark.parametrize(("args", "message"), [
    (["nope", "HEAD"], "parcli: error: OLD: nope: no such file or folder, and not a git "
                       "revision\n"),
    (["HEAD~1", "HEAD", "--", "plans"], "parcli: error: HEAD~1: plans: no such file or folder "
                                        "at that revision\n"),
    (["data", "data", "--", "data"], "parcli: error: PATH names what to read at a git "
                                     "revision, but OLD and NEW are both paths\n"),
    (["HEAD", "."], "parcli: error: .: no criteria_<year>.yaml or criteria.yaml in this "
                    "folder\n"),
    (["--lang", "vi", "HEAD~9", "HEAD"], "parcli: lỗi: OLD: HEAD~9: không có tệp hay thư mục "
                                         "này, cũng không phải phiên bản git\n"),
])
def test_what_is_neither_a_plan_nor_a_revision_is_one_line_and_exit_2(repo, cli, args,
                                                                      message) -> None:
    result = cli("diff", *args)
    assert (result.code, result.out, result.err) == (2, "", message)


def test_a_new_plan_that_cannot_be_read_exits_1_and_says_why(repo, cli, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    with (repo / "data" / "criteria_2020.yaml").open("a", encoding="utf-8") as file:
        file.write("x: [\n")
    result = cli("diff", "HEAD", "data")
    assert result.code == 1
    assert result.out == """\
Findings that appeared or went away
Change    Level  Rule         Location                       Message
--------  -----  -----------  -----------------------------  ---------------------------------------
appeared  error  yaml-syntax  data/criteria_2020.yaml:738:1  syntax error: did not find expected
                                                             node content (while parsing a flow
                                                             node)

Old: HEAD:data/criteria_2020.yaml, HEAD:data/assignments_2020.yaml, HEAD:data/agencies.yaml,
HEAD:data/plan_2020.yaml

New: data/criteria_2020.yaml, data/assignments_2020.yaml, data/agencies.yaml, data/plan_2020.yaml

The new plan's criteria file cannot be read: no number is compared, and its other checks did not
run, so no finding is said to have gone (why: the findings above).

Findings: 1 appeared, 0 went away; errors: 2 in the old plan, 1 in the new (1 new).
"""
    # the other way round (a change that repairs the file) the diff says so and exits 0
    reverse = cli("diff", "data", "HEAD")
    assert reverse.code == 0
    assert "The old plan's criteria file cannot be read: no number is compared" in reverse.out


def test_rows_renamed_moved_removed_and_added(tmp_path, cli, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    """Two plain files: 1.1 renamed, 1.5 renumbered 1.8 (moved), 1.4 removed, 5.8 removed
    (its rows 5.8.1 and 5.8.2 now stand under field 5: moved), the printed total's target
    changed."""
    old = tmp_path / "old" / "criteria_2020.yaml"
    new = tmp_path / "new" / "criteria_2020.yaml"
    for path in (old, new):
        path.parent.mkdir()
        shutil.copy(CRITERIA, path)
    _edit(new, "name: Thực hiện Kế hoạch CCHC năm\n", "name: Thực hiện Kế hoạch CCHC năm 2020\n")
    _edit(new, '- code: "1.5"\n', '- code: "1.8"\n')
    text = new.read_text(encoding="utf-8")
    start = text.index('  - code: "1.4"\n')
    new.write_text(text[:start] + text[text.index('  - code: "1.8"\n'):], encoding="utf-8")
    text = new.read_text(encoding="utf-8")
    start = text.index('  - code: "5.8"\n')
    new.write_text(text[:start] + text[text.index('  - code: "5.8.1"\n'):], encoding="utf-8")
    _edit(new, "  target: 92.81\n", "  target: 92.8\n")
    result = cli("diff", "-f", "json", old, new)
    assert result.code == 0
    data = json.loads(result.out, parse_float=Decimal)
    assert [(r["change"], r["code"], r["old_code"], r["old_name"] if r["change"] == "renamed"
             else None, r["old_parent"], r["parent"]) for r in data["rows"]] == [
        ("renamed", "1.1", "1.1", "Thực hiện Kế hoạch CCHC năm", "1", "1"),
        ("moved", "1.8", "1.5", None, "1", "1"),
        ("moved", "5.8.1", "5.8.1", None, "5.8", "5"),
        ("moved", "5.8.2", "5.8.2", None, "5.8", "5"),
        ("removed", "1.4", "1.4", None, "1", None),
        ("removed", "5.8", "5.8", None, "5", None)]
    assert data["numbers"][0] == {"code": "total", "old_code": "total", "column": "target",
                                  "old": Decimal("92.81"), "new": Decimal("92.8"),
                                  "change": Decimal("-0.01")}
    assert len(data["numbers"]) == 1  # 1.8 keeps 1.5's numbers: a move changes none
    assert data["totals"]["max"]["computed"] == {"old": 100, "new": 99, "change": -1}
    monkeypatch.chdir(tmp_path)
    table = cli("diff", "old", "new/criteria_2020.yaml").out
    assert table[:table.index("Totals")] == """\
Rows added, removed, renamed or moved
                                                                                        2019    2020
Change   Code   Name                                 Was                          Max  score  target
-------  -----  -----------------------------------  ---------------------------  ---  -----  ------
renamed  1.1    Implementation of the annual         Thực hiện Kế hoạch CCHC năm  1.5   1.50    1.50
                administrative reform plan
moved    1.8    Initiatives or new solutions in      1.5                          2.0   1.50    2.00
                administrative reform
moved    5.8.1  Negative practices in the            under 5.8                    1.0   0.84    0.92
                recruitment and appointment of
                civil servants and public employees
moved    5.8.2  Public disclosure and transparency   under 5.8                    1.0   0.84    0.92
                in the recruitment and appointment
                of civil servants and public
                employees
removed  1.4    Communication on administrative                                   1.0   1.00    1.00
                reform
removed  5.8    Impact of reform on the management                                2.0   1.68    1.84
                of cadres and civil servants

Numbers changed
Code    Name    Column         Old    New    Change
------  ------  -----------  -----  -----  --------
Total           2020 target  92.81   92.8     -0.01

"""


def test_findings_are_the_same_whatever_their_line() -> None:
    """A row added above a finding moves its line: it has not appeared or gone."""
    before = Problem("no-lead", "error", "1.2 has no lead", "a/criteria.yaml", 10, 3, "1.2")
    after = Problem("no-lead", "error", "1.2 has no lead", "b/criteria.yaml", 17, 3, "1.2")
    other = Problem("no-lead", "error", "1.3 has no lead", "b/criteria.yaml", 24, 3, "1.3")
    found = compare_findings([before], [after, other], lambda f: "criteria",
                             lambda f: "criteria")
    assert (found.appeared, found.gone, found.new_errors) == ([other], [], [other])


def test_a_change_of_the_plan_file_lists_its_items(repo, cli, monkeypatch) -> None:
    """data/plan_2020.yaml: the disbursement target lowered, a task added, a duty removed."""
    plan = repo / "data" / "plan_2020.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.count("đạt tỷ lệ 100%") == 2  # the task and its target
    text = text.replace("đạt tỷ lệ 100%", "đạt tỷ lệ 95%")
    _edit_text = text.replace(
        "      - code: II.2.3\n",
        "      - code: II.2.4\n        text: \"Rà soát văn bản QPPL hằng quý.\"\n"
        "      - code: II.2.3\n")
    plan.write_text(_edit_text, encoding="utf-8")
    data = json.loads(cli("diff", "-f", "json", "HEAD", "data").out)
    assert data["body"] == [
        {"part": "task", "code": "II.2.4", "key": "text", "kind": "added", "old": None,
         "new": "Rà soát văn bản QPPL hằng quý."},
        {"part": "task", "code": "II.6.1", "key": "text", "kind": "changed",
         "old": "Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách Nhà nước năm 2020 đạt tỷ lệ "
                "100%.",
         "new": "Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách Nhà nước năm 2020 đạt tỷ lệ "
                "95%."},
        {"part": "target", "code": "II.6.1.a", "key": "text", "kind": "changed",
         "old": "Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách Nhà nước năm 2020 đạt tỷ lệ "
                "100%",
         "new": "Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách Nhà nước năm 2020 đạt tỷ lệ "
                "95%"}]
    # the body's number still differs from Appendix II's 90%, with another message; and
    # II.2 lists one task more for field 2's uncovered leaves: each went away and appeared
    changed = [("uncovered-criterion", f"2.4.{n}") for n in range(1, 5)] + [
        ("body-appendix-mismatch", "II.6.1.a")]
    assert [(p["rule"], p["code"]) for p in data["findings"]["appeared"]] == changed
    assert [(p["rule"], p["code"]) for p in data["findings"]["gone"]] == changed
    assert data["findings"]["appeared"][0]["message"].endswith(
        "; Part II.2 lists 4 tasks for field 2, none names it")
    monkeypatch.setenv("COLUMNS", "100")
    table = cli("diff", "--lang", "vi", "HEAD", "data").out
    assert "Thay đổi trong tệp kế hoạch (phần nội dung của Kế hoạch)\n" in table
    assert "Tệp kế hoạch: 3 thay đổi ở các mục (liệt kê ở trên).\n" in table
    # the criteria unchanged: no body table without a body change
    assert "tệp kế hoạch" not in cli("diff", "--lang", "vi", "HEAD~1", "HEAD~1").out


def test_a_file_of_another_kind_is_a_usage_error(repo, cli) -> None:
    result = cli("diff", "HEAD~1", "HEAD", "--", "data/plan_2020.yaml")
    assert (result.code, result.out) == (2, "")
    assert result.err == ("parcli: error: HEAD~1:data/plan_2020.yaml: a plan file: give the "
                          "criteria file or its folder (the files beside it are compared with "
                          "it)\n")
    vi = cli("diff", "--lang", "vi", "data/assignments_2020.yaml", "data/criteria_2020.yaml")
    assert (vi.code, vi.err) == (2, "parcli: lỗi: data/assignments_2020.yaml: đây là tệp phân "
                                    "công: hãy ghi tệp tiêu chí hoặc thư mục của nó (các tệp bên "
                                    "cạnh được so sánh cùng)\n")


def test_a_plan_change_that_moves_work_is_listed(repo, cli) -> None:
    """data/plan_2020.yaml: section II.8 serving field 8 again (SIPAS's lead would get its
    tasks) and duty III.4 naming another agency: no text changed, the work moved."""
    plan = repo / "data" / "plan_2020.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.count('criteria: ["8.2", "8.3", "8.4", "8.5", "8.6"]') == 1
    text = text.replace('criteria: ["8.2", "8.3", "8.4", "8.5", "8.6"]', 'criteria: ["8"]')
    named = 'agencies: ["Sở Thông tin và Truyền thông", "Sở Nội vụ",'
    assert text.count(named) == 1
    text = text.replace(named, 'agencies: ["Sở Tư pháp", "Sở Nội vụ",')
    plan.write_text(text, encoding="utf-8")
    data = json.loads(cli("diff", "-f", "json", "HEAD", "data").out)
    assert data["body"] == [
        {"part": "section", "code": "II.8", "key": "criteria", "kind": "changed",
         "old": "8.2, 8.3, 8.4, 8.5, 8.6", "new": "8"},
        {"part": "duties", "code": "III.4", "key": "agencies", "kind": "changed",
         "old": "Sở Thông tin và Truyền thông, Sở Nội vụ, Đài Phát thanh và Truyền hình tỉnh, "
                "Báo Đắk Lắk",
         "new": "Sở Tư pháp, Sở Nội vụ, Đài Phát thanh và Truyền hình tỉnh, Báo Đắk Lắk"}]
