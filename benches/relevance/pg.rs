//! PostgreSQL full-text search as a baseline for the relevance benchmark.
//!
//! [`Server`] runs a private PostgreSQL in a temporary folder (its own
//! `initdb`, a unix socket in that folder, no TCP) and stops it when dropped,
//! also when the benchmark fails half-way. [`FullText`] loads the same
//! sections Finsamsök indexed into one table with a Swedish `tsvector` and a
//! GIN index, and answers `websearch_to_tsquery('swedish', q)` ranked by
//! `ts_rank_cd`.

use crate::eval::{Passage, TOP_K};
use anyhow::{Context, Result, bail};
use postgres::{Client, NoTls};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

/// Where Debian installs the server binaries, one folder per major version.
const DEBIAN_ROOT: &str = "/usr/lib/postgresql";
/// The unprivileged user the server runs as when we are root.
const SERVER_USER: &str = "postgres";

/// A section as loaded into PostgreSQL.
pub struct SectionRow {
    /// Document title.
    pub title: String,
    /// Section heading.
    pub heading: String,
    /// Section text.
    pub text: String,
}

/// A running private PostgreSQL server; stopped on drop.
pub struct Server {
    dir: TempDir,
    bin: PathBuf,
    /// Whether we run as root and so must hand the server to [`SERVER_USER`].
    as_root: bool,
}

impl Server {
    /// Starts a server, or `Ok(None)` when PostgreSQL is not installed.
    pub fn start() -> Result<Option<Server>> {
        let Some(bin) = find_bin_dir() else {
            return Ok(None);
        };
        let dir = tempfile::Builder::new().prefix("finsam-pg").tempdir()?;
        let server = Server {
            dir,
            bin,
            as_root: is_root()?,
        };
        if server.as_root {
            run(Command::new("chown")
                .arg(SERVER_USER)
                .arg(server.dir.path()))?;
        }
        let data = server.data();
        server.pg(
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ],
        )?;
        let options = format!("-c listen_addresses='' -k {}", server.dir.path().display());
        let log = server.dir.path().join("server.log").display().to_string();
        server.pg(
            "pg_ctl",
            &["-D", &data, "-o", &options, "-l", &log, "-w", "start"],
        )?;
        Ok(Some(server))
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    /// Runs a server binary as the server user.
    fn pg(&self, program: &str, args: &[&str]) -> Result<()> {
        let program = self.bin.join(program);
        let mut command = if self.as_root {
            let mut c = Command::new("runuser");
            c.args(["-u", SERVER_USER, "--"]).arg(program);
            c
        } else {
            Command::new(program)
        };
        run(command.args(args))
    }

    /// Opens a connection to `database` over the server's unix socket.
    fn connect(&self, database: &str) -> Result<Client> {
        let config = format!(
            "host={} user=postgres dbname={database}",
            self.dir.path().display()
        );
        Ok(Client::connect(&config, NoTls)?)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let data = self.data();
        if !Path::new(&data).join("postmaster.pid").exists() {
            return; // never started (initdb or start failed)
        }
        if let Err(err) = self.pg("pg_ctl", &["-D", &data, "-m", "fast", "-w", "stop"]) {
            eprintln!("could not stop PostgreSQL in {data}: {err:#}");
        }
    }
}

/// The newest `/usr/lib/postgresql/N/bin` that has `initdb`.
fn find_bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(DEBIAN_ROOT)
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn is_root() -> Result<bool> {
    let output = Command::new("id").arg("-u").output()?;
    Ok(String::from_utf8_lossy(&output.stdout).trim() == "0")
}

fn run(command: &mut Command) -> Result<()> {
    let output = command
        .output()
        .with_context(|| format!("running {command:?}"))?;
    if !output.status.success() {
        bail!(
            "{command:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(())
}

/// The sections table in a running server, queried by one client.
pub struct FullText {
    client: RefCell<Client>,
}

impl FullText {
    /// Creates the table and index in a fresh database and loads `sections`.
    pub fn load(server: &Server, database: &str, sections: &[SectionRow]) -> Result<FullText> {
        let mut admin = server.connect("postgres")?;
        admin.batch_execute(&format!("CREATE DATABASE {database}"))?;
        let mut client = server.connect(database)?;
        client.batch_execute(
            "CREATE TABLE sections (
                 title text NOT NULL, heading text NOT NULL, body text NOT NULL,
                 tsv tsvector GENERATED ALWAYS AS
                     (to_tsvector('swedish', title || ' ' || heading || ' ' || body)) STORED);
             CREATE INDEX sections_tsv ON sections USING GIN (tsv);",
        )?;
        let insert =
            client.prepare("INSERT INTO sections (title, heading, body) VALUES ($1, $2, $3)")?;
        for s in sections {
            client.execute(&insert, &[&s.title, &s.heading, &s.text])?;
        }
        client.batch_execute("ANALYZE sections")?;
        Ok(FullText {
            client: RefCell::new(client),
        })
    }

    /// The top sections for a query as a user would type it.
    pub fn search(&self, query: &str) -> Vec<Passage> {
        let sql = "SELECT heading, body FROM sections, websearch_to_tsquery('swedish', $1) q
                   WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC LIMIT $2";
        let limit = TOP_K as i64;
        match self.client.borrow_mut().query(sql, &[&query, &limit]) {
            Ok(rows) => rows
                .iter()
                .map(|row| Passage {
                    heading: row.get(0),
                    text: row.get(1),
                })
                .collect(),
            Err(err) => {
                eprintln!("PostgreSQL query {query:?} failed: {err}");
                Vec::new()
            }
        }
    }
}
