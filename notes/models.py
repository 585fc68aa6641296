"""Models of the notes app land with its issue."""
