//! FNV-1a, 64 bit. Used where a hash must be the same in every build and every version
//! (std's hasher is explicitly not): per-question seeds and content fingerprints.

pub struct Fnv(u64);

impl Fnv {
    pub fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// One part: its bytes, then a separator, so ("ab","c") and ("a","bc") differ.
    pub fn write(&mut self, bytes: &[u8]) {
        self.feed(bytes);
        self.end_part();
    }

    /// One part written in pieces (a value serialized straight into the hash, without
    /// building its text): the same hash as [`Fnv::write`] of the whole.
    pub fn part(&mut self) -> Part<'_> {
        Part(self)
    }

    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn end_part(&mut self) {
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// A part of an [`Fnv`] hash being written; the part ends when this is dropped.
pub struct Part<'a>(&'a mut Fnv);

impl std::io::Write for Part<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.feed(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for Part<'_> {
    fn drop(&mut self) {
        self.0.end_part();
    }
}

impl Default for Fnv {
    fn default() -> Self {
        Self::new()
    }
}

/// The hash of one string.
pub fn fnv(s: &str) -> u64 {
    let mut h = Fnv::new();
    h.write(s.as_bytes());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::Fnv;
    use std::io::Write;

    #[test]
    fn a_part_written_in_pieces_hashes_as_the_whole() {
        let mut whole = Fnv::new();
        whole.write(b"prompt");
        whole.write("答案 answer".as_bytes());
        whole.write(b"");
        let mut pieces = Fnv::new();
        pieces.write(b"prompt");
        {
            let mut part = pieces.part();
            part.write_all("答案".as_bytes()).unwrap();
            part.write_all(b" ans").unwrap();
            part.write_all(b"wer").unwrap();
        }
        pieces.part();
        assert_eq!(whole.finish(), pieces.finish());
        let mut split = Fnv::new();
        split.write(b"prom");
        split.write(b"pt");
        assert_ne!(split.finish(), Fnv::new().finish());
    }
}
