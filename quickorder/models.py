"""Models of the quickorder app land with its issue."""
