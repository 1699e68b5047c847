"""The words for the plan file's parts: goals, the body's tasks and targets, duties (part of
the catalogue, `parcli.i18n`)."""

from __future__ import annotations

from parcli.text import Text

PLAN: dict[str, Text] = {
    "goals_heading": Text("The plan's goals", "Mục tiêu của Kế hoạch"),
    "targets_heading": Text("Targets in the plan's Part II", "Chỉ tiêu trong phần nội dung "
                            "thực hiện của Kế hoạch"),
    "goal_where": Text("Printed at", "Mục"),
    "goal_text": Text("Goal", "Mục tiêu"),
    "target_text": Text("Target", "Chỉ tiêu"),
    "goal_threshold": Text("To reach", "Mức cần đạt"),
    "goal_measured": Text("Measured", "Kết quả đo được"),
    "goal_state": Text("Where it stands", "Đánh giá"),
    "goal_met": Text("met", "đạt"),
    "goal_not-met": Text("not met", "chưa đạt"),
    "goal_unknown": Text("unknown", "chưa rõ"),
    "goal_why_no-results": Text("unknown: no results file", "chưa rõ: chưa có tệp kết quả"),
    "goal_why_not-measured": Text("unknown: the results give no value",
                                  "chưa rõ: tệp kết quả chưa ghi giá trị"),
    "goal_why_no-threshold": Text("unknown: no single threshold in its text",
                                  "chưa rõ: nội dung không nêu một mức đo được"),
    "goal_why_no-baseline-rank": Text("unknown: the criteria file gives no baseline rank",
                                      "chưa rõ: tệp tiêu chí không ghi thứ hạng năm trước"),
    "goal_why_rank-between": Text("unknown: the table only bounds the rank",
                                  "chưa rõ: bảng xếp hạng chỉ cho biết khoảng thứ hạng"),
    "goal_rank_better": Text("rank better than {position} of {of}",
                             "xếp hạng cao hơn vị thứ {position}/{of}"),
    "goal_rank_place": Text("rank {places} ({by})", "vị thứ {places} ({by})"),
    "goal_by_peers": Text("published table", "bảng xếp hạng công bố"),
    "goal_by_results": Text("results file", "tệp kết quả"),
    "goals_summary": Text("The plan's goals: {met} met, {not_met} not met, {unknown} unknown",
                          "Mục tiêu của Kế hoạch: {met} đạt, {not_met} chưa đạt, {unknown} "
                          "chưa rõ"),
    "goals_brief": Text("{counts} (listed in the annex).", "{counts} (danh sách ở Phụ lục)."),
    "targets_summary": Text("Targets: {met} met, {not_met} not met, {unknown} unknown",
                            "Chỉ tiêu: {met} đạt, {not_met} chưa đạt, {unknown} chưa rõ"),
    "duties_heading": Text("Standing duties (Part {parts} of the plan)",
                           "Nhiệm vụ thường xuyên (mục {parts} của Kế hoạch)"),
    "duty_text": Text("Duty", "Nhiệm vụ"),
    "duties_none": Text("The plan names no standing duty for {agency}.",
                        "Kế hoạch không giao nhiệm vụ thường xuyên nào cho {agency}."),
    "body_task": Text("plan, {code}", "Kế hoạch, mục {code}"),
    "appendix_task": Text("Appendix II", "Phụ lục II"),
    "body_part": Text("plan, Part {part}", "Kế hoạch, mục {part}"),
    "task_source": Text("From", "Nguồn"),
    "err_body_needs_plan": Text("--body needs a plan file: plan_<year>.yaml beside the "
                                "criteria file, or --plan FILE",
                                "--body cần tệp kế hoạch: plan_<năm>.yaml cạnh tệp tiêu chí, "
                                "hoặc --plan TỆP"),
}
