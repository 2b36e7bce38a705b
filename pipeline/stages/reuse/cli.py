"""``soi bank``: the user's sample-template bank searched by the reuse stage."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.stages.reuse.bank import add_to_bank, default_bank_dirs, load_templates


@click.group("bank")
def bank() -> None:
    """Published sample reports the reuse stage compares every report with (template_heavy)."""


@bank.command("add")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--bank",
    "bank_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Bank folder (default: $SOI_BANK, else ~/.soi/bank).",
)
def add_cmd(folder: Path, bank_dir: Path | None) -> None:
    """Copy the .txt/.docx samples of FOLDER into the bank (normalised; file stem = template id)."""
    ids = add_to_bank(folder, bank_dir)
    dest = bank_dir or default_bank_dirs()[0]
    click.echo(f"{len(ids)} template(s) added to {dest}: {', '.join(ids) if ids else '-'}")


@bank.command("list")
@click.option("--bank", "bank_dir", type=click.Path(file_okay=False, path_type=Path), default=None)
def list_cmd(bank_dir: Path | None) -> None:
    """Templates the reuse stage will search (repository bank, then the user bank)."""
    for tid, text in load_templates([bank_dir] if bank_dir else None).items():
        click.echo(f"{tid}\t{len(text)} chars")
