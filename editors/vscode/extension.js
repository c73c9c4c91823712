// The candor extension: starts `candor lsp` and shows rule explanations.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("candor").get("path") || "candor";
  const serverOptions = {
    run: { command, args: ["lsp"] },
    debug: { command, args: ["lsp"] },
  };
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "candor" }],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.policy"),
    },
    initializationOptions: {
      // A diagnostic's code opens its explanation through this command.
      explainUri: "command:candor.explain?%5B%22{code}%22%5D",
    },
  };
  client = new LanguageClient("candor", "candor", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand("candor.explain", async (code) => {
      if (typeof code !== "string") {
        code = await vscode.window.showInputBox({ prompt: "Rule code, e.g. gdpr::consent-withdrawal" });
      }
      if (!code) {
        return;
      }
      try {
        const text = await client.sendRequest("workspace/executeCommand", {
          command: "candor.server.explain",
          arguments: [code],
        });
        const doc = await vscode.workspace.openTextDocument({ content: String(text), language: "plaintext" });
        await vscode.window.showTextDocument(doc, { preview: true });
      } catch (e) {
        vscode.window.showErrorMessage(`candor: ${e.message || e}`);
      }
    })
  );
  client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
