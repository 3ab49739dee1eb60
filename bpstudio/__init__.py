"""BP Studio: a visual simulator of back-propagation neural networks."""

__version__ = "0.1.0"
