"""Build the Dutch spaCy pipeline Rasa uses, from spaCy's own language data.

spaCy's trained Dutch packages (nl_core_news_sm) cannot be downloaded on the
machines this project is built on, so we assemble a pipeline from what ships
on PyPI: the Dutch tokenizer, stop words and lexical attributes of
`spacy.lang.nl`, plus the lemma lookup table from spacy-lookups-data. Anyone
who has nl_core_news_sm installed can use it instead by changing one line in
config.yml (`model: nl_core_news_sm`).

Usage: python -m bot.nlp.build_pipeline build/spacy/nl_cjg
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy


def build(output: Path) -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = "cjg"
    nlp.meta["description"] = "Dutch tokenizer and lookup lemmatizer for CJG Assistent"
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "build/spacy/nl_cjg")
    build(target)
    print(f"spaCy pipeline written to {target}")
