//! `scripts/run.sh`, the README's first command, on a machine without
//! Tesseract (or without a C compiler for the build): it installs what is
//! missing with apt-get, then serves — and serves even when installing fails. The machine is a PATH of stand-ins
//! that record how they were called.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A folder of programs: stand-ins that log their arguments to `log`, and
/// links to the real tools the script needs besides.
struct FakeMachine {
    bin: tempfile::TempDir,
    log: PathBuf,
}

impl FakeMachine {
    fn new() -> FakeMachine {
        let bin = tempfile::tempdir().unwrap();
        let log = bin.path().join("calls.log");
        for tool in ["dirname", "grep", "id", "cat"] {
            let real = ["/usr/bin", "/bin"]
                .iter()
                .map(|dir| Path::new(dir).join(tool))
                .find(|p| p.exists())
                .unwrap();
            std::os::unix::fs::symlink(real, bin.path().join(tool)).unwrap();
        }
        let machine = FakeMachine { bin, log };
        machine.program("cargo", "");
        machine.program("cc", "");
        machine
    }

    /// Adds `name`, which logs `name args…` and then runs `body`.
    fn program(&self, name: &str, body: &str) {
        let path = self.bin.path().join(name);
        let script = format!(
            "#!/bin/bash\necho \"{name} $*\" >> '{}'\n{body}\n",
            self.log.display()
        );
        std::fs::write(&path, script).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    /// Runs the script; returns the calls logged and its stderr.
    fn run(&self) -> (Vec<String>, String) {
        // A non-root user would go through sudo: let it just run the command.
        self.program("sudo", "exec \"$@\"");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/run.sh");
        let out = Command::new("/bin/bash")
            .arg(script)
            .args(["--addr", "127.0.0.1:3999"])
            .env("PATH", self.bin.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let calls = std::fs::read_to_string(&self.log).unwrap_or_default();
        let calls = calls
            .lines()
            .filter(|l| !l.starts_with("sudo "))
            .map(str::to_string)
            .collect();
        (calls, String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

const SERVE: &str = "cargo run --release -- serve --addr 127.0.0.1:3999";

#[test]
fn without_tesseract_it_installs_ocr_then_serves() {
    let machine = FakeMachine::new();
    machine.program("apt-get", "");
    machine.program("pdftotext", "");
    machine.program("pdftoppm", "");
    let (calls, _) = machine.run();
    assert_eq!(
        calls,
        [
            "apt-get update -qq",
            "apt-get install -y -qq tesseract-ocr tesseract-ocr-swe",
            SERVE
        ]
    );
}

#[test]
fn without_poppler_and_tesseract_it_installs_both() {
    let machine = FakeMachine::new();
    machine.program("apt-get", "");
    let (calls, _) = machine.run();
    assert_eq!(
        calls[1],
        "apt-get install -y -qq poppler-utils tesseract-ocr tesseract-ocr-swe"
    );
    assert_eq!(calls[2], SERVE);
}

#[test]
fn without_a_c_compiler_it_installs_gcc_for_the_build() {
    let machine = FakeMachine::new();
    std::fs::remove_file(machine.bin.path().join("cc")).unwrap();
    machine.program("apt-get", "");
    machine.program("pdftotext", "");
    machine.program("pdftoppm", "");
    let (calls, _) = machine.run();
    assert_eq!(
        calls[1],
        "apt-get install -y -qq gcc libc6-dev tesseract-ocr tesseract-ocr-swe"
    );
    assert_eq!(calls[2], SERVE);
}

#[test]
fn with_everything_installed_it_only_serves() {
    let machine = FakeMachine::new();
    machine.program(
        "tesseract",
        "echo 'List of available languages (2):'; echo eng; echo swe",
    );
    machine.program("pdftotext", "");
    machine.program("pdftoppm", "");
    let (calls, _) = machine.run();
    assert_eq!(calls, ["tesseract --list-langs", SERVE]);
}

#[test]
fn when_installing_fails_it_says_so_and_serves_anyway() {
    let machine = FakeMachine::new();
    machine.program("apt-get", "exit 100");
    let (calls, stderr) = machine.run();
    assert_eq!(calls.last().unwrap(), SERVE);
    assert!(stderr.contains("Kunde inte installera"), "{stderr}");
}

#[test]
fn without_apt_get_it_says_what_to_install_and_serves() {
    let machine = FakeMachine::new();
    let (calls, stderr) = machine.run();
    assert_eq!(calls, [SERVE]);
    assert!(
        stderr.contains("Installera poppler-utils tesseract-ocr tesseract-ocr-swe"),
        "{stderr}"
    );
}
