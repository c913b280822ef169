"""Extract: tag the places, camps, forces, groups and people a text names."""
