//! The zip archive of an Anki package, written here rather than with the `zip` crate so that
//! a big entry is deflated on several threads at once: it is cut into pieces deflated side by
//! side and joined into one deflate stream, as pigz does (each piece starts with an empty
//! window; every piece but the last ends with a sync flush, on a byte boundary and without
//! the final-block mark). A stream can also be deflated as its parts come (the collection's
//! pages as they are written) and given its first part last. Only what the package needs:
//! deflated entries of under 4 GiB, so no zip64 records, dated 1980-01-01.

use std::io::{self, Write};

use crc32fast::Hasher as Crc;
use flate2::{Compress, Compression, FlushCompress, Status};

/// A piece is at least this big: smaller ones are not worth a thread.
const MIN_PIECE: usize = 4 << 20;

/// What an entry holds: bytes to deflate here, or a deflate stream made already.
pub enum Content<'a> {
    Stored(&'a [u8]),
    Deflated(&'a Deflated),
}

/// One deflate stream in pieces, and the CRC-32 and size of what it holds.
pub struct Deflated {
    pieces: Vec<Vec<u8>>,
    crc: Crc,
    size: usize,
}

/// Writes a zip archive of `entries` (name, content), each deflated (at level 1), to `out`.
pub fn write(out: &mut impl Write, entries: &[(&str, Content)]) -> io::Result<()> {
    let mut central = Vec::new();
    let mut offset = 0usize;
    for (name, content) in entries {
        let made;
        let d = match content {
            Content::Deflated(d) => *d,
            Content::Stored(data) => {
                made = deflate(data)?;
                &made
            }
        };
        let deflated: usize = d.pieces.iter().map(Vec::len).sum();
        let record = Record {
            name,
            crc: d.crc.clone().finalize(),
            deflated: small(deflated)?,
            size: small(d.size)?,
            offset: small(offset)?,
        };
        let header = record.local();
        out.write_all(&header)?;
        for p in &d.pieces {
            out.write_all(p)?;
        }
        central.extend(record.central());
        offset += header.len() + deflated;
    }
    let count = u16::try_from(entries.len()).map_err(|_| too_big())?;
    let mut end = Vec::with_capacity(22);
    end.extend(0x0605_4b50u32.to_le_bytes());
    end.extend([0u8; 4]); // this disk, the central directory's disk
    end.extend(count.to_le_bytes());
    end.extend(count.to_le_bytes());
    end.extend(small(central.len())?.to_le_bytes());
    end.extend(small(offset)?.to_le_bytes());
    end.extend([0u8; 2]); // no comment
    out.write_all(&central)?;
    out.write_all(&end)
}

/// Deflates the chunks `recv` gives, as they come, into the pieces of one stream that is
/// not yet ended: see [`prepend`].
pub fn deflate_stream(recv: std::sync::mpsc::Receiver<Vec<u8>>) -> io::Result<Deflated> {
    let mut out = Deflated {
        pieces: Vec::new(),
        crc: Crc::new(),
        size: 0,
    };
    for chunk in recv {
        let (piece, crc) = deflate_piece(&chunk, false)?;
        out.pieces.push(piece);
        out.crc.combine(&crc);
        out.size += chunk.len();
    }
    Ok(out)
}

/// The stream of `first` followed by `rest` (from [`deflate_stream`]), ended: a file whose
/// first part is written last (a database's first page) is deflated in order all the same.
pub fn prepend(first: &[u8], rest: Deflated) -> io::Result<Deflated> {
    let (head, mut crc) = deflate_piece(first, false)?;
    let (end, _) = deflate_piece(&[], true)?;
    crc.combine(&rest.crc);
    let mut pieces = Vec::with_capacity(rest.pieces.len() + 2);
    pieces.push(head);
    pieces.extend(rest.pieces);
    pieces.push(end);
    Ok(Deflated {
        pieces,
        crc,
        size: first.len() + rest.size,
    })
}

struct Record<'a> {
    name: &'a str,
    crc: u32,
    deflated: u32,
    size: u32,
    offset: u32,
}

impl Record<'_> {
    /// What the local header and the central directory share: version needed (2.0), flags,
    /// method (8, deflate), time and date (1980-01-01 00:00), CRC-32, sizes, name length.
    fn common(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(26);
        b.extend(20u16.to_le_bytes());
        b.extend(0u16.to_le_bytes());
        b.extend(8u16.to_le_bytes());
        b.extend(0u16.to_le_bytes());
        b.extend(0x21u16.to_le_bytes());
        b.extend(self.crc.to_le_bytes());
        b.extend(self.deflated.to_le_bytes());
        b.extend(self.size.to_le_bytes());
        b.extend((self.name.len() as u16).to_le_bytes());
        b
    }

    fn local(&self) -> Vec<u8> {
        let mut b = 0x0403_4b50u32.to_le_bytes().to_vec();
        b.extend(self.common());
        b.extend([0u8; 2]); // no extra field
        b.extend(self.name.as_bytes());
        b
    }

    fn central(&self) -> Vec<u8> {
        let mut b = 0x0201_4b50u32.to_le_bytes().to_vec();
        b.extend(20u16.to_le_bytes()); // made by: version 2.0
        b.extend(self.common());
        // No extra field or comment; disk 0; no internal or external attributes.
        b.extend([0u8; 12]);
        b.extend(self.offset.to_le_bytes());
        b.extend(self.name.as_bytes());
        b
    }
}

fn small(n: usize) -> io::Result<u32> {
    u32::try_from(n).map_err(|_| too_big())
}

fn too_big() -> io::Error {
    io::Error::other("the package would need zip64, which it does not write")
}

/// `data` deflated in pieces, each on a thread of its own.
fn deflate(data: &[u8]) -> io::Result<Deflated> {
    deflate_on(
        data,
        std::thread::available_parallelism().map_or(1, |n| n.get().min(4)),
    )
}

/// [`deflate`] on at most `threads` threads.
fn deflate_on(data: &[u8], threads: usize) -> io::Result<Deflated> {
    let count = (data.len() / MIN_PIECE).clamp(1, threads);
    let size = data.len().div_ceil(count).max(1);
    let chunks: Vec<&[u8]> = if data.is_empty() {
        vec![data]
    } else {
        data.chunks(size).collect()
    };
    let last = chunks.len() - 1;
    let done: Vec<io::Result<(Vec<u8>, Crc)>> = std::thread::scope(|scope| {
        let others: Vec<_> = chunks[1..]
            .iter()
            .enumerate()
            .map(|(i, c)| scope.spawn(move || deflate_piece(c, i + 1 == last)))
            .collect();
        let mut done = vec![deflate_piece(chunks[0], last == 0)];
        for t in others {
            done.push(
                t.join()
                    .unwrap_or_else(|_| Err(io::Error::other("a deflating thread failed"))),
            );
        }
        done
    });
    let mut crc = Crc::new();
    let mut pieces = Vec::with_capacity(done.len());
    for d in done {
        let (piece, c) = d?;
        crc.combine(&c);
        pieces.push(piece);
    }
    Ok(Deflated {
        pieces,
        crc,
        size: data.len(),
    })
}

/// One piece deflated with an empty window; the stream ends (final block) after the `last`
/// piece, and is flushed to a byte boundary after the others. Also the piece's CRC-32.
fn deflate_piece(data: &[u8], last: bool) -> io::Result<(Vec<u8>, Crc)> {
    let mut crc = Crc::new();
    crc.update(data);
    let mut z = Compress::new(Compression::new(1), false);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Sync
    };
    let mut out = Vec::with_capacity(data.len() / 3 + 1024);
    loop {
        let (read, written) = (z.total_in(), z.total_out());
        let status = z
            .compress_vec(&data[read as usize..], &mut out, flush)
            .map_err(io::Error::other)?;
        let room = out.len() < out.capacity();
        let all_read = z.total_in() as usize == data.len();
        match status {
            Status::StreamEnd => return Ok((out, crc)),
            // A flush is complete when it leaves room in the output.
            _ if !last && all_read && room => return Ok((out, crc)),
            _ if room && z.total_in() == read && z.total_out() == written => {
                return Err(io::Error::other("deflate made no progress"));
            }
            _ => {}
        }
        if !room {
            out.reserve(out.capacity().max(1024));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn inflate(pieces: &[Vec<u8>]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::DeflateDecoder::new(&pieces.concat()[..])
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn pieces_join_into_one_stream_with_the_whole_crc() {
        let data: Vec<u8> = (0..3 * MIN_PIECE + 12_345)
            .map(|i| (i % 251) as u8 ^ (i / 7919) as u8)
            .collect();
        let d = deflate_on(&data, 3).unwrap();
        assert_eq!(d.pieces.len(), 3);
        assert_eq!(inflate(&d.pieces), data);
        let mut whole = Crc::new();
        whole.update(&data);
        assert_eq!(d.crc.finalize(), whole.finalize());
        assert_eq!(inflate(&deflate_on(b"", 3).unwrap().pieces), b"");
    }

    #[test]
    fn a_first_part_written_last_is_deflated_in_front_of_a_stream() {
        let first: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 256) as u8).collect();
        let chunks: Vec<Vec<u8>> = (0..4u32)
            .map(|c| (0..100_000u32).map(|i| ((i / 3 + c) % 199) as u8).collect())
            .collect();
        let (send, recv) = std::sync::mpsc::channel();
        for c in &chunks {
            send.send(c.clone()).unwrap();
        }
        drop(send);
        let d = prepend(&first, deflate_stream(recv).unwrap()).unwrap();
        let whole: Vec<u8> = first
            .iter()
            .chain(chunks.iter().flatten())
            .copied()
            .collect();
        assert_eq!(inflate(&d.pieces), whole);
        assert_eq!(d.size, whole.len());
        let mut crc = Crc::new();
        crc.update(&whole);
        assert_eq!(d.crc.finalize(), crc.finalize());
        // And with nothing after the first part.
        let (_, none) = std::sync::mpsc::channel();
        let d = prepend(&first, deflate_stream(none).unwrap()).unwrap();
        assert_eq!(inflate(&d.pieces), first);
    }
}
