import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sessionSlots } from './slots.ts';
import { utcToZoned, zonedTimeToUtc } from './time.ts';

test('a Miami morning is the Marseille afternoon, on both sides of daylight saving', () => {
  assert.equal(
    zonedTimeToUtc('2026-11-16', '09:00', 'America/New_York').toISOString(),
    '2026-11-16T14:00:00.000Z',
  );
  assert.equal(
    zonedTimeToUtc('2026-07-16', '09:00', 'America/New_York').toISOString(),
    '2026-07-16T13:00:00.000Z',
  );
  const instant = zonedTimeToUtc('2026-11-16', '09:00', 'America/New_York');
  assert.deepEqual(utcToZoned(instant, 'Europe/Paris'), { day: '2026-11-16', time: '15:00' });
});

test('the wall clock skips the spring-forward hour and repeats the fall-back one without error', () => {
  assert.equal(
    zonedTimeToUtc('2026-03-29', '03:30', 'Europe/Paris').toISOString(),
    '2026-03-29T01:30:00.000Z',
  );
  assert.equal(
    zonedTimeToUtc('2026-11-01', '00:30', 'America/New_York').toISOString(),
    '2026-11-01T04:30:00.000Z',
  );
});

test('slots fill each day from its opening, skip breaks and know morning from afternoon', () => {
  const slots = sessionSlots(
    [
      { day: '2026-11-17', startsAt: '09:00', endsAt: '13:00', breaks: [['10:30', '10:45']] },
      { day: '2026-11-16', startsAt: '11:00', endsAt: '12:40', breaks: [] },
    ],
    30,
    'America/New_York',
  );
  assert.deepEqual(
    slots.map((s) => `${s.day} ${s.localStart}${s.isMorning ? ' am' : ''}`),
    [
      '2026-11-16 11:00 am',
      '2026-11-16 11:30 am',
      '2026-11-16 12:00',
      '2026-11-17 09:00 am',
      '2026-11-17 09:30 am',
      '2026-11-17 10:00 am',
      '2026-11-17 10:45 am',
      '2026-11-17 11:15 am',
      '2026-11-17 11:45 am',
      '2026-11-17 12:15',
    ],
  );
  assert.equal(slots[3]?.startsAt, '2026-11-17T14:00:00.000Z');
  assert.deepEqual(
    slots.map((s) => s.index),
    slots.map((_, i) => i),
  );
});
