"""Models of the catalog app land with its issue."""
