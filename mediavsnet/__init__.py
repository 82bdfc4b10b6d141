"""mediavsnet: the simulations and widgets behind the course "Social media vs social networking".

``models`` holds pure simulations (parameters in, arrays out); ``explorers`` one
interactive widget per lesson; ``specs``, ``strings`` and ``palette`` the single
sources of parameter ranges, learner-facing words and colours.
"""

__version__ = "0.1.0"
