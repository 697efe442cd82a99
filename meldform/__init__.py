"""meldform: make, check and render meldingen for Veilig Thuis (Meldcode huiselijk geweld en kindermishandeling)."""

__version__ = "0.1.0"
SCHEMA_VERSIE = "1.1"
