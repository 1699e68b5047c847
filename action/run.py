"""The run steps of the GitHub Action (`action.yml`), with parcli installed.

1. The base: the `base` input, else the pull request's base commit (from the event file
   GitHub writes, `GITHUB_EVENT_PATH`), else on a push the commit before it; fetched when the
   checkout lacks it (a shallow clone).
2. `parcli validate --format github FILES...` on the data files changed since the base (the
   pre-commit hook's pattern): GitHub shows each problem on its line.
3. `parcli diff --format md BASE HEAD -- DATA`, appended to the job summary
   (`GITHUB_STEP_SUMMARY`), with `--fail-on-new-errors` unless the input is false.

Exit 1 when validate finds errors, or diff fails (new errors, a plan that cannot be read),
or the base cannot be found or compared with (a wrong `base` input fails the job rather than
let a change pass unchecked); a data folder missing at the base only (the pull request adds
it) is said in the summary and fails nothing. Standard library only: it runs in the
action's Python.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

# The data files, as the pre-commit hook matches them (.pre-commit-hooks.yaml `files`).
DATA_FILES = r"(^|/)(criteria|assignments|agencies|plan)(_[^/]*)?\.yaml$"
NO_COMMIT = "0" * 40  # a push that created the branch has no commit before it


def main() -> int:
    env = os.environ
    data = env.get("PARCLI_ACTION_DATA") or "data"
    head = env.get("GITHUB_SHA") or "HEAD"
    base = env.get("PARCLI_ACTION_BASE") or _event_base(env.get("GITHUB_EVENT_PATH"))
    summary = env.get("GITHUB_STEP_SUMMARY")
    if base is None:  # neither a pull request nor a push: nothing to compare with
        sys.stderr.write("parcli action: no base commit to compare with: validating only\n")
        return _validate(_all_data_files(data))
    _fetch(base)
    if _git("rev-parse", "--verify", "--quiet", f"{base}^{{commit}}").returncode != 0:
        return _fail(summary, f"parcli action: the base {base} is no commit of this "
                     "repository (fetch it, e.g. actions/checkout with fetch-depth: 0)")
    changed = _changed(base, head)
    if changed is None:
        return _fail(summary, f"parcli action: git cannot compare {base} with {head}")
    failed = _validate(changed)
    command = ["diff", "--format", "md"]
    if env.get("PARCLI_ACTION_FAIL_ON_NEW_ERRORS", "true").strip().lower() != "false":
        command.append("--fail-on-new-errors")
    done = _parcli(*command, base, head, "--", data)
    heading = f"## parcli diff {base[:12]}..{head[:12]} -- {data}\n\n"
    if done.returncode == 2:
        _summarise(summary, heading + "```text\n" + done.stderr + "```\n")
        sys.stderr.write(done.stderr)
        # the pull request adds the data folder: said, not failed; any other usage error
        # (a wrong `data` input) fails
        added = (_git("cat-file", "-e", f"{base}:{data}").returncode != 0
                 and Path(data).exists())
        return failed if added else 1
    _summarise(summary, heading + done.stdout)
    sys.stderr.write(done.stderr)
    return 1 if failed or done.returncode != 0 else 0


def _event_base(path: str | None) -> str | None:
    if not path or not Path(path).is_file():
        return None
    event = json.loads(Path(path).read_text(encoding="utf-8"))
    request = event.get("pull_request")
    if isinstance(request, dict):
        return str(request["base"]["sha"])
    before = event.get("before")
    return str(before) if before and before != NO_COMMIT else None


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=False)


def _fetch(base: str) -> None:
    """The base commit, fetched when a shallow checkout does not hold it."""
    if _git("cat-file", "-e", f"{base}^{{commit}}").returncode != 0:
        _git("fetch", "--no-tags", "--depth=1", "origin", base)


def _changed(base: str, head: str) -> list[str] | None:
    """The data files changed since the base; None when git cannot tell."""
    done = _git("diff", "--name-only", "--diff-filter=d", base, head)
    if done.returncode != 0:
        return None
    listed = done.stdout.splitlines()
    return [path for path in listed if re.search(DATA_FILES, path) and Path(path).is_file()]


def _fail(summary: str | None, message: str) -> int:
    _summarise(summary, message)
    sys.stderr.write(message + "\n")
    return 1


def _all_data_files(data: str) -> list[str]:
    folder = Path(data)
    return sorted(str(path) for path in folder.glob("*.yaml")
                  if re.search(DATA_FILES, path.as_posix())) if folder.is_dir() else []


def _parcli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parcli", *args], capture_output=True,
                          text=True, check=False)


def _validate(files: list[str]) -> int:
    """Annotations on the changed files (on stdout, where GitHub reads them); 1 on errors."""
    if not files:
        return 0
    done = _parcli("validate", "--format", "github", *files)
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    return 1 if done.returncode != 0 else 0


def _summarise(summary: str | None, text: str) -> None:
    if summary:
        with open(summary, "a", encoding="utf-8") as file:
            file.write(text if text.endswith("\n") else text + "\n")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    sys.exit(main())
