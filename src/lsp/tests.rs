//! The server against hostile input: frames that announce impossible
//! lengths, folders with link loops and links out, files outside every
//! workspace folder, and bursts of full edits.

use std::io::Cursor;
use std::path::Path;
use std::sync::mpsc;

use lsp_server::{Message, Notification};
use lsp_types::Url;
use serde_json::json;

use super::{Incoming, MAX_MESSAGE, Project, Server, read_messages};

fn read_all(input: &str) -> Vec<Incoming> {
    let (tx, rx) = mpsc::channel();
    read_messages(&mut Cursor::new(input.as_bytes().to_vec()), &tx);
    drop(tx);
    rx.into_iter().collect()
}

fn error_message(incoming: &Incoming) -> String {
    match incoming {
        Incoming::Malformed(value) => value["error"]["message"].as_str().unwrap_or("").to_owned(),
        Incoming::Message(_) => String::new(),
    }
}

#[test]
fn impossible_lengths_are_a_clear_error_not_a_panic() {
    for length in [
        "18446744073709551615",
        "99999999999999",
        &(MAX_MESSAGE + 1).to_string(),
    ] {
        let read = read_all(&format!("Content-Length: {length}\r\n\r\n{{}}"));
        assert_eq!(read.len(), 1, "{length}");
        let message = error_message(&read[0]);
        assert!(
            message.contains("longer than the 64 MiB the server reads"),
            "{length}: {message}"
        );
    }
    // A length past u64 is no length at all.
    let read = read_all("Content-Length: 99999999999999999999999\r\n\r\n{}");
    assert!(error_message(&read[0]).contains("valid `Content-Length`"));
}

#[test]
fn the_walk_keeps_to_the_folder_and_to_regular_files() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let outside = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path();
    std::fs::write(root.join("policy.policy"), "item email \"email\"\n").expect("write");
    std::fs::create_dir(root.join("sub")).expect("mkdir");
    std::fs::write(root.join("sub/more.policy"), "item name \"name\"\n").expect("write");
    // Two links back up make the walk exponential when followed.
    std::os::unix::fs::symlink(".", root.join("x")).expect("symlink");
    std::os::unix::fs::symlink(".", root.join("y")).expect("symlink");
    std::os::unix::fs::symlink(outside.path(), root.join("away")).expect("symlink");
    std::fs::write(outside.path().join("secret.policy"), "item s \"SECRET\"\n").expect("write");
    std::os::unix::fs::symlink(
        outside.path().join("secret.policy"),
        root.join("linked.policy"),
    )
    .expect("symlink");
    let fifo = std::process::Command::new("mkfifo")
        .arg(root.join("pipe.policy"))
        .status()
        .is_ok_and(|s| s.success());
    let project = Project::load(root);
    let mut files: Vec<String> = project
        .files()
        .map(|id| {
            project.source(id).path.strip_prefix(root).map_or_else(
                |_| project.source(id).path.display().to_string(),
                |p| p.display().to_string(),
            )
        })
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["policy.policy", "sub/more.policy"],
        "fifo made: {fifo}"
    );
}

fn notification(method: &str, params: serde_json::Value) -> Incoming {
    Incoming::Message(Message::Notification(Notification::new(
        method.to_owned(),
        params,
    )))
}

fn file_uri(path: &Path) -> Url {
    Url::from_file_path(path).expect("an absolute path")
}

#[test]
fn a_burst_of_full_edits_is_parsed_once_in_its_last_version() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let uri = file_uri(&dir.path().join("big.policy"));
    let (tx, rx) = mpsc::channel();
    let version = |n: usize| {
        format!(
            "item email \"email address, version {n}\"\n{}",
            "# x\n".repeat(2000)
        )
    };
    tx.send(notification(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "candor", "version": 0, "text": version(0)}}),
    ))
    .expect("send");
    for n in 1..=300 {
        tx.send(notification(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": n}, "contentChanges": [{"text": version(n)}]}),
        ))
        .expect("send");
    }
    // Any other message needs the documents as they are: the burst ends.
    tx.send(notification("$/setTrace", json!({"value": "off"})))
        .expect("send");
    tx.send(notification("exit", json!(null))).expect("send");
    let mut server = Server::new(Vec::new());
    let _ = server.serve(&rx);
    assert_eq!(server.edits_applied, 1, "every edit was parsed on its own");
    let project = &server.projects[0];
    let id = project.files().next().expect("the file");
    assert!(project.source(id).text.contains("version 300\""));
}

#[test]
fn a_file_outside_the_workspace_reads_no_subfolder() {
    let workspace = tempfile::tempdir().expect("a temporary directory");
    let elsewhere = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(elsewhere.path().join("other.policy"), "item x \"x\"\n").expect("write");
    std::fs::create_dir(elsewhere.path().join("deeper")).expect("mkdir");
    std::fs::write(elsewhere.path().join("deeper/far.policy"), "item z \"z\"\n").expect("write");
    let (tx, rx) = mpsc::channel();
    let uri = file_uri(&elsewhere.path().join("opened.policy"));
    tx.send(notification(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "candor", "version": 0, "text": "item y \"y\"\n"}}),
    ))
    .expect("send");
    // Any other message needs the documents as they are: the burst ends.
    tx.send(notification("$/setTrace", json!({"value": "off"})))
        .expect("send");
    tx.send(notification("exit", json!(null))).expect("send");
    let mut server = Server::new(Vec::new());
    server.workspaces = vec![workspace.path().to_owned()];
    let _ = server.serve(&rx);
    let project = &server.projects[0];
    assert_eq!(
        project.files().count(),
        2,
        "the opened file and its sibling, not deeper/"
    );
}
