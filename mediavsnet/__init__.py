"""mediavsnet: the simulations and widgets behind the course "Social media vs social networking".

In layers, each importing only those below it (contracts in pyproject.toml):
``lessons`` holds one home per lesson (``lNN_<slug>/``: its explorer, kept tables and
presets); ``explorer`` the machinery every explorer is built from, and ``learning`` the
learner's tools the lessons share (quiz, warm-up, environment check, the family map);
``models`` pure simulations (parameters in, arrays out); ``core`` the single sources of
parameter ranges (specs), learner-facing words (strings), colours (palette) and the lesson list.
"""

import sys

__version__ = "0.1.0"

# A lesson's first plot costs seconds it need not. plotly's FigureWidget imports
# nbformat, which imports jsonschema, which, when the optional package
# rfc3987_syntax is installed (JupyterLab's server brings it, for its event schemas),
# compiles that package's grammar of web addresses at import: about 2.7 s of a
# learner's "Run all" on a 2-core machine (python -X importtime). Nothing in a lesson's
# kernel validates web addresses, so the kernel goes without it: jsonschema then
# simply skips the "iri" formats. The server, a separate process, keeps it.
# tests/test_components.py checks that importing the explorers leaves it out.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
