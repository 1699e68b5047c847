"""`parcli init-results`: a results file to fill in during the year, one entry per leaf
criterion and one per assignment task, nothing scored yet.

The text is returned (`Written`); the command line writes it (`results_<year>.yaml` beside
the criteria file unless `-o`), refusing to overwrite a file without `--force`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parcli.checking import Checked
from parcli.commands.base import Common, Spec
from parcli.engine.writer import Written, document, item
from parcli.files.naming import file_name
from parcli.numbers import number

SPEC = Spec(needs=("criteria",), optional=("assignments",))


@dataclass(frozen=True)
class Options:
    common: Common
    output: Path | None = None
    force: bool = False


HEADER = """\
yaml-language-server: $schema=../schema/results.schema.json
Results of the {year} plan ({index}, {province}): what has been scored and done, written
by `parcli init-results` with nothing scored yet, from
{files}
Fill it in during the year and check it with `parcli validate`. Every number in it is yours:
parcli ships no results.

results: one entry per leaf criterion. Add a score each time one is given; the latest stage
  wins (official over appraised over self), then the latest date:
    - code: "{code}"
      scores:
        - stage: self        # self (tự đánh giá), appraised (thẩm định), official (công bố)
          date: {year}-06-30   # within {year}; an official score may be dated in {next}
          value: 0.75        # exact, with a dot, within [0, the criterion's max]
          evidence: ["Báo cáo số ..."]   # optional: documents or links
          note: "..."        # optional
statuses: one entry per assignment task (not the group headings), its status one of
  not-started (chưa thực hiện), in-progress (đang thực hiện), done (hoàn thành),
  dropped (không thực hiện); optional: date (within {year}), evidence, note, and measured
  (the measured value of a threshold requirement, e.g. 35 for "từ 30% trở lên").
"""
NO_ASSIGNMENTS = "no assignments file was read: add one entry per assignment task"
# The same under `--lang vi`: the official who fills the file in reads the comments; the keys
# and values stay those of the data format (docs/DATA_FORMAT.md).
HEADER_VI = """\
yaml-language-server: $schema=../schema/results.schema.json
Kết quả thực hiện Kế hoạch năm {year} ({index}, {province}): điểm đã chấm và nhiệm vụ đã
thực hiện; tệp do `parcli init-results` lập, chưa có điểm nào, từ
{files}
Cập nhật trong năm và kiểm tra bằng `parcli validate`. Mọi số liệu trong tệp do cơ quan nhập:
parcli không kèm kết quả nào.

results: mỗi tiêu chí thành phần một mục. Thêm một điểm mỗi lần có điểm; giai đoạn sau được
  dùng (official hơn appraised, appraised hơn self), rồi đến ngày gần nhất:
    - code: "{code}"
      scores:
        - stage: self        # self (tự đánh giá), appraised (thẩm định), official (công bố)
          date: {year}-06-30   # trong năm {year}; điểm công bố có thể ghi ngày năm {next}
          value: 0.75        # số chính xác, dấu chấm thập phân, từ 0 đến điểm tối đa
          evidence: ["Báo cáo số ..."]   # không bắt buộc: văn bản hoặc đường dẫn
          note: "..."        # không bắt buộc
statuses: mỗi nhiệm vụ một mục (không tính các dòng tiêu đề nhóm), tiến độ là một trong
  not-started (chưa thực hiện), in-progress (đang thực hiện), done (hoàn thành),
  dropped (không thực hiện); không bắt buộc: date (trong năm {year}), evidence, note và
  measured (số liệu đo được của yêu cầu có chỉ tiêu, ví dụ 35 với "từ 30% trở lên").
"""
NO_ASSIGNMENTS_VI = "không đọc tệp phân công: thêm mỗi nhiệm vụ một mục"


def run(checked: Checked, options: Options) -> Written:
    dataset = checked.dataset
    plan = dataset.criteria_file
    year = plan.target_year
    leaves = dataset.tree.leaves
    tasks = dataset.tasks()
    files = "\n".join(f"  {kind}: {path.name}" for kind, path in (
        ("plan", dataset.paths.criteria), ("assignments", dataset.paths.assignments))
        if path is not None)
    lang = options.common.lang
    vi = lang == "vi"
    header = (HEADER_VI if vi else HEADER).format(year=year, next=year + 1, index=plan.index.label,
                           province=plan.province.name, files=files, code=leaves[0].code)
    body = [f"year: {year}", "results:"]
    for node in leaves:
        top = (f" ({'điểm tối đa' if vi else 'max'} {number(node.row.max, lang)})"
               if node.row.max is not None else "")
        body += item({"code": node.code, "scores": []}, 2, note=node.row.name + top)
    if tasks:
        body.append("statuses:")
        for task in tasks:
            body += item({"code": task.code, "status": "not-started"}, 2, note=task.title)
    else:
        body.append(f"statuses: []  # {NO_ASSIGNMENTS_VI if vi else NO_ASSIGNMENTS}")
    return Written(document(header, body), file_name("results", year))
