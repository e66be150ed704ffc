/**
 * A short per-user memory of status answers, so a card that refreshes itself every time someone opens
 * the chat does not cost a Graph round trip each time. Refresh bypasses it; errors are never kept.
 */
export interface StatusCacheOptions {
  ttlMs: number;
  /** Oldest entries go first past this size, so memory stays bounded in a large tenant. */
  maxEntries?: number;
  clock?: () => Date;
}

interface Entry<T> {
  value: T;
  storedAt: number;
}

export class StatusCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly clock: () => Date;

  constructor(options: StatusCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.clock = options.clock ?? (() => new Date());
  }

  /** The value and when it was stored, while it is younger than the TTL. */
  get(key: string): { value: T; storedAt: Date } | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      return undefined;
    }
    if (this.clock().getTime() - entry.storedAt >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return { value: entry.value, storedAt: new Date(entry.storedAt) };
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt: this.clock().getTime() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
