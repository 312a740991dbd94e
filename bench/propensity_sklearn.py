"""scikit-learn's side of bench/propensity-vs-sklearn.ts.

Reads a CSV written by the bench: a header, then one row per customer with the encoded features
x0 … x(d-1), the label y (0/1) and the fold (0 … k-1) Relata assigned. For every fold it fits
StandardScaler + LogisticRegression(C=1.0, penalty='l2', solver='lbfgs', max_iter=1000) on the other
folds (the scaler fitted on the training rows only, as Relata does) and scores the held-out fold.
Also fits once on all rows and prints the standardised coefficients. Prints JSON on stdout.

Usage: python3 bench/propensity_sklearn.py FILE.csv
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def model():
    return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, penalty='l2', solver='lbfgs', max_iter=1000))


def main(path):
    data = np.loadtxt(path, delimiter=',', skiprows=1)
    X, y, fold = data[:, :-2], data[:, -2].astype(int), data[:, -1].astype(int)
    started = time.perf_counter()
    folds = []
    for f in sorted(set(fold.tolist())):
        train, test = fold != f, fold == f
        p = model().fit(X[train], y[train]).predict_proba(X[test])[:, 1]
        folds.append({'fold': f, 'auc': roc_auc_score(y[test], p), 'accuracy': accuracy_score(y[test], p > 0.5)})
    seconds = time.perf_counter() - started
    full = model().fit(X, y)
    lr = full[-1]
    print(json.dumps({
        'sklearn': sklearn.__version__,
        'folds': folds,
        'auc': float(np.mean([f['auc'] for f in folds])),
        'accuracy': float(np.mean([f['accuracy'] for f in folds])),
        'cvSeconds': seconds,
        'standardisedIntercept': float(lr.intercept_[0]),
        'standardisedCoefficients': lr.coef_[0].tolist(),
    }))


if __name__ == '__main__':
    main(sys.argv[1])
