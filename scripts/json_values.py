"""Reference values as JSON for the TypeScript side (scripts/make-fixtures.py, scripts/reference-cases.py)."""
import math

import numpy as np
import pandas as pd


def clean(v):
    """JSON has no NaN or Infinity: NaN -> None, ±Infinity -> ±1e308; NumPy and pandas values -> lists and numbers."""
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [clean(x) for x in v]
    if isinstance(v, (np.ndarray, pd.Series)):
        return clean(np.asarray(v).tolist())
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (float, np.floating)):
        return None if math.isnan(v) else (math.copysign(1e308, v) if math.isinf(v) else float(v))
    if isinstance(v, np.integer):
        return int(v)
    return v
