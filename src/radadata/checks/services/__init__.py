"""The checks' services: each change of state in one function (one permission check, one
transaction, one audit entry). Grouped by what they change:

- runs: the check of each version, publication when it passes (started by the registry's hook)
- rulings: decisions on personal-data columns (§2.5, §2.8, §2.10)
- remedies: UTF-8 conversion and anonymisation (§2.9), each a new version
- structure: the dataset's confirmed Table Schema (§6.16)
"""

from radadata.checks.services.remedies import column_anonymise, version_convert_utf8
from radadata.checks.services.rulings import column_rule, column_ruling_remove
from radadata.checks.services.runs import check_execute, version_recheck
from radadata.checks.services.structure import Column, structure_save

__all__ = ["Column", "check_execute", "column_anonymise", "column_rule",
           "column_ruling_remove", "structure_save", "version_convert_utf8",
           "version_recheck"]
