import type { AppContext } from '../src/services/context.ts';
import { createMission } from '../src/services/missions.service.ts';

/** The mission every benchmark fills with generated participants. */
export const createBenchMission = (ctx: AppContext) =>
  createMission(ctx, 'system', {
    slug: 'bench',
    title: 'Benchmark mission',
    origin: 'Origin',
    host: 'Host',
    timezone: 'Europe/Paris',
    startsOn: '2027-01-01',
    endsOn: '2027-01-05',
  });
