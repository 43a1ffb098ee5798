//! The part-of-speech tagger's predictions: NLTK's averaged perceptron over transcheck's
//! weight layout (`transcheck.tagger.Model.tag_many`, which it stands in for).
//!
//! The weights are a matrix of int16 thousandths, one row a feature, one column a tag, the
//! unknown features' row last. A word's 14 feature rows are summed in NLTK's order, each
//! weight divided by 1000 as float64 before it is added, so every sum and every tie is the
//! Python code's. A feature's row is looked up once (by the Python callable given, the
//! model's trie) and remembered for each word, normalised word and tag pair.

use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use rustc_hash::FxHashMap;

const SCALE: f64 = 1000.0;
const START: &str = "-START-";
const START2: &str = "-START2-";
const END: &str = "-END-";
const END2: &str = "-END2-";

/// What is remembered of a word as written.
#[derive(Clone, Copy)]
struct Word {
    tag: Option<u16>, // the tag dictionary's tag
    context: u32,     // its normalised form's index in `contexts`
    suffix: u32,      // the rows of `i suffix` and `i pref1`
    pref1: u32,
}

#[pyclass(module = "transcheck_core")]
pub struct Perceptron {
    tag_names: Vec<String>, // the classes, then the start markers (which are no class)
    classes: Vec<Py<PyString>>,
    tagdict: FxHashMap<String, u16>,
    weights: PyBuffer<i16>,
    row_of: Py<PyAny>,
    normalize: Py<PyAny>,
    unknown: usize,
    bias: u32,
    words: FxHashMap<String, Word>,
    context_ids: FxHashMap<String, u32>,
    contexts: Vec<[u32; 7]>, // i word, i-1 word, i-1 suffix, i-2 word, i+1 word, i+1 suffix, i+2 word
    context_names: Vec<String>, // the normalised words, by index
    tag_pairs: FxHashMap<(u16, u16), [u32; 3]>,
    tag_words: FxHashMap<(u16, u32), u32>,
}

fn last_chars(text: &str, count: usize) -> &str {
    match text.char_indices().rev().nth(count - 1) {
        Some((at, _)) => &text[at..],
        None => text,
    }
}

fn first_char(text: &str) -> &str {
    text.chars().next().map_or("", |c| &text[..c.len_utf8()])
}

impl Perceptron {
    fn row(&self, py: Python<'_>, feature: &str) -> PyResult<u32> {
        let row: usize = self.row_of.call1(py, (feature, self.unknown))?.extract(py)?;
        if row > self.unknown {
            return Err(PyValueError::new_err("a feature row outside the weights"));
        }
        Ok(row as u32)
    }

    fn context(&mut self, py: Python<'_>, normal: &str) -> PyResult<u32> {
        if let Some(&id) = self.context_ids.get(normal) {
            return Ok(id);
        }
        let suffix = last_chars(normal, 3);
        let rows = [
            self.row(py, &format!("i word {normal}"))?,
            self.row(py, &format!("i-1 word {normal}"))?,
            self.row(py, &format!("i-1 suffix {suffix}"))?,
            self.row(py, &format!("i-2 word {normal}"))?,
            self.row(py, &format!("i+1 word {normal}"))?,
            self.row(py, &format!("i+1 suffix {suffix}"))?,
            self.row(py, &format!("i+2 word {normal}"))?,
        ];
        let id = self.contexts.len() as u32;
        self.contexts.push(rows);
        self.context_names.push(normal.to_owned());
        self.context_ids.insert(normal.to_owned(), id);
        Ok(id)
    }

    fn word(&mut self, word: &Bound<'_, PyString>) -> PyResult<Word> {
        let text = word.to_str()?;
        if let Some(&found) = self.words.get(text) {
            return Ok(found);
        }
        let py = word.py();
        let normal = self.normalize.call1(py, (word,))?;
        let context = self.context(py, normal.bind(py).cast::<PyString>()?.to_str()?)?;
        let found = Word {
            tag: self.tagdict.get(text).copied(),
            context,
            suffix: self.row(py, &format!("i suffix {}", last_chars(text, 3)))?,
            pref1: self.row(py, &format!("i pref1 {}", first_char(text)))?,
        };
        self.words.insert(text.to_owned(), found);
        Ok(found)
    }

    fn tag_pair(&mut self, py: Python<'_>, prev: u16, prev2: u16) -> PyResult<[u32; 3]> {
        if let Some(&found) = self.tag_pairs.get(&(prev, prev2)) {
            return Ok(found);
        }
        let (one, two) = (&self.tag_names[prev as usize], &self.tag_names[prev2 as usize]);
        let found = [
            self.row(py, &format!("i-1 tag {one}"))?,
            self.row(py, &format!("i-2 tag {two}"))?,
            self.row(py, &format!("i tag+i-2 tag {one} {two}"))?,
        ];
        self.tag_pairs.insert((prev, prev2), found);
        Ok(found)
    }

    fn tag_word(&mut self, py: Python<'_>, prev: u16, context: u32) -> PyResult<u32> {
        if let Some(&found) = self.tag_words.get(&(prev, context)) {
            return Ok(found);
        }
        let (tag, normal) = (&self.tag_names[prev as usize], &self.context_names[context as usize]);
        let found = self.row(py, &format!("i-1 tag+i word {tag} {normal}"))?;
        self.tag_words.insert((prev, context), found);
        Ok(found)
    }

    /// The class whose weights over `rows` sum highest (ties: the last).
    fn best(&self, rows: &[u32; 14], totals: &mut [f64]) -> u16 {
        // SAFETY: the buffer is C-contiguous int16 of (unknown + 1) × classes items (checked
        // in `new`), every row is at most `unknown`, and it is held (not released) by `self`.
        let weights = unsafe {
            std::slice::from_raw_parts(self.weights.buf_ptr() as *const i16, self.weights.item_count())
        };
        let width = totals.len();
        totals.fill(0.0);
        for &row in rows {
            let start = row as usize * width;
            for (total, &weight) in totals.iter_mut().zip(&weights[start..start + width]) {
                *total += weight as f64 / SCALE;
            }
        }
        let (mut best, mut top) = (0, f64::NEG_INFINITY);
        for (class, &total) in totals.iter().enumerate() {
            if total >= top {
                (best, top) = (class, total);
            }
        }
        best as u16
    }

    fn tag_sentence(&mut self, py: Python<'_>, words: &[Bound<'_, PyString>]) -> PyResult<Vec<u16>> {
        let found = words.iter().map(|w| self.word(w)).collect::<PyResult<Vec<Word>>>()?;
        let edge = |me: &mut Self, marker: &str| me.context(py, marker);
        let mut near = vec![edge(self, START)?, edge(self, START2)?];
        near.extend(found.iter().map(|w| w.context));
        near.push(edge(self, END)?);
        near.push(edge(self, END2)?);
        let (start, start2) = (self.classes.len() as u16, self.classes.len() as u16 + 1);
        let (mut prev, mut prev2) = (start, start2);
        let mut totals = vec![0.0; self.classes.len()];
        let mut tags = Vec::with_capacity(words.len());
        for (i, word) in found.iter().enumerate() {
            let tag = match word.tag {
                Some(tag) => tag,
                None => {
                    let j = i + 2;
                    let pair = self.tag_pair(py, prev, prev2)?;
                    let tag_word = self.tag_word(py, prev, near[j])?;
                    let c = &self.contexts;
                    let rows = [
                        self.bias, word.suffix, word.pref1, pair[0], pair[1], pair[2], c[near[j] as usize][0],
                        tag_word, c[near[j - 1] as usize][1], c[near[j - 1] as usize][2], c[near[j - 2] as usize][3],
                        c[near[j + 1] as usize][4], c[near[j + 1] as usize][5], c[near[j + 2] as usize][6],
                    ];
                    self.best(&rows, &mut totals)
                }
            };
            tags.push(tag);
            (prev2, prev) = (prev, tag);
        }
        Ok(tags)
    }

}

#[pymethods]
impl Perceptron {
    /// `tagdict` word → tag, `classes` the tags in column order, `weights` the int16
    /// matrix flat, `row_of(feature, unknown)` a feature's row, `unknown` the last row's
    /// index, `normalize` NLTK's word normalisation.
    #[new]
    fn new(
        tagdict: &Bound<'_, PyDict>,
        classes: Vec<Bound<'_, PyString>>,
        weights: &Bound<'_, PyAny>,
        row_of: Py<PyAny>,
        unknown: usize,
        normalize: Py<PyAny>,
    ) -> PyResult<Self> {
        let py = tagdict.py();
        let weights = PyBuffer::<i16>::get(weights)?;
        if !weights.is_c_contiguous() || weights.item_count() != (unknown + 1) * classes.len() {
            return Err(PyValueError::new_err("the tagger's weights do not match its features and tags"));
        }
        if classes.is_empty() || classes.len() > u16::MAX as usize - 2 {
            return Err(PyValueError::new_err("the tagger's tags are not 1 to 65,533"));
        }
        let mut tag_names = classes.iter().map(|c| Ok(c.to_str()?.to_owned())).collect::<PyResult<Vec<String>>>()?;
        let mut map = FxHashMap::default();
        for (word, tag) in tagdict.iter() {
            let tag = tag.cast::<PyString>()?.to_str()?.to_owned();
            let Some(index) = tag_names.iter().position(|t| *t == tag) else {
                return Err(PyValueError::new_err(format!("the tag dictionary's tag {tag} is no class")));
            };
            map.insert(word.cast::<PyString>()?.to_str()?.to_owned(), index as u16);
        }
        tag_names.push(START.to_owned());
        tag_names.push(START2.to_owned());
        let mut made = Self {
            tag_names,
            classes: classes.into_iter().map(Bound::unbind).collect(),
            tagdict: map,
            weights,
            row_of,
            normalize,
            unknown,
            bias: 0,
            words: FxHashMap::default(),
            context_ids: FxHashMap::default(),
            contexts: Vec::new(),
            context_names: Vec::new(),
            tag_pairs: FxHashMap::default(),
            tag_words: FxHashMap::default(),
        };
        made.bias = made.row(py, "bias")?;
        Ok(made)
    }

    /// The tags of each sentence (a list of words), as `Model.tag_many` gives them.
    fn tag_many(&mut self, py: Python<'_>, sentences: Vec<Vec<Bound<'_, PyString>>>) -> PyResult<Vec<Vec<Py<PyString>>>> {
        sentences
            .iter()
            .map(|words| {
                let tags = self.tag_sentence(py, words)?;
                Ok(tags.into_iter().map(|t| self.classes[t as usize].clone_ref(py)).collect())
            })
            .collect()
    }
}
