"""The engine: rollups, check sums, gaps and deadlines. Pure computation, no printing."""
