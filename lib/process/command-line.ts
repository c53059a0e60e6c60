/** One word of a command line, the flag it names, and the flag's value, read when asked for. */
export type CommandLineWord = { arg: string; flag: string; value: () => string };

/**
 * The words of a command line in order. `--flag=value` names `--flag`; `value()` is what follows
 * the `=`, else the next word (which the walk then skips), never a word starting with `--`: a
 * missing value is one line naming the flag, then `usage`. `-h` and `--help` throw `usage` itself.
 */
export function* commandLine(argv: readonly string[], usage: string): Generator<CommandLineWord> {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (flag === "-h" || flag === "--help") throw new Error(usage);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${flag} needs a value\n${usage}`);
      return v;
    };
    yield { arg, flag, value };
  }
}
