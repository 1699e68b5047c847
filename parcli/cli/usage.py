"""Typer's own parser errors (an unknown option, a missing or bad value, an extra argument)
in the user's language. Typer writes them in English and does not export their classes, so
they are recognised by the exception's class name and read through its public attributes
(`option_name`, `possibilities`, `param_hint`, `param`, `message`); a Vietnamese sentence is
written only when the English one is exactly the form known here, else Typer's English text
stays (a message half translated reads worse than one left whole)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from parcli.i18n import t, translated

if TYPE_CHECKING:
    from parcli.text import Lang


def parser_message(exc: Exception, lang: Lang) -> str:
    """The message of a Typer parser error `exc` in `lang`: Typer's own text in English
    (and where the form is not known); in Vietnamese otherwise."""
    english = str(getattr(exc, "format_message")())  # noqa: B009 - no class to type it
    if lang == "en":
        return english
    kind = type(exc).__name__
    message = str(getattr(exc, "message", "") or "")
    vietnamese = None
    if kind == "NoSuchOption":
        vietnamese = _no_such_option(exc, message)
    elif kind == "BadOptionUsage":
        vietnamese = _bad_option_usage(message)
    elif kind == "MissingParameter":
        vietnamese = _missing(exc, message)
    elif kind == "BadParameter":
        vietnamese = _bad_value(exc, message)
    elif kind in ("UsageError", "BadArgumentUsage"):
        vietnamese = _usage(message)
    return vietnamese if vietnamese is not None else english


def _no_such_option(exc: Exception, message: str) -> str | None:
    if not message.startswith("No such option: "):
        return None
    option = message.removeprefix("No such option: ")  # control characters escaped
    possibilities = sorted(getattr(exc, "possibilities", None) or ())
    near = (t("usage_possible", "vi", options=", ".join(possibilities)) if possibilities
            else "")
    return t("usage_no_such_option", "vi", option=option, near=near)


def _bad_option_usage(message: str) -> str | None:
    for pattern, key in ((r"Option '(?P<option>[^']+)' requires an argument\.",
                          "usage_needs_value"),
                         (r"Option '(?P<option>[^']+)' requires (?P<n>\d+) arguments\.",
                          "usage_needs_values"),
                         (r"Option '(?P<option>[^']+)' does not take a value\.",
                          "usage_takes_no_value")):
        found = re.fullmatch(pattern, message)
        if found:
            return t(key, "vi", **found.groupdict())
    return None


def _hint(exc: Exception) -> str | None:
    """Which option or argument: Typer's hint ("'--format' / '-f'"), its "(env var: …)" in
    Vietnamese."""
    hint = getattr(exc, "param_hint", None)
    param = getattr(exc, "param", None)
    if hint is None and param is not None:
        hint = param.get_error_hint()
    if hint is None:
        return None
    if not isinstance(hint, str):
        hint = " / ".join(repr(item) for item in hint)
    return re.sub(r" \(env var: ('[^']*')\)$",
                  lambda found: t("usage_env_var", "vi", name=found.group(1)), hint)


def _missing(exc: Exception, message: str) -> str | None:
    param = getattr(exc, "param", None)
    hint = _hint(exc)
    if message or hint is None or (param is not None and param.get_missing_message(
            getattr(exc, "ctx", None))):
        return None
    kind = getattr(exc, "param_type", None) or getattr(param, "param_type_name", None)
    key = {"option": "usage_missing_option", "argument": "usage_missing_argument"}.get(
        str(kind), "usage_missing_parameter")
    return t(key, "vi", name=hint)


def _bad_value(exc: Exception, message: str) -> str | None:
    """"Invalid value for '--x': …": the choices of a `Literal` option, Typer's own checks of
    a number, and parcli's own converters' sentences (`parcli.words_messages.PATTERNS`)."""
    hint = _hint(exc)
    detail = _value_detail(message)
    if detail is None:
        return None
    if hint is None:
        return t("usage_invalid", "vi", detail=detail)
    return t("usage_invalid_for", "vi", name=hint, detail=detail)


def _value_detail(message: str) -> str | None:
    choice = re.fullmatch(r"Value error, (?P<value>'.*') is not one of (?P<choices>'.*')\.",
                          message, re.DOTALL)
    if choice:
        return t("usage_not_a_choice", "vi", **choice.groupdict())
    for pattern, key in ((r"Input should be a valid integer(, .*)?", "usage_not_integer"),
                         (r"Input should be greater than or equal to (?P<n>-?\d+)",
                          "usage_at_least"),
                         (r"Input should be less than or equal to (?P<n>-?\d+)",
                          "usage_at_most")):
        found = re.fullmatch(pattern, message)
        if found:
            return t(key, "vi", **{k: v for k, v in found.groupdict().items() if v})
    own = translated(message, "vi")
    return own if own != message else None


def _usage(message: str) -> str | None:
    extra = re.fullmatch(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)", message,
                         re.DOTALL)
    if extra:
        return t("usage_extra", "vi", args=extra.group("args"))
    command = re.fullmatch(r"No such command (?P<name>'.*')\.", message, re.DOTALL)
    if command:
        return t("usage_no_such_command", "vi", name=command.group("name"))
    if message == "Missing command.":
        return t("usage_missing_command", "vi")
    return None
