"""A fresh JupyterLab opens lesson 00 with nothing over it: no pop-up asking about Jupyter news.

JupyterLab asks "Would you like to get notified about official Jupyter news?"
on its first start, in a box over the lesson, until someone answers. The course
ships a setting that answers it (``jupyter-settings/overrides.json``), which the
README's run command, Binder's ``postBuild`` and these tests' servers use.

The first test is the control: without the course's settings, the question
does appear, and this test sees it; so the second, which looks for the same
words after the same steps, can fail.
"""

from __future__ import annotations

import json
import urllib.request

import pytest
from labdriver import COURSE_SETTINGS, jupyterlab, open_notebook, run_all

LESSON = "notebooks/00-start-here.ipynb"
NEWS = "Would you like to get notified about official Jupyter news?"


def news_default(lab) -> str:
    """What the server tells JupyterLab to do about news when the learner has not said."""
    url = f"{lab.url}/lab/api/settings/@jupyterlab/apputils-extension:notification?token={lab.token}"
    with urllib.request.urlopen(url, timeout=30) as response:
        settings = json.loads(response.read())
    return settings["schema"]["properties"]["fetchNews"]["default"]


@pytest.mark.browser
def test_without_the_course_settings_jupyterlab_asks_about_news(context, tmp_path):
    with jupyterlab(app_settings=tmp_path / "no-settings") as bare:
        assert news_default(bare) == "none", "'none' is the default that makes JupyterLab ask"
        page = context.new_page()
        open_notebook(page, bare, LESSON)
        page.get_by_text(NEWS).first.wait_for(state="visible", timeout=60_000)


@pytest.mark.browser
def test_lesson_00_opens_with_no_pop_up_asking_about_news(page, lab):
    assert (COURSE_SETTINGS / "overrides.json").is_file()
    assert news_default(lab) == "false", "the course's settings answer the question before it is asked"
    lab.start_afresh(LESSON)
    open_notebook(page, lab, LESSON)
    run_all(page)  # long after the moment the control sees the question
    assert page.get_by_text(NEWS).count() == 0
    assert page.locator(".jp-Notebook .jp-Cell").first.is_visible()
