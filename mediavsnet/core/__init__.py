"""The course's core, used by everything above it: parameter specs, the strings table, number
words, the palette, plain-text tables and the lesson list. It imports nothing else of the course."""
