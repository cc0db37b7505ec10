// The worker's entry: plain JavaScript that teaches this thread TypeScript, then runs the solver.
import { tsImport } from 'tsx/esm/api';

await tsImport('./scheduler.worker.ts', import.meta.url);
