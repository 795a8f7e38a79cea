"""HSDS 3.0 export and import of the sociale kaart: the tabular form (CSV files and
datapackage.json, as HSDS publishes it) and the JSON form (nested service objects).

    hsds_export(directory=Path, organisation_id=None) -> {file name: rows}
    hsds_import(path=Path, progress=None) -> ImportReport      # raises HSDSImportError
    hsds_import_json_objects(services=[...], source="demo") -> ImportReport

See schema.py for the tables and Kansrijk's extension columns, json_form.py for the JSON form.
"""

from kansrijk.directory.hsds_io.errors import (
    HSDSImportError,
    ImportReport,
    RowError,
    TableCount,
)
from kansrijk.directory.hsds_io.export import hsds_export
from kansrijk.directory.hsds_io.importer import hsds_import, hsds_import_json_objects
from kansrijk.directory.hsds_io.progress import ProgressLine
from kansrijk.directory.hsds_io.schema import EXTENT_TYPE_CBS_CODE

__all__ = [
    "EXTENT_TYPE_CBS_CODE",
    "HSDSImportError",
    "ImportReport",
    "ProgressLine",
    "RowError",
    "TableCount",
    "hsds_export",
    "hsds_import",
    "hsds_import_json_objects",
]
