//! `finsam`: ingest a folder of reports, serve the search page and API, or
//! search from the terminal.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use finsam::analysis::Profile;
use finsam::ingest::{self, FileOutcome, IngestOptions, Outcome};
use finsam::search::{SearchRequest, SearchService};
use finsam::server::{self, AppState};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
        /// Throw away an index built by another version first.
        #[arg(long)]
        rebuild: bool,
        /// Index compounds whole, without their parts (to measure what splitting adds).
        #[arg(long)]
        stemming_only: bool,
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
        /// Keep only these förbund (repeatable).
        #[arg(long)]
        forbund: Vec<String>,
        /// Keep only these målgrupper (repeatable).
        #[arg(long)]
        malgrupp: Vec<String>,
        /// Keep only these report types (repeatable).
        #[arg(long)]
        report_type: Vec<String>,
        /// Number of hits.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print the full answer as JSON.
        #[arg(long)]
        json: bool,
    },
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

fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Ingest {
            paths,
            rebuild,
            stemming_only,
        } => {
            let profile = match stemming_only {
                true => Profile::StemmingOnly,
                false => Profile::Full,
            };
            run_ingest(&paths, rebuild, profile)
        }
        Command::Serve {
            paths,
            addr,
            web,
            no_ingest,
        } => {
            if !no_ingest && ingest::is_stale(&paths.corpus, &paths.index) {
                eprintln!(
                    "Indexet saknas eller är äldre än korpusen – indexerar {} …",
                    paths.corpus.display()
                );
                run_ingest(&paths, false, Profile::Full)?;
            }
            serve(&paths, addr, web)
        }
        Command::Inspect { file, pages } => inspect(&file, pages),
        Command::Search {
            query,
            index,
            forbund,
            malgrupp,
            report_type,
            limit,
            json,
        } => {
            let request = SearchRequest {
                q: query,
                forbund,
                malgrupp,
                report_type,
                limit,
                offset: 0,
            };
            search(&index, &request, json)
        }
    }
}

fn run_ingest(paths: &Paths, rebuild: bool, profile: Profile) -> Result<()> {
    let options = IngestOptions {
        corpus: paths.corpus.clone(),
        index: paths.index.clone(),
        rebuild,
        profile,
    };
    let report = ingest::run(&options, print_outcome)?;
    eprintln!("{}", report.summary());
    Ok(())
}

/// One line per file that failed, was skipped or has warnings.
fn print_outcome(file: &FileOutcome) {
    match &file.outcome {
        Outcome::Failed(reason) => eprintln!("MISSLYCKADES {}: {reason}", file.path),
        Outcome::Skipped(reason) => eprintln!("HOPPADES ÖVER {}: {reason}", file.path),
        Outcome::Indexed {
            pages, warnings, ..
        } => {
            eprintln!("ok {} ({pages} s.)", file.path);
            for warning in warnings {
                eprintln!("  varning {}: {warning}", file.path);
            }
        }
    }
}

#[tokio::main]
async fn serve(paths: &Paths, addr: SocketAddr, web: PathBuf) -> Result<()> {
    let search = SearchService::open(&paths.index)?;
    let state = AppState {
        search: Arc::new(search),
        corpus: paths.corpus.clone(),
    };
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("kan inte lyssna på {addr}"))?;
    eprintln!("Finsamsök svarar på http://{addr}/");
    axum::serve(listener, server::router(state, web))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

async fn shutdown_signal() {
    let _ = tokio::signal::ctrl_c().await;
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
    println!("{json}");
    Ok(())
}

fn search(index: &Path, request: &SearchRequest, json: bool) -> Result<()> {
    let service = SearchService::open(index)?;
    let results = service.search(request)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&results)?);
        return Ok(());
    }
    println!("{} träffar", results.total);
    for (rank, hit) in results.hits.iter().enumerate() {
        println!(
            "{:>2}. {} – {} (s. {}) [{}, {}]",
            rank + 1,
            hit.title,
            hit.heading,
            hit.page,
            hit.forbund,
            hit.report_type
        );
        println!("    {}", plain_snippet(&hit.snippet));
        println!("    {}", hit.path);
    }
    Ok(())
}

/// The HTML snippet as terminal text: marks become *stars*, entities are decoded.
fn plain_snippet(html: &str) -> String {
    html.replace("<mark>", "*")
        .replace("</mark>", "*")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
