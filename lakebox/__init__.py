"""lakebox: a data lake in a box.

The public Python API: settings, the running instance, and the errors it raises.
"""

from lakebox.config import Settings
from lakebox.errors import LakeboxError
from lakebox.instance import Lakebox

__all__ = ["Lakebox", "LakeboxError", "Settings"]
__version__ = "0.1.0"
