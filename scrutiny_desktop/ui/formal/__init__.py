"""The window side of formal meetings (issue 14): the item details pane with its
declarations, resolutions and votes, item times, assurance, Schedule 12A and the quorum;
arrivals, departures and substitutes; series settings; the decisions and declarations
registers. Passive models, undo commands of one transaction each, controllers handed
the ``Context``; ``commands_table.FORMAL_COMMANDS`` for the window's menus."""
