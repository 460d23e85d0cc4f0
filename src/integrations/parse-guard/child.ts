/**
 * The parse guard's child process (guard.ts): parses each review it is sent with the MDX parser
 * the build uses, and answers when the parser returns. A syntax error is not its business (the
 * build reports it with the line); only a parse that never returns is, and the parent sees that.
 */
import { mdxToMdast } from 'satteri';

process.on('message', (text: string) => {
  try {
    mdxToMdast(text);
  } catch {
    // The build's own compile reports syntax errors with file and line.
  }
  process.send?.('done');
});
process.send?.('ready');
