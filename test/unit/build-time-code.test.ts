import { expect, test } from 'vitest';
import { findBuildTimeCode } from '../../src/lib/build-time-code.ts';

test.each([
  ["import fs from 'node:fs';", 'imports the Node built-in "node:fs"'],
  ["import { execSync } from 'child_process';", 'imports the Node built-in "child_process"'],
  ["export { readFileSync } from 'fs/promises';", 'exports the Node built-in "fs/promises"'],
  ['The build ran with {process.env.SECRET}.', 'reads process.env (build secrets would be printed into the page)'],
  ['<script>alert(1)</script>', 'embeds a <script> element'],
  ['<img src="x.png" onerror="alert(1)" />', 'has an onerror= event handler'],
  ['[click](javascript:alert(1))', 'links to a javascript: URL'],
  ['<a href="javascript:void(0)">x</a>', 'links to a javascript: URL'],
])('%s is flagged', (line, message) => {
  expect(findBuildTimeCode(`---\ntitle: t\n---\n\n${line}\n`)).toEqual([{ line: 5, message }]);
});

test.each([
  ["import Chart from '../components/Chart.astro';"],
  ['```js\nimport fs from "node:fs"; process.env.X\n```'],
  ['Inline `process.env.TOKEN` in a code span is shown, not run.'],
  ['We read the onboarding doc; JavaScript: the language.'],
])('%s is not flagged', (body) => {
  expect(findBuildTimeCode(`---\nsummary: "process.env in frontmatter is text"\n---\n${body}\n`)).toEqual([]);
});

test('the last line of a multi-line import names the module', () => {
  expect(findBuildTimeCode("import {\n  readFileSync,\n} from 'node:fs';\n")).toEqual([
    { line: 3, message: 'imports the Node built-in "node:fs"' },
  ]);
});
