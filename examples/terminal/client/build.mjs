// Builds the terminal page for the browser, run by the Maven build (exec-maven-plugin, process-classes):
// type-checks src/terminal.ts (strict) against the TypeScript client the build generated from the
// app's contract, then bundles it with xterm.js and the centrifuge SDK into one ES module plus its CSS.
//
//   node build.mjs <generated TypeScript client folder> <output folder>
import * as esbuild from 'esbuild';
import path from 'node:path';
import ts from 'typescript';

const [generated, out] = process.argv.slice(2);
if (!generated || !out) {
  console.error('usage: node build.mjs <generated TypeScript client folder> <output folder>');
  process.exit(2);
}
const here = path.dirname(new URL(import.meta.url).pathname);
const entry = path.join(here, 'src', 'terminal.ts');
// The generated package as it lands: index.js with its declarations in index.d.ts.
const generatedClient = path.resolve(generated, 'index.js');
const generatedTypes = path.resolve(generated, 'index.d.ts');
const modules = path.join(here, 'node_modules');

const program = ts.createProgram([entry], {
  strict: true,
  noEmit: true,
  noUnusedLocals: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  skipLibCheck: true,
  // The generated client lives under target/ and imports centrifuge: both resolve to this folder's packages.
  paths: { 'terminal-client': [generatedTypes], centrifuge: [path.join(modules, 'centrifuge')] },
});
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) {
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => here,
    getNewLine: () => '\n',
  }));
  process.exit(1);
}

await esbuild.build({
  entryPoints: { terminal: entry },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  outdir: out,
  alias: { 'terminal-client': generatedClient },
  nodePaths: [modules],
  logLevel: 'warning',
});
console.log(`Bundled the page into ${out}`);
