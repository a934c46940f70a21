//! A reader that stops early (`onr ... | head -1`) ends the output, not in failure: exit 0 and
//! nothing on stderr, for TSV and for JSON lines alike.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

fn first_line_then_close(args: &[&str], input: &str) -> (Option<i32>, String) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("onr"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_owned();
    // Feed the input from a thread: the child may stop reading once its output is closed.
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(!line.is_empty(), "the command printed nothing");
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_line_writer_exits_0_when_the_reader_goes_away() {
    // Far more output than a pipe buffer holds, so the writes after the first line fail.
    let hetus = "131052-308T\n".repeat(200_000);
    let oids = "1.2.246.562.24.10000000003\n".repeat(200_000);
    let pairs = "Virtanen\tVirtala\n".repeat(200_000);
    for (args, input) in [
        (&["hetu", "validate", "--format", "tsv", "-"][..], &hetus),
        (&["hetu", "validate", "--format", "json", "-"][..], &hetus),
        (&["oid", "validate", "--format", "tsv", "-"][..], &oids),
        (&["oid", "validate", "--format", "json", "-"][..], &oids),
        (&["similarity", "-"][..], &pairs),
    ] {
        let (code, stderr) = first_line_then_close(args, input);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}
