"""The numerical core: numpy and h5py only, never Qt (a test checks it in a subprocess)."""
