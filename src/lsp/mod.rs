//! `candor lsp`: a Language Server over stdio.
//!
//! The messages are `lsp-server`'s types (the JSON-RPC layer of
//! rust-analyzer); the transport is ours, so that a malformed message gets
//! a JSON-RPC error response (`-32700`, `-32600`) and the server reads on,
//! where `lsp-server`'s own stdio transport ends the connection. The server
//! is synchronous: one thread reads, the main thread answers in order.
//!
//! Each policy directory an opened file belongs to is a [`Project`]: its
//! files' parses are kept, an edit re-parses one file, and resolution and
//! the rules run again over the kept parses (see [`project`]).

mod convert;
mod features;
mod index;
pub mod project;
mod schema;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeDescription, CompletionOptions, DiagnosticRelatedInformation, DiagnosticSeverity,
    HoverProviderCapability, InitializeResult, Location, NumberOrString, OneOf,
    PublishDiagnosticsParams, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind, Url,
};
use serde_json::Value;

pub use project::Project;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::FileId;

/// What the reader thread hands the main loop.
enum Incoming {
    /// A well-formed message.
    Message(Message),
    /// A message that could not be read: the error response to send.
    Malformed(Value),
}

/// Runs the server on stdin and stdout until `exit`. Returns the process
/// exit code: 0 after `shutdown` then `exit`, 1 when the input ends or
/// `exit` comes without `shutdown`.
#[must_use]
pub fn run_stdio() -> u8 {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        read_messages(&mut stdin.lock(), &tx);
    });
    let stdout = std::io::stdout();
    let mut server = Server::new(stdout.lock());
    server.serve(&rx)
}

/// The longest message the server reads: 64 MiB, far above the full text
/// of any policy file an editor sends, and far below what would exhaust
/// memory (a `Content-Length` of 18446744073709551615 asked for an
/// impossible allocation).
pub const MAX_MESSAGE: usize = 64 << 20;

/// Reads framed messages until the input ends.
fn read_messages(input: &mut dyn BufRead, tx: &mpsc::Sender<Incoming>) {
    loop {
        let mut length: Option<usize> = None;
        let mut saw_header = false;
        loop {
            let mut line = String::new();
            match input.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end();
            if line.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            saw_header = true;
            if let Some((name, value)) = line.split_once(':')
                && name.trim().eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().ok();
            }
        }
        let Some(length) = length else {
            let error = error_value(
                Value::Null,
                ErrorCode::ParseError,
                "a message without a valid `Content-Length` header",
            );
            if tx.send(Incoming::Malformed(error)).is_err() {
                return;
            }
            continue;
        };
        if length > MAX_MESSAGE {
            // Read past the body (a client that really sends it stays in
            // step), without holding it.
            let skipped = std::io::copy(
                &mut std::io::Read::take(&mut *input, length as u64),
                &mut std::io::sink(),
            );
            let error = error_value(
                Value::Null,
                ErrorCode::InvalidRequest,
                &format!(
                    "a message of {length} bytes is longer than the {} MiB the server reads",
                    MAX_MESSAGE >> 20
                ),
            );
            if tx.send(Incoming::Malformed(error)).is_err()
                || skipped.map_or(true, |n| n < length as u64)
            {
                return;
            }
            continue;
        }
        let mut body = vec![0; length];
        if input.read_exact(&mut body).is_err() {
            return;
        }
        let incoming = match serde_json::from_slice::<Value>(&body) {
            Err(e) => Incoming::Malformed(error_value(
                Value::Null,
                ErrorCode::ParseError,
                &format!("the message is not JSON: {e}"),
            )),
            Ok(value) => {
                let id = value.get("id").cloned().unwrap_or(Value::Null);
                // lsp-server reads any object with an id as a response; a
                // message must name a method or carry a result or an error.
                let shaped = value.get("method").is_some_and(Value::is_string)
                    || value.get("result").is_some()
                    || value.get("error").is_some();
                match serde_json::from_value::<Message>(value) {
                    Ok(message) if shaped => Incoming::Message(message),
                    Ok(_) => Incoming::Malformed(error_value(
                        id,
                        ErrorCode::InvalidRequest,
                        "the message has neither a method nor a result",
                    )),
                    Err(e) => Incoming::Malformed(error_value(
                        id,
                        ErrorCode::InvalidRequest,
                        &format!(
                            "the message is not a JSON-RPC request, response or notification: {e}"
                        ),
                    )),
                }
            }
        };
        let is_exit = matches!(&incoming, Incoming::Message(Message::Notification(n)) if n.method == notif::Exit::METHOD);
        if tx.send(incoming).is_err() || is_exit {
            return;
        }
    }
}

fn error_value(id: Value, code: ErrorCode, message: &str) -> Value {
    serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code as i32, "message": message },
    })
}

/// How a file changed.
#[derive(Clone, Copy)]
enum Change<'t> {
    /// The editor holds this text.
    Editor(&'t str),
    /// The editor closed it: the disk has the text.
    Closed,
    /// It changed on disk (or was created or deleted).
    Disk,
}

/// The server's state.
struct Server<W: Write> {
    out: W,
    projects: Vec<Project>,
    /// What was last published per file, to send only what changed.
    published: HashMap<Url, Vec<lsp_types::Diagnostic>>,
    /// The editor's workspace folders.
    workspaces: Vec<PathBuf>,
    /// Projects edited since their last analysis.
    dirty: std::collections::HashSet<usize>,
    /// The editor's latest text of each document edited since the last
    /// parse.
    pending: HashMap<Url, String>,
    /// How many editor texts were parsed (a burst of edits counts once).
    edits_applied: usize,
    shutdown: bool,
    initialized: bool,
    /// How a diagnostic's code links to its explanation: a template with
    /// `{code}`.
    explain_uri: String,
}

/// The default link from a code to its explanation: the VS Code command the
/// bundled extension registers.
const EXPLAIN_COMMAND: &str = "command:candor.explain?%5B%22{code}%22%5D";

impl<W: Write> Server<W> {
    fn new(out: W) -> Self {
        Server {
            out,
            projects: Vec::new(),
            published: HashMap::new(),
            workspaces: Vec::new(),
            dirty: std::collections::HashSet::new(),
            pending: HashMap::new(),
            edits_applied: 0,
            shutdown: false,
            initialized: false,
            explain_uri: EXPLAIN_COMMAND.to_owned(),
        }
    }

    fn send(&mut self, message: Message) {
        // A closed output means the client has gone; the loop ends on its own.
        let _ = message.write(&mut self.out);
    }

    fn send_value(&mut self, value: &Value) {
        let text = value.to_string();
        let _ = write!(self.out, "Content-Length: {}\r\n\r\n{text}", text.len());
        let _ = self.out.flush();
    }

    fn serve(&mut self, rx: &mpsc::Receiver<Incoming>) -> u8 {
        loop {
            // Edits are applied as they come, but the whole policy is
            // checked again only once no message is waiting: a burst of
            // keystrokes makes one analysis.
            let incoming = match rx.try_recv() {
                Ok(incoming) => incoming,
                Err(mpsc::TryRecvError::Empty) => {
                    self.analyse_dirty();
                    match rx.recv() {
                        Ok(incoming) => incoming,
                        Err(_) => return 1,
                    }
                }
                Err(mpsc::TryRecvError::Disconnected) => return 1,
            };
            match incoming {
                Incoming::Malformed(error) => self.send_value(&error),
                Incoming::Message(Message::Request(request)) => self.request(request),
                Incoming::Message(Message::Notification(n)) => {
                    if n.method == notif::Exit::METHOD {
                        return u8::from(!self.shutdown);
                    }
                    self.notification(n);
                }
                Incoming::Message(Message::Response(_)) => {}
            }
        }
    }

    /// Parses the last text the editor sent of each document edited since.
    fn apply_pending(&mut self) {
        let mut pending: Vec<(Url, String)> = self.pending.drain().collect();
        pending.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        for (uri, text) in pending {
            self.edit(&uri, Change::Editor(&text));
        }
    }

    /// Checks the projects edited since their last analysis, and publishes.
    fn analyse_dirty(&mut self) {
        self.apply_pending();
        let mut dirty: Vec<usize> = self.dirty.drain().collect();
        dirty.sort_unstable();
        for p in dirty {
            self.projects[p].analyse();
            self.publish(p);
        }
    }

    fn reply(&mut self, id: RequestId, result: Result<Value, (ErrorCode, String)>) {
        let response = match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(Message::Response(response));
    }

    fn request(&mut self, request: Request) {
        self.apply_pending();
        let Request { id, method, params } = request;
        if method == req::Initialize::METHOD {
            self.initialized = true;
            if let Some(template) = params
                .pointer("/initializationOptions/explainUri")
                .and_then(Value::as_str)
            {
                self.explain_uri = template.to_owned();
            }
            let folders = params
                .get("workspaceFolders")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|f| f.get("uri"))
                .chain(params.get("rootUri"));
            self.workspaces = folders
                .filter_map(Value::as_str)
                .filter_map(|u| Url::parse(u).ok()?.to_file_path().ok())
                .collect();
            let result = serde_json::to_value(initialize_result()).unwrap_or(Value::Null);
            return self.reply(id, Ok(result));
        }
        if !self.initialized {
            return self.reply(
                id,
                Err((
                    ErrorCode::ServerNotInitialized,
                    "send `initialize` first".to_owned(),
                )),
            );
        }
        if self.shutdown {
            return self.reply(
                id,
                Err((
                    ErrorCode::InvalidRequest,
                    "the server is shutting down".to_owned(),
                )),
            );
        }
        let result = self.answer(&method, params);
        self.reply(id, result);
    }

    fn answer(&mut self, method: &str, params: Value) -> Result<Value, (ErrorCode, String)> {
        fn parse<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, (ErrorCode, String)> {
            serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
        }
        fn json<T: serde::Serialize>(value: T) -> Result<Value, (ErrorCode, String)> {
            serde_json::to_value(value).map_err(|e| (ErrorCode::InternalError, e.to_string()))
        }
        match method {
            req::Shutdown::METHOD => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            req::HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = parse(params)?;
                let at = &p.text_document_position_params;
                json(self.at(&at.text_document.uri, at.position, features::hover))
            }
            req::GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams = parse(params)?;
                let at = &p.text_document_position_params;
                json(self.at(&at.text_document.uri, at.position, features::definition))
            }
            req::References::METHOD => {
                let p: lsp_types::ReferenceParams = parse(params)?;
                let at = &p.text_document_position;
                let with = p.context.include_declaration;
                json(self.at(&at.text_document.uri, at.position, |pr, f, o| {
                    features::references(pr, f, o, with)
                }))
            }
            req::Rename::METHOD => {
                let p: lsp_types::RenameParams = parse(params)?;
                let at = &p.text_document_position;
                let name = p.new_name;
                match self.at(&at.text_document.uri, at.position, |pr, f, o| {
                    features::rename(pr, f, o, &name)
                }) {
                    Some(Ok(edit)) => json(edit),
                    Some(Err(message)) => Err((ErrorCode::InvalidParams, message)),
                    None => Err((
                        ErrorCode::InvalidParams,
                        "the file is not part of a policy the server knows".to_owned(),
                    )),
                }
            }
            req::Completion::METHOD => {
                let p: lsp_types::CompletionParams = parse(params)?;
                let at = &p.text_document_position;
                json(self.at(&at.text_document.uri, at.position, features::completion))
            }
            req::DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams = parse(params)?;
                json(self.in_file(&p.text_document.uri, features::symbols))
            }
            req::Formatting::METHOD => {
                let p: lsp_types::DocumentFormattingParams = parse(params)?;
                json(self.in_file(&p.text_document.uri, features::format))
            }
            req::ExecuteCommand::METHOD => {
                let p: lsp_types::ExecuteCommandParams = parse(params)?;
                let code = p.arguments.first().and_then(Value::as_str).unwrap_or("");
                match crate::check::explain::explain_code(code) {
                    Some(text) if p.command == "candor.server.explain" => json(text),
                    _ => Err((
                        ErrorCode::InvalidParams,
                        format!("no rule `{code}` to explain"),
                    )),
                }
            }
            other => Err((
                ErrorCode::MethodNotFound,
                format!("candor does not answer `{other}`"),
            )),
        }
    }

    fn notification(&mut self, n: Notification) {
        let is_text = matches!(
            n.method.as_str(),
            notif::DidOpenTextDocument::METHOD | notif::DidChangeTextDocument::METHOD
        );
        if !is_text {
            self.apply_pending();
        }
        match n.method.as_str() {
            // The editor's text is kept, not parsed: a burst of edits to
            // one document is parsed once, in its last version, when the
            // burst is over or something needs the document.
            notif::DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                {
                    self.pending
                        .insert(p.text_document.uri, p.text_document.text);
                }
            }
            notif::DidChangeTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                    && let Some(change) = p.content_changes.into_iter().last()
                {
                    self.pending.insert(p.text_document.uri, change.text);
                }
            }
            notif::DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                {
                    self.edit(&p.text_document.uri, Change::Closed);
                }
            }
            notif::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeWatchedFilesParams>(n.params)
                {
                    for change in p.changes {
                        self.edit(&change.uri, Change::Disk);
                    }
                }
            }
            _ => {}
        }
    }

    /// A file changed in the editor, was closed, or changed on disk.
    fn edit(&mut self, uri: &Url, change: Change<'_>) {
        let Ok(path) = uri.to_file_path() else { return };
        if path.extension().is_none_or(|e| e != "policy") {
            return;
        }
        let p = self.project_for(&path);
        let project = &mut self.projects[p];
        let held = project
            .file_id(&path)
            .is_some_and(|id| project.open[id.0 as usize]);
        match change {
            Change::Editor(text) => {
                let id = project.set_text(&path, text);
                project.open[id.0 as usize] = true;
                self.edits_applied += 1;
            }
            // The editor's text of a file it holds is newer than the disk's.
            Change::Disk if held => return,
            Change::Disk | Change::Closed if path.exists() => {
                let id = project.set_text(&path, &project::read(&path));
                project.open[id.0 as usize] = false;
            }
            Change::Disk | Change::Closed => project.remove(&path),
        }
        self.dirty.insert(p);
    }

    /// The project a file belongs to, created (and read from disk) on first use.
    fn project_for(&mut self, path: &Path) -> usize {
        if let Some(i) = self.projects.iter().position(|p| p.file_id(path).is_some()) {
            return i;
        }
        let root: PathBuf = project::root_of(path, &self.workspaces);
        if let Some(i) = self.projects.iter().position(|p| p.root() == root) {
            return i;
        }
        // The workspace folders are the boundary: a file outside them is a
        // project of its own folder's files, without subfolders
        // (`file:///x.policy` would otherwise read the whole disk).
        let inside = self.workspaces.iter().any(|w| root.starts_with(w));
        self.projects.push(Project::load_from(&root, inside));
        self.projects.len() - 1
    }

    /// Sends the diagnostics of every file of a project whose list changed.
    fn publish(&mut self, p: usize) {
        let project = &self.projects[p];
        let mut per_file: HashMap<FileId, Vec<lsp_types::Diagnostic>> = HashMap::new();
        for d in project.diagnostics() {
            per_file
                .entry(d.primary.span.file)
                .or_default()
                .push(to_lsp(project, d, &self.explain_uri));
        }
        let mut out = Vec::new();
        for (id, file) in project.sources.iter() {
            let Some(uri) = convert::uri(&file.path) else {
                continue;
            };
            let list = per_file.remove(&id).unwrap_or_default();
            if self.published.get(&uri) != Some(&list) {
                out.push((uri, list));
            }
        }
        for (uri, list) in out {
            self.published.insert(uri.clone(), list.clone());
            let params = PublishDiagnosticsParams {
                uri,
                diagnostics: list,
                version: None,
            };
            self.send(Message::Notification(Notification::new(
                notif::PublishDiagnostics::METHOD.to_owned(),
                params,
            )));
        }
    }

    /// Runs a question about a position in a file.
    fn at<T>(
        &self,
        uri: &Url,
        position: lsp_types::Position,
        f: impl FnOnce(&Project, FileId, usize) -> T,
    ) -> Option<T> {
        let path = uri.to_file_path().ok()?;
        let project = self.projects.iter().find(|p| p.file_id(&path).is_some())?;
        let id = project.file_id(&path)?;
        let offset = convert::offset(project.source(id), position);
        Some(f(project, id, offset))
    }

    /// Runs a question about a whole file.
    fn in_file<T>(&self, uri: &Url, f: impl FnOnce(&Project, FileId) -> T) -> Option<T> {
        let path = uri.to_file_path().ok()?;
        let project = self.projects.iter().find(|p| p.file_id(&path).is_some())?;
        Some(f(project, project.file_id(&path)?))
    }
}

fn initialize_result() -> InitializeResult {
    InitializeResult {
        capabilities: ServerCapabilities {
            text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            definition_provider: Some(OneOf::Left(true)),
            references_provider: Some(OneOf::Left(true)),
            rename_provider: Some(OneOf::Left(true)),
            document_symbol_provider: Some(OneOf::Left(true)),
            document_formatting_provider: Some(OneOf::Left(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(vec![" ".to_owned(), ",".to_owned()]),
                ..CompletionOptions::default()
            }),
            execute_command_provider: Some(lsp_types::ExecuteCommandOptions {
                commands: vec!["candor.server.explain".to_owned()],
                ..lsp_types::ExecuteCommandOptions::default()
            }),
            ..ServerCapabilities::default()
        },
        server_info: Some(ServerInfo {
            name: "candor".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
    }
}

/// A candor diagnostic as LSP sends it.
fn to_lsp(project: &Project, d: &Diagnostic, explain_uri: &str) -> lsp_types::Diagnostic {
    let source = project.source(d.primary.span.file);
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let href = Url::parse(&explain_uri.replace("{code}", &d.code.replace(':', "%3A"))).ok();
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter_map(|label| {
            let file = project.source(label.span.file);
            Some(DiagnosticRelatedInformation {
                location: Location {
                    uri: convert::uri(&file.path)?,
                    range: convert::range(file, label.span),
                },
                message: label
                    .message
                    .clone()
                    .unwrap_or_else(|| "related".to_owned()),
            })
        })
        .collect();
    lsp_types::Diagnostic {
        range: convert::range(source, d.primary.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Advice => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code.clone())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some("candor".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}
