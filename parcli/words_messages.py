"""The messages parcli writes itself on stderr (part of the catalogue, `parcli.i18n`), and
the patterns of the English messages other layers write, with their Vietnamese."""

from __future__ import annotations

from parcli.text import Text

MESSAGES: dict[str, Text] = {
    # messages parcli writes itself on stderr
    "err_line": Text("parcli: error: {message}", "parcli: lỗi: {message}"),
    "err_see_help": Text(" (see '{command} --help')", " (xem '{command} --help')"),
    "err_no_agency": Text("{option}no agency with id or name {agency!r}{hint}",
                          "{option}không có cơ quan nào có mã hoặc tên {agency!r}{hint}"),
    "err_agency_hint": Text(" (see 'parcli agencies')", " (xem danh sách bằng 'parcli agencies')"),
    "err_agency_near": Text("; did you mean {id}?", "; có phải là {name} ({id})?"),
    "err_not_number": Text("{option}: {text!r} is not a number{hint}",
                           "{option}: {text!r} không phải là số{hint}"),
    "err_use_dot": Text("; write {fixed} with a dot", "; hãy viết {fixed} (dấu chấm thập phân)"),
    "err_no_criterion": Text("{option}no criterion {code}", "{option}không có tiêu chí {code}"),
    "err_no_criterion_code": Text("no criterion with code {code}", "không có tiêu chí mã {code}"),
    "err_no_code": Text("no criterion or assignment with code {code}",
                        "không có tiêu chí hoặc nhiệm vụ mã {code}"),
    "err_has_rows": Text("{option}{code} has rows below it; set those",
                         "{option}{code} có các tiêu chí thành phần; hãy giả định điểm cho "
                         "các tiêu chí đó"),
    "err_outside": Text("{option}outside [{low}, {high}] for {code}",
                        "{option}ngoài khoảng [{low}, {high}] của {code}"),
    "err_search": Text("--search needs some letters or digits", "--search cần có chữ hoặc số"),
    "err_no_field": Text("no field {code} (fields: {fields})",
                         "không có lĩnh vực {code} (các lĩnh vực: {fields})"),
    "err_not_score": Text("--score: {text!r} is not a score of this plan ({bound})",
                          "--score: {text!r} không phải là điểm hợp lệ của kế hoạch ({bound})"),
    "err_or_more": Text("0 or more", "từ 0 trở lên"),
    "err_no_projection": Text("no projected total (unknown scores): give --score X",
                              "chưa có tổng điểm dự kiến (có tiêu chí chưa rõ điểm): hãy "
                              "nhập --score X"),
    "err_no_bound": Text("the projected total {projected} leaves out {n} criteria with no "
                         "score, and some have no max: no upper bound to rank; give --score X",
                         "tổng điểm dự kiến {projected} chưa tính {n} tiêu chí chưa rõ điểm, "
                         "trong đó có tiêu chí không ghi điểm tối đa: không xác định được "
                         "mức cao nhất để xếp hạng; hãy nhập --score X"),
    "err_binary": Text("this format is a binary file: give -o FILE or redirect the output to "
                       "a file", "định dạng này là tệp nhị phân: hãy dùng -o TỆP hoặc chuyển "
                       "kết quả vào một tệp"),
    "err_not_folder": Text("{folder}: not a folder; name a folder to write the files into",
                           "{folder}: không phải thư mục; hãy chỉ định thư mục để ghi tệp"),
    # Typer's parser errors under --lang vi (`parcli.cli.usage`; in English Typer's own text,
    # which the English here repeats)
    "usage_no_such_option": Text("No such option: {option}{near}",
                                 "không có tùy chọn {option}{near}"),
    "usage_possible": Text(" (Possible options: {options})",
                           " (các tùy chọn gần giống: {options})"),
    "usage_needs_value": Text("Option '{option}' requires an argument.",
                              "tùy chọn '{option}' cần có giá trị"),
    "usage_needs_values": Text("Option '{option}' requires {n} arguments.",
                               "tùy chọn '{option}' cần có {n} giá trị"),
    "usage_takes_no_value": Text("Option '{option}' does not take a value.",
                                 "tùy chọn '{option}' không nhận giá trị"),
    "usage_missing_option": Text("Missing option {name}.", "thiếu tùy chọn {name}"),
    "usage_missing_argument": Text("Missing argument {name}.", "thiếu đối số {name}"),
    "usage_missing_parameter": Text("Missing parameter {name}.", "thiếu tham số {name}"),
    "usage_env_var": Text(" (env var: {name})", " (biến môi trường {name})"),
    "usage_invalid": Text("Invalid value: {detail}", "giá trị không hợp lệ: {detail}"),
    "usage_invalid_for": Text("Invalid value for {name}: {detail}",
                              "giá trị không hợp lệ cho {name}: {detail}"),
    "usage_not_a_choice": Text("Value error, {value} is not one of {choices}.",
                               "{value} không phải là một trong các lựa chọn {choices}"),
    "usage_not_integer": Text("Input should be a valid integer",
                              "phải là một số nguyên"),
    "usage_at_least": Text("Input should be greater than or equal to {n}",
                           "phải là số lớn hơn hoặc bằng {n}"),
    "usage_at_most": Text("Input should be less than or equal to {n}",
                          "phải là số nhỏ hơn hoặc bằng {n}"),
    "usage_extra": Text("Got unexpected extra argument(s) ({args})",
                        "thừa đối số không dùng đến: {args}"),
    "usage_no_such_command": Text("No such command {name}.", "không có lệnh {name}"),
    "usage_missing_command": Text("Missing command.", "thiếu tên lệnh"),
    # diff OLD NEW
    "err_diff_empty": Text("{which} is empty: give a criteria file, a folder or a git revision",
                           "{which} để trống: hãy ghi tệp tiêu chí, thư mục hoặc phiên bản git"),
    "err_diff_side": Text("{which}: {text}: no such file or folder, and not a git revision",
                          "{which}: {text}: không có tệp hay thư mục này, cũng không phải phiên "
                          "bản git"),
    "err_diff_path": Text("PATH names what to read at a git revision, but OLD and NEW are both "
                          "paths",
                          "PATH chỉ dùng để đọc dữ liệu ở một phiên bản git, nhưng OLD và NEW "
                          "đều là đường dẫn"),
    "err_diff_no_criteria": Text("{folder}: no criteria_<year>.yaml or criteria.yaml in this "
                                 "folder",
                                 "{folder}: thư mục không có tệp criteria_<year>.yaml hay "
                                 "criteria.yaml"),
    "err_diff_outside": Text("{path}: not inside the git repository at {top}",
                             "{path}: không nằm trong kho git {top}"),
    "err_diff_missing": Text("{revision}: {path}: no such file or folder at that revision",
                             "{revision}: {path}: phiên bản này không có tệp hay thư mục đó"),
}

# Messages other layers write in English (loading, output files, data paths), as patterns,
# with their Vietnamese: `translated` turns one into the other under `--lang vi`.
PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?P<path>.+) already exists; pass --force to overwrite it, or -o to write another file",
     "{path} đã có; thêm --force để ghi đè, hoặc dùng -o để ghi ra tệp khác"),
    (r"(?P<path>.+): the folder (?P<folder>.+) does not exist",
     "{path}: thư mục {folder} không tồn tại"),
    (r"(?P<path>.+) is a file this command reads; write the output to another file",
     "{path} là tệp dữ liệu lệnh này đang đọc; hãy ghi kết quả ra tệp khác"),
    (r"(?P<path>.+) is read-only; make it writable or write another file",
     "{path} chỉ cho phép đọc; hãy cho phép ghi hoặc ghi ra tệp khác"),
    (r"(?P<path>.+): no such file", "{path}: không có tệp này"),
    (r"(?P<path>.+): is a directory, not a YAML file", "{path}: là thư mục, không phải tệp YAML"),
    (r"(?P<path>.+): a symbolic link to nothing \(or a loop\), not a file",
     "{path}: liên kết không trỏ tới tệp nào (hoặc trỏ vòng), không phải tệp"),
    (r"(?P<path>.*?)(?P<sep>: |^)decimal comma in '(?P<value>[^']*)': write (?P<fixed>\S+) "
     r"with a dot",
     "{path}{sep}số '{value}' viết bằng dấu phẩy thập phân: trong tệp dữ liệu hãy viết "
     "{fixed} (dấu chấm)"),
    (r"(?P<path>.+): unknown key", "{path}: khóa không hợp lệ"),
    (r"(?P<path>.+): required key is missing", "{path}: thiếu khóa bắt buộc"),
    (r"syntax error: (?P<detail>.+)", "cú pháp YAML không hợp lệ: {detail}"),
    (r"(?P<n>\d+) more schema problems not shown; fix these first",
     "còn {n} lỗi khác chưa hiển thị; hãy sửa các lỗi trên trước"),
    # parcli's own checks of an option's value (`parcli.cli.params`, `parcli.cli.app`),
    # which Typer prefixes with "Invalid value for '--x': "
    (r"the path is empty", "đường dẫn để trống"),
    (r"(?P<text>.*) names a folder; give a file name",
     "{text} là tên thư mục; hãy cho tên một tệp"),
    (r"(?P<text>'.*') is not a number between 0 and 1000 with at most 12 decimal places",
     "{text} không phải là số từ 0 đến 1000 (tối đa 12 chữ số thập phân, dấu chấm "
     "thập phân)"),
    (r"the date is empty; give YYYY-MM-DD or leave the option out",
     "ngày để trống; hãy ghi theo dạng YYYY-MM-DD (năm-tháng-ngày) hoặc bỏ tùy chọn này"),
    (r"(?P<text>'.*') is not a date YYYY-MM-DD",
     "{text} không phải là ngày theo dạng YYYY-MM-DD (năm-tháng-ngày)"),
    (r"choose one of (?P<first>--[a-z-]+), (?P<second>--[a-z-]+) and (?P<third>--[a-z-]+)",
     "chỉ được chọn một trong {first}, {second} và {third}"),
    (r"choose one of (?P<first>--[a-z-]+) and (?P<second>--[a-z-]+)",
     "chỉ được chọn một trong {first} và {second}"),
    (r"(?P<text>'.*') is not CODE=VALUE", "{text} không có dạng MÃ=GIÁ_TRỊ (ví dụ 8.1=9.5)"),
    (r"(?P<path>.+) is a \.(?P<ext>\w+) file but --format is (?P<fmt>\S+); give -f "
     r"(?P<fixed>\S+) or another file name",
     "{path} là tệp .{ext} nhưng --format là {fmt}; hãy dùng -f {fixed} hoặc đặt tên tệp "
     "khác"),
    (r"(?P<path>.+) is a \.(?P<ext>\w+) file but --format is (?P<fmt>\S+); give -f to "
     r"match or another file name",
     "{path} là tệp .{ext} nhưng --format là {fmt}; hãy dùng -f phù hợp hoặc đặt tên tệp "
     "khác"),
    # what the loader says of a data file that cannot be read as parcli's
    (r"(?P<path>.+): expected a number, found text (?P<text>'.*')",
     "{path}: cần một số, nhưng gặp chữ {text}"),
    (r"(?P<path>.+): expected a number, found nothing \(null\)",
     "{path}: cần một số, nhưng để trống"),
    (r"duplicate key (?P<key>'.*') \(first at line (?P<line>\d+)\)",
     "khóa {key} bị lặp (đã có ở dòng {line})"),
    (r"the file holds no YAML document \(empty or only comments\)",
     "tệp không có nội dung YAML (trống hoặc chỉ có chú thích)"),
    (r"(?P<path>.+): expected (?P<what>a list|a whole number|text|a mapping of keys|a date "
     r"YYYY-MM-DD|true or false|a number), found (?P<found>.+)",
     "{path}: cần {what}, nhưng gặp {found}"),
    (r"expected a mapping of keys at the top level, found (?P<found>.+)",
     "cấp cao nhất của tệp phải là một bảng khóa (mapping), nhưng gặp {found}"),
    (r"this looks like (?P<other>an? \w+) file, not (?P<kind>an? \w+) file",
     "tệp này có vẻ là {other}, không phải {kind}"),
    (r"(?P<path>.+): must be one of (?P<values>.+)", "{path}: phải là một trong {values}"),
    (r"(?P<path>.+): needs at least (?P<n>\d+) item\(s\), found (?P<found>\d+)",
     "{path}: cần ít nhất {n} mục, nhưng có {found}"),
    (r"(?P<path>.+): must not be empty", "{path}: không được để trống"),
    (r"(?P<path>.+): code (?P<code>'.*') is not a dotted code such as 4\.3\.2, 1\.1\.a or II\.3 "
     r"\(numbers, one letter a-z or đ, Roman numerals\)",
     "{path}: mã {code} không đúng dạng mã phân cấp như 4.3.2, 1.1.a hay II.3 (số, một chữ "
     "cái a-z hoặc đ, số La Mã)"),
    (r"(?P<path>.+): (?P<what>goal|agency) id (?P<value>'.*') must be ASCII letters a-z \(lower "
     r"case, no diacritics\), digits and single hyphens, such as (?P<example>\S+)",
     "{path}: mã {what} {value} chỉ được gồm chữ a-z viết thường không dấu, chữ số và dấu "
     "gạch nối đơn, ví dụ {example}"),
    (r"(?P<value>.+) is not a finite number", "{value} không phải là một số hữu hạn"),
    (r"--assignments, --agencies and --plan need --criteria: the bundled plan is used only "
     r"when no data file is named",
     "--assignments, --agencies và --plan cần có --criteria: dữ liệu có sẵn trong parcli chỉ "
     "được dùng khi không chỉ định tệp dữ liệu nào"),
    (r"name one of (?P<names>.+) \(or use --install DIR\)",
     "hãy ghi một trong {names} (hoặc dùng --install THƯ_MỤC)"),
    (r"cannot tell which kind of parcli data file this is \(expected one top-level key of "
     r"(?P<keys>.+)\)",
     "không xác định được đây là loại tệp dữ liệu nào của parcli (cần đúng một khóa cấp cao "
     "nhất trong số: {keys})"),
)
