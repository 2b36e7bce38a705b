"""``soi archive``: keep screened reports processed for next year's screens."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from pipeline.engine.options import close_engine, engine_options, make_engine


@click.group("archive")
def archive() -> None:
    """The archive of processed reports (one SQLite file).

    \b
    soi archive add 2024/ --manifest 2024/manifest.csv --archive reports.soi
    soi screen 2025/ --manifest 2025/manifest.csv --archive reports.soi
    """


@archive.command("add")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--manifest",
    type=click.Path(path_type=Path, dir_okay=False),
    help="CSV: path, member_id, unit, year, kind, role[, doc_id].",
)
@click.option(
    "--archive",
    "archive_path",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The archive file (created when missing).",
)
@click.option("--skip", multiple=True, help="Stage to switch off (reuse, content, plans); repeatable.")
@click.option("--no-cache", is_flag=True, help="Do not use or fill the token cache.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
@engine_options
def add_cmd(
    inputs: tuple[Path, ...],
    manifest: Path | None,
    archive_path: Path,
    skip: tuple[str, ...],
    no_cache: bool,
    quiet: bool,
    engine_name: str,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """Screen INPUT reports (against the archive's earlier years) and store them processed.

    Reports already archived unchanged are not processed again; a report whose doc_id is
    already archived is replaced. The add is one transaction: interrupted, it adds nothing.
    """
    from pipeline.cli import _Progress
    from pipeline.ingest.manifest import ManifestError
    from pipeline.screen import screen
    from pipeline.store.archive import Archive
    from pipeline.store.errors import ArchiveError

    if not inputs and manifest is None:
        raise click.UsageError("name the reports to add (INPUT... and/or --manifest)")
    progress = _Progress(enabled=not quiet and sys.stderr.isatty())
    engine = make_engine(engine_name, workers, scheduler)
    try:
        with Archive(archive_path) as store:
            result = screen(
                list(inputs),
                manifest=manifest,
                skip=skip,
                cache_dir=None if no_cache else "default",
                progress=progress,
                engine=engine,
                archive=store,
            )
            n = store.add_result(result)
            stats = store.stats()
    except ManifestError as exc:
        raise click.ClickException(f"manifest: {exc}") from exc
    except (FileNotFoundError, ValueError, ArchiveError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        progress.close()
        close_engine(engine)
    reused = result.batch.params.get("archive", {}).get("reused_reports", 0)
    click.echo(
        f"Added {n} report(s) to {archive_path} ({reused} already processed), "
        f"{len(result.errors)} could not be read; the archive holds {stats['reports']} report(s)."
    )


@archive.command("info")
@click.option(
    "--archive",
    "archive_path",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="The archive file.",
)
def info_cmd(archive_path: Path) -> None:
    """Counts per table and year, as JSON."""
    from pipeline.store.archive import Archive
    from pipeline.store.errors import ArchiveError

    try:
        with Archive(archive_path, readonly=True) as store:
            click.echo(json.dumps(store.stats(), indent=2))
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
