import { describe, expect, it } from 'vitest';
import { createMemoryAttemptStore } from './attempt-store';

describe('memory attempt store', () => {
  it('counts within a window and restarts when it ends', async () => {
    let time = 1_000;
    const store = createMemoryAttemptStore({ now: () => time });
    expect(await store.get('a')).toBeNull();
    expect(await store.increment('a', 60_000)).toEqual({ count: 1, resetAt: 61_000 });
    time = 30_000;
    // Later attempts do not move the window.
    expect(await store.increment('a', 60_000)).toEqual({ count: 2, resetAt: 61_000 });
    expect(await store.get('a')).toEqual({ count: 2, resetAt: 61_000 });
    expect(await store.get('b')).toBeNull();
    time = 61_000;
    expect(await store.get('a')).toBeNull();
    expect(await store.increment('a', 60_000)).toEqual({ count: 1, resetAt: 121_000 });
  });

  it('keeps at most maxKeys keys, dropping expired and then the oldest windows', async () => {
    let time = 0;
    const store = createMemoryAttemptStore({ maxKeys: 3, now: () => time });
    await store.increment('old', 10);
    await store.increment('x', 1_000);
    await store.increment('y', 1_000);
    time = 20; // 'old' expired
    await store.increment('z', 1_000);
    expect(await store.get('old')).toBeNull();
    expect(store.size).toBe(3);
    await store.increment('w', 1_000); // nothing expired: the oldest ('x') goes
    expect(store.size).toBe(3);
    expect(await store.get('x')).toBeNull();
    expect(await store.get('w')).toEqual({ count: 1, resetAt: 1_020 });
  });

  it('forgets everything on clear', async () => {
    const store = createMemoryAttemptStore();
    await store.increment('a', 1_000);
    store.clear();
    expect(await store.get('a')).toBeNull();
  });
});
