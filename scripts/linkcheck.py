"""Check what MkDocs cannot: the links of raw HTML, of the drawn figures and of the theme's templates.

`mkdocs build --strict` stops at a broken link written in Markdown (`validation:` in mkdocs.yml), but
never sees the rest of the built HTML, nor fetches links to other hosts; this script checks them.

    .venv/bin/python -m scripts.linkcheck [SITE] [--docs DOCS] [--external]

Every `href`, `src` and `srcset` in SITE (default `site`) must name a file of the site, and its
`#fragment` an `id` on that page. Each broken one is printed as `FILE:LINE: message`: the line of DOCS
(default `docs`) that holds the link as written, else of the built HTML. Links to other hosts are
only counted, as a build machine may be offline; --external fetches each one once
(`make linkcheck-external`).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import requests

from scripts.shared.project import page_path

LINK_ATTRIBUTES = {"href", "src", "srcset"}
NOT_FOLLOWED = ("data:", "mailto:", "tel:", "javascript:", "blob:")
HINT_RELS = {"preconnect", "dns-prefetch"}  # name a host, not a resource
EXTERNAL_TIMEOUT = 20  # seconds


@dataclass(frozen=True)
class Link:
    page: Path  # the HTML file, relative to the site
    line: int
    url: str


class PageParser(HTMLParser):
    """Collects the ids a page defines and the links it makes, with their line numbers."""

    def __init__(self, page: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.ids: set[str] = set()
        self.links: list[Link] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(attributes[name])
        if tag == "link" and HINT_RELS & set(attributes.get("rel", "").split()):
            return
        line = self.getpos()[0]
        for name in LINK_ATTRIBUTES & attributes.keys():
            urls = (
                [c.split()[0] for c in attributes[name].split(",") if c.strip()]
                if name == "srcset"
                else [attributes[name]]
            )
            self.links.extend(Link(self.page, line, url.strip()) for url in urls)

    handle_startendtag = handle_starttag


class Site:
    """A built site: its pages' ids and links, and the address it is published at."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.ids: dict[Path, set[str]] = {}
        self.links: list[Link] = []
        for path in sorted(root.rglob("*.html")):
            parser = PageParser(path.relative_to(root))
            parser.feed(path.read_text(encoding="utf-8"))
            self.ids[parser.page] = parser.ids
            self.links.extend(parser.links)
        self.url = published_url(root)

    def is_external(self, url: str) -> bool:
        own = bool(urlsplit(self.url).netloc) and url.startswith(self.url)
        return bool(urlsplit(url).netloc) and not own

    def problem(self, link: Link) -> str | None:
        """Why an internal link does not resolve, or None when it does."""
        parts = urlsplit(link.url)._replace(scheme="", netloc="")  # the site's own address is a path too
        if parts.path.startswith("/"):
            base_path = urlsplit(self.url).path
            if not parts.path.startswith(base_path):
                return f"{link.url!r} points outside the site, which is published under {base_path}"
            path = parts.path[len(base_path) :]
        else:
            path = urljoin(link.page.as_posix(), parts.path) if parts.path else link.page.as_posix()
        target = Path(unquote(path).lstrip("/") or ".")
        if target.parts and target.parts[0] == "..":
            return f"{link.url!r} points above the site's root"
        if (self.root / target).is_dir():
            target /= "index.html"
        if not (self.root / target).is_file():
            shown = target.as_posix() + ("/" if path.endswith("/") else "")
            return f"{link.url!r}: there is no {shown} in the site"
        fragment = unquote(parts.fragment)
        if fragment and target in self.ids and fragment not in self.ids[target]:
            return f"{link.url!r}: {target.as_posix()} has no heading or element with the id {fragment!r}"
        return None


def published_url(root: Path) -> str:
    """The site's own address (`site_url`), read from the sitemap MkDocs writes; `/` without one."""
    sitemap = root / "sitemap.xml"
    found = re.search(r"<loc>\s*([^<\s]+)", sitemap.read_text(encoding="utf-8")) if sitemap.is_file() else None
    url = found.group(1) if found else "/"
    return url if url.endswith("/") else url + "/"


def source_of(page: Path, docs: Path) -> Path | None:
    """The Markdown file MkDocs built `page` (`a/index.html`, `404.html`) from, if there is one."""
    stem = page.parent if page.name == "index.html" else page.with_suffix("")
    wanted = stem.as_posix() + "/" if stem != Path() else ""
    return next((markdown for markdown in sorted(docs.rglob("*.md")) if page_path(markdown, docs) == wanted), None)


def where(link: Link, site: Path, docs: Path) -> str:
    """`file:line` of the Markdown that holds the link as written (raw HTML, another host), else of the HTML."""
    source = source_of(link.page, docs)
    if source is not None:
        for number, text in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            if link.url in text:
                return f"{source}:{number}"
    return f"{site / link.page}:{link.line}"


def broken_links(site: Site, docs: Path) -> Iterator[str]:
    for link in site.links:
        if not link.url or link.url == "#" or link.url.startswith(NOT_FOLLOWED) or site.is_external(link.url):
            continue
        problem = site.problem(link)
        if problem:
            yield f"{where(link, site.root, docs)}: broken link {problem}"


def external_problem(url: str) -> str | None:
    try:
        response = requests.head(url, allow_redirects=True, timeout=EXTERNAL_TIMEOUT)
        if response.status_code >= 400:  # some servers refuse HEAD but answer GET
            response = requests.get(url, allow_redirects=True, timeout=EXTERNAL_TIMEOUT, stream=True)
    except requests.RequestException as error:
        return f"{type(error).__name__}: {error}"
    return f"HTTP {response.status_code}" if response.status_code >= 400 else None


def check_external(site: Site, docs: Path) -> list[str]:
    first_use: dict[str, Link] = {}
    for link in site.links:
        if site.is_external(link.url) and not link.url.startswith(NOT_FOLLOWED):
            first_use.setdefault(link.url.split("#")[0], link)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(first_use, pool.map(external_problem, first_use), strict=True))
    for url, problem in results.items():
        if not problem:
            print(f"ok  {url}")
    return [
        f"{where(first_use[url], site.root, docs)}: broken external link {url!r}: {problem}"
        for url, problem in results.items()
        if problem
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.linkcheck", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built site (default: site)")
    parser.add_argument("--docs", default="docs", type=Path, help="the Markdown sources (default: docs)")
    parser.add_argument("--external", action="store_true", help="also fetch every link to another host")
    arguments = parser.parse_args(argv)
    if not (arguments.site / "index.html").is_file():
        print(f"error: {arguments.site}/index.html is missing; build the site first (make build)", file=sys.stderr)
        return 2
    site = Site(arguments.site)
    problems = list(broken_links(site, arguments.docs))
    external = {link.url for link in site.links if site.is_external(link.url)}
    if arguments.external:
        problems += check_external(site, arguments.docs)
    for problem in problems:
        print(problem, file=sys.stderr)
    followed = "checked" if arguments.external else "not followed (make linkcheck-external)"
    print(
        f"linkcheck: {len(site.links)} links in {len(site.ids)} pages, {len(problems)} broken; "
        f"{len(external)} external links {followed}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
