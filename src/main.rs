//! `finsam`: ingest a folder of reports, serve the search page and API, or
//! search from the terminal.

mod progress;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use finsam::analysis::Profile;
use finsam::ingest::{self, IngestOptions, Isolation, WorkerLimits, WorkerPool};
use finsam::search::{Counts, Grouping, SearchRequest, SearchResults, SearchService};
use finsam::server::{self, AppState, Limits};
use progress::ProgressView;
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Finsamsök – sök i samordningsförbundens rapporter.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Index every .pdf, .txt and .md file below the corpus folder.
    Ingest {
        #[command(flatten)]
        paths: Paths,
        /// Start from an empty index (also throws away one built by another version).
        #[arg(long)]
        rebuild: bool,
        /// New documents extracted between two commits, at most (a commit
        /// also comes at least once a minute).
        #[arg(long, default_value_t = ingest::DEFAULT_COMMIT_EVERY)]
        commit_every: usize,
        /// Write each file's outcome as JSON to this file.
        #[arg(long)]
        report: Option<PathBuf>,
        /// Index compounds whole, without their parts (to measure what splitting adds).
        #[arg(long)]
        stemming_only: bool,
        #[command(flatten)]
        reading: Reading,
    },
    /// Serve the web page and the JSON API (ingests first if the index is missing or stale).
    Serve {
        #[command(flatten)]
        paths: Paths,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:3000", env = "FINSAM_ADDR")]
        addr: SocketAddr,
        /// Folder with the web page's static files.
        #[arg(long, default_value = "web")]
        web: PathBuf,
        /// Do not ingest before serving, even when the index is stale.
        #[arg(long)]
        no_ingest: bool,
        /// Time budget of one search in milliseconds; a slower search answers 503.
        #[arg(long, default_value_t = 2000, env = "FINSAM_SEARCH_TIMEOUT_MS")]
        search_timeout_ms: u64,
        #[command(flatten)]
        reading: Reading,
    },
    /// Extract the files whose NUL-terminated paths arrive on stdin, one JSON answer line
    /// each, in an isolated child process (ingest keeps a pool of these).
    #[command(hide = true)]
    ExtractWorker {
        /// Address-space limit in MiB.
        #[arg(long)]
        memory_mb: u64,
    },
    /// Show what ingest reads from one file: its sections (or pages with --pages), as JSON.
    Inspect {
        /// A .pdf, .txt or .md file.
        file: PathBuf,
        /// Print the extracted pages and lines (with font sizes) instead of the sections.
        #[arg(long)]
        pages: bool,
    },
    /// Search from the terminal.
    Search {
        /// The query, e.g. "nollplacerade framgångsfaktorer".
        query: String,
        /// Index folder.
        #[arg(long, default_value = "index", env = "FINSAM_INDEX")]
        index: PathBuf,
        #[command(flatten)]
        filters: Filters,
        /// Number of hits.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print the full answer as JSON.
        #[arg(long)]
        json: bool,
        /// Show the query terms each hit matched, per field.
        #[arg(long)]
        explain: bool,
        /// One hit per report (its best sections) instead of one per section.
        #[arg(long)]
        by_report: bool,
    },
}

/// Facet filters and the year range of `search` (each facet repeatable: OR).
#[derive(clap::Args)]
struct Filters {
    /// Keep only these förbund.
    #[arg(long)]
    forbund: Vec<String>,
    /// Keep only these målgrupper.
    #[arg(long)]
    malgrupp: Vec<String>,
    /// Keep only these report types.
    #[arg(long)]
    report_type: Vec<String>,
    /// Keep only sections of these kinds, e.g. resultat, framgångsfaktorer.
    #[arg(long)]
    section_kind: Vec<String>,
    /// Keep only documents with this owner (huvudman).
    #[arg(long)]
    owner: Vec<String>,
    /// Keep only documents naming this partner.
    #[arg(long)]
    partner: Vec<String>,
    /// Keep only documents from this year on.
    #[arg(long)]
    year_from: Option<u64>,
    /// Keep only documents up to this year.
    #[arg(long)]
    year_to: Option<u64>,
}

impl Filters {
    /// The request for `q` under these filters.
    fn request(self, q: String) -> SearchRequest {
        let facets = [
            ("forbund", self.forbund),
            ("malgrupp", self.malgrupp),
            ("report_type", self.report_type),
            ("section_kind", self.section_kind),
            ("owner", self.owner),
            ("partner", self.partner),
        ];
        SearchRequest {
            q,
            filters: facets
                .into_iter()
                .filter(|(_, values)| !values.is_empty())
                .map(|(facet, values)| (facet.to_string(), values))
                .collect(),
            year_from: self.year_from,
            year_to: self.year_to,
            ..SearchRequest::default()
        }
    }
}

/// How files are read: limits on one file, and personal data.
#[derive(clap::Args)]
struct Reading {
    /// Longest time extracting one file may go without progress, in seconds (each page
    /// read by OCR is progress; a file may take at most 15 times this in all).
    #[arg(long, default_value_t = 120)]
    timeout_secs: u64,
    /// Memory limit of each extraction worker process (it reads one file at a time), in MiB.
    #[arg(long, default_value_t = 4096)]
    memory_mb: u64,
    /// Files larger than this many MiB are not read.
    #[arg(long, default_value_t = 500)]
    max_file_mb: u64,
    /// Keep personnummer and samordningsnummer unmasked (only for a closed
    /// installation; by default they are masked as 19850315-XXXX).
    #[arg(long, env = "FINSAM_KEEP_PERSONNUMMER")]
    keep_personnummer: bool,
}

impl Reading {
    /// Ingest options for `paths` that extract in a child process of this binary.
    fn options(&self, paths: &Paths) -> Result<IngestOptions> {
        let program = std::env::current_exe().context("kan inte hitta finsam-programmet")?;
        let limits = WorkerLimits {
            program,
            timeout: Duration::from_secs(self.timeout_secs),
            memory_mb: self.memory_mb,
        };
        Ok(IngestOptions {
            isolation: Isolation::Subprocess(WorkerPool::new(limits)),
            max_file_bytes: self.max_file_mb.saturating_mul(1024 * 1024),
            keep_personnummer: self.keep_personnummer,
            ..IngestOptions::new(&paths.corpus, &paths.index)
        })
    }
}

#[derive(clap::Args)]
struct Paths {
    /// Folder of source documents.
    #[arg(long, default_value = "corpus", env = "FINSAM_CORPUS")]
    corpus: PathBuf,
    /// Index folder.
    #[arg(long, default_value = "index", env = "FINSAM_INDEX")]
    index: PathBuf,
}

/// Log filter when `RUST_LOG` is not set: the PDF libraries' own notes
/// (English, about the file's structure) stay out; what they mean for a
/// file is reported in Swedish by ingest.
const DEFAULT_LOG: &str = "info,lopdf=off,pdf_extract=off";

fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| DEFAULT_LOG.into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Ingest {
            paths,
            rebuild,
            commit_every,
            report,
            stemming_only,
            reading,
        } => {
            let profile = match stemming_only {
                true => Profile::StemmingOnly,
                false => Profile::Full,
            };
            let options = IngestOptions {
                rebuild,
                commit_every,
                profile,
                ..reading.options(&paths)?
            };
            warn_without_ocr();
            run_ingest(&options, report.as_deref())
        }
        Command::Serve {
            paths,
            addr,
            web,
            no_ingest,
            search_timeout_ms,
            reading,
        } => {
            warn_without_ocr();
            if !no_ingest && ingest::is_stale(&paths.corpus, &paths.index) {
                eprintln!(
                    "Indexet saknas eller är äldre än korpusen – indexerar {} …",
                    paths.corpus.display()
                );
                run_ingest(&reading.options(&paths)?, None)?;
                release_freed_memory();
            }
            let server_limits =
                Limits::default().with_search_time(Duration::from_millis(search_timeout_ms));
            serve(&paths, addr, web, server_limits)
        }
        Command::Inspect { file, pages } => inspect(&file, pages),
        Command::ExtractWorker { memory_mb } => Ok(ingest::worker_main(memory_mb)?),
        Command::Search {
            query,
            index,
            filters,
            limit,
            json,
            explain,
            by_report,
        } => {
            let request = SearchRequest {
                limit,
                explain,
                group: match by_report {
                    true => Grouping::Document,
                    false => Grouping::Section,
                },
                ..filters.request(query)
            };
            search(&index, &request, json)
        }
    }
}

/// Says in one Swedish line what to install when scanned pages cannot be read.
fn warn_without_ocr() {
    if let Some(line) = finsam::extract::ocr_missing() {
        eprintln!("{line}");
    }
}

/// Hands the memory an ingest freed back to the system: glibc's allocator
/// keeps it otherwise, and a server that ingested a million sections at
/// start went on holding 4 GB while it served.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free heap pages to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

fn run_ingest(options: &IngestOptions, report_file: Option<&Path>) -> Result<()> {
    let view = ProgressView::new();
    let report = ingest::run(options, |progress| view.show(progress))?;
    view.finish();
    eprintln!("{}", report.summary());
    if let Some(file) = report_file {
        let json = serde_json::to_string_pretty(&report)?;
        std::fs::write(file, json)
            .with_context(|| format!("kan inte skriva {}", file.display()))?;
        eprintln!("Rapport per fil: {}", file.display());
    }
    Ok(())
}

fn serve(paths: &Paths, addr: SocketAddr, web: PathBuf, limits: Limits) -> Result<()> {
    let search = Arc::new(SearchService::open(&paths.index)?);
    let warming = search.clone();
    std::thread::spawn(move || warming.warm());
    let state = AppState::with_limits(search, paths.corpus.clone(), limits.clone());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(limits.blocking_threads())
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("kan inte lyssna på {addr}"))?;
        eprintln!("Finsamsök svarar på http://{addr}/");
        server::serve(
            listener,
            server::router(state, web),
            &limits,
            shutdown_signal(),
        )
        .await;
        eprintln!("Finsamsök har stängts.");
        Ok(())
    })
}

/// Completes on Ctrl-C or SIGTERM (how service managers stop a server).
async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
}

fn inspect(file: &Path, show_pages: bool) -> Result<()> {
    let extracted =
        finsam::extract::extract_file(file).with_context(|| format!("{}", file.display()))?;
    for warning in &extracted.warnings {
        eprintln!("varning: {warning}");
    }
    let json = if show_pages {
        serde_json::to_string_pretty(&extracted.pages)?
    } else {
        serde_json::to_string_pretty(&finsam::sections::split(&extracted.pages))?
    };
    print_out(&(json + "\n"))
}

fn search(index: &Path, request: &SearchRequest, json: bool) -> Result<()> {
    let service = SearchService::open(index)?;
    let results = service.search(request)?;
    if json {
        return print_out(&(serde_json::to_string_pretty(&results)? + "\n"));
    }
    print_out(&hits_as_text(&results))
}

/// Search results as terminal text: one block per hit, a line before the
/// first hit that lacks some of the words.
fn hits_as_text(results: &SearchResults) -> String {
    let mut out = String::new();
    if let Some(suggestion) = &results.suggestion {
        out += &format!("Menade du: {suggestion}? Visar träffar för den.\n");
    }
    let noun = match results.counts {
        Counts::Sections => "träffar",
        Counts::Documents => "rapporter",
    };
    out += &format!("{} {noun}\n", results.total);
    let first_partial = results.hits.iter().position(|hit| hit.partial);
    for (rank, hit) in results.hits.iter().enumerate() {
        if Some(rank) == first_partial {
            out += "--- träffarna nedan saknar något av sökorden ---\n";
        }
        out += &format!(
            "{:>2}. {} – {} (s. {}) [{}, {}]\n    {}\n    {}\n",
            rank + 1,
            hit.title,
            hit.heading,
            hit.page,
            hit.forbund,
            hit.report_type,
            plain_snippet(&hit.snippet),
            hit.path
        );
        for also in &hit.also {
            out += &format!("    även: {} (s. {})\n", also.heading, also.page);
        }
        if let Some(more) = hit.more.filter(|&n| n > 0) {
            out += &format!("    {more} fler träffar i rapporten\n");
        }
        for matched in hit.explain.iter().flatten() {
            out += &format!("    {}: {}\n", matched.field, matched.terms.join(", "));
        }
    }
    out
}

/// Writes `text` to standard output; a reader that stopped reading
/// (`finsam search … | head`) is not an error.
fn print_out(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        written => Ok(written?),
    }
}

/// The HTML snippet as one line of terminal text: marks become *stars*,
/// entities are decoded, line breaks become spaces.
fn plain_snippet(html: &str) -> String {
    let text = html
        .replace("<mark>", "*")
        .replace("</mark>", "*")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
