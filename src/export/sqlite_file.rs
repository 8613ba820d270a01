//! An SQLite database file written page by page, without SQLite, for the Anki package's
//! collection (see `apkg`).
//!
//! Why not SQLite: a package's rows all arrive in rowid order, each table's and each of its
//! indexes' pages can be filled once, left to right, and never read again. SQLite's inserts
//! search, split and rebalance instead, and were the busiest of an export's threads; and its
//! file could only be deflated once whole. Here each finished page goes straight to the
//! deflating thread (docs/benchmarks.md, "Eleventh pass").
//!
//! What is written is a valid database in SQLite's file format (sqlite.org/fileformat2):
//! page 1 holds the header and the schema table; every other b-tree is built bottom-up,
//! leaves first as rows come and interior pages once a tree is complete; no free pages, no
//! journal (the file format's "legacy" read and write versions), UTF-8 text, schema format 4.
//! Tests open the result with SQLite and run its `integrity_check`, which walks every page and
//! checks each index against its table.

use std::io;

/// The page size: 16 KiB, as the collection had when SQLite built it (a page holds many
/// notes, and the trees are shallow).
pub const PAGE: usize = 16384;
/// Bytes of a page that hold the b-tree (no reserved bytes at the page's end).
const USABLE: usize = PAGE;
/// A table leaf cell's payload stays on its page up to this size (the file format's X).
const TABLE_MAX_LOCAL: usize = USABLE - 35;
/// Else the part left on its page is at least this (M).
const MIN_LOCAL: usize = (USABLE - 12) * 32 / 255 - 23;
/// An index cell's payload must fit its page up to this size; the keys here are a few
/// integers, so longer ones are refused rather than spilled to overflow pages.
const INDEX_MAX_LOCAL: usize = (USABLE - 12) * 64 / 255 - 23;
/// Pages are passed on to be deflated this many at a time (1 MiB). (A quarter of it, two in
/// line instead of four, measured the same.)
const CHUNK_PAGES: usize = 64;

/// A value in a record. Text is UTF-8.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
}

#[inline]
fn varint_len(v: u64) -> usize {
    if v >> 56 != 0 {
        return 9;
    }
    let bits = 64 - v.leading_zeros() as usize;
    bits.div_ceil(7).max(1)
}

/// [`push_varint`] into the start of `buf`; returns the bytes written.
#[inline]
fn put_varint(buf: &mut [u8], v: u64) -> usize {
    if v < 0x80 {
        buf[0] = v as u8;
        return 1;
    }
    let n = varint_len(v);
    if n == 9 {
        for (i, d) in buf[..8].iter_mut().enumerate() {
            *d = ((v >> (57 - 7 * i)) as u8 & 0x7f) | 0x80;
        }
        buf[8] = v as u8;
        return 9;
    }
    for (i, d) in buf[..n].iter_mut().enumerate() {
        let group = ((v >> (7 * (n - 1 - i))) & 0x7f) as u8;
        *d = if i + 1 == n { group } else { group | 0x80 };
    }
    n
}

/// The low `dst.len()` bytes of `v`, big-endian.
#[inline]
fn put_int(dst: &mut [u8], v: i64) {
    let n = dst.len();
    for (j, d) in dst.iter_mut().enumerate() {
        *d = (v >> (8 * (n - 1 - j))) as u8;
    }
}

/// SQLite's variable-length integer: big-endian groups of 7 bits with the high bit set on
/// all but the last, and a ninth byte of 8 bits when needed.
#[inline]
fn push_varint(out: &mut Vec<u8>, v: u64) {
    if v < 0x80 {
        out.push(v as u8);
        return;
    }
    let n = varint_len(v);
    if n == 9 {
        for i in 0..8 {
            out.push(((v >> (57 - 7 * i)) as u8 & 0x7f) | 0x80);
        }
        out.push(v as u8);
        return;
    }
    for i in (0..n).rev() {
        let group = ((v >> (7 * i)) & 0x7f) as u8;
        out.push(if i == 0 { group } else { group | 0x80 });
    }
}

/// An integer's serial type and its size in bytes.
#[inline]
fn int_type(v: i64) -> (u64, usize) {
    match v {
        0 => (8, 0),
        1 => (9, 0),
        -0x80..=0x7f => (1, 1),
        -0x8000..=0x7fff => (2, 2),
        -0x80_0000..=0x7f_ffff => (3, 3),
        -0x8000_0000..=0x7fff_ffff => (4, 4),
        -0x8000_0000_0000..=0x7fff_ffff_ffff => (5, 6),
        _ => (6, 8),
    }
}

fn serial_type(v: &Value) -> u64 {
    match v {
        Value::Null => 0,
        Value::Int(i) => int_type(*i).0,
        Value::Real(_) => 7,
        Value::Text(s) => 13 + 2 * s.len() as u64,
    }
}

/// Appends the record of `values` to `out`: its header (own length, then each value's
/// serial type), then the values.
pub fn push_record(out: &mut Vec<u8>, values: &[Value]) {
    let types: usize = values.iter().map(|v| varint_len(serial_type(v))).sum();
    // The header's length counts the varint that holds it.
    let mut header = types + 1;
    while types + varint_len(header as u64) != header {
        header = types + varint_len(header as u64);
    }
    push_varint(out, header as u64);
    for v in values {
        push_varint(out, serial_type(v));
    }
    for v in values {
        match v {
            Value::Null => {}
            Value::Int(i) => {
                let n = int_type(*i).1;
                out.extend_from_slice(&i.to_be_bytes()[8 - n..]);
            }
            Value::Real(r) => out.extend_from_slice(&r.to_bits().to_be_bytes()),
            Value::Text(s) => out.extend_from_slice(s.as_bytes()),
        }
    }
}

/// Where finished pages go: numbered in the order they come (page 1, the header and schema,
/// is kept for last), gathered into chunks of [`CHUNK_PAGES`] and handed to `send`, which
/// gives back a buffer for the next chunk (one passed on before, once it is done with: fresh
/// memory is cleared by the system page by page, a fault each time).
pub struct Pages<'s> {
    /// The number of the last page handed out.
    last: u32,
    chunk: Vec<u8>,
    send: Box<Send<'s>>,
}

type Send<'s> = dyn FnMut(Vec<u8>) -> io::Result<Vec<u8>> + std::marker::Send + 's;

/// A buffer for a chunk of pages.
pub fn chunk_buffer() -> Vec<u8> {
    Vec::with_capacity(CHUNK_PAGES * PAGE)
}

impl<'s> Pages<'s> {
    pub fn new(send: impl FnMut(Vec<u8>) -> io::Result<Vec<u8>> + std::marker::Send + 's) -> Self {
        Pages {
            last: 1,
            chunk: chunk_buffer(),
            send: Box::new(send),
        }
    }

    /// A fresh zeroed page at the end of the file, and its number.
    fn next(&mut self) -> io::Result<(u32, &mut [u8])> {
        if self.chunk.len() >= CHUNK_PAGES * PAGE {
            let full = std::mem::take(&mut self.chunk);
            self.chunk = (self.send)(full)?;
            self.chunk.clear();
        }
        self.last = self
            .last
            .checked_add(1)
            .ok_or_else(|| io::Error::other("the collection would pass SQLite's page limit"))?;
        let start = self.chunk.len();
        self.chunk.resize(start + PAGE, 0);
        Ok((self.last, &mut self.chunk[start..]))
    }

    /// Passes on the pages not yet sent; returns how many pages the file has.
    fn flush(&mut self) -> io::Result<u32> {
        if !self.chunk.is_empty() {
            (self.send)(std::mem::take(&mut self.chunk))?;
        }
        Ok(self.last)
    }
}

/// Lays out one b-tree page in `page`: the header at `at` (100 on page 1, after the file's
/// header, else 0), the cell pointers after it, and the cells from the page's end down.
fn lay_out<'c>(
    page: &mut [u8],
    at: usize,
    flag: u8,
    cells: impl ExactSizeIterator<Item = &'c [u8]>,
    right: Option<u32>,
) {
    let header = if right.is_some() { 12 } else { 8 };
    let count = cells.len();
    let mut end = PAGE;
    let mut ptr = at + header;
    for cell in cells {
        end -= cell.len();
        page[end..end + cell.len()].copy_from_slice(cell);
        page[ptr..ptr + 2].copy_from_slice(&(end as u16).to_be_bytes());
        ptr += 2;
    }
    debug_assert!(ptr <= end, "cells overlap the pointers");
    page[at] = flag;
    // No free blocks (bytes 1–2), no fragmented bytes (byte 7).
    page[at + 3..at + 5].copy_from_slice(&(count as u16).to_be_bytes());
    page[at + 5..at + 7].copy_from_slice(&(end as u16).to_be_bytes());
    if let Some(r) = right {
        page[at + 8..at + 12].copy_from_slice(&r.to_be_bytes());
    }
}

const TABLE_LEAF: u8 = 0x0d;
const TABLE_INTERIOR: u8 = 0x05;
const INDEX_LEAF: u8 = 0x0a;
const INDEX_INTERIOR: u8 = 0x02;

/// A leaf being filled: its cells, one after another.
#[derive(Default)]
struct Leaf {
    bytes: Vec<u8>,
    starts: Vec<usize>,
}

impl Leaf {
    fn fits(&self, cell: usize) -> bool {
        8 + 2 * (self.starts.len() + 1) + self.bytes.len() + cell <= USABLE
    }

    fn push(&mut self, cell: &[u8]) {
        self.starts.push(self.bytes.len());
        self.bytes.extend_from_slice(cell);
    }

    fn cells(&self) -> impl ExactSizeIterator<Item = &[u8]> {
        (0..self.starts.len()).map(|i| {
            let end = self.starts.get(i + 1).copied().unwrap_or(self.bytes.len());
            &self.bytes[self.starts[i]..end]
        })
    }

    fn clear(&mut self) {
        self.bytes.clear();
        self.starts.clear();
    }

    fn write(&self, pages: &mut Pages, flag: u8) -> io::Result<u32> {
        let (n, page) = pages.next()?;
        lay_out(page, 0, flag, self.cells(), None);
        Ok(n)
    }
}

/// A table's b-tree, its rows given in ascending rowid order.
pub struct Table {
    leaf: Leaf,
    leaf_last: i64,
    /// Each finished leaf and the largest rowid on it.
    children: Vec<(u32, i64)>,
    last: Option<i64>,
    cell: Vec<u8>,
}

impl Default for Table {
    fn default() -> Self {
        Table {
            leaf: Leaf::default(),
            leaf_last: 0,
            children: Vec::new(),
            last: None,
            cell: Vec::with_capacity(256),
        }
    }
}

impl Table {
    /// Adds the row `rowid` of `values`, its record written straight into its leaf; a
    /// record too big for one page goes through [`Table::push`].
    pub fn push_values(
        &mut self,
        pages: &mut Pages,
        rowid: i64,
        values: &[Value],
        scratch: &mut Vec<u8>,
    ) -> io::Result<()> {
        // Each value's serial type and size, worked out once.
        let mut kinds = [(0u64, 0usize); 24];
        let kinds = &mut kinds[..values.len().min(24)];
        if kinds.len() < values.len() {
            scratch.clear();
            push_record(scratch, values);
            return self.push(pages, rowid, scratch);
        }
        let (mut types, mut data) = (0, 0);
        for (k, v) in kinds.iter_mut().zip(values) {
            *k = match v {
                Value::Null => (0, 0),
                Value::Int(i) => int_type(*i),
                Value::Real(_) => (7, 8),
                Value::Text(t) => (13 + 2 * t.len() as u64, t.len()),
            };
            types += varint_len(k.0);
            data += k.1;
        }
        let mut header = types + 1;
        while types + varint_len(header as u64) != header {
            header = types + varint_len(header as u64);
        }
        let size = header + data;
        if size > TABLE_MAX_LOCAL || self.last.is_some_and(|l| rowid <= l) {
            scratch.clear();
            push_record(scratch, values);
            return self.push(pages, rowid, scratch);
        }
        self.last = Some(rowid);
        let cell = varint_len(size as u64) + varint_len(rowid as u64) + size;
        if !self.leaf.fits(cell) {
            let n = self.leaf.write(pages, TABLE_LEAF)?;
            self.children.push((n, self.leaf_last));
            self.leaf.clear();
        }
        // Sized once and filled in place: pushed value by value, the small integers of a
        // card's row cost a call each.
        let start = self.leaf.bytes.len();
        self.leaf.starts.push(start);
        self.leaf.bytes.resize(start + cell, 0);
        let buf = &mut self.leaf.bytes[start..];
        let mut at = put_varint(buf, size as u64);
        at += put_varint(&mut buf[at..], rowid as u64);
        at += put_varint(&mut buf[at..], header as u64);
        for k in kinds.iter() {
            at += put_varint(&mut buf[at..], k.0);
        }
        for (k, v) in kinds.iter().zip(values) {
            let dst = &mut buf[at..at + k.1];
            match v {
                Value::Null => {}
                Value::Int(i) => put_int(dst, *i),
                Value::Real(r) => dst.copy_from_slice(&r.to_bits().to_be_bytes()),
                Value::Text(s) => dst.copy_from_slice(s.as_bytes()),
            }
            at += k.1;
        }
        debug_assert_eq!(at, cell);
        self.leaf_last = rowid;
        Ok(())
    }

    /// Adds the row `rowid` whose record is `record`. A record too big for one page goes on
    /// overflow pages, written at once.
    pub fn push(&mut self, pages: &mut Pages, rowid: i64, record: &[u8]) -> io::Result<()> {
        if self.last.is_some_and(|l| rowid <= l) {
            return Err(io::Error::other(format!(
                "collection rows out of order: {rowid} after {:?}",
                self.last
            )));
        }
        self.last = Some(rowid);
        let cell = &mut self.cell;
        cell.clear();
        push_varint(cell, record.len() as u64);
        push_varint(cell, rowid as u64);
        let local = if record.len() <= TABLE_MAX_LOCAL {
            record.len()
        } else {
            let k = MIN_LOCAL + (record.len() - MIN_LOCAL) % (USABLE - 4);
            if k <= TABLE_MAX_LOCAL { k } else { MIN_LOCAL }
        };
        cell.extend_from_slice(&record[..local]);
        if local < record.len() {
            // The overflow pages follow one another, so each points at the next number.
            let mut rest = &record[local..];
            cell.extend_from_slice(&(pages.last + 1).to_be_bytes());
            while !rest.is_empty() {
                let take = rest.len().min(USABLE - 4);
                let (n, page) = pages.next()?;
                let next = if take < rest.len() { n + 1 } else { 0 };
                page[..4].copy_from_slice(&next.to_be_bytes());
                page[4..4 + take].copy_from_slice(&rest[..take]);
                rest = &rest[take..];
            }
        }
        if !self.leaf.fits(self.cell.len()) {
            let n = self.leaf.write(pages, TABLE_LEAF)?;
            self.children.push((n, self.leaf_last));
            self.leaf.clear();
        }
        self.leaf.push(&self.cell);
        self.leaf_last = rowid;
        Ok(())
    }

    /// Writes the last leaf and the interior pages; returns the root page's number.
    pub fn finish(mut self, pages: &mut Pages) -> io::Result<u32> {
        let n = self.leaf.write(pages, TABLE_LEAF)?;
        self.children.push((n, self.leaf_last));
        let mut level = self.children;
        let mut cell = Vec::new();
        while level.len() > 1 {
            // A child's cell: its page number and its largest rowid; a page's last child is
            // its right-most pointer instead.
            let size = |c: &(u32, i64)| 4 + varint_len(c.1 as u64) + 2;
            let groups = split(&level, 12, size)?;
            let mut up = Vec::with_capacity(groups.len());
            for g in groups {
                let (last, rest) = g.split_last().expect("groups have two children or more");
                let mut leaf = Leaf::default();
                for c in rest {
                    cell.clear();
                    cell.extend_from_slice(&c.0.to_be_bytes());
                    push_varint(&mut cell, c.1 as u64);
                    leaf.push(&cell);
                }
                let (n, page) = pages.next()?;
                lay_out(page, 0, TABLE_INTERIOR, leaf.cells(), Some(last.0));
                up.push((n, last.1));
            }
            level = up;
        }
        Ok(level[0].0)
    }
}

/// An index's b-tree, its entries (records of the indexed values and then the rowid) given
/// in ascending order.
///
/// In an index, each entry is in the tree once, and the interior pages hold entries that
/// separate their children: when an entry does not fit in the leaf, the leaf waits (`held`)
/// and the entry (`pending`) becomes the separator between it and the next leaf, once a next
/// leaf has an entry. If none comes, the held leaf's last entry separates it from a last leaf
/// holding the pending one.
#[derive(Default)]
pub struct Index {
    leaf: Leaf,
    held: Option<Leaf>,
    pending: Option<Vec<u8>>,
    /// Finished leaves, and the entry between each and the next.
    children: Vec<u32>,
    separators: Vec<Vec<u8>>,
    /// The last key given to [`Index::push_ints`].
    last: Option<Vec<i64>>,
}

impl Index {
    /// Adds an entry of integers (the indexed values, then the rowid), which must come after
    /// the last one in SQLite's order.
    pub fn push_ints(&mut self, pages: &mut Pages, key: &[i64]) -> io::Result<()> {
        // The cell below: the record's length (a byte: up to 14 integers take under 128),
        // then the record, its header a byte per integer. Anki's keys have two to four.
        if key.len() > 14 {
            return Err(io::Error::other("an index key of more than 14 integers"));
        }
        if self.last.as_deref().is_some_and(|l| l >= key) {
            return Err(io::Error::other(format!(
                "collection index keys out of order: {key:?} after {:?}",
                self.last
            )));
        }
        match &mut self.last {
            Some(last) if last.len() == key.len() => last.copy_from_slice(key),
            last => *last = Some(key.to_vec()),
        }
        let mut cell = [0u8; 128];
        cell[1] = 1 + key.len() as u8;
        let mut at = 2 + key.len();
        for (i, &v) in key.iter().enumerate() {
            let (t, n) = int_type(v);
            cell[2 + i] = t as u8;
            put_int(&mut cell[at..at + n], v);
            at += n;
        }
        cell[0] = (at - 1) as u8;
        self.push_cell(pages, &cell[..at])
    }

    fn push(&mut self, pages: &mut Pages, record: &[u8]) -> io::Result<()> {
        if record.len() > INDEX_MAX_LOCAL {
            return Err(io::Error::other("an index key too long for its page"));
        }
        let mut cell = Vec::with_capacity(record.len() + 9);
        push_varint(&mut cell, record.len() as u64);
        cell.extend_from_slice(record);
        self.push_cell(pages, &cell)
    }

    /// Adds an entry's cell: its record's length, then the record.
    fn push_cell(&mut self, pages: &mut Pages, cell: &[u8]) -> io::Result<()> {
        if let Some(sep) = self.pending.take() {
            let held = self
                .held
                .take()
                .expect("a pending separator has its held leaf");
            self.children.push(held.write(pages, INDEX_LEAF)?);
            self.separators.push(sep);
            self.leaf = held;
            self.leaf.clear();
        } else if !self.leaf.fits(cell.len()) {
            self.held = Some(std::mem::take(&mut self.leaf));
            let (len, skip) = read_varint(cell);
            self.pending = Some(cell[skip..skip + len as usize].to_vec());
            return Ok(());
        }
        self.leaf.push(cell);
        Ok(())
    }

    /// Writes the last leaves and the interior pages; returns the root page's number.
    pub fn finish(mut self, pages: &mut Pages) -> io::Result<u32> {
        if let Some(pending) = self.pending.take() {
            let mut held = self
                .held
                .take()
                .expect("a pending separator has its held leaf");
            let start = held.starts.pop().expect("a full leaf has entries");
            let cell = held.bytes.split_off(start);
            let (size, skip) = read_varint(&cell);
            let separator = cell[skip..skip + size as usize].to_vec();
            self.children.push(held.write(pages, INDEX_LEAF)?);
            self.separators.push(separator);
            // The last leaf, holding only the pending entry (the open leaf is empty).
            self.push(pages, &pending)?;
        }
        self.children.push(self.leaf.write(pages, INDEX_LEAF)?);
        let mut children = self.children;
        let mut separators = self.separators;
        let mut cell = Vec::new();
        while children.len() > 1 {
            // Child i's cell holds the separator after it; a page's last child is its
            // right-most pointer, and the separator after it goes up a level.
            let items: Vec<(u32, Option<&Vec<u8>>)> = children
                .iter()
                .enumerate()
                .map(|(i, &c)| (c, separators.get(i)))
                .collect();
            let size = |c: &(u32, Option<&Vec<u8>>)| {
                let len = c.1.map_or(0, |s| s.len());
                4 + varint_len(len as u64) + len + 2
            };
            let groups = split(&items, 12, size)?;
            let mut up = Vec::with_capacity(groups.len());
            let mut up_separators = Vec::with_capacity(groups.len());
            for g in groups {
                let (last, rest) = g.split_last().expect("groups have two children or more");
                let mut page_cells = Leaf::default();
                for c in rest {
                    let sep = c.1.expect("only the very last child has no separator");
                    cell.clear();
                    cell.extend_from_slice(&c.0.to_be_bytes());
                    push_varint(&mut cell, sep.len() as u64);
                    cell.extend_from_slice(sep);
                    page_cells.push(&cell);
                }
                let (n, page) = pages.next()?;
                lay_out(page, 0, INDEX_INTERIOR, page_cells.cells(), Some(last.0));
                up.push(n);
                if let Some(sep) = last.1 {
                    up_separators.push(sep.clone());
                }
            }
            children = up;
            separators = up_separators;
        }
        Ok(children[0])
    }
}

fn read_varint(b: &[u8]) -> (u64, usize) {
    let mut v = 0u64;
    for (i, &byte) in b.iter().enumerate().take(9) {
        if i == 8 {
            return ((v << 8) | u64::from(byte), 9);
        }
        v = (v << 7) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return (v, i + 1);
        }
    }
    (v, b.len())
}

/// Cuts a level's children into interior pages of even size, each with at least two
/// children; `size` is what a child takes on the page (its cell and pointer), `header` the
/// page's header.
fn split<T>(items: &[T], header: usize, size: impl Fn(&T) -> usize) -> io::Result<Vec<&[T]>> {
    let total: usize = items.iter().map(&size).sum();
    let mut count = total.div_ceil(USABLE - header).max(1);
    loop {
        if 2 * count > items.len() {
            return Err(io::Error::other(
                "collection rows too big for interior pages",
            ));
        }
        let groups: Vec<&[T]> = (0..count)
            .map(|i| &items[i * items.len() / count..(i + 1) * items.len() / count])
            .collect();
        // The last child of each page takes no cell.
        let fits = groups
            .iter()
            .all(|g| header + g[..g.len() - 1].iter().map(&size).sum::<usize>() <= USABLE);
        if fits {
            return Ok(groups);
        }
        count += 1;
    }
}

/// One row of the schema table: a table or an index, its root page and its SQL.
pub struct SchemaEntry<'a> {
    pub index: bool,
    pub name: &'a str,
    pub table: &'a str,
    pub root: u32,
    pub sql: &'a str,
}

/// Ends the file: passes on the pages not yet sent, and returns page 1 (the file's header
/// and the schema table) and the number of pages.
pub fn finish(pages: &mut Pages, schema: &[SchemaEntry]) -> io::Result<(Vec<u8>, u32)> {
    let count = pages.flush()?;
    let mut leaf = Leaf::default();
    let mut record = Vec::new();
    let mut cell = Vec::new();
    for (rowid, e) in (1..).zip(schema) {
        record.clear();
        push_record(
            &mut record,
            &[
                Value::Text(if e.index { "index" } else { "table" }),
                Value::Text(e.name),
                Value::Text(e.table),
                Value::Int(i64::from(e.root)),
                Value::Text(e.sql),
            ],
        );
        cell.clear();
        push_varint(&mut cell, record.len() as u64);
        push_varint(&mut cell, rowid as u64);
        cell.extend_from_slice(&record);
        if !leaf.fits(cell.len() + 100) {
            return Err(io::Error::other(
                "the collection's schema does not fit its first page",
            ));
        }
        leaf.push(&cell);
    }
    let mut page = vec![0u8; PAGE];
    lay_out(&mut page, 100, TABLE_LEAF, leaf.cells(), None);
    let h = &mut page[..100];
    h[..16].copy_from_slice(b"SQLite format 3\0");
    h[16..18].copy_from_slice(&(PAGE as u16).to_be_bytes());
    h[18] = 1; // written and read as the legacy (rollback journal) format
    h[19] = 1;
    h[20] = (PAGE - USABLE) as u8;
    h[21] = 64; // payload fractions, fixed by the format
    h[22] = 32;
    h[23] = 32;
    h[24..28].copy_from_slice(&1u32.to_be_bytes()); // change counter
    h[28..32].copy_from_slice(&count.to_be_bytes());
    h[40..44].copy_from_slice(&1u32.to_be_bytes()); // schema cookie
    h[44..48].copy_from_slice(&4u32.to_be_bytes()); // schema format
    h[56..60].copy_from_slice(&1u32.to_be_bytes()); // UTF-8
    h[92..96].copy_from_slice(&1u32.to_be_bytes()); // valid for change 1
    h[96..100].copy_from_slice(&(rusqlite::version_number() as u32).to_be_bytes());
    Ok((page, count))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;
    use rusqlite::types::Value as Sql;

    #[test]
    fn varints_read_back() {
        for v in [
            0u64,
            1,
            127,
            128,
            16383,
            16384,
            1 << 56,
            (1 << 56) - 1,
            u64::MAX,
            -1i64 as u64,
        ] {
            let mut b = Vec::new();
            push_varint(&mut b, v);
            assert_eq!(b.len(), varint_len(v));
            assert_eq!(read_varint(&b), (v, b.len()), "{v}");
        }
    }

    /// Builds a file of a table (`t (id integer PRIMARY KEY, a, b)`), an index on `a` and an
    /// empty table; checks it with SQLite's `integrity_check` and returns `t`'s rows copied
    /// into an in-memory database.
    fn build(rows: &[(i64, Sql, Sql)]) -> Connection {
        let chunks = std::sync::Mutex::new(Vec::new());
        let mut pages = Pages::new(|c: Vec<u8>| {
            chunks.lock().unwrap().extend(c);
            Ok(Vec::new())
        });
        let mut table = Table::default();
        let mut index = Index::default();
        fn as_value(v: &Sql) -> Value<'_> {
            match v {
                Sql::Null => Value::Null,
                Sql::Integer(i) => Value::Int(*i),
                Sql::Real(r) => Value::Real(*r),
                Sql::Text(t) => Value::Text(t),
                Sql::Blob(_) => unreachable!(),
            }
        }
        let mut rec = Vec::new();
        // Half the rows as values written straight into their leaf, half as records.
        let mut scratch = Vec::new();
        for (i, (id, a, b)) in rows.iter().enumerate() {
            let values = [Value::Null, as_value(a), as_value(b)];
            if i % 2 == 0 {
                table
                    .push_values(&mut pages, *id, &values, &mut scratch)
                    .unwrap();
            } else {
                rec.clear();
                push_record(&mut rec, &values);
                table.push(&mut pages, *id, &rec).unwrap();
            }
        }
        // The index's order, as SQLite itself sorts (a, rowid).
        let sorter = Connection::open_in_memory().unwrap();
        sorter
            .execute_batch("CREATE TABLE k (id integer PRIMARY KEY, a, b)")
            .unwrap();
        for (id, a, b) in rows {
            sorter
                .execute(
                    "INSERT INTO k VALUES (?1, ?2, ?3)",
                    rusqlite::params![id, a, b],
                )
                .unwrap();
        }
        let keys: Vec<(i64, Sql, Sql)> = sorter
            .prepare("SELECT id, a, b FROM k ORDER BY a, id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (id, a, _) in &keys {
            rec.clear();
            push_record(&mut rec, &[as_value(a), Value::Int(*id)]);
            index.push(&mut pages, &rec).unwrap();
        }
        let t_root = table.finish(&mut pages).unwrap();
        let i_root = index.finish(&mut pages).unwrap();
        let empty_root = Table::default().finish(&mut pages).unwrap();
        let (page1, count) = finish(
            &mut pages,
            &[
                SchemaEntry {
                    index: false,
                    name: "t",
                    table: "t",
                    root: t_root,
                    sql: "CREATE TABLE t (id integer PRIMARY KEY, a, b)",
                },
                SchemaEntry {
                    index: true,
                    name: "t_a",
                    table: "t",
                    root: i_root,
                    sql: "CREATE INDEX t_a ON t (a)",
                },
                SchemaEntry {
                    index: false,
                    name: "e",
                    table: "e",
                    root: empty_root,
                    sql: "CREATE TABLE e (x integer NOT NULL)",
                },
            ],
        )
        .unwrap();
        drop(pages);
        let mut file = page1;
        file.extend(chunks.into_inner().unwrap());
        assert_eq!(file.len(), count as usize * PAGE);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        std::fs::write(&path, &file).unwrap();
        let conn = Connection::open(&path).unwrap();
        let check: Vec<String> = conn
            .prepare("PRAGMA integrity_check")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(check, ["ok"], "{} rows", rows.len());
        let mem = Connection::open_in_memory().unwrap();
        mem.execute_batch(&format!(
            "ATTACH '{}' AS f; CREATE TABLE t AS SELECT * FROM f.t; DETACH f;",
            path.display()
        ))
        .unwrap();
        mem
    }

    fn rows_of(conn: &Connection) -> Vec<(i64, Sql, Sql)> {
        conn.prepare("SELECT id, a, b FROM t ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn sqlite_reads_back_every_row_and_finds_the_file_sound() {
        // Sizes that cross leaf, interior and overflow boundaries: many short rows (two
        // interior levels in the index), long texts (overflow chains of several pages) and
        // values of every integer width.
        let mut rows = Vec::new();
        let mut id = -5i64;
        for i in 0..60_000i64 {
            id += 1 + (i % 3);
            let a = match i % 5 {
                0 => Sql::Integer(i * 7919 % 1000 - 500),
                1 => Sql::Integer(i << 40),
                2 => Sql::Text(format!("t{}", i % 977)),
                3 => Sql::Null,
                _ => Sql::Real(i as f64 / 8.0),
            };
            let b = if i % 4000 == 7 {
                Sql::Text("长".repeat(4000 + i as usize))
            } else {
                Sql::Integer(i % 13)
            };
            rows.push((id, a, b));
        }
        let conn = build(&rows);
        assert_eq!(rows_of(&conn), rows);
        for n in [0, 1, 2, 3, 170, 171, 500] {
            let few: Vec<_> = rows.iter().take(n).cloned().collect();
            assert_eq!(rows_of(&build(&few)), few, "{n} rows");
        }
    }

    #[test]
    fn records_keep_each_type() {
        let rows = vec![
            (1, Sql::Real(2.5), Sql::Text(String::new())),
            (2, Sql::Integer(i64::MIN), Sql::Integer(i64::MAX)),
            (
                i64::MAX,
                Sql::Integer(-1),
                Sql::Text("x".repeat(TABLE_MAX_LOCAL)),
            ),
        ];
        let conn = build(&rows[..2]);
        assert_eq!(rows_of(&conn), rows[..2]);
        // A record exactly at the limit stays on its page; one more byte spills.
        let mut edge = rows.clone();
        edge.truncate(2);
        for extra in [
            TABLE_MAX_LOCAL - 20,
            TABLE_MAX_LOCAL,
            TABLE_MAX_LOCAL + 1,
            3 * PAGE,
        ] {
            edge.push((
                1000 + extra as i64,
                Sql::Integer(0),
                Sql::Text("y".repeat(extra)),
            ));
        }
        let conn = build(&edge);
        assert_eq!(rows_of(&conn), edge);
    }

    #[test]
    fn an_index_leaf_filled_to_the_brim_and_deep_trees_are_sound() {
        // Entries of 8 bytes (a = 5, a rowid of 3 bytes), 10 with their pointer: 1,637 fill
        // a leaf, so 1,638 leave the last one pending at the end.
        let per_leaf = (USABLE - 8) / 10;
        for n in [
            per_leaf,
            per_leaf + 1,
            per_leaf + 2,
            2 * per_leaf + 1,
            2 * per_leaf + 2,
        ] {
            let rows: Vec<_> = (0..n as i64)
                .map(|i| (0x8000 + i, Sql::Integer(5), Sql::Null))
                .collect();
            assert_eq!(rows_of(&build(&rows)), rows, "{n} rows");
        }
        // Keys of 3,000 bytes: five to a page, so the index has three interior levels; and
        // rows of 7,000 bytes, two to a leaf.
        let rows: Vec<_> = (0..700i64)
            .map(|i| {
                let key = format!("{:05}{}", (i * 37) % 700, "k".repeat(3000));
                (i, Sql::Text(key), Sql::Text("v".repeat(7000)))
            })
            .collect();
        assert_eq!(rows_of(&build(&rows)), rows);
    }
}
