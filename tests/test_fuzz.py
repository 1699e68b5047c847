"""Fuzz `parcli validate` with mutations of the shipped criteria file.

Whatever the mutation, parcli must answer like a tool and not like a library: no traceback,
exit code 0 or 1, and when the data fails, the output names the file.  CI runs 250
examples; set PARCLI_FUZZ_EXAMPLES for more (or fewer) locally.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CRITERIA, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BASE_LINES = CRITERIA.read_bytes().splitlines(keepends=True)
EXAMPLES = int(os.environ.get("PARCLI_FUZZ_EXAMPLES", "250"))

_NUMBER = re.compile(rb"^(?P<head>\s*(?:- )?[a-z_]+: )(?P<value>-?\d+(?:\.\d+)?)(?P<tail>\s*)$")
_TEXT = re.compile(rb"^(?P<head>\s*(?:- )?[a-z_]+: )(?P<value>[^\[\]{}\s\d][^\[\]{}]*?)"
                   rb"(?P<tail>\s*)$")
_RETYPED_NUMBERS = [b"abc", b"'79.53'", b"79,53", b".nan", b".inf", b"-1", b"1e5", b"~",
                    b"[1, 2]", b"{a: 1}", b"true", b"010", b"1:30", b"0x1F", b"999999999999999"]


def _retype(line: bytes, choice: int) -> bytes:
    """A number becomes text (or another wrong thing); text becomes a list or a mapping."""
    found = _NUMBER.match(line)
    if found:
        value = _RETYPED_NUMBERS[choice % len(_RETYPED_NUMBERS)]
        return found["head"] + value + found["tail"]
    found = _TEXT.match(line)
    if found:
        value = found["value"]
        shapes = [b"[" + value + b"]", b"{x: " + value + b"}", b"\n    - " + value, b"12.5",
                  b"", b"&a " + value, b"*a"]
        return found["head"] + shapes[choice % len(shapes)] + found["tail"]
    return line


def _reindent(line: bytes, delta: int) -> bytes:
    stripped = line.lstrip(b" ")
    indent = max(0, len(line) - len(stripped) + delta)
    return b" " * indent + stripped


MUTATIONS = ("delete", "duplicate", "retype", "reindent", "bytes")


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    lines = list(BASE_LINES)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(MUTATIONS))
        index = draw(st.integers(0, len(lines) - 1))
        if kind == "delete":
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        elif kind == "retype":
            lines[index] = _retype(lines[index], draw(st.integers(0, 100)))
        elif kind == "reindent":
            lines[index] = _reindent(lines[index], draw(st.sampled_from([-4, -2, -1, 1, 2, 4])))
        else:
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            noise = draw(st.binary(min_size=1, max_size=8))
            lines[index] = line[:at] + noise + line[at:]
        if not lines:
            break
    return b"".join(lines)


@pytest.fixture(scope="module")
def fuzz_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "criteria.yaml"


# CI runs the same examples every time (a landing must not hang on a lucky draw); local runs
# draw new ones, and any failure they find is a bug to fix and then pin as a test.
@settings(max_examples=EXAMPLES, deadline=None, derandomize=os.environ.get("CI") == "true",
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(content=mutated())
def test_validate_survives_any_mutation(cli: Callable[..., Result], fuzz_file: Path,
                                        content: bytes) -> None:
    fuzz_file.write_bytes(content)
    result = cli("validate", "--criteria", fuzz_file)
    output = result.out + result.err
    assert "Traceback" not in output
    assert "internal error" not in output, output
    assert result.code in (0, 1), output
    if result.code == 1:
        assert str(fuzz_file) in output, output


def test_mutations_do_what_they_say() -> None:
    assert _retype(b"    max: 8.5\n", 0) == b"    max: abc\n"
    assert _retype(b"  baseline: 79.53\n", 2) == b"  baseline: 79,53\n"
    assert _retype(b"    name_en: Public finance reform\n", 0) == \
        b"    name_en: [Public finance reform]\n"
    assert _retype(b'  - code: "1.1"\n', 0) == b'  - code: ["1.1"]\n'
    assert _retype(b"criteria:\n", 0) == b"criteria:\n"
    assert _reindent(b"    max: 8.5\n", -2) == b"  max: 8.5\n"
    assert _reindent(b"  - code: '1'\n", 1) == b"   - code: '1'\n"
