"""Features: TF-IDF of the text.

It is fitted inside the model pipeline, so training and serving transform inputs the same way.
"""

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer

from .config import DataConfig


def build_preprocessor(config: DataConfig) -> ColumnTransformer:
    """Word unigrams and bigrams, with sublinear term frequency."""
    vectorizer = TfidfVectorizer(
        lowercase=True, strip_accents="unicode", ngram_range=(1, 2), sublinear_tf=True
    )
    # A single column name (not a list) hands the vectorizer one string per row.
    return ColumnTransformer([("tfidf", vectorizer, config.text_column)])


def monitored_features(frame: pd.DataFrame, config: DataConfig) -> pd.DataFrame:
    """Text statistics whose live distribution the drift monitor compares with training."""
    text = frame[config.text_column].fillna("").astype(str)
    return pd.DataFrame(
        {
            "text_chars": text.str.len().astype(float),
            "text_tokens": text.str.split().str.len().astype(float),
        },
        index=frame.index,
    )
