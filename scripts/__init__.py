"""The project's programs, and the code they share with the tests.

Each program runs from the repository's root as `python -m scripts.NAME` (the Makefile's targets do
so), and `python -m scripts.NAME --help` says what it does and what it takes:

- `audit`: Lighthouse CI over every page, mobile and desktop (`make audit`);
- `bench`: the benchmark of builds, live reload and page weight (`make bench`);
- `build_zensical`: the site built, or previewed, with Zensical instead of MkDocs (`make build-zensical`,
  `make serve-zensical`);
- `check_workflows`: the GitHub workflows against GitHub's schema (`make lint`);
- `facts`: the footnoted facts, each with a source and a checked date, and the stale ones (`make facts`);
- `linkcheck`: the links of a built site (tests/site/test_links.py, `make linkcheck-external`);
- `new_diagram`: a new diagram file from a template (`make diagram`);
- `open_graph_image`: the link-preview picture (`make og-image`);
- `screenshots`: every page on a desktop and a phone (`make screenshots`).

`scripts.shared` holds what programs and tests both use; nothing in it runs on its own.
"""
