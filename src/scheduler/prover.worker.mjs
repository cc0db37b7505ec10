// The exact search's thread: plain JavaScript that teaches this thread TypeScript, then proves.
import { tsImport } from 'tsx/esm/api';

await tsImport('./prover.worker.ts', import.meta.url);
