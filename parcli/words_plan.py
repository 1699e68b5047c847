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
    "goal_why_peers-other-year": Text("unknown: the ranking table given is of another year",
                                      "chưa rõ: bảng xếp hạng được cung cấp là của năm khác"),
    "goal_why_peers-without-province": Text(
        "unknown: the ranking table given does not list the province",
        "chưa rõ: bảng xếp hạng được cung cấp không có tỉnh"),
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
    "duties_heading": Text("Standing duties (Part III of the plan)",
                           "Nhiệm vụ thường xuyên (mục III của Kế hoạch)"),
    "body_tasks_heading": Text("Tasks in the plan's Part II for the fields of its criteria",
                               "Nhiệm vụ tại mục II của Kế hoạch thuộc lĩnh vực có tiêu chí "
                               "được giao chủ trì"),
    "body_task_text": Text("Task", "Nhiệm vụ"),
    "task_none": Text("The plan's Part II lists no task for the fields of {agency}'s criteria.",
                      "Mục II của Kế hoạch không có nhiệm vụ thuộc lĩnh vực có tiêu chí do "
                      "{agency} chủ trì."),
    "err_body_needs_agency": Text("--body lists the plan file's tasks in task sheets: give "
                                  "--agency or --per-agency",
                                  "--body liệt kê nhiệm vụ của tệp kế hoạch trong phiếu nhiệm "
                                  "vụ: hãy ghi --agency hoặc --per-agency"),
    "duty_text": Text("Duty", "Nhiệm vụ"),
    "duty_none": Text("The plan names no standing duty for {agency}.",
                        "Kế hoạch không giao nhiệm vụ thường xuyên nào cho {agency}."),
    "appendix_task": Text("Appendix II", "Phụ lục II"),
    "body_part": Text("plan, Part {part}", "Kế hoạch, mục {part}"),
    "task_source": Text("From", "Nguồn"),
    "diff_body": Text("Changes in the plan file (its body)",
                      "Thay đổi trong tệp kế hoạch (phần nội dung của Kế hoạch)"),
    "diff_body_part": Text("Part", "Phần"),
    "diff_body_changed": Text("changed", "sửa đổi"),
    "diff_body_purpose": Text("purpose", "mục đích"),
    "diff_body_requirement": Text("requirement", "yêu cầu"),
    "diff_body_goal": Text("goal", "mục tiêu"),
    "diff_body_section": Text("section of Part II", "mục của phần II"),
    "diff_body_duties": Text("section of Part III", "mục của phần III"),
    "diff_body_key": Text("What", "Nội dung"),
    "diff_body_key_text": Text("text", "văn bản"),
    "diff_body_key_title": Text("title", "tên mục"),
    "diff_body_key_heading": Text("addressee", "cơ quan thực hiện (như ghi)"),
    "diff_body_key_measure": Text("measure", "cách đo"),
    "diff_body_key_criteria": Text("criteria served", "tiêu chí liên quan"),
    "diff_body_key_subjects": Text("Appendix II subjects", "mục cùng nội dung ở Phụ lục II"),
    "diff_body_key_agencies": Text("agencies named", "cơ quan được giao"),
    "diff_body_summary": Text("The plan file: {n} change(s) to its items (listed above).",
                              "Tệp kế hoạch: {n} thay đổi ở các mục (liệt kê ở trên)."),
    "diff_body_task": Text("task", "nhiệm vụ"),
    "diff_body_target": Text("target", "chỉ tiêu"),
    "diff_body_duty": Text("duty", "nhiệm vụ thường xuyên"),
    "err_diff_not_criteria": Text("{path}: {kind}: give the criteria file or its folder (the "
                                  "files beside it are compared with it)",
                                  "{path}: đây là {kind}: hãy ghi tệp tiêu chí hoặc thư mục "
                                  "của nó (các tệp bên cạnh được so sánh cùng)"),
    "file_kind_assignments": Text("an assignments file", "tệp phân công"),
    "file_kind_agencies": Text("an agency registry", "danh mục cơ quan"),
    "file_kind_plan": Text("a plan file", "tệp kế hoạch"),
    "file_kind_results": Text("a results file", "tệp kết quả"),
    "err_body_needs_plan": Text("--body needs a plan file: plan_<year>.yaml beside the "
                                "criteria file, or --plan FILE",
                                "--body cần tệp kế hoạch: plan_<năm>.yaml cạnh tệp tiêu chí, "
                                "hoặc --plan TỆP"),
}
