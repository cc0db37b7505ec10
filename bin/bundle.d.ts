/** A fingerprint of the sources under `dir`: every file's path, size and modification time, tests left out. */
export function sourceFingerprint(dir: string): string;
/** The CLI's `main`, from the bundle when it can be built, else from the TypeScript sources through tsx. */
export function loadMain(): Promise<(argv: string[]) => Promise<number>>;
