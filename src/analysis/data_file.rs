//! Where the data files that are read at run time rather than compiled in
//! (their licences ask for it) are found.

use std::path::{Path, PathBuf};

/// The file named by the environment variable `env`, else `relative` under
/// the working directory, else under the source tree the binary was built from.
pub fn locate(relative: &str, env: &str) -> PathBuf {
    std::env::var_os(env).map(PathBuf::from).unwrap_or_else(|| {
        let local = PathBuf::from(relative);
        if local.exists() {
            local
        } else {
            Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
        }
    })
}
