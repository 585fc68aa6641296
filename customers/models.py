"""Models of the customers app land with its issue."""
