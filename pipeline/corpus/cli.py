"""``soi corpus``: the synthetic-organisation generator on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.group("corpus")
def corpus() -> None:
    """Synthetic corpora for training and measuring Soi's detectors."""


@corpus.command("generate")
@click.option("--seed", type=int, required=True, help="Random seed; the same arguments give the same bytes.")
@click.option("--units", type=int, required=True, help="Number of party cells (chi bộ).")
@click.option("--years", default="2022-2025", show_default=True, help='Review years: "2022-2025", "2024" or "2019,2023".')
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Output folder.")
@click.option("--format", "fmt", type=click.Choice(["txt", "docx"]), default="txt", show_default=True)
@click.option("--variant", type=click.Choice(["a", "b"]), default="a", show_default=True,
              help="Phrase family: train on one, evaluate on the other.")
@click.option("--rates", "rates", default=None,
              help='Behaviour rates overriding the defaults: a JSON object or a path to a JSON file, e.g. \'{"vague_plan": 0.6}\'.')
def generate_cmd(seed: int, units: int, years: str, out: Path, fmt: str, variant: str, rates: str | None) -> None:
    """Write a synthetic batch: reports, manifest.csv and the truth files."""
    from pipeline.corpus.generator import generate

    overrides = None
    if rates:
        path = Path(rates)
        overrides = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else json.loads(rates)
    try:
        summary = generate(seed, units, years, out, fmt, variant, overrides)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    n, secs, cpu = summary["documents"], summary["seconds"], summary["cpu_seconds"]
    click.echo(f"{n} reports in {secs:.2f} s wall, {cpu:.2f} s CPU ({n / cpu if cpu else 0:.0f} reports per CPU-second) -> {out}")


if __name__ == "__main__":
    corpus()
