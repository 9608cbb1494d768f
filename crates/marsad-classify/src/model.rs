//! A binary linear model and its compact file format.
//!
//! File layout (little-endian):
//!
//! | field | type |
//! |---|---|
//! | magic `MRSDCLF1` | 8 bytes |
//! | category name length, then the name (e.g. `ASSAULT`) | u8, UTF-8 |
//! | hash bits | u8 (1..=31) |
//! | decision threshold on the probability | f32 |
//! | bias | f32 |
//! | weight scale (weight = scale × quantised value) | f32 |
//! | number of non-zero weights | u32 |
//! | per weight: bucket gap from the previous one (LEB128), quantised value | varint, i8 |
//!
//! Weights are quantised to i8 (scale = max |w| / 127) and only non-zero ones are stored, so a model
//! over 2^18 buckets takes a few hundred kilobytes.

use crate::features::{SparseVec, featurize};
use marsad_model::Category;
use thiserror::Error;

const MAGIC: &[u8; 8] = b"MRSDCLF1";

/// Why a model file could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum ModelError {
    /// The file does not start with the model magic.
    #[error("not a Marsad classifier model (bad magic)")]
    BadMagic,
    /// The file ends inside a field.
    #[error("model file truncated")]
    Truncated,
    /// A field holds an impossible value.
    #[error("invalid model field: {0}")]
    Invalid(String),
}

/// A logistic-regression model over hashed features.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The category this model detects.
    pub category: Category,
    /// Features are hashed into `2^bits` buckets.
    pub bits: u8,
    /// Probability at or above which a sentence counts as reporting the category.
    pub threshold: f32,
    /// Bias term.
    pub bias: f32,
    /// Dense weights, one per bucket.
    pub weights: Vec<f32>,
}

impl Model {
    /// The raw score (log-odds) of a feature vector.
    pub fn margin(&self, x: &SparseVec) -> f32 {
        x.iter().fold(self.bias, |acc, &(i, v)| {
            acc + self.weights.get(i as usize).copied().unwrap_or(0.0) * v
        })
    }

    /// The probability that `text` reports this model's category.
    pub fn probability(&self, text: &str) -> f32 {
        sigmoid(self.margin(&featurize(text, self.bits)))
    }

    /// This model with weights rounded to what the file format stores (i8 times a scale).
    pub fn quantised(&self) -> Model {
        let scale = quant_scale(&self.weights);
        let weights = self
            .weights
            .iter()
            .map(|&w| f32::from(quantise(w, scale)) * scale)
            .collect();
        Model {
            weights,
            ..self.clone()
        }
    }

    /// Serialises the model (weights quantised; see the module docs).
    pub fn to_bytes(&self) -> Vec<u8> {
        let scale = quant_scale(&self.weights);
        let name = self.category.as_str().as_bytes();
        let mut out = Vec::with_capacity(64 + self.weights.len() / 2);
        out.extend_from_slice(MAGIC);
        out.push(u8::try_from(name.len()).unwrap_or(u8::MAX));
        out.extend_from_slice(name);
        out.push(self.bits);
        for f in [self.threshold, self.bias, scale] {
            out.extend_from_slice(&f.to_le_bytes());
        }
        let nonzero: Vec<(usize, i8)> = self
            .weights
            .iter()
            .enumerate()
            .map(|(i, &w)| (i, quantise(w, scale)))
            .filter(|&(_, q)| q != 0)
            .collect();
        let count = u32::try_from(nonzero.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&count.to_le_bytes());
        let mut prev = 0usize;
        for (i, q) in nonzero {
            write_varint(&mut out, (i - prev) as u64);
            out.push(q.to_le_bytes()[0]);
            prev = i;
        }
        out
    }

    /// Parses a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let name_len = usize::from(r.byte()?);
        let name = std::str::from_utf8(r.take(name_len)?)
            .map_err(|_| ModelError::Invalid("category name is not UTF-8".into()))?;
        let category: Category = name.parse().map_err(ModelError::Invalid)?;
        let bits = r.byte()?;
        if !(1..=31).contains(&bits) {
            return Err(ModelError::Invalid(format!("hash bits {bits}")));
        }
        let (threshold, bias, scale) = (r.f32()?, r.f32()?, r.f32()?);
        if ![threshold, bias, scale].iter().all(|f| f.is_finite()) {
            return Err(ModelError::Invalid("non-finite header value".into()));
        }
        let count = r.u32()?;
        let mut weights = vec![0.0f32; 1usize << bits];
        let mut idx = 0u64;
        for _ in 0..count {
            idx = idx.saturating_add(r.varint()?);
            let q = i8::from_le_bytes([r.byte()?]);
            let slot = usize::try_from(idx)
                .ok()
                .and_then(|i| weights.get_mut(i))
                .ok_or_else(|| ModelError::Invalid(format!("bucket {idx} out of range")))?;
            *slot = f32::from(q) * scale;
        }
        if r.pos != bytes.len() {
            return Err(ModelError::Invalid("trailing bytes".into()));
        }
        Ok(Model {
            category,
            bits,
            threshold,
            bias,
            weights,
        })
    }
}

/// The logistic function.
pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

fn quant_scale(weights: &[f32]) -> f32 {
    let max = weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
    if max > 0.0 { max / 127.0 } else { 1.0 }
}

fn quantise(w: f32, scale: f32) -> i8 {
    // Clamped to the i8 range first, so the cast cannot wrap.
    (w / scale).round().clamp(-127.0, 127.0) as i8
}

fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }

    fn byte(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn array4(&mut self) -> Result<[u8; 4], ModelError> {
        let s = self.take(4)?;
        Ok([s[0], s[1], s[2], s[3]])
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.array4()?))
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array4()?))
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Invalid("varint too long".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Model {
        let mut weights = vec![0.0; 1 << 10];
        weights[3] = 1.5;
        weights[700] = -0.25;
        weights[1023] = 0.01;
        Model {
            category: Category::Protest,
            bits: 10,
            threshold: 0.4,
            bias: -1.0,
            weights,
        }
    }

    #[test]
    fn round_trip_equals_quantised_model() {
        let m = sample();
        let back = Model::from_bytes(&m.to_bytes()).expect("own bytes parse");
        assert_eq!(back, m.quantised());
        assert!((back.weights[700] + 0.25).abs() < 0.02);
    }

    #[test]
    fn corrupt_files_are_errors_not_panics() {
        let bytes = sample().to_bytes();
        assert_eq!(Model::from_bytes(b"nonsense"), Err(ModelError::BadMagic));
        for cut in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..cut]).is_err());
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Model::from_bytes(&extra).is_err());
    }
}
