"""Command-line options choosing the engine, shared by ``soi screen`` and ``soi archive add``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from pipeline.engine.local import Engine, get_engine

ENGINE_NAMES = ("local", "dask", "serial")


def engine_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--engine``, ``--workers`` and ``--scheduler`` to a click command."""
    func = click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address (tcp://host:8786); implies --engine dask. "
        "Without it, --engine dask starts a local cluster.",
    )(func)
    func = click.option(
        "--workers",
        type=click.IntRange(min=1),
        help="Worker processes (default: every core).",
    )(func)
    func = click.option(
        "--engine",
        "engine_name",
        type=click.Choice(ENGINE_NAMES),
        default="local",
        show_default=True,
        help="Where per-report work runs: worker processes on this machine, a Dask cluster, "
        "or this process only.",
    )(func)
    return func


def make_engine(engine_name: str, workers: int | None, scheduler: str | None) -> Engine:
    """The engine the options ask for (a scheduler address means Dask)."""
    if scheduler and engine_name != "dask":
        if engine_name == "serial":
            raise click.UsageError("--scheduler needs --engine dask")
        engine_name = "dask"
    if engine_name == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError as exc:
            raise click.ClickException(
                "--engine dask needs Dask: pip install 'soi[dask]' (dask[distributed])"
            ) from exc
        return get_engine("dask", workers, scheduler=scheduler)
    return get_engine(engine_name, workers)


def close_engine(engine: Engine) -> None:
    """Stop worker pools / clusters the engine started."""
    close = getattr(engine, "close", None)
    if close is not None:
        close()
