//! The tagger's treebank-style tokens (`transcheck.tagger.TOKEN`, which this stands in for):
//! the regex's eight alternatives tried in its order at each position, as `finditer` does.
//!
//! Python's own character classes come in as bitmaps built from its `re` module (`\w`,
//! `\d`, `\s`, `[^\W\d_]` and the case-insensitive `[a-z]`, which also takes `ſ`, `ı`, `İ`
//! and the Kelvin sign), so a character is in a class exactly when the regex says so.

use pyo3::exceptions::PyValueError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use crate::text::{code_units, CharClass, CodeUnits};

const APOSTROPHES: [u32; 2] = ['\'' as u32, '’' as u32];
const CLITICS: [&str; 6] = ["s", "re", "ve", "ll", "d", "m"];

/// Python's classes the pattern uses.
struct Classes<'a> {
    word: CharClass<'a>,    // \w
    digit: CharClass<'a>,   // \d
    space: CharClass<'a>,   // \s
    letter: CharClass<'a>,  // [^\W\d_]
    folded_a_to_z: CharClass<'a>, // (?i:[a-z])
}

/// The units of one search: `finditer(text, pos, endpos)` sees no unit at or past `end`.
struct Search<'a, T> {
    units: &'a [T],
    end: usize,
    classes: &'a Classes<'a>,
}

impl<T: Copy + Into<u32>> Search<'_, T> {
    #[inline]
    fn at(&self, i: usize) -> Option<u32> {
        (i < self.end).then(|| self.units[i].into())
    }

    #[inline]
    fn is(&self, i: usize, class: &CharClass) -> bool {
        self.at(i).is_some_and(|c| class.holds(c))
    }

    #[inline]
    fn is_char(&self, i: usize, ch: char) -> bool {
        self.at(i) == Some(ch as u32)
    }

    fn is_apostrophe(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| APOSTROPHES.contains(&c))
    }

    /// `\b` at `i` (the unit before it is read even before `pos`, as the regex does).
    fn boundary(&self, i: usize) -> bool {
        let before = i > 0 && self.classes.word.holds(self.units[i - 1].into());
        before != self.is(i, &self.classes.word)
    }

    fn run(&self, mut i: usize, class: &CharClass) -> usize {
        while self.is(i, class) {
            i += 1;
        }
        i
    }

    /// The end of the token starting at `i`, if one does.
    fn token_at(&self, i: usize) -> Option<usize> {
        let c = &self.classes;
        // (?i:[a-z]+(?=n[’']t\b)): the letters before n't, any case (its n is the run's last letter)
        if self.is(i, &c.folded_a_to_z) {
            let k = self.run(i, &c.folded_a_to_z);
            let (n, t) = (self.is_char(k - 1, 'n') || self.is_char(k - 1, 'N'), self.is_char(k + 1, 't') || self.is_char(k + 1, 'T'));
            if k - 1 > i && n && self.is_apostrophe(k) && t && self.boundary(k + 2) {
                return Some(k - 1);
            }
        }
        // n[’']t\b
        if self.is_char(i, 'n') && self.is_apostrophe(i + 1) && self.is_char(i + 2, 't') && self.boundary(i + 3) {
            return Some(i + 3);
        }
        // [’'](?:s|re|ve|ll|d|m)\b
        if self.is_apostrophe(i) {
            for clitic in CLITICS {
                let n = clitic.len();
                if clitic.chars().enumerate().all(|(k, ch)| self.is_char(i + 1 + k, ch)) && self.boundary(i + 1 + n) {
                    return Some(i + 1 + n);
                }
            }
        }
        if self.is(i, &c.digit) {
            // \d{1,2}\.(?=\s[A-ZÄÖÜ][a-zäöü]): a German ordinal
            let dot = if self.is(i + 1, &c.digit) { i + 2 } else { i + 1 };
            if self.is_char(dot, '.') && self.is(dot + 1, &c.space) && self.is_upper_de(dot + 2) && self.is_lower_de(dot + 3) {
                return Some(dot + 1);
            }
            // \d+(?:[.,:]\d+)*
            let mut k = self.run(i, &c.digit);
            while self.at(k).is_some_and(|ch| matches!(char::from_u32(ch), Some('.' | ',' | ':'))) && self.is(k + 1, &c.digit) {
                k = self.run(k + 1, &c.digit);
            }
            return Some(k);
        }
        // (?:[^\W\d_]\.){2,}
        let mut k = i;
        while self.is(k, &c.letter) && self.is_char(k + 1, '.') {
            k += 2;
        }
        if k - i >= 4 {
            return Some(k);
        }
        // [\w]+(?:[-’'][\w]+)*
        if self.is(i, &c.word) {
            let mut k = self.run(i, &c.word);
            while (self.is_char(k, '-') || self.is_apostrophe(k)) && self.is(k + 1, &c.word) {
                k = self.run(k + 1, &c.word);
            }
            return Some(k);
        }
        // [^\w\s]
        self.at(i).filter(|&ch| !c.space.holds(ch)).map(|_| i + 1)
    }

    fn is_upper_de(&self, i: usize) -> bool {
        self.at(i).and_then(char::from_u32).is_some_and(|ch| ch.is_ascii_uppercase() || "ÄÖÜ".contains(ch))
    }

    fn is_lower_de(&self, i: usize) -> bool {
        self.at(i).and_then(char::from_u32).is_some_and(|ch| ch.is_ascii_lowercase() || "äöü".contains(ch))
    }

    fn tokens(&self, start: usize) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut i = start;
        while i < self.end {
            match self.token_at(i) {
                Some(end) => {
                    found.push((i, end));
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }
}

fn spans_of<T: Copy + Into<u32>>(units: &[T], spans: &[(usize, usize)], classes: &Classes) -> Vec<Vec<(usize, usize)>> {
    spans
        .iter()
        .map(|&(start, end)| Search { units, end, classes }.tokens(start))
        .collect()
}

/// The interned substring `text[start:end]`, as `sys.intern(m.group())` gives it.
fn interned<'py>(text: &Bound<'py, PyString>, start: usize, end: usize) -> PyResult<Bound<'py, PyAny>> {
    let py = text.py();
    // SAFETY: `text` is a live str (GIL held) and 0 <= start <= end <= len(text) (checked by
    // the caller); PyUnicode_Substring returns a new reference or NULL with an exception set,
    // and PyUnicode_InternInPlace takes that reference and may replace it with the interned one.
    unsafe {
        let mut piece = ffi::PyUnicode_Substring(text.as_ptr(), start as ffi::Py_ssize_t, end as ffi::Py_ssize_t);
        if piece.is_null() {
            return Err(PyErr::fetch(py));
        }
        ffi::PyUnicode_InternInPlace(&mut piece);
        Ok(Bound::from_owned_ptr(py, piece))
    }
}

/// For each (start, end) of `spans`, the (start, end, word) of each token of `text[start:end]`,
/// as `[(m.start(), m.end(), sys.intern(m.group())) for m in TOKEN.finditer(text, start, end)]`.
/// The bitmaps are Python's `\w`, `\d`, `\s`, `[^\W\d_]` and `(?i:[a-z])`.
#[pyfunction]
pub fn tokens<'py>(
    text: &Bound<'py, PyString>,
    spans: Vec<(usize, usize)>,
    word: &[u8],
    digit: &[u8],
    space: &[u8],
    letter: &[u8],
    folded_a_to_z: &[u8],
) -> PyResult<Bound<'py, PyList>> {
    let py = text.py();
    let units = code_units(text)?;
    let length = match &units {
        CodeUnits::One(u) => u.len(),
        CodeUnits::Two(u) => u.len(),
        CodeUnits::Four(u) => u.len(),
    };
    if spans.iter().any(|&(start, end)| start > end || end > length) {
        return Err(PyValueError::new_err("a span outside the text"));
    }
    let classes = Classes {
        word: CharClass::new(word),
        digit: CharClass::new(digit),
        space: CharClass::new(space),
        letter: CharClass::new(letter),
        folded_a_to_z: CharClass::new(folded_a_to_z),
    };
    let found = match units {
        CodeUnits::One(u) => spans_of(u, &spans, &classes),
        CodeUnits::Two(u) => spans_of(u, &spans, &classes),
        CodeUnits::Four(u) => spans_of(u, &spans, &classes),
    };
    let sentences = PyList::empty(py);
    for sentence in found {
        let tokens = PyList::empty(py);
        for (start, end) in sentence {
            tokens.append(PyTuple::new(py, [start.into_pyobject(py)?.into_any(), end.into_pyobject(py)?.into_any(), interned(text, start, end)?])?)?;
        }
        sentences.append(tokens)?;
    }
    Ok(sentences)
}
