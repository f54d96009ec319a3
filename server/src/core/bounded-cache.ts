// A least-recently-used map bounded by entry count and by the characters held in its keys:
// a count bound alone lets a few megabyte-long paragraph keys exhaust memory.

export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly capacity: number,
    private readonly maxChars = 32_000_000
  ) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      // Refresh recency: Map keeps insertion order.
      this.map.delete(key);
      this.map.set(key, v);
      this.hits++;
    } else {
      this.misses++;
    }
    return v;
  }

  set(key: string, value: V): void {
    if (!this.map.has(key)) this.chars += key.length;
    this.map.set(key, value);
    while (this.map.size > this.capacity || (this.chars > this.maxChars && this.map.size > 1)) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.map.size;
  }
}
