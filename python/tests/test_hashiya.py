"""Tests of the ``hashiya`` Python module against the real program.

Run from the repository root after ``cargo build`` (``.ci/run`` does this)::

    HASHIYA_BIN=target/debug/hashiya PYTHONPATH=python python3 -m unittest discover -s python/tests

Only the standard library is needed. The documents are made by the program itself
(``hashiya import``, ``hashiya mark``), so the annotation files are real ones.
"""

import json
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

import hashiya

TEXT_A = "زار محمد بن سلمان القاهرة يوم الأحد.\nوقالت وزارة الخارجية إن الزيارة ناجحة."
TEXT_B = "التقى وزير الخارجية نظيره في عمّان."


def span(text, word, label):
    start = text.index(word)
    return [start, start + len(word), label]


def program(*args, env=None):
    proc = subprocess.run(
        [hashiya.binary(), *map(str, args)], capture_output=True, text=True, env=env
    )
    if proc.returncode != 0:
        raise AssertionError(f"hashiya {args} failed: {proc.stderr}")
    return proc.stdout


class HashiyaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.environ.get("HASHIYA_BIN"):
            raise unittest.SkipTest("HASHIYA_BIN is not set (the program under test)")
        cls.tmp = tempfile.TemporaryDirectory()
        root = Path(cls.tmp.name)
        cls.corpus = root / "corpus"
        lines = [
            {"id": "a", "text": TEXT_A, "label": [
                span(TEXT_A, "محمد بن سلمان", "PER"),
                span(TEXT_A, "القاهرة", "GPE"),
                span(TEXT_A, "وزارة الخارجية", "ORG"),
            ]},
            {"id": "b", "text": TEXT_B, "label": [span(TEXT_B, "عمّان", "GPE")]},
        ]
        jsonl = root / "in.jsonl"
        jsonl.write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines), encoding="utf-8")
        env = dict(os.environ, HASHIYA_ANNOTATOR="rana")
        program("import", "--format", "jsonl", jsonl, "-o", cls.corpus, env=env)
        program("mark", cls.corpus / "a.txt", "--status", "done", env=env)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_load_a_corpus(self):
        docs = {d["name"]: d for d in hashiya.load(self.corpus)}
        self.assertEqual(sorted(docs), ["a.txt", "b.txt"])
        a = docs["a.txt"]
        self.assertEqual(a["text"], TEXT_A)
        self.assertEqual(a["status"], "done")
        self.assertEqual(a["annotator"], "rana")
        self.assertEqual(docs["b.txt"]["status"], "in-progress")
        self.assertEqual(
            [(e["text"], e["label"]) for e in a["entities"]],
            [("محمد بن سلمان", "PER"), ("القاهرة", "GPE"), ("وزارة الخارجية", "ORG")],
        )
        for e in a["entities"]:
            self.assertEqual(a["text"][e["start"]:e["end"]], e["text"], "offsets are code points")
        self.assertIn("GPE", a["labels"])

    def test_load_an_article_or_its_annotation_file(self):
        by_article = hashiya.load(self.corpus / "b.txt")
        by_annotations = hashiya.load(self.corpus / "b.txt.hashiya.ron")
        self.assertEqual(by_article, by_annotations)
        self.assertEqual(by_article[0]["name"], "b.txt")
        self.assertEqual([e["text"] for e in by_article[0]["entities"]], ["عمّان"])

    def test_to_hf_records(self):
        data = hashiya.to_hf(self.corpus)
        names = data["label_names"]
        self.assertEqual(names[0], "O")
        self.assertIn("B-PER", names)
        self.assertEqual(names.index("I-PER"), names.index("B-PER") + 1)
        first = data["records"][0]
        self.assertEqual(first["document"], "a.txt")
        tagged = [(t, names[n]) for t, n in zip(first["tokens"], first["ner_tags"]) if n]
        self.assertEqual(
            tagged,
            [("محمد", "B-PER"), ("بن", "I-PER"), ("سلمان", "I-PER"), ("القاهرة", "B-GPE")],
        )
        self.assertEqual(len(first["tokens"]), len(first["ner_tags"]))
        self.assertEqual(len({r["id"] for r in data["records"]}), len(data["records"]))
        self.assertEqual({r["document"] for r in data["records"]}, {"a.txt", "b.txt"})

    def test_a_broken_file_raises_with_its_place(self):
        with tempfile.TemporaryDirectory() as tmp:
            article = Path(tmp) / "x.txt"
            article.write_text(TEXT_B, encoding="utf-8")
            broken = Path(tmp) / "x.txt.hashiya.ron"
            broken.write_text("(version: 1,\n  nonsense", encoding="utf-8")
            with self.assertRaises(hashiya.HashiyaError) as caught:
                hashiya.load(article)
            err = caught.exception
            self.assertTrue(err.file.endswith("x.txt.hashiya.ron"), err.file)
            self.assertEqual(err.line, 2)
            self.assertIsNotNone(err.column)
            self.assertIn(f"{err.file}:2:{err.column}", str(err))

    def test_a_missing_article_raises(self):
        with self.assertRaises(hashiya.HashiyaError) as caught:
            hashiya.load(self.corpus / "nothing-here.txt")
        self.assertIn("nothing-here.txt", str(caught.exception))

    def test_version_is_the_package_version(self):
        out = hashiya.version()
        self.assertRegex(out, r"^hashiya \d+\.\d+\.\d+ \(")


if __name__ == "__main__":
    unittest.main()
