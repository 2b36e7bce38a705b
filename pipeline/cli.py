"""``soi``: a thin command line over the Python API (:func:`pipeline.screen.screen`)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from pipeline.engine.options import close_engine, engine_options, make_engine
from pipeline.ingest.manifest import ManifestError
from pipeline.modelio import ModelError
from pipeline.store.errors import ArchiveError


class _Progress:
    """Per-stage progress bars on a terminal; silent with --quiet or when not on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.current: str | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if stage != self.current:
            if self.current is not None:
                click.echo("", err=True)
            self.current = stage
        width = 30
        filled = int(width * done / total) if total else width
        click.echo(
            f"\r{stage:>9} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", err=True, nl=False
        )

    def close(self) -> None:
        if self.enabled and self.current is not None:
            click.echo("", err=True)


@click.group()
@click.version_option(package_name="soi")
@click.option("-v", "--verbose", is_flag=True, help="Log details to stderr.")
def main(verbose: bool) -> None:
    """Soi: screens party self-review reports (bản kiểm điểm) for formulaic writing."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


@main.command("screen")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--manifest",
    type=click.Path(path_type=Path, dir_okay=False),
    help="CSV: path, member_id, unit, year, kind, role[, doc_id].",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("soi-out"),
    show_default=True,
    help="Output folder.",
)
@click.option("--skip", multiple=True, help="Stage to switch off (reuse, content, plans); repeatable.")
@click.option(
    "--bank",
    "banks",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Extra template-bank folder; repeatable.",
)
@click.option(
    "--strict-manifest",
    is_flag=True,
    help="Stop on the first bad manifest value instead of leaving that row's file out "
    "with an errors.csv row.",
)
@click.option("--no-cache", is_flag=True, help="Do not use or fill the token cache.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
@click.option(
    "--archive",
    "archive_path",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Archive of processed reports (soi archive add): unchanged reports are not processed "
    "again and earlier years are searched for copies.",
)
@engine_options
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="Language of report.html and report.xlsx.",
)
@click.option("--no-html", is_flag=True, help="Do not write report.html.")
@click.option("--no-xlsx", is_flag=True, help="Do not write report.xlsx.")
@click.option(
    "--redact",
    is_flag=True,
    help="Pseudonymise the outputs for sharing outside the commission: names become "
    "'Đảng viên 017' (stable within the run), dates of birth, addresses, phones and file names hidden.",
)
def screen_cmd(
    inputs: tuple[Path, ...],
    manifest: Path | None,
    out: Path,
    skip: tuple[str, ...],
    banks: tuple[Path, ...],
    strict_manifest: bool,
    no_cache: bool,
    quiet: bool,
    archive_path: Path | None,
    engine_name: str,
    workers: int | None,
    scheduler: str | None,
    lang: str,
    no_html: bool,
    no_xlsx: bool,
    redact: bool,
) -> None:
    """Screen INPUT files/folders (.docx, .txt, .md); without INPUT, the bundled sample batch.

    Files that cannot be screened (corrupt or encrypted, .doc/.pdf, over 20 MB or over
    1,000,000 characters of text, not Vietnamese), and manifest rows with a bad value (line,
    column and value named), are listed in errors.csv with the reason; the batch goes on.
    """
    from pipeline.screen import SAMPLE_DIR, screen

    if not inputs and manifest is None:
        click.echo(f"No input given: screening the bundled sample batch {SAMPLE_DIR}", err=True)
    progress = _Progress(enabled=not quiet and sys.stderr.isatty())
    params = {"reuse": {"bank_dirs": [str(b) for b in banks]}} if banks else None
    engine = make_engine(engine_name, workers, scheduler)
    try:
        result = screen(
            list(inputs),
            manifest=manifest,
            skip=skip,
            cache_dir=None if no_cache else "default",
            stage_params=params,
            progress=progress,
            engine=engine,
            archive=archive_path,
            strict_manifest=strict_manifest,
        )
    except ManifestError as exc:
        raise click.ClickException(f"manifest: {exc}") from exc
    except ModelError as exc:
        raise click.ClickException(f"model: {exc}") from exc
    except (FileNotFoundError, ValueError, ArchiveError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        progress.close()
        close_engine(engine)
    if redact:
        from pipeline.report.redact import redact as redact_result

        result = redact_result(result)
    folder = result.write(out, html=not no_html, xlsx=not no_xlsx, lang=lang)
    docs, errs = len(result.documents), len(result.errors)
    flagged = int((result.documents["risk"].fillna(0) >= 0.5).sum()) if docs else 0
    click.echo(f"Screened {docs} report(s), {errs} could not be read, {flagged} with risk >= 0.5.")
    files = ["documents.csv", "matches.csv", "plans.csv", "errors.csv", "units.csv", "run.json"]
    files += [name for name, off in (("report.html", no_html), ("report.xlsx", no_xlsx)) if not off]
    click.echo(f"Outputs in {folder.resolve()}: {', '.join(files)}" + (" (redacted)" if redact else ""))


def _mount_optional_groups() -> None:
    """Command groups contributed by other modules (corpus generator, bank, training)."""
    import importlib

    for module, attr in (
        ("pipeline.corpus.cli", "corpus"),
        ("pipeline.stages.reuse.cli", "bank"),
        ("pipeline.train", "train"),
        ("pipeline.store.cli", "archive"),
    ):
        try:
            cmd = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError):
            continue
        main.add_command(cmd)


_mount_optional_groups()

if __name__ == "__main__":
    main()
