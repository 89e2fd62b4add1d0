"""Reference values for tests/it/agree.rs.

Reads the token ratings Hashiya derives from the test's three annotators
(agree_ratings.json: label names, then one list of label indices per annotator, 0 = O)
and prints Cohen's kappa per pair, Cohen's kappa of LOC against the rest for a vs b,
Fleiss' kappa of all three and Krippendorff's alpha (nominal) of all three and of a and b.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scikit-learn statsmodels krippendorff
    /tmp/venv/bin/python tests/it/reference/agree_reference.py
"""
import json
import pathlib

import krippendorff
import numpy as np
import sklearn
import statsmodels
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

data = json.loads((pathlib.Path(__file__).parent / "agree_ratings.json").read_text())
labels, (a, b, c) = data["labels"], data["ratings"]
print("sklearn", sklearn.__version__, "statsmodels", statsmodels.__version__,
      "krippendorff", getattr(krippendorff, "__version__", "?"), "tokens", len(a))
for x, y, name in [(a, b, "a-b"), (a, c, "a-c"), (b, c, "b-c")]:
    print(f"cohen {name} {cohen_kappa_score(x, y):.15f}")
loc = labels.index("LOC")
print(f"cohen LOC a-b {cohen_kappa_score([v == loc for v in a], [v == loc for v in b]):.15f}")
table, _ = aggregate_raters(np.array([a, b, c]).T, n_cat=len(labels))
print(f"fleiss {fleiss_kappa(table, method='fleiss'):.15f}")
print(f"alpha abc {krippendorff.alpha(reliability_data=[a, b, c], level_of_measurement='nominal'):.15f}")
print(f"alpha ab {krippendorff.alpha(reliability_data=[a, b], level_of_measurement='nominal'):.15f}")
