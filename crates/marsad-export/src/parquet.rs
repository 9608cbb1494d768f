//! `parquet`: the columns of the flat CSV in a Parquet file (strings, with `lat`, `lon` and `confidence`
//! as doubles), written with the `arrow` and `parquet` crates.

use crate::ExportError;
use crate::common::Row;
use crate::flat::{FLOAT_COLUMNS, HEADER, record};
use arrow::array::{ArrayRef, Float64Array, StringArray};
use arrow::datatypes::{DataType, Field, Schema};
use arrow::record_batch::RecordBatch;
use std::sync::Arc;

/// Writes every row as one record batch.
pub fn write(rows: &[Row<'_>], out: impl std::io::Write + Send) -> Result<(), ExportError> {
    let records: Vec<Vec<String>> = rows.iter().map(record).collect();
    let mut fields = Vec::with_capacity(HEADER.len());
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(HEADER.len());
    for (i, name) in HEADER.iter().enumerate() {
        let values = records
            .iter()
            .map(|r| r.get(i).map(String::as_str).unwrap_or_default());
        if FLOAT_COLUMNS.contains(&i) {
            fields.push(Field::new(*name, DataType::Float64, true));
            let parsed: Float64Array = values.map(|v| v.parse::<f64>().ok()).collect();
            columns.push(Arc::new(parsed));
        } else {
            fields.push(Field::new(*name, DataType::Utf8, true));
            let strings: StringArray = values.map(|v| (!v.is_empty()).then_some(v)).collect();
            columns.push(Arc::new(strings));
        }
    }
    let schema = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), columns)?;
    let mut writer = parquet::arrow::ArrowWriter::try_new(out, schema, None)?;
    writer.write(&batch)?;
    writer.close()?;
    Ok(())
}
