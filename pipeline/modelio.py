"""Saving and loading trained models safely: skops files plus a JSON card of metrics.

Loading never executes code from the file: skops reconstructs only types on an allow-list
(:data:`TRUSTED_TYPES`, exact names); a file that asks for anything else, or whose bytes do not match the
SHA-256 recorded in its card, is refused with :class:`ModelError`.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

#: Exact type names a Soi model may contain beyond what skops trusts by default (scikit-learn
#: estimators, numpy arrays). Never a prefix: "builtins." would admit eval and exec, and a
#: forged model could carry them as a FunctionTransformer's func. Data types only, no functions.
TRUSTED_TYPES: set[str] = {
    "numpy.dtype",
    "numpy.float64",
    "numpy.float32",
    "numpy.int64",
    "numpy.int32",
    "numpy.bool_",
    "numpy.str_",
    "scipy.sparse._csr.csr_matrix",
    "scipy.sparse._csc.csc_matrix",
    "collections.OrderedDict",
    "collections.defaultdict",
    "builtins.slice",
    "builtins.frozenset",
    "builtins.set",
}


def register_trusted(*names: str) -> None:
    """Allow our own model classes (exact dotted names of classes defined in pipeline/)."""
    for name in names:
        if not name.startswith("pipeline.") or name.rsplit(".", 1)[-1][:1].islower():
            raise ValueError(f"only classes of the pipeline package can be registered, not {name!r}")
        TRUSTED_TYPES.add(name)


MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


class ModelError(RuntimeError):
    """A model file is missing, tampered with, or contains types we do not trust."""


class ModelMissing(ModelError):
    """The model file or its card is not there (a stage may fall back to its baseline)."""


class ModelRefused(ModelError):
    """The model file is there but is refused: modified since its card was written, not a valid
    skops file, or asking for types we do not trust. Never a reason to fall back silently."""


def models_dir() -> Path:
    """Folder of the shipped models (env ``SOI_MODELS`` overrides)."""
    return Path(os.environ.get("SOI_MODELS", MODELS_DIR))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_model(model: Any, name: str, card: dict[str, Any], folder: Path | None = None) -> Path:
    """Write ``models/NAME.skops`` and ``models/NAME.json`` (the card, with the file's SHA-256)."""
    import skops.io as sio

    folder = folder or models_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.skops"
    atomic_write_bytes(path, sio.dumps(model, compression=zipfile.ZIP_DEFLATED, compresslevel=9))
    card = dict(card, file=path.name, sha256=_sha256(path))
    atomic_write_bytes(
        folder / f"{name}.json",
        (json.dumps(card, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode(),
    )
    return path


def load_card(name: str, folder: Path | None = None) -> dict[str, Any]:
    path = (folder or models_dir()) / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelMissing(f"model card {path} not found; run `soi train`") from exc
    except (OSError, ValueError) as exc:
        raise ModelRefused(f"model card {path} cannot be read ({type(exc).__name__})") from exc


def load_model(name: str, folder: Path | None = None) -> Any:
    """Load ``models/NAME.skops`` after checking its hash and the types it contains."""
    import skops.io as sio

    folder = folder or models_dir()
    path = folder / f"{name}.skops"
    card = load_card(name, folder)
    try:
        data = path.read_bytes()  # hashed and loaded from the same bytes
    except FileNotFoundError as exc:
        raise ModelMissing(f"model {path} not found; run `soi train`") from exc
    if card.get("sha256") != hashlib.sha256(data).hexdigest():
        raise ModelRefused(
            f"model {path} does not match the SHA-256 in its card: refusing to load a modified file"
        )
    try:
        untrusted = sio.get_untrusted_types(data=data)
    except Exception as exc:
        raise ModelRefused(f"model {path} is not a valid skops file ({type(exc).__name__})") from exc
    bad = [t for t in untrusted if t not in TRUSTED_TYPES]
    if bad:
        raise ModelRefused(f"model {path} contains untrusted types {bad}: refusing to load")
    try:
        return sio.loads(data, trusted=untrusted)
    except Exception as exc:
        raise ModelRefused(f"model {path} could not be loaded ({type(exc).__name__}: {exc})") from exc


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
