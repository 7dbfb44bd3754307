import type { DomainEvent } from '../../kernel/envelope.js';
import type { AnyProjection } from '../../kernel/projection.js';
import type { ProjectionRunner } from '../../kernel/projectionRunner.js';
import type { EventStore } from '../../kernel/store.js';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until every live projection has folded the run's last event; a message per projection that has not. */
export const waitForProjections = async <E extends DomainEvent>(
  store: EventStore<E>,
  runner: ProjectionRunner,
  projections: readonly AnyProjection[],
  prefix: string,
  timeoutMs: number,
): Promise<string[]> => {
  const [last] = await store.readAll({ direction: 'backwards', maxCount: 1, filter: { streamPrefixes: [prefix] } });
  if (!last) return [];
  const behind = () => projections.filter((projection) => (runner.position(projection) ?? -1n) < last.globalPosition);
  const deadline = Date.now() + timeoutMs;
  while (behind().length > 0 && Date.now() < deadline) await pause(5);
  return behind().map(
    (projection) => `projection ${projection.name}: still at ${String(runner.position(projection))} after ${timeoutMs} ms, the last event is at ${last.globalPosition}`,
  );
};
