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

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "okänt fel".to_string()
    }
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
    fn value_passes_through() {
        assert_eq!(guarded(|| 7), Ok(7));
    }
}
