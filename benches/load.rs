//! Load on the real server: many concurrent loopback clients for a while,
//! over a mix of searches, documents and the page; prints requests/s, p50 and
//! p99, errors, and the server's peak RSS and thread count. A benchmark, not
//! a test: the machines are shared and noisy. Run:
//! `cargo build --release && cargo bench --bench load`
//! (`LOAD_CLIENTS=200 LOAD_SECONDS=30` are the defaults).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The query mix: the stored relevance queries, some with a facet, some deep pages.
fn mix() -> Vec<String> {
    let tsv = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/relevance/queries.tsv"),
    )
    .expect("query set");
    let queries: Vec<String> = tsv
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(encode)
        .collect();
    let mut uris = Vec::new();
    for (i, q) in queries.iter().enumerate() {
        uris.push(format!("/api/search?q={q}"));
        match i % 6 {
            0 => uris.push(format!("/api/search?q={q}&malgrupp=unga")),
            1 => uris.push(format!("/api/search?q={q}&offset=40&limit=20")),
            2 => uris.push(format!("/api/search?q={q}&format=csv")),
            3 => uris.push("/api/documents?limit=50".to_string()),
            4 => uris.push("/".to_string()),
            _ => uris.push(format!("/api/search?q={q}&year_from=2020")),
        }
    }
    uris
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// One keep-alive client: GETs and reads whole answers; returns the status.
struct Client {
    reader: BufReader<TcpStream>,
}

impl Client {
    fn connect(port: u16) -> std::io::Result<Client> {
        let stream = TcpStream::connect(("127.0.0.1", port))?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        Ok(Client {
            reader: BufReader::new(stream),
        })
    }

    fn get(&mut self, uri: &str) -> std::io::Result<u16> {
        write!(
            self.reader.get_mut(),
            "GET {uri} HTTP/1.1\r\nHost: x\r\n\r\n"
        )?;
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status: u16 = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let (mut length, mut chunked) = (0usize, false);
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let lower = line.to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
            chunked |= lower.starts_with("transfer-encoding:") && lower.contains("chunked");
            if line == "\r\n" || line.is_empty() {
                break;
            }
        }
        if chunked {
            self.read_chunks()?;
        } else {
            let mut body = vec![0; length];
            self.reader.read_exact(&mut body)?;
        }
        Ok(status)
    }

    fn read_chunks(&mut self) -> std::io::Result<()> {
        let mut line = String::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let size = usize::from_str_radix(line.trim(), 16).unwrap_or(0);
            let mut chunk = vec![0; size + 2];
            self.reader.read_exact(&mut chunk)?;
            if size == 0 {
                return Ok(());
            }
        }
    }
}

/// Peak resident memory (kB) and current thread count of a process.
fn memory_and_threads(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:"), field("Threads:"))
}

fn start_server(binary: &Path, index: &Path, port: u16) -> Child {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut child = Command::new(binary)
        .args([
            "serve",
            "--no-ingest",
            "--addr",
            &format!("127.0.0.1:{port}"),
        ])
        .arg("--index")
        .arg(index)
        .arg("--corpus")
        .arg(root.join("corpus"))
        .arg("--web")
        .arg(root.join("web"))
        .env("RUST_LOG", "warn")
        .stderr(Stdio::null())
        .spawn()
        .expect("server starts");
    for _ in 0..200 {
        if Client::connect(port)
            .and_then(|mut c| c.get("/healthz"))
            .ok()
            == Some(200)
        {
            return child;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("server did not answer");
}

fn main() {
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("load: run it with `cargo build --release && cargo bench --bench load`");
        return;
    }
    let env = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (clients, seconds) = (env("LOAD_CLIENTS", 200) as usize, env("LOAD_SECONDS", 30));
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/finsam");
    let index = tempfile::tempdir().expect("temp dir");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let ingested = Command::new(&binary)
        .arg("ingest")
        .arg("--corpus")
        .arg(&corpus)
        .arg("--index")
        .arg(index.path())
        .stderr(Stdio::null())
        .status()
        .expect("ingest runs");
    assert!(ingested.success());
    let port = 30_000 + (std::process::id() % 20_000) as u16;
    let mut server = start_server(&binary, index.path(), port);
    let pid = server.id();
    let uris = Arc::new(mix());
    let stop = Arc::new(AtomicBool::new(false));
    let results = Arc::new(Mutex::new((Vec::<Duration>::new(), 0usize, 0usize)));
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|n| {
            let (uris, stop, results) = (uris.clone(), stop.clone(), results.clone());
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let (mut errors, mut busy) = (0, 0);
                let mut client = Client::connect(port).ok();
                let mut i = n * 7;
                while !stop.load(Ordering::Relaxed) {
                    let uri = &uris[i % uris.len()];
                    i += 1;
                    let begun = Instant::now();
                    let answer = client.as_mut().map(|c| c.get(uri));
                    match answer {
                        Some(Ok(200)) => latencies.push(begun.elapsed()),
                        Some(Ok(503)) => busy += 1,
                        _ => {
                            errors += 1;
                            client = Client::connect(port).ok();
                        }
                    }
                }
                let mut all = results.lock().unwrap();
                all.0.extend(latencies);
                all.1 += errors;
                all.2 += busy;
            })
        })
        .collect();
    let (mut peak_threads, mut peak_rss) = (0, 0);
    while started.elapsed() < Duration::from_secs(seconds) {
        let (rss, threads) = memory_and_threads(pid);
        peak_threads = peak_threads.max(threads);
        peak_rss = peak_rss.max(rss);
        std::thread::sleep(Duration::from_millis(100));
    }
    stop.store(true, Ordering::Relaxed);
    workers.into_iter().for_each(|w| w.join().unwrap());
    let elapsed = started.elapsed().as_secs_f64();
    let (rss, _) = memory_and_threads(pid);
    let _ = server.kill();
    let _ = server.wait();
    let (mut latencies, errors, busy) = std::mem::take(&mut *results.lock().unwrap());
    latencies.sort();
    let percentile = |p: f64| latencies[((latencies.len() - 1) as f64 * p) as usize];
    println!(
        "load: {clients} clients for {elapsed:.0} s over {} URIs: {} answers 200 ({:.0}/s), {busy} answers 503 (busy), {errors} errors",
        uris.len(),
        latencies.len(),
        latencies.len() as f64 / elapsed
    );
    println!(
        "latency p50 {:.1} ms, p99 {:.1} ms; server peak RSS {} MB, peak threads {peak_threads}",
        percentile(0.5).as_secs_f64() * 1000.0,
        percentile(0.99).as_secs_f64() * 1000.0,
        rss.max(peak_rss) / 1024
    );
}
