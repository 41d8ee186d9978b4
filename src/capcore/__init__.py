"""capcore: CAF improvement plans as a typed model, with lossless JSON."""
