"""A neighbouring block keeps its source only while joined to a block that source kept
(``blocks.seed_blocks``, ``blocks.anchored``)."""

from __future__ import annotations

import numpy as np

from pipeline.stages.reuse.blocks import BlockParams, BlockStat, accept_blocks, anchored, seed_blocks

P = BlockParams(cov=0.9, sim=80.0, bits=10.0, run=3, exact_run=5, whole=0.8, long_run=6, long_tokens=100)


def _stat(block: int, n_tokens: int, sim: float, bits: float, run: int) -> BlockStat:
    return BlockStat(
        block=block, n_tokens=n_tokens, matched=n_tokens, cov=1.0, sim=sim, bits=bits, run=run, pairs=[]
    )


def test_neighbour_joins_a_copied_block_and_loses_it_with_the_block() -> None:
    order = np.array([0, 1, 2, 3])
    copied = _stat(0, 150, 100.0, 0.0, 10)  # a long section reproduced: copied on its own
    neighbour = _stat(1, 90, 100.0, 0.0, 4)  # as covered and similar, no evidence of its own
    far = _stat(3, 40, 100.0, 0.0, 2)  # not next to a copied block
    stats = [copied, neighbour, far]
    total = 600  # the three do not hold 80% of the report: no whole-report copy
    ok = accept_blocks(stats, P, False, order, total)
    assert [st.block for st in ok] == [0, 1]
    assert seed_blocks(stats, P, False, total) == {0}
    # attribution gave block 0 to another source (a template): block 1 has no evidence left
    assert anchored([neighbour], {0}, order) == []
    # ... while it stays when this source keeps block 0
    assert [st.block for st in anchored(ok, {0}, order)] == [0, 1]


def test_whole_report_copy_seeds_every_similar_block() -> None:
    stats = [_stat(0, 100, 95.0, 0.0, 2), _stat(1, 60, 95.0, 0.0, 1), _stat(2, 50, 95.0, 0.0, 1)]
    assert seed_blocks(stats, P, False, 220) == {0, 1, 2}  # 210 of 220 syllables: a whole copy
    assert seed_blocks(stats, P, False, 400) == set()
