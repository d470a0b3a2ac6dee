"""engage: stakeholder consultation and community engagement for service offices."""

__version__ = "0.1.0"
