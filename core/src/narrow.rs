//! A text narrowed to one byte a character, for Hyperscan (src/transcheck/rules/multiscan.py).

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rustc_hash::FxHashMap;

use crate::text::{code_units, CodeUnits};

/// Each character as one byte: ASCII and Latin-1 as themselves (bar the C1 controls,
/// U+0080 to U+009F), the `specials` as `first_special` and the bytes after it, in order,
/// and every other character as `other` (`Alphabet.narrow`).
#[pyfunction]
pub(crate) fn narrow<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    specials: Vec<u32>,
    first_special: u8,
    other: u8,
) -> PyResult<Bound<'py, PyBytes>> {
    let table: FxHashMap<u32, u8> = specials
        .iter()
        .enumerate()
        .map(|(n, &point)| (point, first_special.wrapping_add(n as u8)))
        .collect();
    let byte = |point: u32| -> u8 {
        if point < 0x80 || (0xA0..=0xFF).contains(&point) {
            point as u8
        } else {
            *table.get(&point).unwrap_or(&other)
        }
    };
    let narrowed: Vec<u8> = match code_units(text)? {
        CodeUnits::One(units) => units.iter().map(|&u| byte(u as u32)).collect(),
        CodeUnits::Two(units) => units.iter().map(|&u| byte(u as u32)).collect(),
        CodeUnits::Four(units) => units.iter().map(|&u| byte(u)).collect(),
    };
    Ok(PyBytes::new(py, &narrowed))
}
