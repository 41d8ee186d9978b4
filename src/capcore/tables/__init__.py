"""Reading plans "as administrations already have them", for the Excel, Word and HTML importers.

The core knows no file format. A format plugin turns a document that capcore
did not write into :class:`SourceParagraph` and :class:`SourceTable` blocks
(:mod:`capcore.tables.source` says how each format fills them) and calls one
shared reader, so that Excel, Word and HTML read the same shapes the same
way:

- :func:`read_tables`: any of the three shapes, detected
  (:func:`detect_layout`);
- :func:`read_matrix`: one table, a row per activity (Lovech);
- :func:`read_cards`: a label/value card per measure (Pazardzhik);
- :func:`read_list`: numbered sections and items with ``Срок:`` lines
  (Smolyan).

The words they recognise are in :mod:`capcore.tables.synonyms`
(:data:`HEADER_SYNONYMS`, :data:`CARD_LABEL_SYNONYMS`,
:data:`LIST_LABEL_SYNONYMS`) and are looked up by
:mod:`capcore.tables.matching` (:func:`match_header`, ...). Every reader fills
:attr:`capcore.Plan.import_notes` (what it could not place, kept in the
entities' ``extra``) and :attr:`capcore.Plan.source_locations`.
"""

from capcore.tables.cards_reader import read_cards
from capcore.tables.document_reader import detect_layout, read_tables
from capcore.tables.list_reader import read_list
from capcore.tables.matching import (
    match_card_label,
    match_header,
    match_kind,
    match_list_label,
    match_status,
    normalise_label,
)
from capcore.tables.matrix_reader import read_matrix
from capcore.tables.source import SourceBlock, SourceCell, SourceParagraph, SourceRow, SourceTable
from capcore.tables.synonyms import (
    CARD_LABEL_SYNONYMS,
    HEADER_SYNONYMS,
    KIND_SYNONYMS,
    LIST_LABEL_SYNONYMS,
    NO_MARKS,
    SHAPE_WORDS,
    STATUS_SYNONYMS,
    YES_MARKS,
    CardField,
    ListField,
    MatrixColumn,
    Words,
)

__all__ = [
    "CARD_LABEL_SYNONYMS",
    "HEADER_SYNONYMS",
    "KIND_SYNONYMS",
    "LIST_LABEL_SYNONYMS",
    "NO_MARKS",
    "SHAPE_WORDS",
    "STATUS_SYNONYMS",
    "YES_MARKS",
    "CardField",
    "ListField",
    "MatrixColumn",
    "SourceBlock",
    "SourceCell",
    "SourceParagraph",
    "SourceRow",
    "SourceTable",
    "Words",
    "detect_layout",
    "match_card_label",
    "match_header",
    "match_kind",
    "match_list_label",
    "match_status",
    "normalise_label",
    "read_cards",
    "read_list",
    "read_matrix",
    "read_tables",
]
