"""The fast path: a script's plain ``docdiff OLD NEW --format json`` (optionally
``-o FILE``), run without typer and click, which take longer to import than
docdiff takes to compare two editions; the JSON needs none of what they offer.
"""

from __future__ import annotations

from .io import EXIT_DIFFERENT, EXIT_SAME, json_text, refuse_inputs, run_steps, write

#: The subcommands (``app`` registers each): a first word that is one of them is not a file.
COMMANDS = ("compare", "outline", "history", "batch", "show")


def plain_json_request(args: list[str]) -> tuple[str, str, str | None] | None:
    """``(OLD, NEW, FILE or None)`` when ``args`` are two files, ``--format json``
    (``-f json``, ``--format=json``) and at most ``--output FILE`` (``-o FILE``,
    ``--output=FILE``), in any order; otherwise None."""
    files: list[str] = []
    fmt = output = None
    rest = iter(args)
    for arg in rest:
        if arg in ("-f", "--format"):
            fmt = next(rest, None)
        elif arg.startswith("--format="):
            fmt = arg.partition("=")[2]
        elif arg in ("-o", "--output"):
            output = next(rest, None)
            if not output:
                return None
        elif arg.startswith("--output=") and arg != "--output=":
            output = arg.partition("=")[2]
        elif arg.startswith("-"):  # any other option, "--", "-" (standard input)
            return None
        else:
            files.append(arg)
    if fmt != "json" or len(files) != 2 or files[0] in COMMANDS:
        return None
    return files[0], files[1], output


def compare_to_json(old: str, new: str, output: str | None) -> int:
    """``docdiff OLD NEW --format json [-o FILE]``: the exit status."""
    refuse_inputs(output, (old, new))
    comparison = run_steps(old, new)[2]
    write(json_text(comparison.to_dict()), output, (old, new), escape="json")
    return EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME
