//! A Python string's code points where they lie, and sets of code points as bitmaps.

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// The code points of a Python string, read in place (the string's own 1, 2 or 4-byte units).
pub(crate) enum CodeUnits<'a> {
    One(&'a [u8]),
    Two(&'a [u16]),
    Four(&'a [u32]),
}

pub(crate) fn code_units<'a>(text: &'a Bound<'_, PyString>) -> PyResult<CodeUnits<'a>> {
    let ptr = text.as_ptr();
    // SAFETY: `ptr` is a str object kept alive by `text` for 'a (the GIL is held);
    // PyUnicode_GetLength makes a legacy string ready before its data is read.
    unsafe {
        let length = ffi::PyUnicode_GetLength(ptr);
        if length < 0 {
            return Err(PyErr::fetch(text.py()));
        }
        let (data, length) = (ffi::PyUnicode_DATA(ptr), length as usize);
        Ok(match ffi::PyUnicode_KIND(ptr) {
            1 => CodeUnits::One(std::slice::from_raw_parts(data as *const u8, length)),
            2 => CodeUnits::Two(std::slice::from_raw_parts(data as *const u16, length)),
            _ => CodeUnits::Four(std::slice::from_raw_parts(data as *const u32, length)),
        })
    }
}

pub(crate) fn code_points(text: &Bound<'_, PyString>) -> PyResult<Vec<u32>> {
    Ok(match code_units(text)? {
        CodeUnits::One(units) => units.iter().map(|&u| u as u32).collect(),
        CodeUnits::Two(units) => units.iter().map(|&u| u as u32).collect(),
        CodeUnits::Four(units) => units.to_vec(),
    })
}

/// A set of code points: a bitmap (bit `c % 8` of byte `c / 8`), with a table of the
/// first 256 for the common case.
pub(crate) struct CharClass<'a> {
    bitmap: &'a [u8],
    latin: [bool; 256],
}

impl<'a> CharClass<'a> {
    pub(crate) fn new(bitmap: &'a [u8]) -> Self {
        let mut latin = [false; 256];
        for (c, slot) in latin.iter_mut().enumerate() {
            *slot = bitmap
                .get(c >> 3)
                .is_some_and(|byte| byte >> (c & 7) & 1 == 1);
        }
        Self { bitmap, latin }
    }

    #[inline]
    pub(crate) fn holds(&self, c: u32) -> bool {
        let i = c as usize;
        if i < 256 {
            self.latin[i]
        } else {
            self.bitmap
                .get(i >> 3)
                .is_some_and(|byte| byte >> (i & 7) & 1 == 1)
        }
    }
}
