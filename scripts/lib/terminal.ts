/** Line-by-line questions on stdin/stdout that also work when answers are piped in. */
import { createInterface } from 'node:readline';
import type { PromptIO } from '../../src/lib/scaffold-prompts.ts';
import { UsageError } from './cli.ts';

/**
 * A PromptIO over the terminal. Lines are queued as they arrive, because piped input can
 * deliver every answer before the first question is asked (readline would drop them).
 */
export function terminalIO(): PromptIO & { close(): void } {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = false;
  rl.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const next of waiting.splice(0)) next(undefined);
  });
  return {
    async ask(question) {
      process.stdout.write(question);
      const line =
        lines.length > 0
          ? lines.shift()
          : ended
            ? undefined
            : await new Promise<string | undefined>((r) => waiting.push(r));
      if (line === undefined) throw new UsageError('input ended before every question was answered');
      if (!process.stdin.isTTY) process.stdout.write(`${line}\n`);
      return line;
    },
    say(text) {
      process.stdout.write(`${text}\n`);
    },
    close() {
      rl.close();
    },
  };
}
