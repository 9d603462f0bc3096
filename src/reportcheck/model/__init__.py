"""The report model: the lowest layer, imported by readers, rules, findings and renderers.

- :mod:`~reportcheck.model.tables` declares 表二, 表三 and 表四 of every format version as data
  (the one source of truth for ids, labels and value kinds);
- :mod:`~reportcheck.model.relations` declares the arithmetic relations between their cells;
- :mod:`~reportcheck.model.report` is the format-neutral report every reader produces;
- :mod:`~reportcheck.model.values`, :mod:`~reportcheck.model.labels` and
  :mod:`~reportcheck.model.version` read cell text, compare labels and choose the version;
- :mod:`~reportcheck.model.sections` finds the six sections of a published report's text;
- :mod:`~reportcheck.model.location` says where a value was read, :mod:`~reportcheck.model.numbers`
  how a number is written;
- :mod:`~reportcheck.model.submission` generates the pydantic models
  (:mod:`~reportcheck.model.submission_models`, checked in, on the hand-written types of
  :mod:`~reportcheck.model.submission_types`) and the JSON Schemas of the JSON submission
  format from the table declarations (they import pydantic; nothing on the validation path
  imports them).

This package imports nothing from the rest of reportcheck but, for annotations only, the
Finding type (the import-layer contract in pyproject.toml checks it); importing the package
loads none of its modules.
"""
