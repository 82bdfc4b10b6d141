"""The browser driver's own steps, on small pages: what it does when JupyterLab asks which kernel to start;
and the order in which tests that share an opened lesson run."""

from __future__ import annotations

from pathlib import Path

import pytest
from labdriver import order_lesson_sharing, take_the_kernel_offered

#: Two "Select Kernel" dialogs, one over the other, each gone a moment after its Select is pressed.
TWO_DIALOGS = """<!doctype html><html><body>
<div class="jp-Notebook">the notebook</div>
<dialog open class="jp-Dialog" id="one">Select Kernel <button class="jp-mod-accept">Select</button></dialog>
<dialog open class="jp-Dialog" id="two">Select Kernel <button class="jp-mod-accept">Select</button></dialog>
<script>
  window.pressed = [];
  for (const d of document.querySelectorAll('dialog')) {
    d.querySelector('button').addEventListener('click', () => {
      window.pressed.push(d.id);
      setTimeout(() => d.remove(), 300);
    });
  }
</script></body></html>"""


@pytest.mark.browser
def test_every_select_kernel_dialog_is_answered_with_the_kernel_offered(page):
    page.set_content(TWO_DIALOGS)
    assert take_the_kernel_offered(page) is True
    assert page.evaluate("window.pressed") == ["two", "one"], "the one on top first"
    assert page.locator(".jp-Dialog").count() == 0


@pytest.mark.browser
def test_no_dialog_is_nothing_to_answer_and_another_dialog_is_left_alone(page):
    page.set_content("<div class='jp-Notebook'></div><dialog open class='jp-Dialog'>Restart kernel? "
                     "<button class='jp-mod-accept'>Restart</button></dialog>")
    assert take_the_kernel_offered(page) is False
    assert page.locator(".jp-Dialog").count() == 1


class FakeItem:
    """What order_lesson_sharing reads of a test: its fixtures, parameters and markers."""

    def __init__(self, name: str, lesson: str | None = None, spoils: bool = False):
        self.name, self.spoils = name, spoils
        self.fixturenames = ("lessons",) if lesson else ("page",)
        if lesson:
            notebook = Path(f"notebooks/{lesson}.ipynb")
            self.callspec = type("CallSpec", (), {"params": {"notebook": notebook}})()

    def get_closest_marker(self, name: str):
        return object() if name == "spoils_lesson" and self.spoils else None


def test_tests_sharing_a_lesson_run_together_lesson_by_lesson_a_reload_last():
    items = [
        FakeItem("before"),
        FakeItem("reload-01", "01-a", spoils=True), FakeItem("reload-02", "02-b", spoils=True),
        FakeItem("voila"),
        FakeItem("controls-02", "02-b"), FakeItem("controls-01", "01-a"),
        FakeItem("walk-01", "01-a"),
        FakeItem("after"),
    ]
    order_lesson_sharing(items)
    assert [i.name for i in items] == [
        "before", "controls-01", "walk-01", "reload-01", "controls-02", "reload-02", "voila", "after"]
