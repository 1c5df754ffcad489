/**
 * Inline function code (`Code.ZipFile`, CDK's `Code.fromInline`): Lambda stores it as `index.js`
 * (`index.py` for Python) in the task root, so the handler is `index.<export>` and the code is CommonJS. Written once per
 * function into a private temporary directory, removed when the runtime closes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export class InlineCodeDirectory {
  private root?: string;
  private readonly directories = new Map<string, string>();

  /** The task root holding the code of function `functionArn` as `index.js`. */
  directoryFor(functionArn: string, inlineCode: string, fileName = 'index.js'): string {
    const existing = this.directories.get(functionArn);
    if (existing) return existing;
    this.root ??= fs.mkdtempSync(path.join(os.tmpdir(), 'portico-inline-'));
    const directory = path.join(this.root, String(this.directories.size));
    fs.mkdirSync(directory);
    fs.writeFileSync(path.join(directory, fileName), inlineCode);
    this.directories.set(functionArn, directory);
    return directory;
  }

  dispose(): void {
    if (this.root) fs.rmSync(this.root, { recursive: true, force: true });
    this.root = undefined;
    this.directories.clear();
  }
}
