"""HTTP serving of the production model."""
