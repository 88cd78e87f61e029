"""wooflow: from a pile of Dutch government documents to a lawful Woo publication."""

import os as _os

# No network and no telemetry: onnxruntime (the neural name model's runtime, also pulled in by
# a dependency) otherwise writes a device id and event database under ~/.cache/Microsoft on
# import. The switch has to be set before onnxruntime is first imported, hence here.
_os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

__version__ = "0.1.0"
