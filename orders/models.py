"""Models of the orders app land with its issue."""
