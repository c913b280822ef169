"""The CLI reference (docs/cli.md), generated from the commands themselves.

`python -m tellings.clidocs > docs/cli.md` rewrites it; a test fails when it is stale.
"""

from __future__ import annotations

import click

from .cli import cli


def _commands(group: click.Group, prefix: str) -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name in sorted(group.commands):
        command = group.commands[name]
        found.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, f"{prefix} {name}"))
    return found


def render() -> str:
    """Markdown with the `--help` text of `tellings` and of every command under it."""
    parts = [
        "# Command-line reference",
        "",
        "Generated from the commands by `python -m tellings.clidocs > docs/cli.md`.",
        "",
    ]
    for name, command in [("tellings", cli), *_commands(cli, "tellings")]:
        info_name = name.split(" ")[-1]
        with click.Context(
            command,
            info_name=name if name == "tellings" else info_name,
            terminal_width=88,
            max_content_width=88,
            help_option_names=["-h", "--help"],
        ) as ctx:
            help_text = command.get_help(ctx).replace(f"Usage: {info_name}", f"Usage: {name}")
        parts += [f"## `{name}`", "", "```", help_text, "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
