"""Synthetic corpora: the fictitious organisation generator (``soi corpus generate``).

Modules: ``org`` (units, members, writing styles), ``forms`` (official form skeletons and heading
schemes), ``compose`` / ``writer`` / ``assemble`` (the content of one report), ``copying``
(reuse with PAN-style obfuscation), ``truth`` (flags and spans from the final text), ``output``
(.txt / deterministic .docx and CSV files), ``generator`` (the batch), ``templates`` (the sample
bank), ``data`` (loading corpora/generator and corpora/banks). Datasheet: corpora/README.md.
"""
