"""Renders every .md file of a folder with markdown-it (the renderer of many
documentation sites) with `linkify` and raw HTML on, and fails when the HTML
holds an element or attribute the notice's own Markdown never makes: an
element from input, an event handler, a script address.

Used by tests/md_autolink.rs with the virtual environment of .ci/run."""
import pathlib
import sys
from html.parser import HTMLParser

from markdown_it import MarkdownIt

ALLOWED = {"a", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table",
           "thead", "tbody", "tr", "th", "td", "em", "strong", "code", "pre", "br",
           "blockquote", "hr", "s", "del"}


class Live(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        bad = tag not in ALLOWED or any(
            name.startswith("on")
            or (name in ("href", "src") and (value or "").strip().lower().startswith(
                ("javascript:", "vbscript:", "data:")))
            for name, value in attrs)
        if bad:
            self.found.append((tag, attrs))


def main():
    md = MarkdownIt("gfm-like", {"html": True, "linkify": True})
    failed = 0
    files = sorted(pathlib.Path(sys.argv[1]).glob("*.md"))
    for path in files:
        live = Live()
        live.feed(md.render(path.read_text()))
        if live.found:
            failed += 1
            print(f"{path.name}: {live.found[:3]}")
    print(f"{len(files)} documents, {failed} with live markup")
    sys.exit(1 if failed else 0)


main()
