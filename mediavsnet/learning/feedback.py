"""How learning components show feedback: one look for quizzes and the warm-up.

Feedback is words first (✓ / ✗ and a reason), with a coloured bar beside it,
so colour is never the only signal; ``role="status"`` asks screen readers to
announce it.
"""

from __future__ import annotations

import html


def feedback_html(text: str, colour: str) -> str:
    """A feedback line with a coloured bar, or nothing when there is no text yet."""
    if not text:
        return ""
    return (
        f'<p role="status" style="border-left: 4px solid {colour}; padding-left: 0.5em">'
        f"{html.escape(text)}</p>"
    )


def paragraph(text: str) -> str:
    """Plain text as an HTML paragraph (score lines, summaries)."""
    return f"<p>{html.escape(text)}</p>"
