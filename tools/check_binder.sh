#!/usr/bin/env bash
# Check what Binder would build, without building it: repo2docker --no-build on a
# clean clone of the committed course, then look for what the course needs.
#   bash tools/check_binder.sh          (installs jupyter-repo2docker in a throwaway venv)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q jupyter-repo2docker 2>/dev/null
git clone -q "$here" "$work/course"
(cd "$work" && "$work/venv/bin/repo2docker" --no-build --no-run --debug "$work/course") >"$work/plan.txt" 2>&1
fail=0
expect() {
  if grep -q -- "$1" "$work/plan.txt"; then echo "ok: $2"; else echo "MISSING: $2"; fail=1; fi
}
expect "python=3.11" "Python 3.11, from runtime.txt"
expect 'COPY --chown=0:0 src/ ${REPO_DIR}/' "the whole course is copied before requirements are installed (needed by -e .)"
expect 'pip install --no-cache-dir -r "requirements.txt"' "requirements.txt is installed"
expect 'postBuild' "postBuild runs (it installs jupyter-settings/overrides.json for JupyterLab)"
echo "(repo2docker's plan: $(grep -c '' "$work/plan.txt") lines)"
exit $fail
