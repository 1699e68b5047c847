"""The messages parcli writes itself on stderr (part of the catalogue, `parcli.i18n`), and
the patterns of the English messages other layers write, with their Vietnamese."""

from __future__ import annotations

from parcli.text import Text

MESSAGES: dict[str, Text] = {
    # messages parcli writes itself on stderr (Typer's own parser messages stay English)
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
)
