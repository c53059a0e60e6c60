import type { Crossover } from "../domain/answers";

export type { Crossover };

/**
 * Each date where the leader between two series changes. Points where either value is unknown
 * or both are equal keep the previous leader.
 */
export function findCrossovers(
  points: { date: string; a: number | null; b: number | null }[],
  a: string,
  b: string,
): Crossover[] {
  const out: Crossover[] = [];
  let leader: string | null = null;
  for (const p of points) {
    if (p.a === null || p.b === null || p.a === p.b) continue;
    const now = p.a > p.b ? a : b;
    if (leader !== null && now !== leader) out.push({ date: p.date, leader: now, previousLeader: leader });
    leader = now;
  }
  return out;
}
