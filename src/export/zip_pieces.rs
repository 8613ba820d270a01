//! The zip archive of an Anki package, written here rather than with the `zip` crate so that
//! its big entry, the collection, is deflated and written while it is being made: its pages
//! come in chunks, each deflated on its own and joined into one deflate stream, as pigz does
//! (each piece starts with an empty window and ends with a sync flush, on a byte boundary
//! and without the final-block mark; an empty final block ends the stream). Its first page,
//! made last, takes a place kept for it at the start as a stored block. Only what the
//! package needs: entries of under 4 GiB, so no zip64 records, dated 1980-01-01.

use std::io::{self, Write};

use crc32fast::Hasher as Crc;
use flate2::{Compress, Compression, FlushCompress, Status};

fn end_record(count: usize, central: usize, offset: usize) -> io::Result<Vec<u8>> {
    let count = u16::try_from(count).map_err(|_| too_big())?;
    let mut end = Vec::with_capacity(22);
    end.extend(0x0605_4b50u32.to_le_bytes());
    end.extend([0u8; 4]); // this disk, the central directory's disk
    end.extend(count.to_le_bytes());
    end.extend(count.to_le_bytes());
    end.extend(small(central)?.to_le_bytes());
    end.extend(small(offset)?.to_le_bytes());
    end.extend([0u8; 2]); // no comment
    Ok(end)
}

/// A zip archive written to a file as its first entry is made: the entry is deflated chunk
/// by chunk as the chunks come ([`Streamed::deflate`], on a thread of its own), except its
/// first `head` bytes, which come last (a database's first page, written once the rest is
/// known). Their place is kept at the start of the deflate stream as a stored block of that
/// size, filled in by [`Streamed::finish`] along with the sizes and CRC-32 of the local
/// header, once the other entries and the central directory are written.
pub struct Streamed {
    name: &'static str,
    head: usize,
    /// Where the deflated data begins.
    data_at: u64,
    /// What was deflated after the head: its CRC-32, size, and deflated size.
    crc: Crc,
    size: usize,
    deflated: usize,
}

/// Bytes of a stored block's header on a byte boundary (not the last block; type 0).
const STORED_HEADER: usize = 5;

impl Streamed {
    /// Writes the local header (sizes and CRC-32 to come) and keeps room for the head.
    pub fn start(file: &mut std::fs::File, name: &'static str, head: usize) -> io::Result<Self> {
        if head > 0xffff {
            return Err(io::Error::other(
                "a stored block holds at most 65,535 bytes",
            ));
        }
        let record = Record {
            name,
            crc: 0,
            deflated: 0,
            size: 0,
            offset: 0,
        };
        let header = record.local();
        file.write_all(&header)?;
        file.write_all(&vec![0u8; STORED_HEADER + head])?;
        Ok(Streamed {
            name,
            head,
            data_at: header.len() as u64,
            crc: Crc::new(),
            size: 0,
            deflated: STORED_HEADER + head,
        })
    }

    /// Deflates each chunk `recv` gives, as it comes, and appends it to `file`; hands the
    /// chunk back to `back` once done with, while it has room. Every `write_back` bytes the
    /// system is asked to start writing the file to disk, so that the final sync has less
    /// left to wait for.
    pub fn deflate(
        &mut self,
        file: &mut std::fs::File,
        recv: std::sync::mpsc::Receiver<Vec<u8>>,
        back: std::sync::mpsc::SyncSender<Vec<u8>>,
        write_back: usize,
    ) -> io::Result<()> {
        let mut z = Compress::new(Compression::new(1), false);
        let mut piece = Vec::new();
        let mut since = 0;
        for chunk in recv {
            let crc = deflate_into(&mut z, &chunk, false, &mut piece)?;
            file.write_all(&piece)?;
            self.crc.combine(&crc);
            self.size += chunk.len();
            self.deflated += piece.len();
            since += piece.len();
            if since >= write_back {
                crate::outfile::start_write_back(file);
                since = 0;
            }
            let _ = back.try_send(chunk);
        }
        Ok(())
    }

    /// Ends the entry, with `head` in the place kept for it; writes `others` (name,
    /// content) after it, deflated, and the central directory.
    pub fn finish(
        self,
        file: &mut std::fs::File,
        head: &[u8],
        others: &[(&str, &[u8])],
    ) -> io::Result<()> {
        use std::io::{Seek, SeekFrom};
        if head.len() != self.head {
            return Err(io::Error::other("the head is not the size kept for it"));
        }
        let (end, _) = deflate_piece(&[], true)?;
        file.write_all(&end)?;
        let mut crc = Crc::new();
        crc.update(head);
        crc.combine(&self.crc);
        let first = Record {
            name: self.name,
            crc: crc.finalize(),
            deflated: small(self.deflated + end.len())?,
            size: small(head.len() + self.size)?,
            offset: 0,
        };
        let mut offset = self.data_at as usize + self.deflated + end.len();
        let mut central = first.central();
        let mut out = std::io::BufWriter::new(&mut *file);
        for &(name, data) in others {
            let (deflated_data, crc) = deflate_piece(data, true)?;
            let deflated = deflated_data.len();
            let record = Record {
                name,
                crc: crc.finalize(),
                deflated: small(deflated)?,
                size: small(data.len())?,
                offset: small(offset)?,
            };
            let header = record.local();
            out.write_all(&header)?;
            out.write_all(&deflated_data)?;
            central.extend(record.central());
            offset += header.len() + deflated;
        }
        out.write_all(&central)?;
        out.write_all(&end_record(1 + others.len(), central.len(), offset)?)?;
        out.flush()?;
        drop(out);
        // The head as a stored block (not the last; its 3 header bits padded to the byte),
        // and the local header with what it could not say at first.
        let len = head.len() as u16;
        let mut stored = Vec::with_capacity(STORED_HEADER + head.len());
        stored.push(0);
        stored.extend(len.to_le_bytes());
        stored.extend((!len).to_le_bytes());
        stored.extend(head);
        file.seek(SeekFrom::Start(self.data_at))?;
        file.write_all(&stored)?;
        file.seek(SeekFrom::Start(0))?;
        file.write_all(&first.local())?;
        file.seek(SeekFrom::End(0))?;
        Ok(())
    }
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

/// One piece deflated with an empty window; the stream ends (final block) after the `last`
/// piece, and is flushed to a byte boundary after the others. Also the piece's CRC-32.
fn deflate_piece(data: &[u8], last: bool) -> io::Result<(Vec<u8>, Crc)> {
    let mut out = Vec::new();
    let crc = deflate_into(
        &mut Compress::new(Compression::new(1), false),
        data,
        last,
        &mut out,
    )?;
    Ok((out, crc))
}

/// [`deflate_piece`] into `out` (emptied first) with a deflater made before: their memory
/// is kept from piece to piece.
fn deflate_into(z: &mut Compress, data: &[u8], last: bool, out: &mut Vec<u8>) -> io::Result<Crc> {
    z.reset();
    out.clear();
    let mut crc = Crc::new();
    crc.update(data);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Sync
    };
    out.reserve(data.len() / 3 + 1024);
    loop {
        let (read, written) = (z.total_in(), z.total_out());
        let status = z
            .compress_vec(&data[read as usize..], out, flush)
            .map_err(io::Error::other)?;
        let room = out.len() < out.capacity();
        let all_read = z.total_in() as usize == data.len();
        match status {
            Status::StreamEnd => return Ok(crc),
            // A flush is complete when it leaves room in the output.
            _ if !last && all_read && room => return Ok(crc),
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

    /// Streams `chunks` after a head of `head` and reads the archive back with the zip
    /// crate, which checks each entry's CRC-32.
    fn streamed(head: &[u8], chunks: &[Vec<u8>]) -> Vec<(String, Vec<u8>)> {
        let mut file = tempfile::tempfile().unwrap();
        let mut z = Streamed::start(&mut file, "collection.anki2", head.len()).unwrap();
        let (send, recv) = std::sync::mpsc::channel();
        for c in chunks {
            send.send(c.clone()).unwrap();
        }
        drop(send);
        let (back, _spare) = std::sync::mpsc::sync_channel(1);
        z.deflate(&mut file, recv, back, 1 << 16).unwrap();
        z.finish(&mut file, head, &[("media", b"{}")]).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut e = zip.by_index(i).unwrap();
                let mut out = Vec::new();
                e.read_to_end(&mut out).unwrap();
                (e.name().unwrap().into_owned(), out)
            })
            .collect()
    }

    #[test]
    fn a_streamed_entry_gets_its_head_last_and_reads_back_whole() {
        let head: Vec<u8> = (0..16384u32).map(|i| (i * 7 % 256) as u8).collect();
        let chunks: Vec<Vec<u8>> = (0..4u32)
            .map(|c| (0..100_000u32).map(|i| ((i / 3 + c) % 199) as u8).collect())
            .collect();
        let whole: Vec<u8> = head
            .iter()
            .chain(chunks.iter().flatten())
            .copied()
            .collect();
        let read = streamed(&head, &chunks);
        assert_eq!(
            read,
            [
                ("collection.anki2".to_owned(), whole),
                ("media".to_owned(), b"{}".to_vec())
            ]
        );
        // And with nothing after the head.
        let read = streamed(&head, &[]);
        assert_eq!(read[0].1, head);
    }
}
