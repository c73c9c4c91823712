"""Runs action.yml's steps as a GitHub runner would, on a pull request.

There is no GitHub here, so this is a small runner for the parts of the
composite-action format that action.yml uses: `${{ ... }}` in `env` and
`if`, `$GITHUB_ACTION_PATH`, `$GITHUB_OUTPUT`, `$GITHUB_PATH`,
`$GITHUB_STEP_SUMMARY`, `shell: bash` (run as the runner does, with
`-eo pipefail`), and `actions/cache` (a miss, the first run of a revision).

A company's policy repository is made with `candor init`, pushed to an
`origin`, and a pull request branch adds a recipient. The action must pass,
annotate nothing, and write the diff (a material change) to the job
summary; with `fail-on-material` it must fail; with a policy error the check
step must fail with a `::error` annotation.

Usage: python3 .ci/action-test.py (PyYAML, from the pre-commit venv).
"""

import os
import re
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CANDOR = os.path.join(ROOT, "target", "release", "candor")


def sh(args, cwd, **kw):
    return subprocess.run(args, cwd=cwd, check=True, text=True, capture_output=True, **kw)


def expression(text, context):
    """Evaluates the `${{ }}` forms action.yml uses: dotted lookups,
    string literals, ==, !=, && and ||."""

    def lookup(match):
        value = context
        for part in match.group(0).split("."):
            value = value.get(part, "") if isinstance(value, dict) else ""
        return repr(value)

    python = re.sub(r"\b(?:inputs|github|steps|runner)(?:\.[A-Za-z_][\w-]*)+", lookup, text)
    python = python.replace("&&", " and ").replace("||", " or ")
    return eval(python, {"__builtins__": {}}, {})  # noqa: S307 (our own file)


def substitute(text, context):
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(expression(m.group(1), context)), text)


def run_action(repo, home, inputs, event="pull_request"):
    """Runs every step; returns (ok, stdout of all steps, summary)."""
    action = yaml.safe_load(open(os.path.join(ROOT, "action.yml")))
    given = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    given.update(inputs)
    tmp = tempfile.mkdtemp()
    files = {n: os.path.join(tmp, n) for n in ("output", "path", "summary")}
    for f in files.values():
        open(f, "w").close()
    context = {
        "inputs": given,
        "github": {"event_name": event, "base_ref": "main"},
        "runner": {"os": "Linux", "arch": "X64"},
        "steps": {},
    }
    out = []
    for step in action["runs"]["steps"]:
        cond = step.get("if")
        if cond and not expression(cond, context):
            continue
        if "uses" in step:
            assert step["uses"].startswith("actions/cache@"), step["uses"]
            context["steps"][step["id"]] = {"outputs": {"cache-hit": "false"}}
            continue
        extra_path = [line for line in open(files["path"]).read().splitlines() if line]
        env = dict(os.environ)
        # The runner's toolchain stays where it is; only HOME is the job's.
        env.setdefault("RUSTUP_HOME", os.path.expanduser("~/.rustup"))
        env.setdefault("CARGO_HOME", os.path.expanduser("~/.cargo"))
        env.update(
            HOME=home,
            GITHUB_ACTION_PATH=ROOT,
            GITHUB_OUTPUT=files["output"],
            GITHUB_PATH=files["path"],
            GITHUB_STEP_SUMMARY=files["summary"],
            GITHUB_EVENT_NAME=event,
            PATH=os.pathsep.join(extra_path + [env["PATH"]]),
            CARGO_TARGET_DIR=os.path.join(ROOT, "target"),
        )
        for k, v in (step.get("env") or {}).items():
            env[k] = substitute(str(v), context)
        open(files["output"], "w").close()
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", substitute(step["run"], context)],
            cwd=repo, env=env, text=True, capture_output=True,
        )
        out.append(done.stdout)
        if "id" in step:
            outputs = dict(
                line.split("=", 1) for line in open(files["output"]).read().splitlines() if "=" in line
            )
            context["steps"][step["id"]] = {"outputs": outputs}
        if done.returncode != 0:
            sys.stderr.write(f"step `{step['name']}` failed:\n{done.stdout}{done.stderr}\n")
            return False, "".join(out), open(files["summary"]).read()
    return True, "".join(out), open(files["summary"]).read()


def main():
    base = tempfile.mkdtemp()
    home = os.path.join(base, "home")
    os.makedirs(home)
    origin = os.path.join(base, "origin.git")
    repo = os.path.join(base, "company")
    sh(["git", "init", "-q", "--bare", "-b", "main", origin], base)
    sh(["git", "init", "-q", "-b", "main", repo], base)
    for k, v in (("user.email", "ci@example.com"), ("user.name", "CI")):
        sh(["git", "config", k, v], repo)
    sh([CANDOR, "init", "policy"], repo)
    sh([CANDOR, "build", "policy"], repo)
    sh(["git", "add", "-A"], repo)
    sh(["git", "commit", "-q", "-m", "privacy policy"], repo)
    sh(["git", "remote", "add", "origin", origin], repo)
    sh(["git", "push", "-q", "origin", "main"], repo)

    # The pull request: a new recipient of the newsletter data.
    sh(["git", "checkout", "-q", "-b", "analytics"], repo)
    data = os.path.join(repo, "policy", "data.policy")
    text = open(data).read()
    text = text.replace("recipients email_provider", "recipients email_provider, analytics_firm")
    text += (
        '\nrecipient analytics_firm "Our analytics provider" {\n'
        "  kind service_provider\n"
        # The facts the CCPA's sold and shared answers are derived from, as
        # the starter's own recipient states them.
        "  consideration none\n"
        "  targeted_advertising no\n"
        '  shares "email address"\n'
        "  datasets newsletter_signup\n"
        "}\n"
    )
    open(data, "w").write(text)
    sh([CANDOR, "fmt", "policy"], repo)
    sh([CANDOR, "build", "policy"], repo)
    sh(["git", "add", "-A"], repo)
    sh(["git", "commit", "-q", "-m", "analytics"], repo)

    ok, out, summary = run_action(repo, home, {})
    assert ok, "the action failed on a sound pull request"
    assert os.path.isfile(os.path.join(home, ".candor-action", "bin", "candor")), "not installed"
    assert "::error" not in out and "::warning" not in out, out
    assert "Our analytics provider" in summary and "What changes for you" in summary, summary
    print("action: a sound pull request passes and its diff is in the summary")

    ok, _, _ = run_action(repo, home, {"fail-on-material": "true"})
    assert not ok, "fail-on-material passed a material change"
    print("action: fail-on-material fails on the new recipient")

    open(data, "a").write('\ndataset audit_log "Audit log" {\n  purposes keeping_an_audit_trail\n}\n')
    ok, out, _ = run_action(repo, home, {})
    assert not ok, "the action passed a policy with an error"
    assert "::error file=policy/data.policy" in out, out
    print("action: a policy error fails the check with an annotation")


if __name__ == "__main__":
    main()
