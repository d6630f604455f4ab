"""The generator's parse: spaCy's pipeline with its attribute rules applied by a lookup, which must
give every token exactly what the full pipeline gives it (the real model, on the seed article)."""

from __future__ import annotations

from pathlib import Path

from quizapp.generate.clauses import text_of
from quizapp.generate.nlp import _fast_attributes, load_nlp, parse_many, parse_one

ROOT = Path(__file__).resolve().parent.parent


def _tokens(doc) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_,
             t.is_sent_start) for t in doc]


def test_the_generator_s_parse_is_the_full_pipeline_s():
    nlp = load_nlp()
    assert _fast_attributes(nlp) is not None  # the shipped model's rules are all ones the lookup runs
    text = (ROOT / "seeds" / "mali-helicopter-collision.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    # (made-up sentences for the rules on contractions, possessives and "ai"/"n't" forms)
    extra = ["Tolley's firm ain't sure it'll sell 40,000 bikes, and Ann's won't either.",
             "“We're gonna win,” said Jo Reyes, who'd played 12 games for Wessex Rovers in 2003.",
             # (words only a rule's pattern finds, in two texts: what a pattern says of a word holds in both)
             "“We got nothin' left, y'all,” said Jo Reyes.", "Y'all said nothin' about it, and nuthin' since."]
    for fast, full in zip(parse_many(nlp, paragraphs + extra), nlp.pipe(paragraphs + extra), strict=True):
        assert _tokens(fast) == _tokens(full)
    assert _tokens(parse_one(nlp, extra[0])) == _tokens(nlp(extra[0]))


def test_a_span_s_text_cut_from_its_doc_is_spacy_s_own():
    nlp = load_nlp()
    text = (ROOT / "seeds" / "mali-helicopter-collision.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()][:6]
    for doc in [*parse_many(nlp, paragraphs), parse_one(nlp, "Mr  Okafor said:  “It’s   done.” ")]:
        spans = [*doc.sents, *doc.ents, doc[:], doc[1:4], doc[len(doc) - 3:]]
        assert [text_of(s) for s in spans] == [s.text for s in spans]
