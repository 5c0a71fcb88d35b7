//! The server on a real loopback port: slow and idle clients are dropped,
//! a crowd of half-sent requests does not stop it from answering, and it
//! shuts down gracefully.

mod common;

use common::Ingested;
use finsam::search::SearchService;
use finsam::server::{self, AppState, Limits};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A server on a free loopback port under `limits`, stopped when `stop` is sent.
fn start(
    limits: Limits,
) -> (
    SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    std::thread::JoinHandle<()>,
    Ingested,
    tempfile::TempDir,
) {
    let (dir, corpus) = Ingested::texts(&[("a.md", "# Rapport\n\nSamverkan kring unga.\n")]);
    let search = SearchService::open(corpus.index.path()).unwrap();
    let state = AppState::with_limits(Arc::new(search), corpus.corpus.clone(), limits.clone());
    let app = server::router(state, common::web());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            addr_tx.send(listener.local_addr().unwrap()).unwrap();
            let shutdown = async {
                let _ = stopped.await;
            };
            server::serve(listener, app, &limits, shutdown).await;
        });
    });
    let addr = addr_rx.recv().unwrap();
    (addr, stop, thread, corpus, dir)
}

/// Sends a whole GET for `path` and returns the status line.
fn status_of(addr: SocketAddr, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.lines().next().unwrap_or_default().to_string()
}

/// True when the server closes `stream` within `within`.
fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    stream.set_read_timeout(Some(within)).unwrap();
    let mut buffer = [0u8; 512];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => return true,
            Ok(_) => continue, // e.g. a 408 before closing
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut =>
            {
                return false;
            }
            Err(_) => return true,
        }
    }
}

#[test]
fn half_sent_requests_are_closed_and_the_server_keeps_answering() {
    let limits = Limits {
        header_time: Duration::from_secs(1),
        connections: 64,
        ..Limits::default()
    };
    let (addr, stop, thread, _corpus, _dir) = start(limits);
    let mut slow: Vec<TcpStream> = (0..150)
        .map(|_| {
            let mut stream = TcpStream::connect(addr).unwrap();
            let _ = stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n");
            stream
        })
        .collect();
    // More half-sent requests than connection slots: /healthz still answers
    // once the header timeout frees them.
    let started = Instant::now();
    assert!(status_of(addr, "/healthz").contains("200"));
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    assert!(
        slow.iter_mut()
            .take(20)
            .all(|s| closed_within(s, Duration::from_secs(5)))
    );
    let mut idle = TcpStream::connect(addr).unwrap();
    assert!(
        closed_within(&mut idle, Duration::from_secs(5)),
        "an idle connection is closed"
    );
    stop.send(()).unwrap();
    thread.join().unwrap();
    assert!(
        TcpStream::connect(addr).is_err(),
        "the server stopped listening"
    );
}

#[test]
fn a_request_in_flight_finishes_during_a_graceful_shutdown() {
    let (addr, stop, thread, _corpus, _dir) = start(Limits::default());
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET /api/search?q=samverkan HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(300)); // let the server accept it
    stop.send(()).unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    thread.join().unwrap();
}
