"""Code that the programs in scripts/ and the tests share; nothing here runs on its own.

- `scripts.shared.project`: the project's files, copies of them to build, and the patterns of
  what a build writes (a figure in a page) and reads (a diagram's caption);
- `scripts.shared.browser`: a built site served on 127.0.0.1 and opened in headless Chromium;
- `scripts.shared.summary`: a Markdown report printed, and added to the CI job's summary.
"""
