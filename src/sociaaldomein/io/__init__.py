"""Files and converters: families, scenarios and advice, in JSON and TOML.

Every reader raises one :class:`FileFormatError` (an
:class:`~sociaaldomein.errors.InvalidValueError`) for anything it cannot use,
naming the file, the field path and the problem.  ``docs/files.md`` describes
the formats.
"""

from __future__ import annotations

from sociaaldomein.io._paths import ConversionError
from sociaaldomein.io._scalars import FileNumber, structure_date
from sociaaldomein.io.advice import AdviceCheck, dumps_advice, loads_advice, read_advice
from sociaaldomein.io.cohort import (
    dumps_cohort_csv,
    loads_cohort_csv,
    read_cohort,
    read_cohort_csv,
    write_cohort_csv,
)
from sociaaldomein.io.converters import (
    Format,
    converter_for,
    json_converter,
    structure,
    toml_converter,
    unstructure,
)
from sociaaldomein.io.documents import (
    check_input_file,
    dumps_document,
    load_document,
    loads_document,
    with_lines,
)
from sociaaldomein.io.errors import FileFormatError, InputProblemsError, escape_controls
from sociaaldomein.io.family import (
    dumps_gezinnen,
    gezinnen_from_data,
    gezinnen_to_data,
    loads_gezinnen,
    read_gezinnen,
    write_gezinnen,
)
from sociaaldomein.io.scenario import (
    CohortSettings,
    PilotChoice,
    Scenario,
    SimulationSettings,
    design_problems,
    dumps_scenario,
    loads_scenario,
    plugin_arguments,
    read_scenario,
    write_scenario,
)
from sociaaldomein.io.schema import SCHEMAS, advice_schema, family_schema, scenario_schema

__all__ = [
    "SCHEMAS",
    "AdviceCheck",
    "CohortSettings",
    "ConversionError",
    "FileFormatError",
    "FileNumber",
    "Format",
    "InputProblemsError",
    "PilotChoice",
    "Scenario",
    "SimulationSettings",
    "advice_schema",
    "check_input_file",
    "converter_for",
    "design_problems",
    "dumps_advice",
    "dumps_cohort_csv",
    "dumps_document",
    "dumps_gezinnen",
    "dumps_scenario",
    "escape_controls",
    "family_schema",
    "gezinnen_from_data",
    "gezinnen_to_data",
    "json_converter",
    "load_document",
    "loads_advice",
    "loads_cohort_csv",
    "loads_document",
    "loads_gezinnen",
    "loads_scenario",
    "plugin_arguments",
    "read_advice",
    "read_cohort",
    "read_cohort_csv",
    "read_gezinnen",
    "read_scenario",
    "scenario_schema",
    "structure",
    "structure_date",
    "toml_converter",
    "unstructure",
    "with_lines",
    "write_cohort_csv",
    "write_gezinnen",
    "write_scenario",
]
