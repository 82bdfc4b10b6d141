"""The accessibility check can fail: axe-core's findings in the course's own output fail, the page's
own are listed apart (tests/browser/accessibility.py, run on every lesson by the per-lesson tests)."""

from __future__ import annotations

import pytest
from accessibility import assert_accessible, audit

PAGE = """<!doctype html><html lang="en"><head><title>check</title></head><body><main>
<div class="jp-Toolbar"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></div>
<div class="jp-OutputArea-output"><p>An output</p>{output}</div>
</main></body></html>"""
NO_ALT = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'


@pytest.mark.browser
def test_a_picture_without_alt_text_in_an_output_fails_and_one_in_the_toolbar_is_only_listed(page):
    page.set_content(PAGE.format(output=NO_ALT))
    ours, theirs = audit(page, "lab")
    assert any("image-alt" in line and ".jp-OutputArea-output" in line for line in ours), ours
    assert any("image-alt" in line for line in theirs), theirs
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page, "lab", "check")


@pytest.mark.browser
def test_an_output_with_its_alt_text_passes(page):
    page.set_content(PAGE.format(output='<img alt="A dot" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'))
    ours, _ = audit(page, "voila")
    assert ours == []
