"""tools/stress_browser.py: it reads each run's report right, counts passes per test, and its load ends."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import stress_browser as tool  # noqa: E402

REPORT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest">
<testcase classname="tests.browser.test_a" name="test_ok" time="1.0"/>
<testcase classname="tests.browser.test_a" name="test_bad[x]" time="1.0">
  <failure message="no">x</failure></testcase>
<testcase classname="tests.browser.test_b" name="test_broken" time="1.0">
  <error message="setup">x</error></testcase>
<testcase classname="tests.browser.test_b" name="test_skipped" time="0"><skipped message="why"/></testcase>
</testsuite></testsuites>
"""


def test_each_tests_outcome_is_read_from_the_report(tmp_path):
    report = tmp_path / "run.xml"
    report.write_text(REPORT, encoding="utf-8")
    assert tool.outcomes(report) == {
        "tests.browser.test_a::test_ok": "passed",
        "tests.browser.test_a::test_bad[x]": "failed",
        "tests.browser.test_b::test_broken": "error",
        "tests.browser.test_b::test_skipped": "skipped",
    }


def test_the_table_gives_passes_out_of_runs_and_names_the_rest():
    counts = {"t::ok": {"passed": 5}, "t::flaky": {"passed": 3, "failed": 2}}
    assert tool.table(counts, 5).splitlines() == ["3/5  t::flaky  (2 failed)", "5/5  t::ok"]


def test_the_load_keeps_a_core_busy_and_ends_by_itself():
    (busy,) = tool.start_load(1, 1.0)
    started = time.monotonic()
    assert busy.poll() is None, "the busy loop is running"
    busy.wait(timeout=30)
    assert busy.returncode == 0 and time.monotonic() - started < 30
    tool.stop([busy])  # stopping one that has ended is harmless
