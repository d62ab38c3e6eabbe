"""Optional execution back-ends: the ONNX Runtime sentence encoder and the Dask engine.

Each module imports its third-party stack only when used, so the default install and the start-up of
``guidecheck --help`` pay nothing for them.
"""
