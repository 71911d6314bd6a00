"""A realistic demo school (and a large one for benchmarks), generated into a journal database."""
