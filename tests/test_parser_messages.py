"""Issue 19, item 9: Typer's own parser errors (unknown option, missing or bad value, a
value not among a `Literal` option's choices, extra arguments, unknown command) in
Vietnamese under `--lang vi` or `PARCLI_LANG=vi`, one line, exit 2; in English exactly
Typer's text as before; `--help` stays English. Data: the bundled plan (only where a
command gets as far as reading it)."""

from __future__ import annotations

import pytest
import typer

from parcli.vocabulary import FILE_KINDS
from tests.conftest import ROOT

# (argv, English line, Vietnamese line): the whole of stderr, "(see …)" included
CASES = [
    (["gap", "--bogus"],
     "parcli: error: No such option: --bogus (Possible options: --verbose) "
     "(see 'parcli gap --help')",
     "parcli: lỗi: không có tùy chọn --bogus (các tùy chọn gần giống: --verbose) "
     "(xem 'parcli gap --help')"),
    (["gap", "--verb"],
     "parcli: error: No such option: --verb (Possible options: --debug, --verbose) "
     "(see 'parcli gap --help')",
     "parcli: lỗi: không có tùy chọn --verb (các tùy chọn gần giống: --debug, --verbose) "
     "(xem 'parcli gap --help')"),
    (["gap", "--format", "x"],
     "parcli: error: Invalid value for '--format' / '-f': Value error, 'x' is not one of "
     "'table', 'md', 'csv', 'csv-excel', 'json', 'docx', 'xlsx'. (see 'parcli gap --help')",
     "parcli: lỗi: giá trị không hợp lệ cho '--format' / '-f': 'x' không phải là một trong "
     "các lựa chọn 'table', 'md', 'csv', 'csv-excel', 'json', 'docx', 'xlsx' "
     "(xem 'parcli gap --help')"),
    (["gap", "--basis", "points"],
     "parcli: error: Invalid value for '--basis': Value error, 'points' is not one of 'gain', "
     "'lost', 'headroom'. (see 'parcli gap --help')",
     "parcli: lỗi: giá trị không hợp lệ cho '--basis': 'points' không phải là một trong các "
     "lựa chọn 'gain', 'lost', 'headroom' (xem 'parcli gap --help')"),
    (["due", "--status", "done"],
     "parcli: error: Invalid value for '--status': Value error, 'done' is not one of "
     "'not-started', 'in-progress', 'unknown'. (see 'parcli due --help')",
     "parcli: lỗi: giá trị không hợp lệ cho '--status': 'done' không phải là một trong các "
     "lựa chọn 'not-started', 'in-progress', 'unknown' (xem 'parcli due --help')"),
    (["gap", "--top", "5x"],
     "parcli: error: Invalid value for '--top': Input should be a valid integer, unable to "
     "parse string as an integer (see 'parcli gap --help')",
     "parcli: lỗi: giá trị không hợp lệ cho '--top': phải là một số nguyên "
     "(xem 'parcli gap --help')"),
    (["due", "--within", "-1"],
     "parcli: error: Invalid value for '--within': Input should be greater than or equal to 0 "
     "(see 'parcli due --help')",
     "parcli: lỗi: giá trị không hợp lệ cho '--within': phải là số lớn hơn hoặc bằng 0 "
     "(xem 'parcli due --help')"),
    # the parser gives no context for these: the command named on the line is pointed to
    (["gap", "--top"],
     "parcli: error: Option '--top' requires an argument. (see 'parcli gap --help')",
     "parcli: lỗi: tùy chọn '--top' cần có giá trị (xem 'parcli gap --help')"),
    (["gap", "--wide=yes"],
     "parcli: error: Option '--wide' does not take a value. (see 'parcli gap --help')",
     "parcli: lỗi: tùy chọn '--wide' không nhận giá trị (xem 'parcli gap --help')"),
    (["gap", "extra", "more"],
     "parcli: error: Got unexpected extra argument(s) (extra more) (see 'parcli gap --help')",
     "parcli: lỗi: thừa đối số không dùng đến: extra more (xem 'parcli gap --help')"),
    (["bogus"],
     "parcli: error: No such command 'bogus'. (see 'parcli --help')",
     "parcli: lỗi: không có lệnh 'bogus' (xem 'parcli --help')"),
    # parcli's own converters, behind Typer's "Invalid value for"
    (["gap", "--criteria", ""],
     "parcli: error: Invalid value for '--criteria': the path is empty "
     "(see 'parcli gap --help')",
     "parcli: lỗi: giá trị không hợp lệ cho '--criteria': đường dẫn để trống "
     "(xem 'parcli gap --help')"),
    (["due", "--as-of", "2020-13-01"],
     "parcli: error: Invalid value for '--as-of': '2020-13-01' is not a date YYYY-MM-DD "
     "(see 'parcli due --help')",
     "parcli: lỗi: giá trị không hợp lệ cho '--as-of': '2020-13-01' không phải là ngày theo "
     "dạng YYYY-MM-DD (năm-tháng-ngày) (xem 'parcli due --help')"),
    (["check", "--tolerance", "x"],
     "parcli: error: Invalid value for '--tolerance': 'x' is not a number between 0 and 1000 "
     "with at most 12 decimal places (see 'parcli check --help')",
     "parcli: lỗi: giá trị không hợp lệ cho '--tolerance': 'x' không phải là số từ 0 đến 1000 "
     "(tối đa 12 chữ số thập phân, dấu chấm thập phân) (xem 'parcli check --help')"),
    (["gap", "-o", "out.docx", "-f", "md"],
     "parcli: error: Invalid value for '-o': out.docx is a .docx file but --format is md; "
     "give -f docx or another file name (see 'parcli gap --help')",
     "parcli: lỗi: giá trị không hợp lệ cho '-o': out.docx là tệp .docx nhưng --format là "
     "md; hãy dùng -f docx hoặc đặt tên tệp khác (xem 'parcli gap --help')"),
    (["simulate", "--set", "8.1"],
     "parcli: error: Invalid value for '--set': '8.1' is not CODE=VALUE "
     "(see 'parcli simulate --help')",
     "parcli: lỗi: giá trị không hợp lệ cho '--set': '8.1' không có dạng MÃ=GIÁ_TRỊ "
     "(ví dụ 8.1=9.5) (xem 'parcli simulate --help')"),
    (["gap", "--by-agency", "--by-field"],
     "parcli: error: Invalid value for '--by-agency': choose one of --by-agency, --by-field "
     "and --by-method (see 'parcli gap --help')",
     "parcli: lỗi: giá trị không hợp lệ cho '--by-agency': chỉ được chọn một trong "
     "--by-agency, --by-field và --by-method (xem 'parcli gap --help')"),
]


@pytest.fixture(autouse=True)
def _in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PARCLI_LANG", raising=False)


@pytest.mark.parametrize(("args", "english", "vietnamese"), CASES,
                         ids=[" ".join(case[0]) for case in CASES])
def test_each_parser_error_in_english_and_in_vietnamese(cli, args, english,
                                                        vietnamese) -> None:
    command, rest = args[:1], args[1:]  # --lang first: "--top --lang" is "--top" lacking
    assert _all(cli(*args)) == (2, "", english + "\n")
    assert _all(cli(*command, "--lang", "en", *rest)) == (2, "", english + "\n")
    assert _all(cli(*command, "--lang", "vi", *rest)) == (2, "", vietnamese + "\n")


def _all(result) -> tuple[int, str, str]:
    return result.code, result.out, result.err


def test_parcli_lang_says_vietnamese_for_the_parser_too(cli, monkeypatch) -> None:
    monkeypatch.setenv("PARCLI_LANG", "vi")
    assert cli("gap", "--format", "x").err == (
        "parcli: lỗi: giá trị không hợp lệ cho '--format' / '-f': 'x' không phải là một trong "
        "các lựa chọn 'table', 'md', 'csv', 'csv-excel', 'json', 'docx', 'xlsx' "
        "(xem 'parcli gap --help')\n")
    assert _all(cli("--bogus")) == (2, "", "parcli: lỗi: không có tùy chọn --bogus "
                                     "(xem 'parcli --help')\n")
    # a --lang that names no language is itself the error: PARCLI_LANG chooses its language
    assert _all(cli("gap", "--lang", "xx")) == (
        2, "", "parcli: lỗi: giá trị không hợp lệ cho '--lang' (biến môi trường "
               "'PARCLI_LANG'): 'xx' không phải là một trong các lựa chọn 'en', 'vi' "
               "(xem 'parcli gap --help')\n")
    assert cli("gap", "--lang", "en", "--bogus").err.startswith("parcli: error: No such option")
    # schema has no --lang: PARCLI_LANG alone says it
    kinds = ", ".join(f"'{kind}'" for kind in FILE_KINDS)
    assert _all(cli("schema", "budget")) == (
        2, "", "parcli: lỗi: giá trị không hợp lệ cho 'name': 'budget' không phải là một trong "
               f"các lựa chọn {kinds} (xem 'parcli schema --help')\n")


def test_help_stays_english(cli, monkeypatch) -> None:
    monkeypatch.setenv("PARCLI_LANG", "vi")
    result = cli("gap", "--help")
    assert result.code == 0 and result.out.startswith("Usage: parcli gap [OPTIONS]")
    assert "Output format" in result.out


def _parser_error(app: typer.Typer, args: list[str]) -> Exception:
    try:
        typer.main.get_command(app).main(args=args, prog_name="demo", standalone_mode=False)
    except Exception as exc:  # Typer does not export its exception classes
        return exc
    raise AssertionError("no parser error")


def test_a_missing_required_option_or_argument_and_unknown_forms() -> None:
    # parcli's commands require nothing yet: a throwaway command shows the message
    from parcli.cli.usage import parser_message

    demo = typer.Typer()

    @demo.command()
    def run(name: str, *, count: int = typer.Option(...)) -> None:
        """A command with a required argument and a required option."""

    argument = _parser_error(demo, [])
    assert parser_message(argument, "en") == "Missing argument 'name'."
    assert parser_message(argument, "vi") == "thiếu đối số 'name'"
    option = _parser_error(demo, ["x"])
    assert parser_message(option, "en") == "Missing option '--count'."
    assert parser_message(option, "vi") == "thiếu tùy chọn '--count'"
    # a sentence parcli does not know stays whole, in Typer's English
    odd = typer.Typer()

    @odd.command()
    def other(size: str = typer.Option("1", parser=_refuse)) -> None:
        """A command whose converter says something parcli has no Vietnamese for."""

    refused = _parser_error(odd, ["--size", "2"])
    assert parser_message(refused, "vi") == parser_message(refused, "en") == (
        "Invalid value for '--size': too round")


def _refuse(text: str) -> str:
    raise typer.BadParameter("too round")


class NotAParserError(Exception):
    exit_code = 2

    def format_message(self) -> str:
        return "Something else happened."


def test_an_unknown_class_keeps_typers_english() -> None:
    from parcli.cli.usage import parser_message

    assert parser_message(NotAParserError(), "vi") == "Something else happened."
