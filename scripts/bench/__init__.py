"""The benchmark: builds, live reload and page weight, against a baseline measured in the same run.

Run it with `make bench`, or `.venv/bin/python -m scripts.bench --help` for its options. In a
scratch folder it builds copies of the project with a snapshot of the `drawn_figures` package (so
that edits made meanwhile do not change the code measured halfway), and prints one table (and
writes the same figures as JSON, by default to `.cache/bench/results.json`):

1. baseline: the pages built by MkDocs with the diagram step switched off (each placeholder
   replaced by the SVG a normal build drew, as a static image);
2. cold build (empty diagram cache) and warm build (everything cached), with their ratios to the
   baseline, taken round by round;
3. `mkdocs serve`: from saving a Markdown page, and from saving a diagram file, to the served
   page showing the change; how many diagrams each diagram save redrew;
4. page weight of each page on a first visit, as headless Chromium fetches it, counted as files
   and as a host sends them (gzip);
5. scaling: 1, 10 and 50 generated diagrams, cold and warm, time and peak memory, against
   drawing the same diagrams one after another.

Its modules, in the order a run uses them:

- `scripts.bench.projects`: the copies of the project to build;
- `scripts.bench.timing`: whole commands timed in interleaved rounds;
- `scripts.bench.serve`: the latency of `mkdocs serve`;
- `scripts.bench.weight`: the weight of a first visit to each page;
- `scripts.bench.report`: the rows, the targets met or missed, and the table;
- `scripts.bench.__main__`: the command line, which runs them all.

Timed commands run in interleaved rounds because the machine may be busy with other work; each
figure is the median with the minimum and maximum. The exit status is 0 whether or not targets are
met: it is a benchmark, not a test.
"""
