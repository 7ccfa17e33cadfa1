"""One widget per pane: layout and signal wiring only."""
