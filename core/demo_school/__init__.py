"""The demo school (and a large one for benchmarks): calendar, classes, pupils, teachers, timetable and a year
of lessons, generated into the journal tables of a PC or the server."""
