"""QWidgets and pyqtgraph items."""
