import { ahead, type Scored } from '../../shared/ranking';

/**
 * A multiset of (score, tiebreak) pairs in ranking order with O(log n) "how many are
 * strictly ahead" and "what is at position k": sorted blocks of bounded size (inserts
 * move at most one block) with a Fenwick tree over the block sizes (prefix counts).
 * Only the two numbers live here (16 bytes an entry, so a million entries fit in a
 * Durable Object's memory); keys, names and units stay in the object's SQLite.
 */
const MAX_BLOCK = 1024;

export class OrderStatistic {
  private scores: Float64Array[] = [];
  private ties: Float64Array[] = [];
  private lens: number[] = [];
  private fenwick: number[] = [];
  private n = 0;

  get size(): number {
    return this.n;
  }

  /** Builds from pairs already in ranking order (O(n)). */
  static fromSorted(scores: ArrayLike<number>, ties: ArrayLike<number>): OrderStatistic {
    const os = new OrderStatistic();
    for (let i = 0; i < scores.length; i += MAX_BLOCK / 2) {
      const end = Math.min(scores.length, i + MAX_BLOCK / 2);
      const s = new Float64Array(MAX_BLOCK);
      const t = new Float64Array(MAX_BLOCK);
      for (let j = i; j < end; j++) {
        s[j - i] = scores[j]!;
        t[j - i] = ties[j]!;
      }
      os.scores.push(s);
      os.ties.push(t);
      os.lens.push(end - i);
    }
    os.n = scores.length;
    os.rebuildFenwick();
    return os;
  }

  /** Number of entries strictly ahead of (score, tiebreak): its rank is this + 1. */
  countAhead(x: Scored): number {
    const b = this.blockFor(x);
    if (b < 0) return 0;
    return this.prefix(b) + this.lowerBound(b, x);
  }

  /** The pair at 0-based position k in ranking order. */
  at(k: number): Scored | null {
    if (k < 0 || k >= this.n) return null;
    // Fenwick descent: the block holding position k, and the offset inside it.
    let pos = 0;
    let rem = k;
    let step = 1;
    while (step * 2 <= this.lens.length) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.lens.length && this.fenwick[next - 1]! <= rem) {
        pos = next;
        rem -= this.fenwick[next - 1]!;
      }
    }
    return { score: this.scores[pos]![rem]!, tiebreak: this.ties[pos]![rem]! };
  }

  insert(x: Scored): void {
    if (!this.lens.length) {
      this.scores.push(new Float64Array(MAX_BLOCK));
      this.ties.push(new Float64Array(MAX_BLOCK));
      this.lens.push(0);
      this.fenwick = [0];
    }
    let b = this.blockFor(x);
    if (b < 0) b = 0;
    const i = this.lowerBound(b, x);
    const s = this.scores[b]!;
    const t = this.ties[b]!;
    const len = this.lens[b]!;
    s.copyWithin(i + 1, i, len);
    t.copyWithin(i + 1, i, len);
    s[i] = x.score;
    t[i] = x.tiebreak;
    this.lens[b] = len + 1;
    this.n++;
    this.add(b, 1);
    if (len + 1 === MAX_BLOCK) this.split(b);
  }

  /** Removes one pair equal to x; false when there is none. */
  remove(x: Scored): boolean {
    const b = this.blockFor(x);
    if (b < 0) return false;
    // equal pairs may continue into the next blocks: walk until a block starts behind x
    for (let blk = b; blk < this.lens.length; blk++) {
      const i = this.lowerBound(blk, x);
      const len = this.lens[blk]!;
      if (i < len) {
        if (this.scores[blk]![i] !== x.score || this.ties[blk]![i] !== x.tiebreak) return false;
        this.scores[blk]!.copyWithin(i, i + 1, len);
        this.ties[blk]!.copyWithin(i, i + 1, len);
        this.lens[blk] = len - 1;
        this.n--;
        if (len - 1 === 0 && this.lens.length > 1) {
          this.scores.splice(blk, 1);
          this.ties.splice(blk, 1);
          this.lens.splice(blk, 1);
          this.rebuildFenwick();
        } else this.add(blk, -1);
        return true;
      }
    }
    return false;
  }

  /** The block where x belongs: the first whose last pair is not ahead of x. */
  private blockFor(x: Scored): number {
    if (!this.lens.length) return -1;
    let lo = 0;
    let hi = this.lens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const len = this.lens[mid]!;
      const last = len ? { score: this.scores[mid]![len - 1]!, tiebreak: this.ties[mid]![len - 1]! } : null;
      if (last && ahead(last, x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index in block b whose pair is not ahead of x. */
  private lowerBound(b: number, x: Scored): number {
    const s = this.scores[b]!;
    const t = this.ties[b]!;
    let lo = 0;
    let hi = this.lens[b]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! > x.score || (s[mid] === x.score && t[mid]! < x.tiebreak)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private split(b: number): void {
    const half = MAX_BLOCK / 2;
    const s2 = new Float64Array(MAX_BLOCK);
    const t2 = new Float64Array(MAX_BLOCK);
    s2.set(this.scores[b]!.subarray(half, MAX_BLOCK));
    t2.set(this.ties[b]!.subarray(half, MAX_BLOCK));
    this.scores.splice(b + 1, 0, s2);
    this.ties.splice(b + 1, 0, t2);
    this.lens[b] = half;
    this.lens.splice(b + 1, 0, MAX_BLOCK - half);
    this.rebuildFenwick();
  }

  private rebuildFenwick(): void {
    const f = this.lens.slice();
    for (let i = 1; i <= f.length; i++) {
      const j = i + (i & -i);
      if (j <= f.length) f[j - 1]! += f[i - 1]!;
    }
    this.fenwick = f;
  }

  private add(b: number, delta: number): void {
    for (let i = b + 1; i <= this.fenwick.length; i += i & -i) this.fenwick[i - 1]! += delta;
  }

  /** Sum of sizes of blocks before b. */
  private prefix(b: number): number {
    let sum = 0;
    for (let i = b; i > 0; i -= i & -i) sum += this.fenwick[i - 1]!;
    return sum;
  }
}
