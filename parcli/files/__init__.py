"""Where parcli finds its files: the naming rules, the dataset of one plan, the configuration."""
