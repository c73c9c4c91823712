// Tokenises every bundled policy file with the TextMate grammar, as VS Code
// does (vscode-textmate + vscode-oniguruma), and fails when a file ends
// inside an open rule (an unterminated string or block), when a character
// other than white space is matched by no rule, or when a declaration
// keyword, field keyword, id, string or comment is not scoped as expected.
"use strict";

const fs = require("fs");
const path = require("path");
const assert = require("assert");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const root = path.resolve(__dirname, "..", "..", "..");
const grammarPath = path.resolve(__dirname, "..", "syntaxes", "candor.tmLanguage.json");
const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;

const onigLib = oniguruma.loadWASM(wasm).then(() => ({
  createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
  createOnigString: (s) => new oniguruma.OnigString(s),
}));

const registry = new vsctm.Registry({
  onigLib,
  loadGrammar: async (scopeName) => {
    if (scopeName === "source.candor") {
      return vsctm.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath);
    }
    // Embedded Markdown is VS Code's own grammar; an empty stand-in keeps
    // the prose rule (vscode-textmate drops a rule whose include is missing).
    if (scopeName === "text.html.markdown") {
      return vsctm.parseRawGrammar(JSON.stringify({ scopeName, patterns: [] }), "markdown.json");
    }
    return null;
  },
});

function policyFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return policyFiles(p);
      return e.name.endsWith(".policy") ? [p] : [];
    })
    .sort();
}

function tokenise(grammar, text) {
  let stack = vsctm.INITIAL;
  const lines = text.split("\n");
  const out = [];
  lines.forEach((line, n) => {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      out.push({ line: n + 1, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    stack = r.ruleStack;
  });
  return { tokens: out, stack };
}

function has(tokens, text, scope) {
  return tokens.some((t) => t.text === text && t.scopes.some((s) => s.startsWith(scope)));
}

async function main() {
  const grammar = await registry.loadGrammar("source.candor");
  assert(grammar, "the grammar loads");
  // The bundled policy, the corpus, the rules', valid and data map fixtures
  // (some separate fields with `;`).
  const files = policyFiles(path.join(root, "policy")).concat(
    policyFiles(path.join(root, "tests", "fixtures", "corpus")),
    policyFiles(path.join(root, "tests", "fixtures", "rules")),
    policyFiles(path.join(root, "tests", "fixtures", "valid")),
    policyFiles(path.join(root, "tests", "fixtures", "datamap"))
  );
  assert(files.length > 0, "the bundled policy has files");
  let failures = 0;
  for (const file of files) {
    const rel = path.relative(root, file);
    const { tokens, stack } = tokenise(grammar, fs.readFileSync(file, "utf8"));
    if (stack.depth !== 1) {
      console.error(`${rel}: the file ends inside an open rule (depth ${stack.depth})`);
      failures++;
    }
    tokens.forEach((t, i) => {
      if (t.scopes.length === 1 && t.text.trim() !== "") {
        console.error(`${rel}:${t.line}: ${JSON.stringify(t.text)} is matched by no rule`);
        failures++;
      }
      // A `;` outside strings and comments ends a field: the next word is
      // the following field's keyword, never an id.
      if (t.text === ";" && !t.scopes.some((s) => s.startsWith("string") || s.startsWith("comment") || s.startsWith("meta.embedded"))) {
        if (!t.scopes.some((s) => s.startsWith("punctuation.separator.semicolon"))) {
          console.error(`${rel}:${t.line}: a \`;\` is not scoped as a separator`);
          failures++;
        }
        const next = tokens.slice(i + 1).find((n) => n.text.trim() !== "");
        if (next && /^[a-z_]/.test(next.text) && !next.scopes.some((s) => s.startsWith("keyword.other.field"))) {
          console.error(`${rel}:${t.line}: ${JSON.stringify(next.text)} after \`;\` is not scoped as a field keyword`);
          failures++;
        }
      }
    });
  }
  // What the scopes mean, on one file of each shape.
  const sample = tokenise(
    grammar,
    'dataset signup "Sign-up" { # a comment\n  collects email, name\n  basis consent for accounts\n  consent for accounts under virginia { how "at sign-up" }\n  text """\n    **Markdown** here { }\n  """\n}\nrules {\n  deny gdpr::legitimate-interest\n}\nsection s { text "Hi" }\nchildren minors "Children" { minimum_age 13; age eea 16 }\n'
  );
  const expect = [
    ["dataset", "storage.type.declaration"],
    ["signup", "entity.name.type.declaration"],
    ["Sign-up", "string.quoted.double"],
    ["# a comment", "comment.line"],
    ["collects", "keyword.other.field"],
    ["email", "variable.other.id"],
    ["for", "keyword.operator.clause"],
    ["under", "keyword.operator.clause"],
    ["how", "keyword.other.field"],
    ["gdpr::legitimate-interest", "support.constant.rule-code"],
    ["    **Markdown** here { }", "meta.embedded.block.markdown"],
    ["text", "keyword.other.field"],
    ["minimum_age", "keyword.other.field"],
    [";", "punctuation.separator.semicolon"],
    ["age", "keyword.other.field"],
  ];
  for (const [text, scope] of expect) {
    if (!has(sample.tokens, text, scope)) {
      console.error(`sample: ${JSON.stringify(text)} is not scoped ${scope}`);
      failures++;
    }
  }
  if (sample.stack.depth !== 1) {
    console.error("sample: ends inside an open rule");
    failures++;
  }
  if (failures > 0) {
    console.error(`${failures} problems`);
    process.exit(1);
  }
  console.log(`grammar: ${files.length} policy files tokenised, every character scoped, every rule closed`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
