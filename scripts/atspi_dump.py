#!/usr/bin/python3
"""Dump a running application's accessibility tree as screen readers see it (AT-SPI).

usage: scripts/atspi_dump.py [APP_NAME_SUBSTRING] [--max-nodes N]

Prints one line per node: role, name, interfaces, attributes (heading level, placeholder…),
and for nodes with the Text interface their text, character count, the word and the line at
two offsets and the text attributes (language…). Needs the system's python3-pyatspi and a session with the accessibility bus on, e.g.

    eval "$(dbus-launch --sh-syntax)"
    /usr/libexec/at-spi-bus-launcher --launch-immediately &
    dbus-send --session --dest=org.a11y.Bus --type=method_call /org/a11y/bus \\
        org.freedesktop.DBus.Properties.Set string:org.a11y.Status \\
        string:IsEnabled variant:boolean:true
    hashiya article.txt &
    scripts/atspi_dump.py hashiya
"""
import sys

import pyatspi


def interfaces(node):
    names = []
    for iface, getter in (("Text", node.queryText), ("EditableText", node.queryEditableText),
                          ("Action", node.queryAction), ("Component", node.queryComponent)):
        try:
            getter()
            names.append(iface)
        except NotImplementedError:
            pass
    return names


def text_summary(node):
    try:
        text = node.queryText()
    except NotImplementedError:
        return ""
    n = text.characterCount
    content = text.getText(0, min(n, 80))
    found = []
    for offset in (0, n // 2):
        for what, granularity in (("word", pyatspi.TEXT_GRANULARITY_WORD), ("line", pyatspi.TEXT_GRANULARITY_LINE)):
            try:
                piece, start, end = text.getStringAtOffset(offset, granularity)
                found.append(f"{what}@{offset}={piece[:40]!r}[{start}:{end}]")
            except Exception as e:  # the adapter may not support a granularity
                found.append(f"{what}@{offset}=<{type(e).__name__}>")
    attrs = ""
    try:
        run, start, end = text.getAttributeRun(0)
        attrs = f"{run}[{start}:{end}]"
    except Exception as e:
        attrs = f"<{type(e).__name__}>"
    return f" text[{n}]={content!r} {' '.join(found)} text-attrs={attrs}"


def dump(node, depth, budget):
    if budget[0] <= 0:
        return
    budget[0] -= 1
    try:
        role = node.getRoleName()
        name = node.name
        attrs = node.getAttributes()
        kids = node.childCount
    except Exception as e:
        print("  " * depth + f"<unreadable: {e}>")
        return
    attr_text = f" attrs={attrs}" if attrs else ""
    print("  " * depth + f"[{role}] {name!r} ({', '.join(interfaces(node))}){attr_text}{text_summary(node)}")
    for i in range(kids):
        child = node.getChildAtIndex(i)
        if child is not None:
            dump(child, depth + 1, budget)


def main():
    args = sys.argv[1:]
    budget = [400]
    if "--max-nodes" in args:
        i = args.index("--max-nodes")
        budget = [int(args[i + 1])]
        del args[i:i + 2]
    wanted = args[0].lower() if args else ""
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    apps = [a for a in apps if a is not None and wanted in (a.name or "").lower()]
    if not apps:
        names = [desktop.getChildAtIndex(i).name for i in range(desktop.childCount)]
        sys.exit(f"no application matching {wanted!r}; running: {names}")
    for app in apps:
        dump(app, 0, budget)


if __name__ == "__main__":
    main()
