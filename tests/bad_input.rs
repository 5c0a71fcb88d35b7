//! Every kind of bad input has a defined, reported outcome; the run goes on
//! and the good files in the same folder are searchable afterwards.

mod common;

use common::{finsam, ingest_args};
use finsam::ingest::{Isolation, WorkerLimits, WorkerPool};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract")
        .join(name)
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/exempel")
        .join(name)
}

/// The stderr line reporting `name`, if any.
fn line_for<'a>(stderr: &'a str, name: &str) -> &'a str {
    stderr
        .lines()
        .find(|l| l.contains(name) && !l.starts_with("  "))
        .unwrap_or("")
}

#[test]
fn every_bad_input_is_reported_and_good_files_stay_searchable() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let dir = corpus.path();
    let copy = |from: PathBuf, to: &str| std::fs::copy(from, dir.join(to)).unwrap();
    copy(fixture("empty.pdf"), "tom.pdf");
    copy(fixture("not_a_pdf.pdf"), "word-dokument.pdf");
    copy(fixture("truncated.pdf"), "avbruten.pdf");
    copy(fixture("encrypted_user.pdf"), "losenord.pdf");
    copy(fixture("encrypted_owner.pdf"), "skrivskydd.pdf");
    copy(fixture("panic_page.pdf"), "panik.pdf");
    copy(fixture("self_form.pdf"), "sjalvritande.pdf");
    copy(fixture("memory_bomb.pdf"), "minnesbomb.pdf");
    copy(sample("gavleborg-kvartalsrapport-2024q1.pdf"), "bra.pdf");
    std::fs::write(dir.join("stor.txt"), "Återvändare ".repeat(200_000)).unwrap();
    std::os::unix::fs::symlink(dir.join("finns-inte.pdf"), dir.join("trasig-lank.pdf")).unwrap();
    std::fs::create_dir(dir.join("undermapp")).unwrap();
    std::os::unix::fs::symlink(dir, dir.join("undermapp/slinga")).unwrap();

    let report = index.path().join("rapport.json");
    let mut args = ingest_args(dir, index.path());
    let limits = ["--max-file-mb", "1", "--memory-mb", "1024"];
    args.extend(limits.map(String::from));
    args.extend(["--report", report.to_str().unwrap()].map(String::from));
    let out = finsam(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "ingest failed:\n{stderr}");
    let expect = [
        ("tom.pdf", "tom fil"),
        ("word-dokument.pdf", "inte en PDF"),
        ("losenord.pdf", "lösenordsskyddad"),
        ("stor.txt", "större än gränsen"),
        ("trasig-lank.pdf", "kan inte"),
        ("slinga", "cirkel"),
        ("minnesbomb.pdf", "kraschade eller fick slut på minne"),
    ];
    for (name, reason) in expect {
        let line = line_for(&stderr, name);
        assert!(
            line.starts_with("MISSLYCKADES") && line.contains(reason),
            "{name}: {line:?}\n{stderr}"
        );
    }
    assert!(
        line_for(&stderr, "skrivskydd.pdf").starts_with("ok"),
        "owner-password PDF:\n{stderr}"
    );
    assert!(line_for(&stderr, "bra.pdf").starts_with("ok"));
    assert!(
        line_for(&stderr, "sjalvritande.pdf").starts_with("ok"),
        "a form that draws itself:\n{stderr}"
    );
    for name in ["avbruten.pdf", "panik.pdf"] {
        assert!(
            !line_for(&stderr, name).is_empty(),
            "{name} not reported:\n{stderr}"
        );
    }

    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(report).unwrap()).unwrap();
    let outcomes = report["outcomes"].as_array().unwrap();
    let status_of = |path: &str| {
        outcomes
            .iter()
            .find(|o| o["path"] == path)
            .map(|o| o["outcome"]["status"].clone())
    };
    assert_eq!(status_of("losenord.pdf"), Some("failed".into()));
    assert_eq!(status_of("bra.pdf"), Some("indexed".into()));

    let out = finsam(&[
        "search",
        "kvartalsrapport",
        "--index",
        index.path().to_str().unwrap(),
        "--json",
    ]);
    let results: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"bra.pdf"), "{paths:?}");
}

#[test]
fn a_failed_file_is_not_read_again_until_it_changes() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("not_a_pdf.pdf"), corpus.path().join("x.pdf")).unwrap();
    let args = ingest_args(corpus.path(), index.path());
    finsam(&args);
    let again = String::from_utf8_lossy(&finsam(&args).stderr).to_string();
    assert!(
        line_for(&again, "x.pdf").contains("oförändrad sedan förra körningen"),
        "{again}"
    );
}

#[test]
fn a_worker_crash_fails_only_that_file_and_the_pool_goes_on() {
    let pool = WorkerPool::new(WorkerLimits {
        program: PathBuf::from(env!("CARGO_BIN_EXE_finsam")),
        timeout: Duration::from_secs(60),
        memory_mb: 1024,
    });
    let isolation = Isolation::Subprocess(pool);
    let good = sample("gavleborg-kvartalsrapport-2024q1.pdf");
    let before = isolation.extract(&good).unwrap();
    // Running out of memory aborts the worker process: nothing to catch inside it.
    let error = isolation.extract(&fixture("memory_bomb.pdf")).unwrap_err();
    assert!(error.contains("kraschade"), "{error}");
    for _ in 0..2 {
        let after = isolation.extract(&good).unwrap();
        assert_eq!(after.pages, before.pages);
    }
    let panicking = isolation.extract(&fixture("panic_page.pdf")).unwrap();
    assert_eq!(panicking.pages.len(), 2);
}
