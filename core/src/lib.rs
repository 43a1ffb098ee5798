//! transcheck's compiled core: the parts of a check that Python does slowly, each with the
//! same results as the Python code it stands in for (`src/transcheck`, which keeps that code
//! for an install without this module).

mod narrow;
mod perceptron;
mod text;
mod tokens;

use aho_corasick::{AhoCorasick, MatchKind};
use pyo3::exceptions::PyValueError;
use pyo3::buffer::PyBuffer;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rustc_hash::FxHashSet;

use text::{code_points, code_units, CharClass, CodeUnits};

/// The words sought, with a cheap test that rules out most runs before a lookup: a bitmap
/// of the words' (first code point, last code point, length) hashed to `FILTER_BITS`.
struct Words {
    set: FxHashSet<Box<[u32]>>,
    filter: Vec<u64>,
}

const FILTER_BITS: usize = 1 << 16;

#[inline]
fn filter_slot(first: u32, last: u32, length: usize) -> usize {
    let mixed = (first as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (last as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
        ^ length as u64;
    (mixed.wrapping_mul(0x1656_67B1_9E37_79F9) >> 48) as usize % FILTER_BITS
}

impl Words {
    fn new(words: Vec<Vec<u32>>) -> Self {
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for word in words.iter().filter(|w| !w.is_empty()) {
            let slot = filter_slot(word[0], word[word.len() - 1], word.len());
            filter[slot / 64] |= 1 << (slot % 64);
        }
        let set = words.into_iter().map(Vec::into_boxed_slice).collect();
        Self { set, filter }
    }

    #[inline]
    fn may_hold(&self, first: u32, last: u32, length: usize) -> bool {
        let slot = filter_slot(first, last, length);
        self.filter[slot / 64] >> (slot % 64) & 1 == 1
    }
}

const STRETCH: usize = 1 << 16; // units scanned at a time (the run edges' buffer stays small)

/// (start, end) of each maximal run of `word` characters in `units` that is one of `words`,
/// in order. A stretch at a time, the runs' edges are found first without a branch per
/// unit (word and non-word characters alternate too often to predict); a run is then looked
/// up only when its length and first code point may be a word's.
fn whole_words_in<T: Copy + Into<u32>>(
    units: &[T],
    words: &Words,
    word: &CharClass,
) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut run: Vec<u32> = Vec::new();
    let mut edges: Vec<usize> = Vec::new();
    let mut begin = 0;
    while begin < units.len() {
        let mut end = (begin + STRETCH).min(units.len());
        while end < units.len() && word.holds(units[end].into()) {
            end += 1; // a stretch ends after a run, never inside one
        }
        edges.clear();
        edges.resize(end - begin + 1, 0);
        let (mut count, mut inside) = (0, false);
        for (i, &unit) in units[begin..end].iter().enumerate() {
            let is_word = word.holds(unit.into());
            edges[count] = begin + i;
            count += (is_word != inside) as usize;
            inside = is_word;
        }
        edges[count] = end;
        count += inside as usize;
        for pair in edges[..count].chunks_exact(2) {
            let (start, stop) = (pair[0], pair[1]);
            if words.may_hold(units[start].into(), units[stop - 1].into(), stop - start) {
                run.clear();
                run.extend(units[start..stop].iter().map(|&u| u.into()));
                if words.set.contains(run.as_slice()) {
                    found.push((start, stop));
                }
            }
        }
        begin = end;
    }
    found
}

/// Spans of `words` in `text` not inside a longer word, in order: where a maximal run of
/// the code points of the `word_characters` bitmap is one of the words (each made of word
/// characters only, so that an occurrence of one is whole exactly where it is such a run).
#[pyfunction]
fn whole_words(
    text: &Bound<'_, PyString>,
    words: Vec<Bound<'_, PyString>>,
    word_characters: &[u8],
) -> PyResult<Vec<(usize, usize)>> {
    let words = Words::new(words.iter().map(code_points).collect::<PyResult<_>>()?);
    let word = CharClass::new(word_characters);
    Ok(match code_units(text)? {
        CodeUnits::One(units) => whole_words_in(units, &words, &word),
        CodeUnits::Two(units) => whole_words_in(units, &words, &word),
        CodeUnits::Four(units) => whole_words_in(units, &words, &word),
    })
}

/// The trigger literals of the rules' scanners (lower case), each with its index in the
/// trigger index, in one Aho-Corasick automaton searched for every overlapping hit.
#[pyclass(frozen, module = "transcheck_core")]
struct Literals {
    automaton: AhoCorasick,
    indexes: Vec<usize>,
}

#[pymethods]
impl Literals {
    #[new]
    fn new(literals: Vec<String>, indexes: Vec<usize>) -> PyResult<Self> {
        if literals.len() != indexes.len() {
            return Err(PyValueError::new_err("one index per literal"));
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&literals)
            .map_err(|err| PyValueError::new_err(err.to_string()))?;
        Ok(Self { automaton, indexes })
    }

    /// The indexes of the literals that occur in `text`, each once (the search stops when
    /// every literal has been found).
    fn present(&self, text: &Bound<'_, PyString>) -> PyResult<Vec<usize>> {
        let mut seen = vec![false; self.indexes.len()];
        let mut left = seen.len();
        for hit in self.automaton.find_overlapping_iter(text.to_str()?.as_bytes()) {
            let found = &mut seen[hit.pattern().as_usize()];
            if !*found {
                *found = true;
                left -= 1;
                if left == 0 {
                    break;
                }
            }
        }
        Ok(seen.iter().zip(&self.indexes).filter(|(found, _)| **found).map(|(_, &index)| index).collect())
    }

    /// Add the start of every overlapping hit of each literal in `text` (a lower-cased
    /// stretch of the document starting at code point `base`) to `hits`, in order.
    fn search(
        &self,
        text: &Bound<'_, PyString>,
        base: usize,
        mut hits: PyRefMut<'_, LiteralHits>,
    ) -> PyResult<()> {
        let bytes = text.to_str()?.as_bytes();
        let ascii = bytes.is_ascii();
        let mut cursor = (0, 0); // a byte offset and its code-point offset
        for hit in self.automaton.find_overlapping_iter(bytes) {
            let start = if ascii {
                hit.start()
            } else {
                code_point_offset(bytes, &mut cursor, hit.start())
            };
            let index = self.indexes[hit.pattern().as_usize()];
            hits.add(index, base + start)?;
        }
        Ok(())
    }
}

/// The code-point offset of byte offset `at` of UTF-8 `bytes`, counted from `cursor` (the
/// last offset asked for and its code-point offset), which then moves to `at`: hits come
/// in the order of their ends, so their starts are near each other.
fn code_point_offset(bytes: &[u8], cursor: &mut (usize, usize), at: usize) -> usize {
    let leading = |range: &[u8]| range.iter().filter(|&&b| (b as i8) >= -0x40).count(); // not 0b10xxxxxx
    let (byte, point) = *cursor;
    let found = if at >= byte {
        point + leading(&bytes[byte..at])
    } else {
        point - leading(&bytes[at..byte])
    };
    *cursor = (at, found);
    found
}

/// One document's trigger hits: the sorted starts of each literal (by its index).
#[pyclass(module = "transcheck_core")]
struct LiteralHits {
    starts: Vec<Vec<u32>>,
}

impl LiteralHits {
    fn add(&mut self, index: usize, start: usize) -> PyResult<()> {
        let start =
            u32::try_from(start).map_err(|_| PyValueError::new_err("offset beyond 32 bits"))?;
        let starts = self
            .starts
            .get_mut(index)
            .ok_or_else(|| PyValueError::new_err("literal index out of range"))?;
        starts.push(start);
        Ok(())
    }
}

#[pymethods]
impl LiteralHits {
    /// Room for the hits of `count` literals.
    #[new]
    fn new(count: usize) -> Self {
        Self {
            starts: vec![Vec::new(); count],
        }
    }

    /// The indexes of the literals that occur.
    fn found(&self) -> Vec<usize> {
        (0..self.starts.len())
            .filter(|&i| !self.starts[i].is_empty())
            .collect()
    }

    /// The sorted starts of `literals` together (an offset where two of them start comes
    /// twice), as 4-byte integers in the machine's order; None when none of them occurs.
    fn starts_of<'py>(&self, py: Python<'py>, literals: Vec<usize>) -> Option<Bound<'py, PyBytes>> {
        let lists: Vec<&Vec<u32>> = literals
            .iter()
            .filter_map(|&i| self.starts.get(i))
            .filter(|s| !s.is_empty())
            .collect();
        let merged = match lists.as_slice() {
            [] => return None,
            [only] => (*only).clone(),
            _ => {
                let mut all: Vec<u32> = lists.iter().flat_map(|s| s.iter().copied()).collect();
                all.sort_unstable();
                all
            }
        };
        let bytes: Vec<u8> = merged
            .iter()
            .flat_map(|start| start.to_ne_bytes())
            .collect();
        Some(PyBytes::new(py, &bytes))
    }
}

/// The merged windows of the sorted `offsets`: each the passage (or line, with `lines`) that
/// holds it, looked up in the sorted passage `starts` (the text's length ends the last).
/// None when an offset needs the sentences around it instead (its passage is `long` or
/// more, or, between passages, it falls on a line break): `passages.windows` then does it.
#[pyfunction]
fn windows(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    offsets: PyBuffer<u32>,
    starts: PyBuffer<u32>,
    lines: bool,
    long: usize,
) -> PyResult<Option<Vec<(usize, usize)>>> {
    let units = code_units(text)?;
    let length = match &units {
        CodeUnits::One(u) => u.len(),
        CodeUnits::Two(u) => u.len(),
        CodeUnits::Four(u) => u.len(),
    };
    let is_break = |i: usize| match &units {
        CodeUnits::One(u) => u[i] == b'\n',
        CodeUnits::Two(u) => u[i] == 10,
        CodeUnits::Four(u) => u[i] == 10,
    };
    let (offsets, starts) = (offsets.as_slice(py), starts.as_slice(py));
    let (Some(offsets), Some(starts)) = (offsets, starts) else {
        return Err(PyValueError::new_err("offsets and starts must be contiguous 4-byte integers"));
    };
    let mut found = Vec::new();
    let (mut begin, mut end): (usize, Option<usize>) = (0, None);
    for offset in offsets.iter().map(|cell| cell.get() as usize) {
        if end.is_some_and(|end| offset < end) {
            continue;
        }
        if offset >= length {
            return Err(PyValueError::new_err("an offset beyond the text"));
        }
        let k = starts.partition_point(|start| start.get() as usize <= offset);
        let start = starts[k.saturating_sub(1)].get() as usize;
        let stop = starts.get(k).map_or(length, |next| next.get() as usize);
        if stop - start >= long.saturating_sub(2) || !lines && is_break(offset) {
            return Ok(None);
        }
        match end {
            Some(previous) if start <= previous => {}
            Some(previous) => {
                found.push((begin, previous));
                begin = start;
            }
            None => begin = start,
        }
        end = Some(stop);
    }
    if let Some(end) = end {
        found.push((begin, end));
    }
    Ok(Some(found))
}

#[pymodule]
fn transcheck_core(module: &Bound<'_, PyModule>) -> PyResult<()> {
    // What the Python side expects of this module (src/transcheck/native.py): bump it with
    // any change to the functions and classes below, so that a stale build is not used.
    module.add("ABI", 6)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_function(wrap_pyfunction!(whole_words, module)?)?;
    module.add_function(wrap_pyfunction!(windows, module)?)?;
    module.add_function(wrap_pyfunction!(tokens::tokens, module)?)?;
    module.add_function(wrap_pyfunction!(narrow::narrow, module)?)?;
    module.add_class::<Literals>()?;
    module.add_class::<LiteralHits>()?;
    module.add_class::<perceptron::Perceptron>()?;
    Ok(())
}
