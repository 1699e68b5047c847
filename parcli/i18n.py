"""The label catalogue: every heading and label parcli prints, in English and Vietnamese
(the meeting report's in `parcli.words_report`, the messages in `parcli.words_messages`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from parcli.text import Lang, Text
from parcli.words_messages import MESSAGES, PATTERNS
from parcli.words_plan import PLAN
from parcli.words_report import REPORT

CATALOGUE: dict[str, Text] = {
    # columns
    "code": Text("Code", "STT"),
    "name": Text("Name", "Tên"),
    "tree_name": Text("Name", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần"),  # the plan's header
    "leaf_name": Text("Name", "Tiêu chí thành phần"),
    "column": Text("Column", "Nội dung"),
    "max": Text("Max", "Điểm tối đa"),
    "baseline": Text("Baseline", "Điểm năm trước"),  # no year known; else "score_of"
    "target": Text("Target", "Mục tiêu"),  # no year known; else "target_of"
    "gain": Text("Points needed", "Điểm cần tăng"),
    "lost": Text("Points lost", "Điểm bị mất"),
    "headroom": Text("Headroom", "Khoảng cách từ mục tiêu đến điểm tối đa"),
    # the same figure of a field (or a total) from its printed row, or added up over its
    # leaf criteria: the two need not agree, so the label says which
    "gain_printed": Text("Points needed (as printed)", "Điểm cần tăng (theo kế hoạch)"),
    "lost_printed": Text("Points lost (as printed)", "Điểm bị mất (theo kế hoạch)"),
    "gain_summed": Text("Points needed (sum of the criteria)",
                        "Điểm cần tăng (tính từ các tiêu chí thành phần)"),
    "lost_summed": Text("Points lost (sum of the criteria)",
                        "Điểm bị mất (tính từ các tiêu chí thành phần)"),
    "headroom_summed": Text("Headroom (sum of the criteria)",
                            "Khoảng cách từ mục tiêu đến điểm tối đa (tính từ các tiêu chí "
                            "thành phần)"),
    "printed": Text("Printed", "Theo kế hoạch"),
    "computed": Text("Computed", "Tính từ các tiêu chí thành phần"),
    "difference": Text("Difference", "Chênh lệch"),
    "status": Text("Status", "Trạng thái"),
    "reason": Text("Reason", "Lý do"),
    "lead": Text("Lead", "Chủ trì"),
    "lead_source": Text("Lead from", "Chủ trì xác định theo"),
    "agency": Text("Agency", "Cơ quan"),
    "criteria_count": Text("Criteria", "Số tiêu chí thành phần"),
    "criteria_codes": Text("Criteria codes", "Các tiêu chí thành phần"),
    "field": Text("Field", "Lĩnh vực"),
    "id": Text("Id", "Mã cơ quan"),
    "aliases": Text("Aliases", "Cách viết khác"),
    "leads_count": Text("Criteria led", "Số tiêu chí thành phần được giao chủ trì"),
    "at_stake": Text("Points lost", "Điểm bị mất"),
    "title": Text("Title", "Nội dung"),
    "criterion": Text("Criterion", "Tiêu chí"),
    "product": Text("Deliverable", "Sản phẩm"),
    "requirement": Text("Quality requirement", "Yêu cầu chất lượng"),
    "deadline": Text("Deadline", "Thời gian hoàn thành"),
    "due": Text("Due date", "Ngày đến hạn"),
    "implementers": Text("Implementing agencies", "Thực hiện"),
    "rule": Text("Rule", "Quy tắc"),
    "meaning": Text("Meaning", "Ý nghĩa"),
    "level": Text("Level", "Mức độ"),
    "message": Text("Message", "Thông báo"),
    "rule_needs": Text("Runs when these files are given: {files}",
                       "Chạy khi có các tệp: {files}"),
    "location": Text("Location", "Vị trí"),
    "count": Text("Count", "Số lượng"),
    "score_of": Text("{year} score", "Điểm năm {year}"),
    "target_of": Text("{year} target", "Mục tiêu năm {year}"),
    "pct_of": Text("{year} % of max", "Năm {year} (% điểm tối đa)"),
    "pct_baseline": Text("Baseline % of max", "Điểm năm trước (% điểm tối đa)"),
    "pct_target": Text("Target % of max", "Mục tiêu (% điểm tối đa)"),
    "quarter": Text("Due", "Thời hạn"),
    # parcli has no status data here: a passed due date is not "overdue" ("quá hạn")
    "overdue": Text("Past due date", "Đã đến hạn"),
    # statuses and values
    "rounding": Text("rounding", "chênh lệch do làm tròn"),
    "acknowledged": Text("acknowledged", "đã ghi nhận sai lệch"),
    "error": Text("error", "lỗi"),
    "warning": Text("warning", "cảnh báo"),
    "own": Text("own", "tiêu chí này"),
    "inherited": Text("inherited", "tiêu chí cấp trên"),
    "assignments": Text("assignments", "nhiệm vụ"),
    "none": Text("none", "không có"),
    "no_lead": Text("(no lead)", "(chưa có cơ quan chủ trì)"),
    "survey_bucket": Text("(survey-scored)", "(điểm điều tra xã hội học)"),
    "listed_under": Text("{merge}: its work in {year} is listed under {new}.",
                         "{merge}: nhiệm vụ năm {year} của cơ quan này được liệt kê dưới {new}."),
    "merge_note": Text("{old} → {new} (merged {date})", "{old} → {new} (sáp nhập ngày {date})"),
    "survey": Text("survey", "điều tra xã hội học"),
    "row_bonus": Text("bonus points", "điểm thưởng"),
    "row_penalty": Text("penalty points", "điểm trừ"),
    "row_survey": Text("survey-scored", "điểm điều tra xã hội học"),
    "evidence": Text("evidence", "thẩm định"),
    # a score's stage, as the results file names it (self, appraised, official)
    "stage_self": Text("self-assessment", "tự đánh giá"),
    "stage_appraised": Text("appraised", "thẩm định"),
    "stage_official": Text("official", "kết quả công bố"),
    "total": Text("Total", "Tổng"),
    "total_all": Text("Total (all {n} {unit})", "Tổng ({n} {unit})"),
    "unit_criteria": Text("criteria", "tiêu chí"),
    "unit_agencies": Text("agencies", "cơ quan"),
    "unit_fields": Text("fields", "lĩnh vực"),
    "unit_methods": Text("methods", "phương pháp"),
    "ongoing": Text("ongoing", "thường xuyên"),
    "per_regulation": Text("per regulation", "theo quy định"),
    "unscheduled": Text("when planned or asked", "theo kế hoạch hoặc khi có yêu cầu"),
    "every_month": Text("every month", "hằng tháng"),
    "every_quarter": Text("every quarter", "hằng quý"),
    "every_year": Text("every year", "hằng năm"),
    "no_date": Text("no date", "không ghi thời hạn"),
    "yes": Text("yes", "có"),
    # titles
    "check_totals": Text("Totals: printed, and added up from the leaf criteria",
                         "Tổng điểm: số liệu theo kế hoạch và số liệu tính từ các tiêu chí "
                         "thành phần"),
    "check_findings": Text("Check-sum findings",
                           "Điểm của lĩnh vực, tiêu chí khác với tổng các dòng"),
    "check_no_findings": Text("Every printed subtotal equals the sum of its rows.",
                          "Điểm của mọi lĩnh vực, tiêu chí trong kế hoạch đều khớp với tổng "
                          "các dòng."),
    "unknown_rows": Text("Unknown rows", "Dòng chưa biết điểm"),
    "check_unverifiable": Text("Subtotals that cannot be checked (rows with unknown values)",
                               "Điểm không đối chiếu được (có dòng chưa biết điểm)"),
    "check_unverifiable_note": Text("{n} printed subtotal(s) not checkable: rows unknown.",
                                    "{n} điểm của lĩnh vực, tiêu chí không đối chiếu được do "
                                    "có dòng chưa biết điểm."),
    "check_summary": Text("{errors} error(s), {acknowledged} acknowledged, {rounding} rounding "
                      "(tolerance {tolerance})",
                      "{errors} lỗi, {acknowledged} sai lệch đã ghi nhận, {rounding} chênh "
                      "lệch do làm tròn (dung sai {tolerance})"),
    "gap_leaves": Text("Leaf criteria ranked by {basis}",
                       "Tiêu chí thành phần xếp theo {basis}"),
    "gap_agencies": Text("Agencies ranked by {basis} ({shared})",
                     "Cơ quan xếp theo {basis} ({shared})"),
    "gap_methods": Text("Scoring methods ranked by {basis}",
                        "Phương pháp chấm điểm xếp theo {basis}"),
    "method": Text("Method", "Phương pháp"),
    "gap_unknown_note": Text("Unknown, so left out of the sums: {counts}.",
                             "Chưa biết nên không cộng vào tổng: {counts}."),
    "unknown_count": Text("{measure} of {n} criteria", "{measure} của {n} tiêu chí"),
    "no_assignments_note": Text("No assignments file: leads from assignments not used.",
                                "Không có tệp phân công: không dùng cơ quan chủ trì ghi ở "
                                "các nhiệm vụ."),
    "gap_fields": Text("Fields ranked by {basis}", "Lĩnh vực xếp theo {basis}"),
    "unknown": Text("unknown", "chưa biết"),
    "unknown_value": Text("unknown (not known for any of them)",
                          "chưa biết (không tiêu chí nào có số liệu)"),
    "gap_total_note": Text(
        "Points needed, added up over the leaf criteria: {leaves}; from the printed totals: "
        "{printed_target} − {printed_baseline} = {printed_gain}",
        "Điểm cần tăng cộng từ các tiêu chí thành phần: {leaves}; theo tổng điểm trong kế "
        "hoạch: {printed_target} − {printed_baseline} = {printed_gain}"),
    "split": Text("a criterion with several leads is split equally",
              "điểm của tiêu chí có nhiều cơ quan chủ trì được chia đều cho các cơ quan"),
    "full": Text("a criterion with several leads counts in full for each",
             "tiêu chí có nhiều cơ quan chủ trì được tính đủ cho mỗi cơ quan"),
    "validate_summary": Text("{errors} error(s), {warnings} warning(s)",
                         "{errors} lỗi, {warnings} cảnh báo"),
    "disabled": Text("disabled", "đã tắt"),
    "config_note": Text("Configuration {file}: disabled {disabled}; levels changed {levels}",
                        "Cấu hình {file}: tắt {disabled}; đổi mức {levels}"),
    "validate_without": Text("No {kind}: the rules that need it did not run.",
                             "Không có {kind}: các quy tắc cần tệp này không được áp dụng."),
    "criteria_file": Text("criteria file", "tệp tiêu chí"),
    "assignments_file": Text("assignments file", "tệp phân công"),
    "agencies_file": Text("agency registry", "danh mục cơ quan"),
    "validate_ok": Text("No problems found.", "Không phát hiện vấn đề."),
    "agencies_title": Text("Agency registry", "Danh mục cơ quan"),
    "assignments_title": Text("Assignments", "Phân công thực hiện"),
    "tree_title": Text("Criteria", "Tiêu chí"),
    "no_rows": Text("No rows match.", "Không có dòng nào phù hợp."),
    # the year's cycle: progress, simulate, due
    "progress_max": Text("Max", "Điểm tối đa"),
    "progress_summed_note": Text(
        "Each row adds up its criteria (sum of the criteria); a subtotal printed in the plan "
        "may differ by its rounding: 'parcli check' shows where.",
        "Mỗi dòng cộng điểm của các tiêu chí thành phần (tính từ các tiêu chí thành phần); "
        "tổng ghi trong Kế hoạch có thể chênh lệch do làm tròn: xem bằng 'parcli check'."),
    "progress_baseline": Text("Baseline", "Điểm năm trước"),
    "progress_target": Text("Target", "Mục tiêu"),
    "progress_projected": Text("Projected", "Điểm dự kiến"),
    "progress_won": Text("Won vs baseline", "Tăng so với năm trước"),
    "progress_to_target": Text("Still needed for target", "Còn thiếu so với mục tiêu"),
    "progress_to_max": Text("Below max", "Còn thiếu so với điểm tối đa"),
    "progress_basis": Text("From", "Căn cứ"),
    "basis_score": Text("score", "điểm đã chấm"),
    "basis_set": Text("set", "giả định"),
    "basis_assumed": Text("assumed", "tạm tính"),
    "basis_unknown": Text("unknown", "chưa biết"),
    "progress_title": Text("Progress by criterion (unscored criteria at their {assume})",
                           "Tiến độ theo tiêu chí (tiêu chí chưa chấm tạm tính theo {assume})"),
    "progress_by_agency": Text("Progress by agency", "Tiến độ theo cơ quan chủ trì"),
    "progress_by_field": Text("Progress by field", "Tiến độ theo lĩnh vực"),
    "progress_total": Text("Projected total {projected}: {scored} criteria scored, {assumed} "
                           "taken at their {assume}, {unknown} unknown.",
                           "Tổng điểm dự kiến {projected}: {scored} tiêu chí đã chấm, "
                           "{assumed} tiêu chí tạm tính theo {assume}, {unknown_text}."),
    "unknown_none": Text("0 unknown", "không có tiêu chí chưa rõ điểm"),
    "unknown_some": Text("{n} unknown", "{n} tiêu chí chưa rõ điểm"),
    "progress_against_target": Text("Printed target {target}: {missing} points still needed.",
                                    "{label}: {target} điểm; còn thiếu {missing} điểm."),
    "progress_above_target": Text("Above target", "Vượt mục tiêu"),
    "progress_unknown": Text("Unknown", "Chưa biết"),
    "at_least": Text("at least", "tối thiểu"),
    "known_only": Text("known criteria only", "chỉ tính tiêu chí đã biết"),
    "progress_total_partial": Text(
        "Projected total at least {projected}, without the {unknown} unknown criteria "
        "({bounds}): {scored} criteria scored, {assumed} taken at their {assume}.",
        "Tổng điểm dự kiến tối thiểu {projected}, chưa tính {unknown} tiêu chí chưa biết "
        "({bounds}): {scored} tiêu chí đã chấm, {assumed} tiêu chí tạm tính theo {assume}."),
    "bounds_both": Text("between {low} and {high} with those at their lowest and at their max",
                        "từ {low} đến {high} nếu các tiêu chí đó đạt điểm thấp nhất hoặc điểm "
                        "tối đa"),
    "bounds_low": Text("at least {low}; no upper bound, as some of them have no max",
                       "tối thiểu {low}; không có mức cao nhất vì có tiêu chí không ghi điểm "
                       "tối đa"),
    "target_exceeded": Text("Printed target {target}: exceeded by {over} points.",
                            "{label}: {target} điểm; vượt mục tiêu {over} điểm."),
    "target_exceeded_at_least": Text(
        "Printed target {target}: exceeded by at least {over} points, whatever the {n} "
        "unknown criteria score.",
        "{label}: {target} điểm; vượt mục tiêu ít nhất {over} điểm, dù {n} tiêu chí chưa "
        "biết đạt bao nhiêu điểm."),
    "target_need_range": Text(
        "Printed target {target}: {low} to {high} points still needed, depending on the {n} "
        "unknown criteria.",
        "{label}: {target} điểm; còn thiếu từ {low} đến {high} điểm, tùy {n} tiêu chí chưa "
        "biết."),
    "target_need_at_most": Text(
        "Printed target {target}: at most {high} points still needed, depending on the {n} "
        "unknown criteria.",
        "{label}: {target} điểm; còn thiếu tối đa {high} điểm, tùy {n} tiêu chí chưa biết."),
    "progress_below": Text("{n} criteria are below their target.",
                           "{n} tiêu chí chưa đạt mục tiêu."),
    "no_results_note": Text("No results file: every criterion is taken at its assumption.",
                            "Không có tệp kết quả: mọi tiêu chí đều được tạm tính."),
    "simulate_fields": Text("What if: the fields", "Giả định: điểm các lĩnh vực"),
    "simulate_short": Text("Still short of their targets, by agency",
                           "Cơ quan chủ trì còn thiếu điểm so với mục tiêu"),
    "simulate_total": Text("Simulated total {projected} ({n} criteria set).",
                           "Tổng điểm giả định {projected} (giả định điểm cho {n} tiêu chí)."),
    "simulate_total_partial": Text(
        "Simulated total at least {projected} ({n} criteria set), without the {unknown} "
        "unknown criteria ({bounds}).",
        "Tổng điểm giả định tối thiểu {projected} (giả định điểm cho {n} tiêu chí), chưa tính "
        "{unknown} tiêu chí chưa biết ({bounds})."),
    "due_title": Text("Deadlines at {as_of} (due within {within} days)",
                      "Thời hạn tính đến ngày {as_of} (đến hạn trong {within} ngày)"),
    "threshold": Text("Threshold", "Chỉ tiêu"),
    "threshold_met": Text("met", "đạt"),
    "threshold_not-met": Text("not met", "chưa đạt"),
    "threshold_not-measured": Text("not measured", "chưa có số liệu"),
    "threshold_several": Text("several thresholds", "nhiều chỉ tiêu"),
    "due_state": Text("State", "Thời hạn"),
    "due_status": Text("Status", "Tiến độ"),
    "due_overdue": Text("overdue", "quá hạn"),
    "due_passed": Text("due date passed", "đã qua thời hạn"),
    "due_soon": Text("due soon", "sắp đến hạn"),
    "due_ongoing": Text("ongoing", "thường xuyên"),
    "due_regulation": Text("per regulation", "theo quy định"),
    "due_undated": Text("no date", "không ghi thời hạn"),
    "status_not-started": Text("not started", "chưa thực hiện"),
    "status_in-progress": Text("in progress", "đang thực hiện"),
    "status_done": Text("done", "đã hoàn thành"),
    "status_dropped": Text("dropped", "không thực hiện"),
    # due's summary, one part per state: "2 nhiệm vụ đã qua thời hạn (chưa rõ kết quả)",
    # "không có nhiệm vụ quá hạn" (never "0 quá hạn")
    "due_part": Text("{n} {what}", "{n} nhiệm vụ {what}"),
    "due_part_none": Text("0 {what}", "không có nhiệm vụ {what}"),
    "due_part_sep": Text(", ", "; "),
    "due_what_overdue": Text("overdue", "quá hạn"),
    "due_what_passed": Text("past their due date (status unknown)",
                            "đã qua thời hạn (chưa rõ kết quả)"),
    "due_what_soon": Text("due soon", "sắp đến hạn"),
    "due_what_ongoing": Text("ongoing", "thực hiện thường xuyên"),
    "due_what_regulation": Text("per regulation", "thực hiện theo quy định"),
    "due_what_undated": Text("without a date", "không ghi thời hạn"),
    "due_no_results": Text("No results file: parcli does not know what is done, so a passed "
                           "due date is not called overdue.",
                           "Không có tệp kết quả: chưa biết nhiệm vụ nào đã hoàn thành nên "
                           "không ghi là quá hạn."),
    "due_year_over": Text("The plan year {year} is over: shown as at {as_of}.",
                          "Năm kế hoạch {year} đã kết thúc: tính đến ngày {as_of}."),
    "report_rank_target": Text("At its target of {score} points the province would rank "
                               "{position} of {of} in the {year} table.",
                               "Nếu đạt mục tiêu {score} điểm, tỉnh sẽ xếp hạng {position}/{of} "
                               "theo bảng xếp hạng năm {year}."),
    "report_rank_partial": Text(
        "The projection is not ranked: {n} criteria have no score yet, so {score} points is "
        "only a lower bound (parcli rank gives the bounds).",
        "Chưa xếp hạng theo điểm dự kiến: {n} tiêu chí chưa có điểm nên {score} điểm mới chỉ "
        "là mức thấp nhất (xem khoảng xếp hạng bằng 'parcli rank')."),
    "report_rank_projected": Text("Its projected {score} points would rank {position} of {of} "
                                  "in the {year} table.",
                                  "Với {score} điểm dự kiến, tỉnh sẽ xếp hạng {position}/{of} "
                                  "theo bảng xếp hạng năm {year}."),
    "rank_given": Text("given", "điểm nhập vào"),
    "rank_projected": Text("projected", "điểm dự kiến"),
    "rank_position": Text("Rank", "Xếp hạng"),
    "rank_province": Text("Province", "Tỉnh, thành phố"),
    "rank_score": Text("Score", "Điểm"),
    "rank_title": Text("Against the {year} table of {n}",
                       "Vị trí trong bảng xếp hạng năm {year} ({n} tỉnh, thành phố)"),
    "rank_note": Text("{score} points would rank {position} of {of} in the {year} table.",
                      "{score} điểm sẽ xếp hạng {position}/{of} theo bảng năm {year}."),
    "rank_high": Text("projected, the {n} unknown criteria at their max",
                      "điểm dự kiến, {n} tiêu chí chưa biết đạt điểm tối đa"),
    "rank_low": Text("projected without the {n} unknown criteria: at least",
                     "điểm dự kiến chưa tính {n} tiêu chí chưa biết: tối thiểu"),
    "rank_note_bounds": Text(
        "The projected total is at least {low}: {n} criteria are unknown, and with them at "
        "their max it is {high}. Between the two it would rank {position} of {of} in the "
        "{year} table.",
        "Tổng điểm dự kiến tối thiểu {low}: còn {n} tiêu chí chưa biết, nếu các tiêu chí đó "
        "đạt điểm tối đa thì là {high}. Trong khoảng này, tỉnh sẽ xếp hạng {position}/{of} "
        "theo bảng năm {year}."),
    "rank_peers": Text("Ranking: {path} ({n} provinces).", "Bảng xếp hạng: {path} ({n} tỉnh)."),
    "rank_scale": Text("The table has scores up to {highest} while this plan's maximum is {top}: "
                       "check that they are on the same scale.",
                       "Bảng có điểm tới {highest} trong khi điểm tối đa của kế hoạch là {top}: "
                       "cần kiểm tra hai bên có cùng thang điểm."),
    "rank_partial": Text("The table holds {n} of the {of} provinces: the rank is only known "
                         "within these bounds.",
                         "Bảng chỉ có {n}/{of} tỉnh, thành phố: chỉ biết thứ hạng trong "
                         "khoảng này."),
    "rank_baseline": Text("Rank in {year}: {position} of {of}.",
                          "Xếp hạng năm {year}: {position}/{of}."),
    "share": Text("Share", "Phần chia"),
    "co_leads": Text("Co-leads", "Cùng chủ trì"),
    "role": Text("Role", "Vai trò"),
    "role_lead": Text("lead", "chủ trì"),
    "role_implementer": Text("implementer", "thực hiện"),
    "sheet_title": Text("{agency}: tasks of the {year} administrative reform plan",
                        "{agency}: nhiệm vụ trong kế hoạch cải cách hành chính năm {year}"),
    "sheet_intro": Text("Leads {n} criteria; {tasks} tasks to lead or carry out.",
                        "Chủ trì tham mưu {n} tiêu chí; {tasks} nhiệm vụ chủ trì hoặc thực "
                        "hiện."),
    "sheet_late": Text("At {as_of}, {n} task(s) past their due date: {codes}.",
                       "Đến ngày {as_of}, {n} nhiệm vụ đã qua thời hạn: {codes}."),
    "sheet_none_late": Text("At {as_of}, no task is past its due date.",
                            "Đến ngày {as_of}, chưa có nhiệm vụ nào đã qua thời hạn."),
    "sheet_criteria": Text("Criteria led by {agency}", "Tiêu chí do {agency} chủ trì tham mưu"),
    "sheet_tasks": Text("Tasks of {agency}", "Nhiệm vụ của {agency}"),
    "scoring": Text("Scoring", "Cách tính điểm"),
    "report_ties": Text("{n} more criteria tie with the last one, so they are listed too.",
                        "Có thêm {n} tiêu chí bằng điểm với tiêu chí cuối nên cũng được liệt "
                        "kê."),
    "report_ties_agencies": Text("{n} more agencies tie with the last one, so they are listed "
                                 "too.",
                                 "Có thêm {n} cơ quan bằng điểm với cơ quan cuối nên cũng được "
                                 "liệt kê."),
    "report_since": Text("Since the report of {date}", "Thay đổi so với báo cáo ngày {date}"),
    "since_figure": Text("Figure", "Chỉ số"),
    "since_then": Text("Then", "Kỳ trước"),
    "since_now": Text("Now", "Kỳ này"),
    "since_change": Text("Change", "Thay đổi"),
    "since_baseline": Text("Baseline total (as printed)", "Tổng điểm năm trước (theo kế hoạch)"),
    "since_target": Text("Target total (as printed)", "Tổng mục tiêu (theo kế hoạch)"),
    "since_gain": Text("Points needed (leaf criteria)", "Điểm cần tăng (các tiêu chí thành phần)"),
    "since_lost": Text("Points lost (leaf criteria)", "Điểm bị mất (các tiêu chí thành phần)"),
    "since_problems": Text("Data problems", "Vấn đề về dữ liệu"),
    "since_agency": Text("Points needed: {agency}", "Điểm cần tăng: {agency}"),
    "report_since_scores": Text("Scores new or changed ({n} leaf criteria):",
                                "Điểm mới có hoặc thay đổi ({n} tiêu chí thành phần):"),
    "report_since_statuses": Text("Tasks whose status changed ({n}):",
                                  "Nhiệm vụ thay đổi tiến độ ({n} nhiệm vụ):"),
    "report_since_overdue": Text("Became overdue ({n}): {codes}.",
                                 "Nhiệm vụ mới quá hạn ({n} nhiệm vụ): {codes}."),
    "report_since_none": Text("none", "chưa có"),
    "since_projected": Text("Projected total", "Tổng điểm dự kiến"),
    "since_nothing": Text("No figure has changed.", "Không có chỉ số nào thay đổi."),
    "report_next": Text("Due before the next meeting (within {days} days)",
                        "Nhiệm vụ đến hạn trước kỳ họp tới (trong {days} ngày)"),
    "report_next_none": Text("Nothing is due before the next meeting.",
                             "Không có nhiệm vụ nào đến hạn trước kỳ họp tới."),
    "report_annex": Text("Annex", "Phụ lục"),  # the glossary: not "phần chi tiết"
    "report_files": Text("Files read (folder {folder}): {files}.",
                         "Tệp dữ liệu (thư mục {folder}): {files}."),
    "warnings_note": Text("parcli: {n} warning(s) in the data; 'parcli validate' lists them",
                          "parcli: dữ liệu có {n} cảnh báo; xem bằng 'parcli validate'"),
    "wrote": Text("wrote {path}", "đã ghi {path}"),
    "items": Text("Assignments", "Số nhiệm vụ"),
    **REPORT,
    **PLAN,
    **MESSAGES,
    # diff OLD NEW
    "diff_old_files": Text("Old: {files}", "Bản cũ: {files}"),
    "diff_new_files": Text("New: {files}", "Bản mới: {files}"),
    "diff_old": Text("Old", "Bản cũ"),
    "diff_new": Text("New", "Bản mới"),
    "diff_change": Text("Change", "Thay đổi"),
    "diff_what": Text("Change", "Thay đổi"),
    "diff_added": Text("added", "thêm mới"),
    "diff_removed": Text("removed", "bị bỏ"),
    "diff_renamed": Text("renamed", "đổi tên"),
    "diff_moved": Text("moved", "chuyển vị trí"),
    "diff_appeared": Text("appeared", "mới phát sinh"),
    "diff_gone": Text("gone", "đã hết"),
    "diff_was": Text("Was", "Trước đây"),
    "diff_was_field": Text("a field", "là lĩnh vực"),
    "diff_was_under": Text("under {code}", "thuộc tiêu chí {code}"),
    "diff_min": Text("Min", "Điểm tối thiểu"),
    "diff_figure": Text("Figure", "Chỉ số"),
    "diff_printed": Text("{column} (as printed)", "{column} (theo kế hoạch)"),
    "diff_computed": Text("{column} (sum of the criteria)",
                          "{column} (tính từ các tiêu chí thành phần)"),
    "diff_rows": Text("Rows added, removed, renamed or moved",
                      "Tiêu chí thêm mới, bị bỏ, đổi tên hoặc chuyển vị trí"),
    "diff_numbers": Text("Numbers changed", "Số liệu thay đổi"),
    "diff_totals": Text("Totals", "Tổng điểm"),
    "diff_fields": Text("Fields whose figures changed", "Lĩnh vực có số liệu thay đổi"),
    "diff_agencies": Text("Points needed by agency, where they changed (a criterion with "
                          "several leads is split equally)",
                          "Điểm cần tăng của các cơ quan có thay đổi (tiêu chí có nhiều cơ quan "
                          "chủ trì được chia đều)"),
    "diff_findings": Text("Findings that appeared or went away",
                          "Vấn đề về dữ liệu mới phát sinh hoặc đã hết"),
    "diff_summary": Text("{added} row(s) added, {removed} removed, {renamed} renamed, {moved} "
                         "moved; {numbers} number(s) changed.",
                         "{added} tiêu chí thêm mới, {removed} bị bỏ, {renamed} đổi tên, "
                         "{moved} chuyển vị trí; {numbers} số liệu thay đổi."),
    "diff_nothing": Text("No row and no number of the criteria file changed.",
                         "Không có tiêu chí hay số liệu nào của tệp tiêu chí thay đổi."),
    "diff_agencies_same": Text("The other {n} agencies' points needed are unchanged.",
                               "Điểm cần tăng của {n} cơ quan còn lại không thay đổi."),
    "diff_agencies_none": Text("No agency's points needed changed.",
                               "Điểm cần tăng của các cơ quan không thay đổi."),
    "diff_unreadable_old": Text("The old plan's criteria file cannot be read: no number is "
                                "compared (why: the findings above).",
                                "Không đọc được tệp tiêu chí của bản cũ: không so sánh số liệu "
                                "(lý do: xem các vấn đề về dữ liệu ở trên)."),
    "diff_unreadable_new": Text("The new plan's criteria file cannot be read: no number is "
                                "compared, and its other checks did not run, so no finding is "
                                "said to have gone (why: the findings above).",
                                "Không đọc được tệp tiêu chí của bản mới: không so sánh số liệu, "
                                "các bước kiểm tra khác không chạy nên không xác định được vấn "
                                "đề nào đã hết (lý do: xem các vấn đề về dữ liệu ở trên)."),
    "diff_findings_summary": Text("Findings: {appeared} appeared, {gone} went away; errors: "
                                  "{old} in the old plan, {new} in the new ({added} new).",
                                  "Vấn đề về dữ liệu: {appeared} mới phát sinh, {gone} đã hết; "
                                  "lỗi: bản cũ {old}, bản mới {new} ({added} lỗi mới)."),
    "diff_fails": Text("parcli: the new plan has {n} error(s) the old one had not "
                       "(--fail-on-new-errors)",
                       "parcli: bản mới có {n} lỗi mà bản cũ không có (--fail-on-new-errors)"),
}


def translated(message: str, lang: Lang) -> str:
    """A message another layer wrote in English, in `lang` when its pattern is known (else
    as it is)."""
    if lang != "vi":
        return message
    import re

    for pattern, vi in PATTERNS:
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found:
            return vi.format(**{key: _phrase(value) if key in _PHRASE_GROUPS else value or ""
                                for key, value in found.groupdict().items()})
    return message


# The loader's words inside its messages ("expected a list, found the number 1"), in the
# groups that hold them (a path or a value stays as written).
_PHRASE_GROUPS = frozenset({"what", "found", "other", "kind"})
_PHRASES = {"a list": "một danh sách", "a whole number": "một số nguyên", "text": "chữ",
            "a mapping of keys": "một bảng khóa (mapping)", "a mapping": "một bảng khóa",
            "a date YYYY-MM-DD": "một ngày dạng YYYY-MM-DD", "true or false": "true hoặc false",
            "a number": "một số", "nothing (null)": "ô trống (null)", "goal": "mục tiêu",
            "agency": "cơ quan", "a criteria": "tệp tiêu chí", "an assignments": "tệp phân công",
            "an agencies": "danh mục cơ quan", "a plan": "tệp kế hoạch",
            "a results": "tệp kết quả"}


def _phrase(value: str | None) -> str:
    """A group of a translated message: a known phrase in Vietnamese, a value as it is."""
    import re

    if value is None:
        return ""
    if value in _PHRASES:
        return _PHRASES[value]
    found = re.fullmatch(r"the number (.+)|text ('.*')|true/false \((\w+)\)", value)
    if found is None:
        return value
    number, text, flag = found.groups()
    return (f"số {number}" if number is not None else f"chữ {text}" if text is not None
            else f"giá trị {flag}")


def score_label(column: str, years: Mapping[str, int | None]) -> Text:
    """A score column's header as the plan writes it: "Điểm năm 2019" and "Mục tiêu năm 2020"
    where the data gives the year (`years`: column to year), else "Baseline"/"Target"."""
    year = years.get(column)
    if year is not None and column in ("baseline", "target"):
        return CATALOGUE["score_of" if column == "baseline" else "target_of"].format(year=year)
    return CATALOGUE[column]


def date_text(day: date, lang: Lang) -> str:
    """ISO in English (sorts, parses); dd/mm/yyyy in Vietnamese, as the plan writes dates."""
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def t(key: str, lang: Lang, **values: object) -> str:
    text = CATALOGUE[key].in_(lang)
    return text.format(**values) if values else text


def label(key: str) -> Text:
    """A catalogue entry in both languages, for results that are rendered later."""
    return CATALOGUE[key]
