"""parcli: scoring and gap analysis for Vietnam's provincial PAR Index and SIPAS."""

__version__ = "0.3.0"
