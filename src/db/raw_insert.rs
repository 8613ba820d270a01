//! One INSERT run many times with its text bound where it lies.
//!
//! rusqlite binds every string as `SQLITE_TRANSIENT`, so SQLite copies each one into memory
//! of its own before the statement runs and frees it after: about 1.2 million strings for a
//! 100,000-question import. Here they are bound `SQLITE_STATIC` for the length of one
//! [`RawInsert::run`], which unbinds them before it returns: the borrow of the parameters
//! outlives every use SQLite makes of them, so the API is safe. (The import's writing
//! thread, its critical path: 4.74 G → 4.65 G instructions.)

use std::ptr::NonNull;

use rusqlite::Connection;
use rusqlite::ffi;

use crate::error::{Error, Result};

/// A value bound to one parameter of a [`RawInsert`].
#[derive(Debug, Clone, Copy)]
pub enum Param<'a> {
    Text(&'a str),
    Int(i64),
    Null,
}

impl<'a> From<&'a str> for Param<'a> {
    fn from(s: &'a str) -> Self {
        Param::Text(s)
    }
}

impl From<i64> for Param<'_> {
    fn from(v: i64) -> Self {
        Param::Int(v)
    }
}

impl<'a> From<Option<&'a str>> for Param<'a> {
    fn from(s: Option<&'a str>) -> Self {
        s.map_or(Param::Null, Param::Text)
    }
}

/// A prepared statement (on `conn`) that [`RawInsert::run`] runs with its parameters.
pub struct RawInsert<'c> {
    stmt: NonNull<ffi::sqlite3_stmt>,
    conn: &'c Connection,
}

impl<'c> RawInsert<'c> {
    pub fn new(conn: &'c Connection, sql: &str) -> Result<Self> {
        let len =
            i32::try_from(sql.len()).map_err(|_| Error::Other("statement too long".into()))?;
        let mut stmt = std::ptr::null_mut();
        // SAFETY: the connection stays open while `conn` is borrowed; `sql` is read only
        // during the call, for its given length.
        let rc = unsafe {
            ffi::sqlite3_prepare_v2(
                conn.handle(),
                sql.as_ptr().cast(),
                len,
                &mut stmt,
                std::ptr::null_mut(),
            )
        };
        match NonNull::new(stmt) {
            Some(stmt) if rc == ffi::SQLITE_OK => Ok(RawInsert { stmt, conn }),
            Some(stmt) => {
                // SAFETY: prepared just now, finalized once.
                unsafe { ffi::sqlite3_finalize(stmt.as_ptr()) };
                Err(error(conn, rc))
            }
            None => Err(error(
                conn,
                if rc == ffi::SQLITE_OK {
                    ffi::SQLITE_MISUSE
                } else {
                    rc
                },
            )),
        }
    }

    /// Runs the statement once with `params` bound to its parameters 1, 2, …, then unbinds
    /// them, so no binding outlives the borrow of `params`.
    pub fn run(&mut self, params: &[Param<'_>]) -> Result<()> {
        let st = self.stmt.as_ptr();
        let bound = params.iter().enumerate().try_for_each(|(i, p)| {
            let i = i32::try_from(i + 1).unwrap_or(i32::MAX);
            // SAFETY: `st` is a prepared statement (SQLite checks the index); a text is
            // valid for its length until the bindings are cleared below, before `params`'
            // borrow ends.
            let rc = unsafe {
                match *p {
                    Param::Text(s) => ffi::sqlite3_bind_text64(
                        st,
                        i,
                        s.as_ptr().cast(),
                        s.len() as u64,
                        ffi::SQLITE_STATIC(),
                        ffi::SQLITE_UTF8 as u8,
                    ),
                    Param::Int(v) => ffi::sqlite3_bind_int64(st, i, v),
                    Param::Null => ffi::sqlite3_bind_null(st, i),
                }
            };
            if rc == ffi::SQLITE_OK {
                Ok(())
            } else {
                Err(error(self.conn, rc))
            }
        });
        // SAFETY: `st` is a prepared statement; its text parameters are valid (above). It is
        // reset and unbound whatever happened, so nothing it holds points into `params`.
        let (step, reset) = unsafe {
            let step = if bound.is_ok() {
                ffi::sqlite3_step(st)
            } else {
                ffi::SQLITE_DONE
            };
            let reset = ffi::sqlite3_reset(st);
            ffi::sqlite3_clear_bindings(st);
            (step, reset)
        };
        bound?;
        match step {
            ffi::SQLITE_DONE if reset == ffi::SQLITE_OK => Ok(()),
            ffi::SQLITE_DONE => Err(error(self.conn, reset)),
            // The step's error: reset returns the same code, and the message is the step's.
            _ => Err(error(self.conn, step)),
        }
    }
}

impl Drop for RawInsert<'_> {
    fn drop(&mut self) {
        // SAFETY: prepared by `new`, finalized once, here.
        unsafe { ffi::sqlite3_finalize(self.stmt.as_ptr()) };
    }
}

/// SQLite's error `rc`, with the connection's message, as rusqlite would report it.
fn error(conn: &Connection, rc: i32) -> Error {
    // SAFETY: the message is a C string owned by the open connection, copied at once.
    let msg = unsafe {
        let p = ffi::sqlite3_errmsg(conn.handle());
        (!p.is_null()).then(|| std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned())
    };
    Error::from(rusqlite::Error::SqliteFailure(ffi::Error::new(rc), msg))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (a TEXT NOT NULL UNIQUE, b INTEGER, c TEXT) STRICT")
            .unwrap();
        conn
    }

    #[test]
    fn rows_are_stored_as_bound_even_after_the_text_is_gone() {
        let conn = table();
        let mut ins = RawInsert::new(&conn, "INSERT INTO t (a, b, c) VALUES (?1, ?2, ?3)").unwrap();
        for i in 0..3 {
            // Each text is dropped (and its memory reused) before the next row is bound.
            let a = format!("行{i}-{}", "x".repeat(i * 40));
            ins.run(&[Param::Text(&a), Param::Int(i as i64), None.into()])
                .unwrap();
        }
        drop(ins);
        let rows: Vec<(String, i64, Option<String>)> = conn
            .prepare("SELECT a, b, c FROM t ORDER BY b")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let want: Vec<(String, i64, Option<String>)> = (0..3)
            .map(|i| (format!("行{i}-{}", "x".repeat(i * 40)), i as i64, None))
            .collect();
        assert_eq!(rows, want);
    }

    #[test]
    fn a_failing_row_reports_sqlites_error_and_the_statement_runs_again() {
        let conn = table();
        let mut ins = RawInsert::new(&conn, "INSERT INTO t (a, b) VALUES (?1, ?2)").unwrap();
        ins.run(&["same".into(), 1.into()]).unwrap();
        let err = ins.run(&["same".into(), 2.into()]).unwrap_err();
        assert!(
            err.to_string().contains("UNIQUE constraint failed: t.a"),
            "{err}"
        );
        ins.run(&["other".into(), 3.into()]).unwrap();
        // A wrong type is refused by the STRICT table, with SQLite's message.
        let err = ins.run(&[Param::Int(5), Param::Text("x")]).unwrap_err();
        assert!(err.to_string().contains("cannot store"), "{err}");
        let n: i64 = conn
            .query_row("SELECT COUNT(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 2);
    }

    #[test]
    fn bad_sql_and_too_many_parameters_are_errors() {
        let conn = table();
        assert!(RawInsert::new(&conn, "INSERT INTO nowhere VALUES (?1)").is_err());
        let mut ins = RawInsert::new(&conn, "INSERT INTO t (a) VALUES (?1)").unwrap();
        let err = ins.run(&["a".into(), "b".into()]).unwrap_err();
        assert!(err.to_string().contains("range"), "{err}");
        let n: i64 = conn
            .query_row("SELECT COUNT(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "nothing is stored when binding fails");
    }
}
