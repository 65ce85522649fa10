"""The build's view of a figure (drawn_figures/legibility.py), as data: an SVG beside what a phone and a desktop show.

The browser's view of the same figures is measured in tests/site/test_figures_in_browser.py,
which also checks that the two agree.
"""

from __future__ import annotations

import pytest

from drawn_figures.legibility import Legibility, measure


def svg(width: float, height: float, view_width: float, *font_sizes: float) -> str:
    texts = "".join(f'<text font-size="{size:.2f}">x</text>' for size in font_sizes)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" height="{height:g}" '
        f'viewBox="0.00 0.00 {view_width:.2f} {view_width * height / width:.2f}">{texts}</svg>'
    )


# The figure -> (smallest text on a 360 px phone, width and height on a desktop), in CSS px.
SHOWN = {
    "narrower than a phone: shown as drawn": (svg(300, 200, 225, 14, 12), (12 * 300 / 225, 300, 200)),
    "wider than a phone: shrunk to its 328 px column": (svg(656, 400, 492, 14), (14 * 328 / 492, 656, 400)),
    "wider than a desktop column: shrunk there too": (svg(1400, 700, 1050, 14), (14 * 328 / 1050, 700, 350)),
    "no text at all": (svg(200, 100, 150), (float("inf"), 200, 100)),
}


@pytest.mark.parametrize(("figure", "expected"), SHOWN.values(), ids=SHOWN.keys())
def test_a_figure_is_measured_as_the_page_will_show_it(figure: str, expected: tuple[float, float, float]) -> None:
    assert measure(figure) == Legibility(*(pytest.approx(value) for value in expected))


# A figure as shown -> the beginnings of the problems found.
PROBLEMS = {
    "readable and short": (Legibility(11.0, 500, 600), []),
    "small text": (Legibility(10.9, 500, 300), ["its smallest text is 10.9 px on a 360 px phone (at least 11 px)"]),
    "too tall": (Legibility(14, 500, 601), ["it is 601 px tall on a desktop (at most 600 px)"]),
    "both": (Legibility(3.1, 700, 900), ["its smallest text is 3.1 px", "it is 900 px tall"]),
}


@pytest.mark.parametrize(("shown", "expected"), PROBLEMS.values(), ids=PROBLEMS.keys())
def test_the_rules_are_11_px_text_on_a_phone_and_600_px_height_on_a_desktop(
    shown: Legibility, expected: list[str]
) -> None:
    problems = shown.problems()
    assert len(problems) == len(expected)
    for problem, start in zip(problems, expected, strict=True):
        assert problem.startswith(start), problem


# A figure as shown -> what the advice must offer.
ADVICE = {
    "too wide: shorter or two-line labels, fewer boxes in a row, top to bottom": (
        Legibility(5, 700, 300),
        ["too wide", "shorten its labels", '"Object\\nstorage"', "fewer boxes in a row", 'direction="TB"'],
    ),
    "too tall: fewer boxes in a column, left to right, short labels": (
        Legibility(14, 400, 900),
        ["too tall", "fewer boxes one above the other", 'direction="LR"', "short labels", '"Object\\nstorage"'],
    ),
}


@pytest.mark.parametrize(("shown", "offers"), ADVICE.values(), ids=ADVICE.keys())
def test_the_advice_fits_the_problem(shown: Legibility, offers: list[str]) -> None:
    advice = shown.advice()
    assert [offer for offer in offers if offer not in advice] == [], advice
