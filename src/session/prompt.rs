//! How a session asks for answers: behind the [`Prompter`] trait, with a real-terminal
//! implementation on dialoguer and a line-by-line one for scripts (stdin not a terminal).

use std::io::{self, BufRead, Write};

use crate::t;

/// Commands typed (or picked) instead of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Undo the last answer (or bury, or suspend) and show its fact again; with nothing to
    /// undo in this session, the last answer given today.
    Undo,
    /// Do not show this fact again in this session.
    Skip,
    /// Hide this fact, every question about it, until the next study day.
    Bury,
    /// Never show this fact again (until unsuspended).
    Suspend,
    /// End the session; every answer so far is kept.
    Quit,
    /// Overrule the automatic verdict of the last answer: "I was right".
    Right,
    /// "I don't know": show the answer; the fact counts as forgotten.
    Show,
}

impl Command {
    pub const ALL: [(Command, &'static str); 7] = [
        (Command::Undo, ":undo"),
        (Command::Skip, ":skip"),
        (Command::Bury, ":bury"),
        (Command::Suspend, ":suspend"),
        (Command::Quit, ":quit"),
        (Command::Right, ":right"),
        (Command::Show, ":show"),
    ];

    /// `:undo`, `:skip`, … (also `:q`).
    pub fn parse(s: &str) -> Option<Command> {
        let t = s.trim();
        if t == ":q" {
            return Some(Command::Quit);
        }
        Command::ALL
            .iter()
            .find(|(_, name)| *name == t)
            .map(|(c, _)| *c)
    }
}

/// What the student replied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Typed text (for a choice in line mode: whatever was typed).
    Text(String),
    /// An option picked from a list, 0-based.
    Pick(usize),
    Command(Command),
}

/// What the session asks for.
#[derive(Debug)]
pub enum Ask<'a> {
    /// Pick one of `options`.
    Choose { options: &'a [String] },
    /// Type an answer; `hint` says in what form.
    Type { hint: &'a str },
    /// Think of the answer, then ask to see it.
    Reveal,
    /// Rate yourself: `labels` are the four buttons, Again to Easy.
    Rate { labels: &'a [String; 4] },
    /// After the feedback: go on, or overrule the verdict when `can_overrule`.
    Continue { can_overrule: bool },
}

pub trait Prompter {
    /// Asks; Ctrl-C and end of input come back as [`Command::Quit`].
    fn ask(&mut self, ask: &Ask) -> io::Result<Reply>;
    /// A yes/no question.
    fn confirm(&mut self, message: &str, default: bool) -> io::Result<bool>;
    /// A real terminal: options are shown by the prompt itself, and nothing needs echoing.
    fn is_terminal(&self) -> bool;
}

/// Reads one line per answer from any reader (a script's stdin).
///
/// A choice is answered by its number, its letter or its text; a self-graded question by
/// `again`, `hard`, `good`, `easy` or 1–4 (one line: there is no separate reveal step);
/// `:right` on the line after an answer overrules its verdict. End of input quits.
pub struct LinePrompter<R> {
    input: R,
}

impl<R: BufRead> LinePrompter<R> {
    pub fn new(input: R) -> Self {
        LinePrompter { input }
    }

    fn line(&mut self) -> io::Result<Option<String>> {
        let mut bytes = Vec::new();
        if self.input.read_until(b'\n', &mut bytes)? == 0 {
            return Ok(None);
        }
        // A line that is not UTF-8 is an answer with replacement characters (graded wrong),
        // not the end of the session.
        let s = String::from_utf8_lossy(&bytes);
        Ok(Some(s.trim_end_matches(['\n', '\r']).to_owned()))
    }
}

impl<R: BufRead> Prompter for LinePrompter<R> {
    fn ask(&mut self, ask: &Ask) -> io::Result<Reply> {
        if matches!(ask, Ask::Reveal | Ask::Continue { .. }) {
            return Ok(Reply::Text(String::new()));
        }
        let Some(line) = self.line()? else {
            return Ok(Reply::Command(Command::Quit));
        };
        if let Some(c) = Command::parse(&line) {
            return Ok(Reply::Command(c));
        }
        Ok(Reply::Text(line))
    }

    fn confirm(&mut self, _message: &str, default: bool) -> io::Result<bool> {
        Ok(default)
    }

    fn is_terminal(&self) -> bool {
        false
    }
}

/// The real terminal, through dialoguer (prompts on stderr).
pub struct TerminalPrompter {
    term: console::Term,
    theme: dialoguer::theme::ColorfulTheme,
    /// The terminal console reads keys from (stdin, or the controlling terminal), opened
    /// once: see [`interrupt::KeysNotSignals`].
    #[cfg(unix)]
    tty: Option<std::fs::File>,
}

/// What the terminal offers besides the options of a list.
fn terminal_commands() -> [(Command, String); 5] {
    [
        (Command::Skip, t!("prompt.cmd.skip")),
        (Command::Bury, t!("prompt.cmd.bury")),
        (Command::Suspend, t!("prompt.cmd.suspend")),
        (Command::Undo, t!("prompt.cmd.undo")),
        (Command::Quit, t!("prompt.cmd.quit")),
    ]
}

impl TerminalPrompter {
    /// Ctrl-C at a prompt makes console raise SIGINT, and `kill -INT` sends it from outside:
    /// either way a handler notes it, the prompt's read returns `Interrupted` (the handler is
    /// installed without SA_RESTART), and the session ends cleanly, every answer kept.
    pub fn new() -> Self {
        #[cfg(unix)]
        interrupt::install();
        TerminalPrompter {
            term: console::Term::stderr(),
            theme: dialoguer::theme::ColorfulTheme::default(),
            #[cfg(unix)]
            tty: std::fs::File::options()
                .read(true)
                .write(true)
                .open("/dev/tty")
                .ok(),
        }
    }

    fn select(&self, prompt: &str, items: &[String], with_commands: bool) -> io::Result<Reply> {
        // Options come from deck files: one clean line each.
        let mut all: Vec<String> = items
            .iter()
            .map(|i| crate::term::clean_line(i).into_owned())
            .collect();
        let commands = terminal_commands();
        if with_commands {
            all.extend(commands.iter().map(|(_, l)| l.clone()));
        }
        let picked = dialoguer::Select::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(&all)
            .default(0)
            .interact_on_opt(&self.term);
        match picked {
            Ok(Some(i)) if i < items.len() => Ok(Reply::Pick(i)),
            Ok(Some(i)) => Ok(Reply::Command(commands[i - items.len()].0)),
            Ok(None) => Ok(Reply::Command(Command::Quit)),
            Err(e) => interrupted(e),
        }
    }
}

impl Default for TerminalPrompter {
    fn default() -> Self {
        Self::new()
    }
}

/// Ctrl-C (or a closed terminal) ends the session; other errors are errors.
fn interrupted(e: dialoguer::Error) -> io::Result<Reply> {
    let dialoguer::Error::IO(e) = e;
    match e.kind() {
        io::ErrorKind::Interrupted | io::ErrorKind::UnexpectedEof => {
            Ok(Reply::Command(Command::Quit))
        }
        _ => Err(e),
    }
}

impl Prompter for TerminalPrompter {
    fn ask(&mut self, ask: &Ask) -> io::Result<Reply> {
        #[cfg(unix)]
        let _keys = interrupt::KeysNotSignals::new(self.tty.as_ref());
        #[cfg(unix)]
        if interrupt::happened() {
            return Ok(Reply::Command(Command::Quit));
        }
        match ask {
            Ask::Choose { options } => self.select(&t!("prompt.your_answer"), options, true),
            Ask::Rate { labels } => self.select(&t!("prompt.rate"), &labels[..], true),
            Ask::Reveal => self.select(&t!("prompt.think"), &[t!("prompt.show_answer")], true),
            Ask::Continue { can_overrule } => {
                // The same step after every answer, right or wrong: one key goes on, so a
                // second Enter never lands in the next question.
                let mut items = vec![t!("prompt.continue")];
                if *can_overrule {
                    items.push(t!("prompt.i_was_right"));
                }
                items.push(t!("prompt.undo_answer"));
                items.push(t!("prompt.quit"));
                let last = items.len() - 1;
                Ok(match self.select("", &items, false)? {
                    Reply::Pick(0) => Reply::Text(String::new()),
                    Reply::Pick(i) if i == last => Reply::Command(Command::Quit),
                    Reply::Pick(i) if i == last - 1 => Reply::Command(Command::Undo),
                    Reply::Pick(_) => Reply::Command(Command::Right),
                    Reply::Command(c) => Reply::Command(c),
                    Reply::Text(t) => Reply::Text(t),
                })
            }
            Ask::Type { hint } => {
                let typed = dialoguer::Input::<String>::with_theme(&self.theme)
                    .with_prompt(t!("prompt.type", hint = hint))
                    .allow_empty(true)
                    .interact_text_on(&self.term);
                match typed {
                    Ok(s) => Ok(Command::parse(&s).map_or(Reply::Text(s), Reply::Command)),
                    Err(e) => interrupted(e),
                }
            }
        }
    }

    fn confirm(&mut self, message: &str, default: bool) -> io::Result<bool> {
        #[cfg(unix)]
        let _keys = interrupt::KeysNotSignals::new(self.tty.as_ref());
        match dialoguer::Confirm::with_theme(&self.theme)
            .with_prompt(message)
            .default(default)
            .interact_on(&self.term)
        {
            Ok(b) => Ok(b),
            Err(dialoguer::Error::IO(e)) if e.kind() == io::ErrorKind::Interrupted => Ok(false),
            Err(dialoguer::Error::IO(e)) => Err(e),
        }
    }

    fn is_terminal(&self) -> bool {
        true
    }
}

/// Writes `text` and flushes: a script waiting for a line must get it at once.
pub fn emit(out: &mut dyn Write, text: &str) -> io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// SIGINT while a terminal session runs: noted, never fatal.
#[cfg(unix)]
mod interrupt {
    use std::sync::atomic::{AtomicBool, Ordering};

    static INTERRUPTED: AtomicBool = AtomicBool::new(false);

    extern "C" fn note(_: libc::c_int) {
        INTERRUPTED.store(true, Ordering::SeqCst);
    }

    pub fn install() {
        // SAFETY: the handler only stores to an atomic (async-signal-safe); the struct is
        // zeroed then filled as sigaction(2) requires.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = note as *const () as libc::sighandler_t;
            libc::sigemptyset(&mut sa.sa_mask);
            // No SA_RESTART: a blocked read returns EINTR, which the prompt reports.
            sa.sa_flags = 0;
            libc::sigaction(libc::SIGINT, &sa, std::ptr::null_mut());
        }
    }

    pub fn happened() -> bool {
        INTERRUPTED.load(Ordering::SeqCst)
    }

    /// While it lives, Ctrl-C typed at the terminal is a key, not a signal. console reads a
    /// prompt's keys in raw mode, where Ctrl-C is a key (and it then raises SIGINT itself),
    /// but only once the prompt is drawn: a Ctrl-C typed while it was being drawn came as
    /// a signal after [`happened`] was asked and before the read began, and the read then
    /// waited for another key. Held from before that question to after the read, every
    /// Ctrl-C is either seen by the question or waiting for the read.
    pub struct KeysNotSignals<'t> {
        tty: Option<(&'t std::fs::File, libc::termios)>,
    }

    impl<'t> KeysNotSignals<'t> {
        /// `tty`: the terminal (none: nothing to do).
        pub fn new(tty: Option<&'t std::fs::File>) -> Self {
            use std::os::fd::AsRawFd;
            let tty = tty.and_then(|f| {
                // SAFETY: the termios struct is filled by tcgetattr before it is read,
                // and the descriptor stays open while `f` lives.
                unsafe {
                    let mut t: libc::termios = std::mem::zeroed();
                    if libc::tcgetattr(f.as_raw_fd(), &mut t) != 0 {
                        return None;
                    }
                    let saved = t;
                    t.c_lflag &= !libc::ISIG;
                    if libc::tcsetattr(f.as_raw_fd(), libc::TCSANOW, &t) != 0 {
                        return None;
                    }
                    Some((f, saved))
                }
            });
            KeysNotSignals { tty }
        }
    }

    impl Drop for KeysNotSignals<'_> {
        fn drop(&mut self) {
            use std::os::fd::AsRawFd;
            if let Some((f, saved)) = &self.tty {
                // SAFETY: `saved` came from tcgetattr on this open descriptor.
                unsafe {
                    libc::tcsetattr(f.as_raw_fd(), libc::TCSANOW, saved);
                }
            }
        }
    }
}
