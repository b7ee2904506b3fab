"""The panels of the campaign screen: top bar, board, moves, contests, event log."""
