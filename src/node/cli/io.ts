/** What the CLI takes from the process it runs in: so it runs the same under `node` and inside a test. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The folder relative file names are taken from. */
  cwd: string;
}
