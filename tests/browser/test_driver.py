"""The browser driver's own steps, on small pages: what it does when JupyterLab asks which kernel to start."""

from __future__ import annotations

import pytest
from labdriver import take_the_kernel_offered

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
