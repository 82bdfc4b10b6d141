"""The learner's tools that lessons share: the self-check quiz, the sorting warm-up, their
feedback, the environment check, and the family of social media types (lessons 00 and 06)."""
