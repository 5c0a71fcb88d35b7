//! Running library code that may panic without losing the whole document.
//!
//! pdf-extract panics on malformed input by design, so every call into it
//! goes through [`guarded`], which turns a panic into an `Err` with the panic
//! message. To keep those expected panics out of the logs, the first call
//! installs (once, process-wide) a panic hook that stays silent while the
//! current thread is inside [`guarded`] and otherwise hands the panic to the
//! hook that was installed before, so panics elsewhere print as usual.
//! Code that later replaces the hook with `std::panic::set_hook` only loses
//! the silencing, nothing else.

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static SILENT: Cell<bool> = const { Cell::new(false) };
}

static INSTALL_HOOK: Once = Once::new();

/// Panic messages end up in user-facing warnings; longer ones are cut.
const MAX_MESSAGE: usize = 120;

/// Runs `f`, returning the panic message as `Err` if it panics.
pub(crate) fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    INSTALL_HOOK.call_once(install_quiet_hook);
    let was_silent = SILENT.with(|s| s.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    SILENT.with(|s| s.set(was_silent));
    result.map_err(|payload| panic_message(payload.as_ref()))
}

fn install_quiet_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !SILENT.with(Cell::get) {
            previous(info);
        }
    }));
}

/// The panic's message, cut to its first line and [`MAX_MESSAGE`] characters.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    let message = if let Some(s) = payload.downcast_ref::<&str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.as_str()
    } else {
        "okänt fel"
    };
    message
        .lines()
        .next()
        .unwrap_or_default()
        .chars()
        .take(MAX_MESSAGE)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_becomes_err_with_message() {
        let result: Result<(), String> = guarded(|| panic!("trasig tabell"));
        assert_eq!(result, Err("trasig tabell".to_string()));
    }

    #[test]
    fn long_message_is_cut() {
        let result: Result<(), String> = guarded(|| panic!("{}\nandra raden", "x".repeat(500)));
        assert_eq!(result, Err("x".repeat(MAX_MESSAGE)));
    }

    #[test]
    fn value_passes_through() {
        assert_eq!(guarded(|| 7), Ok(7));
    }
}
