"""Features: one scikit-learn transformer for numeric and categorical columns.

It is fitted inside the model pipeline, so training and serving transform inputs the same way.
"""

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from .config import DataConfig


def build_preprocessor(config: DataConfig) -> ColumnTransformer:
    """Impute and scale numeric columns; impute and one-hot encode categorical ones.

    Categories unseen in training are encoded as all zeros instead of failing at serving time.
    """
    numeric = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    categorical = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("encode", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
        ]
    )
    return ColumnTransformer(
        [
            ("numeric", numeric, list(config.numeric_features)),
            ("categorical", categorical, list(config.categorical_features)),
        ]
    )


def monitored_features(frame: pd.DataFrame, config: DataConfig) -> pd.DataFrame:
    """The numeric inputs whose live distribution the drift monitor compares with training."""
    return frame.loc[:, list(config.numeric_features)].astype(float)
