//! Reading CSV sources the same way in every importer (countries, ports, port names):
//! byte order mark removed, the header read as an ordinary record, every record the same width,
//! and every fault placed at a 1-based line and column.

use std::collections::HashMap;

/// A file an importer refused, placed by the file's name, line and column. Every importer
/// reports this one type, so `import` prints every fault the same way.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{file}:{line}:{column}: {message}")]
    Invalid {
        file: String,
        line: u64,
        column: u64,
        message: String,
    },
}

/// Where in a file a fault is: 1-based line, and 1-based field index as the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spot {
    pub line: u64,
    pub column: u64,
}

/// A fault found while reading a file, not yet tied to the file's name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fault {
    pub spot: Spot,
    pub message: String,
}

impl Fault {
    /// Ties the fault to the file it was found in.
    pub fn in_file(self, file: &str) -> FileError {
        FileError::Invalid {
            file: file.to_owned(),
            line: self.spot.line,
            column: self.spot.column,
            message: self.message,
        }
    }

    /// A fault on a 1-based line, in the field at a 0-based index (shown 1-based).
    pub fn at(line: u64, column: usize, message: impl Into<String>) -> Self {
        Self {
            spot: Spot {
                line,
                column: column as u64 + 1,
            },
            message: message.into(),
        }
    }
}

/// A CSV file being read record by record, with the line each record starts on.
///
/// Lines are counted here from byte offsets rather than taken from the CSV library, whose line
/// numbers fall one short after a CRLF line ending (the index ends its lines with CRLF).
pub(crate) struct CsvFile<'a> {
    bytes: &'a [u8],
    reader: csv::Reader<&'a [u8]>,
    /// A byte offset already counted up to, and the line it is on.
    counted: (usize, u64),
}

impl<'a> CsvFile<'a> {
    /// Opens the file's bytes. The index ships with a byte order mark; it is removed here rather
    /// than trusted to the CSV library, so the first header always reads as printed.
    pub fn new(bytes: &'a [u8]) -> Self {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(false)
            .from_reader(bytes);
        Self {
            bytes,
            reader,
            counted: (0, 1),
        }
    }

    /// Reads the first record as the header (see [`Header::read`]); an empty file is a fault
    /// on line 1.
    pub fn header(
        &mut self,
        record: &mut csv::StringRecord,
        required: &[&str],
        known: &[&str],
    ) -> Result<Header, Fault> {
        let Some(line) = self.next_record(record)? else {
            return Err(Fault::at(1, 0, "the file is empty"));
        };
        Header::read(record, line, required, known)
    }

    /// Reads the next record and the line it starts on; `None` at the end of the file. A CSV
    /// fault (invalid UTF-8, a row of the wrong width) is placed at its line and column.
    pub fn next_record(&mut self, record: &mut csv::StringRecord) -> Result<Option<u64>, Fault> {
        match self.reader.read_record(record) {
            Ok(true) => Ok(Some(self.line_at(record.position()))),
            Ok(false) => Ok(None),
            Err(error) => Err(self.place(&error)),
        }
    }

    /// The line a record starts on, given the library's position of it. The position may point
    /// at the end of the previous line, so line breaks there are skipped first.
    fn line_at(&mut self, position: Option<&csv::Position>) -> u64 {
        let Some(position) = position else {
            return self.counted.1;
        };
        let mut offset = usize::try_from(position.byte()).unwrap_or(usize::MAX);
        while matches!(self.bytes.get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        let (from, line) = self.counted;
        let end = offset.min(self.bytes.len());
        if end < from {
            return line;
        }
        let breaks = self.bytes[from..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.counted = (end, line + breaks as u64);
        self.counted.1
    }

    fn place(&mut self, error: &csv::Error) -> Fault {
        match error.kind() {
            csv::ErrorKind::Utf8 { pos, err } => Fault::at(
                self.line_at(pos.as_ref()),
                err.field(),
                format!("invalid UTF-8 after {} valid bytes", err.valid_up_to()),
            ),
            csv::ErrorKind::UnequalLengths {
                pos,
                expected_len,
                len,
            } => Fault::at(
                self.line_at(pos.as_ref()),
                (*len).min(*expected_len) as usize,
                format!("row has {len} fields, the header has {expected_len}"),
            ),
            _ => Fault::at(self.line_at(error.position()), 0, error.to_string()),
        }
    }
}

/// The columns a file must have, found by name in its header.
pub(crate) struct Header {
    index: HashMap<String, usize>,
}

impl Header {
    /// Checks the header: every required column present once, and no column outside `known`.
    /// Unknown columns are refused so that a changed edition fails loudly, not silently.
    pub fn read(
        record: &csv::StringRecord,
        line: u64,
        required: &[&str],
        known: &[&str],
    ) -> Result<Self, Fault> {
        let mut index = HashMap::new();
        for (column, name) in record.iter().enumerate() {
            if !required.contains(&name) && !known.contains(&name) {
                return Err(Fault::at(
                    line,
                    column,
                    format!("unexpected column {name:?}"),
                ));
            }
            if index.insert(name.to_owned(), column).is_some() {
                return Err(Fault::at(
                    line,
                    column,
                    format!("column {name:?} appears twice"),
                ));
            }
        }
        if let Some(missing) = required.iter().find(|name| !index.contains_key(**name)) {
            return Err(Fault::at(
                line,
                record.len(),
                format!("missing column {missing:?}"),
            ));
        }
        Ok(Self { index })
    }

    /// The 0-based position of a column. A column that is only `known`, not required, may be
    /// absent; its position is past the end of every record, so its cells read as blank.
    pub fn position(&self, name: &str) -> usize {
        self.index.get(name).copied().unwrap_or(usize::MAX)
    }
}

/// A cell's text with the padding removed; `None` when blank. The index writes a single space
/// for an empty cell, so blank means empty after trimming.
pub(crate) fn cell(record: &csv::StringRecord, column: usize) -> Option<&str> {
    record
        .get(column)
        .map(str::trim)
        .filter(|text| !text.is_empty())
}
