"""Qt models with signals, the training worker and image decoding: Qt, but no QWidget."""
